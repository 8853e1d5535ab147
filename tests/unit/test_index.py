"""The search index and its ranking, on a few made-up sections: fields, pairs, parents and the order of results."""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import asdict

import pytest

from guide import paths
from guide.search.analyser import analyze
from guide.search.index import (
    BUILD_ONLY,
    LEVELS,
    MIN_POSTING,
    build_index,
    engine_rules,
    levels,
    parents,
    section_fields,
    to_levels,
)
from guide.search.query import Resolver
from guide.search.rank import PER_GUIDE, PROBLEM_WORDS, by_guide, each_problem, search
from guide.search.sections import Section, sentences
from guide.search.wire import decode, encode, front_code, front_decode
from guide.search.words import word_tables


def sections() -> list[Section]:
    return [
        Section("batal.html", "batal", "Membatalkan pesanan", "Membatalkan pesanan", "batal", ["Pilih situasi Anda."],
                keywords=("batalin",), summary="Batalkan pesanan yang belum dibayar atau COD."),
        Section("batal.html", "batal-cod", "COD, belum dikirim", "Membatalkan pesanan", "batal",
                ["Pesanan COD bisa dibatalkan sebelum dikirim."], keywords=("bayar di tempat",)),
        Section("batal.html", "batal-paid", "Sudah dibayar", "Membatalkan pesanan", "batal",
                ["Pembatalan pesanan yang sudah dibayar.", "Pengembalian dana penuh."], line="Ajukan pembatalan."),
        Section("lacak.html", "lacak", "Melacak paket", "Melacak paket", "lacak", ["Cek nomor resi pengiriman."]),
    ]  # fmt: skip


def index() -> dict:
    return build_index(sections(), "id", common=(), fallback=())[0]


def test_a_section_counts_its_own_words_and_its_page_title() -> None:
    fields = section_fields(sections()[1])
    assert fields["keywords"] == ["bayar di tempat"] and fields["title"] == ["COD, belum dikirim"]
    assert fields["page"] == ["Membatalkan pesanan"] and fields["summary"] == []
    assert section_fields(sections()[0])["page"] == [], "a page's first section is the page"


def test_each_section_knows_its_pages_first_section() -> None:
    assert parents(sections()) == [-1, 0, 0, -1]
    assert [doc[3] for doc in index()["docs"]] == [-1, 0, 0, -1]
    assert index()["guides"] == [0, 3]


def test_the_index_holds_the_sites_roots_and_the_word_tables() -> None:
    built = index()
    roots = frozenset(term for term in built["terms"] if " " not in term)
    for form in ("dibatalkan", "membatalkan", "pembatalan", "batalkan"):
        assert analyze(form, "id", roots) == ["batal"], form
    assert analyze("dikirim", "id", roots) == ["kirim"]
    assert built["words"]["slang"]["udah"] == "sudah" and built["min_root"] == 3
    assert [doc[0] for doc in built["docs"]] == ["batal.html#batal", "batal.html#batal-cod", "batal.html#batal-paid",
                                                 "lacak.html#lacak"]  # fmt: skip


def test_the_texts_for_snippets_are_each_sections_line_then_its_sentences() -> None:
    texts = build_index(sections(), "id", common=(), fallback=())[1]
    assert texts[2] == ["Ajukan pembatalan.", "Pembatalan pesanan yang sudah dibayar.", "Pengembalian dana penuh."]
    assert texts[3][0] == ""


def test_the_index_on_disk_reads_back_the_same() -> None:
    built = index()
    written = encode(built)
    assert isinstance(written["terms"], str) and ";" in written["terms"]
    assert [doc[0] for doc in written["docs"]] == ["batal.html#batal", "-cod", "-paid", "lacak.html#lacak"]
    assert decode(written) == built


def test_the_common_words_are_written_front_coded_and_read_back() -> None:
    words = ["abad", "abadi", "abah", "b", "pengembalian", "pengembalianmu", "pengiriman"]
    assert front_code(words) == "0abad4i3h0b0pengembalian9ianmu4iriman", "at most 9 letters are shared"
    assert front_decode(front_code(words)) == words and front_decode("") == []


