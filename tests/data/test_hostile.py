"""Hostile or careless data never reaches a page: every case is refused with ``file:line: path what is wrong``,
and without a traceback. Each test is small, built from the small guide or a few lines of YAML. What must be fast
is held by ratios of CPU time measured in the same test (``growth``, ``cpu_seconds``), never by a number of
seconds: YAML the content never needs costs less to refuse than the small guide costs to load, and twice the
input takes about twice the time."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

from guide.errors import DataError
from guide.load import load_guide
from guide.postbuild.slim import ATTRIBUTE
from guide.ui import load_ui
from guide.urls import email_problem, repo_url_problem, site_url_problem, url_problem
from guide.yamlfile import BIDI, text_problems

from ..conftest import MINI, TODAY, cpu_seconds, flow_of, growth


def refused(path: Path) -> str:
    """The loader's message for this file: it must refuse it, with a DataError."""
    with pytest.raises(DataError) as caught:
        load_guide(path, TODAY)
    return str(caught.value)


# --- YAML the content never needs ----------------------------------------------------------------------------

LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9)
)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("labels: &l {a: {id: A, en: A}}\nflows: *l\n", "sets an anchor (&l)"),
        ("labels:\n  a: {id: A, en: A}\nflows:\n  - <<: {id: x}\n", "uses a merge key (<<)"),
        ("labels: !!python/object:os.system {}\nflows: []\n", "has a tag (tag:yaml.org,2002:python/object:os.system)"),
        ("labels: !secret x\nflows: []\n", "has a tag (!secret)"),
        (LAUGHS, "uses an alias (*a)"),
        ("a: &a [*a]\n", "uses an alias (*a)"),
        ("? [a, b]\n: x\n", "has a key that is a list or a mapping"),
        ("labels: " + "[" * 200 + "]" * 200 + "\n", "is nested more than 24 levels deep"),
        ("labels: {a: b\x00}\n", "is not valid YAML: it holds the character U+0000"),
        ("labels: {a: [1, 2\n", "is not valid YAML"),
    ],
    ids=["anchor", "merge-key", "python-tag", "custom-tag", "billion-laughs", "recursive-alias", "unhashable-key",
         "deep-nesting", "raw-nul", "unclosed"],
)  # fmt: skip
def test_yaml_the_content_never_needs_is_refused(tmp_path: Path, text: str, said: str) -> None:
    path = tmp_path / "steps.yaml"
    path.write_text(text, encoding="utf-8")
    message = refused(path)
    assert f"{path}:" in message and said in message
    # refused by the scan before the YAML is built: cheaper than loading the small guide (no alias is expanded)
    assert cpu_seconds(lambda: refused(path)) < cpu_seconds(lambda: load_guide(MINI, TODAY))


def test_a_file_too_large_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "steps.yaml"
    path.write_text("a: " + "x" * (17 * 1024 * 1024) + "\n", encoding="utf-8")
    assert "more than the 16384 KB a data file may be" in refused(path)
    assert cpu_seconds(lambda: refused(path)) < cpu_seconds(lambda: load_guide(MINI, TODAY))


# --- text that would read otherwise than it is written ---------------------------------------------------


def early(data: dict[str, Any]) -> dict[str, Any]:
    return next(c for c in flow_of(data, "mini-cases")["cases"] if c["id"] == "early")


def first_step(data: dict[str, Any]) -> dict[str, Any]:
    return early(data)["steps"][0]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Buka\x00 pesanan", "has the control character U+0000"),
        ("Buka\x07 pesanan", "has the control character U+0007"),
        ("Buka\x1b[31m pesanan", "has the control character U+001B"),
        ("\u202eProfil", "has the bidirectional control U+202E"),
        ("Profil\u2066x\u2069", "has the bidirectional control U+2066"),
        ("\u200b\u200c\u200d\ufeff", "has no visible text"),
        ("   \u00a0 ", "is empty"),
        ("x" * 1201, "is not allowed here"),
    ],
    ids=["nul", "bel", "esc", "rlo", "isolate", "zero-width-only", "spaces-only", "too-long"],
)
def test_text_that_would_read_otherwise_is_refused(mini_data, write_data, text: str, said: str) -> None:
    first_step(mini_data)["text"]["en"] = text
    message = refused(write_data(mini_data))
    assert "flows[mini-cases].cases[early].steps[1].text.en" in message and said in message


