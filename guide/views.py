"""One language's view of the guide: the records the templates draw, with ids, numbers, labels and sources
worked out. Pure functions of the typed model, the language and its interface words.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from . import ids
from .errors import DataError
from .evidence import WEAK
from .languages import reference
from .model import Answer, Fact, Flow, Group, Guide, Helper, Label, Source, Status, Step, Text, Tip, Wait

# A guide whose sources were last checked longer ago than this shows a notice, and the build warns.
STALE_AFTER = dt.timedelta(days=180)


@dataclass(frozen=True)
class LabelView:
    text: str
    native: str | None  # the Indonesian app's own text, when the page's language shows another
    uncertain: str | None  # the reason it is marked "not confirmed", when it is (see ``label_view``)
    evidence: str = "none"  # official, guides, one or none (``evidence.py``)


@dataclass(frozen=True)
class ReasonView:
    """One reason under a "not confirmed" mark; ``label``: the app label it is about, if it is about one."""

    text: str
    label: str | None = None


@dataclass(frozen=True)
class MarkView:
    """One "not confirmed" mark: a step, a rule or a label that a reader could get wrong, and why, with what to do
    if the app differs. A step carries at most one, with the reasons of the step and of its weak labels."""

    reasons: list[ReasonView]
    about: str | None = None  # what is unsure, for screen readers (a label's name, a case's title)


@dataclass(frozen=True)
class RefView:
    """A link to another part of the site, named by the target's own title; ``page``: the title of the guide it
    is on, when that is another page."""

    href: str
    title: str
    page: str | None = None


@dataclass(frozen=True)
class WaitView:
    until: str
    then: str


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
    mark: MarkView | None
    cite: list[CiteView]  # shown after the text only when it states a number
    dont_see_lead: bool = True  # the "don't see it?" words go first, unless the text starts with its own question
    see: list[RefView] = field(default_factory=list)
    wait: WaitView | None = None


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
    mark: MarkView | None
    cite: list[CiteView]
    next: list[RefView] = field(default_factory=list)
    urgent: bool = False
    wait: WaitView | None = None


@dataclass(frozen=True)
class StatusView:
    id: str
    html_id: str
    label: LabelView
    meaning: str
    action: str
    mark: MarkView | None  # the status's own reason and its label's, in one mark
    cite: list[CiteView]
    see: list[RefView] = field(default_factory=list)
    wait: WaitView | None = None


@dataclass(frozen=True)
class TipView:
    id: str
    html_id: str
    title: str
    why: str
    do: str
    mark: MarkView | None
    cite: list[CiteView]
    see: list[RefView] = field(default_factory=list)
    wait: WaitView | None = None


@dataclass(frozen=True)
class FactView:
    id: str
    html_id: str
    title: str
    text: str
    mark: MarkView | None
    cite: list[CiteView]
    see: list[RefView] = field(default_factory=list)


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
    """One line of the list under a guide's title: where it leads, the situation in the reader's words, and the
    answer."""

    href: str
    title: str
    answer: str
    label: LabelView | None = None  # a status is named by its app label
    urgent: bool = False


@dataclass(frozen=True)
class LabelsNoteView:
    """The one line per guide on where the button names come from, and when those sources were checked."""

    checked: str  # YYYY-MM-DD
    checked_text: str
    href: str  # the guide's list of sources


@dataclass(frozen=True)
class LabelSourcesView:
    """The sources of the app's button names, for the About page."""

    checked: str
    checked_text: str
    sources: list[SourceView]


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
    situations_title: str = ""  # "Pilih situasi Anda" over situations; another heading over statuses, tips, facts
    labels_note: LabelsNoteView | None = None  # None: the guide names no app label
    label_sources: list[SourceView] = field(default_factory=list)  # the sources of the labels it names
    next: list[RefView] = field(default_factory=list)

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
    next: RefView | None  # a case on this page, or another part of the site
    mark: MarkView | None
    cite: list[CiteView]
    wait: WaitView | None = None


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


