"""The index one language's site loads: its sections, each term's postings weighted by BM25F (then corrected by
``learn``), the word tables, and what the query side needs to reach the site's words from typos and texting. How
it is written to ``search/index.json`` is ``wire``; the sections' text, with each one-line answer, is a second
file (``search/texts.json``) that loads after the first results are shown, so they need only the index.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..errors import DataError
from . import analyser, query, rank, wire
from .analyser import clauses, dictionary, negation_weights, pairs, site_roots
from .learn import Example, learn
from .sections import Section
from .typos import protected
from .words import MIN_ROOT, word_tables

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
# Every score is then rounded to one of this many levels, evenly spaced by ratio above the integers (1, 2, … 13, 15,
# 17, … the best score): each posting is then two characters on the wire, its gap and its level (``wire``). Rounding
# to 44 levels (5% apart at most) changed no top-1 of holdout-11/12 in either language; it makes the index a fifth
# smaller, gzipped, which is room for a fifth more content within the 30 KB budget.
LEVELS = 32


# The word tables the build alone reads: the roots kept whole, and the sections of the empty box, of a search that
# finds nothing and of the time limits, which the index holds as numbers (``common``, ``fallback``, ``limits``).
BUILD_ONLY = frozenset({"keep", "common", "fallback", "parts", "time_limit"})


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
    leave alone, and the record learning needs to learn again only what an edit changed, are kept between
    builds. ``examples``: queries with their sections, which the postings' weights are learned from (``learn``);
    ``examples_file`` is where they were read, for errors.

    Each doc is ``[href, title, page title, parent]``. Each term's postings are one flat list, ``[doc, score,
    doc, score, …]``, by doc; on disk (``wire.encode``) they are one string. The roots the browser stems queries
    to are the index's own one-word terms: on this site they are the same set (a test checks).
    """
    fields = [section_fields(s) for s in sections]
    texts = [text for f in fields for texts in f.values() for text in texts]
    roots: set[str] = set()
    if lang == "id":
        roots = site_roots(texts, dictionary())

    docs = [{name: field_terms(name, items, lang, roots) for name, items in f.items()} for f in fields]
    tables = word_tables(lang)
    parent = parents(sections)
    postings_ = postings(docs)
    vocab = {term for term in postings_ if " " not in term}
    index = {
        "version": wire.VERSION,
        "lang": lang,
        "words": {
            k: sorted(v) if isinstance(v, frozenset) else v for k, v in asdict(tables).items() if k not in BUILD_ONLY
        },
        **engine_rules(),
        "docs": [
            [s.href, s.title, s.page_title if s.page_title != s.title else "", up]
            for s, up in zip(sections, parent, strict=True)
        ],
        "terms": {term: [x for row in rows for x in row] for term, rows in postings_.items()},
        "protect": protected(vocab, lang, cache),
        "guides": [i for i, (s, up) in enumerate(zip(sections, parent, strict=True)) if s.flow and up == -1],
        "limits": {
            "terms": limit_terms(tables.time_limit, lang, roots),
            "docs": [i for i, s in enumerate(sections) if s.part == "facts"],
        },
    }
    index["common"] = doc_numbers(index["docs"], tables.common if common is None else common, "common")
    index["fallback"] = doc_numbers(index["docs"], tables.fallback if fallback is None else fallback, "fallback")
    if examples:
        index["terms"] = learn(index, examples, examples_file, cache)
    index["terms"] = to_levels(index["terms"])
    return index, [[s.line, *s.body] for s in sections]


def levels(top: int, n: int = LEVELS) -> list[int]:
    """``n`` integer scores from 1 to ``top``: every integer while the next level up by equal ratios would be less
    than one more, then by equal ratios."""
    if top <= n:
        return list(range(1, top + 1))
    for k in range(1, n):
        ratio = (top / k) ** (1 / (n - k))
        if k * ratio - k >= 1:
            return list(range(1, k + 1)) + [round(k * ratio**j) for j in range(1, n - k + 1)]
    return list(range(1, n + 1))


def to_levels(terms: dict[str, list[int]]) -> dict[str, list[int]]:
    """The postings with each score rounded to the nearest of ``levels`` (by ratio, the lower on a tie)."""
    top = max((score for rows in terms.values() for score in rows[1::2]), default=1)
    steps = levels(top)

    def near(score: int) -> int:
        at = bisect.bisect_left(steps, score)
        if at == len(steps):
            return steps[-1]
        if at == 0 or steps[at] == score:
            return steps[at]
        below, above = steps[at - 1], steps[at]
        return below if score * score <= below * above else above

    return {term: [x if i % 2 == 0 else near(x) for i, x in enumerate(rows)] for term, rows in terms.items()}


def field_terms(name: str, texts: list[str], lang: str, roots: set[str]) -> list[tuple[str, float]]:
    """A field's terms, each with how much it counts (less right after a negation); in a short field (``PAIRED``),
    each two neighbouring terms also count as one."""
    out = []
    for text in texts:
        for words in clauses(text, lang, roots):
            out += list(zip(words, negation_weights(words, lang), strict=True))
            out += [(pair, 1.0) for pair in pairs(words, lang)] if name in PAIRED else []
    return out


def engine_rules() -> dict[str, Any]:
    """The analyser's rules and the query side's and ranking's numbers, as the browser reads them (``wire``):
    typed once, here in Python."""
    return {
        "min_root": MIN_ROOT,
        "clause_end": analyser.CLAUSE_END.pattern,
        "reduplicated_word": analyser.REDUPLICATED.pattern,
        "short_stem": analyser.SHORT.pattern,
        "prefixes": {
            "plain": list(analyser.PREFIXES),
            "r": list(analyser.R_PREFIXES),
            "nasal": list(analyser.NASAL_HEADS),
            "written_nasal": list(analyser.WRITTEN_NASALS),
        },
        "prefix_traces": query.PREFIX_TRACES,
        "weights": {
            "fuzzy": query.FUZZY_WEIGHT,
            "skeleton": query.SKELETON_WEIGHT,
            "context": rank.CONTEXT,
            "self": rank.SELF,
            "per_guide": rank.PER_GUIDE,
            "long": rank.LONG,
            "long_share": rank.LONG_SHARE,
            "problem_words": rank.PROBLEM_WORDS,
        },
    }


def limit_terms(words: Iterable[str], lang: str, roots: set[str]) -> list[str]:
    """The terms that ask about a time limit ("berapa lama", "how long"), as a query's analysis makes them: one
    word, or two as their pair."""
    out = set()
    for text in words:
        for found in clauses(text, lang, roots):
            if 1 <= len(found) <= 2:
                out.add(" ".join(found))
    return sorted(out)


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
