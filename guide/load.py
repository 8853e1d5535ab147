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
import json
import os
from collections.abc import Collection
from pathlib import Path
from typing import Any

from . import paths
from .cache import code_version
from .errors import report
from .model import Guide, guide_from
from .rules import rule_problems
from .schema import schema_problems
from .yamlfile import read_yaml


def load_guide(
    path: Path,
    today: dt.date,
    schema: Path = paths.SCHEMA,
    pages: Collection[str] | None = None,
    cache: Path | None = None,
) -> Guide:
    """The checked guide, or a DataError listing everything wrong with it.

    Cross-checks (labels, ids, sources, links, dates, helpers, required cases) run once the file matches the
    schema. ``pages``: the names of the pages a language has; every flow must have one (None: not checked).
    ``cache``: a folder where a file that passed the reader and the schema is kept.
    """
    kept = _cache_file(path, schema, cache)
    data = _read_kept(kept)
    if data is None:
        file = read_yaml(path, "a mapping with `labels` and `flows`")
        problems = file.problems + schema_problems(file.data, schema)
        if problems:
            raise report(path, file.data, file.lines, problems)
        data = file.data
        _keep(kept, data)
    problems = rule_problems(data, today, pages)
    if problems:
        file = read_yaml(path, "a mapping with `labels` and `flows`")  # for the lines the problems are on
        raise report(path, file.data, file.lines, problems)
    return guide_from(data)


def _cache_file(path: Path, schema: Path, cache: Path | None) -> Path | None:
    if cache is None:
        return None
    try:
        digest = hashlib.sha256(code_version().encode() + path.read_bytes() + b"\0" + schema.read_bytes())
    except OSError:
        return None  # the reader says what is wrong with the file
    return cache / f"{path.stem}-{digest.hexdigest()[:20]}.json"


def _read_kept(kept: Path | None) -> Any:
    if kept is None or not kept.is_file():
        return None
    try:
        return json.loads(kept.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _keep(kept: Path | None, data: Any) -> None:
    if kept is None:
        return
    try:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return  # a value JSON cannot hold: checked again next time
    kept.parent.mkdir(parents=True, exist_ok=True)
    tmp = kept.with_name(f".{kept.name}.{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(kept)
    for old in kept.parent.glob(f"{kept.name.rsplit('-', 1)[0]}-*.json"):
        if old != kept:
            old.unlink(missing_ok=True)
