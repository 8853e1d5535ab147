"""One language build's context: the guide loaded and checked once, the pages it draws, and their prose.

(The build of the whole site, both languages, is ``scripts/build.py``; this is what one language's MkDocs
process keeps while it builds.) The MkDocs adapters share it: ``hooks/context.py`` starts it when the build's
config is read, the macros of ``macros/`` draw from it, and ``hooks/postbuild.py`` hands it to the post-build
steps. Another builder can drive it the same way: ``start``, then ``page`` and ``LanguageSite`` calls for each
page, then ``search_sections``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .cache import template_cache
from .chat_image import ChatImages
from .errors import DataError
from .language_site import LanguageSite
from .load import load_guide
from .search.pages import prose_phrases
from .search.prose import Prose, page_prose
from .search.sections import Section, keywords, page_sections
from .search.words import word_tables
from .views import flow_view


@dataclass
class Page:
    """A page as the build sees it: its URL, its own prose, and the guides drawn on it."""

    url: str
    prose: Prose
    flows: list[str] = field(default_factory=list)
    summary_only: bool = False
    description: str = ""  # the page's meta description: what the page is for, in a sentence
    phrases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # intent phrases, by the prose section's id
    dated: list[str] = field(default_factory=list)  # guides drawn in another form (the checklist), for its date


@dataclass
class BuildContext:
    """What one language's build keeps: its site (the guide in that language), and the pages it has seen."""

    site: LanguageSite
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

    def record_checklist(self, src: str, flow_id: str) -> None:
        """A page drew this guide's checklist (``{{ checklist("…") }}``): its date, not its sections."""
        if src in self.pages:
            self.pages[src].dated.append(flow_id)

    def record_flow(self, src: str, flow_id: str) -> None:
        """A page drew this guide (``{{ flow("…") }}``)."""
        if src in self.pages:
            self.pages[src].flows.append(flow_id)

    def lastmod(self) -> dict[str, str]:
        """Each page's date for the sitemap: when the sources of the guides drawn on it (as steps or as the
        checklist) were last checked; a page that draws none (the home page, about), the newest of every guide's."""
        guide = self.site.guide
        newest = max(f.checked for f in guide.flows).isoformat()
        dates = {}
        for src, page in self.pages.items():
            drawn = [guide.flow(f).checked for f in dict.fromkeys([*page.flows, *page.dated])]
            dates[src] = max(drawn).isoformat() if drawn else newest
        return dates

    def search_sections(self) -> list[Section]:
        """Every page's sections, in the site's reading order (its navigation; so of two results that score the
        same, the one the site puts first comes first): its prose, then the guides drawn on it."""
        site = self.site
        words = keywords(site.guide, site.lang)
        parts = word_tables(site.lang).parts
        rank = {src: i for i, src in enumerate(self.reading_order)}
        out = []
        for _, page in sorted(self.pages.items(), key=lambda item: rank.get(item[0], len(rank))):
            views = [(flow_view(site.guide, f, site.lang, site.ui, site.today), words) for f in page.flows]
            out += page_sections(
                page.prose, page.url, views, site.ui, page.summary_only, page.description, parts, page.phrases
            )
        return out


_BUILDS: dict[Path, BuildContext] = {}


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
) -> BuildContext:
    """Load and check the guide once for this build (``key`` is its config file) and keep the context.

    ``pages``: the pages of this language (their names); every flow must have one. ``cache``: the folder of what
    is kept between builds (the checked data file, the compiled templates).
    """
    guide = load_guide(data, today, pages=pages, cache=cache / "data" if cache else None)
    chat = ChatImages(cache / "chat" if cache else None)
    site = LanguageSite.make(guide, lang, today, site_url, repo_url, feedback, chat)
    template_cache(cache / "templates" if cache else None, site.env)
    context = BuildContext(site, cache=cache / "pages" if cache else None)
    _BUILDS[key] = context
    return context


def current(key: Path) -> BuildContext:
    """The context ``start`` made for this config file."""
    try:
        return _BUILDS[key]
    except KeyError:
        raise DataError(f"no guide build was started for {key} (is hooks/context.py in its `hooks`?)") from None
