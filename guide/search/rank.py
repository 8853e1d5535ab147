"""The ranking: which sections the terms of a query (``query``) reach, and in what order. The browser ranks the
same way (``engine.js``, in the same order and with the same names), and learning (``learn``) corrects the
postings by this very ranking, so what it learns is what the browser shows.

A section's score is what it matches itself, plus, below a page's first section, ``CONTEXT`` times what that
first section matches (the first section: ``SELF`` times its own); times the share of the reader's words, by
rarity, the two hold between them (in a long question, more gently: ``LONG``, ``LONG_SHARE``). A question about
a time limit then goes to the time limits of the guide that answers it best (``to_limits``), and one guide shows
at most ``PER_GUIDE`` sections before the others' (``by_guide``), and the best section of each problem a query
names comes into the first three (``each_problem``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from .query import Resolver, Term, with_pairs

# How much of a page's first section's score each section below it shares: a case of the cancelling guide is about
# cancelling, though it need not say so. The first section itself gets a little more of its own (SELF), so that
# a question about the guide as a whole ("cek resi") lands on the guide, not on a section that repeats its words.
# The browser reads both from index.json (``index.engine_rules``).
CONTEXT = 0.7
SELF = 0.2
# A guide shows at most this many sections before every other guide that matches has shown its best: a question
# with two problems ("barang pecah, penjual ga bales") finds the second one's guide in the first three, and one
# guide cannot fill the list. On holdout-12 it took both problems of two-problems-12 into the first three for 84%
# of the Indonesian queries (from 66%) and 73% of the English (from 68%), and changed no top-3 of one problem.
PER_GUIDE = 2
# A query of more than LONG words (a whole question with its context: "sudah bayar dari kemarin tapi pesanan
# belum dikirim juga, harus bagaimana?") carries words no one section holds. There, the share of the reader's words
# a section holds counts as that share to the power LONG_SHARE (below 1: gentler), so the section that answers is
# not sunk by the context around the question. Shorter queries are ranked as before. Learned again with it, on the
# dev sets (Python evaluator): holdout-12 top-1 92.2 -> 93.3% (id), 92.7 -> 93.4% (en); holdout-11 and queries.tsv
# top-1 unchanged in both languages; two-problems-12 en both in the first three 59.1 -> 63.6%.
LONG = 3
LONG_SHARE = 0.8
# A query may name two problems ("barang rusak, penjual ga bales"; "… dan …"): its clauses, cut again at the words
# that join two (``query.Resolver.problems``). Each part of PROBLEM_WORDS words or more is ranked alone, and its
# best section comes into the first three, after the whole query's first (``each_problem``). The first result
# never changes. On the dev sets (Python evaluator): both problems in the first three, two-problems-12 id 84.4 ->
# 93.8%, en 63.6 -> 72.7%; two-problems-13 id 83.9 -> 83.9%, en 71.4 -> 81.0%; no top-3 of holdout-11 to -13 or
# of queries.tsv lower.
# When the parts' best sections are more than the two places, those the whole query scores highest take them:
# two-problems-14 id 79.1 -> 83.7%, en 71.9 -> 75.0%; -12 and -13 and every top-3 of holdout-11 to -14 unchanged.
PROBLEM_WORDS = 2


def search(index: dict[str, Any], query: str, resolver: Resolver | None = None) -> list[tuple[str, float]]:
    """``[(href, score), …]`` best first, the score to 3 places.

    The reference the browser engine is tested against (``engine.js`` ``search``, which gives the sections'
    numbers): the site itself searches only in the browser, and learning scores whole queries (``scores``).

    While the last word is still being typed (no space after it) and is not a whole term, it matches every term
    it begins; if it begins none, it is taken as a whole word.
    """
    resolver = resolver or Resolver(index)
    parts = resolver.clauses(query)
    table = index["terms"]
    last = parts[-1][-1].text if parts else None
    partial = last if last and not query[-1:].isspace() and last not in table else None
    if partial and not any(key.startswith(partial) for key in table):
        partial = None

    def lookup(term: str) -> list[int]:
        if term != partial:
            return table.get(term, [])
        return [x for key, rows in table.items() if key.startswith(term) for x in rows]

    looked = with_pairs(parts, resolver.lang)
    ranked = by_guide(to_limits(index, looked, rank(index, looked, lookup)))
    return each_problem(index, resolver.problems(query), resolver.lang, lookup, ranked)


def each_problem(
    index: dict[str, Any], problems: list[list[Term]], lang: str, lookup: Callable[[str], list[int]],
    ranked: list[tuple[str, float]],
) -> list[tuple[str, float]]:  # fmt: skip
    """The ranking with the best section of each problem the query names (``PROBLEM_WORDS`` words or more, ranked
    alone) among the first three, after the first result; each keeps its score, and the rest follow in their order.

    A long message names more parts than there are places ("Seller hasn't shipped for a week and doesn't reply.
    I just want to cancel now, I already paid"): of the parts' best sections, those the whole query scores highest
    take the two places, in the order the reader named them when they score the same."""
    if len(problems) < 2 or not ranked:
        return ranked
    score, top = dict(ranked), [ranked[0][0]]
    for terms in problems:
        if len(terms) >= PROBLEM_WORDS:
            looked = with_pairs([terms], lang)
            best = to_limits(index, looked, rank(index, looked, lookup))
            if best and best[0][0] in score and best[0][0] not in top:
                top.append(best[0][0])
    top = top[:1] + sorted(top[1:], key=lambda href: -score[href])[:2]
    return [(href, score[href]) for href in top] + [row for row in ranked if row[0] not in top]


def by_guide(ranked: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """The ranking with each page's sections past its first ``PER_GUIDE`` moved after every other page's first
    ``PER_GUIDE``, in their order: the best result stays first."""
    shown: dict[str, int] = {}
    first, later = [], []
    for row in ranked:
        page = row[0].partition("#")[0]
        shown[page] = shown.get(page, 0) + 1
        (first if shown[page] <= PER_GUIDE else later).append(row)
    return first + later


def rank(index: dict[str, Any], terms: list[Term], lookup: Callable[[str], list[int]]) -> list[tuple[str, float]]:
    """``[(href, score), …]``, best first (``scores``, in the browser's ``order``)."""
    final = scores(index, terms, lookup)
    docs = index["docs"]
    return [(docs[doc][0], round(final[doc], 3)) for doc in sorted(final, key=lambda doc: order(final, doc))]


def order(final: dict[int, float], doc: int) -> tuple[int, int]:
    """Sorted on the score to six places, as the browser sorts, so a last-digit difference cannot reorder two; then
    in the site's order."""
    return -math.floor(final[doc] * 1e6 + 0.5), doc


def rarity(found_in: int, docs: int) -> float:
    """How much a word tells, from the number of sections it is in (a word in none tells nothing)."""
    return math.log(1 + (docs - found_in + 0.5) / (found_in + 0.5)) if found_in else 0.0


def scores(index: dict[str, Any], terms: list[Term], lookup: Callable[[str], list[int]]) -> dict[int, float]:
    """Each section's score (see the module's docstring). A section that has more of the reader's words beats one
    that has a lot of one word."""
    weights: dict[str, float] = {}
    for term in terms:  # a term said twice counts once, as surely as its surest saying
        weights[term.text] = max(weights.get(term.text, 0.0), term.weight)
    docs = index["docs"]
    found = {term: lookup(term) for term in weights}
    worth = {term: rarity(len(set(found[term][::2])), len(docs)) * weight for term, weight in weights.items()}
    each: dict[int, dict[str, float]] = {}  # doc -> term -> score (a word being typed: its best term's)
    for term, weight in weights.items():
        rows = found[term]
        for i in range(0, len(rows), 2):
            mine = each.setdefault(rows[i], {})
            mine[term] = max(mine.get(term, 0.0), rows[i + 1] * weight)
    total = sum(worth.values()) or 1.0
    own = {doc: sum(mine.values()) for doc, mine in each.items()}  # each once, not once per section below it
    long = sum(1 for term in weights if " " not in term) > LONG  # words, not the pairs of neighbours
    final: dict[int, float] = {}
    for doc, mine in each.items():
        parent = docs[doc][3]
        up = each.get(parent, {}) if parent != -1 else {}
        words = sorted(mine.keys() | up.keys()) if up else sorted(mine)
        boost = SELF * own[doc] if parent == -1 else CONTEXT * own.get(parent, 0)
        share = sum(worth[t] for t in words)
        final[doc] = (own[doc] + boost) * (share / total) ** LONG_SHARE if long else (own[doc] + boost) * share / total
    return final


def to_limits(index: dict[str, Any], terms: list[Term], ranked: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """A question about a time limit ("brp hari batas retur", "how long do i have to cancel") is answered by the
    time limits of the guide that answers it best: the first result's guide's time limits come first, at its score.
    A question asks about a time limit when it has one of the index's ``limits`` terms (``time_limit`` in
    ``data/search/<lang>.yml``).
    """
    limits = index["limits"]
    if not ranked or not set(limits["terms"]) & {term.text for term in terms}:
        return ranked
    docs = index["docs"]
    number = {doc[0]: n for n, doc in enumerate(docs)}
    first = number[ranked[0][0]]
    page = docs[first][3] if docs[first][3] != -1 else first
    facts = next((n for n in limits["docs"] if docs[n][3] == page), None)
    if facts is None or facts == first:
        return ranked
    href = docs[facts][0]
    return [(href, ranked[0][1])] + [row for row in ranked if row[0] != href]
