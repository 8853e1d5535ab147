"""Read and check the guide's data: ``data/steps.yaml`` -> schema -> rules -> the typed ``model.Guide``.

Every problem becomes a DataError whose lines read
``data/steps.yaml:123: flows[cancel-order].cases[cod].steps[2].text.en is empty``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from pathlib import Path

from . import paths
from .errors import report
from .model import Guide, guide_from
from .rules import rule_problems
from .schema import schema_problems
from .yamlfile import read_yaml


def load_guide(path: Path, today: dt.date, schema: Path = paths.SCHEMA, pages: Collection[str] | None = None) -> Guide:
    """The checked guide, or a DataError listing everything wrong with it.

    Cross-checks (labels, ids, sources, links, dates, helpers, required cases) run once the file matches the
    schema. ``pages``: the names of the pages a language has; every flow must have one (None: not checked).
    """
    file = read_yaml(path, "a mapping with `labels` and `flows`")
    problems = file.problems + schema_problems(file.data, schema)
    if not problems:
        problems = rule_problems(file.data, today, pages)
    if problems:
        raise report(path, file.data, file.lines, problems)
    return guide_from(file.data)
