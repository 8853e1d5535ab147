"""The ranking of results for a query: the same as the browser's (``engine.js`` ``search``), for tests and
benchmarks."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from .analyser import clauses, pairs


def search(index: dict[str, Any], query: str) -> list[tuple[str, float]]:
    """``[(href, score), …]`` best first.

    While the last word is still being typed (no space after it) and is not a whole term, it matches
    every term it begins.
    """
    parts = clauses(query, index["lang"], frozenset(index["roots"]))
    terms = [term for terms in parts for term in terms]
    table = index["terms"]
    partial = terms[-1] if terms and not query[-1:].isspace() and terms[-1] not in table else None

    def lookup(term: str) -> list[list[float]]:
        if term != partial:
            return table.get(term, [])
        return [row for key, rows in table.items() if key.startswith(term) for row in rows]

    return rank(index, terms + [pair for terms in parts for pair in pairs(terms, index["lang"])], lookup)


def rarity(found_in: int, docs: int) -> float:
    """How much a word tells, from the number of sections it is in (a word in none tells nothing)."""
    return math.log(1 + (docs - found_in + 0.5) / (found_in + 0.5)) if found_in else 0.0


def rank(
    index: dict[str, Any], terms: list[str], lookup: Callable[[str], list[list[float]]]
) -> list[tuple[str, float]]:
    scores: dict[int, float] = {}
    covered: dict[int, float] = {}
    wanted = list(dict.fromkeys(terms))
    weights = {term: rarity(len(lookup(term)), len(index["docs"])) for term in wanted}
    for term in wanted:
        for doc, score in lookup(term):
            scores[int(doc)] = scores.get(int(doc), 0.0) + score
            covered[int(doc)] = covered.get(int(doc), 0.0) + weights[term]
    # A section that has more of the reader's words, counted by how rare each word is, beats one that has a
    # lot of one word.
    total = sum(weights.values()) or 1.0
    final = {doc: score * covered[doc] / total for doc, score in scores.items()}
    # A page's introduction yields to a section of that page that has as much of the reader's words: the
    # section is the more precise answer.
    for doc in final:
        parent = index["docs"][doc][4]
        if parent in final and covered[doc] >= covered[parent] and final[parent] > final[doc]:
            final[parent] = final[doc] * 0.999
    order = sorted(final, key=lambda doc: (-final[doc], doc))
    return [(index["docs"][doc][0], round(final[doc], 3)) for doc in order]
