"""Wording the build does not enforce yet: mentions of other parts without a link, waits without an until, parts
without a next place, template words repeated by the text after them, and helper answers that say their verdict
twice (guide/content_checks.py).

On the real data each check is held to the places listed in tests/data/unfinished.yml, which may only shrink: a new
place fails (with its YAML path and what to do), and so does a listed place that has been fixed (remove it). On the
small guide, each check is shown to find what it should, and to stop finding it once the data is fixed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from guide import content_checks as checks
from guide import paths
from guide.languages import codes
from guide.ui import load_ui

from ..conftest import flow_of

UNFINISHED = Path(__file__).with_name("unfinished.yml")
UI = {lang: load_ui(lang) for lang in codes()}
CHECKS: dict[str, Callable[[dict[str, Any]], list[checks.Place]]] = {
    "unlinked_mentions": checks.unlinked_mentions,
    "waits_without_until": checks.waits_without_until,
    "parts_without_next": checks.parts_without_next,
    "repeated_prefixes": lambda data: checks.repeated_prefixes(data, UI),
    "restated_verdicts": checks.restated_verdicts,
}
HOW = {
    "unlinked_mentions": "link it: `see: [<element id>]` on the step, status, tip or fact, `next` on a case",
    "waits_without_until": "add `wait: {until: {id, en}, then: {id, en}}` to its record",
    "parts_without_next": "add `next: [<one or two element ids>]`",
    "repeated_prefixes": "start the text with other words than the label the page draws before it",
    "restated_verdicts": "start with what the reader does or why, not with the verdict again",
}


def real_data() -> dict[str, Any]:
    return yaml.safe_load(paths.GUIDE_DATA.read_text(encoding="utf-8"))


def allowed() -> dict[str, list[str]]:
    return yaml.safe_load(UNFINISHED.read_text(encoding="utf-8")) or {}


@pytest.fixture(scope="module")
def found() -> dict[str, list[checks.Place]]:
    data = real_data()
    return {name: check(data) for name, check in CHECKS.items()}


@pytest.mark.parametrize("name", CHECKS)
def test_no_new_place_fails_the_check(found, name: str) -> None:
    listed = set(allowed().get(name, []))
    new = [f"{p.path}: {p.said}" for p in found[name] if p.path not in listed]
    assert not new, f"{name}: {HOW[name]}:\n" + "\n".join(new)


@pytest.mark.parametrize("name", CHECKS)
def test_the_list_of_unfinished_places_only_shrinks(found, name: str) -> None:
    stale = sorted(set(allowed().get(name, [])) - {p.path for p in found[name]})
    assert not stale, f"fixed, so remove them from tests/data/unfinished.yml ({name}): {stale}"


def test_the_list_names_only_checks_there_are() -> None:
    assert set(allowed()) <= set(CHECKS), sorted(set(allowed()) - set(CHECKS))
    for name, places in allowed().items():
        assert places and len(places) == len(set(places)), f"{name}: an empty list (delete it) or a repeated place"


# --- each check on the small guide ---------------------------------------------------------------------------


def group(data: dict[str, Any], flow_id: str, group_id: str) -> dict[str, Any]:
    f = flow_of(data, flow_id)
    return next(g for kind in ("routes", "cases", "sections") for g in f.get(kind, []) if g["id"] == group_id)


def paths_of(places: list[checks.Place]) -> list[str]:
    return [p.path for p in places]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("id", "Tombolnya tidak ada? Lihat bagian Sudah terlambat."),
        ("id", "Pantau dananya di panduan Dua situasi."),
        ("id", "Caranya ada di bagian berikutnya."),
        ("id", "Jika sudah terlambat, lihat juga Sudah terlambat."),
        ("en", "No button? See Too late."),
        ("en", "See the next section."),
        ("en", "The full steps are in the Two situations guide."),
    ],
)
def test_a_mention_of_another_part_needs_a_link(mini_data, lang: str, said: str) -> None:
    step = group(mini_data, "mini-cases", "early")["steps"][1]
    step["dont_see"] = {"id": "Hubungi penjual.", "en": "Message the seller.", lang: said}
    assert paths_of(checks.unlinked_mentions(mini_data)) == ["flows[mini-cases].cases[early].steps[2].dont_see"]
    step["see"] = ["mini-cases-late"]
    assert checks.unlinked_mentions(mini_data) == []


@pytest.mark.parametrize(
    "said",
    ["Pilih tab status di bagian atas.", "Look at the delivery section of the order.", "Open the returns section."],
)
def test_words_about_the_app_are_not_mentions_of_the_site(mini_data, said: str) -> None:
    group(mini_data, "mini-cases", "early")["steps"][1]["text"] = {"id": said, "en": said}
    assert checks.unlinked_mentions(mini_data) == []


def test_a_wait_needs_until_when_and_then_what(mini_data) -> None:
    assert paths_of(checks.waits_without_until(mini_data)) == [
        "flows[mini-parts].sections[wait].steps[1].text",
        "flows[mini-parts].sections[wait].answer",
    ]
    wait = {"until": {"id": "Besok.", "en": "Tomorrow."}, "then": {"id": "Tanya.", "en": "Ask."}}
    group(mini_data, "mini-parts", "wait")["steps"][0]["wait"] = wait
    assert paths_of(checks.waits_without_until(mini_data)) == ["flows[mini-parts].sections[wait].answer"]
    group(mini_data, "mini-parts", "wait")["wait"] = wait
    assert checks.waits_without_until(mini_data) == []
    group(mini_data, "mini-cases", "early")["answer"] = {"id": "Batalkan tanpa menunggu.", "en": "Don't wait: cancel."}
    assert checks.waits_without_until(mini_data) == [], "not waiting is no wait"


def test_every_case_route_and_section_has_a_next_place(mini_data) -> None:
    missing = paths_of(checks.parts_without_next(mini_data))
    assert missing == ["flows[mini-ways].routes[first]", "flows[mini-cases].cases[late]",
                       "flows[mini-parts].sections[ask]", "flows[mini-parts].sections[wait]"]  # fmt: skip
    del flow_of(mini_data, "mini-status")["next"]
    assert "flows[mini-status]" in paths_of(checks.parts_without_next(mini_data)), "a guide of steps only"


def test_a_text_that_repeats_the_words_drawn_before_it(mini_data) -> None:
    money = "flows[mini-cases].helper.answers[open-card].detail"  # "Uang Anda: Uang kembali."
    assert paths_of(checks.repeated_prefixes(mini_data, UI)) == [money], "a helper's own label counts too"
    early = group(mini_data, "mini-cases", "early")
    early["timing"] = {"id": "Waktu 1 jam pertama paling penting.", "en": "The first 1 hour matters most."}
    early["steps"][0]["dont_see"] = {"id": "Tidak ada? Coba lagi.", "en": "Don't see it? Try again."}
    early["steps"][1]["dont_see"] = {"id": "Coba lagi.", "en": "Don't panic: try again."}
    found = {p.path: p.said for p in checks.repeated_prefixes(mini_data, UI)}
    assert list(found) == [
        "flows[mini-cases].cases[early].steps[2].dont_see",
        "flows[mini-cases].cases[early].timing",
        money,
    ]
    assert found["flows[mini-cases].cases[early].timing"].startswith(f"[id] {UI['id']['timing']}: Waktu")


def test_a_helper_answer_that_says_its_verdict_again(mini_data) -> None:
    said = {p.path: p.said for p in checks.restated_verdicts(mini_data)}
    base = "flows[mini-cases].helper.answers"
    assert list(said) == [f"{base}[open-card].text", f"{base}[open-cash].text", f"{base}[done-card].text",
                          f"{base}[otherwise].text"]  # fmt: skip
    for answer in flow_of(mini_data, "mini-cases")["helper"]["answers"]:
        answer["text"] = {"id": "Buka pesanan, lalu ikuti langkahnya.", "en": "Open the order and follow the steps."}
    assert checks.restated_verdicts(mini_data) == []
