"""How well a label or a rule is supported, computed from the sources it cites instead of typed by an editor.

- ``official``: at least one of them is an official page;
- ``guides``: two or more independent unofficial sources (different publishers), each dated 2025 or later;
- ``one``: a source, but not enough for either of the above (one guide, older guides, or guides of one publisher);
- ``none``: it cites no source.

An undated source never counts as recent: a date is what shows a guide is current.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Source

LEVELS: tuple[str, ...] = ("official", "guides", "one", "none")
WEAK: frozenset[str] = frozenset({"one", "none"})  # a label this weak carries a "not confirmed" mark
RECENT = dt.date(2025, 1, 1)  # a guide dated on or after this counts towards "guides"
MIN_GUIDES = 2


def level(sources: Iterable[Source]) -> str:
    """The evidence of something that cites these sources."""
    found = list(sources)
    if not found:
        return "none"
    if any(s.official for s in found):
        return "official"
    recent = {publisher_key(s.publisher) for s in found if s.date is not None and s.date >= RECENT}
    return "guides" if len(recent) >= MIN_GUIDES else "one"


def publisher_key(publisher: str) -> str:
    """Two sources are independent when their publishers differ, ignoring case and spacing."""
    return " ".join(publisher.casefold().split())
