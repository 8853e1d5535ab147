"""The index one language's site loads (``search/index.json``): its sections, each term's weighted postings, the
word tables, and what the query side needs to reach the site's words from typos and texting. The sections' text,
with each one-line answer, is a second file (``search/texts.json``) that loads after the first results are shown,
so they need only this one.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..cache import cached
from ..errors import DataError
from .analyser import (
    CLAUSE_END,
    REDUPLICATED,
    clauses,
    dictionary,
    negation_weights,
    pairs,
    site_roots,
    stem_en,
    stem_id,
)
from .learn import Example, learn
from .query import allowed, typo
from .sections import Section
from .words import MIN_ROOT, common_words, word_tables

INDEX_VERSION = 7

# How much a word counts where it is found. Intent phrases ("belum masuk") count most, then a section's own
# keywords and heading.
BOOST = {
    "phrases": 6.0,
    "title": 3.0,
    "keywords": 3.0,
    "page": 1.0,
    "summary": 2.0,
    "line": 2.0,
    "body": 1.0,
}
# BM25: how fast repeats stop counting, and how much a long section is discounted. A heading word already counts 3
# times (BOOST), so repeats stop counting 3 times later than BM25's usual 1.2: a section whose heading, keywords
# and steps all say "paid" is told apart from one that says it once in passing.
K1, B = 3.6, 0.75
# Fields whose neighbouring words also count as pairs: the short ones, where a pair is a phrase.
PAIRED = frozenset({"phrases", "title", "keywords", "page"})
SCALE = 10  # postings are integers: the score times this
# A posting under this (1.2 of score: a common word said once in a long body) tells nearly nothing, and costs bytes
# every reader downloads; a term keeps at least its best posting, so that it stays a word of the site.
MIN_POSTING = 12


def section_fields(section: Section) -> dict[str, list[str]]:
    """The texts of a section, by field; each keyword and each phrase is a text of its own.

    A guide's summary, on its first section, lists what the guide covers ("…, and how to reach customer
    service"), so its neighbouring words are not paired: "unpaid, paid" is not a phrase.
    """
    return {
        "phrases": list(section.phrases),
        "title": [section.title],
        "keywords": list(section.keywords),
        "page": [section.page_title] if section.page_title != section.title else [],
        "summary": [section.summary] if section.summary else [],
        "line": [section.line] if section.line and section.line != section.summary else [],
        "body": section.body,
    }


def build_index(
    sections: list[Section],
    lang: str,
    common: Iterable[str] | None = None,
    fallback: Iterable[str] | None = None,
    cache: Path | None = None,
    examples: list[Example] | None = None,
    examples_file: str = "examples",
) -> tuple[dict[str, Any], list[list[str]]]:
    """The index one language's site loads, and each section's one-line answer and sentences (for snippets).

    ``common`` and ``fallback`` are the element ids offered in an empty box and after a search that finds
    nothing; by default, the language's (``data/search/<lang>.yml``). ``cache``: where the common words to
    leave alone are kept between builds. ``examples``: queries with their sections, which the postings' weights
    are learned from (``learn``); ``examples_file`` is where they were read, for errors.

    Each doc is ``[href, title, page title, parent]``. Each term's postings are one flat list, ``[doc, score, doc,
    score, …]``, by doc; on disk (``encode``) they are one string. The roots the browser stems queries to are the
    index's own one-word terms: on this site they are the same set (a test checks).
    """
    fields = [section_fields(s) for s in sections]
    texts = [text for f in fields for texts in f.values() for text in texts]
    roots: set[str] = set()
    if lang == "id":
        roots = site_roots(texts, dictionary())

    def terms(name: str, items: list[str]) -> list[tuple[str, float]]:
        out = []
        for text in items:
            for words in clauses(text, lang, roots):
                out += list(zip(words, negation_weights(words, lang), strict=True))
                out += [(pair, 1.0) for pair in pairs(words, lang)] if name in PAIRED else []
        return out

    docs = [{name: terms(name, items) for name, items in f.items()} for f in fields]
    tables = asdict(word_tables(lang))
    parent = parents(sections)
    postings_ = postings(docs)
    vocab = {term for term in postings_ if " " not in term}
    index = {
        "version": INDEX_VERSION,
        "lang": lang,
        "words": {key: sorted(value) if isinstance(value, frozenset) else value for key, value in tables.items()},
        "min_root": MIN_ROOT,
        "clause_end": CLAUSE_END.pattern,
        "reduplicated_word": REDUPLICATED.pattern,
        "docs": [
            [s.href, s.title, s.page_title if s.page_title != s.title else "", up]
            for s, up in zip(sections, parent, strict=True)
        ],
        "terms": {term: [x for row in rows for x in row] for term, rows in postings_.items()},
        "protect": protected(vocab, lang, cache),
        "guides": [i for i, (s, up) in enumerate(zip(sections, parent, strict=True)) if s.flow and up == -1],
        "limits": {
            "terms": limit_terms(word_tables(lang).parts.get("facts", ()), lang, roots),
            "docs": [i for i, s in enumerate(sections) if s.part == "facts"],
        },
    }
    tables_ = word_tables(lang)
    index["common"] = doc_numbers(index["docs"], tables_.common if common is None else common, "common")
    index["fallback"] = doc_numbers(index["docs"], tables_.fallback if fallback is None else fallback, "fallback")
    if examples:
        index["terms"] = learn(index, examples, examples_file)
    return index, [[s.line, *s.body] for s in sections]


def limit_terms(words: Iterable[str], lang: str, roots: set[str]) -> list[str]:
    """The terms that ask about a time limit ("berapa lama", "how long"), as a query's analysis makes them: one
    word, or two as their pair."""
    out = set()
    for text in words:
        for found in clauses(text, lang, roots):
            if 1 <= len(found) <= 2:
                out.add(" ".join(found))
    return sorted(out)


def encode(index: dict[str, Any]) -> dict[str, Any]:
    """The index as written to ``search/index.json``: each term's postings as ``term:gap,score,gap,score``, the
    gaps between its docs, and the terms joined by ``;`` (a third smaller, gzipped, than lists)."""
    out = dict(index)
    chunks = []
    for term, rows in index["terms"].items():
        docs, last = [], 0
        for i in range(0, len(rows), 2):
            docs += [rows[i] - last, rows[i + 1]]
            last = rows[i]
        chunks.append(f"{term}:{','.join(map(str, docs))}")
    out["terms"] = ";".join(chunks)
    out["protect"] = front_code(index["protect"])
    return out


def front_code(words: list[str]) -> str:
    """Sorted words as one string, each as how many letters (0-9) it shares with the word before, then the rest:
    ``abad abadi abah`` -> ``0abad 4i 3h`` (a quarter smaller, gzipped)."""
    out, before = [], ""
    for word in words:
        n = 0
        while n < min(len(word), len(before), 9) and word[n] == before[n]:
            n += 1
        out.append(f"{n}{word[n:]}")
        before = word
    return " ".join(out)


def front_decode(text: str) -> list[str]:
    out: list[str] = []
    for chunk in text.split(" ") if text else []:
        out.append((out[-1][: int(chunk[0])] if out else "") + chunk[1:])
    return out


def decode(data: dict[str, Any]) -> dict[str, Any]:
    """``search/index.json`` as read: the inverse of ``encode`` (the browser does the same in ``prepare``)."""
    out = dict(data)
    terms: dict[str, list[int]] = {}
    for chunk in data["terms"].split(";") if data["terms"] else []:
        term, _, numbers = chunk.partition(":")
        values = [int(x) for x in numbers.split(",")]
        doc, rows = 0, []
        for i in range(0, len(values), 2):
            doc += values[i]
            rows += [doc, values[i + 1]]
        terms[term] = rows
    out["terms"] = terms
    out["protect"] = front_decode(data["protect"])
    return out


def doc_numbers(docs: list[list[Any]], targets: Iterable[str], what: str) -> list[int]:
    """The positions of the sections these element ids name; an id no section has is an error."""
    by_target = {doc[0].partition("#")[2]: i for i, doc in enumerate(docs)}
    missing = [t for t in targets if t not in by_target]
    if missing:
        raise DataError(f"data/search: `{what}` names ids no search section has: {', '.join(missing)}")
    return [by_target[t] for t in targets]


def parents(sections: list[Section]) -> list[int]:
    """For each section, the index of its page's first section (-1 for that first section itself)."""
    first: dict[str, int] = {}
    out = []
    for i, section in enumerate(sections):
        out.append(first.setdefault(section.page, i) if section.page in first else -1)
        first.setdefault(section.page, i)
    return out


