"""The site's languages, from the one table in ``data/languages.yml``.

The first language is the reference: its site is the root, the app's own labels are in it, and the
other languages' interface words and texts are checked against it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import paths
from .errors import DataError, Problem, report
from .yamlfile import read_yaml


@dataclass(frozen=True)
class Language:
    code: str  # as in <html lang> and in the {id: …, en: …} texts
    name: str  # in its own language, for the language switch
    short: str  # the switch's visible text ("EN"); `name` is its accessible name
    prefix: str  # its folder under the site's address: "" for the root, else "en/"
    config: str  # its MkDocs config file, relative to the project
    docs: str  # its pages, relative to the project
    locale: str  # for link previews (Open Graph)


FIELDS = {
    "code": re.compile(r"[a-z]{2,3}"),
    "name": re.compile(r"\S.*"),
    "short": re.compile(r"[A-Z]{2,3}"),
    "prefix": re.compile(r"(|[a-z]{2,3}/)"),
    "config": re.compile(r"[\w.-]+\.yml"),
    "docs": re.compile(r"docs/[a-z]{2,3}"),
    "locale": re.compile(r"[a-z]{2,3}_[A-Z]{2}"),
}


@functools.cache
def languages(path: Path = paths.LANGUAGES) -> tuple[Language, ...]:
    """Every language of the site, the reference first; a bad table is a DataError naming its line."""
    file = read_yaml(path, "a list of languages", yaml.SequenceNode)
    rows, problems = file.data, list(file.problems)
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            problems.append(Problem((i,), f"should be a mapping of {', '.join(FIELDS)}"))
            continue
        problems += _row_problems(row, i)
    if not problems:
        problems += _table_problems(rows)
    if not problems:
        problems += _file_problems(rows, path.resolve().parent.parent)
    if problems:
        raise report(path, rows, file.lines, problems)
    return tuple(Language(**row) for row in rows)


def _row_problems(row: dict[str, object], i: int) -> list[Problem]:
    found = [Problem((i, key), "is missing") for key in FIELDS if key not in row]
    found += [
        Problem((i, key), f"is not a known field (known: {', '.join(FIELDS)})") for key in row if key not in FIELDS
    ]
    for key, pattern in FIELDS.items():
        value = row.get(key)
        if key in row and not (isinstance(value, str) and pattern.fullmatch(value)):
            found.append(Problem((i, key), f"is not valid: {value!r}"))
    return found


def _table_problems(rows: list[dict[str, str]]) -> list[Problem]:
    found: list[Problem] = []
    for key in ("code", "prefix", "config", "docs"):
        seen: set[str] = set()
        for i, row in enumerate(rows):
            if row[key] in seen:
                found.append(Problem((i, key), f"repeats '{row[key]}'"))
            seen.add(row[key])
    if rows[0]["prefix"] != "":
        found.append(Problem((0, "prefix"), "must be empty: the first language is the site's root"))
    found += [Problem((i, "prefix"), "must be the code and a slash") for i, r in enumerate(rows[1:], 1)
              if r["prefix"] != f"{r['code']}/"]  # fmt: skip
    return found


def _file_problems(rows: list[dict[str, str]], project: Path) -> list[Problem]:
    """Each config is a file and each docs folder a folder of the project (the table's ``data/``'s parent),
    inside it once links are followed."""
    found = []
    for i, row in enumerate(rows):
        for key, kind, exists in (("config", "file", Path.is_file), ("docs", "folder", Path.is_dir)):
            where = project / row[key]
            if not exists(where):
                found.append(Problem((i, key), f"names {row[key]}, which is not a {kind} of the project ({project})"))
            elif not where.resolve().is_relative_to(project):
                found.append(Problem((i, key), f"names {row[key]}, which leads out of the project"))
    return found


def codes() -> tuple[str, ...]:
    return tuple(lang.code for lang in languages())


def reference() -> Language:
    return languages()[0]


def language(code: str) -> Language:
    """The language with this code, or a DataError listing the ones the site has."""
    for lang in languages():
        if lang.code == code:
            return lang
    raise DataError(f"unknown language '{code}' (known: {', '.join(codes())})")
