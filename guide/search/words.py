"""Each language's search word tables, read from ``data/search/<lang>.yml`` and checked.

The same tables go to the browser inside ``search/index.json``, so the Python analyser and
``engine.js`` cannot drift apart on them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import paths
from ..errors import DataError, Problem, YamlPath, report
from ..languages import language
from ..yamlfile import read_text, read_yaml

MIN_ROOT = 3  # shorter words are never stemmed, and no affix leaves a root shorter than this


@dataclass(frozen=True)
class WordTables:
    lang: str
    slang: dict[str, str]  # spoken or texting form -> written words ("" drops it)
    stop: frozenset[str]
    phrases: dict[str, str]  # several words -> one term ("" drops the phrase)
    negations: frozenset[str]
    question_tags: tuple[str, ...]
    keep: frozenset[str] = frozenset()  # Indonesian words that look affixed but are roots
    affixes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # Indonesian suffix groups, in order
    irregular: dict[str, str] = field(default_factory=dict)  # English word -> stem
    suffixes: tuple[str, ...] = ()  # English suffixes, in order
    joined: tuple[str, ...] = ()  # words typed joined to the next one ("gajadi"), longest first
    skeleton_exceptions: tuple[str, ...] = ()  # consonant skeletons never expanded
    joins: tuple[str, ...] = ()  # words that join two problems in one query ("rusak dan penjual tidak membalas")
    common: tuple[str, ...] = ()  # element ids of the common questions shown in an empty search box
    fallback: tuple[str, ...] = ()  # element ids offered, after every guide, when nothing matches
    parts: dict[str, tuple[str, ...]] = field(default_factory=dict)  # search words of every guide's facts, statuses
    time_limit: tuple[str, ...] = ()  # words that ask how long or until when: also words of every guide's facts


# Each key of a file: (what it must be, whether it is needed).
SHAPE: dict[str, tuple[str, bool]] = {
    "slang": ("map", True),
    "stop": ("list", True),
    "phrases": ("map", True),
    "negations": ("list", True),
    "question_tags": ("list", True),
    "keep": ("list", False),
    "affixes": ("lists", False),
    "irregular": ("map", False),
    "suffixes": ("list", False),
    "joined": ("list", False),
    "skeleton_exceptions": ("list", False),
    "joins": ("list", False),
    "common": ("list", True),
    "fallback": ("list", True),
    "parts": ("lists", False),
    "time_limit": ("list", False),
}
PARTS = frozenset({"facts", "status"})  # the parts of a guide that carry the `parts` words
# Bounds, so that nothing in a table grows with what is typed: every word and text short, every table a few
# thousand entries at most, slang a few words, a phrase a few words that it never makes longer (phrases apply in
# turn, so one that grew a text could feed the next: a chain of them turned one word into millions).
MAX_WORD = 60  # characters of a word, or of a slang or phrase text
MAX_ENTRIES = 5000  # the largest table has 134
MAX_SAID = 4  # words a slang form stands for
MAX_PHRASE = 6  # words of a phrase
MAX_TABLE_BYTES = 512 * 1024  # <lang>.yml: about 6 KB
MAX_COMMON_BYTES = 2 * 1024 * 1024  # common-<lang>.txt: about 0.12 MB


@functools.cache
def word_tables(lang: str, folder: Path = paths.SEARCH_WORDS) -> WordTables:
    """The checked word tables of one language; a bad file is a DataError naming its line."""
    code = language(lang).code
    path = folder / f"{code}.yml"
    file = read_yaml(path, "a mapping of search word tables", limit=MAX_TABLE_BYTES)
    problems = file.problems + _problems(file.data)
    if problems:
        raise report(path, file.data, file.lines, problems)
    data = file.data
    return WordTables(
        lang=code,
        slang=dict(data["slang"]),
        stop=frozenset(data["stop"]),
        phrases=dict(data["phrases"]),
        negations=frozenset(data["negations"]),
        question_tags=tuple(data["question_tags"]),
        keep=frozenset(data.get("keep", ())),
        affixes={name: tuple(items) for name, items in data.get("affixes", {}).items()},
        irregular=dict(data.get("irregular", {})),
        suffixes=tuple(data.get("suffixes", ())),
        joined=tuple(sorted(data.get("joined", ()), key=lambda word: (-len(word), word))),
        skeleton_exceptions=tuple(data.get("skeleton_exceptions", ())),
        joins=tuple(data.get("joins", ())),
        common=tuple(data["common"]),
        fallback=tuple(data["fallback"]),
        parts=_parts(data),
        time_limit=tuple(data.get("time_limit", ())),
    )


def _parts(data: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """The words each part of a guide carries: a guide's time limits (facts) also carry every word that asks how
    long (``time_limit``), typed once."""
    parts = {name: tuple(items) for name, items in data.get("parts", {}).items()}
    if data.get("time_limit"):
        parts["facts"] = (*data["time_limit"], *parts.get("facts", ()))
    return parts


@functools.cache
def common_words(lang: str, folder: Path = paths.SEARCH_WORDS) -> frozenset[str]:
    """The language's common words (``data/search/common-<lang>.txt``), which the search never takes for typos."""
    path = folder / f"common-{language(lang).code}.txt"
    lines = read_text(path, MAX_COMMON_BYTES).splitlines()
    words = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    bad = next((n for n, w in enumerate(words) if not (w.isascii() and w.isalpha() and w.islower())), None)
    if bad is not None:
        raise DataError(f"{path}: '{words[bad]}' is not a word of lowercase letters")
    return frozenset(words)


