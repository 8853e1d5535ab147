"""What the reader typed -> the terms to look up, each with a weight; and the ranking. The same as the browser's
(``engine.js``): tests compare the two on every benchmark query.

A query is split into clauses; joined words are parted (``gajadi`` -> ``ga jadi``, when the word is unknown and
its second part is known); slang, question tags and phrases are made standard (``analyser.normalize``). Then each
word becomes a term of the site, the first of these that works:
1. its root or stem, when the site has it (``dibatalkan`` -> ``batal``);
2. a prefix's last trace before a consonant, as texting leaves it (``dkirim`` is ``di-kirim``);
3. a typo of a word the site knows (a site word, a function word, or a slang word such as ``cancel``): Damerau-
   Levenshtein distance 1 for words of 4-7 letters, 2 for longer ones, keeping the first letter (or the first two
   swapped); never for a common word of the language, which stays itself (``protect``); a typo counts 0.7;
4. a spoken form: an affix of speech (``-in``, ``nge-``) or an ``e`` said for an ``a`` (``dateng`` -> ``datang``);
5. texting that drops vowels (``sblm``, ``dtg``; only the first letter may be one): the word's consonant skeleton,
   when one site word (or function word) has it, clearly more used than any other; counts 0.8;
6. otherwise the word stays as it is, and matches nothing.
A word with no vowel is never taken for a typo: it is texting.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .analyser import CLAUSE_END, id_candidates, normalize, stem_en, stem_id, tokens
from .words import word_tables

FUZZY_WEIGHT = 0.7  # a typo's match counts less than an exact match
SKELETON_WEIGHT = 0.8
VOWELS = re.compile(r"[aeiou]")
MAX_RESULTS = 5


@dataclass(frozen=True)
class Term:
    text: str
    weight: float = 1.0


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


def skeleton(word: str) -> str:
    """The consonants texting keeps: the first letter, then the rest without vowels, ng as g, no letter twice.

    ``belum`` and ``blm`` -> ``blm``; ``datang`` and ``dtg`` -> ``dtg``; ``dikirim`` and ``dkrm`` -> ``dkrm``.
    """
    word = word.replace("ng", "g")
    out = word[:1] + VOWELS.sub("", word[1:])
    return re.sub(r"(.)\1+", r"\1", out)


PREFIX_TRACES = "dtksbmp"  # what texting leaves of di-, ter-, ke-, se-, ber-, me-, pe-


class Query:
    """One index's lookups for queries: its vocabulary, and how a typed word reaches it."""

    def __init__(self, index: dict[str, Any]) -> None:
        self.index = index
        self.lang = index["lang"]
        self.terms = index["terms"]
        self.vocab = frozenset(term for term in self.terms if " " not in term)
        self.roots = self.vocab  # the site's roots are its one-word terms
        self.stop = frozenset(word_tables(self.lang).stop)
        self.protect = frozenset(index["protect"])
        self.joined = tuple(index["words"]["joined"])
        words = sorted(self.vocab | self.stop)
        self.skeletons = skeleton_map(words, self.stop, self.df, index["words"]["skeleton_exceptions"])
        # What a typo may be taken for: a site word, a function word (""), or a slang word, as the site word it
        # stands for ("cancle" is "cancel", which on the Indonesian site is "batal").
        self.meaning = {word: "" if word in self.stop else word for word in words}
        for said, written in sorted(word_tables(self.lang).slang.items()):
            if said not in self.meaning and len(said) >= 5 and " " not in written:  # a typo of "blm" is not one
                self.meaning[said] = self.stem(written, spoken=False) if written and written not in self.stop else ""
        self.meaning = {k: v for k, v in self.meaning.items() if v == "" or v in self.vocab}
        self.candidates = sorted(self.meaning)
        self.cache: dict[str, Term | None] = {}

    def df(self, term: str) -> int:
        """The number of sections a term is in (a function word: none)."""
        return len(self.terms.get(term, ())) // 2

    def stem(self, word: str, spoken: bool) -> str:
        if self.lang != "id":
            return stem_en(word)
        return stem_id(word, self.roots, word_tables("id").slang if spoken else None, spoken=spoken)

    def known(self, word: str) -> bool:
        return word in self.stop or self.stem(word, spoken=False) in self.vocab

    def resolve(self, word: str) -> Term | None:
        """The site term a query word stands for, and how much it counts; None for a typo of a function word."""
        if word not in self.cache:
            self.cache[word] = self._resolve(word)
        return self.cache[word]

    def _resolve(self, word: str) -> Term | None:
        term = self.stem(word, spoken=False)
        if term in self.vocab or not word.isalpha():
            return Term(term)
        if word[0] in PREFIX_TRACES and word[1:2] not in "aeiou" and len(word) >= 5:  # dkirim, dbayar: di-kirim
            traced = self.stem(word[1:], spoken=True)
            if traced in self.vocab:
                return Term(traced)
        vowels = len(VOWELS.findall(word))
        if vowels and word not in self.protect and (near := self.fuzzy(word, term)) is not None:
            return Term(self.meaning[near], FUZZY_WEIGHT) if self.meaning[near] else None
        spoken = self.stem(word, spoken=True)
        if spoken in self.vocab:
            return Term(spoken)
        if not VOWELS.search(word[1:]) and (found := self.skeletal(word)) is not None:  # only the first may be a vowel
            return Term(found, SKELETON_WEIGHT) if found else None
        return Term(term)

    def skeletal(self, word: str) -> str | None:
        found = self.skeletons.get(skeleton(word))
        if found is None and len(word) >= 4 and word[0] in PREFIX_TRACES:
            found = self.skeletons.get(skeleton(word[1:]))
        return found

    def fuzzy(self, word: str, term: str) -> str | None:
        """The nearest word the site knows (``meaning``) within the typo distance of the word or its stripped forms."""
        stripped = [form for form in id_candidates(word) if len(form) >= 5] if self.lang == "id" else []
        forms = [word, term, *stripped]  # a short stripped form is too easily near another word
        best: tuple[int, int, str] | None = None
        for form in dict.fromkeys(forms):
            limit = allowed(form)
            if not limit:
                continue
            for candidate in self.candidates:
                if abs(len(candidate) - len(form)) > limit:
                    continue
                if typo(form, candidate, limit):
                    key = (distance(form, candidate, limit), -self.df(self.meaning[candidate]), candidate)
                    best = key if best is None or key < best else best
        return best[2] if best else None

    def split(self, words: list[str]) -> list[str]:
        """Joined words apart: ``gajadi`` -> ``ga jadi``, when the word is unknown and its second part is known."""
        slang = word_tables(self.lang).slang
        out = []
        for word in words:
            head = next(
                (p for p in self.joined if word.startswith(p) and len(word) - len(p) >= 3 and not self.known(word)
                 and word not in slang and (self.known(word[len(p) :]) or word[len(p) :] in slang)),
                None,
            )  # fmt: skip
            out += [head, word[len(head) :]] if head else [word]
        return out

    def clauses(self, text: str) -> list[list[Term]]:
        """The weighted terms of each clause of the query."""
        out = []
        for clause in CLAUSE_END.split(text):
            words = normalize(self.split(tokens(clause)), self.lang)
            terms = [t for t in (self.resolve(word) for word in words) if t is not None]
            if terms:
                out.append(terms)
        return out