def label_view(label: Label, lang: str, ui: dict[str, Any] | None = None) -> LabelView:
    """An app label as the reader sees it; ``native`` is the Indonesian app's own text when it differs.

    It is marked "not confirmed" when the editor says why (``uncertain``), or when its sources are weak (one source
    or none): then the reason is the interface's words for that level (``label_unsure_one``/``_none``)."""
    own, native = label.text[lang], label.text[reference().code]
    reason = pick(label.uncertain, lang)
    if reason is None and label.evidence in WEAK and ui is not None:
        reason = ui[f"label_unsure_{label.evidence}"]
    return LabelView(text=own, native=native if native != own else None, uncertain=reason, evidence=label.evidence)


def mark(reason: str | None, about: str | None = None) -> MarkView | None:
    """A mark with one reason, or None when there is nothing unsure."""
    return MarkView(reasons=[ReasonView(reason)], about=about) if reason else None


def joined_mark(own: str | None, labels: list[LabelView]) -> MarkView | None:
    """One mark for a step (or a status) and the labels it names: its own reason first, then each weak label's."""
    reasons = [ReasonView(own)] if own else []
    weak = list({label.text: label for label in labels if label.uncertain}.values())
    reasons += [ReasonView(label.uncertain or "", label=label.text) for label in weak]
    about = ", ".join(label.text for label in weak) or None
    return MarkView(reasons=reasons, about=about) if reasons else None


def opens_with_question(text: str) -> bool:
    """The text's first sentence is a question ("Tombolnya tidak ada? …"), so it needs no "Don't see it?" before it."""
    return bool(QUESTION_FIRST.match(text))


QUESTION_FIRST = re.compile(r"[^.!?]*\?")


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


class Refs:
    """Links to other parts of the site by element id, titled in the page's language. ``here``: the flow whose page
    they are drawn on ("" for a page that is no guide's, such as the checklist: every link then names its page)."""

    def __init__(self, guide: Guide, here: str, lang: str) -> None:
        self.targets = guide.targets()
        self.here = here
        self.lang = lang

    def __call__(self, refs: tuple[str, ...]) -> list[RefView]:
        return [self.one(ref) for ref in refs]

    def one(self, ref: str) -> RefView:
        target = self.targets.get(ref)
        if target is None:
            raise DataError(f"unknown reference '{ref}'")
        own = target.flow.id == self.here
        page = f"{target.flow.id}.html"
        href = f"#{ref}" if own else page if target.kind == "flow" else f"{page}#{ref}"
        other = None if own or target.kind == "flow" else target.flow.title[self.lang]
        return RefView(href=href, title=target.title[self.lang], page=other)


def wait_view(wait: Wait | None, lang: str) -> WaitView | None:
    return WaitView(until=wait.until[lang], then=wait.then[lang]) if wait else None


class _Draw:
    """What drawing one flow in one language needs: its labels, its sources and the site's parts, looked up once."""

    def __init__(self, guide: Guide, flow: Flow, lang: str, ui: dict[str, Any], here: str) -> None:
        self.flow, self.lang, self.ui = flow, lang, ui
        self.labels = {key: label_view(label, lang, ui) for key, label in guide.labels.items()}
        self.cites = _Cites(flow)
        self.refs = Refs(guide, here, lang)


def flow_view(
    guide: Guide,
    flow_id: str,
    lang: str,
    ui: dict[str, Any],
    today: dt.date | None = None,
    here: str | None = None,
) -> FlowView:
    """One flow in one language, ready for the templates. ``here``: the flow whose page it is drawn on (itself unless
    said otherwise; "" for a page of its own, such as the printable checklist)."""
    flow = guide.flow(flow_id)
    draw = _Draw(guide, flow, lang, ui, flow.id if here is None else here)
    view = FlowView(
        id=flow.id,
        title=flow.title[lang],
        summary=flow.summary[lang],
        kind=flow.kind,
        situations=[],
        steps=steps_view(flow.steps, flow.id, draw),
        groups=[group_view(g, draw) for g in flow.groups],
        statuses=[status_view(s, draw) for s in flow.statuses],
        tips=[tip_view(t, draw) for t in flow.tips],
        facts=[fact_view(x, draw) for x in flow.facts],
        sources=[source_view(n, ids.source(flow.id, s.id), s, ui) for n, s in enumerate(flow.sources, start=1)],
        checked=flow.checked.isoformat(),
        checked_text=format_date(flow.checked, ui),
        stale=is_stale(flow, today or dt.date.today()),
        labels_note=labels_note(guide, flow, ui),
        label_sources=label_sources(guide, flow, ui),
        next=draw.refs(flow.next),
    )
    view.situations.extend(situations(view))
    return dataclasses.replace(view, situations_title=situations_title(view, ui))


