"""One language build's context: the guide loaded and checked once, the pages it draws, and their prose.

(The build of the whole site, both languages, is ``scripts/build.py``; this is what one language's MkDocs
process keeps while it builds.) The MkDocs adapters share it: ``hooks/context.py`` starts it when the build's
config is read, the macros of ``macros/`` draw from it, and ``hooks/postbuild.py`` hands it to the post-build
steps. Another builder can drive it the same way: ``start``, then ``page`` and ``LanguageSite`` calls for each
page, then ``search_sections``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Collection
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from . import paths
from .cache import cached, template_cache
from .chat_image import ChatImages
from .errors import DataError, YamlPath
from .language_site import LanguageSite
from .load import load_guide
from .page_headings import PageId
from .search.pages import prose_phrases
from .search.prose import Prose, page_prose
from .search.sections import Section, keywords, page_sections
from .search.words import word_tables


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


# Macros drawn on every build, never read from ``drawn``: drawing the checklist also hands its chat image to the
# build (``ChatImages.drawn``), which writes it into the site, so HTML kept from an earlier build would link to an
# image this build never wrote.
DRAWN_EACH_BUILD = frozenset({"checklist"})


@dataclass
class BuildContext:
    """What one language's build keeps: its site (the guide in that language), and the pages it has seen."""

    site: LanguageSite
    pages: dict[str, Page] = field(default_factory=dict)  # by source path (cancel-order.md), in build order
    reading_order: list[str] = field(default_factory=list)  # the source paths in the site's navigation
    cache: Path | None = None  # where the pages' checked search phrases are kept between builds
    drawn: Path | None = None  # where each macro call's HTML is kept between builds
    drawn_from: str = ""  # a digest of everything that HTML depends on but the call (``drawing_inputs``)

    def draw(self, name: str, *args: Any, **kwargs: Any) -> str:
        """The HTML of the macro ``name`` (a method of ``LanguageSite``) called so; kept in ``drawn`` under a key made
        of the call and ``drawn_from``, so a rebuild that changed none of them draws nothing again."""
        method = getattr(self.site, name)
        if self.drawn is None or name in DRAWN_EACH_BUILD:
            return method(*args, **kwargs)
        call = repr((name, args, sorted(kwargs.items())))
        kind = f"{self.site.lang}-{name}-{hashlib.sha256(call.encode()).hexdigest()[:12]}"
        return cached(self.drawn, kind, f"{self.drawn_from}\n{call}", lambda: method(*args, **kwargs))

    def page(
        self,
        src: str,
        url: str,
        markdown: str,
        summary_only: bool = False,
        description: str = "",
        search: Any = None,
        lines: dict[YamlPath, int] | None = None,
    ) -> None:
        """Record a page's own text (before its macros run), its description, and the intent phrases of its prose
        sections (its front matter's ``search: {phrases: {section-id: [...]}}``, whose values' page lines are
        ``lines``), for search."""
        prose = page_prose(markdown)
        name = f"search-{self.site.lang}-{src.replace('/', '-')}"
        phrases = prose_phrases(src, search, [s.id for s in prose.sections], self.cache, name, lines)
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
            views = [(site.view(f, site.today), words) for f in page.flows]
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
    page_ids: Collection[PageId] = (),
) -> BuildContext:
    """Load and check the guide once for this build (``key`` is its config file) and keep the context.

    ``pages``: the pages of this language (their names); every flow must have one. ``cache``: the folder of what
    is kept between builds (the checked data file, the compiled templates, each macro call's HTML). ``page_ids``:
    the ids the pages' Markdown gives (their headings), checked against the data's before any page is written.
    """
    guide = load_guide(data, today, pages=pages, cache=cache / "data" if cache else None, page_ids=page_ids)
    chat = ChatImages(cache / "chat" if cache else None)
    site = LanguageSite.make(guide, lang, today, site_url, repo_url, feedback, chat)
    template_cache(cache / "templates" if cache else None, site.env)
    context = BuildContext(site, cache=cache / "pages" if cache else None, drawn=cache / "drawn" if cache else None)
    if cache:
        context.drawn_from = drawing_inputs(data, site)
    _BUILDS[key] = context
    return context


def drawing_inputs(data: Path, site: LanguageSite) -> str:
    """What a macro's HTML is drawn from, besides the call and the guide package's code (``cached`` adds that): the
    data file, the languages and their interface words, the templates and the packages that run them, the site's
    settings, and both the build's day and the machine's (a guide's age is counted from one or the other)."""
    digest = hashlib.sha256()
    templates = [Path(folder) for folder in getattr(site.env.loader, "searchpath", [paths.TEMPLATES])]
    files = [data, paths.LANGUAGES, *sorted(paths.UI_DIR.glob("*"))]
    files += [path for folder in templates for path in sorted(folder.rglob("*"))]
    for path in files:
        if path.is_file():
            digest.update(f"{path}\0".encode() + path.read_bytes() + b"\0")
    settings = [site.lang, site.site_url, site.repo_url, site.feedback, site.today, dt.date.today()]
    settings += [metadata.version(package) for package in ("jinja2", "markupsafe")]
    digest.update(repr(settings).encode())
    return digest.hexdigest()


def current(key: Path) -> BuildContext:
    """The context ``start`` made for this config file."""
    try:
        return _BUILDS[key]
    except KeyError:
        raise DataError(f"no guide build was started for {key} (is hooks/context.py in its `hooks`?)") from None