def skeleton_map(
    candidates: list[str], stop: frozenset[str], df: Callable[[str], int], exceptions: list[str] | tuple[str, ...]
) -> dict[str, str]:
    """Skeleton -> the site word (or "" for a function word) that has it, of the words of 3 letters or more: the
    most used of them when it is used at least three times as often as the next; a skeleton two words share about
    as often, and the listed exceptions, are left out."""
    seen: dict[str, list[tuple[int, str]]] = {}
    for word in candidates:
        if len(word) >= 3 and word.isalpha():
            seen.setdefault(skeleton(word), []).append((df(word), "" if word in stop else word))
    out = {}
    for shape, found in seen.items():
        ranked = sorted(found, key=lambda x: (-x[0], x[1]))
        if shape not in exceptions and len(shape) >= 2 and (len(ranked) == 1 or ranked[0][0] >= 3 * ranked[1][0] > 0
                                                            or (ranked[0][0] > 0 and ranked[1][0] == 0)):  # fmt: skip
            out[shape] = ranked[0][1]
    return out


def pairs(terms: list[Term], lang: str) -> list[Term]:
    """Each two neighbouring terms as one more term, counting as much as the less sure of the two."""
    negations = word_tables(lang).negations
    return [
        Term(f"{a.text} {b.text}", min(a.weight, b.weight))
        for a, b in itertools.pairwise(terms)
        if b.text not in negations
    ]


