"""MkDocs hook: start this language's guide build, give the build its address, and hand pages' prose to it.

The Indonesian site is the root and every other language lives under its prefix (``data/languages.yml``).
``extra.alternate`` is made from that table: each entry has ``url`` (absolute, for hreflang) and ``href``
(root-relative, for the language switch), and ``site_url`` becomes this language's own address. The
language's interface words (``data/ui/<lang>.yml``) become ``extra.ui`` for the theme templates.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from guide import context as build_context
from guide import page_headings, page_ids
from guide.build_date import build_date
from guide.cache import template_cache
from guide.errors import DataError
from guide.languages import language, languages
from guide.og_cards import cards_for
from guide.page_source import front_matter_lines, read_page
from guide.paths import data_path
from guide.postbuild.csp import PLACEHOLDER
from guide.postbuild.offline import SIZE_PLACEHOLDER
from guide.urls import site_root

# Not under "mkdocs": a stale guide is worth a warning, but must not fail a strict build. Printed the way the
# builder prints its own warnings, so scripts/build.py shows it like one.
LOG = logging.getLogger("panduan")
if not LOG.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    LOG.addHandler(_handler)
    LOG.propagate = False


@event_priority(100)  # before the plugins: mkdocs-macros reads site_url and the build in its own on_config
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        root = site_root(config.site_url or "")
        own = language(config.theme["language"])
    except DataError as exc:
        raise PluginError(str(exc)) from None
    config.extra["alternate"] = alternates(root)
    config.site_url = root + own.prefix
    config.extra["site_root"] = root
    config.extra["locale"] = own.locale
    config.extra["csp_placeholder"] = PLACEHOLDER
    config.extra["save_size"] = SIZE_PLACEHOLDER  # the weight of "save all", filled in after the build
    config.extra["og_cards"] = cards_for(own.code)  # each guide page's own link-preview card, by page name
    project = Path(config.config_file_path).parent
    data = data_path(project, config.extra["guide_data"], os.environ.get("GUIDE_DATA"))
    docs = Path(config.docs_dir)
    shown_docs = Path(os.path.relpath(docs, project)).as_posix()
    try:
        started = build_context.start(
            Path(config.config_file_path),
            data,
            own.code,
            build_date(),
            config.site_url,
            config.repo_url or "",
            config.extra.get("feedback_email") or "",
            pages={page.stem for page in docs.glob("*.md")},
            cache=project / ".cache",
            page_ids=page_headings.read_ids(docs, shown_docs),
        )
    except DataError as exc:
        raise PluginError(str(exc)) from None
    config.extra["ui"] = started.site.ui
    for flow in started.site.stale():
        LOG.warning("guide may be out of date: %s", flow)
    return config


def on_page_read_source(page: Page, config: MkDocsConfig) -> str:
    """The page's source, read by the project's own reader: a page too large, front matter that is not plain YAML
    (the theme would publish it as text), or a script in the Markdown stops the build with the page and line."""
    docs = Path(os.path.relpath(config.docs_dir, Path(config.config_file_path).parent)).as_posix()
    try:
        return read_page(Path(page.file.abs_src_path or ""), f"{docs}/{page.file.src_uri}")
    except DataError as exc:
        raise PluginError(str(exc)) from None


def on_nav(nav: Any, config: MkDocsConfig, files: Any) -> Any:
    """The site's reading order, for search to break ties by."""
    build_context.current(Path(config.config_file_path)).reading_order = [page.file.src_uri for page in nav.pages]
    return nav


@event_priority(100)  # before mkdocs-macros renders the page: search reads the page's own prose
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Any) -> str:
    summary_only = page.file.src_uri in set(config.extra.get("search", {}).get("summary_only", []))
    description = str(page.meta.get("description") or "")
    search = page.meta.get("search")
    try:
        # the front matter's lines, for a message about its search phrases (the page was read by read_page)
        lines = front_matter_lines(Path(page.file.abs_src_path or "").read_text("utf-8"), "") if search else None
        build_context.current(Path(config.config_file_path)).page(
            page.file.src_uri, page.file.url, markdown, summary_only, description, search, lines
        )
    except DataError as exc:
        docs = Path(os.path.relpath(config.docs_dir, Path(config.config_file_path).parent)).as_posix()
        raise PluginError(f"{docs}/{exc}") from None
    return markdown


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Stop the build if the written page gives one id to two elements (a heading and a guide's part, say)."""
    if repeated := page_ids.repeated(output):
        docs = Path(os.path.relpath(config.docs_dir, Path(config.config_file_path).parent)).as_posix()
        where = f"{docs}/{page.file.src_uri}" if page.file else "the 404 page"
        raise PluginError(
            f"{where}: an id is given to two elements, so a link reaches only the first: {'; '.join(repeated)}. "
            "Give the page's heading its own id, as in `# Title {: #my-id }`, or rename the guide's part"
        )
    return output


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Any) -> jinja2.Environment:
    """The theme's templates (Material's and overrides/), compiled once and kept between builds; and each page's
    date for the sitemap (overrides/sitemap.xml), now that every page's macros have run."""
    config.extra["lastmod"] = build_context.current(Path(config.config_file_path)).lastmod()
    return template_cache(Path(config.config_file_path).parent / ".cache" / "theme", env)


def alternates(root: str) -> list[dict[str, str]]:
    """Every language of the site, as ``extra.alternate`` entries with their absolute and root-relative addresses."""
    path = urlsplit(root).path
    return [
        {
            "name": lang.name,
            "short": lang.short,
            "lang": lang.code,
            "path": lang.prefix,
            "url": root + lang.prefix,
            "href": path + lang.prefix,
        }
        for lang in languages()
    ]
