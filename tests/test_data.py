"""The real data, item by item: every step of every flow, in every language, complete and sourced.

Test ids read like ``cancel-order[cod][en]-step-3`` so a failure says where to look.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml

from macros.data import GROUP_KINDS, LANGS, REQUIRED, load_guide
from macros.i18n import UI_DIR, load_ui

from .conftest import DATA

GUIDE = load_guide(DATA, dt.date.today())


def step_params() -> list[Any]:
    params = []
    for flow in GUIDE["flows"]:
        groups = [(None, flow.get("steps", []))] + [(g["id"], g["steps"]) for k in GROUP_KINDS for g in flow.get(k, [])]
        for group_id, steps in groups:
            for n, step in enumerate(steps, start=1):
                where = f"{flow['id']}[{group_id}]" if group_id else flow["id"]
                params += [pytest.param(step, lang, id=f"{where}[{lang}]-step-{n}") for lang in LANGS]
    return params


@pytest.mark.parametrize(("step", "lang"), step_params())
def test_step_is_complete(step: dict[str, Any], lang: str) -> None:
    assert step["text"][lang].strip(), "text is empty"
    for key in step.get("tap", []):
        assert GUIDE["labels"][key][lang].strip(), f"label {key} is empty"
    for note in ("dont_see", "uncertain"):
        if note in step:
            assert step[note][lang].strip(), f"{note} is empty"


@pytest.mark.parametrize("flow_id", [f["id"] for f in GUIDE["flows"]])
def test_flow_has_sources_and_a_date(flow_id: str) -> None:
    flow = next(f for f in GUIDE["flows"] if f["id"] == flow_id)
    assert flow["sources"], "no sources"
    assert all(s["url"].startswith(("https://", "http://")) for s in flow["sources"])
    assert dt.date.fromisoformat(flow["last_verified"]) <= dt.date.today()


@pytest.mark.parametrize("flow_id", list(REQUIRED))
def test_required_routes_and_cases_are_present(flow_id: str) -> None:
    flow = next(f for f in GUIDE["flows"] if f["id"] == flow_id)
    for kind, ids in REQUIRED[flow_id].items():
        assert kind in flow
        have = [item["id"] for item in flow[kind]] if kind != "steps" else []
        assert [i for i in ids if i not in have] == []


def uncertain_items() -> list[Any]:
    found = [pytest.param(label, id=f"label:{key}") for key, label in GUIDE["labels"].items() if "uncertain" in label]
    for flow in GUIDE["flows"]:
        for kind in ("statuses", "tips", "facts"):
            found += [pytest.param(i, id=f"{flow['id']}:{i['id']}") for i in flow.get(kind, []) if "uncertain" in i]
    return found


@pytest.mark.parametrize("item", uncertain_items())
def test_every_uncertain_item_gives_its_reason_in_both_languages(item: dict[str, Any]) -> None:
    for lang in LANGS:
        assert len(item["uncertain"][lang].split()) >= 3, f"reason in {lang} is too short to help"


def test_the_unconfirmed_things_are_marked() -> None:
    """The research could not confirm these; the data must say so rather than state them as fact."""
    view = next(f for f in GUIDE["flows"] if f["id"] == "view-orders")
    inbox = next(r for r in view["routes"] if r["id"] == "inbox")
    assert any("uncertain" in s for s in inbox["steps"]), "the Inbox route is unconfirmed"
    cod = next(c for c in next(f for f in GUIDE["flows"] if f["id"] == "cancel-order")["cases"] if c["id"] == "cod")
    assert any("uncertain" in s for s in cod["steps"]), "the COD steps are unconfirmed"


def test_no_green_check_and_no_shopee_tabs() -> None:
    text = DATA.read_text(encoding="utf-8").lower()
    assert "centang hijau" not in text and "green check" not in text
    labels = {label["id"].lower() for label in GUIDE["labels"].values()}
    assert not labels & {"dikemas", "selesai", "belum bayar"}


def test_data_starts_with_the_schema_line() -> None:
    assert DATA.read_text(encoding="utf-8").splitlines()[0] == "# yaml-language-server: $schema=./schema.json"


def test_ui_words_have_the_same_keys_in_every_language() -> None:
    keys = {lang: set(yaml.safe_load((UI_DIR / f"{lang}.yml").read_text(encoding="utf-8"))) for lang in LANGS}
    assert keys["en"] == keys["id"]
    for lang in LANGS:
        assert load_ui(lang)
