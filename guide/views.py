"""One language's view of the guide: the records the templates draw, with ids, numbers, labels and sources
worked out. Pure functions of the typed model, the language and its interface words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from . import ids
from .errors import DataError
from .languages import reference
from .model import Answer, Flow, Group, Guide, Helper, Label, Step, Text

# A guide whose sources were last checked longer ago than this shows a notice, and the build warns.
STALE_AFTER = dt.timedelta(days=180)


@dataclass(frozen=True)
class LabelView:
    text: str
    native: str | None  # the Indonesian app's own text, when the page's language shows another
    uncertain: str | None


@dataclass(frozen=True)
class CiteView:
    """A link from a fact to the source that backs it, numbered as in the flow's list of sources."""

    n: int
    href: str
    title: str


@dataclass(frozen=True)
class StepView:
    n: int
    html_id: str
    text: str
    tap: list[LabelView]
    dont_see: str | None
    uncertain: str | None
    cite: list[CiteView]  # shown after the text only when it states a number


@dataclass(frozen=True)
class GroupView:
    id: str
    kind: str
    html_id: str
    title: str
    answer: str
    steps: list[StepView]
    when: str | None
    outcome: str | None
    timing: str | None
    uncertain: str | None
    cite: list[CiteView]


@dataclass(frozen=True)
class StatusView:
    id: str
    html_id: str
    label: LabelView
    meaning: str
    action: str
    uncertain: str | None
    cite: list[CiteView]


@dataclass(frozen=True)
class TipView:
    id: str
    html_id: str
    title: str
    why: str
    do: str
    uncertain: str | None
    cite: list[CiteView]


@dataclass(frozen=True)
class FactView:
    id: str
    html_id: str
    title: str
    text: str
    uncertain: str | None
    cite: list[CiteView]


@dataclass(frozen=True)
class SourceView:
    n: int
    html_id: str
    title: str
    url: str
    publisher: str
    official: bool
    date_text: str | None


@dataclass(frozen=True)
class SituationView:
    """One line of "Pilih situasi Anda": where it leads, the situation in the reader's words, and the answer."""

    href: str
    title: str
    answer: str
    label: LabelView | None = None  # a status is named by its app label


@dataclass(frozen=True)
class FlowView:
    id: str
    title: str
    summary: str
    kind: str | None
    situations: list[SituationView]
    steps: list[StepView]
    groups: list[GroupView]
    statuses: list[StatusView]
    tips: list[TipView]
    facts: list[FactView]
    sources: list[SourceView]
    checked: str  # YYYY-MM-DD, for <time datetime>
    checked_text: str  # written out in the page's language
    stale: bool

    def part(self, name: str) -> str:
        """The id of one of the flow's parts (its situations, statuses, facts, sources)."""
        return ids.part(self.id, name)


@dataclass(frozen=True)
class OptionView:
    id: str
    title: str
    label: LabelView | None = None  # a status option is named by its app label


@dataclass(frozen=True)
class QuestionView:
    id: str
    text: str
    short: str
    options: list[OptionView]


@dataclass(frozen=True)
class ConditionView:
    question: str  # the question in a few words
    option: OptionView


@dataclass(frozen=True)
class AnswerView:
    id: str
    html_id: str
    when: list[ConditionView]  # empty: the answer for every other case
    when_attr: str  # "status=unpaid payment=online", for the picker
    verdict: str
    verdict_title: str
    text: str
    detail: str | None
    href: str | None  # a case on this page, or a section on another page
    target: str | None  # that section's title
    uncertain: str | None
    cite: list[CiteView]


@dataclass(frozen=True)
class HelperView:
    id: str
    flow: str
    title: str
    intro: str
    detail_label: str | None
    questions: list[QuestionView]
    answers: list[AnswerView]


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
    return today - flow.checked > STALE_AFTER


def stale_flows(guide: Guide, today: dt.date) -> list[str]:
    return [f"{f.id} (sources last checked {f.checked.isoformat()})" for f in guide.flows if is_stale(f, today)]


class _Cites:
    """Looks up a flow's sources by id, for the numbered links from facts to them."""

    def __init__(self, flow: Flow) -> None:
        self.flow = flow.id
        self.sources = {s.id: (n, s) for n, s in enumerate(flow.sources, start=1)}

    def __call__(self, cite: tuple[str, ...]) -> list[CiteView]:
        found = [self.sources[c] for c in cite]
        return [CiteView(n, f"#{ids.source(self.flow, s.id)}", s.title) for n, s in sorted(found, key=lambda x: x[0])]


def flow_view(guide: Guide, flow_id: str, lang: str, ui: dict[str, Any], today: dt.date | None = None) -> FlowView:
    """One flow in one language, ready for the templates."""
    flow = guide.flow(flow_id)
    labels = {key: label_view(label, lang) for key, label in guide.labels.items()}
    cites = _Cites(flow)
    groups = [group_view(g, flow.id, labels, lang, cites) for g in flow.groups]
    statuses = [
        StatusView(s.id, ids.status(flow.id, s.id), labels[s.label], s.meaning[lang], s.action[lang],
                   pick(s.uncertain, lang), cites(s.cite))
        for s in flow.statuses
    ]  # fmt: skip
    view = FlowView(
        id=flow.id,
        title=flow.title[lang],
        summary=flow.summary[lang],
        kind=flow.kind,
        situations=[],
        steps=steps_view(flow.steps, flow.id, labels, lang, cites),
        groups=groups,
        statuses=statuses,
        tips=[
            TipView(
                t.id,
                ids.tip(flow.id, t.id),
                t.title[lang],
                t.why[lang],
                t.do[lang],
                pick(t.uncertain, lang),
                cites(t.cite),
            )
            for t in flow.tips
        ],
        facts=[
            FactView(x.id, ids.fact(flow.id, x.id), x.title[lang], x.text[lang], pick(x.uncertain, lang), cites(x.cite))
            for x in flow.facts
        ],
        sources=[
            SourceView(
                n,
                ids.source(flow.id, s.id),
                s.title,
                s.url,
                s.publisher,
                s.official,
                format_date(s.date, ui) if s.date else None,
            )
            for n, s in enumerate(flow.sources, start=1)
        ],
        checked=flow.checked.isoformat(),
        checked_text=format_date(flow.checked, ui),
        stale=is_stale(flow, today or dt.date.today()),
    )
    view.situations.extend(situations(view))
    return view


