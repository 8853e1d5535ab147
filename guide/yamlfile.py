"""Read a YAML file of the project into plain data, with the line of every value, and refuse what the content
never needs.

What a data file may hold, stated once:
- mappings, lists and scalars, nested at most ``MAX_DEPTH`` deep, in a file of at most ``MAX_BYTES``;
- no aliases or anchors (``*x``, ``&x``), no merge keys (``<<``) and no tags (``!x``): the content never needs
  them, and aliases are how a small file expands into a huge one;
- mapping keys are plain words, each given once;
- every text is visible text: no control characters, no bidirectional controls, not only invisible characters.
Every refusal is a DataError whose lines read ``file:line: yaml.path what is wrong``; nothing raises a traceback.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, Problem, YamlPath, report

MAX_BYTES = 16 * 1024 * 1024  # the guide is 0.25 MB; 200 guides would be about 4.3 MB
MAX_DEPTH = 24

# libyaml's parser when PyYAML has it (it does on every platform with wheels); marks and lines are the same.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Safe loader that keeps dates as text, so the schema sees what the editor wrote."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_CONSTRUCTOR = yaml.constructor.SafeConstructor()

# Characters that change how text reads without showing: right-to-left overrides and isolates, marks.
BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Every character that can make a text a problem: the controls (all below U+00A0, by Unicode's stability policy)
# but a line break and a tab, and BIDI. A text with none of them and one visible ASCII character has no problem,
# which is nearly every text: only the others are looked at character by character.
CONTROLS = [chr(c) for c in range(0xA0) if unicodedata.category(chr(c)) == "Cc" and chr(c) not in "\n\t"]
SUSPECT = re.compile("[" + "".join(map(re.escape, [*CONTROLS, *sorted(BIDI)])) + "]")
VISIBLE_ASCII = re.compile(r"[!-~]")


@dataclass
class YamlFile:
    """A file's data, the line of each value by its YAML path, and the problems found while reading it."""

    path: Path
    data: Any
    lines: dict[YamlPath, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def read_text(path: Path, limit: int = MAX_BYTES) -> str:
    """The file's text; a missing, huge or non-UTF-8 file is a DataError. A huge file is refused by its size,
    before it is read (and no more than ``limit`` bytes are ever read)."""
    try:
        size = path.stat().st_size
        if size <= limit:
            with path.open("rb") as file:
                raw = file.read(limit + 1)
            size = len(raw)
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc.strerror})") from None
    if size > limit:
        raise DataError(f"{path}:1: is {size // 1024} KB, more than the {limit // 1024} KB a data file may be")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(f"{path}:{line}: is not UTF-8 (byte {exc.start})") from None


def _yaml_error(path: Path, text: str, exc: yaml.YAMLError) -> DataError:
    """A parser's error as ``file:line: is not valid YAML: …``."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark else ""
        return DataError(f"{path}{line}: is not valid YAML: {exc.problem}")
    if isinstance(exc, yaml.reader.ReaderError):
        line = text[: exc.position].count("\n") + 1
        return DataError(f"{path}:{line}: is not valid YAML: it holds the character U+{exc.character:04X}")
    return DataError(f"{path}: is not valid YAML: {exc}")


@dataclass
class _Frame:
    at: YamlPath
    mapping: bool
    index: int = 0  # the next item's position (lists) or key/value turn (mappings: even = key)
    key: Any = None


def scan(text: str, path: Path) -> list[Problem]:
    """What the file holds that the content never needs, found in one pass over its events, before anything is built."""
    problems: list[Problem] = []
    stack: list[_Frame] = []
    try:
        for event in yaml.parse(text, Loader=_Loader):
            problems += _event_problems(event, stack)
    except yaml.YAMLError as exc:
        raise _yaml_error(path, text, exc) from None
    except _TooDeep as exc:
        raise DataError(f"{path}:{exc.args[0]}: is nested more than {MAX_DEPTH} levels deep") from None
    return problems


class _TooDeep(Exception):
    """Raised with the line where the nesting passes MAX_DEPTH."""


def _event_problems(event: yaml.Event, stack: list[_Frame]) -> list[Problem]:
    if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
        stack.pop()
        _advance(stack)
        return []
    if not isinstance(event, yaml.NodeEvent):
        return []
    line = event.start_mark.line + 1
    is_key = bool(stack) and stack[-1].mapping and stack[-1].index % 2 == 0
    at = _position(stack)
    found = []
    if isinstance(event, yaml.AliasEvent):
        found.append(Problem(at, f"uses an alias (*{event.anchor}): write it out in full", line))
    elif event.anchor is not None:
        found.append(Problem(at, f"sets an anchor (&{event.anchor}): anchors and aliases are not used here", line))
    tag = getattr(event, "tag", None)
    if tag is not None and not (isinstance(event, yaml.ScalarEvent) and tag == "!"):
        found.append(Problem(at, f"has a tag ({tag}): tags are not used here", line))
    if is_key and not isinstance(event, yaml.ScalarEvent):
        found.append(Problem(at, "has a key that is a list or a mapping: keys are plain words", line))
    elif is_key and event.value == "<<" and not event.style:
        found.append(Problem(at, "uses a merge key (<<): write the keys out in full", line))
    if isinstance(event, yaml.CollectionStartEvent):
        if len(stack) >= MAX_DEPTH:
            raise _TooDeep(line)
        stack.append(_Frame(at, isinstance(event, yaml.MappingStartEvent)))
        return found
    if is_key:
        stack[-1].key = event.value
    _advance(stack)
    return found


def _position(stack: list[_Frame]) -> YamlPath:
    if not stack:
        return ()
    top = stack[-1]
    if not top.mapping:
        return (*top.at, top.index)
    return (*top.at, top.key) if top.index % 2 else top.at


def _advance(stack: list[_Frame]) -> None:
    if stack:
        stack[-1].index += 1


def compose(text: str, path: Path, expect: str, kind: type[yaml.Node] = yaml.MappingNode) -> yaml.Node:
    """The YAML node tree; malformed YAML names its line. The top must be a non-empty ``kind``, as ``expect`` says."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise _yaml_error(path, text, exc) from None
    if not isinstance(node, kind) or not node.value:
        raise DataError(f"{path}: must be {expect}, and is empty or not one")
    return node


