"""The one language table: data/languages.yml."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide import paths
from guide.errors import DataError
from guide.languages import languages


def test_the_reference_language_is_the_site_root_and_every_other_has_its_folder() -> None:
    table = languages()
    assert table[0].prefix == ""
    assert all(lang.prefix == f"{lang.code}/" for lang in table[1:])
    for lang in table:
        assert (paths.ROOT / lang.config).is_file(), lang.config
        assert (paths.ROOT / lang.docs).is_dir(), lang.docs
        assert (paths.UI_DIR / f"{lang.code}.yml").is_file()
        assert (paths.SEARCH_WORDS / f"{lang.code}.yml").is_file()


ROW = "- {code: id, name: Bahasa, short: ID, prefix: '', config: mkdocs.yml, docs: docs/id, locale: id_ID}\n"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (ROW + "- {code: en, name: English, short: EN, prefix: '', config: m.yml, docs: docs/en, locale: en_US}\n",
         "[2].prefix repeats ''"),
        (ROW.replace("prefix: ''", "prefix: id/"), "[1].prefix must be empty"),
        (ROW.replace("locale: id_ID", "locale: '\"><script>'"), "[1].locale is not valid"),
        (ROW.replace("name: Bahasa, ", ""), "[1].name is missing"),
        (ROW.replace("}", ", flag: x}"), "[1].flag is not a known field"),
    ],
)  # fmt: skip
def test_a_bad_table_is_refused_with_its_line(tmp_path: Path, text: str, said: str) -> None:
    path = tmp_path / "languages.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        languages.__wrapped__(path)
    assert f"{path}:" in str(caught.value) and said in str(caught.value)
