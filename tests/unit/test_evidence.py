"""The evidence of a label or a rule, computed from the sources it cites (guide/evidence.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from guide.evidence import level
from guide.model import Source


def source(publisher: str, date: str | None = "2025-06-01", official: bool = False) -> Source:
    when = dt.date.fromisoformat(date) if date else None
    return Source(id=publisher.lower(), title="t", url="https://example.org/", publisher=publisher,
                  official=official, date=when)  # fmt: skip


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        ([], "none"),
        ([source("Tempo")], "one"),
        ([source("Seller University", "2023-10-03", official=True)], "official"),  # an old official page is official
        ([source("Tempo"), source("Kompas", "2026-02-01")], "guides"),
        ([source("Tempo"), source(" tempo ", "2026-02-01")], "one"),  # one publisher twice is not independent
        ([source("Tempo"), source("Kompas", "2024-12-31")], "one"),  # one of them is older than 2025
        ([source("Tempo"), source("Kompas", None)], "one"),  # an undated source never counts as recent
        ([source("Tempo"), source("Kompas", None), source("Suara", "2025-01-01")], "guides"),
        ([source("Tempo"), source("Help", official=True)], "official"),
    ],
    ids=["none", "one-guide", "old-official", "two-guides", "same-publisher", "one-old", "undated", "three", "mixed"],
)
def test_the_level_comes_from_the_sources(sources: list[Source], expected: str) -> None:
    assert level(sources) == expected