def _problems(data: dict[str, Any]) -> list[Problem]:
    found = [Problem((key,), "is missing") for key, (_, needed) in SHAPE.items() if needed and key not in data]
    found += [Problem((key,), f"is not a known table (known: {', '.join(SHAPE)})") for key in data if key not in SHAPE]
    if isinstance(data.get("parts"), dict):
        found += [Problem(("parts", k), f"is not a part (known: {', '.join(sorted(PARTS))})")
                  for k in data["parts"] if k not in PARTS]  # fmt: skip
    for key, value in data.items():
        if key in SHAPE:
            found += _shape_problems((key,), value, SHAPE[key][0]) or _bound_problems(key, value)
    return found


def _bound_problems(key: str, value: Any) -> list[Problem]:
    """The table's size, each word's length, and how many words slang and phrases may become."""
    if len(value) > MAX_ENTRIES:
        return [Problem((key,), f"has {len(value)} entries; a table may have at most {MAX_ENTRIES}")]
    found = []
    lists = value.items() if isinstance(value, dict) and SHAPE[key][0] == "lists" else [((), value)]
    for sub, items in lists:
        at = (key, sub) if sub != () else (key,)
        pairs = items.items() if isinstance(items, dict) else enumerate(items)
        for name, said in pairs:
            texts = [said] + ([name] if isinstance(name, str) else [])
            if any(len(text) > MAX_WORD for text in texts):
                found.append(Problem((*at, name), f"is longer than {MAX_WORD} characters"))
            elif key == "slang" and len(said.split()) > MAX_SAID:
                found.append(Problem((*at, name), f"stands for {len(said.split())} words; at most {MAX_SAID}"))
            elif key == "phrases" and len(name.split()) > MAX_PHRASE:
                found.append(Problem((*at, name), f"has {len(name.split())} words; a phrase has at most {MAX_PHRASE}"))
            elif key == "phrases" and len(said.split()) > len(name.split()):
                grown = f"is said as {len(said.split())} words, more than its own {len(name.split())}"
                found.append(Problem((*at, name), f"{grown}: a phrase may not make a text longer"))
    return found


def _shape_problems(at: YamlPath, value: Any, shape: str) -> list[Problem]:
    if shape == "map":
        if not isinstance(value, dict):
            return [Problem(at, "should be a mapping of word: words")]
        return [
            Problem((*at, key), "should map a word to text")
            for key, said in value.items()
            if not (isinstance(key, str) and key.strip() and isinstance(said, str))
        ]
    if shape == "lists":
        if not isinstance(value, dict):
            return [Problem(at, "should be a mapping of lists")]
        return [p for key, items in value.items() for p in _shape_problems((*at, key), items, "list")]
    if not isinstance(value, list):
        return [Problem(at, "should be a list of words")]
    return [
        Problem((*at, i), "should be a word")
        for i, word in enumerate(value)
        if not (isinstance(word, str) and word.strip())
    ]
