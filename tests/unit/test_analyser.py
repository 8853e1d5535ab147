"""The search analyser, word by word: Indonesian roots, slang, phrases and English stems."""

from __future__ import annotations

import pytest

from guide.search.analyser import analyze, clauses, dictionary, pairs, site_roots, stem_en, stem_id
from guide.search.words import word_tables

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
    assert analyze("udah bayar tapi gak jadi", "id", roots) == ["sudah", "bayar", "batal"], "not going ahead"
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
    assert stem_id(word, SPOKEN_ROOTS, word_tables("id").slang) == root


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
