"""Bad data stops the build with the file, the line and the YAML path: one test per kind of mistake.

Each test changes a copy of the small guide (tests/fixtures/mini.yaml) and checks the exact words.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest

from guide import paths
from guide.language_site import LanguageSite
from guide.load import load_guide

from ..conftest import MINI, TODAY, flow_of


def group(data: dict[str, Any], flow_id: str, group_id: str) -> dict[str, Any]:
    f = flow_of(data, flow_id)
    return next(g for kind in ("routes", "cases", "sections") for g in f.get(kind, []) if g["id"] == group_id)


def line_of(path: Path, pattern: str) -> int:
    """The 1-based line of the first match, to check the line an error names."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if re.search(pattern, line):
            return n
    raise AssertionError(pattern)


def test_the_small_guide_is_valid() -> None:
    assert load_guide(MINI, TODAY).flows


def test_the_real_data_is_valid() -> None:
    assert load_guide(paths.GUIDE_DATA, TODAY).flows


def test_malformed_yaml_names_the_line(tmp_path: Path, data_error) -> None:
    path = tmp_path / "steps.yaml"
    path.write_text("labels:\n  a: {id: A, en: A}\nflows: [\n  - id: x\n", encoding="utf-8")
    assert f"{path}:4: is not valid YAML" in data_error(path)


def test_a_duplicate_key_is_caught_with_its_line(tmp_path: Path, data_error) -> None:
    text = MINI.read_text(encoding="utf-8")
    first = re.search(r"^(\s+)title:", text, re.M)
    doubled = text[: first.start()] + f"{first.group(1)}title: {{id: X, en: X}}\n" + text[first.start() :]
    path = tmp_path / "steps.yaml"
    path.write_text(doubled, encoding="utf-8")
    message = data_error(path)
    assert "has the key 'title' twice" in message
    second = line_of(path, r"^\s+title:") + 1
    assert f"{path}:{second}: " in message


@pytest.mark.parametrize(("value", "said"), [(None, "is missing"), ("", "is empty"), ("   ", "is empty")])
def test_a_missing_or_empty_translation(mini_data, write_data, data_error, value, said) -> None:
    text = group(mini_data, "mini-cases", "early")["steps"][1]["text"]
    if value is None:
        del text["en"]
    else:
        text["en"] = value
    path = write_data(mini_data)
    message = data_error(path)
    assert f"flows[mini-cases].cases[early].steps[2].text.en {said}" in message
    assert re.search(rf"{re.escape(str(path))}:\d+: flows\[mini-cases\]", message)


@pytest.mark.parametrize("value", ["   ", " \t ", "\u00a0"])
def test_a_text_of_only_spaces_is_one_problem_not_two(mini_data, write_data, data_error, value) -> None:
    """The reader (no visible text) and the schema (empty) both see it; the editor reads one line for one cause."""
    group(mini_data, "mini-cases", "early")["steps"][1]["text"]["en"] = value
    message = data_error(write_data(mini_data))
    assert message.splitlines()[0].endswith("has 1 problem:"), message
    assert message.splitlines()[1].endswith("flows[mini-cases].cases[early].steps[2].text.en is empty"), message


def test_every_missing_key_is_named(mini_data, write_data, data_error) -> None:
    del flow_of(mini_data, "mini-cases")["summary"]
    del flow_of(mini_data, "mini-cases")["sources_checked"]
    message = data_error(write_data(mini_data))
    assert "has 2 problems" in message
    assert "flows[mini-cases].summary is missing" in message
    assert "flows[mini-cases].sources_checked is missing" in message


def test_an_empty_step(mini_data, write_data, data_error) -> None:
    group(mini_data, "mini-cases", "early")["steps"][0] = {}
    assert "flows[mini-cases].cases[early].steps[1].text is missing" in data_error(write_data(mini_data))


def test_a_case_with_no_steps(mini_data, write_data, data_error) -> None:
    group(mini_data, "mini-cases", "early")["steps"] = []
    assert "flows[mini-cases].cases[early].steps is empty" in data_error(write_data(mini_data))


def test_a_duplicate_case_id(mini_data, write_data, data_error) -> None:
    cases = flow_of(mini_data, "mini-cases")["cases"]
    cases.append(copy.deepcopy(group(mini_data, "mini-cases", "early")))
    assert "flows[mini-cases].cases[early] repeats the id 'early'" in data_error(write_data(mini_data))


def test_a_duplicate_flow_id(mini_data, write_data, data_error) -> None:
    mini_data["flows"].append(copy.deepcopy(mini_data["flows"][0]))
    assert "repeats the flow id 'mini-ways'" in data_error(write_data(mini_data))


