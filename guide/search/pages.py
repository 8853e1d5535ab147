"""A page's own search phrases: its front matter's ``search``, checked as the data's search words are.

The build context (``guide/context.py``) calls ``prose_phrases`` for each page it records.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .. import paths
from ..cache import cached
from ..errors import DataError, Problem, YamlPath, nearest_line, show
from ..schema import schema_problems
from ..yamlfile import text_problems


def prose_phrases(
    src: str,
    search: Any,
    headings: list[str],
    cache: Path | None = None,
    name: str = "search",
    lines: dict[YamlPath, int] | None = None,
) -> dict[str, tuple[str, ...]]:
    """A page's ``search`` front matter, checked: ``{phrases: {id of one of its headings: [phrase, …]}}``.

    It is checked as the data's search words are (``$defs.page_search`` of ``data/schema.json``, and visible text
    only), and each id must be one of the page's headings (a renamed heading changes its id). Anything wrong stops
    the build, naming the page, its line (from ``lines``, the front matter's: ``page_source.front_matter_lines``)
    and the key. ``cache``: the folder where the finding is kept (as ``name``), so that a
    rebuild of an unchanged page does without jsonschema, as one of unchanged data does (``guide/load.py``)."""
    if search is None:
        return {}
    inputs = json.dumps([paths.SCHEMA.read_text(encoding="utf-8"), search, headings], default=str)
    found = cached(cache, name, inputs, lambda: [[p.at, p.message] for p in page_search_problems(search, headings)])
    if found:
        where = (lambda at: f"{src}:{nearest_line(lines, ('search', *at))}") if lines else (lambda at: src)
        raise DataError("\n".join(f"{where(at)}: front matter {_key(at, search)} {message}" for at, message in found))
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
