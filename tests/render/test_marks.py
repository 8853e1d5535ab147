"""The mark counter (scripts/marks.py) on the small guide's pages, and the checklist's marks: the same, case by
case, as the guide's page shows."""

from __future__ import annotations

from guide.ui import load_ui
from guide.views import flow_view, helper_view
from scripts.htmlq import parse
from scripts.marks import page_marks

from ..conftest import TODAY


def expected(mini, flow_id: str, lang: str) -> int:
    """The marks the views carry for one guide: one per step, case, status, tip, fact and helper answer at most."""
    ui = load_ui(lang)
    view = flow_view(mini, flow_id, lang, ui, TODAY)
    items = [*view.steps, *view.groups, *view.statuses, *view.tips, *view.facts]
    items += [step for group in view.groups for step in group.steps]
    if mini.flow(flow_id).helper:
        items += helper_view(mini, flow_id, lang, ui).answers
    return sum(item.mark is not None for item in items)


def test_the_counter_counts_every_mark_the_views_carry(mini_site, mini, lang) -> None:
    for flow in mini.flows:
        found = page_marks(mini_site(lang).flow(flow.id))
        assert found.total == expected(mini, flow.id, lang) > 0, flow.id
        assert found.crowded_steps() == {}


def test_the_counter_sees_each_step_and_case(mini_site, lang) -> None:
    found = page_marks(mini_site(lang).flow("mini-cases"))
    assert found.steps == {"mini-cases-early-1": 1, "mini-cases-early-2": 1}
    assert found.cases == {"mini-cases-early": 3}, "the case's own mark and its two steps'"


def test_the_checklist_keeps_every_mark_the_page_shows_for_each_case(mini_site, mini, lang) -> None:
    site = mini_site(lang)
    page = page_marks(site.flow("mini-cases"))
    checklist = parse(site.checklist("mini-cases", tick=("early",)))
    for group in mini.flow("mini-cases").groups:
        case = checklist.by_id(f"checklist-{group.id}")
        section = next(s for s in checklist.all("section") if s.attrs.get("aria-labelledby") == case.attrs["id"])
        shown = len(section.all("span", "g-mark"))
        assert shown == page.cases.get(f"mini-cases-{group.id}", 0), group.id