def test_every_control_and_bidirectional_character_is_found_among_plain_words() -> None:
    """Every character of Unicode's control category (but a line break and a tab) and every bidirectional control is
    named, even in a text whose other characters are plain: the reader skips such texts quickly."""
    controls = [
        chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cc" and chr(c) not in "\n\t"
    ]
    named = [(ch, "the control character") for ch in controls] + [(ch, "the bidirectional control") for ch in BIDI]
    for ch, kind in named:
        said = [p.message for p in text_problems({"step": f"Buka {ch}pesanan"})]
        assert len(said) == 1 and said[0].startswith(f"has {kind} U+{ord(ch):04X}"), said
    assert text_problems({"step": "Buka\tpesanan\n"}) == []


def test_a_title_longer_than_a_line_is_refused(mini_data, write_data) -> None:
    early(mini_data)["title"]["id"] = "panjang " * 40
    assert "flows[mini-cases].cases[early].title.id is not allowed here" in refused(write_data(mini_data))


@pytest.mark.parametrize(
    ("value", "said"), [({"a": "b"}, "should be text, not a mapping"), (["a"], "should be text, not a list"),
                        (7, "should be text, not a number"), (None, "should be text, not empty")]
)  # fmt: skip
def test_a_value_of_the_wrong_kind_where_a_text_belongs(mini_data, write_data, value, said) -> None:
    first_step(mini_data)["text"]["id"] = value
    assert f"flows[mini-cases].cases[early].steps[1].text.id {said}" in refused(write_data(mini_data))


# --- ids ----------------------------------------------------------------------------------------------------


def test_a_case_id_that_collides_with_a_generated_step_id(mini_data, write_data) -> None:
    cases = flow_of(mini_data, "mini-cases")["cases"]
    cases.append({**cases[1], "id": "early-1"})  # its heading would be mini-cases-early-1, step 1 of 'early'
    message = refused(write_data(mini_data))
    assert "gives the element id 'mini-cases-early-1', which another part of the site has too" in message


@pytest.mark.parametrize("ident", ["Cod", "cod_1", "cod--x", "-cod", "c\u00f6d", "cod\u200b"])
def test_an_id_that_is_not_a_plain_slug(mini_data, write_data, ident) -> None:
    flow_of(mini_data, "mini-cases")["cases"][1]["id"] = ident
    message = refused(write_data(mini_data))
    assert "flows[mini-cases].cases" in message and ("is not a valid id" in message or "has no visible" in message)


def test_a_flow_without_a_page_is_refused() -> None:
    with pytest.raises(DataError) as caught:
        load_guide(MINI, TODAY, pages={"mini-ways", "mini-status", "mini-cases", "mini-tips"})
    assert "flows[mini-parts] has no page: add docs/<language>/mini-parts.md" in str(caught.value)


# --- links, read as a browser reads them ------------------------------------------------------------------

ALLOWED = ("example.org", "github.com")


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("https://evil.example\\@github.com/x", "credentials or a backslash"),
        ("https://user:pass@github.com/x", "credentials or a backslash"),
        ("https://github.com\\@evil.example/", "credentials or a backslash"),
        ("https://github.com:8443/x", "names a port"),
        ("https://github.com/a b", "cannot hold as written"),
        ("https://github.com/\tx", "cannot hold as written"),
        ("https://github.com/caf\u00e9", "cannot hold as written"),
        ("https://GITHUB.com/x", "cannot hold as written"),
        ("https://github.com.evil.example/x", "not in allowed_hosts"),
        ("http://github.com/x", "not an https URL"),
        ("javascript:alert(1)//https://github.com", "not an https URL"),
        (" https://github.com/x", "not an https URL"),
        ("data:text/html,<script>alert(1)</script>", "not an https URL"),
    ],
)
def test_a_link_a_browser_would_read_differently_is_refused(url: str, said: str) -> None:
    problem = url_problem(url, ALLOWED)
    assert problem is not None and said in problem


@pytest.mark.parametrize("url", ["https://github.com", "https://github.com/a/b?c=d&e=f#g", "https://example.org/%20x"])
def test_a_plain_https_link_to_an_allowed_host_is_accepted(url: str) -> None:
    assert url_problem(url, ALLOWED) is None


def test_a_source_url_with_credentials_stops_the_build(mini_data, write_data) -> None:
    flow_of(mini_data, "mini-tips")["sources"][0]["url"] = "https://evil.example\\@example.org/x"
    message = refused(write_data(mini_data))
    assert "flows[mini-tips].sources[tips-page].url" in message


