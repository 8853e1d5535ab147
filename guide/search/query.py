"""What the reader typed -> the terms to look up, each with a weight. The browser does the same (``engine.js``,
in the same order and with the same names); the ranking of those terms is ``rank``.

A query is split into clauses; joined words are parted (``gajadi`` -> ``ga jadi``, when the word is unknown and
its second part is known); slang, question tags and phrases are made standard (``analyser.normalize``). Then each
word becomes a term of the site, the first of these that works:
1. its root or stem, when the site has it (``dibatalkan`` -> ``batal``);
2. a prefix's last trace before a consonant, as texting leaves it (``dkirim`` is ``di-kirim``);
3. a typo of a word the site knows (a site word, a function word, or a slang word such as ``cancel``): Damerau-
   Levenshtein distance 1 for words of 4-7 letters, 2 for longer ones, keeping the first letter (or the first two
   swapped) (``typos``); never for a common word of the language, which stays itself (``protect``); a typo
   counts ``FUZZY_WEIGHT``;
4. a spoken form: an affix of speech (``-in``, ``nge-``) or an ``e`` said for an ``a`` (``dateng`` -> ``datang``);
5. texting that drops vowels (``sblm``, ``dtg``; only the first letter may be one): the word's consonant skeleton,
   when one site word (or function word) has it, clearly more used than any other; counts ``SKELETON_WEIGHT``;
6. otherwise the word stays as it is, and matches nothing.
A word with no vowel is never taken for a typo: it is texting.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .analyser import CLAUSE_END, id_candidates, normalize, stem_en, stem_id, tokens
from .typos import allowed, distance, typo
from .words import word_tables

# What these weights and letters are in the browser comes in index.json (``index.engine_rules``): one source.
FUZZY_WEIGHT = 0.7  # a typo's match counts less than an exact match
SKELETON_WEIGHT = 0.8  # and texting without vowels a little less too
PREFIX_TRACES = "dtksbmp"  # what texting leaves of di-, ter-, ke-, se-, ber-, me-, pe-
VOWELS = re.compile(r"[aeiou]")


@dataclass(frozen=True)
class Term:
    text: str
    weight: float = 1.0


def skeleton(word: str) -> str:
    """The consonants texting keeps: the first letter, then the rest without vowels, ng as g, no letter twice.

    ``belum`` and ``blm`` -> ``blm``; ``datang`` and ``dtg`` -> ``dtg``; ``dikirim`` and ``dkrm`` -> ``dkrm``.
    """
    word = word.replace("ng", "g")
    out = word[:1] + VOWELS.sub("", word[1:])
    return re.sub(r"(.)\1+", r"\1", out)


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
        if shape not in exceptions and len(shape) >= 2 and clearly_first(ranked):
            out[shape] = ranked[0][1]
    return out


def clearly_first(ranked: list[tuple[int, str]]) -> bool:
    """The first of these words (by use, most first) is the one a skeleton stands for: it has no rival, or it is
    used at least three times as often as the next, or it is used and the next is not."""
    if len(ranked) == 1:
        return True
    first, second = ranked[0][0], ranked[1][0]
    return first >= 3 * second > 0 or (first > 0 and second == 0)


class Resolver:
    """One index's word resolver: its vocabulary, and how a typed word reaches it (``engine.js`` ``prepare`` and
    ``resolve``)."""

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
        # A typo keeps its first letter or swaps the first two: the candidates by first letter, in their order.
        self.by_letter: dict[str, list[str]] = {}
        for candidate in self.candidates:
            self.by_letter.setdefault(candidate[:1], []).append(candidate)
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
        """The nearest word the site knows (``meaning``) within the typo distance of the word or its stripped forms:
        the fewest edits, then the one in most sections, then the first in the alphabet."""
        stripped = [form for form in id_candidates(word) if len(form) >= 5] if self.lang == "id" else []
        forms = [word, term, *stripped]  # a short stripped form is too easily near another word
        best: tuple[int, int, str] | None = None
        for form in dict.fromkeys(forms):
            limit = allowed(form)
            if not limit:
                continue
            near = self.by_letter.get(form[:1], [])
            if form[1:2] and form[1:2] != form[:1]:
                near = near + self.by_letter.get(form[1:2], [])
            for candidate in near:
                if abs(len(candidate) - len(form)) > limit:
                    continue
                if typo(form, candidate, limit):
                    key = (distance(form, candidate, limit), -self.df(self.meaning[candidate]), candidate)
                    best = key if best is None or key < best else best
        return best[2] if best else None

    def split(self, words: list[str]) -> list[str]:
        """Joined words apart: ``gajadi`` -> ``ga jadi``, when the word is unknown and its second part is known."""
        out = []
        for word in words:
            head = next((p for p in self.joined if self.joined_at(word, p)), None)
            out += [head, word[len(head) :]] if head else [word]
        return out

    def joined_at(self, word: str, head: str) -> bool:
        """Whether ``word`` is ``head`` typed joined to a known word (or slang): it is not itself one."""
        slang = word_tables(self.lang).slang
        rest = word[len(head) :]
        if not word.startswith(head) or len(rest) < 3 or self.known(word) or word in slang:
            return False
        return self.known(rest) or rest in slang

    def clauses(self, text: str) -> list[list[Term]]:
        """The weighted terms of each clause of the query."""
        out = []
        for clause in CLAUSE_END.split(text):
            words = normalize(self.split(tokens(clause)), self.lang)
            terms = [t for t in (self.resolve(word) for word in words) if t is not None]
            if terms:
                out.append(terms)
        return out

    def problems(self, text: str) -> list[list[Term]]:
        """The weighted terms of each problem the query may name: its clauses, each cut again at the words that
        join two problems (``joins``): "barang rusak dan penjual ga bales" names two."""
        joins = self.index["words"]["joins"]
        cut = [" ".join("." if word in joins else word for word in tokens(part)) for part in CLAUSE_END.split(text)]
        return self.clauses(".".join(cut))

    def looked_up(self, text: str) -> list[Term]:
        """The terms a whole query, typed to its end, looks up (``with_pairs`` of its ``clauses``)."""
        return with_pairs(self.clauses(text), self.lang)


def pairs(terms: list[Term], lang: str) -> list[Term]:
    """Each two neighbouring terms as one more term, counting as much as the less sure of the two. A negation
    begins a phrase: "pesanan belum dikirim" is "belum kirim", not also "pesanan belum"."""
    negations = word_tables(lang).negations
    return [
        Term(f"{a.text} {b.text}", min(a.weight, b.weight))
        for a, b in itertools.pairwise(terms)
        if b.text not in negations
    ]


def with_pairs(parts: list[list[Term]], lang: str) -> list[Term]:
    """The terms the clauses look up: each clause's words, and each two neighbouring words as a pair."""
    return [term for clause in parts for term in clause] + [pair for clause in parts for pair in pairs(clause, lang)]
