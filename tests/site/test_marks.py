"""The "not confirmed" marks a reader meets on each built guide, every part open as without JavaScript
(scripts/marks.py counts them): no step carries more than one, and no guide page more than six (issue #20).

Both hold every guide in every language; `python -m scripts.marks` prints the counts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.marks import MAX_PER_PAGE, MAX_PER_STEP, PageMarks, page_marks

from ..conftest import guide_ids, prefix

GUIDES = guide_ids()


def marks(site: Path, lang: str, name: str) -> PageMarks:
    return page_marks((site / prefix(lang) / f"{name}.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", GUIDES)
def test_no_step_carries_more_than_one_mark(built_site: Path, lang: str, name: str) -> None:
    found = marks(built_site, lang, name)
    assert found.crowded_steps() == {}, f"steps with more than {MAX_PER_STEP} mark"
    assert all(n <= 1 for n in found.steps.values())


@pytest.mark.parametrize("name", GUIDES)
def test_a_guide_page_carries_six_marks_at_most(built_site: Path, lang: str, name: str) -> None:
    found = marks(built_site, lang, name)
    assert found.total <= MAX_PER_PAGE, f"{name} [{lang}]: {found.total} marks, in {found.cases or found.steps}"


def test_the_checker_counts_what_a_reader_sees(built_site: Path) -> None:
    """The counts come from the page as served: marks are <details class="g-unsure">, and none hides elsewhere."""
    html = (built_site / "cancel-order.html").read_text(encoding="utf-8")
    found = page_marks(html)
    assert found.total == html.count('class="g-unsure"') > 0
    assert sum(found.cases.values()) <= found.total and sum(found.steps.values()) <= found.total