def situations(view: FlowView) -> list[SituationView]:
    """The lines of "Pilih situasi Anda": every route, case or section, each with its one-line answer. A guide
    without them lists its statuses (with what each means), or its tips, or its facts."""
    if view.groups:
        return [SituationView(f"#{g.html_id}", g.title, g.answer) for g in view.groups]
    if view.statuses:
        return [SituationView(f"#{s.html_id}", s.label.text, s.meaning, s.label) for s in view.statuses]
    if view.tips:
        return [SituationView(f"#{t.html_id}", t.title, "") for t in view.tips]
    return [SituationView(f"#{x.html_id}", x.title, x.text) for x in view.facts]


def all_flows(guide: Guide, lang: str, ui: dict[str, Any]) -> list[FlowView]:
    return [flow_view(guide, flow.id, lang, ui) for flow in guide.flows]


def group_view(group: Group, flow_id: str, labels: dict[str, LabelView], lang: str, cites: _Cites) -> GroupView:
    html_id = ids.group(flow_id, group.id)
    return GroupView(
        id=group.id,
        kind=group.kind,
        html_id=html_id,
        title=group.title[lang],
        answer=group.answer[lang],
        steps=steps_view(group.steps, html_id, labels, lang, cites),
        when=pick(group.when, lang),
        outcome=pick(group.outcome, lang),
        timing=pick(group.timing, lang),
        uncertain=pick(group.uncertain, lang),
        cite=cites(group.cite),
    )


def steps_view(
    steps: tuple[Step, ...], prefix: str, labels: dict[str, LabelView], lang: str, cites: _Cites
) -> list[StepView]:
    """Numbered from 1, with ids ``<prefix>-<n>``, the tapped labels looked up, and the sources of any number."""
    return [
        StepView(
            n=n,
            html_id=ids.step(prefix, n),
            text=step.text[lang],
            tap=[labels[key] for key in step.tap],
            dont_see=pick(step.dont_see, lang),
            uncertain=pick(step.uncertain, lang),
            cite=cites(step.cite) if any(ch.isdigit() for ch in step.text[lang]) else [],
        )
        for n, step in enumerate(steps, start=1)
    ]


# --- helpers -----------------------------------------------------------------------------------------------


def helper_view(guide: Guide, flow_id: str, lang: str, ui: dict[str, Any]) -> HelperView:
    """A flow's decision helper: its questions with their options, and every answer with its conditions."""
    flow = guide.flow(flow_id)
    if flow.helper is None:
        raise DataError(f"flow '{flow_id}' has no helper")
    helper = flow.helper
    questions = [question_view(q, guide, lang) for q in helper.questions]
    sections = {ident: (f.id, record.title[lang]) for ident, (f, record) in guide.sections().items()}
    verdicts = {v.id: v.title[lang] for v in helper.verdicts}
    cites = _Cites(flow)
    return HelperView(
        id=helper.id,
        flow=flow.id,
        title=helper.title[lang],
        intro=helper.intro[lang],
        detail_label=pick(helper.detail_label, lang),
        questions=questions,
        answers=[answer_view(a, helper, flow.id, questions, verdicts, sections, lang, cites) for a in helper.answers],
    )


def question_view(question: Any, guide: Guide, lang: str) -> QuestionView:
    if question.statuses:
        statuses = guide.flow(question.statuses).statuses
        options = [OptionView(s.id, guide.labels[s.label].text[lang], label_view(guide.labels[s.label], lang))
                   for s in statuses]  # fmt: skip
    else:
        options = [OptionView(o.id, o.title[lang]) for o in question.options]
    return QuestionView(question.id, question.text[lang], question.short[lang], options)


def answer_view(
    answer: Answer,
    helper: Helper,
    flow_id: str,
    questions: list[QuestionView],
    verdicts: dict[str, str],
    sections: dict[str, tuple[str, str]],
    lang: str,
    cites: _Cites,
) -> AnswerView:
    """One answer, with ``href`` to its case on this page, or to a section on another page."""
    by_id = {q.id: q for q in questions}
    when = [
        ConditionView(by_id[q].short, next(o for o in by_id[q].options if o.id == option))
        for q, option in answer.when.items()
    ]
    target = ids.group(flow_id, answer.case) if answer.case else answer.see
    owner, title = sections.get(target, (None, None)) if target else (None, None)
    href = None if owner is None else f"#{target}" if owner == flow_id else f"{owner}.html#{target}"
    return AnswerView(
        id=answer.id,
        html_id=ids.answer(helper.id, answer.id),
        when=when,
        when_attr=" ".join(f"{q}={o}" for q, o in answer.when.items()),
        verdict=answer.verdict,
        verdict_title=verdicts[answer.verdict],
        text=answer.text[lang],
        detail=pick(answer.detail, lang),
        href=href,
        target=title,
        uncertain=pick(answer.uncertain, lang),
        cite=cites(answer.cite),
    )
