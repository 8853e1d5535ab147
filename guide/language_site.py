"""One language's site: the checked guide in that language, its interface words, and a method per macro a page
may call (``{{ flow("cancel-order") }}`` is ``LanguageSite.flow``)."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import jinja2

from .chat_image import WIDTH, ChatImage, ChatImages, file_name
from .errors import DataError, shown
from .languages import language
from .model import Guide
from .render import make_env, render
from .ui import load_ui
from .urls import email_problem, mailto, repo_url_problem, site_url_problem
from .views import FlowView, flow_view, helper_view, label_sources_view, stale_flows

# The macros pages may call; each is a method of LanguageSite.
MACROS: tuple[str, ...] = ("flow", "helper", "tasks", "checklist", "sources")


def natives(view: FlowView) -> bool:
    """Whether a step of the guide names an app label with its Indonesian name beside it."""
    return any(label.native for group in view.groups for step in group.steps for label in step.tap)


@dataclass(frozen=True)
class LanguageSite:
    guide: Guide
    lang: str
    ui: dict[str, Any]
    env: jinja2.Environment
    today: dt.date = field(default_factory=dt.date.today)
    site_url: str = ""  # this language's address, for links that leave the page (reports, the printed checklist)
    repo_url: str = ""  # where editors report a changed step (GitHub issues); empty: no such links
    feedback: str = ""  # where readers report a changed step by email; empty: no such links
    chat: ChatImages | None = None  # draws the checklist's chat image; None: the checklist has none
    # Each flow's view, made once per day and page it is drawn for: a guide's page, the home page's list, the About
    # page and search all draw the same flows.
    _views: dict[tuple[str, dt.date, str | None], FlowView] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @classmethod
    def make(
        cls,
        guide: Guide,
        lang: str,
        today: dt.date,
        site_url: str = "",
        repo_url: str = "",
        feedback: str = "",
        chat: ChatImages | None = None,
    ) -> LanguageSite:
        """The site of one language; the addresses from the environment are checked before anything uses them."""
        for name, value, problem in (
            ("SITE_URL", site_url, site_url_problem),
            ("REPO_URL", repo_url, repo_url_problem),
            ("FEEDBACK_EMAIL", feedback, email_problem),
        ):
            if value and (wrong := problem(value)):
                raise DataError(f"{name} {wrong}")
        code = language(lang).code
        return cls(guide, code, load_ui(lang), make_env(), today, site_url, repo_url, feedback, chat)

    @property
    def published(self) -> bool:
        """Built for a public address, not for this machine: the printed checklist shows the address then."""
        return self.site_url.startswith("https://")

    def view(self, flow_id: str, today: dt.date | None = None, here: str | None = None) -> FlowView:
        """``views.flow_view`` of one flow in this language (``today``: None is the day of the machine)."""
        key = (flow_id, today or dt.date.today(), here)
        if key not in self._views:
            self._views[key] = flow_view(self.guide, flow_id, self.lang, self.ui, key[1], here)
        return self._views[key]

    def flows(self) -> list[FlowView]:
        """Every flow's view, in the data's order, as the home page and the About page list them."""
        return [self.view(flow.id) for flow in self.guide.flows]

    def flow(self, flow_id: str) -> str:
        """``{{ flow("cancel-order") }}``: the whole guide of one flow."""
        view = self.view(flow_id, self.today)
        helper = helper_view(self.guide, flow_id, self.lang, self.ui) if self.guide.flow(flow_id).helper else None
        return self._render("flow", flow=view, helper=helper, **self._reports(flow_id))

    def _reports(self, flow_id: str) -> dict[str, Any]:
        """The "report a changed step" links: by email for readers, as an issue for editors."""
        mail = functools.partial(self.mail_href, flow_id) if self.feedback else None
        issue = functools.partial(self.issue_href, flow_id) if self.repo_url else None
        return {"mail": mail, "issue": issue}

    def _report_page(self, flow_id: str, step_id: str | None) -> str:
        return "Page: " + f"{self.site_url}{flow_id}.html" + (f"#{step_id}" if step_id else "")

    def _report_lines(self, flow_id: str, step_id: str | None) -> list[str]:
        page = self._report_page(flow_id, step_id)
        return [f"Flow: {flow_id}", f"Step: {step_id or '-'}", f"Language: {self.lang}", page, ""]

    def issue_href(self, flow_id: str, step_id: str | None) -> str:
        """A new issue on the repository, prefilled with the flow, the step, the language and the page."""
        lines = self._report_lines(flow_id, step_id)
        title = f"{self.ui['report_issue_title']}: {step_id or flow_id} [{self.lang}]"
        query = urlencode({"title": title, "body": "\n".join([*lines, self.ui["report_issue_ask"], ""])})
        return f"{self.repo_url.rstrip('/')}/issues/new?{query}"

    def mail_href(self, flow_id: str, step_id: str | None) -> str:
        """An email to the feedback address, prefilled the same way: no account and no script needed."""
        # The subject names the step and the language, so the body needs only the page, the same for every step of
        # it: every step carries one of these links, and the reader's first view pays for each byte that differs.
        subject = f"{self.ui['report_issue_title']}: {step_id or flow_id} [{self.lang}]"
        body = "\n".join([self._report_page(flow_id, None), "", self.ui["report_issue_ask"], ""])
        return mailto(self.feedback, {"subject": subject, "body": body})

    def helper(self, flow_id: str) -> str:
        """``{{ helper("cancel-order") }}``: a flow's decision helper, from its questions and answers in the data."""
        view = helper_view(self.guide, flow_id, self.lang, self.ui)
        return self._render("helper", helper=view)

    def stale(self) -> list[str]:
        """The flows whose sources were last checked too long ago (the build warns about them)."""
        return stale_flows(self.guide, self.today)

    def tasks(self) -> str:
        """``{{ tasks() }}``: one link per flow, for the home page."""
        return self._render("tasks", flows=self.flows())

    def checklist(
        self, flow_id: str = "cancel-order", tick: tuple[str, ...] = ("unpaid", "paid", "cod"), address: str = ""
    ) -> str:
        """``{{ checklist() }}``: the cases in ``tick`` as tick boxes, the others as what to do instead.

        ``address`` is the page's own address. On a published site it is printed at the foot, so a paper copy leads
        back to it; a build for this machine (127.0.0.1) prints none. The chat image carries it always (it is the
        address of the build the image is part of); the page links to the image when it could be drawn.
        """
        view = self.view(flow_id, here="")  # its links name the guide they go to
        unknown = sorted(set(tick) - {group.id for group in view.groups})
        if unknown:
            raise DataError(f"checklist: {flow_id} has no case {', '.join(map(shown, unknown))}")
        image = self.chat_image(flow_id, tick, address or self.site_url)
        shown_address = address if self.published else None
        return self._render(
            "checklist", flow=view, tick=tick, natives=natives(view), address=shown_address, image=image
        )

    def chat_html(
        self, flow_id: str = "cancel-order", tick: tuple[str, ...] = ("unpaid", "paid", "cod"), address: str = ""
    ) -> str:
        """The page the checklist's chat image is drawn from: its cases, its date and the build's ``address``."""
        view = self.view(flow_id, here="")
        title = self.ui["checklist_image_title"]
        context = {"flow": view, "tick": tick, "natives": natives(view), "address": address, "title": title}
        return self._render("chat-checklist", width=WIDTH, **context)

    def chat_image(self, flow_id: str, tick: tuple[str, ...], address: str) -> ChatImage | None:
        """The checklist's chat image (drawn, or kept from an earlier build), or None when it cannot be drawn."""
        if self.chat is None:
            return None
        name = file_name(self.ui["checklist_image_title"])
        return self.chat.image(self.chat_html(flow_id, tick, address), f"assets/{name}", name)

    def sources(self) -> str:
        """``{{ sources() }}``: every flow's sources and the date they were checked, for the About page."""
        buttons = label_sources_view(self.guide, self.ui)
        return self._render("sources", flows=self.flows(), buttons=buttons)

    def _render(self, component: str, **context: Any) -> str:
        return render(self.env, component, ui=self.ui, lang=self.lang, **context)
