"""The search index each language's site loads: its own pages only, every result an element of its page."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from guide.languages import codes
from guide.search.learn import read_examples
from guide.search.query import Resolver
from guide.search.rank import search
from guide.search.wire import decode

from ..conftest import prefix


def index_of(built_site: Path, lang: str) -> dict:
    return decode(json.loads((built_site / prefix(lang) / "search" / "index.json").read_text(encoding="utf-8")))


def test_each_language_has_its_own_index_of_its_own_pages(built_site: Path, guide, lang: str) -> None:
    index = index_of(built_site, lang)
    assert index["lang"] == lang
    hrefs = [doc[0] for doc in index["docs"]]
    assert "cancel-order.html#cancel-order-cod" in hrefs
    cod = guide.flow("cancel-order").group("cod")
    titles = [doc[1] for doc in index["docs"]]
    assert cod.title[lang] in titles
    assert all(cod.title[other] not in titles for other in codes() if cod.title[other] != cod.title[lang])
    assert not any(h.startswith(("/", "http", "en/", "../")) for h in hrefs), "results stay on this language's site"


def test_every_result_links_to_an_element_of_its_page(built_site: Path, lang: str) -> None:
    for href, *_ in index_of(built_site, lang)["docs"]:
        page, _, target = href.partition("#")
        html = (built_site / prefix(lang) / page).read_text(encoding="utf-8")
        assert target and f'id="{target}"' in html, href


def test_sources_and_the_printable_copy_are_not_answers(built_site: Path, lang: str) -> None:
    hrefs = [doc[0] for doc in index_of(built_site, lang)["docs"]]
    assert not any(h.endswith("-sources") or h.startswith("about.html#sources-") for h in hrefs)
    assert len([h for h in hrefs if h.startswith("cancel-checklist.html")]) == 1, "the checklist: its title only"


def test_every_guide_has_a_result_for_each_of_its_sections(built_site: Path, guide, lang: str) -> None:
    hrefs = {doc[0] for doc in index_of(built_site, lang)["docs"]}
    for flow in guide.flows:
        assert f"{flow.id}.html#{flow.id}" in hrefs
        for group in flow.groups:
            assert f"{flow.id}.html#{flow.id}-{group.id}" in hrefs


# A handful of questions on the live index, one per path a query can take: a case of a guide, an intent phrase, a
# guide's introduction, its time limits, and a prose page's own phrases. How each kind of typing reaches the site's
# words is checked on made-up sections (tests/unit/test_query.py, test_index.py), and the examples by the tolerant
# guard below, so that rewording a step breaks none of them.
@pytest.mark.parametrize(
    ("lang", "query", "target"),
    [
        ("id", "batalin pesanan cod", "cancel-order-cod"),
        ("id", "refund saya belum masuk", "refund-status"),
        ("en", "where is my parcel", "track-order"),
        ("en", "time limit to cancel an order", "cancel-order-facts"),
        ("en", "is this site run by tiktok", "about-this-guide"),
    ],
)
def test_a_handful_of_questions_reach_their_section(built_site: Path, lang: str, query: str, target: str) -> None:
    first = search(index_of(built_site, lang), query)[0][0]
    assert re.search(rf"#{target}(-|$)", first), (query, first)


def test_the_index_has_learned_how_buyers_ask(built_site: Path, lang: str) -> None:
    """Nearly every example of data/search/examples-<lang>.tsv finds its own section first: the weights were learned
    from them (with BM25F's weights alone, about two in three did)."""
    index = index_of(built_site, lang)
    examples = read_examples(lang)
    pages = {doc[0].partition("#")[2]: doc[0].partition("#")[0] for doc in index["docs"] if doc[3] == -1}
    resolver = Resolver(index)
    missed = []
    for example in examples:
        found = search(index, example.text, resolver)
        page, _, target = found[0][0].partition("#") if found else ("", "", "")
        if not (target in example.targets or any(pages.get(t) == page for t in example.targets)):
            missed.append((example.text, example.targets, target))
    assert len(examples) > 500 and len(missed) <= 0.1 * len(examples), missed[:20]


SEARCH_DATA_BYTES = 30 * 1024  # issue #11: gzip, before the first results; benchmarks/search_quality.py measures it


def test_the_search_data_before_the_first_results_stays_within_its_budget(built_site: Path, lang: str) -> None:
    """The index and the engine are what a reader downloads before the first results: every example and every word
    the site adds costs them, so a change that takes them past the budget fails here, not on a phone."""
    files = [built_site / prefix(lang) / "search" / "index.json", built_site / "assets" / "search-engine.js"]
    sizes = {path.name: len(gzip.compress(path.read_bytes(), compresslevel=6)) for path in files}
    assert sum(sizes.values()) <= SEARCH_DATA_BYTES, sizes
