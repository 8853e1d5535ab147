"""Two problems in one query: does each problem's section reach the first three results?

Reads a two-problem set (``lang<TAB>query<TAB>expected-A<TAB>expected-B``, ``|`` between accepted answers) and
searches a built site's own index with the Python engine, which the Node parity tests hold equal to the box's
engine.js result for result. Prints, per language: the share whose first result answers one of the two
problems, and the share with BOTH problems answered in the first three. Sections that moved since the set was
written count as the set expects (benchmarks/moved-sections.tsv).

    .venv/bin/python -m benchmarks.two_problems --site site benchmarks/queries-two-problems-12.tsv
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from benchmarks.search_quality import LANG_PREFIX, is_hit, section_map
from guide.errors import DataError
from guide.paths import ROOT
from guide.search.queries import LabelledQuery, read_moves, with_moves
from guide.search.query import Resolver
from guide.search.rank import search
from guide.search.wire import decode


def read_pairs(path: Path) -> list[tuple[str, str, list[tuple[str, ...]]]]:
    rows = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = raw.split("\t")
        if len(parts) != 4 or parts[0] not in LANG_PREFIX or not all(p.strip() for p in parts[1:]):
            raise DataError(f"{path}:{n}: expected 'lang<TAB>query<TAB>expected-A<TAB>expected-B'")
        rows.append((parts[0], parts[1].strip(), [tuple(p.strip().split("|")) for p in parts[2:]]))
    return rows


def rank(found: list[str], query: LabelledQuery, pages: dict, prefix: str) -> int | None:
    """The place of the first result inside one of the query's expected sections (search_quality's own test of a
    hit, on the language's folder), or None."""
    base = f"http://site/{prefix}"
    return next((i for i, href in enumerate(found) if is_hit(href, query, base, pages)), None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("queries", type=Path)
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="a built site (default: site/)")
    parser.add_argument("--misses", action="store_true", help="list the queries that miss")
    args = parser.parse_args(argv)
    try:
        rows = read_pairs(args.queries)
        moves = read_moves(ROOT / "benchmarks" / "moved-sections.tsv")
    except DataError as error:
        sys.exit(str(error))
    pages = section_map(args.site)
    for lang, prefix in LANG_PREFIX.items():
        mine = [r for r in rows if r[0] == lang]
        if not mine:
            continue
        index = decode(json.loads((args.site / prefix / "search" / "index.json").read_text(encoding="utf-8")))
        resolver = Resolver(index)
        first = both = 0
        for _, text, wanted in mine:
            found = [href for href, _ in search(index, text, resolver)]

            ranks = [rank(found, LabelledQuery(lang, text, with_moves(e, moves), 0), pages, prefix) for e in wanted]
            first += any(r == 0 for r in ranks)
            ok = all(r is not None and r < 3 for r in ranks)
            both += ok
            if args.misses and not ok:
                print(f"  miss [{lang}] {text!r}: ranks {ranks}; first {found[:3]}")
        n = len(mine)
        print(f"{args.queries.name} [{lang}] {n} queries: first result answers one {first / n:.1%}; "
              f"both in the first three {both / n:.1%}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
