"""One build's guide: the checked data in the build's language, and a method per macro a page may call."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import jinja2

from .errors import DataError
from .languages import language
from .model import Guide
from .render import make_env, render
from .ui import load_ui
from .views import all_flows, flow_view, helper_view, stale_flows

# The macros pages may call; each is a method of Site.
MACROS: tuple[str, ...] = ("flow", "helper", "tasks", "checklist", "sources")


@dataclass(frozen=True)
class Site:
    guide: Guide
    lang: str
    ui: dict[str, Any]
    env: jinja2.Environment
    today: dt.date = field(default_factory=dt.date.today)
    site_url: str = ""  # this language's address, for links that leave the page (reports)
    repo_url: str = ""  # where "report a changed step" opens an issue; empty: no report links

    @classmethod
    def make(cls, guide: Guide, lang: str, today: dt.date, site_url: str = "", repo_url: str = "") -> Site:
        return cls(guide, language(lang).code, load_ui(lang), make_env(), today, site_url, repo_url)

    def flow(self, flow_id: str) -> str:
        """``{{ flow("cancel-order") }}``: the whole guide of one flow."""
        view = flow_view(self.guide, flow_id, self.lang, self.ui, self.today)
        report = functools.partial(self.report_href, flow_id) if self.repo_url else None
        return self._render("flow", flow=view, report=report)

    def report_href(self, flow_id: str, step_id: str | None) -> str:
        """A new issue on the repository, prefilled with the flow, the step, the language and the page."""
        page = f"{self.site_url}{flow_id}.html" + (f"#{step_id}" if step_id else "")
        lines = [f"Flow: {flow_id}", f"Step: {step_id or '-'}", f"Language: {self.lang}", f"Page: {page}", ""]
        title = f"{self.ui['report_issue_title']}: {step_id or flow_id} [{self.lang}]"
        query = urlencode({"title": title, "body": "\n".join([*lines, self.ui["report_issue_ask"], ""])})
        return f"{self.repo_url.rstrip('/')}/issues/new?{query}"

    def helper(self, flow_id: str = "cancel-order") -> str:
        """``{{ helper() }}``: "Can I still cancel?", from the status x payment table in the data."""
        return self._render("helper", helper=helper_view(self.guide, flow_id, self.lang))

    def stale(self) -> list[str]:
        """The flows whose last check is too long ago (the build warns about them)."""
        return stale_flows(self.guide, self.today)

    def tasks(self) -> str:
        """``{{ tasks() }}``: one link per flow, for the home page."""
        return self._render("tasks", flows=all_flows(self.guide, self.lang, self.ui))

    def checklist(
        self,
        flow_id: str = "cancel-order",
        tick: tuple[str, ...] = ("unpaid", "paid", "cod"),
        address: str | None = None,
    ) -> str:
        """``{{ checklist() }}``: the cases in ``tick`` as tick boxes, the others as what to do instead.

        ``address`` is the page's own absolute URL, printed at the foot so a paper copy leads back to it.
        """
        view = flow_view(self.guide, flow_id, self.lang, self.ui)
        unknown = sorted(set(tick) - {group.id for group in view.groups})
        if unknown:
            raise DataError(f"checklist: {flow_id} has no case {', '.join(unknown)}")
        return self._render("checklist", flow=view, tick=tick, address=address)

    def sources(self) -> str:
        """``{{ sources() }}``: every flow's sources and last-verified date, for the About page."""
        return self._render("sources", flows=all_flows(self.guide, self.lang, self.ui))

    def _render(self, component: str, **context: Any) -> str:
        return render(self.env, component, ui=self.ui, lang=self.lang, repo_url=self.repo_url, **context)