def test_an_unknown_key(mini_data, write_data, data_error) -> None:
    group(mini_data, "mini-cases", "early")["steps"][0]["colour"] = "red"
    message = data_error(write_data(mini_data))
    assert "flows[mini-cases].cases[early].steps[1] has an unknown key 'colour' (allowed: " in message


@pytest.mark.parametrize(
    ("where", "value", "said"),
    [
        ("title", 5, "title should be a mapping, not a number"),
        ("text", ["a"], "steps[1].text.id should be text, not a list"),
    ],
)
def test_a_wrong_type(mini_data, write_data, data_error, where, value, said) -> None:
    early = group(mini_data, "mini-cases", "early")
    if where == "title":
        early["title"] = value
    else:
        early["steps"][0]["text"]["id"] = value
    assert f"flows[mini-cases].cases[early].{said}" in data_error(write_data(mini_data))


def test_an_unknown_flow_id_used_by_a_page(mini_site) -> None:
    from guide.errors import DataError

    with pytest.raises(DataError) as caught:
        mini_site("en").flow("mini-case")
    assert str(caught.value) == (
        "unknown flow id 'mini-case' (known: mini-ways, mini-status, mini-cases, mini-tips, mini-parts)"
    )


def test_an_unknown_label_lists_the_known_ones(mini_data, write_data, data_error) -> None:
    group(mini_data, "mini-cases", "early")["steps"][0]["tap"] = ["no-such-label"]
    message = data_error(write_data(mini_data))
    assert (
        "flows[mini-cases].cases[early].steps[1].tap[1] names the unknown label 'no-such-label' "
        "(known: home, menu, orders, tab-done, tab-open)"
    ) in message


def test_a_label_no_step_taps_is_refused(mini_data, write_data, data_error) -> None:
    """A label nobody taps is never shown, yet its sources and doubts would be counted as the site's evidence."""
    mini_data["labels"]["spare"] = {"id": "Cadangan", "en": "Spare", "cite": ["guide-a"]}
    message = data_error(write_data(mini_data))
    assert "labels.spare is tapped by no step and named by no status, so no reader sees it: tap it, or drop it" in (
        message
    )
    assert "labels.menu " not in message and "labels.tab-done " not in message


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("2026-02-30", "is not a real date: '2026-02-30'"),
        ("28/11/2026", "is not a date written YYYY-MM-DD: '28/11/2026'"),
        ("2062-11-28", "is in the future: '2062-11-28'"),
    ],
)
def test_a_bad_sources_checked_date(mini_data, write_data, data_error, value, said) -> None:
    flow_of(mini_data, "mini-status")["sources_checked"] = value
    assert f"flows[mini-status].sources_checked {said}" in data_error(write_data(mini_data))


def test_a_date_in_the_future_names_the_builds_date_and_where_it_comes_from(mini_data, write_data, data_error) -> None:
    """A build dated by a wrong SOURCE_DATE_EPOCH finds every date in the future: the message says why."""
    flow_of(mini_data, "mini-status")["sources_checked"] = "2062-11-28"
    assert "is after 2026-12-06, the day the build is dated (today, or SOURCE_DATE_EPOCH's day when it is set)" in (
        data_error(write_data(mini_data))
    )


@pytest.mark.parametrize(
    "url", ["ftp://example.com/x", "javascript:alert(1)", "www.example.com", "http://example.org/"]
)
def test_a_source_url_that_is_not_https(mini_data, write_data, data_error, url) -> None:
    flow_of(mini_data, "mini-parts")["sources"][0]["url"] = url
    assert f"flows[mini-parts].sources[parts-page].url is not an https URL: '{url}'" in data_error(
        write_data(mini_data)
    )


@pytest.mark.parametrize("text", ["", "# only a comment\n", "- a\n- b\n", "just text\n"])
def test_an_empty_or_non_mapping_file(tmp_path: Path, data_error, text: str) -> None:
    path = tmp_path / "steps.yaml"
    path.write_text(text, encoding="utf-8")
    assert "must be a mapping with `labels` and `flows`" in data_error(path)


def test_a_file_that_is_not_utf8(tmp_path: Path, data_error) -> None:
    path = tmp_path / "steps.yaml"
    lines = MINI.read_bytes().split(b"\n")
    lines[4] += b" caf\xe9"  # Latin-1, as an editor might save it
    path.write_bytes(b"\n".join(lines))
    assert f"{path}:5: is not UTF-8" in data_error(path)