def postings(docs: list[dict[str, list[tuple[str, float]]]]) -> dict[str, list[list[int]]]:
    """BM25F: term -> [[doc, score], …], by doc, each score an integer (``SCALE`` times the score), from
    ``MIN_POSTING`` up.

    Each field's count is boosted; only the body is discounted for length, so a short section does not
    win on the keywords it shares with the rest of its guide.
    """
    n = len(docs)
    average = sum(len(doc["body"]) for doc in docs) / max(n, 1) or 1.0
    weighted: list[Counter[str]] = []
    for doc in docs:
        counts: Counter[str] = Counter()
        for name, words in doc.items():
            norm = 1 - B + B * len(words) / average if name == "body" else 1.0
            for word, weight in words:
                counts[word] += weight * BOOST[name] / norm
        weighted.append(counts)
    df = Counter(term for counts in weighted for term in counts)
    out: dict[str, list[list[int]]] = {}
    for i, counts in enumerate(weighted):
        for term, tf in counts.items():
            idf = math.log(1 + (n - df[term] + 0.5) / (df[term] + 0.5))
            score = round(SCALE * idf * tf * (K1 + 1) / (tf + K1))
            if score > 0:
                out.setdefault(term, []).append([i, score])
    kept = {term: [row for row in rows if row[1] >= MIN_POSTING] or [max(rows, key=lambda row: row[1])]
            for term, rows in out.items()}  # fmt: skip
    return {term: sorted(rows) for term, rows in sorted(kept.items())}


# --- what typos and texting need -----------------------------------------------------------------------


def protected(vocab: set[str], lang: str, cache: Path | None = None) -> list[str]:
    """Common words a typo could be taken for a site word, which must stay themselves: ``pasar`` is not a typo of
    ``pasang``, nor ``case`` of ``cash`` (the common words: ``data/search/common-<lang>.txt``). Only the ones a query
    would otherwise try as a typo: not a site word, a function word or slang, and not a form of a site word."""
    tables = word_tables(lang)
    candidates = vocab | tables.stop | {said for said, written in tables.slang.items() if " " not in written}
    common = common_words(lang) - candidates - set(tables.slang)
    inputs = json.dumps([INDEX_VERSION, lang, sorted(vocab), sorted(candidates), sorted(common)])
    return cached(cache, f"protect-{lang}", inputs, lambda: _protected(vocab, lang, candidates, common))


def _protected(vocab: set[str], lang: str, candidates: set[str], common: set[str]) -> list[str]:
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
    return sorted(found)


def deletions(word: str, depth: int) -> set[str]:
    """The word with up to ``depth`` letters left out: two words within that many edits share one of these."""
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        out |= frontier
    return out
