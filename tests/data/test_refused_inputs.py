"""Every file and setting the build reads, besides data/steps.yaml (tests/data/test_hostile.py), refused clearly:
the language table, the environment's addresses, the schema, the word tables and examples, each with the file,
line and path of what is wrong, and never a traceback, a hang or a MemoryError."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from guide import paths
from guide.errors import DataError
from guide.languages import languages

# --- data/languages.yml ---------------------------------------------------------------------------------------

ROW_ID = "- {code: id, name: Bahasa, short: ID, prefix: '', config: mkdocs.yml, docs: docs/id, locale: id_ID}\n"
ROW_EN = "- {code: en, name: English, short: EN, prefix: en/, config: mkdocs.en.yml, docs: docs/en, locale: en_US}\n"


def table_in(project: Path, text: str) -> Path:
    """A project with both configs and docs folders, and ``text`` as its data/languages.yml."""
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        (project / name).write_text("site_name: x\n", encoding="utf-8")
    for name in ("docs/id", "docs/en", "data"):
        (project / name).mkdir(parents=True, exist_ok=True)
    path = project / "data" / "languages.yml"
    path.write_text(text, encoding="utf-8")
    return path


def table_error(path: Path) -> str:
    with pytest.raises(DataError) as caught:
        languages.__wrapped__(path)
    return str(caught.value)


def test_a_good_table_in_a_project_of_its_own_is_read(tmp_path: Path) -> None:
    assert [lang.code for lang in languages.__wrapped__(table_in(tmp_path, ROW_ID + ROW_EN))] == ["id", "en"]


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (("code: en", "code: ../x"), "[2].code is not valid: '../x'"),
        (("code: en", "code: EN"), "[2].code is not valid: 'EN'"),
        (("prefix: en/", "prefix: ../"), "[2].prefix is not valid: '../'"),
        (("prefix: en/", "prefix: /en/"), "[2].prefix is not valid: '/en/'"),
        (("mkdocs.en.yml", "../mkdocs.en.yml"), "[2].config is not valid: '../mkdocs.en.yml'"),
        (("mkdocs.en.yml", "/etc/passwd.yml"), "[2].config is not valid: '/etc/passwd.yml'"),
        (("docs/en", "docs/../../x"), "[2].docs is not valid: 'docs/../../x'"),
        (("mkdocs.en.yml", "mkdocs.fr.yml"), "[2].config names mkdocs.fr.yml, which is not a file of the project"),
        (("docs/en", "docs/fr"), "[2].docs names docs/fr, which is not a folder of the project"),
        (("code: en", "code: id"), "[2].code repeats 'id'"),
        (("mkdocs.en.yml", "mkdocs.yml"), "[2].config repeats 'mkdocs.yml'"),
        (("docs/en", "docs/id"), "[2].docs repeats 'docs/id'"),
        (("{code: en", "&a {code: en"), "[2] sets an anchor (&a)"),
        (("name: English", "name: !!binary eA=="), "[2].name has a tag"),
    ],
)
def test_a_table_that_is_not_safe_is_refused_with_file_line_and_path(
    tmp_path: Path, change: tuple[str, str], said: str
) -> None:
    path = table_in(tmp_path, ROW_ID + ROW_EN.replace(*change))
    message = table_error(path)
    assert f"{path}:2: {said}" in message, message
    assert "Traceback" not in message


def test_a_docs_folder_that_leads_out_of_the_project_is_refused(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    path = table_in(project, ROW_ID + ROW_EN)
    shutil.rmtree(project / "docs" / "en")
    (tmp_path / "elsewhere").mkdir()
    (project / "docs" / "en").symlink_to(tmp_path / "elsewhere")
    assert f"{path}:2: [2].docs names docs/en, which leads out of the project" in table_error(path)


def test_the_real_table_names_files_of_the_project() -> None:
    assert all((paths.ROOT / lang.config).is_file() for lang in languages())
