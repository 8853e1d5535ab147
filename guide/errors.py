"""Problems with the data, and the one error that reports them: ``file:line: yaml.path what is wrong``.

List items with an ``id`` are shown by id, others by their 1-based position, so ``steps[2]`` is the
step the page numbers 2.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

YamlPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, at a YAML path; ``line`` is filled in from the node tree when absent."""

    at: YamlPath
    message: str
    line: int | None = None
    also: YamlPath | None = None  # the other place of a clash (an id given twice), named with its own line


class DataError(Exception):
    """Bad guide data. The message names the file, the line and the YAML path."""


def shown(value: Any) -> str:
    """A value from the data or a page as a message shows it: quoted, with every control character and escape
    sequence written out (``'cod\\x1b[31m'``), so a message never sends them to the terminal."""
    return repr(value if isinstance(value, str) else str(value))


def show(path: YamlPath, data: Any) -> str:
    """``('flows', 2, 'cases', 0)`` -> ``flows[cancel-order].cases[cod]``, looking ids up in data."""
    out, node = "", data
    for part in path:
        if isinstance(part, int):
            item = node[part] if isinstance(node, list) and part < len(node) else None
            ident = item.get("id") if isinstance(item, dict) else None
            out += f"[{_named(ident) if isinstance(ident, str) else part + 1}]"
        else:
            out += f".{part}" if out else str(part)
        node = node[part] if _has(node, part) else None
    return out or "(top level)"


def _named(ident: str) -> str:
    """An id as a path shows it: plain if it is a plain id, else escaped (``cases['late\\x1b[2J']``)."""
    return ident if ident.isprintable() and ident.isascii() else shown(ident)


def _has(node: Any, part: str | int) -> bool:
    if isinstance(node, dict):
        return part in node
    return isinstance(node, list) and isinstance(part, int) and part < len(node)


def report(path: Path, data: Any, lines: dict[YamlPath, int], problems: list[Problem]) -> DataError:
    """One error naming the file, the line and the YAML path of every problem."""
    rows = sorted(
        {(p.line or nearest_line(lines, p.at), show(p.at, data), _message(path, data, lines, p)) for p in problems}
    )
    text = "\n".join(f"  {path}:{line}: {where} {message}" for line, where, message in rows)
    noun = "problem" if len(rows) == 1 else "problems"
    return DataError(f"{path} has {len(rows)} {noun}:\n{text}")


def _message(path: Path, data: Any, lines: dict[YamlPath, int], problem: Problem) -> str:
    if problem.also is None:
        return problem.message
    return f"{problem.message} ({path}:{nearest_line(lines, problem.also)}: {show(problem.also, data)})"


def nearest_line(lines: dict[YamlPath, int], at: YamlPath) -> int:
    """The line of the nearest value that exists (a missing key reports its parent's line)."""
    while at not in lines and at:
        at = at[:-1]
    return lines.get(at, 1)