def search(index: dict[str, Any], query: str, lookups: Query | None = None) -> list[tuple[str, float]]:
    """``[(href, score), …]`` best first.

    While the last word is still being typed (no space after it) and is not a whole term, it matches every term
    it begins; if it begins none, it is taken as a whole word.
    """
    lookups = lookups or Query(index)
    parts = lookups.clauses(query)
    terms = [term for clause in parts for term in clause]
    table = index["terms"]
    last = terms[-1].text if terms else None
    partial = last if last and not query[-1:].isspace() and last not in table else None
    if partial and not any(key.startswith(partial) for key in table):
        partial = None

    def lookup(term: str) -> list[int]:
        if term != partial:
            return table.get(term, [])
        return [x for key, rows in table.items() if key.startswith(term) for x in rows]

    looked = with_pairs(parts, index["lang"])
    return to_limits(index, looked, rank(index, looked, lookup))


def with_pairs(parts: list[list[Term]], lang: str) -> list[Term]:
    """The terms the clauses look up: each clause's words, and each two neighbouring words as a pair."""
    return [term for clause in parts for term in clause] + [pair for clause in parts for pair in pairs(clause, lang)]


def wanted(lookups: Query, text: str) -> list[Term]:
    """The terms a whole query, typed to its end, looks up."""
    return with_pairs(lookups.clauses(text), lookups.lang)


def to_limits(index: dict[str, Any], terms: list[Term], ranked: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """A question about a time limit ("brp hari batas retur", "how long do i have to cancel") is answered by the
    time limits of the guide that answers it best: the first result's guide's time limits come first, at its score.
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


def rarity(found_in: int, docs: int) -> float:
    """How much a word tells, from the number of sections it is in (a word in none tells nothing)."""
    return math.log(1 + (docs - found_in + 0.5) / (found_in + 0.5)) if found_in else 0.0


# How much of a page's first section's score each section below it shares: a case of the cancelling guide is about
# cancelling, though it need not say so. The first section itself gets a little more of its own (SELF), so that
# a question about the guide as a whole ("cek resi") lands on the guide, not on a section that repeats its words.
CONTEXT = 0.7
SELF = 0.2


def rank(index: dict[str, Any], terms: list[Term], lookup: Callable[[str], list[int]]) -> list[tuple[str, float]]:
    """``[(href, score), …]``, best first (``scores``)."""
    final = scores(index, terms, lookup)
    docs = index["docs"]
    return [(docs[doc][0], round(final[doc], 3)) for doc in sorted(final, key=lambda doc: order(final, doc))]


def order(final: dict[int, float], doc: int) -> tuple[int, int]:
    """Sorted on the score to six places, as the browser sorts, so a last-digit difference cannot reorder two."""
    return -math.floor(final[doc] * 1e6 + 0.5), doc


def scores(index: dict[str, Any], terms: list[Term], lookup: Callable[[str], list[int]]) -> dict[int, float]:
    """Each section's score: what it matches itself, plus, below a page's first section, ``CONTEXT`` times what
    that first section matches (the first section: ``SELF`` times its own); times the share of the reader's words,
    by rarity, the two hold between them. A section that has more of the reader's words beats one that has a lot
    of one word."""
    weights: dict[str, float] = {}
    for term in terms:  # a term said twice counts once, as surely as its surest saying
        weights[term.text] = max(weights.get(term.text, 0.0), term.weight)
    docs = index["docs"]
    found = {term: lookup(term) for term in weights}
    said = {term: rarity(len(set(found[term][::2])), len(docs)) * weight for term, weight in weights.items()}
    each: dict[int, dict[str, float]] = {}  # doc -> term -> score (a word being typed: its best term's)
    for term, weight in weights.items():
        rows = found[term]
        for i in range(0, len(rows), 2):
            mine = each.setdefault(rows[i], {})
            mine[term] = max(mine.get(term, 0.0), rows[i + 1] * weight)
    total = sum(said.values()) or 1.0
    own = {doc: sum(mine.values()) for doc, mine in each.items()}  # each once, not once per section below it
    final: dict[int, float] = {}
    for doc, mine in each.items():
        parent = docs[doc][3]
        up = each.get(parent, {}) if parent != -1 else {}
        words = sorted(mine.keys() | up.keys()) if up else sorted(mine)
        boost = SELF * own[doc] if parent == -1 else CONTEXT * own.get(parent, 0)
        final[doc] = (own[doc] + boost) * sum(said[t] for t in words) / total
    return final
