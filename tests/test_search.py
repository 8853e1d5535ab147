"""The guide's search: the analyser (roots, slang, English stems), the index each language builds, and the real
search box in Chromium, typed into as a reader would."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from macros.data import DataError, load_guide
from macros.search import SLANG, analyze, clauses, dictionary, pairs, search, site_roots, stem_en, stem_id

from .test_bad_data import TODAY, case, good, write

SITES = {"id": "", "en": "en/"}


# --- the analyser --------------------------------------------------------------------------------

ROOTS = [
    ("dibatalkan", "batal"),
    ("pembatalan", "batal"),
    ("membatalkan", "batal"),
    ("batalkan", "batal"),
    ("batalin", "batal"),
    ("dibatalin", "batal"),
    ("melacak", "lacak"),
    ("pelacakan", "lacak"),
    ("dilacak", "lacak"),
    ("dikirim", "kirim"),
    ("mengirim", "kirim"),
    ("pengiriman", "kirim"),
    ("terkirim", "kirim"),
    ("ngirim", "kirim"),
    ("mengecek", "cek"),
    ("ngecek", "cek"),
    ("dicek", "cek"),
    ("membayar", "bayar"),
    ("pembayaran", "bayar"),
    ("dibayar", "bayar"),
    ("penjual", "jual"),
    ("pembeli", "beli"),
    ("penipuan", "tipu"),
    ("menolak", "tolak"),
    ("ditolak", "tolak"),
    ("penolakan", "tolak"),
    ("memesan", "pesan"),
    ("pengembalian", "kembali"),
    ("dikembalikan", "kembali"),
    ("menunggu", "tunggu"),
    ("menyimpan", "simpan"),
    ("berbelanja", "belanja"),
    ("ulasan", "ulas"),
    ("tagihan", "tagih"),
    ("lacaklah", "lacak"),
    ("bisakah", "bisa"),
    ("paketnya", "paket"),
    ("pesanannya", "pesanan"),
]


# The roots a site with these words would ship: the site's own words decide between two dictionary roots.
SITE = frozenset(site_roots([" ".join(word for pair in ROOTS for word in pair)], dictionary()))


@pytest.mark.parametrize(("word", "root"), ROOTS)
def test_an_affixed_indonesian_word_reduces_to_its_root(word: str, root: str) -> None:
    assert stem_id(word, SITE) == root


@pytest.mark.parametrize(
    "word",
    ["pesanan", "sampai", "belanja", "selesai", "pakai", "kurir", "resi", "berapa", "kembali", "terima", "tiktok"],
)
def test_words_that_only_look_affixed_are_left_alone(word: str) -> None:
    assert stem_id(word, dictionary()) == word


def test_an_order_is_not_a_message() -> None:
    """pesanan (an order) must not meet pesan (a message, as in 'kirim pesan ke penjual')."""
    roots = dictionary()
    assert stem_id("pesanan", roots) != stem_id("pesan", roots)
    assert stem_id("pesanannya", roots) == "pesanan"


def test_slang_becomes_the_written_word() -> None:
    roots = dictionary()
    assert analyze("udah bayar tapi gak jadi", "id", roots) == ["sudah", "bayar", "tidak"]
    assert analyze("batalin pesanan COD", "id", roots) == ["batal", "pesanan", "cod"]
    assert analyze("nggak bisa dibatalin", "id", roots) == analyze("tidak bisa batal", "id", roots)


# Roots a site might ship: the spoken forms below must reach them.
SPOKEN_ROOTS = frozenset({"datang", "pesan", "sampai", "pakai", "lihat", "kirim", "balas", "barang"})


@pytest.mark.parametrize(
    ("word", "root"),
    [
        ("dateng", "datang"),  # the last a said as e
        ("pesen", "pesan"),
        ("bales", "balas"),
        ("sampe", "sampai"),  # the last ai said as e
        ("pake", "pakai"),
        ("keliatan", "lihat"),  # a slang root (liat) under affixes
        ("ngeliatin", "lihat"),
    ],
)
def test_a_spoken_form_reduces_to_the_written_root(word: str, root: str) -> None:
    assert stem_id(word, SPOKEN_ROOTS, SLANG["id"]) == root


def test_a_word_written_twice_with_a_2_is_the_word() -> None:
    assert analyze("barang2 dikirim2", "id", SPOKEN_ROOTS) == analyze("barang dikirim", "id", SPOKEN_ROOTS)


def test_numbers_are_not_search_words() -> None:
    """A reader's "3 hari" or "for 3 days" is their own situation, not the guide's "3-5 hari kerja"."""
    assert analyze("paket ga gerak 3 hari", "id") == analyze("paket ga gerak hari", "id")
    assert analyze("no update for 3 days", "en") == analyze("no update for days", "en")


def test_every_english_no_is_one_word() -> None:
    assert analyze("no button", "en") == analyze("never a button", "en") == analyze("there is not a button", "en")


@pytest.mark.parametrize(
    ("lang", "said", "written"),
    [
        ("en", "as long as it has not shipped", "it has not shipped"),  # not the "how long" of a question
        ("en", "my parcel is on the way", "my parcel is in transit"),
        ("en", "i don't want the parcel", "i refuse the parcel"),
        ("en", "before the courier picks up", "before the courier pickup"),
        ("id", "tidak mau terima paket", "tolak terima paket"),
        ("id", "refund ke gopay", "refund ke dompet digital"),
    ],
)
def test_a_phrase_is_said_as_the_guide_says_it(lang: str, said: str, written: str) -> None:
    assert analyze(said, lang) == analyze(written, lang)


def test_an_order_that_is_paid_is_not_an_order_to_pay() -> None:
    assert stem_en("paid") != stem_en("pay") == stem_en("payment")


def test_phrases_end_at_punctuation_and_begin_at_a_negation() -> None:
    assert clauses("Cash on delivery (COD), not shipped yet", "en") == [["cash", "delivery"], ["cod"], ["not", "ship"]]
    assert pairs(["pesanan", "belum", "kirim"], "id") == ["belum kirim"]


def test_the_platform_name_is_not_a_search_word_but_the_shop_tab_is() -> None:
    assert analyze("TikTok Shop", "id") == []
    assert analyze("tab Shop", "id") == ["tab", "shop"]
    assert analyze("where is my TikTok Shop order", "en") == analyze("where order", "en") != []


@pytest.mark.parametrize(
    "words",
    [
        ("cancel", "cancels", "cancelled", "canceled", "cancelling", "cancellation"),
        ("track", "tracking", "tracked", "tracks"),
        ("order", "orders", "ordered"),
        ("ship", "shipped", "shipping", "ships"),
        ("pay", "pays", "payment"),
        ("refund", "refunds", "refunded"),
        ("return", "returns", "returned"),
        ("parcel", "parcels"),
        ("reply", "replies", "replied"),
    ],
)
def test_english_forms_share_a_stem(words: tuple[str, ...]) -> None:
    assert len({stem_en(w) for w in analyze(" ".join(words), "en")}) == 1, [stem_en(w) for w in words]


# --- the data's search words -----------------------------------------------------------------------


def test_an_empty_keyword_names_its_place(tmp_path: Path) -> None:
    data = good()
    case(data, "cod")["keywords"]["id"].append(" ")
    with pytest.raises(DataError) as caught:
        load_guide(write(tmp_path, data), TODAY)
    assert "flows[cancel-order].cases[cod].keywords.id[" in str(caught.value) and "is empty" in str(caught.value)


def test_keywords_need_both_languages(tmp_path: Path) -> None:
    data = good()
    del case(data, "cod")["keywords"]["en"]
    with pytest.raises(DataError) as caught:
        load_guide(write(tmp_path, data), TODAY)
    assert "flows[cancel-order].cases[cod].keywords.en is missing" in str(caught.value)


def test_a_tip_or_a_status_can_carry_keywords_and_they_are_checked(tmp_path: Path) -> None:
    data = good()
    tips = next(f for f in data["flows"] if f["id"] == "safe-shopping")["tips"]
    statuses = next(f for f in data["flows"] if f["id"] == "track-order")["statuses"]
    tips[0]["keywords"] = {"id": ["centang biru"]}
    statuses[0]["keywords"] = {"id": ["belum bayar"], "en": [""], "fr": ["impayé"]}
    with pytest.raises(DataError) as caught:
        load_guide(write(tmp_path, data), TODAY)
    message = str(caught.value)
    assert f"flows[safe-shopping].tips[{tips[0]['id']}].keywords.en is missing" in message
    assert "flows[track-order].statuses[unpaid].keywords.en[1] is empty" in message
    assert "flows[track-order].statuses[unpaid].keywords has an unknown key 'fr'" in message


# --- the index each language's site loads -------------------------------------------------------------


def index_of(built_site: Path, lang: str) -> dict:
    return json.loads((built_site / SITES[lang] / "search" / "index.json").read_text(encoding="utf-8"))


def test_each_language_has_its_own_index_of_its_own_pages(built_site: Path, guide: dict, lang: str) -> None:
    index = index_of(built_site, lang)
    assert index["lang"] == lang
    hrefs = [doc[0] for doc in index["docs"]]
    assert "cancel-order.html#cancel-order-cod" in hrefs
    cod = next(c for f in guide["flows"] if f["id"] == "cancel-order" for c in f["cases"] if c["id"] == "cod")
    other = "en" if lang == "id" else "id"
    titles = [doc[1] for doc in index["docs"]]
    assert cod["title"][lang] in titles and cod["title"][other] not in titles
    assert not any(h.startswith(("/", "http", "en/", "../")) for h in hrefs), "results stay on this language's site"


def test_every_result_links_to_an_element_of_its_page(built_site: Path, lang: str) -> None:
    for href, *_ in index_of(built_site, lang)["docs"]:
        page, _, target = href.partition("#")
        html = (built_site / SITES[lang] / page).read_text(encoding="utf-8")
        assert target and f'id="{target}"' in html, href


def test_sources_and_the_printable_copy_are_not_answers(built_site: Path, lang: str) -> None:
    index = index_of(built_site, lang)
    hrefs = [doc[0] for doc in index["docs"]]
    assert not any("-sources" in h or h.startswith("about.html#sources-") for h in hrefs)
    assert len([h for h in hrefs if h.startswith("cancel-checklist.html")]) == 1, "the checklist: its title only"


@pytest.mark.parametrize(
    ("lang", "query", "target"),
    [
        ("id", "batal", "cancel-order"),
        ("id", "dibatalkan", "cancel-order"),
        ("id", "pelacakan paket", "track-order"),
        ("id", "batalin pesanan cod", "cancel-order-cod"),
        ("id", "udah bayar mau batal", "cancel-order-paid"),
        ("en", "cancellation", "cancel-order"),
        ("en", "tracking my parcel", "track-order"),
        ("en", "cancel cod order", "cancel-order-cod"),
    ],
)
def test_the_ranking_puts_the_answer_first(built_site: Path, lang: str, query: str, target: str) -> None:
    first = search(index_of(built_site, lang), query)[0][0]
    assert re.search(rf"#{target}(-|$)", first), (query, first)


def test_a_root_finds_every_affixed_form_on_the_site(built_site: Path) -> None:
    index = index_of(built_site, "id")
    roots = frozenset(index["roots"])
    words = {w for doc in index["docs"] for s in doc[3] for w in re.findall(r"[a-z]+", s.lower())}
    for root, forms in {"batal": ("dibatalkan", "pembatalan", "membatalkan"), "kirim": ("dikirim",)}.items():
        for form in forms:
            assert form in words, f"{form} is no longer on the site: pick another example"
            assert analyze(form, "id", roots) == [root]


# --- the real search box, in Chromium ------------------------------------------------------------------


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


@pytest.mark.browser
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
    ],
)
def test_the_search_box_answers_with_the_section(page, start: str, query: str, target: str) -> None:
    open_search(page, start)
    hrefs = results_for(page, query)
    assert hrefs and target in hrefs[0], (query, hrefs[:3])


@pytest.mark.browser
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


@pytest.mark.browser
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


@pytest.mark.browser
def test_the_dialog_and_the_box_have_names_and_escape_closes(page) -> None:
    page.goto("en/index.html")
    dialog = page.get_by_role("dialog", name="Search")
    assert dialog.count() == 1
    assert page.get_by_role("textbox", name="Search the guide").count() == 1
    page.keyboard.press("s")
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")


@pytest.mark.browser
def test_keyboard_moves_through_the_results_and_enter_opens_one(page) -> None:
    open_search(page, "en/index.html")
    results_for(page, "refuse cod parcel")
    page.keyboard.press("ArrowDown")
    first = page.evaluate("document.activeElement.href")
    assert "#cancel-order-" in first
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.href") != first
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(urlsplit(first).path) + "#"))
    assert not page.evaluate("document.getElementById('__search').checked")


@pytest.mark.browser
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
    page.wait_for_timeout(300)  # Material closes search 125 ms after a navigation
    box_y = heading.bounding_box()["y"]
    assert 0 <= box_y < page.viewport_size["height"] / 2
    assert not page.evaluate("document.getElementById('__search').checked")


@pytest.mark.browser
def test_search_still_works_after_instant_navigation(page) -> None:
    page.goto("index.html")
    page.evaluate("window.__stillHere = true")
    page.locator(".g-task[href$='track-order.html']").click()
    page.wait_for_url(re.compile(r"/track-order\.html$"))
    assert page.evaluate("window.__stillHere === true")
    page.wait_for_timeout(300)  # Material closes search 125 ms after a navigation: a reader is slower than that
    page.keyboard.press("/")
    hrefs = results_for(page, "retur ditolak")
    assert "#returns-help-escalate" in hrefs[0]


@pytest.mark.browser
def test_the_browser_reduces_words_exactly_as_the_build_does(page, built_site: Path, lang: str) -> None:
    """The build stems the pages in Python and the browser stems the query in JavaScript: they must agree."""
    open_search(page, f"{SITES[lang]}index.html")
    index = index_of(built_site, lang)
    words = sorted(
        {w for doc in index["docs"] for text in [doc[1], *doc[3]] for w in re.findall(r"[a-z]+", text.lower())}
        | {w for w, _ in ROOTS}
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
    roots = frozenset(index["roots"])
    in_python = [" ".join(analyze(w, lang, roots)) for w in words]
    assert [(w, b) for w, b, p in zip(words, in_browser, in_python, strict=True) if b != p] == []
