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

Learning scores every example three times over (about 10,000 rankings in Indonesian). After an edit, the build
scores again only the examples the edit can change, and replays every other correction from the last build's
record (``.cache/search/learned-<lang>.json``): the postings come out the same as learning from nothing, which
the tests check on edits of every kind, and an edit to one step rebuilds in seconds (benchmarks/build_time.py).
"""

from __future__ import annotations

import json
import os
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import paths
from ..cache import cached, code_version
from ..errors import DataError
from ..paths import shown
from ..yamlfile import read_text, text_problems
from .query import Resolver, Term
from .rank import order, scores

# With each of holdout-6 to 10 left out of the examples in turn, 5 passes and a margin of 2 scored 0.5 (id) and 0.2 (en)
# higher, and made the Indonesian search data 0.7 KB larger, over its 30 KB: every setting tried was within 1.6.
EPOCHS = 3  # passes over the examples
STEP = 10  # how much one correction moves a term's posting: 1.0 of score (postings are SCALE = 10 times it)
MARGIN = 1.5  # an example is corrected until its section leads the next by this much
MAX_QUERY = 200  # characters
MAX_EXAMPLES = 20_000  # a language has about 3,000; the build learns from each, in time that grows with them
MAX_EXAMPLES_BYTES = 2 * 1024 * 1024  # about 0.2 MB now
SHAPE = "an example is a query, a tab, and the id of its section"


@dataclass(frozen=True)
class Example:
    text: str
    targets: tuple[str, ...]  # element ids; the first answers it, any of them is right
    line: int


def examples_path(lang: str, folder: Path = paths.SEARCH_WORDS) -> Path:
    return folder / f"examples-{lang}.tsv"


def read_examples(lang: str, folder: Path = paths.SEARCH_WORDS, cache: Path | None = None) -> list[Example]:
    """The language's examples; none when it has no file. A line that is not ``query<TAB>id`` stops the build.
    ``cache``: a folder where the examples of a file that passed are kept, under a key of its text."""
    path = examples_path(lang, folder)
    if not path.is_file():
        return []
    text = read_text(path, MAX_EXAMPLES_BYTES)
    rows = cached(cache, f"examples-{lang}", text, lambda: [vars(e) for e in parse_examples(text, path)])
    return [Example(row["text"], tuple(row["targets"]), row["line"]) for row in rows]


def parse_examples(text: str, path: Path) -> list[Example]:
    """The examples of a file's ``text``, checked line by line; every bad line is named at once."""
    numbers = [n for n, raw in enumerate(text.splitlines(), 1) if raw.strip() and not raw.startswith("#")]
    if len(numbers) > MAX_EXAMPLES:
        raise DataError(
            f"{shown(path)}:{numbers[MAX_EXAMPLES]}: is example {MAX_EXAMPLES + 1} of {len(numbers)}; at most "
            f"{MAX_EXAMPLES} (the build learns from each, so more would make every build slow): keep the ones buyers "
            "really ask"
        )
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
    """The index's postings (``{term: [doc, score, …]}``), corrected by the examples; the same terms as before.

    ``cache``: a folder where what this run did is kept (``Record``), so that the next run after an edit scores
    again only the examples the edit can change, and takes every other correction as it was: the result is the
    same as learning from nothing (``Replay``)."""
    check_targets(examples, index["docs"], path)
    docs = index["docs"]
    by_target = {doc[0].partition("#")[2]: n for n, doc in enumerate(docs)}
    post = {term: dict(zip(rows[::2], rows[1::2], strict=True)) for term, rows in index["terms"].items()}
    floor = {(term, doc): 1 for term, rows in post.items() for doc in rows}  # a posting BM25F gave stays, however small
    prepared = prepare(index, examples, by_target)
    record = Record.start(index, prepared)
    replay = Replay.of(Record.read(cache, index["lang"]), record)
    flat: dict[str, list[int]] = {}  # each term's postings as rank reads them, made again when they change

    def lookup(term: str) -> list[int]:
        if term not in flat:
            flat[term] = flatten(post.get(term, {}))
        return flat[term]

    for epoch in range(EPOCHS):  # in an order of their own each pass, the same on every machine
        prepared.sort(key=lambda row: zlib.crc32(f"{epoch}\t{row[0].text}".encode()))
        for example, terms, right in prepared:
            decision = replay.decision(epoch, example.text, terms, right) if replay else UNKNOWN
            if decision is UNKNOWN:
                decision = correction(index, terms, right, lookup, by_target[example.targets[0]])
                if replay:
                    replay.computed(terms, decision)
            record.passes[epoch].append([record.number[example.text], *(decision or ())])
            if decision is not None:
                correct(post, floor, terms, *decision)
                for term in terms:
                    flat.pop(term.text, None)
        if replay:
            replay.end_pass(epoch)
    record.write(cache)
    return {term: flatten(rows) for term, rows in post.items()}


