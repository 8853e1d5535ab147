"""The query sets search is measured with (``benchmarks/queries*.tsv``), read for the benchmarks and the tests.

A file is TSV, ``lang<TAB>query<TAB>expected``, with ``#`` comments. ``expected`` is an element id on that
language's site (``cancel-order`` or ``cancel-order-cod``); ``|`` separates accepted answers. A set of another
shape (more columns after the query) is still a language and a query on each line: ``read_texts``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError
from ..languages import codes


@dataclass(frozen=True)
class LabelledQuery:
    """A query of a set, with the sections that answer it."""

    lang: str
    text: str
    expected: tuple[str, ...]
    line: int


def read_queries(path: Path) -> list[LabelledQuery]:
    """The file's rows; a malformed row is a DataError naming its line."""
    queries = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = raw.split("\t")
        if len(parts) != 3 or parts[0] not in codes() or not parts[1].strip() or not parts[2].strip():
            raise DataError(f"{path}:{n}: expected 'lang<TAB>query<TAB>expected' with lang in {sorted(codes())}")
        queries.append(LabelledQuery(parts[0], parts[1].strip(), tuple(parts[2].strip().split("|")), n))
    return queries


def read_moves(path: Path) -> dict[str, tuple[str, ...]]:
    """``old section -> new sections`` of ``benchmarks/moved-sections.tsv`` (``old<TAB>new|new<TAB>why``)."""
    moves = {}
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = raw.split("\t")
        if len(parts) != 3 or not parts[0].strip() or not parts[1].strip():
            raise DataError(f"{path}:{n}: expected 'old-section<TAB>new-section|new-section<TAB>why'")
        moves[parts[0].strip()] = tuple(parts[1].strip().split("|"))
    return moves


def with_moves(expected: tuple[str, ...], moves: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The accepted answers, and the sections each one's topic has moved to since the set was written."""
    return expected + tuple(new for old in expected for new in moves.get(old, ()) if new not in expected)


def read_texts(path: Path) -> list[tuple[str, str]]:
    """``(lang, query)`` of every row of any query set, whatever columns follow the query (the engines' parity
    test needs only the queries); a row without a known language and a query is a DataError naming its line."""
    out = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = raw.split("\t")
        if len(parts) < 2 or parts[0] not in codes() or not parts[1].strip():
            raise DataError(f"{path}:{n}: expected 'lang<TAB>query<TAB>…' with lang in {sorted(codes())}")
        out.append((parts[0], parts[1].strip()))
    return out
