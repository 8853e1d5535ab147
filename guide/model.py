"""The guide as typed records, made once the data has passed the schema and the rules.

Every text is a ``Text``: the same words in each language of the site (``text["en"]``). Nothing here is
one language's view: that is ``views.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from . import ids
from .errors import DataError

Text = Mapping[str, str]  # language code -> text
Words = Mapping[str, tuple[str, ...]]  # language code -> search words

GROUP_KINDS = ids.GROUP_KINDS
STEP_KINDS: tuple[str, ...] = ("steps", *GROUP_KINDS)


@dataclass(frozen=True)
class Label:
    """An app button, tab or menu name, used by key in a step's ``tap``."""

    key: str
    text: Text
    uncertain: Text | None = None


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    url: str
    publisher: str
    official: bool
    date: dt.date | None = None


@dataclass(frozen=True)
class Step:
    text: Text
    tap: tuple[str, ...] = ()
    dont_see: Text | None = None
    uncertain: Text | None = None
    cite: tuple[str, ...] = ()


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


@dataclass(frozen=True)
class Fact:
    id: str
    title: Text
    text: Text
    cite: tuple[str, ...]
    uncertain: Text | None = None


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
    see: str | None = None
    uncertain: Text | None = None
    cite: tuple[str, ...] = ()


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
class Guide:
    allowed_hosts: tuple[str, ...]
    labels: Mapping[str, Label]
    flows: tuple[Flow, ...]

    def flow(self, flow_id: str) -> Flow:
        """The flow with this id, or an error listing the ids there are."""
        for flow in self.flows:
            if flow.id == flow_id:
                return flow
        known = ", ".join(f.id for f in self.flows)
        raise DataError(f"unknown flow id '{flow_id}' (known: {known})")

    def sections(self) -> dict[str, tuple[Flow, Flow | Group]]:
        """The ids a link may point at, each with its flow and record: every flow, and each of its routes,
        cases and sections (``cancel-order-cod``)."""
        found: dict[str, tuple[Flow, Flow | Group]] = {f.id: (f, f) for f in self.flows}
        for f in self.flows:
            found |= {ids.group(f.id, g.id): (f, g) for g in f.groups}
        return found


# --- from checked data ---------------------------------------------------------------------------


def guide_from(data: dict[str, Any]) -> Guide:
    """The typed guide; ``data`` has passed the schema and the rules, so every key is where it should be."""
    labels = {key: Label(key, _text(v), _opt(v.get("uncertain"))) for key, v in data["labels"].items()}
    return Guide(tuple(data["allowed_hosts"]), labels, tuple(_flow(f) for f in data["flows"]))


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
        statuses=tuple(
            Status(s["id"], s["label"], s["meaning"], s["action"], s.get("uncertain"), _cite(s),
                   _words(s.get("keywords")), _words(s.get("phrases")))
            for s in f.get("statuses", [])
        ),
        tips=tuple(
            Tip(t["id"], t["title"], t["why"], t["do"], t.get("uncertain"), _cite(t), _words(t.get("keywords")),
                _words(t.get("phrases")))
            for t in f.get("tips", [])
        ),
        facts=tuple(Fact(x["id"], x["title"], x["text"], _cite(x), x.get("uncertain")) for x in f.get("facts", [])),
        helper=_helper(f["helper"]) if "helper" in f else None,
        keywords=_words(f.get("keywords")),
        phrases=_words(f.get("phrases")),
    )  # fmt: skip


def _source(s: dict[str, Any]) -> Source:
    date = dt.date.fromisoformat(s["date"]) if "date" in s else None
    return Source(s["id"], s["title"], s["url"], s["publisher"], s["official"], date)


def _step(s: dict[str, Any]) -> Step:
    return Step(s["text"], tuple(s.get("tap", ())), s.get("dont_see"), s.get("uncertain"), _cite(s))


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
    )


def _helper(h: dict[str, Any]) -> Helper:
    questions = tuple(
        Question(q["id"], q["text"], q["short"], tuple(Option(o["id"], o["title"]) for o in q.get("options", ())),
                 q.get("statuses"))
        for q in h["questions"]
    )  # fmt: skip
    answers = tuple(
        Answer(a["id"], dict(a["when"]), a["verdict"], a["text"], a.get("detail"), a.get("case"), a.get("see"),
               a.get("uncertain"), _cite(a))
        for a in h["answers"]
    )  # fmt: skip
    verdicts = tuple(Option(v["id"], v["title"]) for v in h["verdicts"])
    return Helper(h["id"], h["title"], h["intro"], questions, verdicts, answers, h.get("detail_label"))


def _cite(record: dict[str, Any]) -> tuple[str, ...]:
    return tuple(record.get("cite", ()))


def _text(record: dict[str, Any]) -> Text:
    """The language texts of a record that has other keys too (a label: its texts and ``uncertain``)."""
    return {key: value for key, value in record.items() if key != "uncertain"}


def _opt(value: Any) -> Any:
    return value or None


def _words(value: dict[str, list[str]] | None) -> Words | None:
    return {lang: tuple(words) for lang, words in value.items()} if value else None