Prepared = list[tuple[Example, list[Term], set[int]]]
UNKNOWN: Any = object()  # a decision that has to be made by scoring


def prepare(index: dict[str, Any], examples: list[Example], by_target: dict[str, int]) -> Prepared:
    """Each example with the site's terms its query looks up, and the sections that answer it: its own, or, for a
    page's first section, any section of the page. An example that reaches no term of the site is left out."""
    docs = index["docs"]
    resolver = Resolver(index)
    prepared = []
    for example in examples:
        right: set[int] = set()
        for target in example.targets:
            n = by_target[target]
            right.add(n)
            if docs[n][3] == -1:  # a page's first section stands for the page: any of its sections answers
                right |= {m for m, doc in enumerate(docs) if doc[3] == n}
        terms = [term for term in resolver.looked_up(example.text) if term.text in index["terms"]]
        if terms:
            prepared.append((example, terms, right))
    return prepared


def correct(
    post: dict[str, dict[int, int]], floor: dict[tuple[str, int], int], terms: list[Term], good: int, bad: int
) -> None:
    """Each term counts more in the ``good`` section and less in the ``bad`` one, by ``STEP`` times its weight; a
    posting BM25F gave never goes below ``floor``."""
    for term in terms:
        change = round(STEP * term.weight)
        rows = post[term.text]
        rows[good] = rows.get(good, 0) + change
        rows[bad] = max(floor.get((term.text, bad), 0), rows.get(bad, 0) - change)


def correction(
    index: dict[str, Any], terms: list[Term], right: set[int], lookup: Callable[[str], list[int]], first: int
) -> tuple[int, int] | None:
    """``(good, bad)``: the section whose postings of these terms go up and the one whose go down, or None when the
    example's section already leads the next by ``MARGIN`` (``first``: its own section, if none of them shows)."""
    final = scores(index, terms, lookup)
    own, rival = best(final, right)
    if rival is None or (own is not None and round(final[own], 3) > round(final[rival], 3) * MARGIN):
        return None
    return (own if own is not None else first), rival


@dataclass
class Record:
    """What one learning run did, kept in ``.cache/search/learned-<lang>.json``: the sections and BM25F's
    postings it began from, each example's terms and sections, and each pass's corrections in order."""

    lang: str
    version: list[Any]
    docs: list[list[Any]]  # [href, parent] of each section
    initial: dict[str, list[int]]
    examples: list[list[Any]]  # [query, [[term, weight], …], [right section, …]]
    passes: list[list[list[int]]]  # per pass, in order: [example's number] or [its number, good, bad]
    number: dict[str, int] = field(default_factory=dict)  # query -> its number in ``examples``

    def __post_init__(self) -> None:
        self.number = {row[0]: n for n, row in enumerate(self.examples)}

    @classmethod
    def start(cls, index: dict[str, Any], prepared: Prepared) -> Record:
        examples = [[e.text, said(terms), sorted(right)] for e, terms, right in prepared]
        docs = [[doc[0], doc[3]] for doc in index["docs"]]
        return cls(index["lang"], version(), docs, index["terms"], examples, [[] for _ in range(EPOCHS)])

    @classmethod
    def read(cls, cache: Path | None, lang: str) -> Record | None:
        """The last run's record, when there is one and this code made it."""
        try:
            data = json.loads((cache / f"learned-{lang}.json").read_text(encoding="utf-8")) if cache else None
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("version") != version():
            return None
        return cls(lang, data["version"], data["docs"], data["initial"], data["examples"], data["passes"])

    def write(self, cache: Path | None) -> None:
        if cache is None:
            return
        cache.mkdir(parents=True, exist_ok=True)
        path = cache / f"learned-{self.lang}.json"
        tmp = cache / f".{path.name}.{os.getpid()}"
        fields = ("version", "docs", "initial", "examples", "passes")
        tmp.write_text(json.dumps({name: getattr(self, name) for name in fields}, separators=(",", ":")), "utf-8")
        tmp.replace(path)


