"""The guide as typed records, made once the data has passed the schema and the rules.

Every text is a ``Text``: the same words in each language of the site (``text["en"]``). Nothing here is
one language's view: that is ``views.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from . import evidence, ids
from .errors import DataError, shown

Text = Mapping[str, str]  # language code -> text
Words = Mapping[str, tuple[str, ...]]  # language code -> search words

GROUP_KINDS = ids.GROUP_KINDS
STEP_KINDS: tuple[str, ...] = ("steps", *GROUP_KINDS)


@dataclass(frozen=True)
class Label:
    """An app button, tab or menu name, used by key in a step's ``tap``.

    ``cite``: ids of the guide's top-level ``sources`` that show this name; ``evidence`` is computed from them
    (``evidence.py``). ``uncertain``: the editor's reason it is not confirmed, which also says what to do if the app
    differs; a label is marked when it has one, or when its evidence is weak.
    """

    key: str
    text: Text
    uncertain: Text | None = None
    cite: tuple[str, ...] = ()
    evidence: str = "none"


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    url: str
    publisher: str
    official: bool
    date: dt.date | None = None


@dataclass(frozen=True)
class Wait:
    """A wait, said in full: until when (a sourced limit, or something the buyer can see in the app), and what the
    reader does if nothing has happened by then."""

    until: Text
    then: Text


@dataclass(frozen=True)
class Step:
    text: Text
    tap: tuple[str, ...] = ()
    dont_see: Text | None = None
    uncertain: Text | None = None
    cite: tuple[str, ...] = ()
    see: tuple[str, ...] = ()  # element ids of other parts of the site this step points to
    wait: Wait | None = None


@dataclass(frozen=True)
class Group:
    """A route (one of several ways), a case (one situation) or a section (one part of a longer task)."""

    kind: str
    id: str
    title: Text
    answer: Text  # the one line shown in the list of situations
    steps: tuple[Step, ...]
    when: Text | None = None
    outcome: Text | None = None
    timing: Text | None = None
    uncertain: Text | None = None
    cite: tuple[str, ...] = ()
    keywords: Words | None = None
    phrases: Words | None = None
    next: tuple[str, ...] = ()  # the one or two places a reader most likely needs after this one
    urgent: bool = False  # "I already paid / installed / gave the code": comes before the others of its flow
    wait: Wait | None = None


@dataclass(frozen=True)
class Status:
    id: str
    label: str
    meaning: Text
    action: Text
    uncertain: Text | None = None
    cite: tuple[str, ...] = ()
    keywords: Words | None = None
    phrases: Words | None = None
    see: tuple[str, ...] = ()
    wait: Wait | None = None


@dataclass(frozen=True)
class Tip:
    id: str
    title: Text
    why: Text
    do: Text
    uncertain: Text | None = None
    cite: tuple[str, ...] = ()
    keywords: Words | None = None
    phrases: Words | None = None
    see: tuple[str, ...] = ()
    wait: Wait | None = None


@dataclass(frozen=True)
class Fact:
    id: str
    title: Text
    text: Text
    cite: tuple[str, ...]
    uncertain: Text | None = None
    see: tuple[str, ...] = ()


@dataclass(frozen=True)
class Option:
    id: str
    title: Text


@dataclass(frozen=True)
class Question:
    id: str
    text: Text
    short: Text  # the question in a few words, to list an answer's conditions
    options: tuple[Option, ...] = ()
    statuses: str | None = None  # the options are this flow's statuses


@dataclass(frozen=True)
class Answer:
    """One answer of a helper: shown when the reader's choices meet ``when`` (first match wins)."""

    id: str
    when: Mapping[str, str]  # question id -> option id
    verdict: str
    text: Text
    detail: Text | None = None
    case: str | None = None
    see: str | None = None  # any part of the site (an element id), to read next
    uncertain: Text | None = None
    cite: tuple[str, ...] = ()
    wait: Wait | None = None


@dataclass(frozen=True)
class Helper:
    """A decision helper: a few questions, and the answer the reader's choices lead to."""

    id: str
    title: Text
    intro: Text
    questions: tuple[Question, ...]
    verdicts: tuple[Option, ...]
    answers: tuple[Answer, ...]
    detail_label: Text | None = None


