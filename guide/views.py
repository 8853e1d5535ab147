"""One language's view of the guide: the records the templates draw, with ids, numbers and labels worked out.

Pure functions of the typed model, the language and its interface words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .languages import reference
from .model import Answer, Flow, Group, Guide, Label, Step, Text

# A guide whose last check is older than this shows a notice, and the build warns.
STALE_AFTER = dt.timedelta(days=180)


@dataclass(frozen=True)
class LabelView:
    text: str
    native: str | None  # the Indonesian app's own text, when the page's language shows another
    uncertain: str | None


@dataclass(frozen=True)
class StepView:
    n: int
    html_id: str
    text: str
    tap: list[LabelView]
    dont_see: str | None
    uncertain: str | None


@dataclass(frozen=True)
class GroupView:
    id: str
    html_id: str
    title: str
    steps: list[StepView]
    when: str | None
    outcome: str | None
    timing: str | None


@dataclass(frozen=True)
class StatusView:
    id: str
    label: LabelView
    meaning: str
    action: str
    uncertain: str | None


@dataclass(frozen=True)
class TipView:
    id: str
    title: str
    why: str
    do: str
    uncertain: str | None


@dataclass(frozen=True)
class FactView:
    id: str
    title: str
    text: str
    uncertain: str | None


@dataclass(frozen=True)
class SourceView:
    title: str
    url: str
    publisher: str
    official: bool
    date_text: str | None


@dataclass(frozen=True)
class FlowView:
    id: str
    title: str
    summary: str
    kind: str | None
    steps: list[StepView]
    groups: list[GroupView]
    statuses: list[StatusView]
    tips: list[TipView]
    facts: list[FactView]
    sources: list[SourceView]
    last_verified: str  # YYYY-MM-DD, for <time datetime>
    verified: str  # written out in the page's language
    stale: bool


@dataclass(frozen=True)
class AnswerView:
    status: str
    payment: str
    verdict: str
    text: str
    money: str
    uncertain: str | None
    payment_title: str
    href: str | None  # the case on this page, or a section on another page
    target: str | None  # that section's title


@dataclass(frozen=True)
class HelperStatusView:
    id: str
    label: LabelView
    answers: list[AnswerView] = field(default_factory=list)


@dataclass(frozen=True)
class PaymentView:
    id: str
    title: str


@dataclass(frozen=True)
class HelperView:
    id: str
    payments: list[PaymentView]
    statuses: list[HelperStatusView]


def pick(text: Text | None, lang: str) -> str | None:
    """One language's text of an optional record."""
    return text[lang] if text else None


def format_date(day: dt.date, ui: dict[str, Any]) -> str:
    """``2026-11-12`` -> ``12 November 2026`` with the month names of the page's language."""
    return f"{day.day} {ui['months'][day.month - 1]} {day.year}"


def label_view(label: Label, lang: str) -> LabelView:
    """An app label as the reader sees it; ``native`` is the Indonesian app's own text when it differs."""
    own, native = label.text[lang], label.text[reference().code]
    return LabelView(own, native if native != own else None, pick(label.uncertain, lang))


def is_stale(flow: Flow, today: dt.date) -> bool:
    return today - flow.last_verified > STALE_AFTER


def stale_flows(guide: Guide, today: dt.date) -> list[str]:
    return [f"{f.id} (last verified {f.last_verified.isoformat()})" for f in guide.flows if is_stale(f, today)]


def flow_view(guide: Guide, flow_id: str, lang: str, ui: dict[str, Any], today: dt.date | None = None) -> FlowView:
    """One flow in one language, ready for the templates."""
    flow = guide.flow(flow_id)
    labels = {key: label_view(label, lang) for key, label in guide.labels.items()}
    return FlowView(
        id=flow.id,
        title=flow.title[lang],
        summary=flow.summary[lang],
        kind=flow.kind,
        steps=steps_view(flow.steps, flow.id, labels, lang),
        groups=[group_view(g, flow.id, labels, lang) for g in flow.groups],
        statuses=[
            StatusView(s.id, labels[s.label], s.meaning[lang], s.action[lang], pick(s.uncertain, lang))
            for s in flow.statuses
        ],
        tips=[TipView(t.id, t.title[lang], t.why[lang], t.do[lang], pick(t.uncertain, lang)) for t in flow.tips],
        facts=[FactView(x.id, x.title[lang], x.text[lang], pick(x.uncertain, lang)) for x in flow.facts],
        sources=[
            SourceView(s.title, s.url, s.publisher, s.official, format_date(s.date, ui) if s.date else None)
            for s in flow.sources
        ],
        last_verified=flow.last_verified.isoformat(),
        verified=format_date(flow.last_verified, ui),
        stale=is_stale(flow, today or dt.date.today()),
    )


def all_flows(guide: Guide, lang: str, ui: dict[str, Any]) -> list[FlowView]:
    return [flow_view(guide, flow.id, lang, ui) for flow in guide.flows]


def group_view(group: Group, flow_id: str, labels: dict[str, LabelView], lang: str) -> GroupView:
    html_id = f"{flow_id}-{group.id}"
    return GroupView(
        id=group.id,
        html_id=html_id,
        title=group.title[lang],
        steps=steps_view(group.steps, html_id, labels, lang),
        when=pick(group.when, lang),
        outcome=pick(group.outcome, lang),
        timing=pick(group.timing, lang),
    )


def steps_view(steps: tuple[Step, ...], prefix: str, labels: dict[str, LabelView], lang: str) -> list[StepView]:
    """Numbered from 1, with ids ``<prefix>-<n>`` and the tapped labels looked up."""
    return [
        StepView(
            n=n,
            html_id=f"{prefix}-{n}",
            text=step.text[lang],
            tap=[labels[key] for key in step.tap],
            dont_see=pick(step.dont_see, lang),
            uncertain=pick(step.uncertain, lang),
        )
        for n, step in enumerate(steps, start=1)
    ]


def helper_view(guide: Guide, flow_id: str, lang: str) -> HelperView:
    """The status x payment answers, grouped by status, each with a link to what to read next."""
    from .errors import DataError

    flow = guide.flow(flow_id)
    if flow.helper is None:
        raise DataError(f"flow '{flow_id}' has no helper table")
    helper = flow.helper
    payments = {p.id: p.title[lang] for p in helper.payments}
    sections = {ident: (f.id, record.title[lang]) for ident, (f, record) in guide.sections().items()}
    statuses = [
        HelperStatusView(
            status.id,
            label_view(guide.labels[status.label], lang),
            [answer_view(a, flow_id, payments, sections, lang) for a in helper.answers if a.status == status.id],
        )
        for f in guide.flows
        for status in f.statuses
    ]
    return HelperView(flow_id, [PaymentView(p.id, p.title[lang]) for p in helper.payments], statuses)


def answer_view(
    answer: Answer, flow_id: str, payments: dict[str, str], sections: dict[str, tuple[str, str]], lang: str
) -> AnswerView:
    """One answer, with ``href`` to its case on this page, or to a section on another page."""
    target = f"{flow_id}-{answer.case}" if answer.case else answer.see
    owner, title = sections.get(target, (None, None)) if target else (None, None)
    href = None if owner is None else f"#{target}" if owner == flow_id else f"{owner}.html#{target}"
    return AnswerView(
        status=answer.status,
        payment=answer.payment,
        verdict=answer.verdict,
        text=answer.text[lang],
        money=answer.money[lang],
        uncertain=pick(answer.uncertain, lang),
        payment_title=payments[answer.payment],
        href=href,
        target=title,
    )
