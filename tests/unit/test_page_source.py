"""A page's Markdown may not run code (guide/page_source.py): a link is read as the browser reads it, so hiding
``javascript:`` in an entity, a tab or another attribute does not get it published; prose that only looks like
one is published."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.errors import DataError
from guide.page_source import MAX_PAGE_BYTES, check_page, front_matter_lines, read_page
from guide.search.pages import prose_phrases


@pytest.mark.parametrize(
    "markup",
    [
        '<object data="javascript:alert(1)"></object>',
        '<a href="jav&#x61;script:alert(1)">tap</a>',
        '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
        "[tap](java\tscript:alert(1))",
        '<svg><a xlink:href="data:text/html,x">x</a></svg>',
    ],
)
def test_a_hidden_script_link_is_refused_with_page_and_line(markup: str) -> None:
    with pytest.raises(DataError) as caught:
        check_page(f"# Title\n\n{markup}\n", "docs/en/about.md")
    assert str(caught.value).startswith("docs/en/about.md:3: has a javascript:, vbscript: or data: link")


@pytest.mark.parametrize("prose", ["The data: what we keep.", "Set url = the shop's page.", "Online = offline, {x}."])
def test_prose_that_looks_like_a_link_is_published(prose: str) -> None:
    check_page(f"# Title\n\n{prose}\n", "docs/en/about.md")


def test_an_event_attribute_split_over_two_lines_is_refused_at_its_line() -> None:
    with pytest.raises(DataError) as caught:
        check_page('# Title\n\nText.\n<svg onload\n="alert(1)"></svg>\n', "docs/en/about.md")
    assert str(caught.value).startswith("docs/en/about.md:4: has an event-handler attribute")


def test_search_phrases_for_a_heading_the_page_has_not_name_their_line() -> None:
    text = '---\ntitle: About\nsearch:\n  phrases:\n    no-such-heading: ["x"]\n---\n\n# About\n'
    lines = front_matter_lines(text, "docs/en/about.md")
    with pytest.raises(DataError) as caught:
        prose_phrases("docs/en/about.md", {"phrases": {"no-such-heading": ["x"]}}, ["about"], lines=lines)
    assert str(caught.value) == (
        "docs/en/about.md:5: front matter search.phrases.no-such-heading is not the id of a heading of this page "
        "(it has: about)"
    )


def test_a_page_too_large_says_its_size_and_the_limit(tmp_path: Path) -> None:
    page = tmp_path / "about.md"
    page.write_text("# About\n\n" + "word " * (MAX_PAGE_BYTES // 4), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_page(page, "docs/en/about.md")
    size, limit = page.stat().st_size // 1024, MAX_PAGE_BYTES // 1024
    assert str(caught.value) == f"docs/en/about.md:1: is {size} KB, more than the {limit} KB a page may be"
