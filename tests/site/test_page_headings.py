"""The ids read from a page's Markdown before the build (guide/page_headings.py) are the ids the built page's
headings carry: the register checks what the reader's links will reach."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from guide import paths
from guide.page_headings import page_ids

from ..conftest import prefix


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_ids_read_from_the_sources_are_those_the_built_pages_carry(built_site: Path, lang: str) -> None:
    docs = paths.ROOT / "docs" / lang
    for page in sorted(docs.glob("*.md")):
        mine = [p.ident for p in page_ids(page.read_text(encoding="utf-8"), page.name)]
        html = (built_site / prefix(lang) / f"{page.stem}.html").read_text(encoding="utf-8")
        drawn = re.findall(r'<h[1-6] id="([^"]+)"', html)
        assert [i for i in mine if i in drawn] == mine, (page.name, mine, drawn)
