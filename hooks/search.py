"""MkDocs hook: after each language's build, write ``search/index.json``, the index of that language's pages.

The sections come from the built pages (what the reader sees), the keywords and summaries from the data.
``extra.search.summary_only`` lists pages found by their title and introduction only (a printable copy).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

_PAGES: list[tuple[str, str, str]] = []  # (src path, URL in the site, built HTML)


def on_pre_build(config: MkDocsConfig) -> None:
    _PAGES.clear()


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    _PAGES.append((page.file.src_uri, page.file.url, output))
    return output


def on_post_build(config: MkDocsConfig) -> None:
    project = Path(config.config_file_path).parent
    if str(project) not in sys.path:
        sys.path.insert(0, str(project))
    from macros.data import load_guide
    from macros.search import SKIP_CLASSES, build_index, guide_extras, page_sections

    lang = config.theme["language"]
    summary_only = set(config.extra.get("search", {}).get("summary_only", []))
    sections = [
        section
        for src, url, html in _PAGES
        for section in page_sections(html, url, SKIP_CLASSES, summary_only=src in summary_only)
    ]
    guide = load_guide(project / (os.environ.get("GUIDE_DATA") or config.extra["guide_data"]), dt.date.today())
    write(Path(config.site_dir) / "search" / "index.json", build_index(sections, guide_extras(guide, lang), lang))


def write(path: Path, index: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
