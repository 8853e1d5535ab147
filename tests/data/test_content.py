"""The real content, item by item: every step of every flow, in every language, complete and sourced.

Test ids read like ``cancel-order[cod][en]-step-3`` so a failure says where to look.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from guide import paths
from guide.languages import codes, reference
from guide.model import Flow, Guide, Step
from guide.rules import REQUIRED
from guide.ui import load_ui

from ..conftest import real_guide

LOADED, PROBLEM = real_guide()  # or why it does not load: bad data fails a test here, it does not stop the collection
FLOWS = LOADED.flows if LOADED else ()  # no guide, no per-item tests: test_the_real_guide_loads says why


def real() -> Guide:
    if LOADED is None:
        pytest.fail(f"data/steps.yaml does not load:\n{PROBLEM}", pytrace=False)
    return LOADED


def test_the_real_guide_loads() -> None:
    assert real().flows


def step_params() -> list[Any]:
    params = []
    for flow in FLOWS:
        groups: list[tuple[str | None, tuple[Step, ...]]] = [(None, flow.steps)]
        groups += [(g.id, g.steps) for g in flow.groups]
        for group_id, steps in groups:
            for n, step in enumerate(steps, start=1):
                where = f"{flow.id}[{group_id}]" if group_id else flow.id
                params += [pytest.param(step, lang, id=f"{where}[{lang}]-step-{n}") for lang in codes()]
    return params


@pytest.mark.parametrize(("step", "lang"), step_params())
def test_step_is_complete(step: Step, lang: str) -> None:
    assert step.text[lang].strip(), "text is empty"
    for key in step.tap:
        assert real().labels[key].text[lang].strip(), f"label {key} is empty"
    for note in (step.dont_see, step.uncertain):
        if note is not None:
            assert note[lang].strip()


def flow(flow_id: str) -> Flow:
    return real().flow(flow_id)


@pytest.mark.parametrize("flow_id", [f.id for f in FLOWS])
def test_flow_has_sources_and_a_date(flow_id: str) -> None:
    f = flow(flow_id)
    assert f.sources, "no sources"
    assert all(s.url.startswith("https://") for s in f.sources)
    assert f.checked <= dt.date.today()


@pytest.mark.parametrize("flow_id", list(REQUIRED))
def test_required_routes_and_cases_are_present(flow_id: str) -> None:
    f = flow(flow_id)
    for kind, ids in REQUIRED[flow_id].items():
        have = {
            "statuses": [s.id for s in f.statuses],
            "tips": [t.id for t in f.tips],
            "facts": [x.id for x in f.facts],
        }
        found = have.get(kind, [g.id for g in f.groups if g.kind == kind])
        assert (kind == "steps" and f.steps) or (kind != "steps" and found), kind
        assert [i for i in ids if i not in found] == []


def uncertain_items() -> list[Any]:
    labels = LOADED.labels.items() if LOADED else ()
    found = [pytest.param(label.uncertain, id=f"label:{key}") for key, label in labels if label.uncertain]
    for f in FLOWS:
        for items in (f.statuses, f.tips, f.facts):
            found += [pytest.param(i.uncertain, id=f"{f.id}:{i.id}") for i in items if i.uncertain]
        found += [pytest.param(s.uncertain, id=f"{ident}") for ident, s in f.all_steps() if s.uncertain]
    return found


@pytest.mark.parametrize("reason", uncertain_items())
def test_every_uncertain_item_gives_its_reason_in_every_language(reason: dict[str, str]) -> None:
    for lang in codes():
        assert len(reason[lang].split()) >= 3, f"reason in {lang} is too short to help"


def test_the_unconfirmed_things_are_marked() -> None:
    """The research could not confirm these; the data must say so rather than state them as fact."""
    inbox = flow("view-orders").group("inbox")
    assert inbox.uncertain or any(s.uncertain for s in inbox.steps), "the Inbox route is unconfirmed"
    cod = flow("cancel-order").group("cod")
    assert any(s.uncertain for s in cod.steps), "the COD steps are unconfirmed"


def test_no_green_check_and_no_shopee_tabs() -> None:
    text = paths.GUIDE_DATA.read_text(encoding="utf-8").lower()
    assert "centang hijau" not in text and "green check" not in text
    labels = {label.text[reference().code].lower() for label in real().labels.values()}
    assert not labels & {"dikemas", "selesai", "belum bayar"}


def test_data_starts_with_the_schema_line() -> None:
    assert (
        paths.GUIDE_DATA.read_text(encoding="utf-8").splitlines()[0] == "# yaml-language-server: $schema=./schema.json"
    )


@pytest.mark.parametrize("lang", codes())
def test_ui_words_have_the_keys_of_the_reference_language(lang: str) -> None:
    assert set(load_ui(lang)) == set(load_ui(reference().code))
