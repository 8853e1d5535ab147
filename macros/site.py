"""One build's guide: the checked data in the build's language, and a method per macro."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from .data import DataError, load_guide
from .i18n import check_lang, load_ui
from .render import all_flows, flow_view, make_env, render


@dataclass(frozen=True)
class Site:
    guide: dict[str, Any]
    lang: str
    ui: dict[str, Any]
    env: jinja2.Environment

    @classmethod
    def load(cls, data: Path, lang: str, today: dt.date) -> Site:
        lang = check_lang(lang)
        return cls(load_guide(data, today), lang, load_ui(lang), make_env())

    def flow(self, flow_id: str) -> str:
        """``{{ flow("cancel-order") }}``: the whole guide of one flow."""
        return self._render("flow", flow=flow_view(self.guide, flow_id, self.lang, self.ui))

    def tasks(self) -> str:
        """``{{ tasks() }}``: one link per flow, for the home page."""
        return self._render("tasks", flows=all_flows(self.guide, self.lang, self.ui))

    def checklist(self, flow_id: str = "cancel-order", tick: tuple[str, ...] = ("unpaid", "paid", "cod")) -> str:
        """``{{ checklist() }}``: the cases in ``tick`` as tick boxes, the others as what to do instead."""
        view = flow_view(self.guide, flow_id, self.lang, self.ui)
        unknown = sorted(set(tick) - {group["id"] for group in view["groups"]})
        if unknown:
            raise DataError(f"checklist: {flow_id} has no case {', '.join(unknown)}")
        return self._render("checklist", flow=view, tick=tick)

    def sources(self) -> str:
        """``{{ sources() }}``: every flow's sources and last-verified date, for the About page."""
        return self._render("sources", flows=all_flows(self.guide, self.lang, self.ui))

    def _render(self, component: str, **context: Any) -> str:
        return render(self.env, component, ui=self.ui, lang=self.lang, **context)
