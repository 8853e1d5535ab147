"""``search/index.json``: the contract between the build (``index.build_index``) and the browser (``engine.js``).

One language's file holds (``VERSION`` changes with its shape):

- ``version``, ``lang``;
- ``docs``: the sections, each ``[href, title, parent]``, where ``parent`` is the number of the page's first
  section (-1 for that first section itself). Below it, the href is ``#`` and the element's id, on the parent's
  page, or only ``-`` and the rest when the id is the parent's id and a dash (``-profile`` below
  ``view-orders.html#view-orders``: a tenth of the docs' bytes), and the page's title is the parent's title (or
  else a fourth item). Read back (``decode``), each is
  ``[href, title, page title ("" when it is the title), parent]``, as the index holds it;
- ``terms``, ``gaps``, ``scores``: every term's postings, as three strings, each read in the same order (``encode``):
  the terms in order, joined by ``;``, each as how many letters it shares with the term before (one character of
  ``DIGITS``) and the rest; each term's docs, one character each, the gap from the one before, joined by ``;``;
  and every posting's score, one character each, its number in ``levels`` (gzip finds more in each alone);
- ``levels``: the scores the postings take (``index.LEVELS`` of them at most), smallest first;
- ``protect``: the common words never taken for a typo (``typos.protected``), front-coded (``front_code``);
- ``words``: the word tables of ``data/search/<lang>.yml`` (``words.WordTables``);
- the analyser's rules: ``min_root``, ``clause_end``, ``reduplicated_word``, ``short_stem`` (regular
  expressions, Python syntax that JavaScript reads the same) and ``prefixes`` (``analyser.PREFIXES``,
  ``R_PREFIXES``, ``NASAL_HEADS``, ``WRITTEN_NASALS``);
- the query side's and the ranking's numbers: ``prefix_traces`` (``query.PREFIX_TRACES``) and ``weights``
  (``query.FUZZY_WEIGHT``, ``SKELETON_WEIGHT``; ``rank.CONTEXT``, ``SELF``, ``PER_GUIDE``, ``LONG``, ``LONG_SHARE``,
  ``PROBLEM_WORDS``);
- ``guides``, ``limits`` (``{terms, docs}``), ``common`` and ``fallback``: sections by number, for the box.

So the browser types none of these twice. ``search/texts.json`` (each section's one-line answer and sentences,
for snippets) is a second file, loaded after the first results are shown.
"""

from __future__ import annotations

import re
from typing import Any

VERSION = 11

# A number from 0 to 64 as one character: the 66 from ``<`` to ``~`` but the backslash, so that JSON needs no escape
# and the browser reads one by its code (``engine.js`` ``digit``); the last, ``~``, adds 65 to the next one (a gap of
# 65 docs or more).
# Written first, in this order: the postings' strings, then the two front-coded lists of words side by side, where
# gzip finds more of each in the other (search/index.json 71 B smaller gzipped for id, 44 B for en; read by name).
FIRST = ("scores", "gaps", "protect", "terms")
DIGITS = "".join(chr(code) for code in range(ord("<"), ord("~") + 1) if chr(code) != "\\")
MORE = len(DIGITS) - 1