def test_a_word_with_a_digit_is_refused_by_the_front_coding_it_would_break() -> None:
    with pytest.raises(ValueError, match="'cod2': only words of letters"):
        front_code(["cod2"])


def with_limits() -> list[Section]:
    facts = Section(
        "batal.html",
        "batal-facts",
        "Yang perlu diingat",
        "Membatalkan pesanan",
        "batal",
        ["Pesanan yang belum dibayar batal sendiri."],
        part="facts",
    )
    return [*sections()[:3], facts, sections()[3]]  # fmt: skip


def test_a_question_about_a_time_limit_gets_the_time_limits_of_the_guide_that_answers_it() -> None:
    built = build_index(with_limits(), "id", common=(), fallback=())[0]
    assert built["limits"] == {"terms": ["batas waktu", "kapan", "maksimal", "paling lambat", "tenggat"],
                               "docs": [3]}  # fmt: skip
    assert search(built, "batalin cod")[0][0] == "batal.html#batal-cod", "no time word: the case that fits"
    ranked = search(built, "berapa lama batalin cod")
    assert [href for href, _ in ranked[:2]] == ["batal.html#batal-facts", "batal.html#batal-cod"]
    assert ranked[0][1] == ranked[1][1], "at the score of the result it goes before"
    assert search(built, "berapa lama cek resi")[0][0] == "lacak.html#lacak", "a guide without time limits: as it was"
    ruled = search(built, "batalin cod, memang begitu aturan?")[0][0]
    assert ruled == "batal.html#batal-cod", "a rule of one case is no question about time: the case answers it"


def test_the_ranking_puts_the_section_that_has_the_readers_words_first() -> None:
    built = index()
    assert search(built, "batalin cod")[0][0] == "batal.html#batal-cod"
    assert search(built, "udah bayar mau batal")[0][0] == "batal.html#batal-paid"
    assert search(built, "cek resi")[0][0] == "lacak.html#lacak"
    assert search(built, "pembatalan")[0][0].startswith("batal.html#")


def test_a_section_shares_its_guides_words() -> None:
    """ "cod" alone is in the COD case; "batalin" is only the guide's word, yet the case still gets it."""
    ranked = dict(search(index(), "batalin cod"))
    assert ranked["batal.html#batal-cod"] > ranked["batal.html#batal"]
    assert "lacak.html#lacak" not in ranked


def test_a_word_still_being_typed_matches_the_terms_it_begins() -> None:
    built = index()
    assert search(built, "cek res")[0][0] == "lacak.html#lacak"
    assert search(built, "res ") == [], "with a space after it, the word is finished"


def test_sentences_split_at_the_end_of_each() -> None:
    assert sentences("  Satu.  Dua?\nTiga! ") == ["Satu.", "Dua?", "Tiga!"]
    assert sentences("   ") == []


def test_the_wire_reads_back_far_docs_many_scores_and_sections_on_other_pages() -> None:
    """A gap past what one character holds, every level a score can take, and a doc whose page is not its
    parent's, or whose page title is not its parent's title, come back as they were."""
    built = index()
    built["terms"] = {"jauh": [0, 1, 70, 2, 300, 9], "jauh sekali": [299, 20], **built["terms"]}
    built["terms"] = to_levels(built["terms"])
    built["docs"] = [*built["docs"], ["lain.html#lain-x", "X", "Halaman lain", 3]]
    read = decode(json.loads(json.dumps(encode(built))))
    assert read["terms"] == dict(sorted(built["terms"].items())) and read["docs"] == built["docs"]


def test_scores_are_rounded_to_few_levels_by_ratio() -> None:
    steps = levels(226)
    assert len(steps) == LEVELS and steps[:9] == list(range(1, 10)) and steps[-1] == 226
    assert all(1 < b / a <= 1.2 for a, b in itertools.pairwise(steps[9:])), "a score moves 10% at most"
    assert to_levels({"a": [0, 226, 1, 100, 2, 1]})["a"] == [0, 226, 1, min(steps, key=lambda s: abs(s - 100)), 2, 1]
    assert levels(10) == list(range(1, 11)), "a small index keeps its scores exact"


