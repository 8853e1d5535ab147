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
from guide.postbuild.csp import PLACEHOLDER, apply_csp
from guide.schema import load_schema
from guide.search.learn import read_examples
from guide.search.words import word_tables
from guide.ui import load_ui
from guide.urls import email_problem, mailto, repo_url_problem, site_url_problem

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


# --- SITE_URL, REPO_URL, FEEDBACK_EMAIL -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("https://example.org//evil.example/", "has an empty, '.' or '..' folder"),
        ("https://example.org/a/../", "has an empty, '.' or '..' folder"),
        ("https://example.org/./", "has an empty, '.' or '..' folder"),
        ("https://example.org/%2e%2e/", "has an empty, '.' or '..' folder"),
        ("https://user:pw@example.org/", "has credentials or a backslash"),
        ("https://example.org\\@evil.example/", "has credentials or a backslash"),
        ("https://example.org:0/", "names the port '0'"),
        ("https://example.org:65536/", "names the port '65536'"),
        ("https://example.org:/", "names the port ''"),
        ("https://intranet/", "has no public host name"),
        ("https://10.0.0.1/", "has no public host name"),
        ("https://-evil.example/", "has no public host name"),
        ("http://example.org/", "is http on another machine than this one"),
        ("ftp://example.org/", "is not an https address"),
        ("https://example.org/panduan", "does not end with a slash"),
        ("https://example.org/?x=1", "has a query or a fragment"),
        ("https://example.org/\t/", "is not an address the site can be served at"),
        ("https://example.org/" + "a" * 300 + "/", "is not an address the site can be served at"),
    ],
)
def test_a_site_address_a_browser_would_read_otherwise_is_refused(url: str, said: str) -> None:
    problem = site_url_problem(url)
    assert problem is not None and said in problem, problem


@pytest.mark.parametrize(
    "url",
    ["https://example.org/", "https://example.org/panduan/", "https://a-b.example.co.id:8443/x_y/z~1/",
     "http://127.0.0.1:8000/", "http://localhost:1/"],
)  # fmt: skip
def test_a_plain_site_address_is_accepted(url: str) -> None:
    assert site_url_problem(url) is None


@pytest.mark.parametrize(
    "url",
    ["https://github.com/../..", "https://github.com/x/..", "https://github.com/-x/y", "https://github.com//x/y",
     "https://github.com:444/x/y", "https://u@github.com/x/y", "https://github.com/x/y/../z", "http://github.com/x/y"],
)  # fmt: skip
def test_a_repository_address_that_leads_elsewhere_is_refused(url: str) -> None:
    assert repo_url_problem(url) is not None


@pytest.mark.parametrize(
    "address",
    ["a%2Cb@example.org", "a@example.org,b@example.org", "a@example.org?cc=b@example.org", "a;b@example.org",
     "a b@example.org", ".a@example.org", "a..b@example.org", "a@example", "a@-x.org", "a@example.org&bcc=b",
     "a@example.org%3Fbcc%3Db@evil.example", "x" * 65 + "@example.org"],
)  # fmt: skip
def test_a_feedback_address_that_is_not_one_address_is_refused(address: str) -> None:
    assert email_problem(address) is not None


def test_the_mail_link_is_built_from_encoded_parts() -> None:
    href = mailto("tanya+uji@example.org", {"subject": "a&cc=x@evil.example", "body": "b\r\nBcc: y@evil.example"})
    assert href.startswith("mailto:tanya%2Buji@example.org?subject=")
    query = href.partition("?")[2]
    assert query.count("&") == 1 and "=" not in query.split("&")[0].split("=", 1)[1]
    assert "\r" not in href and "\n" not in href and "cc=" not in query.lower()
    with pytest.raises(ValueError, match="FEEDBACK_EMAIL"):
        mailto("a@example.org,b@example.org", {})


# --- the content security policy -----------------------------------------------------------------------------


