"""Each language's interface words ("Langkah"/"Step", "atau"/"or", month names): ``data/ui/<lang>.yml``.

Every file has the keys of the reference language's file, each a text, except ``months``: twelve texts.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from . import paths
from .errors import Problem, report
from .languages import language, reference
from .yamlfile import YamlFile, read_yaml

LISTS = {"months": 12}  # the keys that hold a list of texts, and how many
MAX_TEXT = 300  # characters of one interface text: the longest is about 110, and each is printed on many pages
MAX_BYTES = 256 * 1024  # the files are about 4 KB


@functools.cache
def load_ui(lang: str, folder: Path = paths.UI_DIR) -> dict[str, Any]:
    """The checked interface words of one language."""
    code = language(lang).code
    path = folder / f"{code}.yml"
    file = _read(path)
    ref = _read(folder / f"{reference().code}.yml").data if code != reference().code else file.data
    other = f"{reference().code}.yml"
    problems = [Problem((), f"has no key '{key}', which {other} has") for key in sorted(set(ref) - set(file.data))]
    problems += [
        Problem((key,), f"is not a key of {other} (every language has the same keys)")
        for key in sorted(set(file.data) - set(ref))
    ]
    if problems:
        raise report(path, file.data, file.lines, problems)
    return file.data


def _read(path: Path) -> YamlFile:
    file = read_yaml(path, "a mapping of interface words", limit=MAX_BYTES)
    problems = list(file.problems)
    for key, value in file.data.items():
        problems += _value_problems(key, value)
    if problems:
        raise report(path, file.data, file.lines, problems)
    return file


def _value_problems(key: str, value: Any) -> list[Problem]:
    if key in LISTS:
        size = LISTS[key]
        if not isinstance(value, list) or len(value) != size or not all(_is_text(v) for v in value):
            return [Problem((key,), f"needs {size} names, each a text")]
        if any(len(v) > MAX_TEXT for v in value):
            return [Problem((key,), f"has a name longer than {MAX_TEXT} characters")]
        return []
    if not isinstance(value, str):
        return [Problem((key,), "should be a text")]
    if len(value) > MAX_TEXT:
        return [Problem((key,), f"is {len(value)} characters long; an interface text may be at most {MAX_TEXT}")]
    return [] if value.strip() else [Problem((key,), "is empty")]


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())
