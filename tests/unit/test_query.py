"""How what a buyer types reaches the words of a site: typos, texting, spoken and joined forms, words of the other
language; on a few made-up sections, so that no edit to the guide's wording can break them."""

from __future__ import annotations

import functools

import pytest

from guide.search.index import build_index
from guide.search.query import Resolver, skeleton
from guide.search.sections import Section
from guide.search.typos import allowed, distance, typo

SITES = {
    "id": [
        ("Pesanan belum datang", ["Pesanan Anda belum datang, sudah lebih dari lima hari.", "Cek pengiriman."]),
        ("Membatalkan pesanan", ["Batalkan pesanan yang belum dibayar.", "Tombol batal muncul di pesanan."]),
        ("Membayar pesanan", ["Bayar sebelum batas waktu, dalam satu hari."]),
        ("Barang dikirim", ["Barang dikirim kurir ke alamat Anda."]),
        ("Pesan ke penjual", ["Kirim pesan ke penjual lewat chat."]),
    ],
    "en": [
        ("Cancel an order", ["Cancel an order that is not paid yet.", "A refund goes back to your bank."]),
        ("Order received", ["The parcel was received.", "Move it to done, and close the order."]),
        ("Refund not arrived", ["A refund that has not arrived: check your bank."]),
    ],
}


@functools.cache
def resolver(lang: str) -> Resolver:
    sections = [
        Section(f"p{n}.html", f"p{n}", title, title, f"p{n}", body) for n, (title, body) in enumerate(SITES[lang])
    ]
    return Resolver(build_index(sections, lang, common=(), fallback=())[0])


def terms(lang: str, text: str) -> list[tuple[str, float]]:
    return [(t.text, t.weight) for clause in resolver(lang).clauses(text) for t in clause]


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
def test_a_typo_reaches_the_sites_word_and_counts_less(lang: str, typed: str, meant: str) -> None:
    [(term, weight)] = terms(lang, typed)
    assert term == meant and weight < 1.0


def test_the_stemmer_and_the_function_words_absorb_other_slips() -> None:
    assert terms("en", "moveing") == [("move", 1.0)]
    assert terms("en", "dose") == [("dose", 1.0)], "a common word stays itself: not does, not close"


def test_a_word_the_language_knows_is_never_taken_for_another() -> None:
    assert terms("id", "pesan") == [("pesan", 1.0)], "pesan (a message) is not pesanan (an order)"
    assert terms("id", "dibatalin") == [("batal", 1.0)]


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
def test_texting_abbreviations_reach_the_written_words(typed: str, meant: list[str]) -> None:
    assert [term for term, _ in terms("id", typed)] == meant, typed


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
def test_spoken_joined_and_mixed_forms(typed: str, meant: list[str]) -> None:
    assert [term for term, _ in terms("id", typed)] == meant


def test_indonesian_words_on_the_english_site() -> None:
    assert [term for term, _ in terms("en", "refund belum masuk to my bank")] == ["refund", "not", "arriv", "bank"]
