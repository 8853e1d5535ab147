"""``search/index.json``: the contract between the build (``index.build_index``) and the browser (``engine.js``).

One language's file holds (``VERSION`` changes with its shape):

- ``version``, ``lang``;
- ``docs``: the sections, each ``[href, title, page title ("" when it is the title), parent]``, where ``parent``
  is the number of the page's first section (-1 for that first section itself);
- ``terms``: every term's postings, ``term:gap,score,gap,score`` joined by ``;`` (``encode``): each doc as the
  gap from the one before, each score an integer (``index.SCALE`` times the score);
- ``protect``: the common words never taken for a typo (``typos.protected``), front-coded (``front_code``);
- ``words``: the word tables of ``data/search/<lang>.yml`` (``words.WordTables``);
- the analyser's rules: ``min_root``, ``clause_end``, ``reduplicated_word``, ``short_stem`` (regular
  expressions, Python syntax that JavaScript reads the same) and ``prefixes`` (``analyser.PREFIXES``,
  ``R_PREFIXES``, ``NASAL_HEADS``, ``WRITTEN_NASALS``);
- the query side's and the ranking's numbers: ``prefix_traces`` (``query.PREFIX_TRACES``) and ``weights``
  (``query.FUZZY_WEIGHT``, ``SKELETON_WEIGHT``; ``rank.CONTEXT``, ``SELF``);
- ``guides``, ``limits`` (``{terms, docs}``), ``common`` and ``fallback``: sections by number, for the box.

So the browser types none of these twice. ``search/texts.json`` (each section's one-line answer and sentences,
for snippets) is a second file, loaded after the first results are shown.
"""

from __future__ import annotations

from typing import Any

VERSION = 8


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


def decode(data: dict[str, Any]) -> dict[str, Any]:
    """``search/index.json`` as read: the inverse of ``encode``.

    The reference the browser engine is tested against (``engine.js`` ``decodeTerms`` and ``frontDecode``, in
    ``prepare``): the build itself never reads the file back, tests do."""
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


def front_decode(text: str) -> list[str]:
    """The inverse of ``front_code``: the reference for ``engine.js`` ``frontDecode``."""
    out: list[str] = []
    for chunk in text.split(" ") if text else []:
        out.append((out[-1][: int(chunk[0])] if out else "") + chunk[1:])
    return out
