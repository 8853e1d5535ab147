"""Typos: how far a typed word may be from a word of the site, and the common words that must never be taken for
a typo. The query side (``query.Resolver.fuzzy``) and the index (``protected``, shipped as ``protect``) both use
them; the browser has the same ``allowed``, ``distance`` and ``typo`` (``engine.js``).
"""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from pathlib import Path

from ..cache import cached
from .analyser import stem_en, stem_id
from .words import common_words, word_tables


def allowed(word: str) -> int:
    """How many edits a typo of this word may have: none under 4 letters, 1 up to 7, 2 from 8."""
    return 0 if len(word) < 4 else 1 if len(word) <= 7 else 2


def distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein (optimal string alignment): edits, a swap of two letters counting one; stops past limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, row = row, current
    return row[len(b)]


def typo(a: str, b: str, limit: int) -> bool:
    """Whether ``a`` may be a typo of ``b``: within ``limit`` edits, and the same first letter (or the first two
    swapped), as nearly every typo keeps it: ``cencel`` is ``cancel``, but ``jaket`` is not ``paket``."""
    return (a[:1] == b[:1] or a[1::-1] == b[:2]) and distance(a, b, limit) <= limit


def protected(vocab: set[str], lang: str, cache: Path | None = None) -> list[str]:
    """Common words a typo could be taken for a site word, which must stay themselves: ``pasar`` is not a typo of
    ``pasang``, nor ``case`` of ``cash`` (the common words: ``data/search/common-<lang>.txt``). Only the ones a query
    would otherwise try as a typo: not a site word, a function word or slang, and not a form of a site word.

    It goes over every common word (14,690 in Indonesian), so it is kept in ``cache`` between builds, and within
    one process for the same words (the unit tests build many small indexes of the same few sections)."""
    tables = word_tables(lang)
    candidates = vocab | tables.stop | {said for said, written in tables.slang.items() if " " not in written}
    common = common_words(lang) - candidates - set(tables.slang)
    inputs = json.dumps([lang, sorted(vocab), sorted(candidates), sorted(common)])
    return cached(cache, f"protect-{lang}", inputs, lambda: list(_protected(frozenset(vocab), lang, inputs)))


@functools.lru_cache(maxsize=16)
def _protected(vocab: frozenset[str], lang: str, inputs: str) -> tuple[str, ...]:
    # ``inputs`` holds the candidates and the common words, as ``protected`` made them: the key of this memory.
    _, _, candidates, common = json.loads(inputs)
    # Two words within k edits share a form with k letters left out (symmetric deletion): one index per k. A word
    # of 8 letters or more may be 2 edits from one of 6 or more.
    by_deletion: dict[int, dict[str, set[str]]] = {1: defaultdict(set), 2: defaultdict(set)}
    for word in candidates:
        for depth in (1, 2) if len(word) >= 6 else (1,):
            for variant in deletions(word, depth):
                by_deletion[depth][variant].add(word)
    found = set()
    for word in common:
        limit = allowed(word)
        if not limit:
            continue
        near = {c for variant in deletions(word, limit) for c in by_deletion[limit].get(variant, ())}
        if not any(typo(word, c, limit) for c in near):
            continue
        stem = stem_id(word, vocab, spoken=False) if lang == "id" else stem_en(word)
        if stem not in vocab:
            found.add(word)
    return tuple(sorted(found))


def deletions(word: str, depth: int) -> set[str]:
    """The word with up to ``depth`` letters left out: two words within that many edits share one of these."""
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        out |= frontier
    return out
