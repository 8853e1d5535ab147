"""A page's own search phrases (its front matter's ``search``), checked as the data's search words are."""

from __future__ import annotations

import pytest

from guide.errors import DataError
from guide.search.pages import prose_phrases

HEADINGS = ["about", "sources"]


def test_the_phrases_of_the_pages_headings_are_kept_trimmed() -> None:
    assert prose_phrases("about.md", None, HEADINGS) == {}
    assert prose_phrases("about.md", {"phrases": {"sources": [" info dari mana "]}}, HEADINGS) == {
        "sources": ("info dari mana",)
    }


@pytest.mark.parametrize(
    ("search", "said"),
    [
        ({"phrases": {"sources": []}}, "about.md: front matter search.phrases.sources is empty (needs at least 1)"),
        ({"phrases": {"sources": ["x" * 81]}}, "about.md: front matter search.phrases.sources[1] is not allowed here"),
        ({"phrases": {"sources": ["ok", "a\u202eb"]}}, "sources[2] has the bidirectional control U+202E"),
        ({"phrases": {"sources": ["\u200b"]}}, "search.phrases.sources[1] has no visible text"),
        ({"phrases": None}, "about.md: front matter search.phrases should be a mapping, not empty"),
        ("phrases", "about.md: front matter search should be a mapping, not text"),
        ({"phrases": {"gone": ["x"]}}, "phrases.gone is not the id of a heading of this page (it has: about, sources)"),
    ],
)  # fmt: skip
def test_anything_else_stops_the_build_naming_the_page_and_the_key(search: object, said: str) -> None:
    with pytest.raises(DataError) as caught:
        prose_phrases("about.md", search, HEADINGS)
    assert said in str(caught.value), str(caught.value)


def test_a_kept_finding_stops_the_next_build_too_and_a_change_is_checked_again(tmp_path) -> None:
    bad = {"phrases": {"gone": ["x"]}}
    for _ in range(2):  # computed, then read back from the cache
        with pytest.raises(DataError, match=r"search\.phrases\.gone is not the id of a heading"):
            prose_phrases("about.md", bad, HEADINGS, tmp_path, "search-id-about.md")
    assert len(list(tmp_path.glob("search-id-about.md-*.json"))) == 1
    good = {"phrases": {"about": ["siapa pembuatnya"]}}
    assert prose_phrases("about.md", good, HEADINGS, tmp_path, "search-id-about.md") == {"about": ("siapa pembuatnya",)}