def test_every_problem_is_reported_at_once(mini_data, write_data, data_error) -> None:
    group(mini_data, "mini-cases", "early")["steps"][0]["text"]["en"] = ""
    group(mini_data, "mini-cases", "late")["steps"][0]["text"]["id"] = ""
    assert "has 2 problems" in data_error(write_data(mini_data))


def test_a_source_on_a_host_outside_the_allow_list(mini_data, write_data, data_error) -> None:
    flow_of(mini_data, "mini-tips")["sources"][0]["url"] = "https://evil.example.com/page"
    message = data_error(write_data(mini_data))
    assert (
        "flows[mini-tips].sources[tips-page].url links to 'evil.example.com', which is not in allowed_hosts" in message
    )


def test_a_missing_required_route_of_the_real_guide(write_data, data_error) -> None:
    import yaml

    data = yaml.safe_load(paths.GUIDE_DATA.read_text(encoding="utf-8"))
    routes = flow_of(data, "view-orders")["routes"]
    routes[:] = [r for r in routes if r["id"] != "inbox"]
    assert "flows[view-orders].routes is missing the required 'inbox'" in data_error(write_data(data))


# --- search words ------------------------------------------------------------------------------------------


def test_an_empty_keyword_names_its_place(mini_data, write_data, data_error) -> None:
    group(mini_data, "mini-ways", "first")["keywords"]["id"].append(" ")
    assert "flows[mini-ways].routes[first].keywords.id[2] is empty" in data_error(write_data(mini_data))


def test_keywords_need_every_language(mini_data, write_data, data_error) -> None:
    del group(mini_data, "mini-ways", "first")["keywords"]["en"]
    assert "flows[mini-ways].routes[first].keywords.en is missing" in data_error(write_data(mini_data))


def test_a_tip_or_a_status_can_carry_keywords_and_they_are_checked(mini_data, write_data, data_error) -> None:
    flow_of(mini_data, "mini-tips")["tips"][1]["keywords"] = {"id": ["tanya"]}
    flow_of(mini_data, "mini-status")["statuses"][0]["keywords"] = {"id": ["buka"], "en": [""], "fr": ["ouvert"]}
    message = data_error(write_data(mini_data))
    assert "flows[mini-tips].tips[ask].keywords.en is missing" in message
    assert "flows[mini-status].statuses[open].keywords.en[1] is empty" in message
    assert "flows[mini-status].statuses[open].keywords has an unknown key 'fr'" in message


# --- decision helpers -------------------------------------------------------------------------------------


def helper(data: dict[str, Any]) -> dict[str, Any]:
    return flow_of(data, "mini-cases")["helper"]


def test_a_choice_without_an_answer_is_a_data_error(mini_data, write_data, data_error) -> None:
    helper(mini_data)["answers"].pop()  # the catch-all
    message = data_error(write_data(mini_data))
    assert "flows[mini-cases].helper.answers has no answer for: status done, pay cash" in message


def test_an_answer_that_is_never_reached_is_a_data_error(mini_data, write_data, data_error) -> None:
    answers = helper(mini_data)["answers"]
    answers.insert(0, copy.deepcopy(answers[-1]) | {"id": "early-catch-all"})
    message = data_error(write_data(mini_data))
    assert "helper.answers[open-card] is never shown: an earlier answer always matches first" in message


def test_an_answer_for_an_unknown_choice_or_case_is_a_data_error(mini_data, write_data, data_error) -> None:
    helper(mini_data)["answers"][0]["when"]["status"] = "packed"
    helper(mini_data)["answers"][2]["case"] = "later"
    helper(mini_data)["answers"][1]["when"]["colour"] = "red"
    message = data_error(write_data(mini_data))
    assert "helper.answers[open-card].when.status 'packed' is not an option of it (known: open, done)" in message
    assert "helper.answers[done-card].case 'later' is not a case (known: already, early, late)" in message
    assert "helper.answers[open-cash].when.colour is not a question (known: status, pay)" in message


def test_a_verdict_must_be_one_of_the_helpers(mini_data, write_data, data_error) -> None:
    helper(mini_data)["answers"][0]["verdict"] = "maybe"
    message = data_error(write_data(mini_data))
    assert "helper.answers[open-card].verdict 'maybe' is not a verdict (known: yes, no, done)" in message


def test_a_duplicate_answer_id_is_a_data_error(mini_data, write_data, data_error) -> None:
    helper(mini_data)["answers"].insert(1, copy.deepcopy(helper(mini_data)["answers"][0]))
    assert "repeats the answer 'open-card'" in data_error(write_data(mini_data))


