"""The query sets' readers: moved sections widen what counts as the answer, in every set alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide import paths
from guide.errors import DataError
from guide.model import Guide
from guide.search.queries import read_moves, with_moves

MOVES = paths.ROOT / "benchmarks" / "moved-sections.tsv"


def test_a_moved_section_also_counts_its_new_sections_once() -> None:
    moves = {"old": ("new-a", "new-b")}
    assert with_moves(("old",), moves) == ("old", "new-a", "new-b")
    assert with_moves(("old", "new-a"), moves) == ("old", "new-a", "new-b")
    assert with_moves(("other",), moves) == ("other",)


def test_a_malformed_move_names_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "moves.tsv"
    bad.write_text("# c\nold\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"moves\.tsv:2: expected"):
        read_moves(bad)


def test_every_section_a_topic_moved_to_exists(guide: Guide) -> None:
    """A move to a section that was renamed or removed would silently count nothing."""
    moves = read_moves(MOVES)
    assert moves
    targets = guide.targets()
    assert {section for new in moves.values() for section in new} <= targets.keys(), moves
