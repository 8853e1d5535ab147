"""The search index and its ranking, on a few made-up sections: fields, pairs, parents and the order of results."""

from __future__ import annotations

from guide.search.analyser import analyze
from guide.search.index import build_index, parents, section_fields
from guide.search.rank import search
from guide.search.sections import Section, sentences


def sections() -> list[Section]:
    return [
        Section("batal.html", "batal", "Membatalkan pesanan", "Membatalkan pesanan", "batal", ["Pilih situasi Anda."],
                summary="Batalkan pesanan yang belum dibayar atau COD."),
        Section("batal.html", "batal-cod", "COD, belum dikirim", "Membatalkan pesanan", "batal",
                ["Pesanan COD bisa dibatalkan sebelum dikirim."], keywords=("bayar di tempat",),
                flow_keywords=("batalin",), summary="Batalkan pesanan yang belum dibayar atau COD."),
        Section("batal.html", "batal-paid", "Sudah dibayar", "Membatalkan pesanan", "batal",
                ["Pembatalan pesanan yang sudah dibayar.", "Pengembalian dana penuh."], flow_keywords=("batalin",)),
        Section("lacak.html", "lacak", "Melacak paket", "Melacak paket", "lacak", ["Cek nomor resi pengiriman."]),
    ]  # fmt: skip


def test_a_section_counts_its_own_words_its_flows_words_and_its_page_title() -> None:
    fields = section_fields(sections()[1])
    assert fields["keywords"] == ["bayar di tempat"] and fields["flow_keywords"] == ["batalin"]
    assert fields["page"] == ["Membatalkan pesanan"] and fields["title"] == ["COD, belum dikirim"]
    assert section_fields(sections()[0])["page"] == [], "a page's first section is the page"


def test_each_section_knows_its_pages_first_section() -> None:
    assert parents(sections()) == [-1, 0, 0, -1]


def test_the_index_ships_the_roots_of_the_sites_own_words_and_the_word_tables() -> None:
    index = build_index(sections(), "id")
    roots = frozenset(index["roots"])
    for form in ("dibatalkan", "membatalkan", "pembatalan", "batalkan"):
        assert analyze(form, "id", roots) == ["batal"], form
    assert analyze("dikirim", "id", roots) == ["kirim"]
    assert index["words"]["slang"]["udah"] == "sudah" and index["min_root"] == 3
    assert [doc[0] for doc in index["docs"]] == ["batal.html#batal", "batal.html#batal-cod", "batal.html#batal-paid",
                                                 "lacak.html#lacak"]  # fmt: skip


def test_the_ranking_puts_the_section_that_has_the_readers_words_first() -> None:
    index = build_index(sections(), "id")
    assert search(index, "batalin cod")[0][0] == "batal.html#batal-cod"
    assert search(index, "udah bayar mau batal")[0][0] == "batal.html#batal-paid"
    assert search(index, "cek resi")[0][0] == "lacak.html#lacak"
    assert search(index, "pembatalan")[0][0].startswith("batal.html#")


def test_a_word_still_being_typed_matches_the_terms_it_begins() -> None:
    index = build_index(sections(), "id")
    assert search(index, "cek res")[0][0] == "lacak.html#lacak"
    assert search(index, "res ") == [], "with a space after it, the word is finished"


def test_sentences_split_at_the_end_of_each() -> None:
    assert sentences("  Satu.  Dua?\nTiga! ") == ["Satu.", "Dua?", "Tiga!"]
    assert sentences("   ") == []