def test_a_question_needs_options_or_statuses(mini_data, write_data, data_error) -> None:
    helper(mini_data)["questions"][1]["statuses"] = "mini-status"
    helper(mini_data)["questions"][0]["statuses"] = "mini-ways"
    message = data_error(write_data(mini_data))
    assert "helper.questions[pay] needs exactly one of options or statuses" in message
    assert "helper.questions[status].statuses 'mini-ways' is not a flow with statuses" in message


def test_a_see_must_name_a_part_of_the_site(mini_data, write_data, data_error) -> None:
    helper(mini_data)["answers"][3]["see"] = "mini-parts-nowhere"
    message = data_error(write_data(mini_data))
    assert (
        "helper.answers[otherwise].see 'mini-parts-nowhere' is not a guide, route, case, section, status, fact, tip "
        "or helper id (did you mean mini-parts-wait, mini-parts, mini-parts-ask?)"
    ) in message


def test_site_checks_the_checklist_cases(mini_site) -> None:
    from guide.errors import DataError

    site: LanguageSite = mini_site("id")
    with pytest.raises(DataError) as caught:
        site.checklist("mini-cases", tick=("early", "never"))
    assert str(caught.value) == "checklist: mini-cases has no case 'never'"


# --- sources: every number names one, every source backs something --------------------------------------


def test_a_number_without_a_source_is_a_data_error(mini_data, write_data, data_error) -> None:
    del group(mini_data, "mini-ways", "first")["steps"][1]["cite"]
    message = data_error(write_data(mini_data))
    assert "flows[mini-ways].routes[first].steps[2] states a number (text) without a source: add `cite`" in message


@pytest.mark.parametrize("where", ["timing", "answer", "outcome"])
def test_a_time_limit_in_a_group_needs_a_source(mini_data, write_data, data_error, where) -> None:
    late = group(mini_data, "mini-cases", "late")
    late[where] = {"id": "Dalam 6 hari kalender.", "en": "Within 6 calendar days."}
    assert f"flows[mini-cases].cases[late] states a number ({where}) without a source" in data_error(
        write_data(mini_data)
    )


def test_a_fact_needs_a_source(mini_data, write_data, data_error) -> None:
    del flow_of(mini_data, "mini-parts")["facts"][0]["cite"]
    assert "flows[mini-parts].facts[limit].cite is missing" in data_error(write_data(mini_data))


def test_a_cite_must_name_a_source_of_its_flow(mini_data, write_data, data_error) -> None:
    group(mini_data, "mini-ways", "first")["steps"][1]["cite"] = ["official", "cases-page"]
    message = data_error(write_data(mini_data))
    assert "routes[first].steps[2].cite[2] names 'cases-page', which is not a source of this flow" in message


def test_a_source_that_backs_nothing_is_a_data_error(mini_data, write_data, data_error) -> None:
    flow_of(mini_data, "mini-ways")["sources"].append(
        {"id": "unused", "title": "X", "url": "https://example.org/x", "publisher": "X", "official": False}
    )
    assert "flows[mini-ways].sources[unused] is cited by nothing" in data_error(write_data(mini_data))


def test_every_group_needs_its_one_line_answer(mini_data, write_data, data_error) -> None:
    del group(mini_data, "mini-parts", "wait")["answer"]
    assert "flows[mini-parts].sections[wait].answer is missing" in data_error(write_data(mini_data))


# --- references, next steps, urgent cases, waits ------------------------------------------------------------


def test_an_unknown_reference_stops_the_build_with_its_line_and_path(mini_data, write_data, data_error) -> None:
    group(mini_data, "mini-ways", "first")["steps"][1]["see"] = ["mini-ways-second", "mini-cases-erly"]
    group(mini_data, "mini-cases", "early")["next"] = ["scams-already-scammed"]
    flow_of(mini_data, "mini-tips")["tips"][0]["see"] = ["mini-tips"]
    path = write_data(mini_data)
    message = data_error(path)
    assert "has 2 problems" in message
    line = line_of(path, r"mini-cases-erly")
    assert (
        f"{path}:{line}: flows[mini-ways].routes[first].steps[2].see[2] 'mini-cases-erly' is not a guide, route, "
        "case, section, status, fact, tip or helper id (did you mean mini-cases-early"
    ) in message
    assert "flows[mini-cases].cases[early].next[1] 'scams-already-scammed' is not a guide" in message