def encode(index: dict[str, Any]) -> dict[str, Any]:
    """The index as written to ``search/index.json``: the terms front-coded, each posting as two characters, its
    doc's gap from the one before and its score's number in ``levels``, in two strings (a fifth smaller, gzipped,
    than decimal ``term:gap,score`` lists)."""
    out = dict(index)
    levels = sorted({score for rows in index["terms"].values() for score in rows[1::2]})
    if len(levels) > MORE:
        raise ValueError(f"{len(levels)} different scores: the wire holds {MORE} at most (index.LEVELS)")
    number = {score: i for i, score in enumerate(levels)}
    heads, gaps, scores, before = [], [], [], ""
    for term, rows in sorted(index["terms"].items()):
        shared = 0
        while shared < min(len(term), len(before), MORE - 1) and term[shared] == before[shared]:
            shared += 1
        heads.append(DIGITS[shared] + term[shared:])
        docs, last = [], 0
        for i in range(0, len(rows), 2):
            gap = rows[i] - last
            docs += [DIGITS[MORE] * (gap // MORE), DIGITS[gap % MORE]]
            scores.append(DIGITS[number[rows[i + 1]]])
            last = rows[i]
        gaps.append("".join(docs))
        before = term
    out["terms"], out["gaps"], out["scores"] = ";".join(heads), ";".join(gaps), "".join(scores)
    out["levels"] = levels
    out["docs"] = [short_doc(doc, index["docs"]) for doc in index["docs"]]
    out["protect"] = front_code(index["protect"])
    return {**{key: out.pop(key) for key in FIRST}, **out}


def short_doc(doc: list[Any], docs: list[list[Any]]) -> list[Any]:
    """``[href, title, page title, parent]`` as written: without what its parent says (see the docstring)."""
    href, title, page, parent = doc
    if parent == -1:
        return [href, title, parent] + ([page] if page else [])
    above = docs[parent]
    here, _, target = href.partition("#")
    if href.startswith(f"{above[0]}-"):  # view-orders.html#view-orders-profile below view-orders.html#view-orders
        short = href[len(above[0]) :]
    else:
        short = f"#{target}" if here == above[0].partition("#")[0] else href
    return [short, title, parent] + ([page] if page != above[1] else [])


def long_docs(docs: list[list[Any]]) -> list[list[Any]]:
    """The inverse of ``short_doc``, for every doc: the reference for ``engine.js`` ``decodeDocs``."""
    out: list[list[Any]] = []
    for href, title, parent, *page in docs:
        above = out[parent] if parent != -1 else None
        if above and href.startswith("-"):
            href = above[0] + href
        elif above and href.startswith("#"):
            href = above[0].partition("#")[0] + href
        out.append([href, title, page[0] if page else above[1] if above else "", parent])
    return out


def front_code(words: list[str]) -> str:
    """Sorted words of letters as one string, each as how many letters (0-9) it shares with the word before, then
    the rest, the digit parting them: ``abad abadi abah`` -> ``0abad4i3h`` (a third smaller, gzipped)."""
    out, before = [], ""
    for word in words:
        if not word.isalpha():
            raise ValueError(f"{word!r}: only words of letters can be front-coded")
        n = 0
        while n < min(len(word), len(before), 9) and word[n] == before[n]:
            n += 1
        out.append(f"{n}{word[n:]}")
        before = word
    return "".join(out)


def decode(data: dict[str, Any]) -> dict[str, Any]:
    """``search/index.json`` as read: the inverse of ``encode``.

    The reference the browser engine is tested against (``engine.js`` ``decodeTerms`` and ``frontDecode``, in
    ``prepare``): the build itself never reads the file back, tests do."""
    out = dict(data)
    levels, gaps, scores = out.pop("levels"), out.pop("gaps").split(";"), out.pop("scores")
    terms: dict[str, list[int]] = {}
    before, posting = "", 0
    for n, head in enumerate(data["terms"].split(";") if data["terms"] else []):
        term = before[: DIGITS.index(head[0])] + head[1:]
        doc, rows = 0, []
        for digit in gaps[n]:
            doc += DIGITS.index(digit)
            if digit != DIGITS[MORE]:
                rows += [doc, levels[DIGITS.index(scores[posting])]]
                posting += 1
        terms[term] = rows
        before = term
    out["terms"] = terms
    out["docs"] = long_docs(data["docs"])
    out["protect"] = front_decode(data["protect"])
    return out


def front_decode(text: str) -> list[str]:
    """The inverse of ``front_code``: the reference for ``engine.js`` ``frontDecode``."""
    out: list[str] = []
    for chunk in re.findall(r"[0-9][^0-9]*", text):
        out.append((out[-1][: int(chunk[0])] if out else "") + chunk[1:])
    return out
