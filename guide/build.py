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


@dataclass
class Page:
    """A page as the build sees it: its URL, its own prose, and the guides drawn on it."""

    url: str
    prose: Prose
    flows: list[str] = field(default_factory=list)
    summary_only: bool = False
    description: str = ""  # the page's meta description: what the page is for, in a sentence


@dataclass
class Build:
    site: Site
    pages: dict[str, Page] = field(default_factory=dict)  # by source path (cancel-order.md), in build order
    reading_order: list[str] = field(default_factory=list)  # the source paths in the site's navigation

    def page(self, src: str, url: str, markdown: str, summary_only: bool = False, description: str = "") -> None:
        """Record a page's own text (before its macros run) and its description, for search."""
        self.pages[src] = Page(url, page_prose(markdown), summary_only=summary_only, description=description)

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
            out += page_sections(page.prose, page.url, views, site.ui, page.summary_only, page.description, parts)
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