@pytest.mark.parametrize(
    ("check", "value"),
    [
        (site_url_problem, '"><script>alert(1)</script>'),
        (site_url_problem, "javascript:alert(1)"),
        (site_url_problem, "http://example.org/"),
        (site_url_problem, "https://example.org/a b/"),
        (repo_url_problem, "https://evil.example/x/y"),
        (repo_url_problem, "https://github.com/x/y/issues?a=<b>"),
        (email_problem, "a@b"),
        (email_problem, '"><img src=x onerror=alert(1)>@example.org'),
        (email_problem, "me@example.org?cc=other@example.org"),
    ],
)
def test_an_address_from_the_environment_is_checked(check, value: str) -> None:
    assert check(value) is not None


@pytest.mark.parametrize(
    ("check", "value"),
    [(site_url_problem, "https://example.org/panduan/"), (site_url_problem, "http://127.0.0.1:8000/"),
     (repo_url_problem, "https://github.com/you/panduan"), (email_problem, "tanya@example.org")],
)  # fmt: skip
def test_a_good_address_from_the_environment_passes(check, value: str) -> None:
    assert check(value) is None


# --- the interface words ----------------------------------------------------------------------------------


def ui_folder(tmp_path: Path, change: dict[str, Any] | None = None, text: str | None = None) -> Path:
    from guide import paths

    for lang in ("id", "en"):
        (tmp_path / f"{lang}.yml").write_text((paths.UI_DIR / f"{lang}.yml").read_text(encoding="utf-8"), "utf-8")
    if change is not None:
        data = yaml.safe_load((tmp_path / "en.yml").read_text(encoding="utf-8")) | change
        (tmp_path / "en.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    if text is not None:
        (tmp_path / "en.yml").write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ({"months": "JFMAMJJASOND"}, "months needs 12 names"),
        ({"months": 12}, "months needs 12 names"),
        ({"months": ["January"] * 11}, "months needs 12 names"),
        ({"step": {"a": "b"}}, "step should be a text"),
        ({"step": ["Step"]}, "step should be a text"),
        ({"step": "\u202eStep"}, "step has the bidirectional control U+202E"),
        ({"step": "St\x1bep"}, "step has the control character U+001B"),
        ({"step": ""}, "step is empty"),
    ],
)
def test_bad_interface_words_are_refused(tmp_path: Path, change: dict[str, Any], said: str) -> None:
    folder = ui_folder(tmp_path, change)
    with pytest.raises(DataError) as caught:
        load_ui.__wrapped__("en", folder)
    assert f"{folder / 'en.yml'}:" in str(caught.value) and said in str(caught.value)


def test_a_duplicate_key_in_the_interface_words_is_refused(tmp_path: Path) -> None:
    from guide import paths

    text = (paths.UI_DIR / "en.yml").read_text(encoding="utf-8") + "step: Again\n"
    folder = ui_folder(tmp_path, text=text)
    with pytest.raises(DataError) as caught:
        load_ui.__wrapped__("en", folder)
    assert "has the key 'step' twice" in str(caught.value)


# --- fast on large input ------------------------------------------------------------------------------------


def test_the_attribute_scan_is_linear_on_a_long_word() -> None:
    """A word twice as long takes about twice the time (a scan that backtracks would take four times)."""

    def html(length: int) -> str:
        return "<p>" + "a" * length + "</p>" + '<p class="x">' * 1000

    short, long = html(200_000), html(400_000)
    assert len(ATTRIBUTE.findall(long)) == 1000
    assert growth(lambda: ATTRIBUTE.findall(short), lambda: ATTRIBUTE.findall(long)) < 3


def test_a_large_but_valid_file_loads_in_linear_time(mini_data, write_data) -> None:
    """About three times the flows (20 against 65) take about three times the time to load and check; a check that
    compares every flow with every other would take over ten times. The gap between the two is wide, so a busy
    machine (a full run, CI) cannot push a linear load over the line, as it once did with 35 against 65 flows."""
    first = mini_data["flows"][0]

    def data(copies: int, name: str) -> Path:
        flows = [*mini_data["flows"], *({**first, "id": f"copy-{i}"} for i in range(copies))]
        return write_data({**mini_data, "flows": flows}, name)

    small, large = data(15, "small.yaml"), data(60, "large.yaml")
    assert len(load_guide(large, TODAY).flows) == 65
    assert growth(lambda: load_guide(small, TODAY), lambda: load_guide(large, TODAY), repeat=3) < 6