def test_an_inline_script_on_a_built_page_stops_the_build_and_never_reaches_the_policy(tmp_path: Path) -> None:
    head = f'<html lang="en"><head><meta http-equiv="Content-Security-Policy" content="{PLACEHOLDER}">'
    (tmp_path / "a.html").write_text(f"{head}<script src='assets/site.js'></script></head></html>")
    (tmp_path / "b.html").write_text(f"{head}</head><body><script>alert(1)</script></body></html>")
    with pytest.raises(DataError, match=r"^b\.html: has an inline <script>"):
        apply_csp(tmp_path)
    (tmp_path / "b.html").unlink()
    (tmp_path / "a.html").write_text(f"{head}<script src='assets/site.js'></script></head></html>")
    apply_csp(tmp_path)
    assert "script-src 'self';" in (tmp_path / "a.html").read_text()


# --- data/schema.json ------------------------------------------------------------------------------------------


def schema_with(tmp_path: Path, change) -> Path:
    import json

    schema = json.loads(paths.SCHEMA.read_text(encoding="utf-8"))
    text = change(schema) if callable(change) else change
    path = tmp_path / "schema.json"
    path.write_text(text if isinstance(text, str) else json.dumps(schema, indent=2), encoding="utf-8")
    return path


def schema_error(path: Path) -> str:
    with pytest.raises(DataError) as caught:
        load_schema.__wrapped__(path)
    message = str(caught.value)
    assert "Traceback" not in message
    return message


def _set_slug_pattern(pattern: str):
    def change(schema):
        schema["$defs"]["slug"]["pattern"] = pattern

    return change


@pytest.mark.parametrize(
    ("pattern", "said"),
    [
        ("^(a+)+$", "$defs.slug.pattern can take exponential time on some texts"),
        (r"^(\w+|\d+)*$", "$defs.slug.pattern can take exponential time on some texts"),
        (r"^\S*\S*\S*$", "3 unbounded repeats can match the same characters"),
        ("x" * 300, "$defs.slug.pattern is 300 characters long; a pattern may be at most 200"),
        ("^(", "$defs.slug.pattern is not a valid regular expression"),
    ],
)
def test_a_schema_pattern_that_could_hang_or_fail_is_refused_before_it_runs(
    tmp_path: Path, pattern: str, said: str
) -> None:
    message = schema_error(schema_with(tmp_path, _set_slug_pattern(pattern)))
    assert said in message and f"{tmp_path / 'schema.json'}:" in message, message


def test_the_projects_patterns_are_safe() -> None:
    assert load_schema.__wrapped__(paths.SCHEMA)["$defs"]


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ('{"a": 1,\n "b": }', "schema.json:2: is not valid JSON"),
        ("[1, 2]", "schema.json:1: must be a JSON object"),
        ('{"type": "object", "type": "array"}', "has the key 'type' twice"),
        ("[" * 100000 + "]" * 100000, "schema.json:1: is nested more than 24 levels deep"),
        # past the limit but within what the JSON reader takes: the line where the nesting passes it, strings skipped
        ('{"a": "[{[{[{",\n "b":\n' + "[" * 30 + "]" * 30 + "}", "schema.json:3: is nested more than 24 levels"),
        ('{"a": "\\"[[[[\\"",\n "b": [[\n' + "[" * 30 + "]" * 32 + "}", "schema.json:3: is nested more than 24"),
        (lambda s: s["$defs"].pop("text"), "$defs has no 'text' definition"),
        (lambda s: s["$defs"]["text"]["properties"].pop("en"), "$defs.text names the languages ['id']"),
        (lambda s: s["$defs"].__setitem__("slug", {"type": 5}), "$defs.slug.type is not valid JSON Schema"),
        (lambda s: s["$defs"]["flow"].__setitem__("$ref", "https://evil.example/s.json"), "refers outside this file"),
        (lambda s: s["$defs"]["slug"].__setitem__("x-message", "{got.__class__.__init__.__globals__}"), None),
    ],
)
def test_a_broken_schema_is_refused_with_file_and_line_not_a_traceback(tmp_path: Path, change, said) -> None:
    path = schema_with(tmp_path, change)
    if said is None:  # a message template is text, never a format string that reaches into Python
        from guide.schema import schema_problems

        problems = schema_problems({"flows": [{"id": "Bad Id"}]}, path)
        assert all("globals" in p.message or "__" not in p.message for p in problems)
        assert any("{got.__class__.__init__.__globals__}" in p.message for p in problems), problems
        return
    assert said in schema_error(path)


