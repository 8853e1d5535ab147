"""The search word tables (data/search/<lang>.yml) are checked like the rest of the data."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.errors import DataError
from guide.languages import codes
from guide.search.words import word_tables


@pytest.mark.parametrize("lang", codes())
def test_every_language_has_its_tables(lang: str) -> None:
    tables = word_tables(lang)
    assert tables.slang and tables.stop and tables.negations


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "id.yml").write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("slang: {a: b}\nstop: [x]\nphrases: {}\nnegations: [y]\n", "question_tags is missing"),
        ("slang: [a]\nstop: [x]\nphrases: {}\nnegations: [y]\nquestion_tags: []\n", "slang should be a mapping"),
        ("slang: {a: 1}\nstop: [x]\nphrases: {}\nnegations: [y]\nquestion_tags: []\n", "slang.a should map a word"),
        ("slang: {}\nstop: [x, '']\nphrases: {}\nnegations: [y]\nquestion_tags: []\n", "stop[2] should be a word"),
        (
            "slang: {}\nstop: []\nphrases: {}\nnegations: []\nquestion_tags: []\nsynonyms: {}\n",
            "synonyms is not a known",
        ),
        ("slang: {a: b, a: c}\nstop: []\nphrases: {}\nnegations: []\nquestion_tags: []\n", "has the key 'a' twice"),
        (
            "slang: {}\nstop: []\nphrases: {}\nnegations: []\nquestion_tags: []\ncommon: []\nfallback: []\n"
            "parts: {fact: [batas waktu]}\n",
            "parts.fact is not a part",
        ),
    ],
)
def test_a_bad_table_names_its_line_and_key(tmp_path: Path, text: str, said: str) -> None:
    folder = write(tmp_path, text)
    with pytest.raises(DataError) as caught:
        word_tables.__wrapped__("id", folder)
    assert f"{folder / 'id.yml'}:" in str(caught.value) and said in str(caught.value)