@dataclass(frozen=True)
class Flow:
    id: str
    title: Text
    summary: Text
    checked: dt.date  # when its sources were last checked
    sources: tuple[Source, ...]
    kind: str | None  # steps, routes, cases or sections; None for a flow of tips only
    steps: tuple[Step, ...] = ()
    groups: tuple[Group, ...] = ()
    statuses: tuple[Status, ...] = ()
    tips: tuple[Tip, ...] = ()
    facts: tuple[Fact, ...] = ()
    helper: Helper | None = None
    keywords: Words | None = None
    phrases: Words | None = None
    next: tuple[str, ...] = ()  # where a guide of steps only leads next (a route, case or section has its own)

    def group(self, group_id: str) -> Group:
        for group in self.groups:
            if group.id == group_id:
                return group
        raise DataError(f"flow '{self.id}' has no route, case or section '{group_id}'")

    def all_steps(self) -> Iterator[tuple[str, Step]]:
        """Every step with its element id: ``track-order-3``, ``cancel-order-cod-2``."""
        for n, step in enumerate(self.steps, start=1):
            yield ids.step(self.id, n), step
        for group in self.groups:
            for n, step in enumerate(group.steps, start=1):
                yield ids.step(ids.group(self.id, group.id), n), step


@dataclass(frozen=True)
class Target:
    """A part of the site a reference (``see``, ``next``) may point at, by its element id: a guide, a route, case or
    section, a status, a fact, a tip or a helper."""

    id: str
    flow: Flow
    kind: str  # flow, group, status, fact, tip or helper
    title: Text


@dataclass(frozen=True)
class Guide:
    allowed_hosts: tuple[str, ...]
    labels: Mapping[str, Label]
    flows: tuple[Flow, ...]
    sources: tuple[Source, ...] = ()  # the sources of the app labels (the top-level `sources`)
    sources_checked: dt.date | None = None  # when those were last checked

    def targets(self) -> dict[str, Target]:
        """Every part of the site a reference may point at, by element id, with its title."""
        found: dict[str, Target] = {}
        for f in self.flows:
            found[f.id] = Target(id=f.id, flow=f, kind="flow", title=f.title)
            found |= {t.id: t for t in _parts(f, self.labels)}
        return found

    def flow(self, flow_id: str) -> Flow:
        """The flow with this id, or an error listing the ids there are."""
        for flow in self.flows:
            if flow.id == flow_id:
                return flow
        known = ", ".join(f.id for f in self.flows)
        raise DataError(f"unknown flow id {shown(flow_id)} (known: {known})")


def _parts(f: Flow, labels: Mapping[str, Label]) -> Iterator[Target]:
    """The parts of one flow a reference may point at (the flow itself aside)."""
    for g in f.groups:
        yield Target(id=ids.group(f.id, g.id), flow=f, kind="group", title=g.title)
    for s in f.statuses:
        yield Target(id=ids.status(f.id, s.id), flow=f, kind="status", title=labels[s.label].text)
    for x in f.facts:
        yield Target(id=ids.fact(f.id, x.id), flow=f, kind="fact", title=x.title)
    for t in f.tips:
        yield Target(id=ids.tip(f.id, t.id), flow=f, kind="tip", title=t.title)
    if f.helper:
        yield Target(id=f.helper.id, flow=f, kind="helper", title=f.helper.title)


# --- from checked data ---------------------------------------------------------------------------


def guide_from(data: dict[str, Any]) -> Guide:
    """The typed guide; ``data`` has passed the schema and the rules, so every key is where it should be."""
    sources = tuple(_source(s) for s in data.get("sources", ()))
    by_id = {s.id: s for s in sources}
    labels = {key: _label(key, v, by_id) for key, v in data["labels"].items()}
    checked = data.get("sources_checked")
    return Guide(
        allowed_hosts=tuple(data["allowed_hosts"]),
        labels=labels,
        flows=tuple(_flow(f) for f in data["flows"]),
        sources=sources,
        sources_checked=dt.date.fromisoformat(checked) if checked else None,
    )


def _label(key: str, v: dict[str, Any], sources: Mapping[str, Source]) -> Label:
    cite = _cite(v)
    return Label(
        key=key,
        text=_text(v),
        uncertain=_opt(v.get("uncertain")),
        cite=cite,
        evidence=evidence.level(sources[c] for c in cite),
    )