def test_a_reference_may_point_at_a_status_fact_tip_or_helper(mini_data, write_data) -> None:
    group(mini_data, "mini-cases", "late")["next"] = ["mini-status-status-open", "can-i"]
    flow_of(mini_data, "mini-parts")["facts"][0]["see"] = ["mini-tips-check", "mini-parts-fact-money"]
    assert load_guide(write_data(mini_data), TODAY).flow("mini-cases").group("late").next == (
        "mini-status-status-open",
        "can-i",
    )


def test_a_reference_to_itself_or_twice_is_a_data_error(mini_data, write_data, data_error) -> None:
    group(mini_data, "mini-cases", "late")["next"] = ["mini-cases-late"]
    group(mini_data, "mini-ways", "second")["steps"][0]["see"] = ["mini-ways-first", "mini-ways-first"]
    message = data_error(write_data(mini_data))
    assert "flows[mini-cases].cases[late].next[1] points at 'mini-cases-late', which is this part itself" in message
    assert "flows[mini-ways].routes[second].steps[1].see[2] repeats the reference 'mini-ways-first'" in message


def test_next_names_one_or_two_places(mini_data, write_data, data_error) -> None:
    group(mini_data, "mini-cases", "late")["next"] = ["mini-ways", "mini-status", "mini-tips"]
    assert "flows[mini-cases].cases[late].next has 3 items; at most 2" in data_error(write_data(mini_data))


def test_an_urgent_case_after_one_that_is_not_is_a_data_error(mini_data, write_data, data_error) -> None:
    cases = flow_of(mini_data, "mini-cases")["cases"]
    cases.append(cases.pop(0))  # the urgent case 'already' now comes last
    group(mini_data, "mini-parts", "wait")["urgent"] = True
    path = write_data(mini_data)
    message = data_error(path)
    assert (
        f"{path}:{line_of(path, r'urgent: true')}: flows[mini-cases].cases[already].urgent is urgent but comes after "
        "'early', which is not: put the urgent ones first"
    ) in message
    assert "flows[mini-parts].sections[wait].urgent is urgent but comes after 'ask'" in message


def test_a_wait_says_until_when_and_then_what(mini_data, write_data, data_error) -> None:
    step = group(mini_data, "mini-parts", "wait")["steps"][0]
    step["wait"] = {"until": {"id": "Sampai besok.", "en": "Until tomorrow."}}
    message = data_error(write_data(mini_data))
    assert "flows[mini-parts].sections[wait].steps[1].wait.then is missing" in message


def test_a_number_in_a_wait_needs_a_source(mini_data, write_data, data_error) -> None:
    step = group(mini_data, "mini-parts", "wait")["steps"][0]
    step["wait"] = {"until": {"id": "3 hari.", "en": "3 days."}, "then": {"id": "Tanya.", "en": "Ask."}}
    message = data_error(write_data(mini_data))
    assert "flows[mini-parts].sections[wait].steps[1] states a number (wait.until) without a source" in message


# --- the sources of the app labels --------------------------------------------------------------------------


def test_a_label_must_cite_a_top_level_source(mini_data, write_data, data_error) -> None:
    mini_data["labels"]["menu"]["cite"] = ["guide-a", "official"]
    path = write_data(mini_data)
    message = data_error(path)
    assert (
        "labels.menu.cite[2] names 'official', which is not one of the top-level sources (known: help-official, "
        "guide-a, guide-b, guide-undated)"
    ) in message


def test_a_label_source_that_backs_no_label_and_a_bad_date(mini_data, write_data, data_error) -> None:
    mini_data["labels"]["tab-done"]["cite"] = ["guide-a"]
    mini_data["sources"][1]["date"] = "2026-13-01"
    mini_data["sources"][2]["url"] = "https://evil.example.com/x"
    message = data_error(write_data(mini_data))
    assert "sources[guide-undated] is cited by no label: cite 'guide-undated' in the labels it shows" in message
    assert "sources[guide-a].date is not a real date: '2026-13-01'" in message
    assert "sources[guide-b].url links to 'evil.example.com', which is not in allowed_hosts" in message


def test_label_sources_need_their_date_of_checking(mini_data, write_data, data_error) -> None:
    del mini_data["sources_checked"]
    assert "sources_checked is missing (`sources` needs it)" in data_error(write_data(mini_data))


def test_labels_need_no_sources_at_all(mini_data, write_data) -> None:
    """Until an editor adds them, every label has the evidence 'none' and is marked."""
    del mini_data["sources"], mini_data["sources_checked"]
    for label in mini_data["labels"].values():
        label.pop("cite", None)
    guide = load_guide(write_data(mini_data), TODAY)
    assert {label.evidence for label in guide.labels.values()} == {"none"}
