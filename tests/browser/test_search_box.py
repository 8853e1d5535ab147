"""The real search box in Chromium, typed into as a reader would, and the browser's analyser against Python's."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from guide import paths
from guide.search.analyser import analyze
from guide.search.queries import read_queries
from guide.search.query import Resolver
from guide.search.rank import search
from guide.search.wire import decode
from guide.ui import load_ui

from ..conftest import prefix

pytestmark = pytest.mark.browser


def index_of(built_site: Path, lang: str) -> dict:
    return decode(json.loads((built_site / prefix(lang) / "search" / "index.json").read_text(encoding="utf-8")))


def texts_of(built_site: Path, lang: str) -> list[list[str]]:
    return json.loads((built_site / prefix(lang) / "search" / "texts.json").read_text(encoding="utf-8"))


def open_search(page, start: str):
    page.goto(start)
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    box = page.locator("[data-g-search-input]")
    assert page.evaluate("document.activeElement === document.querySelector('[data-g-search-input]')")
    return box


def results_for(page, query: str) -> list[str]:
    """Type the query key by key, as a reader does; the result links, best first."""
    box = page.locator("[data-g-search-input]")
    box.press("Control+A")
    box.press("Backspace")
    page.keyboard.type(query)
    page.wait_for_function(
        "q => document.querySelector('[data-g-search-results]').dataset.query === q", arg=query, timeout=10_000
    )
    return page.eval_on_selector_all("[data-g-search-results] a", "links => links.map(a => a.href)")


@pytest.mark.parametrize(
    ("start", "query", "target"),
    [
        ("index.html", "batalin pesanan cod", "#cancel-order-cod"),  # slang
        ("index.html", "pembatalan pesanan yang belum dibayar", "#cancel-order-unpaid"),  # affixed forms
        ("index.html", "cek resi", "track-order.html#"),
        ("index.html", "udah bayar tapi mau batal", "#cancel-order-paid"),
        ("en/index.html", "cancel cod order", "#cancel-order-cod"),
        ("en/index.html", "where is my parcel", "track-order.html#"),
        ("en/index.html", "seller rejected my refund", "#returns-help-escalate"),
        # the way buyers really type, one of each kind per language
        ("index.html", "cencel pesanan cod", "#cancel-order-cod"),  # a typo
        ("index.html", "pesenan sy blm dtg", "#parcel-problems"),  # texting abbreviations
        ("index.html", "refund saya belum masuk", "#refund-status"),  # an intent phrase
        ("index.html", "status menunggu pickup", "#track-order-status-to-ship"),  # a buyer's name for a status
        ("en/index.html", "cancle my cod order", "#cancel-order-cod"),
        ("en/index.html", "pls hlp parcel not moving", "#parcel-problems-not-moving"),
        ("en/index.html", "seller not replying to my chat", "#seller-no-reply"),
        ("en/index.html", "awaiting shipment", "#track-order-status-to-ship"),
    ],
)
def test_the_search_box_answers_with_the_section(page, start: str, query: str, target: str) -> None:
    open_search(page, start)
    hrefs = results_for(page, query)
    assert hrefs and target in hrefs[0], (query, hrefs[:3])


@pytest.mark.parametrize(("start", "query", "inside"), [("index.html", "cod", "/"), ("en/index.html", "cod", "/en/")])
def test_results_stay_in_the_pages_language(page, server: str, start: str, query: str, inside: str) -> None:
    open_search(page, start)
    hrefs = results_for(page, query)
    assert len(hrefs) >= 3
    for href in hrefs:
        path = urlsplit(href).path
        assert path.startswith(inside) and (inside == "/en/" or not path.startswith("/en/")), href
    labels = page.locator("[data-g-search-results] .g-search__title").all_inner_texts()
    assert ("COD (bayar di tempat), belum dikirim" in labels) == (inside == "/")


def test_nothing_of_the_search_loads_until_the_reader_uses_it(page) -> None:
    loaded: list[str] = []
    page.on("requestfinished", lambda request: loaded.append(urlsplit(request.url).path))
    page.goto("cancel-order.html")
    page.wait_for_load_state("networkidle")
    assert not [p for p in loaded if p.endswith(("search/index.json", "search-engine.js"))], loaded
    index = re.compile(r"/search/index\.json$")
    engine = re.compile(r"/assets/search-engine\.js$")
    with page.expect_response(index) as got_index, page.expect_response(engine) as got_engine:
        page.keyboard.press("s")
    assert got_index.value.ok and got_engine.value.ok


def test_the_dialog_and_the_box_have_names_and_escape_closes(page) -> None:
    page.goto("en/index.html")
    dialog = page.get_by_role("dialog", name="Search")
    assert dialog.count() == 1
    page.keyboard.press("s")
    assert page.evaluate("document.getElementById('__search').checked")
    assert page.get_by_role("textbox", name="Search the guide").count() == 1  # closed on a phone, it is hidden
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")


def test_keyboard_moves_through_the_results_and_enter_opens_one(page) -> None:
    open_search(page, "en/index.html")
    results_for(page, "cancel cod order")
    page.keyboard.press("ArrowDown")
    first = page.evaluate("document.activeElement.href")
    assert "#cancel-order-" in first
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.href") != first
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(urlsplit(first).path) + "#"))
    assert not page.evaluate("document.getElementById('__search').checked")


def test_the_snippets_arriving_late_leave_the_keyboard_reader_on_their_result(page) -> None:
    held = []
    page.route("**/search/texts.json", lambda route: held.append(route))
    open_search(page, "en/index.html")
    results_for(page, "cancel cod order")
    for _ in range(200):  # the texts are asked for once the first results are drawn
        if held:
            break
        page.wait_for_timeout(25)
    assert held, "the snippets were never asked for"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    second = page.evaluate("document.activeElement.href")
    assert second in page.eval_on_selector_all("[data-g-search-results] a", "links => links.map(a => a.href)")[1:2]
    assert page.locator("[data-g-search-results] [data-text]:visible").count() == 0, "texts shown too soon"
    held[0].continue_()
    page.locator("[data-g-search-results] [data-text]").first.wait_for()
    assert page.evaluate("document.activeElement.href") == second
    assert page.evaluate("document.activeElement.querySelector('[data-text]').textContent.trim()") != ""
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(urlsplit(second).path) + "#"))


def test_on_a_phone_the_magnifier_opens_search_and_a_result_lands_on_its_section(page) -> None:
    page.goto("index.html")
    page.get_by_role("button", name="Buka pencarian").click()
    box = page.get_by_role("textbox", name="Cari di panduan")
    assert box.is_visible()
    results_for(page, "batalin pesanan cod")
    page.locator("[data-g-search-results] a").first.click()
    page.wait_for_url(re.compile(r"cancel-order\.html#cancel-order-cod$"))
    heading = page.locator("#cancel-order-cod")
    heading.wait_for()
    box_y = heading.bounding_box()["y"]
    assert 0 <= box_y < page.viewport_size["height"] / 2
    assert not page.evaluate("document.getElementById('__search').checked")


def test_search_works_on_a_page_reached_by_a_link(page) -> None:
    page.goto("index.html")
    page.locator(".g-task[href$='track-order.html']").click()
    page.wait_for_url(re.compile(r"/track-order\.html$"))
    page.keyboard.press("/")
    hrefs = results_for(page, "retur ditolak")
    assert "#returns-help-escalate" in hrefs[0]


def test_on_a_360px_phone_the_open_results_fit_the_screen(browser, server) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 800}, base_url=server)
    page = context.new_page()
    page.goto("cancel-order.html")
    page.get_by_role("button", name="Buka pencarian").click()
    results_for(page, "pesanan cod belum dikirim tapi mau dibatalkan karena salah alamat")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    wide = page.evaluate(
        "[...document.querySelectorAll('.g-search *')].filter(e => e.getBoundingClientRect().right > 361).length"
    )
    assert wide == 0
    context.close()


def test_the_browser_reduces_words_exactly_as_the_build_does(page, built_site: Path, lang: str) -> None:
    """The build stems the pages in Python and the browser stems the query in JavaScript: they must agree."""
    open_search(page, f"{prefix(lang)}index.html")
    index = index_of(built_site, lang)
    texts = [doc[1] for doc in index["docs"]] + [text for doc in texts_of(built_site, lang) for text in doc]
    words = sorted(
        {w for text in texts for w in re.findall(r"[a-z]+", text.lower())}
        | {"dibatalkan", "pembatalan", "membatalkan", "batalin", "dibatalin", "pelacakan", "ngecek", "penolakan"}
        | {"pengembalian", "menyimpan", "berbelanja", "lacaklah", "bisakah", "paketnya", "pesanannya", "memesan"}
        | {"membatalkannya", "kirimin", "ngajuin", "dikembalikannya", "cancellations", "unboxing", "deliveries"}
        | {"dateng", "pesen", "sampe", "keliatan", "ngeliatin", "dikirim2", "constructor", "tostring", "proto"}
        | {"can't cancel, no button", "Cash on delivery (COD)", "don't want it", "picks up in 3 days", "tidak mau"}
    )
    in_browser = page.evaluate(
        """async (words) => {
            const engine = await import(new URL('assets/search-engine.js', document.baseURI).href);
            const index = engine.prepare(await (await fetch('search/index.json')).json());
            return words.map((w) => engine.analyze(w, index).join(' '));
        }""",
        words,
    )
    roots = frozenset(term for term in index["terms"] if " " not in term)
    in_python = [" ".join(analyze(w, lang, roots)) for w in words]
    assert [(w, b) for w, b, p in zip(words, in_browser, in_python, strict=True) if b != p] == []


# Queries to compare the two engines on: the public and the tuning sets (never the untouched one), and forms that
# reach each step of the query side.
PARITY_FILES = ("queries.tsv", "queries-holdout-5.tsv")
PARITY_EXTRA = {
    "id": ["cencel pesanan", "pesnan sy blm dtg", "gajadi beli", "muncul2 terus", "dkirim kapan", "udahan aja",
           "how to batalin", "res", "jaket", "menunggu pickup", "", "!!!", "__proto__ constructor"],
    "en": ["cancle my order", "recieved nothing", "moveing", "dose", "refund belum masuk to my bank", "pls help",
           "awaiting shipment", "", "toString hasOwnProperty"],
}  # fmt: skip


def test_the_browser_ranks_the_public_and_tuning_queries_as_the_build_does(page, built_site: Path, lang: str) -> None:
    """The same terms, weights, results and scores in Chromium as in Python, query by query, on two query sets (every
    example and benchmark query runs under Node: tests/site/test_engine_parity.py)."""
    open_search(page, f"{prefix(lang)}index.html")
    queries = [q.text for f in PARITY_FILES for q in read_queries(paths.ROOT / "benchmarks" / f) if q.lang == lang]
    queries += PARITY_EXTRA[lang]
    in_browser = page.evaluate(
        """async (queries) => {
            const engine = await import(new URL('assets/search-engine.js', document.baseURI).href);
            const index = engine.prepare(await (await fetch('search/index.json')).json());
            return queries.map((q) => [
                engine.queryClauses(q, index),
                engine.search(index, q).slice(0, 5).map(([doc, score]) => [index.docs[doc][0], +score.toFixed(3)]),
            ]);
        }""",
        queries,
    )
    index = index_of(built_site, lang)
    lookups = Resolver(index)
    differ = []
    for query, (clauses, ranked) in zip(queries, in_browser, strict=True):
        mine = [[[t.text, t.weight] for t in clause] for clause in lookups.clauses(query)]
        top = [[href, round(score, 3)] for href, score in search(index, query, lookups)[:5]]
        if clauses != mine or ranked != top:
            differ.append((query, clauses, mine, ranked, top))
    assert len(queries) > 100 and differ == []


def test_at_most_eight_results_and_the_snippet_shows_why(page) -> None:
    open_search(page, "index.html")
    hrefs = results_for(page, "cod")
    assert 1 <= len(hrefs) <= 8
    page.locator("[data-g-search-results] [data-text] mark").first.wait_for()  # once the texts are in
    marked = page.locator("[data-g-search-results] mark").all_inner_texts()
    assert marked and all(m.lower() == "cod" for m in marked)
    assert page.locator("#g-search-meta").inner_text() == f"{len(hrefs)} hasil"


def test_five_results_and_up_to_eight_when_the_rest_are_relevant(page, built_site: Path) -> None:
    """Past five, a result is shown only when it scores a fifth of the first's, and eight at most; a guide shows two
    sections before every other matching guide has shown its best (rank.by_guide, which the order here follows)."""
    index = index_of(built_site, "id")
    open_search(page, "index.html")
    counts = []
    for query in ("pesanan", "refund", "cod", "status pesanan"):
        found = search(index, query)
        wanted = [href for i, (href, score) in enumerate(found[:8]) if i < 5 or score >= 0.2 * found[0][1]]
        shown = [urlsplit(h).path.rsplit("/", 1)[-1] + "#" + urlsplit(h).fragment for h in results_for(page, query)]
        assert shown == wanted, query
        assert page.locator("#g-search-meta").inner_text() == f"{len(shown)} hasil"
        counts.append(len(shown))
    assert max(counts) == 8 and min(counts) == 5, counts


def test_an_empty_box_offers_common_questions_and_no_match_offers_the_guides(page, guide) -> None:
    open_search(page, "en/index.html")
    links = page.locator("[data-g-search-results] a")
    links.nth(2).wait_for()  # drawn once the index has come, which opening the box starts
    assert links.count() >= 3 and page.locator(".g-search__heading").inner_text() == "Common questions"
    hrefs = results_for(page, "zzzz qqqq")
    assert {urlsplit(h).path for h in hrefs} >= {f"/en/{flow.id}.html" for flow in guide.flows}
    assert any(h.endswith("#returns-help-customer-service") for h in hrefs), "customer service is always offered"
    assert page.locator("#g-search-meta").inner_text().startswith("No result for these words")
    assert page.locator(".g-search__heading").inner_text() == "All guides"


def pasted(page, text: str) -> str:
    """Paste the text into the box as the reader's clipboard does (the box's maxlength applies); what it then holds,
    once its results are drawn."""
    box = page.locator("[data-g-search-input]")
    box.press("Control+A")
    box.press("Backspace")
    page.keyboard.insert_text(text)
    held = box.input_value()
    page.wait_for_function(
        "q => document.querySelector('[data-g-search-results]').dataset.query === q", arg=held, timeout=10_000
    )
    return held


def test_a_pasted_57000_characters_leave_the_box_at_its_cap_with_results_and_the_page_answering(page) -> None:
    open_search(page, "index.html")
    held = pasted(page, "batalin pesanan cod " * 2850)  # 57,000 characters
    assert len(held) == 200 and held == ("batalin pesanan cod " * 10)
    hrefs = page.eval_on_selector_all("[data-g-search-results] a", "links => links.map(a => a.href)")
    assert hrefs and "#cancel-order-cod" in hrefs[0], hrefs[:3]
    assert page.locator("#g-search-meta").inner_text() == f"{len(hrefs)} hasil"
    # the page still answers: the next words typed are searched, and Escape closes the box
    assert "track-order.html#" in results_for(page, "cek resi")[0]
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")


@pytest.mark.parametrize(
    "text",
    [
        "👍🏽👨‍👩‍👧 \u202eطلب إلغاء\u202c בקשה cod",  # emoji, right-to-left and an override
        "a" + "\u0301\u0336" * 300 + " refund",  # a letter under 600 combining marks
        "".join(chr(c) for c in range(1, 256) if chr(c) not in "\t\n\r") * 30,  # every byte, as Latin-1
        "pesanan " * 40 + "p",  # one word to every posting, then a letter that begins a thousand terms
    ],
    ids=["emoji-rtl", "combining", "bytes", "every-posting"],
)
def test_hostile_text_pasted_is_searched_up_to_the_cap_and_never_breaks_the_box(page, text: str) -> None:
    open_search(page, "en/index.html")
    held = pasted(page, text)
    assert 0 < len(held) <= 200
    assert page.locator("[data-g-search-results] a").count() > 0  # results, or every guide when nothing matched
    assert page.locator("#g-search-meta").inner_text() != page.get_attribute("[data-g-search]", "data-error")


def tampered(built_site: Path, change) -> str:
    """The built English index, as written, with one field changed."""
    index = json.loads((built_site / "en" / "search" / "index.json").read_text(encoding="utf-8"))
    change(index)
    return json.dumps(index)


@pytest.mark.parametrize(
    "change",
    [
        lambda index: index.__setitem__("levels", []),  # every score gone: ranking on nothing
        lambda index: index.__setitem__("gaps", "~" + index["gaps"]),  # the first posting past the last section
        lambda index: index["weights"].pop("context"),  # a weight the ranking multiplies by
        lambda index: index["docs"][5].__setitem__(2, 50),  # a section whose parent comes after it
    ],
    ids=["levels empty", "posting past the end", "a weight missing", "a parent after its section"],
)
def test_a_tampered_copy_of_the_sites_index_says_search_is_unavailable(page, built_site: Path, change) -> None:
    body = tampered(built_site, change)
    page.route("**/en/search/index.json", lambda route: route.fulfill(body=body, content_type="application/json"))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    box = open_search(page, "en/cancel-order.html")
    box.fill("cancel cod order")
    unavailable = load_ui("en")["search_error"]
    page.wait_for_function("t => document.getElementById('g-search-meta').textContent === t", arg=unavailable)
    assert page.locator("[data-g-search-results] a").count() == 0
    assert errors == []