def test_one_guide_shows_at_most_two_sections_before_the_others() -> None:
    ranked = [("a.html#a-1", 9.0), ("a.html#a-2", 8.0), ("a.html#a-3", 7.0), ("b.html#b-1", 2.0), ("a.html#a", 1.0)]
    assert PER_GUIDE == 2
    assert [href for href, _ in by_guide(ranked)] == ["a.html#a-1", "a.html#a-2", "b.html#b-1", "a.html#a-3",
                                                     "a.html#a"]  # fmt: skip


def test_a_query_names_a_problem_per_clause_and_per_word_that_joins_two() -> None:
    problems = Resolver(index()).problems("pesanan cod dibatalkan trs cek nomor resi, udah")
    assert [[term.text for term in terms] for terms in problems] == [["pesanan", "cod", "batal"],
                                                                     ["cek", "nomor", "resi"], ["sudah"]]  # fmt: skip


def test_the_best_section_of_each_problem_comes_into_the_first_three_after_the_first() -> None:
    built, ranked = index(), [("batal.html#batal", 9.0), ("batal.html#batal-paid", 8.0), ("batal.html#batal-cod", 7.0),
                              ("lacak.html#lacak", 6.0)]  # fmt: skip

    def moved(query: str) -> list[str]:
        problems = Resolver(built).problems(query)
        return [href for href, _ in each_problem(built, problems, "id", lambda t: built["terms"].get(t, []), ranked)]

    two = ["batal.html#batal", "batal.html#batal-cod", "lacak.html#lacak", "batal.html#batal-paid"]
    assert moved("pesanan cod dibatalkan trs cek nomor resi") == two, "the first stays; each problem's best follows"
    assert moved("pesanan cod dibatalkan") == [href for href, _ in ranked], "one problem: the ranking as it was"
    assert PROBLEM_WORDS == 2 and moved("cod dan resi") == [href for href, _ in ranked], "a word alone is no problem"
    three = ["batal.html#batal", "batal.html#batal-paid", "batal.html#batal-cod", "lacak.html#lacak"]
    said = "cek nomor resi trs pesanan cod dibatalkan trs pembatalan pesanan yang sudah dibayar"
    assert moved(said) == three, "more problems than places: those the whole query scores highest take them"


def test_a_posting_that_tells_nearly_nothing_is_left_out_but_every_term_stays() -> None:
    """A word said once deep in a long body is not worth its bytes; a word only such bodies have keeps its best."""
    long = ["Pesanan dikirim kurir ke alamat Anda."] * 12 + ["Simpan nomor resi."]
    built = build_index([*sections(), Section("lacak.html", "lacak-lama", "Riwayat paket", "Melacak paket", "lacak",
                                              long)], "id", common=(), fallback=())[0]  # fmt: skip
    scores = dict(zip(built["terms"]["resi"][::2], built["terms"]["resi"][1::2], strict=True))
    assert 4 not in scores and scores[3] >= MIN_POSTING, "the long section's one 'resi' is left out"
    assert built["terms"]["simpan"], "a term only a long body has keeps its best posting"
    assert all(score >= MIN_POSTING for rows in built["terms"].values() for score in rows[1::2] if len(rows) > 2)


def test_the_search_box_checks_every_weight_prefix_list_and_word_table_the_build_writes() -> None:
    """The box's ``validIndex`` (search-results.js) names the fields it checks before the engine reads them. A weight,
    prefix list or word table the build starts writing must be named there too: otherwise a damaged value of it
    would be ranked on instead of making the box say search is unavailable."""
    script = (paths.ROOT / "overrides" / "assets" / "js" / "search-results.js").read_text(encoding="utf-8")
    named: dict[str, set[str]] = {}
    for field, keys in re.findall(r'every\((?:index\.)?(\w+), "([^"]+)"', script):
        named.setdefault(field, set()).update(keys.split())
    rules = engine_rules()
    written_words = {key for key in asdict(word_tables("en")) if key not in BUILD_ONLY}
    assert named["weights"] == set(rules["weights"])
    assert named["prefixes"] == set(rules["prefixes"])
    assert named["words"] == written_words - {"lang"}  # the engine reads the index's own lang, never the tables'
