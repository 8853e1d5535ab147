"""Bad data stops the build with the file, the line and the YAML path: one test per kind of mistake."""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from macros.data import DataError, load_guide
from macros.i18n import load_ui
from macros.render import make_env
from macros.site import Site

from .conftest import DATA

TODAY = dt.date(2026, 11, 28)


def good() -> dict[str, Any]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def write(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "steps.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def flow(data: dict[str, Any], flow_id: str) -> dict[str, Any]:
    return next(f for f in data["flows"] if f["id"] == flow_id)


def case(data: dict[str, Any], case_id: str) -> dict[str, Any]:
    return next(c for c in flow(data, "cancel-order")["cases"] if c["id"] == case_id)


def error_for(path: Path) -> str:
    with pytest.raises(DataError) as caught:
        load_guide(path, TODAY)
    return str(caught.value)


def line_of(path: Path, pattern: str) -> int:
    """The 1-based line of the first match, to check the line an error names."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if re.search(pattern, line):
            return n
    raise AssertionError(pattern)


def test_the_real_data_is_valid() -> None:
    assert load_guide(DATA, TODAY)["flows"]


def test_malformed_yaml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "steps.yaml"
    path.write_text("labels:\n  a: {id: A, en: A}\nflows: [\n  - id: x\n", encoding="utf-8")
    message = error_for(path)
    assert f"{path}:4: is not valid YAML" in message


def test_a_duplicate_key_is_caught_with_its_line(tmp_path: Path) -> None:
    text = DATA.read_text(encoding="utf-8")
    first_title = re.search(r"^(\s+)title:", text, re.M)
    doubled = (
        text[: first_title.start()] + f"{first_title.group(1)}title: {{id: X, en: X}}\n" + text[first_title.start() :]
    )
    path = tmp_path / "steps.yaml"
    path.write_text(doubled, encoding="utf-8")
    message = error_for(path)
    assert "has the key 'title' twice" in message
    second = line_of(path, r"^\s+title:") + 1
    assert f"{path}:{second}: " in message


@pytest.mark.parametrize(("value", "said"), [(None, "is missing"), ("", "is empty"), ("   ", "is empty")])
def test_a_missing_or_empty_translation(tmp_path: Path, value: str | None, said: str) -> None:
    data = good()
    text = case(data, "cod")["steps"][1]["text"]
    if value is None:
        del text["en"]
    else:
        text["en"] = value
    path = write(tmp_path, data)
    message = error_for(path)
    assert f"flows[cancel-order].cases[cod].steps[2].text.en {said}" in message
    assert re.search(rf"{re.escape(str(path))}:\d+: flows\[cancel-order\]", message)


def test_an_empty_step(tmp_path: Path) -> None:
    data = good()
    case(data, "paid")["steps"][0] = {}
    assert "flows[cancel-order].cases[paid].steps[1].text is missing" in error_for(write(tmp_path, data))


def test_a_case_with_no_steps(tmp_path: Path) -> None:
    data = good()
    case(data, "paid")["steps"] = []
    assert "flows[cancel-order].cases[paid].steps is empty" in error_for(write(tmp_path, data))


def test_a_duplicate_case_id(tmp_path: Path) -> None:
    data = good()
    cases = flow(data, "cancel-order")["cases"]
    cases.append(copy.deepcopy(cases[0]))
    assert f"repeats the id '{cases[0]['id']}'" in error_for(write(tmp_path, data))


def test_a_duplicate_flow_id(tmp_path: Path) -> None:
    data = good()
    data["flows"].append(copy.deepcopy(data["flows"][0]))
    assert f"repeats the flow id '{data['flows'][0]['id']}'" in error_for(write(tmp_path, data))


def test_an_unknown_key(tmp_path: Path) -> None:
    data = good()
    case(data, "cod")["steps"][0]["colour"] = "red"
    message = error_for(write(tmp_path, data))
    assert "flows[cancel-order].cases[cod].steps[1] has an unknown key 'colour' (allowed: " in message


@pytest.mark.parametrize(
    ("where", "value", "said"),
    [("title", 5, "title should be a mapping, not a number"), ("text", ["a"], "text.id should be text, not a list")],
)
def test_a_wrong_type(tmp_path: Path, where: str, value: Any, said: str) -> None:
    data = good()
    if where == "title":
        case(data, "cod")["title"] = value
        expected = f"flows[cancel-order].cases[cod].{said}"
    else:
        case(data, "cod")["steps"][0]["text"]["id"] = value
        expected = f"flows[cancel-order].cases[cod].steps[1].{said}"
    assert expected in error_for(write(tmp_path, data))


@pytest.mark.parametrize(
    ("flow_id", "kind", "item"), [("cancel-order", "cases", "cod"), ("view-orders", "routes", "inbox")]
)
def test_a_missing_required_route_or_case(tmp_path: Path, flow_id: str, kind: str, item: str) -> None:
    data = good()
    groups = flow(data, flow_id)[kind]
    groups[:] = [g for g in groups if g["id"] != item]
    assert f"flows[{flow_id}].{kind} is missing the required '{item}'" in error_for(write(tmp_path, data))


def test_an_unknown_flow_id_used_by_a_page(guide: dict) -> None:
    site = Site(guide, "en", load_ui("en"), make_env())
    with pytest.raises(DataError) as caught:
        site.flow("cancel-ordr")
    message = str(caught.value)
    assert "unknown flow id 'cancel-ordr'" in message
    for known in ("view-orders", "track-order", "cancel-order", "safe-shopping", "returns-help"):
        assert known in message


def test_an_unknown_label_lists_the_known_ones(tmp_path: Path) -> None:
    data = good()
    case(data, "cod")["steps"][0]["tap"] = ["no-such-label"]
    message = error_for(write(tmp_path, data))
    assert "flows[cancel-order].cases[cod].steps[1].tap[1] names the unknown label 'no-such-label' (known: " in message


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("2026-02-30", "is not a real date: '2026-02-30'"),
        ("28/11/2026", "is not a date written YYYY-MM-DD"),
        ("2062-11-28", "is in the future"),
    ],
)
def test_a_bad_last_verified_date(tmp_path: Path, value: str, said: str) -> None:
    data = good()
    flow(data, "track-order")["last_verified"] = value
    assert f"flows[track-order].last_verified {said}" in error_for(write(tmp_path, data))


@pytest.mark.parametrize("url", ["ftp://example.com/x", "javascript:alert(1)", "www.example.com"])
def test_a_non_http_source_url(tmp_path: Path, url: str) -> None:
    data = good()
    flow(data, "returns-help")["sources"][0]["url"] = url
    assert "flows[returns-help].sources[1].url is not an http(s) URL" in error_for(write(tmp_path, data))


@pytest.mark.parametrize("text", ["", "# only a comment\n", "- a\n- b\n", "just text\n"])
def test_an_empty_or_non_mapping_file(tmp_path: Path, text: str) -> None:
    path = tmp_path / "steps.yaml"
    path.write_text(text, encoding="utf-8")
    assert "must be a mapping with `labels` and `flows`" in error_for(path)


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "steps.yaml"
    lines = DATA.read_bytes().split(b"\n")
    lines[4] += b" caf\xe9"  # Latin-1, as an editor might save it
    path.write_bytes(b"\n".join(lines))
    assert f"{path}:5: is not UTF-8" in error_for(path)


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    data = good()
    case(data, "cod")["steps"][0]["text"]["en"] = ""
    case(data, "paid")["steps"][0]["text"]["id"] = ""
    message = error_for(write(tmp_path, data))
    assert "has 2 problems" in message


def test_a_source_on_a_host_outside_the_allow_list(tmp_path: Path) -> None:
    data = good()
    flow(data, "safe-shopping")["sources"][0]["url"] = "https://evil.example.com/page"
    message = error_for(write(tmp_path, data))
    assert "flows[safe-shopping].sources[1].url links to 'evil.example.com', which is not in allowed_hosts" in message