def build(node: yaml.Node, lines: dict[YamlPath, int], dups: list[Problem], at: YamlPath = ()) -> Any:
    """Plain data from the node tree. Records each value's line, and each key given twice."""
    lines[at] = node.start_mark.line + 1
    if isinstance(node, yaml.SequenceNode):
        return [build(item, lines, dups, (*at, i)) for i, item in enumerate(node.value)]
    if not isinstance(node, yaml.MappingNode):
        return _scalar(node)
    out: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = _scalar(key_node)
        if key in out:
            dups.append(Problem(at, f"has the key '{key}' twice", key_node.start_mark.line + 1))
            continue
        out[key] = build(value_node, lines, dups, (*at, key))
    return out


def _scalar(node: yaml.Node) -> Any:
    """A scalar's value; a YAML value the safe constructor refuses (a bad number) stays as its text."""
    try:
        return _CONSTRUCTOR.construct_object(node)
    except yaml.YAMLError:
        return node.value


def read_yaml(path: Path, expect: str, kind: type[yaml.Node] = yaml.MappingNode, limit: int = MAX_BYTES) -> YamlFile:
    """The file read into plain data; ``problems`` holds the keys given twice and every text that is not plain,
    visible text. Aliases, anchors, tags and merge keys stop the reading with an error listing them all."""
    return read_yaml_text(read_text(path, limit), path, expect, kind)


def read_yaml_text(text: str, path: Path, expect: str, kind: type[yaml.Node] = yaml.MappingNode) -> YamlFile:
    """``read_yaml`` of text already read (a page's front matter, padded so that its lines are the page's)."""
    refused = scan(text, path)
    if refused:
        raise report(path, None, {}, refused)
    node = compose(text, path, expect, kind)
    found = YamlFile(path, None)
    found.data = build(node, found.lines, found.problems)
    found.problems += text_problems(found.data)
    return found


def text_problems(data: Any, at: YamlPath = ()) -> list[Problem]:
    """Every key and text that holds a control character, a bidirectional control, or nothing visible."""
    found = []
    for where, text in _texts(data, at):
        if problem := _text_problem(text):
            found.append(Problem(where, problem))
    return found


def _texts(data: Any, at: YamlPath) -> Iterator[tuple[YamlPath, str]]:
    if isinstance(data, str):
        yield at, data
    elif isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str):
                yield at, key
            yield from _texts(value, (*at, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _texts(value, (*at, i))


def _text_problem(text: str) -> str | None:
    if VISIBLE_ASCII.search(text) and not SUSPECT.search(text):
        return None
    for ch in text:
        if ch in BIDI:
            return f"has the bidirectional control U+{ord(ch):04X}, which makes text read otherwise than it is written"
        if unicodedata.category(ch) == "Cc" and ch not in "\n\t":
            return f"has the control character U+{ord(ch):04X}"
    visible = [ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Cf"]
    if text and not visible:
        # Only spaces is "is empty", in the schema's words, so that the two findings are one (errors.report
        # merges equal ones): one cause, one problem. Invisible characters are the reader's to name.
        return "is empty" if text.isspace() else "has no visible text (only spaces or invisible characters)"
    return None
