"""The ids a page's own Markdown gives (guide/page_headings.py), read from its source before any page is written:
the same ids the built page's headings carry, and each with its page and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.errors import DataError
from guide.page_headings import page_ids, read_ids


def ids_of(text: str) -> list[tuple[str, str, str]]:
    return [(p.ident, p.place, p.what) for p in page_ids(text, "docs/en/x.md")]


def test_a_heading_takes_the_id_of_its_text_as_the_toc_extension_makes_it() -> None:
    text = '---\ntitle: X\n---\n\n# Returns, refunds & **help**\n\n## The "Not confirmed" mark\n'
    assert ids_of(text) == [
        ("returns-refunds-help", "docs/en/x.md:5", "the heading 'Returns, refunds & help'"),
        ("the-not-confirmed-mark", "docs/en/x.md:7", "the heading 'The \"Not confirmed\" mark'"),
    ]


def test_its_own_id_a_repeated_heading_setext_attribute_lists_and_html_ids() -> None:
    text = "# Parcel problems {: #parcel-page }\n## Steps\n## Steps\nSources\n-------\n"
    text += 'Para {: #kept .x }\n<div id="box">x</div>\n'
    assert [(i, place) for i, place, _ in ids_of(text)] == [
        ("parcel-page", "docs/en/x.md:1"),
        ("steps", "docs/en/x.md:2"),
        ("steps_1", "docs/en/x.md:3"),
        ("sources", "docs/en/x.md:4"),
        ("kept", "docs/en/x.md:6"),
        ("box", "docs/en/x.md:7"),
    ]


def test_lines_inside_a_fenced_block_give_no_id() -> None:
    assert ids_of('```\n# not a heading\n<p id="no">\n```\n# Real\n') == [
        ("real", "docs/en/x.md:5", "the heading 'Real'")
    ]


def test_a_heading_that_takes_a_fixed_id_is_refused_with_page_and_line(tmp_path: Path) -> None:
    (tmp_path / "about.md").write_text("# About\n\nText.\n\n## Checklist\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_ids(tmp_path, "docs/en")
    assert (
        "docs/en/about.md:5: the heading 'Checklist' takes the element id 'checklist', which the checklist "
        "(guide/templates/checklist.html) has too: give it its own id, as in `## Title {: #my-id }`"
    ) in str(caught.value)
