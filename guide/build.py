"""One language build's context: the guide loaded and checked once, the pages it draws, and their prose.

The MkDocs adapters share it: ``hooks/context.py`` starts it when the build's config is read, the macros of
``macros/`` draw from it, and ``hooks/postbuild.py`` hands it to the post-build steps. Another builder can
drive it the same way: ``start``, then ``page`` and ``Site`` calls for each page, then ``search_sections``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import ids
from .cache import template_cache
from .errors import DataError
from .load import load_guide
from .search.prose import Prose, page_prose
from .search.sections import SearchWords, Section, page_sections
from .search.words import word_tables
from .site import Site
from .views import flow_view
from .yamlfile import text_problem

MAX_PHRASE, MAX_PHRASES = 80, 60  # as the data's search words may be (data/schema.json, $defs.words)


@dataclass
class Page:
    """A page as the build sees it: its URL, its own prose, and the guides drawn on it."""

    url: str
    prose: Prose
    flows: list[str] = field(default_factory=list)
    summary_only: bool = False
    description: str = ""  # the page's meta description: what the page is for, in a sentence
    phrases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # intent phrases, by the prose section's id


@dataclass
class Build:
    site: Site
    pages: dict[str, Page] = field(default_factory=dict)  # by source path (cancel-order.md), in build order
    reading_order: list[str] = field(default_factory=list)  # the source paths in the site's navigation

    def page(
        self, src: str, url: str, markdown: str, summary_only: bool = False, description: str = "", search: Any = None
    ) -> None:
        """Record a page's own text (before its macros run), its description, and the intent phrases of its prose
        sections (its front matter's ``search: {phrases: {section-id: [...]}}``), for search."""
        prose = page_prose(markdown)
        phrases = prose_phrases(src, search, [s.id for s in prose.sections])
        self.pages[src] = Page(url, prose, summary_only=summary_only, description=description, phrases=phrases)

    def drew(self, src: str, flow_id: str) -> None:
        """A page drew this guide (``{{ flow("…") }}``)."""
        if src in self.pages:
            self.pages[src].flows.append(flow_id)

    def search_sections(self) -> list[Section]:
        """Every page's sections, in the site's reading order (its navigation; so of two results that score the
        same, the one the site puts first comes first): its prose, then the guides drawn on it."""
        site = self.site
        words = keywords(site)
        parts = word_tables(site.lang).parts
        rank = {src: i for i, src in enumerate(self.reading_order)}
        out = []
        for _, page in sorted(self.pages.items(), key=lambda item: rank.get(item[0], len(rank))):
            views = [(flow_view(site.guide, f, site.lang, site.ui, site.today), words) for f in page.flows]
            out += page_sections(
                page.prose, page.url, views, site.ui, page.summary_only, page.description, parts, page.phrases
            )
        return out


def prose_phrases(src: str, search: Any, section_ids: list[str]) -> dict[str, tuple[str, ...]]:
    """A page's ``search`` front matter, checked: ``{phrases: {id of one of its headings: [phrase, …]}}``.

    Anything else stops the build, naming the page and the key: an unknown key, a heading the page does not have
    (a renamed heading changes its id), a phrase that is not visible text."""
    if search is None:
        return {}
    where = f"{src}: front matter search"
    if not isinstance(search, dict) or set(search) - {"phrases"}:
        raise DataError(f"{where} must be a mapping with only the key 'phrases'")
    phrases = search.get("phrases") or {}
    if not isinstance(phrases, dict):
        raise DataError(f"{where}.phrases must map a heading's id to a list of phrases")
    out = {}
    for ident, said in phrases.items():
        if ident not in section_ids:
            known = ", ".join(section_ids)
            raise DataError(f"{where}.phrases.{ident}: the page has no heading with this id (it has: {known})")
        if not isinstance(said, list) or not 1 <= len(said) <= MAX_PHRASES:
            raise DataError(f"{where}.phrases.{ident} must be a list of 1 to {MAX_PHRASES} phrases")
        for n, text in enumerate(said, start=1):
            if not isinstance(text, str) or not text.strip() or len(text) > MAX_PHRASE:
                raise DataError(f"{where}.phrases.{ident}[{n}] must be a phrase of 1 to {MAX_PHRASE} characters")
            if problem := text_problem(text):
                raise DataError(f"{where}.phrases.{ident}[{n}] {problem}")
        out[ident] = tuple(text.strip() for text in said)
    return out


def keywords(site: Site) -> dict[str, SearchWords]:
    """The search words and intent phrases of every flow, route, case, section, tip and status, by element id."""
    lang = site.lang

    def words(record: Any) -> SearchWords:
        keys, said = record.keywords, record.phrases
        return SearchWords(keys[lang] if keys else (), said[lang] if said else ())

    out: dict[str, SearchWords] = {}
    for flow in site.guide.flows:
        out[flow.id] = words(flow)
        out |= {ids.group(flow.id, g.id): words(g) for g in flow.groups}
        out |= {ids.tip(flow.id, t.id): words(t) for t in flow.tips}
        out |= {ids.status(flow.id, s.id): words(s) for s in flow.statuses}
    return out


_BUILDS: dict[Path, Build] = {}


def start(
    key: Path,
    data: Path,
    lang: str,
    today: dt.date,
    site_url: str,
    repo_url: str = "",
    feedback: str = "",
    pages: set[str] | None = None,
    cache: Path | None = None,
) -> Build:
    """Load and check the guide once for this build (``key`` is its config file) and keep the context.

    ``pages``: the pages of this language (their names); every flow must have one. ``cache``: the folder of what
    is kept between builds (the checked data file, the compiled templates).
    """
    guide = load_guide(data, today, pages=pages, cache=cache / "data" if cache else None)
    site = Site.make(guide, lang, today, site_url, repo_url, feedback)
    template_cache(cache / "templates" if cache else None, site.env)
    build = Build(site)
    _BUILDS[key] = build
    return build


def current(key: Path) -> Build:
    """The context ``start`` made for this config file."""
    try:
        return _BUILDS[key]
    except KeyError:
        raise DataError(f"no guide build was started for {key} (is hooks/context.py in its `hooks`?)") from None