def source_view(n: int, html_id: str, s: Source, ui: dict[str, Any]) -> SourceView:
    return SourceView(
        n=n,
        html_id=html_id,
        title=s.title,
        url=s.url,
        publisher=s.publisher,
        official=s.official,
        date_text=format_date(s.date, ui) if s.date else None,
    )


def named_labels(flow: Flow) -> list[str]:
    """The keys of the app labels a guide names: in its steps, then its statuses, each once."""
    keys = [key for _, step in flow.all_steps() for key in step.tap] + [s.label for s in flow.statuses]
    return list(dict.fromkeys(keys))


def labels_note(guide: Guide, flow: Flow, ui: dict[str, Any]) -> LabelsNoteView | None:
    """Where the guide's button names come from, dated: when the labels' sources were checked (the guide's own
    date if the data has no label sources yet)."""
    if not named_labels(flow):
        return None
    day = guide.sources_checked or flow.checked
    return LabelsNoteView(
        checked=day.isoformat(), checked_text=format_date(day, ui), href=f"#{ids.part(flow.id, 'sources')}"
    )


def label_sources(guide: Guide, flow: Flow, ui: dict[str, Any]) -> list[SourceView]:
    """The top-level sources cited by the labels this guide names, in the data's order."""
    cited = {c for key in named_labels(flow) for c in guide.labels[key].cite}
    found = [s for s in guide.sources if s.id in cited]
    return [source_view(n, "", s, ui) for n, s in enumerate(found, start=1)]


def label_sources_view(guide: Guide, ui: dict[str, Any]) -> LabelSourcesView | None:
    """Every source of the app labels, with the date they were checked (None: the data has none yet)."""
    if not guide.sources or guide.sources_checked is None:
        return None
    return LabelSourcesView(
        checked=guide.sources_checked.isoformat(),
        checked_text=format_date(guide.sources_checked, ui),
        sources=[source_view(n, "", s, ui) for n, s in enumerate(guide.sources, start=1)],
    )


def situations(view: FlowView) -> list[SituationView]:
    """The lines of the list under a guide's title: every route, case or section, each with its one-line answer.
    A guide without them lists its statuses (with what each means), or its tips, or its facts."""
    if view.groups:
        return [SituationView(f"#{g.html_id}", g.title, g.answer, urgent=g.urgent) for g in view.groups]
    if view.statuses:
        return [SituationView(f"#{s.html_id}", s.label.text, s.meaning, s.label) for s in view.statuses]
    if view.tips:
        return [SituationView(f"#{t.html_id}", t.title, "") for t in view.tips]
    return [SituationView(f"#{x.html_id}", x.title, x.text) for x in view.facts]


def situations_title(view: FlowView, ui: dict[str, Any]) -> str:
    """ "Pilih situasi Anda" only over situations: ways over routes, and the words for a list of statuses, of tips
    or of facts over those."""
    if view.groups:
        return ui["situations_routes"] if view.kind == "routes" else ui["situations"]
    if view.statuses:
        return ui["situations_statuses"]
    return ui["situations_tips"] if view.tips else ui["situations_facts"]


def group_view(group: Group, draw: _Draw) -> GroupView:
    lang = draw.lang
    html_id = ids.group(draw.flow.id, group.id)
    return GroupView(
        id=group.id,
        kind=group.kind,
        html_id=html_id,
        title=group.title[lang],
        answer=group.answer[lang],
        steps=steps_view(group.steps, html_id, draw),
        when=pick(group.when, lang),
        outcome=pick(group.outcome, lang),
        timing=pick(group.timing, lang),
        mark=mark(pick(group.uncertain, lang), group.title[lang]),
        cite=draw.cites(group.cite),
        next=draw.refs(group.next),
        urgent=group.urgent,
        wait=wait_view(group.wait, lang),
    )