def _flow(f: dict[str, Any]) -> Flow:
    kind = next((k for k in STEP_KINDS if k in f), None)
    return Flow(
        id=f["id"],
        title=f["title"],
        summary=f["summary"],
        checked=dt.date.fromisoformat(f["sources_checked"]),
        sources=tuple(_source(s) for s in f["sources"]),
        kind=kind,
        steps=tuple(_step(s) for s in f.get("steps", [])),
        groups=tuple(_group(k, g) for k in GROUP_KINDS for g in f.get(k, [])),
        statuses=tuple(_status(s) for s in f.get("statuses", [])),
        tips=tuple(_tip(t) for t in f.get("tips", [])),
        facts=tuple(
            Fact(id=x["id"], title=x["title"], text=x["text"], cite=_cite(x), uncertain=x.get("uncertain"),
                 see=_ids(x, "see"))
            for x in f.get("facts", [])
        ),
        helper=_helper(f["helper"]) if "helper" in f else None,
        keywords=_words(f.get("keywords")),
        phrases=_words(f.get("phrases")),
        next=_ids(f, "next"),
    )  # fmt: skip


def _status(s: dict[str, Any]) -> Status:
    return Status(
        id=s["id"],
        label=s["label"],
        meaning=s["meaning"],
        action=s["action"],
        uncertain=s.get("uncertain"),
        cite=_cite(s),
        keywords=_words(s.get("keywords")),
        phrases=_words(s.get("phrases")),
        see=_ids(s, "see"),
        wait=_wait(s),
    )


def _tip(t: dict[str, Any]) -> Tip:
    return Tip(
        id=t["id"],
        title=t["title"],
        why=t["why"],
        do=t["do"],
        uncertain=t.get("uncertain"),
        cite=_cite(t),
        keywords=_words(t.get("keywords")),
        phrases=_words(t.get("phrases")),
        see=_ids(t, "see"),
        wait=_wait(t),
    )


def _source(s: dict[str, Any]) -> Source:
    date = dt.date.fromisoformat(s["date"]) if "date" in s else None
    return Source(s["id"], s["title"], s["url"], s["publisher"], s["official"], date)


def _step(s: dict[str, Any]) -> Step:
    return Step(
        text=s["text"],
        tap=tuple(s.get("tap", ())),
        dont_see=s.get("dont_see"),
        uncertain=s.get("uncertain"),
        cite=_cite(s),
        see=_ids(s, "see"),
        wait=_wait(s),
    )


def _group(kind: str, g: dict[str, Any]) -> Group:
    return Group(
        kind=kind,
        id=g["id"],
        title=g["title"],
        answer=g["answer"],
        steps=tuple(_step(s) for s in g["steps"]),
        when=g.get("when"),
        outcome=g.get("outcome"),
        timing=g.get("timing"),
        uncertain=g.get("uncertain"),
        cite=_cite(g),
        keywords=_words(g.get("keywords")),
        phrases=_words(g.get("phrases")),
        next=_ids(g, "next"),
        urgent=bool(g.get("urgent", False)),
        wait=_wait(g),
    )


def _helper(h: dict[str, Any]) -> Helper:
    questions = tuple(
        Question(q["id"], q["text"], q["short"], tuple(Option(o["id"], o["title"]) for o in q.get("options", ())),
                 q.get("statuses"))
        for q in h["questions"]
    )  # fmt: skip
    answers = tuple(
        Answer(id=a["id"], when=dict(a["when"]), verdict=a["verdict"], text=a["text"], detail=a.get("detail"),
               case=a.get("case"), see=a.get("see"), uncertain=a.get("uncertain"), cite=_cite(a), wait=_wait(a))
        for a in h["answers"]
    )  # fmt: skip
    verdicts = tuple(Option(v["id"], v["title"]) for v in h["verdicts"])
    return Helper(h["id"], h["title"], h["intro"], questions, verdicts, answers, h.get("detail_label"))


def _cite(record: dict[str, Any]) -> tuple[str, ...]:
    return tuple(record.get("cite", ()))


def _ids(record: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(record.get(key, ()))


def _wait(record: dict[str, Any]) -> Wait | None:
    wait = record.get("wait")
    return Wait(until=wait["until"], then=wait["then"]) if wait else None


LABEL_KEYS = ("uncertain", "cite")  # a label's keys besides its language texts


def _text(record: dict[str, Any]) -> Text:
    """The language texts of a record that has other keys too (a label: its texts, ``uncertain`` and ``cite``)."""
    return {key: value for key, value in record.items() if key not in LABEL_KEYS}


def _opt(value: Any) -> Any:
    return value or None


def _words(value: dict[str, list[str]] | None) -> Words | None:
    return {lang: tuple(words) for lang, words in value.items()} if value else None
