"""One language build's context: the guide loaded and checked once, the pages it draws, and their prose.

The MkDocs adapters share it: ``hooks/context.py`` starts it when the build's config is read, the macros of
``macros/`` draw from it, and ``hooks/postbuild.py`` hands it to the post-build steps. Another builder can
drive it the same way: ``start``, then ``page`` and ``Site`` calls for each page, then ``search_sections``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import ids, paths
from .cache import cached, template_cache
from .errors import DataError, Problem, show
from .load import load_guide
from .schema import schema_problems
from .search.prose import Prose, page_prose
from .search.sections import SearchWords, Section, page_sections
from .search.words import word_tables
from .site import Site
from .views import flow_view
from .yamlfile import text_problems


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
    cache: Path | None = None  # where the pages' checked search phrases are kept between builds

    def page(
        self, src: str, url: str, markdown: str, summary_only: bool = False, description: str = "", search: Any = None
    ) -> None:
        """Record a page's own text (before its macros run), its description, and the intent phrases of its prose
        sections (its front matter's ``search: {phrases: {section-id: [...]}}``), for search."""
        prose = page_prose(markdown)
        name = f"search-{self.site.lang}-{src.replace('/', '-')}"
        phrases = prose_phrases(src, search, [s.id for s in prose.sections], self.cache, name)
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


def prose_phrases(
    src: str, search: Any, headings: list[str], cache: Path | None = None, name: str = "search"
) -> dict[str, tuple[str, ...]]:
    """A page's ``search`` front matter, checked: ``{phrases: {id of one of its headings: [phrase, …]}}``.

    It is checked as the data's search words are (``$defs.page_search`` of ``data/schema.json``, and visible text
    only), and each id must be one of the page's headings (a renamed heading changes its id). Anything wrong stops
    the build, naming the page and the key. ``cache``: the folder where the finding is kept (as ``name``), so that a
    rebuild of an unchanged page does without jsonschema, as one of unchanged data does (``guide/load.py``)."""
    if search is None:
        return {}
    inputs = json.dumps([paths.SCHEMA.read_text(encoding="utf-8"), search, headings], default=str)
    found = cached(cache, name, inputs, lambda: [[p.at, p.message] for p in page_search_problems(search, headings)])
    if found:
        raise DataError("\n".join(f"{src}: front matter {_key(at, search)} {message}" for at, message in found))
    return {ident: tuple(text.strip() for text in said) for ident, said in search.get("phrases", {}).items()}


def _key(at: list[str | int], search: Any) -> str:
    return f"search.{show(tuple(at), search)}" if at else "search"


def page_search_problems(search: Any, headings: list[str]) -> list[Problem]:
    """What is wrong with a page's ``search`` front matter (see ``prose_phrases``)."""
    problems = schema_problems(search, part="page_search") or text_problems(search)
    return problems or [
        Problem(("phrases", ident), f"is not the id of a heading of this page (it has: {', '.join(headings)})")
        for ident in search.get("phrases", {})
        if ident not in headings
    ]


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
    build = Build(site, cache=cache / "pages" if cache else None)
    _BUILDS[key] = build
    return build


def current(key: Path) -> Build:
    """The context ``start`` made for this config file."""
    try:
        return _BUILDS[key]
    except KeyError:
        raise DataError(f"no guide build was started for {key} (is hooks/context.py in its `hooks`?)") from None
