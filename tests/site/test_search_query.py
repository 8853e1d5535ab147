"""How what a buyer types reaches the site's words, on the real index: typos, texting, spoken and joined forms,
words of the other language, intent phrases, and the parts every guide has (its time limits, its statuses)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from guide.search.query import Resolver, skeleton
from guide.search.rank import search
from guide.search.typos import allowed, distance, typo
from guide.search.wire import decode

from ..conftest import prefix


@cache
def loaded(site: Path, lang: str) -> tuple[dict, Resolver]:
    index = decode(json.loads((site / prefix(lang) / "search" / "index.json").read_text(encoding="utf-8")))
    return index, Resolver(index)


def terms(site: Path, lang: str, text: str) -> list[tuple[str, float]]:
    return [(t.text, t.weight) for clause in loaded(site, lang)[1].clauses(text) for t in clause]


def first(site: Path, lang: str, text: str) -> str:
    index, lookups = loaded(site, lang)
    return search(index, text, lookups)[0][0]


def test_typo_distance_grows_with_the_word_and_keeps_the_first_letter() -> None:
    assert [allowed(w) for w in ("cod", "cencel", "pengiriman")] == [0, 1, 2]
    assert distance("recieved", "received", 2) == 1, "a swap of two letters is one edit"
    assert typo("cencel", "cancel", 1) and typo("pesnan", "pesanan", 1)
    assert not typo("jaket", "paket", 1), "a typo keeps its first letter"
    assert skeleton("belum") == skeleton("blm") == "blm" and skeleton("datang") == "dtg"


@pytest.mark.parametrize(
    ("lang", "typed", "meant"),
    [
        ("id", "cencel", "batal"),  # an English word buyers mix in, misspelt
        ("id", "pesenan", "pesanan"),
        ("id", "pesnan", "pesanan"),
        ("en", "cancle", "cancel"),
        ("en", "recieved", "receiv"),
        ("en", "refnud", "refund"),
    ],
)
def test_a_typo_reaches_the_sites_word_and_counts_less(built_site: Path, lang: str, typed: str, meant: str) -> None:
    [(term, weight)] = terms(built_site, lang, typed)
    assert term == meant and weight < 1.0


def test_the_stemmer_and_the_function_words_absorb_other_slips(built_site: Path) -> None:
    assert terms(built_site, "en", "moveing") == [("move", 1.0)]
    assert terms(built_site, "en", "dose") == [("dose", 1.0)], "a common word stays itself: not does, not close"


def test_a_word_the_language_knows_is_never_taken_for_another(built_site: Path) -> None:
    assert terms(built_site, "id", "pesan") == [("pesan", 1.0)], "pesan (a message) is not pesanan (an order)"
    assert terms(built_site, "id", "dibatalin") == [("batal", 1.0)]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("sy blm dtg", ["belum", "datang"]),  # saya is a function word
        ("udh", ["sudah"]),
        ("brp hr", ["hari"]),  # berapa is a function word
        ("dkirim", ["kirim"]),
        ("dbayar", ["bayar"]),
        ("pdhl", []),
        ("tts", []),
    ],
)
def test_texting_abbreviations_reach_the_written_words(built_site: Path, typed: str, meant: list[str]) -> None:
    assert [term for term, _ in terms(built_site, "id", typed)] == meant, typed


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("gajadi", ["batal"]),  # ga jadi: not going ahead
        ("gabisa", ["tidak"]),
        ("muncul2", ["muncul"]),
        ("barang-barang", ["barang", "barang"]),
        ("dicancelin", ["batal"]),
        ("how to batalin", ["batal"]),
        ("udahan", ["batal"]),  # "udahan aja": call it off, not udah (already)
    ],
)
def test_spoken_joined_and_mixed_forms(built_site: Path, typed: str, meant: list[str]) -> None:
    assert [term for term, _ in terms(built_site, "id", typed)] == meant


def test_indonesian_words_on_the_english_site(built_site: Path) -> None:
    assert [term for term, _ in terms(built_site, "en", "refund belum masuk to my bank")] == [
        "refund", "not", "arriv", "bank"
    ]  # fmt: skip
    assert re.search(r"#refund-status", first(built_site, "en", "refund belum masuk to my bank"))


@pytest.mark.parametrize(
    ("lang", "query", "target"),
    [
        ("id", "refund saya belum masuk", "refund-status"),  # intent phrases outweigh single words
        ("id", "paket ga gerak", "parcel-problems-not-moving"),
        ("id", "chat ga dibales seller", "seller-no-reply"),
        ("id", "seller ajak transaksi lwt wa", "scams-outside-app|safe-shopping-pay-in-app"),
        ("id", "status menunggu pickup", "track-order-status-to-ship"),  # a buyer's own name for a status
        ("en", "where is my parcel", "track-order"),
        ("en", "awaiting shipment", "track-order-status-to-ship"),
        ("en", "order completed", "track-order-status-to-review"),
        ("en", "auto cancel", "auto-cancelled"),
        # a status name that only its function word tells apart from another
        ("id", "status untuk dikirim", "track-order-status-to-ship"),
        ("id", "status dikirim", "track-order-status-shipped"),
        ("en", "to ship status", "track-order-status-to-ship"),
        ("en", "shipped status", "track-order-status-shipped"),
    ],
)
def test_intents_and_status_names_reach_their_section(built_site: Path, lang: str, query: str, target: str) -> None:
    found = first(built_site, lang, query)
    assert re.search(rf"#({target})(-|$)", found), (query, found)


@pytest.mark.parametrize(
    ("lang", "query", "target"),
    [
        ("id", "berapa lama boleh membatalkan pesanan", "cancel-order-facts"),
        ("id", "tenggat kirim balik barang retur", "returns-help-facts"),
        ("en", "how long does the seller have to answer", "seller-no-reply-facts"),
        ("en", "time limit to cancel an order", "cancel-order-facts"),
    ],
)
def test_a_question_about_a_time_limit_reaches_that_guides_time_limits(
    built_site: Path, lang: str, query: str, target: str
) -> None:
    found = first(built_site, lang, query)
    assert found.endswith(f"#{target}"), (query, found)


@pytest.mark.parametrize(
    ("lang", "query", "target"),
    [
        ("id", "siapa pembuat situs ini", "tentang-panduan-ini"),
        ("id", "kapan info di sini terakhir diperbarui", "kapan-sumber-terakhir-diperiksa"),
        ("en", "is this site run by tiktok", "about-this-guide"),
        ("en", "checklist to print for cancelling", "cancellation-checklist"),
    ],
)
def test_a_prose_pages_own_phrases_reach_its_sections(built_site: Path, lang: str, query: str, target: str) -> None:
    """The pages that are not guides carry their phrases in their front matter (``search: phrases:``)."""
    found = first(built_site, lang, query)
    assert found.endswith(f"#{target}"), (query, found)