class Replay:
    """The last run, replayed where it must give the same: an example is scored again only when its terms or
    sections changed, or when one of its terms' postings may differ from the last run's at that point ("dirty").

    A term is dirty from the start when BM25F gave it other postings, and becomes dirty when a correction of it
    was made in one run and not the other (an example added, removed, or deciding otherwise). An example whose
    terms are all clean sees the same postings as last time, so it scores the same and makes the same correction,
    which keeps its terms clean: so the postings come out the same as learning from nothing. Anything else (other
    sections, another order) and every example is scored."""

    def __init__(self, before: Record, now: Record) -> None:
        self.before = before
        terms = before.initial.keys() | now.initial.keys()
        self.dirty = {term for term in terms if before.initial.get(term) != now.initial.get(term)}
        self.at = [0] * EPOCHS  # per pass: the next of the last run's steps
        self.order = [{row[0]: n for n, row in enumerate(steps)} for steps in before.passes]
        self.trusted = True
        self.last: list[Any] | None = None  # the last run's [terms, right, correction] of the example being decided

    @classmethod
    def of(cls, before: Record | None, now: Record) -> Replay | None:
        if before is None or before.docs != now.docs or len(before.passes) != EPOCHS:
            return None
        return cls(before, now)

    def decision(self, epoch: int, text: str, terms: list[Term], right: set[int]) -> Any:
        """The last run's correction for this example, when it must be the same; else ``UNKNOWN``."""
        self.last = None
        n = self.before.number.get(text)
        step = self.order[epoch].get(n) if n is not None else None
        if not self.trusted or step is None:
            return UNKNOWN
        if step < self.at[epoch]:
            self.trusted = False  # another order: score every example from here on
            return UNKNOWN
        for skipped in range(self.at[epoch], step):  # examples the last run had here, and this one has not
            self.passed(self.before.passes[epoch][skipped])
        self.at[epoch] = step + 1
        _, was_terms, was_right = self.before.examples[n]
        row = self.before.passes[epoch][step]
        self.last = [was_terms, was_right, tuple(row[1:]) or None]
        if was_terms == said(terms) and was_right == sorted(right) and not any(t.text in self.dirty for t in terms):
            return self.last[2]
        return UNKNOWN

    def computed(self, terms: list[Term], decision: tuple[int, int] | None) -> None:
        """An example was scored: where its correction differs from the last run's, both runs' terms are dirty."""
        last = self.last
        if last is not None and last[0] == said(terms) and last[2] == decision:
            return  # the same correction of the same terms: each stays as clean, or as dirty, as it was
        if last is not None and last[2] is not None:
            self.dirty |= {term for term, _ in last[0]}
        if decision is not None:
            self.dirty |= {term.text for term in terms}

    def passed(self, step: list[int]) -> None:
        if len(step) > 1:  # it corrected its terms
            self.dirty |= {term for term, _ in self.before.examples[step[0]][1]}

    def end_pass(self, epoch: int) -> None:
        for step in self.before.passes[epoch][self.at[epoch] :]:
            self.passed(step)


def said(terms: list[Term]) -> list[list[Any]]:
    return [[term.text, term.weight] for term in terms]


def version() -> list[Any]:
    return [code_version(), EPOCHS, STEP, MARGIN]


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
