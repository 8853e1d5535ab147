"""Every element id a page carries is in one register (guide/ids.py, guide/rules.py): a second holder of an id,
data or template, stops the build naming both places, and an id is shown escaped, never sent raw to the terminal.

Each test changes a copy of the small guide (tests/fixtures/mini.yaml) and checks the words a user reads.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from guide import ids
from guide.errors import DataError
from guide.load import load_guide
from guide.page_headings import page_ids

from ..conftest import TODAY, flow_of
from .test_bad_data import line_of


def cases(data: dict[str, Any]) -> list[dict[str, Any]]:
    return flow_of(data, "mini-cases")["cases"]


def add_case(data: dict[str, Any], ident: str) -> None:
    """A new case, a copy of 'early' under another id (renaming one would break the helper's answers)."""
    cases(data).append({**cases(data)[1], "id": ident})


def test_a_case_named_help_takes_the_checklist_help_heading(mini_data, write_data, data_error) -> None:
    add_case(mini_data, "help")
    path: Path = write_data(mini_data)
    line = line_of(path, r"^\s+- id: help$")
    assert data_error(path) == (
        f"{path} has 1 problem:\n  {path}:{line}: flows[mini-cases].cases[help].id gives the element id "
        "'checklist-help', which the checklist's 'help' heading (guide/templates/checklist.html) has too: rename it"
    )


@pytest.mark.parametrize(
    ("where", "value", "taken"),
    [
        ("case", "print", "checklist-print"),
        ("case", "before", "checklist-before"),
        ("helper", "g-search", "g-search"),
        ("helper", "g-search-results", "g-search-results"),
        ("helper", "g-live", "g-live"),
        ("helper", "checklist", "checklist"),
        ("flow", "label-sources", "label-sources"),
    ],
)
def test_an_id_the_templates_the_search_box_or_a_script_give_is_refused(
    mini_data, write_data, data_error, where, value, taken
) -> None:
    if where == "case":
        add_case(mini_data, value)
    elif where == "helper":
        flow_of(mini_data, "mini-cases")["helper"]["id"] = value
    else:
        flow_of(mini_data, "mini-tips")["id"] = value
    message = data_error(write_data(mini_data))
    assert f"gives the element id '{taken}', which {ids.FIXED[taken]} has too: rename it" in message


def test_a_helper_that_takes_a_cases_id_names_both_places(mini_data, write_data, data_error) -> None:
    flow_of(mini_data, "mini-cases")["helper"]["id"] = "mini-cases-early"
    path: Path = write_data(mini_data)
    helper = line_of(path, r"^\s+id: mini-cases-early$")
    case = line_of(path, r"^\s+- id: early$")
    assert (
        f"{path}:{helper}: flows[mini-cases].helper.id gives the element id 'mini-cases-early', which another part of "
        f"the site has too ({path}:{case}: flows[mini-cases].cases[early])"
    ) in data_error(path)


def test_a_guide_id_that_a_checklist_heading_takes_names_both_places(mini_data, write_data, data_error) -> None:
    flow_of(mini_data, "mini-tips")["id"] = "checklist-early"
    path: Path = write_data(mini_data)
    flow = line_of(path, r"^\s*- id: checklist-early$")
    case = line_of(path, r"^\s+- id: early$")
    assert (
        f"{path}:{case}: flows[mini-cases].cases[early].id gives the element id 'checklist-early', which another part "
        f"of the site has too ({path}:{flow}: flows[checklist-early].id)"
    ) in data_error(path)


@pytest.mark.parametrize("page", ["about", "index", "cancel-checklist"])
def test_a_guide_named_like_a_page_of_the_site_is_refused(mini_data, write_data, data_error, page) -> None:
    flow_of(mini_data, "mini-ways")["id"] = page
    path: Path = write_data(mini_data)
    line = line_of(path, rf"^\s*- id: {page}$")
    assert (
        f"{path}:{line}: flows[{page}].id is '{page}', the name of a page of the site (docs/<language>/{page}.md), "
        "so a link to this guide would open that page: choose another id"
    ) in data_error(path)


def test_an_id_with_an_escape_sequence_in_the_data_is_shown_escaped(mini_data, write_data, data_error) -> None:
    cases(mini_data)[2]["id"] = "late\x1b[2J"
    mini_data["labels"]["tab\x1b]0;x\x07"] = mini_data["labels"]["orders"]
    message = data_error(write_data(mini_data))
    assert "is not a valid id: 'late\\x1b[2J'" in message
    assert "labels is not a valid id: 'tab\\x1b]0;x\\x07'" in message
    assert "\x1b" not in message and "\x07" not in message


def test_an_id_with_an_escape_sequence_in_a_page_is_shown_escaped(mini_site) -> None:
    with pytest.raises(DataError) as caught:
        mini_site("en").flow("mini\x1b[2J")
    assert str(caught.value).startswith("unknown flow id 'mini\\x1b[2J' (known: mini-ways,")
    with pytest.raises(DataError) as caught:
        mini_site("en").checklist("mini-cases", tick=("early", "x\x1b[2J"))
    assert str(caught.value) == "checklist: mini-cases has no case 'x\\x1b[2J'"


def test_a_pages_heading_that_takes_a_guides_id_names_the_heading_and_the_data(mini_data, write_data) -> None:
    """A page's heading is in the register before any page is written (guide/page_headings.py): the guide's part
    and the heading are named, each with its file and line."""
    path: Path = write_data(mini_data)
    headings = page_ids("# About\n\nText.\n\n## Mini cases: early\n", "docs/en/about.md")
    with pytest.raises(DataError) as caught:
        load_guide(path, TODAY, page_ids=headings)
    case = line_of(path, r"^\s+- id: early$")
    assert (
        f"{path}:{case}: flows[mini-cases].cases[early] gives the element id 'mini-cases-early', which the heading "
        "'Mini cases: early' of docs/en/about.md:5 takes too, so a link reaches only one: give the heading its own "
        "id, as in `# Title {: #my-id }`, or rename this"
    ) in str(caught.value)
    assert load_guide(path, TODAY, page_ids=page_ids("## Mini cases: early {: #own }\n", "docs/en/about.md"))
