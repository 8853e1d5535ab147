"""The "not confirmed" marks a reader meets on each built guide, every part open as without JavaScript
(scripts/marks.py counts them): no step carries more than one, and no guide page more than six (issue #20).

Every guide already keeps to one mark per step. The six per page is held for the guides in WITHIN_LIMITS, which
must stay within it; a guide that comes within it must join the list, so the list only grows, until it names every
guide (then WITHIN_LIMITS can go, and the test hold every guide). `python -m scripts.marks` prints the counts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.languages import codes
from scripts.marks import MAX_PER_PAGE, MAX_PER_STEP, PageMarks, page_marks

from ..conftest import guide_ids, prefix

GUIDES = guide_ids()

# The guides whose pages carry at most six marks in every language. Only grows: add a guide once its content is
# rewritten so that it keeps to the limit (test_a_guide_within_the_limits_is_listed says when).
WITHIN_LIMITS: tuple[str, ...] = (
    "view-orders",
    "track-order",
    "parcel-problems",
    "pay-checkout",
    "refund-status",
    "returns-help",
    "safe-shopping",
    "seller-no-reply",
    "scams",
)


def marks(site: Path, lang: str, name: str) -> PageMarks:
    return page_marks((site / prefix(lang) / f"{name}.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", GUIDES)
def test_no_step_carries_more_than_one_mark(built_site: Path, lang: str, name: str) -> None:
    found = marks(built_site, lang, name)
    assert found.crowded_steps() == {}, f"steps with more than {MAX_PER_STEP} mark"
    assert all(n <= 1 for n in found.steps.values())


@pytest.mark.parametrize("name", WITHIN_LIMITS)
def test_a_guide_page_carries_six_marks_at_most(built_site: Path, lang: str, name: str) -> None:
    found = marks(built_site, lang, name)
    assert found.total <= MAX_PER_PAGE, f"{name} [{lang}]: {found.total} marks, in {found.cases or found.steps}"


def test_a_guide_within_the_limits_is_listed(built_site: Path) -> None:
    within = [name for name in GUIDES if all(marks(built_site, c, name).total <= MAX_PER_PAGE for c in codes())]
    assert sorted(set(within) - set(WITHIN_LIMITS)) == [], "add these guides to WITHIN_LIMITS: they keep to it now"
    assert set(WITHIN_LIMITS) <= set(GUIDES), "WITHIN_LIMITS names a guide there is not"


def test_the_checker_counts_what_a_reader_sees(built_site: Path) -> None:
    """The counts come from the page as served: marks are <details class="g-unsure">, and none hides elsewhere."""
    html = (built_site / "cancel-order.html").read_text(encoding="utf-8")
    found = page_marks(html)
    assert found.total == html.count('class="g-unsure"') > 0
    assert sum(found.cases.values()) <= found.total and sum(found.steps.values()) <= found.total
