"""Read and check the guide's data: ``data/steps.yaml`` -> schema -> rules -> the typed ``model.Guide``.

Every problem becomes a DataError whose lines read
``data/steps.yaml:123: flows[cancel-order].cases[cod].steps[2].text.en is empty``.

A file that passed the reader's and the schema's checks is kept in ``.cache/data/`` (under a key made of its
bytes, the schema's and the package's code), so a rebuild of unchanged data does not check it again; the
rules, which depend on the date and the pages, always run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Collection
from pathlib import Path
from typing import Any

from . import paths
from .cache import cached
from .errors import report
from .model import Guide, guide_from
from .page_headings import PageId
from .rules import rule_problems
from .schema import schema_problems
from .yamlfile import MAX_BYTES, read_yaml

WHAT = "a mapping with `labels` and `flows`"


def load_guide(
    path: Path,
    today: dt.date,
    schema: Path = paths.SCHEMA,
    pages: Collection[str] | None = None,
    cache: Path | None = None,
    page_ids: Collection[PageId] = (),
) -> Guide:
    """The checked guide, or a DataError listing everything wrong with it.

    Cross-checks (labels, ids, sources, links, dates, helpers, required cases) run once the file matches the
    schema. ``pages``: the names of the pages a language has; every flow must have one (None: not checked).
    ``page_ids``: the ids the pages' Markdown gives (``page_headings.read_ids``), which no guide's id may be.
    ``cache``: a folder where a file that passed the reader and the schema is kept.
    """
    key = _file_key(path, schema) if cache else ""
    data = cached(cache if key else None, path.stem, key, lambda: _schema_checked(path, schema))
    problems = rule_problems(data, today, pages, page_ids)
    if problems:
        file = read_yaml(path, WHAT)  # for the lines the problems are on
        raise report(path, file.data, file.lines, problems)
    return guide_from(data)


def _file_key(path: Path, schema: Path) -> str:
    """What the reader's and the schema's verdict depends on, besides the package's code; "" if unreadable, or
    larger than the reader reads."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return ""
        return hashlib.sha256(path.read_bytes() + b"\0" + schema.read_bytes()).hexdigest()
    except OSError:
        return ""  # the reader says what is wrong with the file


def _schema_checked(path: Path, schema: Path) -> Any:
    file = read_yaml(path, WHAT)
    problems = file.problems + schema_problems(file.data, schema)
    if problems:
        raise report(path, file.data, file.lines, problems)
    return file.data
