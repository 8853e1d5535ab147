"""The index's weights, learned from how buyers ask: ``data/search/examples-<lang>.tsv`` holds queries as buyers
typed them, each with the section that answers it.

BM25F weighs a word by where the site writes it, which cannot tell two sections apart that use the same words
("refund" is in the refund guide and in the returns guide), nor know that buyers who say "dana belum masuk" mean
the refund that is late. So the weights are then corrected, example by example, as a perceptron does: where an
example's own section is not clearly first, each of its terms counts a little more in that section, and a little
less in the section that came first instead. Only the site's own terms are weighed: no word of an example is
added to the index, so the examples teach how much the site's words tell, and a way of asking that reaches the
same terms is helped too. The result is still BM25F's postings, so the browser ranks as before, with nothing new
to load or run.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import paths
from ..errors import DataError
from ..paths import shown
from ..yamlfile import text_problems
from .query import Resolver
from .rank import order, scores

# With each of holdout-6 to 10 left out of the examples in turn, 5 passes and a margin of 2 scored 0.5 (id) and 0.2 (en)
# higher, and made the Indonesian search data 0.7 KB larger, over its 30 KB: every setting tried was within 1.6.
EPOCHS = 3  # passes over the examples
STEP = 10  # how much one correction moves a term's posting: 1.0 of score (postings are SCALE = 10 times it)
MARGIN = 1.5  # an example is corrected until its section leads the next by this much
MAX_QUERY = 200  # characters
SHAPE = "an example is a query, a tab, and the id of its section"


@dataclass(frozen=True)
class Example:
    text: str
    targets: tuple[str, ...]  # element ids; the first answers it, any of them is right
    line: int


def examples_path(lang: str, folder: Path = paths.SEARCH_WORDS) -> Path:
    return folder / f"examples-{lang}.tsv"


def read_examples(lang: str, folder: Path = paths.SEARCH_WORDS) -> list[Example]:
    """The language's examples; none when it has no file. A line that is not ``query<TAB>id`` stops the build."""
    path = examples_path(lang, folder)
    if not path.is_file():
        return []
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise DataError(f"{shown(path)}: is not UTF-8 ({error.reason} at byte {error.start})") from None
    out: list[Example] = []
    seen: dict[str, int] = {}
    problems = []
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = raw.split("\t")
        query = fields[0].strip()
        problem = (
            f"has {len(fields)} field{'' if len(fields) == 1 else 's'}; {SHAPE}" if len(fields) != 2
            else "has no query" if not query
            else f"has a query of {len(query)} characters; at most {MAX_QUERY}" if len(query) > MAX_QUERY
            else next((found.message for found in text_problems(raw.replace("\t", " "))), None)
            or (f"repeats the query of line {seen[query.casefold()]}" if query.casefold() in seen else None)
        )  # fmt: skip
        targets = tuple(t.strip() for t in fields[1].split("|")) if len(fields) == 2 else ()
        if problem is None and not all(targets):
            problem = "has an empty section id"
        if problem:
            problems.append(f"{shown(path)}:{number}: the example {problem}")
            continue
        seen[query.casefold()] = number
        out.append(Example(query, targets, number))
    if problems:
        raise DataError("\n".join(problems))
    return out


def check_targets(examples: Iterable[Example], docs: list[list[Any]], path: str) -> None:
    """Every example names sections this site has; a renamed or removed section is named with its lines."""
    have = {doc[0].partition("#")[2] for doc in docs}
    problems = [
        f"{path}:{example.line}: `{target}` is not the id of a search section of this site"
        for example in examples
        for target in example.targets
        if target not in have
    ]
    if problems:
        some = ", ".join(sorted(have)[:6])
        raise DataError("\n".join(problems) + f"\n(the sections' ids are the headings' ids, such as {some}, …)")


def learn(
    index: dict[str, Any], examples: list[Example], path: str = "examples", cache: Path | None = None
) -> dict[str, list[int]]:
    """The index's postings (``{term: [doc, score, …]}``), corrected by the examples; the same terms as before."""
    check_targets(examples, index["docs"], path)
    docs = index["docs"]
    by_target = {doc[0].partition("#")[2]: n for n, doc in enumerate(docs)}
    post = {term: dict(zip(rows[::2], rows[1::2], strict=True)) for term, rows in index["terms"].items()}
    floor = {(term, doc): 1 for term, rows in post.items() for doc in rows}  # a posting BM25F gave stays, however small
    resolver = Resolver(index)
    prepared = []
    for example in examples:
        right: set[int] = set()
        for target in example.targets:
            n = by_target[target]
            right.add(n)
            if docs[n][3] == -1:  # a page's first section stands for the page: any of its sections answers
                right |= {m for m, doc in enumerate(docs) if doc[3] == n}
        terms = [term for term in resolver.looked_up(example.text) if term.text in post]
        if terms:
            prepared.append((example, terms, right))

    flat: dict[str, list[int]] = {}  # each term's postings as rank reads them, made again when they change

    def lookup(term: str) -> list[int]:
        if term not in flat:
            flat[term] = flatten(post.get(term, {}))
        return flat[term]

    for epoch in range(EPOCHS):  # in an order of their own each pass, the same on every machine
        prepared.sort(key=lambda row: zlib.crc32(f"{epoch}\t{row[0].text}".encode()))
        for example, terms, right in prepared:
            final = scores(index, terms, lookup)
            own, rival = best(final, right)
            if rival is None or (own is not None and round(final[own], 3) > round(final[rival], 3) * MARGIN):
                continue
            good = own if own is not None else by_target[example.targets[0]]
            bad = rival
            for term in terms:
                change = round(STEP * term.weight)
                rows = post[term.text]
                rows[good] = rows.get(good, 0) + change
                rows[bad] = max(floor.get((term.text, bad), 0), rows.get(bad, 0) - change)
                flat.pop(term.text, None)
    return {term: flatten(rows) for term, rows in post.items()}


def flatten(rows: dict[int, int]) -> list[int]:
    """A term's postings as the index holds them: ``[doc, score, …]`` by doc, those that still count."""
    return [x for doc in sorted(rows) if rows[doc] > 0 for x in (doc, rows[doc])]


def best(final: dict[int, float], right: set[int]) -> tuple[int | None, int | None]:
    """The first of the right sections and the first of the others, in the browser's order (``order``)."""
    found: dict[bool, tuple[tuple[int, int], int]] = {}
    for doc in final:
        key, mine = order(final, doc), doc in right
        if mine not in found or key < found[mine][0]:
            found[mine] = key, doc
    return (found[True][1] if True in found else None), (found[False][1] if False in found else None)