def steps_view(steps: tuple[Step, ...], prefix: str, draw: _Draw) -> list[StepView]:
    """Numbered from 1, with ids ``<prefix>-<n>``, the tapped labels looked up, one mark at most, and the sources of
    any number."""
    return [step_view(n, step, ids.step(prefix, n), draw) for n, step in enumerate(steps, start=1)]


def step_view(n: int, step: Step, html_id: str, draw: _Draw) -> StepView:
    lang = draw.lang
    tap = [draw.labels[key] for key in step.tap]
    dont_see = pick(step.dont_see, lang)
    return StepView(
        n=n,
        html_id=html_id,
        text=step.text[lang],
        tap=tap,
        dont_see=dont_see,
        mark=joined_mark(pick(step.uncertain, lang), tap),
        cite=draw.cites(step.cite) if any(ch.isdigit() for ch in step.text[lang]) else [],
        dont_see_lead=not (dont_see and opens_with_question(dont_see)),
        see=draw.refs(step.see),
        wait=wait_view(step.wait, lang),
    )


def status_view(status: Status, draw: _Draw) -> StatusView:
    lang = draw.lang
    label = draw.labels[status.label]
    return StatusView(
        id=status.id,
        html_id=ids.status(draw.flow.id, status.id),
        label=label,
        meaning=status.meaning[lang],
        action=status.action[lang],
        mark=joined_mark(pick(status.uncertain, lang), [label]),
        cite=draw.cites(status.cite),
        see=draw.refs(status.see),
        wait=wait_view(status.wait, lang),
    )


def tip_view(tip: Tip, draw: _Draw) -> TipView:
    lang = draw.lang
    return TipView(
        id=tip.id,
        html_id=ids.tip(draw.flow.id, tip.id),
        title=tip.title[lang],
        why=tip.why[lang],
        do=tip.do[lang],
        mark=mark(pick(tip.uncertain, lang)),
        cite=draw.cites(tip.cite),
        see=draw.refs(tip.see),
        wait=wait_view(tip.wait, lang),
    )


def fact_view(fact: Fact, draw: _Draw) -> FactView:
    lang = draw.lang
    return FactView(
        id=fact.id,
        html_id=ids.fact(draw.flow.id, fact.id),
        title=fact.title[lang],
        text=fact.text[lang],
        mark=mark(pick(fact.uncertain, lang)),
        cite=draw.cites(fact.cite),
        see=draw.refs(fact.see),
    )


# --- helpers -----------------------------------------------------------------------------------------------


def helper_view(guide: Guide, flow_id: str, lang: str, ui: dict[str, Any]) -> HelperView:
    """A flow's decision helper: its questions with their options, and every answer with its conditions."""
    flow = guide.flow(flow_id)
    if flow.helper is None:
        raise DataError(f"flow '{flow_id}' has no helper")
    helper = flow.helper
    questions = [question_view(q, guide, lang) for q in helper.questions]
    verdicts = {v.id: v.title[lang] for v in helper.verdicts}
    refs = Refs(guide, flow.id, lang)
    cites = _Cites(flow)
    return HelperView(
        id=helper.id,
        flow=flow.id,
        title=helper.title[lang],
        intro=helper.intro[lang],
        detail_label=pick(helper.detail_label, lang),
        questions=questions,
        answers=[answer_view(a, helper, flow.id, questions, verdicts, refs, lang, cites) for a in helper.answers],
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
    refs: Refs,
    lang: str,
    cites: _Cites,
) -> AnswerView:
    """One answer, with a link to its case on this page, or to any other part of the site."""
    by_id = {q.id: q for q in questions}
    when = [
        ConditionView(by_id[q].short, next(o for o in by_id[q].options if o.id == option))
        for q, option in answer.when.items()
    ]
    target = ids.group(flow_id, answer.case) if answer.case else answer.see
    return AnswerView(
        id=answer.id,
        html_id=ids.answer(helper.id, answer.id),
        when=when,
        when_attr=" ".join(f"{q}={o}" for q, o in answer.when.items()),
        verdict=answer.verdict,
        verdict_title=verdicts[answer.verdict],
        text=answer.text[lang],
        detail=pick(answer.detail, lang),
        next=refs.one(target) if target else None,
        mark=mark(pick(answer.uncertain, lang)),
        cite=cites(answer.cite),
        wait=wait_view(answer.wait, lang),
    )
