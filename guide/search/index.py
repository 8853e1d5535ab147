"""The index one language's site loads (``search/index.json``): its sections, each term's weighted postings,
and the word tables and roots the browser's analyser needs."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import asdict
from typing import Any

from .analyser import CLAUSE_END, REDUPLICATED, clauses, dictionary, negation_weights, pairs, site_roots
from .sections import Section
from .words import MIN_ROOT, word_tables

INDEX_VERSION = 3

# How much a word counts where it is found. A section's own keywords and heading count most.
BOOST = {"title": 3.0, "keywords": 3.0, "page": 1.0, "flow_keywords": 2.0, "summary": 2.0, "body": 1.0}
# BM25: how fast repeats stop counting, and how much a long section is discounted. A heading word already counts 3
# times (BOOST), so repeats stop counting 3 times later than BM25's usual 1.2: a section whose heading, keywords
# and steps all say "paid" is told apart from one that says it once in passing.
K1, B = 3.6, 0.75
# Fields whose neighbouring words also count as pairs: the short ones, where a pair is a phrase.
PAIRED = frozenset({"title", "keywords", "page", "flow_keywords"})


def section_fields(section: Section) -> dict[str, list[str]]:
    """The texts of a section, by field; each keyword is a text of its own.

    A flow's keywords count for every section of the flow, so they should be words for the whole guide: a word
    that names one section ("cod", "refuse parcel") belongs in that section's keywords, or every case of the flow
    has it and they cannot be told apart.

    A flow's summary describes all its sections ("…, and how to reach customer service"), so it counts like the
    flow's keywords, for each of them: it does not make the introduction the answer to what one section says.
    Its neighbouring words are not paired: it lists the sections, and "unpaid, paid" is not a phrase.
    """
    return {
        "title": [section.title],
        "keywords": list(section.keywords),
        "page": [section.page_title] if section.page_title != section.title else [],
        "flow_keywords": list(section.flow_keywords),
        "summary": [section.summary] if section.summary else [],
        "body": section.body,
    }


def build_index(sections: list[Section], lang: str) -> dict[str, Any]:
    """The index one language's site loads: its sections, each term's weighted postings, and the word tables."""
    fields = [section_fields(s) for s in sections]
    roots: set[str] = set()
    if lang == "id":
        roots = site_roots((text for f in fields for texts in f.values() for text in texts), dictionary())

    def terms(name: str, texts: list[str]) -> list[tuple[str, float]]:
        out = []
        for text in texts:
            for words in clauses(text, lang, roots):
                out += list(zip(words, negation_weights(words, lang), strict=True))
                out += [(pair, 1.0) for pair in pairs(words, lang)] if name in PAIRED else []
        return out

    docs = [{name: terms(name, texts) for name, texts in f.items()} for f in fields]
    tables = asdict(word_tables(lang))
    return {
        "version": INDEX_VERSION,
        "lang": lang,
        "words": {key: sorted(value) if isinstance(value, frozenset) else value for key, value in tables.items()},
        "min_root": MIN_ROOT,
        "clause_end": CLAUSE_END.pattern,
        "reduplicated_word": REDUPLICATED.pattern,
        "roots": sorted(roots),
        "docs": [
            [s.href, s.title, s.page_title if s.page_title != s.title else "", s.body, parent]
            for s, parent in zip(sections, parents(sections), strict=True)
        ],
        "terms": postings(docs),
    }


def parents(sections: list[Section]) -> list[int]:
    """For each section, the index of its page's first section (-1 for that first section itself)."""
    first: dict[str, int] = {}
    out = []
    for i, section in enumerate(sections):
        out.append(first.setdefault(section.page, i) if section.page in first else -1)
        first.setdefault(section.page, i)
    return out


def postings(docs: list[dict[str, list[tuple[str, float]]]]) -> dict[str, list[list[float]]]:
    """BM25F: term -> [[doc, score], …], best first, scores rounded to keep the file small.

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
    out: dict[str, list[list[float]]] = {}
    for i, counts in enumerate(weighted):
        for term, tf in counts.items():
            idf = math.log(1 + (n - df[term] + 0.5) / (df[term] + 0.5))
            out.setdefault(term, []).append([i, round(idf * tf * (K1 + 1) / (tf + K1), 3)])
    return {term: sorted(rows, key=lambda r: -r[1]) for term, rows in sorted(out.items())}
