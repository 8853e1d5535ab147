"""What a search result can be: a heading and the text under it, taken from the model's one-language views
(the guides) and from each page's own prose (its title, introduction and headings).

A page's first section (its title and introduction) stands for the whole page: on a guide's page it links to
the guide itself, so that a result for the guide in general lands on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .. import ids
from ..model import Guide
from ..views import FlowView, LabelView, StepView
from .prose import Prose


@dataclass(frozen=True)
class SearchWords:
    """An element's search words from the data: keywords, and intent phrases."""

    keywords: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()


NONE = SearchWords()


@dataclass
class Section:
    """One search result: a heading and what follows it, up to the next heading."""

    page: str  # the page's URL in its language's site, e.g. cancel-order.html
    target: str  # the id the result links to
    title: str
    page_title: str = ""
    flow: str = ""  # the id of the flow this section is part of, if any
    body: list[str] = field(default_factory=list)  # sentences, in page order
    keywords: tuple[str, ...] = ()  # the section's own search words, from the data
    phrases: tuple[str, ...] = ()  # the section's own intent phrases ("belum masuk"), which count most
    summary: str = ""  # a guide's summary, on its first section
    line: str = ""  # a one-line answer, shown under the result's title
    part: str = ""  # what part of its guide this is, of those every guide may have: "facts" (its time limits), "status"

    @property
    def href(self) -> str:
        return f"{self.page}#{self.target}" if self.target else self.page


def sentences(text: str) -> list[str]:
    """A block of text as sentences, whitespace squashed."""
    squashed = re.sub(r"\s+", " ", text).strip()
    return [s for s in re.split(r"(?<=[.!?])\s+", squashed) if s] if squashed else []


def page_sections(
    prose: Prose,
    page: str,
    flows: list[tuple[FlowView, dict[str, SearchWords]]],
    ui: dict[str, Any],
    summary_only: bool,
    description: str = "",
    parts: dict[str, tuple[str, ...]] | None = None,
    phrases: dict[str, tuple[str, ...]] | None = None,
) -> list[Section]:
    """The sections of one page: its prose, and the guides drawn on it (``flows``: each view with its search words).

    The page's description (its front matter's, which search engines show) is its first section's summary, until a
    guide drawn on the page gives its own. ``phrases``: the prose sections' own intent phrases, by heading id (the
    page's front matter); a guide drawn on the page adds its own to its first section."""
    if not prose.sections:
        return []
    top_title = prose.sections[0].title
    said = phrases or {}
    out = [
        Section(page, s.id, s.title, top_title, body=[x for b in s.blocks for x in sentences(b)],
                phrases=said.get(s.id, ()))
        for s in prose.sections
    ]  # fmt: skip
    out[0].page_title = top_title
    out[0].summary = description
    if summary_only:
        return out[:1]
    for view, words in flows:
        top = out[0]
        own = words.get(view.id, NONE)
        top.target, top.flow, top.line = view.id, view.id, view.summary
        top.keywords, top.summary, top.phrases = own.keywords, view.summary, top.phrases + own.phrases
        top.body += [x for step in view.steps for x in step_sentences(step, ui)]
        out += flow_sections(view, words, ui, page, top_title, parts or {})
    return out


def flow_sections(
    view: FlowView,
    words: dict[str, SearchWords],
    ui: dict[str, Any],
    page: str,
    page_title: str,
    parts: dict[str, tuple[str, ...]],
) -> list[Section]:
    """The sections of one guide below its introduction: routes, cases or sections, statuses, tips and facts.

    Each has its own words only: the guide's words are its introduction's, which a section's ranking draws on
    (``query.rank``), so that a word every section of the guide shares does not tell them apart. Every guide's
    time limits, and each status, also carry the language's words for what that part is (``parts`` in
    ``data/search/<lang>.yml``: "berapa lama", "artinya"), so a question of that kind finds that part of the guide.
    """

    def section(target: str, title: str, body: list[str], line: str = "", part: str = "") -> Section:
        own = words.get(target, NONE)
        phrases = own.phrases + parts.get(part, ())
        return Section(page, target, title, page_title, view.id, body, own.keywords, phrases, line=line, part=part)

    out = []
    for group in view.groups:
        body = sentences(group.when) if group.when else []
        body += [x for step in group.steps for x in step_sentences(step, ui)]
        body += sentences(f"{ui['outcome']}: {group.outcome}") if group.outcome else []
        body += sentences(f"{ui['timing']}: {group.timing}") if group.timing else []
        out.append(section(group.html_id, group.title, body, group.answer))
    if view.statuses:
        out.append(section(view.part("statuses"), ui["statuses"], []))
        for status in view.statuses:
            body = sentences(f"{ui['status_action']}: {status.action}")
            out.append(section(status.html_id, label_text(status.label, ui), body, status.meaning, "status"))
    for n, tip in enumerate(view.tips, start=1):
        body = sentences(f"{ui['why']}: {tip.why}") + sentences(f"{ui['do']}: {tip.do}")
        out.append(section(tip.html_id, f"{n}. {tip.title}", body))
    if view.facts:
        body = [x for fact in view.facts for text in (fact.title, fact.text) for x in sentences(text)]
        line = ", ".join(fact.title for fact in view.facts)
        out.append(section(view.part("facts"), ui["facts"], body, line, "facts"))
    return out


def step_sentences(step: StepView, ui: dict[str, Any]) -> list[str]:
    """What a step says: its instruction, the labels to tap, and its "don't see it?" tip."""
    out = sentences(step.text)
    if step.tap:
        out += sentences(" \u203a ".join(label_text(label, ui) for label in step.tap))  # the arrow between labels
    if step.dont_see:
        out += sentences(f"{ui['dont_see']} {step.dont_see}")
    return out


def label_text(label: LabelView, ui: dict[str, Any]) -> str:
    return f"{label.text} ({ui['native_label']}: {label.native})" if label.native else label.text


def keywords(guide: Guide, lang: str) -> dict[str, SearchWords]:
    """The search words and intent phrases of every flow, route, case, section, tip and status, by element id."""

    def words(record: Any) -> SearchWords:
        keys, said = record.keywords, record.phrases
        return SearchWords(keys[lang] if keys else (), said[lang] if said else ())

    out: dict[str, SearchWords] = {}
    for flow in guide.flows:
        out[flow.id] = words(flow)
        out |= {ids.group(flow.id, g.id): words(g) for g in flow.groups}
        out |= {ids.tip(flow.id, t.id): words(t) for t in flow.tips}
        out |= {ids.status(flow.id, s.id): words(s) for s in flow.statuses}
    return out