# --- bounds: word tables, examples, interface words ----------------------------------------------------------


def search_folder(tmp_path: Path, edit) -> Path:
    import yaml

    folder = tmp_path / "search"
    shutil.copytree(paths.SEARCH_WORDS, folder)
    data = yaml.safe_load((folder / "en.yml").read_text(encoding="utf-8"))
    edit(data)
    (folder / "en.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


def words_error(folder: Path) -> str:
    with pytest.raises(DataError) as caught:
        word_tables.__wrapped__("en", folder)
    return str(caught.value)


def test_a_chain_of_phrases_that_grows_a_word_is_refused_naming_the_phrase(tmp_path: Path) -> None:
    def chain(data):
        data["phrases"].update({"pay later": " ".join(["a"] * 10), "a a": " ".join(["b"] * 10)})

    message = words_error(search_folder(tmp_path, chain))
    assert "phrases.pay later is said as 10 words, more than its own 2: a phrase may not make a text longer" in message
    assert ":" in message.split("phrases.pay later")[0], message  # file:line before the path


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        (lambda d: d["slang"].update({"x": "a b c d e"}), "slang.x stands for 5 words; at most 4"),
        (lambda d: d["phrases"].update({"a b c d e f g": "x"}), "has 7 words; a phrase has at most 6"),
        (lambda d: d["stop"].append("w" * 61), "is longer than 60 characters"),
        (lambda d: d["stop"].extend(f"w{i}" for i in range(5001)), "entries; a table may have at most 5000"),
    ],
)
def test_a_word_table_past_its_bounds_is_refused(tmp_path: Path, edit, said: str) -> None:
    assert said in words_error(search_folder(tmp_path, edit))


def test_too_many_examples_are_refused_before_any_is_learned(tmp_path: Path) -> None:
    folder = tmp_path / "search"
    folder.mkdir()
    # the line of the first example past the limit: comments and blank lines are not examples
    (folder / "examples-en.tsv").write_text(
        "# queries\n\n" + "".join(f"query {i}\tabout\n" for i in range(20_001)), encoding="utf-8"
    )
    with pytest.raises(DataError, match=r"examples-en\.tsv:20003: is example 20001 of 20001; at most 20000"):
        read_examples("en", folder)
    (folder / "examples-en.tsv").write_text("q\tabout\n" * 300_000, encoding="utf-8")
    with pytest.raises(DataError, match=r"examples-en\.tsv:1: is 2343 KB, more than the 2048 KB a data file may be"):
        read_examples("en", folder)


def test_an_interface_text_longer_than_a_line_or_two_is_refused(tmp_path: Path) -> None:
    import yaml

    folder = tmp_path / "ui"
    shutil.copytree(paths.UI_DIR, folder)
    data = yaml.safe_load((folder / "en.yml").read_text(encoding="utf-8"))
    data["stale_text"] = "x" * 5000
    (folder / "en.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_ui.__wrapped__("en", folder)
    assert "stale_text is 5000 characters long; an interface text may be at most 300" in str(caught.value)
    (folder / "en.yml").write_text("a: " + "x" * 300_000 + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="more than the 256 KB a data file may be"):
        load_ui.__wrapped__("en", folder)


def test_an_interface_word_missing_or_extra_is_named_with_its_line(tmp_path: Path) -> None:
    folder = tmp_path / "ui"
    shutil.copytree(paths.UI_DIR, folder)
    text = (folder / "en.yml").read_text(encoding="utf-8").replace("menu_open: Open the menu\n", "")
    (folder / "en.yml").write_text(text + "surprise: hello\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_ui.__wrapped__("en", folder)
    message = str(caught.value)
    assert f"{folder / 'en.yml'}:{len(text.splitlines()) + 1}: surprise is not a key of id.yml" in message, message
    assert "has no key 'menu_open', which id.yml has" in message
