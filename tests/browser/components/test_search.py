"""search.js and search-results.js on the real search box (partials/search.html) and a four-section index: nothing
of search loads until the reader opens it; keys open, move and close; results, headings and snippets are drawn
from the box's templates; a failed load says so."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from guide.ui import load_ui

from .conftest import search_files

pytestmark = pytest.mark.browser

SEARCH = ("search",)
OPEN = "document.getElementById('__search').checked"
FOCUSED = "document.activeElement === document.querySelector('[data-g-search-input]')"
LOADED = ("assets/search-engine.js", "search/index.json")


def results(page, query: str) -> list[str]:
    page.locator("[data-g-search-input]").fill(query)
    page.wait_for_function("q => document.querySelector('[data-g-search-results]').dataset.query === q", arg=query)
    return page.eval_on_selector_all("[data-g-search-results] a", "links => links.map(a => a.getAttribute('href'))")


def test_nothing_loads_until_the_reader_opens_search_then_the_engine_and_index_together(open_page) -> None:
    page = open_page("<p>Text</p>", SEARCH, "id", files=search_files())
    page.wait_for_load_state("networkidle")
    assert not set(LOADED) & set(page.fixture.requests)
    page.keyboard.press("/")
    assert page.evaluate(OPEN) and page.evaluate(FOCUSED)
    page.locator("[data-g-search-results] a").first.wait_for()
    assert set(LOADED) <= set(page.fixture.requests)
    assert "search/texts.json" not in page.fixture.requests, "the snippets wait for a first search"


def test_an_empty_box_offers_the_common_questions(open_page) -> None:
    page = open_page("<p>Text</p>", SEARCH, "id", files=search_files())
    page.keyboard.press("s")
    page.locator(".g-search__heading").wait_for()
    assert page.locator(".g-search__heading").inner_text() == load_ui("id")["search_common"]
    assert results(page, "") == ["https://fixture.test/batal.html#batal", "https://fixture.test/lacak.html#lacak"]


def test_typing_draws_the_results_and_then_their_snippets_with_the_words_marked(open_page) -> None:
    page = open_page("<p>Text</p>", SEARCH, "id", files=search_files())
    page.keyboard.press("/")
    hrefs = results(page, "batalin cod")
    assert hrefs[0] == "https://fixture.test/batal.html#batal-cod"
    first = page.locator("[data-g-search-results] li").first
    assert first.locator("[data-title]").inner_text() == "COD, belum dikirim"
    expect(first.locator("[data-text]")).to_be_visible()  # once texts.json is in
    assert first.locator("[data-text]").inner_text() == "Pesanan COD bisa dibatalkan sebelum dikirim."
    assert "COD" in first.locator("mark").all_inner_texts()
    assert page.locator("#g-search-meta").inner_text() == load_ui("id")["search_many"].replace("{n}", str(len(hrefs)))


def test_no_match_offers_every_guide(open_page) -> None:
    page = open_page("<p>Text</p>", SEARCH, "id", files=search_files())
    page.keyboard.press("/")
    hrefs = results(page, "zzzz qqqq")
    assert page.locator(".g-search__heading").inner_text() == load_ui("id")["search_guides"]
    assert hrefs == ["https://fixture.test/batal.html#batal", "https://fixture.test/lacak.html#lacak"]
    assert page.locator("#g-search-meta").inner_text() == load_ui("id")["search_none"]


def test_the_arrow_keys_move_through_the_results_and_escape_closes(open_page) -> None:
    page = open_page("<p>Text</p>", SEARCH, "id", files=search_files())
    page.keyboard.press("/")
    hrefs = results(page, "batal cod dibayar")
    assert len(hrefs) >= 2
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.getAttribute('href')") == hrefs[0]
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.getAttribute('href')") == hrefs[1]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate(FOCUSED)
    page.keyboard.press("Escape")
    assert not page.evaluate(OPEN)


def test_the_magnifier_opens_search_on_a_phone(open_page) -> None:
    page = open_page("<p>Text</p>", SEARCH, "id", files=search_files())
    opener = page.locator("[data-g-search-open]")
    opener.click()
    assert page.evaluate(OPEN) and opener.get_attribute("aria-expanded") == "true" and page.evaluate(FOCUSED)


def test_a_search_that_cannot_load_says_so(open_page) -> None:
    files = {k: v for k, v in search_files().items() if k != "search/index.json"}
    page = open_page("<p>Text</p>", SEARCH, "id", files=files)
    page.keyboard.press("/")
    expect(page.locator("#g-search-meta")).to_have_text(load_ui("id")["search_error"])
    page.fixture.errors.clear()  # the browser logs the failed request itself


def test_the_clear_button_leaves_the_reader_in_the_box_with_the_common_questions(open_page) -> None:
    page = open_page("<p>Text</p>", SEARCH, "id", files=search_files())
    page.keyboard.press("/")
    results(page, "batalin cod")
    page.locator("[data-g-search-form] button[type=reset]").click()
    page.wait_for_function("() => document.querySelector('[data-g-search-results]').dataset.query === ''")
    assert page.evaluate(FOCUSED) and page.locator("[data-g-search-input]").input_value() == ""
    assert page.locator(".g-search__heading").inner_text() == load_ui("id")["search_common"]


def test_a_result_taken_closes_the_box_and_enter_takes_the_first(open_page) -> None:
    page = open_page("<p>Text</p>", SEARCH, "id", files=search_files())
    page.keyboard.press("/")
    hrefs = results(page, "cek resi")
    page.evaluate(  # note the link taken, and stay on this page
        """() => document.addEventListener('click', (event) => {
        const link = event.target.closest('a');
        if (link) { event.preventDefault(); window.taken = link.href; } }, true)"""
    )
    page.keyboard.press("Enter")
    assert page.evaluate("window.taken") == hrefs[0]
    assert not page.evaluate(OPEN)


def damaged(change) -> dict[str, tuple[str, str]]:
    import json

    files = search_files()
    index = json.loads(files["search/index.json"][0])
    change(index)
    return {**files, "search/index.json": (json.dumps(index), "application/json")}


@pytest.mark.parametrize(
    "change",
    [
        lambda index: index.__setitem__("docs", [None]),
        lambda index: index.__setitem__("docs", []),
        lambda index: index["docs"].append(["x.html", 7, -1]),
        lambda index: index.__setitem__("common", [99]),
        lambda index: index.__setitem__("terms", None),
        lambda index: index.pop("words"),
        # every field the engine reads, as it reads it: scores it cannot trust are not ranked
        lambda index: index.__setitem__("levels", []),
        lambda index: index.__setitem__("levels", [-1] * len(index["levels"])),
        lambda index: index.__setitem__("scores", index["scores"][:-1]),  # a posting without its score
        lambda index: index.__setitem__("gaps", index["gaps"] + ";<"),  # postings for a term not there
        lambda index: index.__setitem__("gaps", "~" + index["gaps"]),  # a posting past the last section
        lambda index: index["docs"][1].__setitem__(2, 3),  # a parent after its section
        lambda index: index["docs"][1].append(5),  # a page title that is not a text
        lambda index: index["weights"].pop("context"),
        lambda index: index["words"].__setitem__("stop", "dan yang"),
        lambda index: index["words"].__setitem__("slang", ["tidak"]),
        lambda index: index["prefixes"].__setitem__("nasal", None),
        lambda index: index.__setitem__("clause_end", 5),
        lambda index: index.__setitem__("min_root", -1),
        lambda index: index["limits"].__setitem__("docs", [0.5]),
    ],
)
def test_a_damaged_index_says_search_is_unavailable_and_throws_nothing(open_page, change) -> None:
    page = open_page("<p>Text</p>", SEARCH, "id", files=damaged(change))
    page.keyboard.press("/")
    expect(page.locator("#g-search-meta")).to_have_text(load_ui("id")["search_error"])
    page.locator("[data-g-search-input]").fill("batal")
    page.keyboard.press("Enter")
    expect(page.locator("#g-search-meta")).to_have_text(load_ui("id")["search_error"])
    assert page.fixture.errors == [], page.fixture.errors  # no exception reached the page


def test_an_index_as_the_build_writes_it_with_a_page_title_of_its_own_is_read(open_page) -> None:
    """A section may carry its page's title when it differs from its parent's (wire.py short_doc): not damage."""
    page = open_page("<p>Text</p>", SEARCH, "id", files=damaged(lambda index: index["docs"][1].append("Halaman")))
    page.keyboard.press("/")
    assert results(page, "batalin cod")[0] == "https://fixture.test/batal.html#batal-cod"
    assert page.fixture.errors == []


def test_damaged_snippet_texts_leave_the_results_without_snippets(open_page) -> None:
    files = {**search_files(), "search/texts.json": ("[null, 5]", "application/json")}
    page = open_page("<p>Text</p>", SEARCH, "id", files=files)
    page.keyboard.press("/")
    assert results(page, "batalin cod")[0] == "https://fixture.test/batal.html#batal-cod"
    page.wait_for_function("() => performance.getEntriesByType('resource').some(e => e.name.endsWith('texts.json'))")
    assert page.fixture.errors == []


def test_a_pasted_page_of_text_is_read_up_to_200_characters(open_page) -> None:
    page = open_page("<p>Text</p>", SEARCH, "id", files=search_files())
    page.keyboard.press("/")
    box = page.locator("[data-g-search-input]")
    assert box.get_attribute("maxlength") == "200"
    long = "batalin cod " + "x" * 20_000
    page.evaluate("text => { const box = document.querySelector('[data-g-search-input]'); box.value = text; "
                  "box.dispatchEvent(new Event('input')); }", long)  # fmt: skip
    page.wait_for_function("() => document.querySelector('[data-g-search-results]').dataset.query.length === 200")
    assert page.evaluate("document.querySelector('[data-g-search-results]').dataset.query") == long[:200]
