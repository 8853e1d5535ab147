"""Keep what the Markdown docs show from the code true: write it from the code, or check it (FastAPI's way).

python -m scripts.docs [--check]

A generated part of a doc sits between ``<!-- generated: NAME -->`` and ``<!-- end: NAME -->``; this script writes
it again from the code and the data. With --check it writes nothing and exits 1 if a part is out of date
(tests/unit/test_docs.py runs the check, so a stale doc fails the tests with the command that fixes it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from guide import paths
from guide.errors import DataError
from guide.load import load_guide
from guide.yamlfile import read_yaml

DOCS = ("README.md", "EDITING.md", "CONTRIBUTING.md", "benchmarks/README.md")
PART = re.compile(r"(<!-- generated: ([\w-]+) -->\n)(.*?)(<!-- end: \2 -->)", re.S)

# The example of a data error: the English text of the second step of the COD case of the cancel guide, emptied.
EXAMPLE_STEP = ("cancel-order", "cases", "cod", 2, "en")


def error_example() -> str:
    """What `make build` prints when that text is emptied in a copy of data/steps.yaml: a real run, not typed."""
    flow_id, kind, group_id, number, lang = EXAMPLE_STEP
    file = read_yaml(paths.GUIDE_DATA, "the guide")
    flows = file.data["flows"]
    f = next(i for i, flow in enumerate(flows) if flow["id"] == flow_id)
    g = next(i for i, group in enumerate(flows[f][kind]) if group["id"] == group_id)
    at = ("flows", f, kind, g, "steps", number - 1, "text", lang)
    line = file.lines[at]
    lines = paths.GUIDE_DATA.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[line - 1] = re.sub(rf"{lang}:.*", f'{lang}: ""', lines[line - 1], count=1)
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "steps.yaml"
        copy.write_text("".join(lines), encoding="utf-8")
        try:
            load_guide(copy, dt.date.today())
        except DataError as exc:
            said = str(exc).replace(str(copy), "data/steps.yaml")
        else:
            raise SystemExit(f"emptying {'.'.join(map(str, at))} gave no error: choose another example")
    return f"```\n{said}\n```\n"


GENERATED: dict[str, Callable[[], str]] = {"error-example": error_example}


def regenerate(text: str) -> str:
    """The doc with every generated part written again."""

    def part(found: re.Match[str]) -> str:
        name = found[2]
        if name not in GENERATED:
            raise SystemExit(f"unknown generated part {name!r} (known: {', '.join(GENERATED)})")
        return found[1] + GENERATED[name]() + found[4]

    return PART.sub(part, text)


def stale() -> list[str]:
    """The docs whose generated parts are out of date."""
    out = []
    for name in DOCS:
        path = paths.ROOT / name
        if path.exists() and regenerate(text := path.read_text(encoding="utf-8")) != text:
            out.append(name)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a doc is out of date")
    args = parser.parse_args(argv)
    if args.check:
        if found := stale():
            print(f"out of date: {', '.join(found)} (run: .venv/bin/python -m scripts.docs)", file=sys.stderr)
            return 1
        return 0
    for name in DOCS:
        path = paths.ROOT / name
        if path.exists():
            path.write_text(regenerate(path.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
