"""Read a YAML file of the project into plain data, with the line of every value and every repeated key."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, Problem, YamlPath

# libyaml's parser when PyYAML has it (it does on every platform with wheels); marks and lines are the same.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Safe loader that keeps dates as text, so the schema sees what the editor wrote."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


@dataclass
class YamlFile:
    """A file's data, the line of each value by its YAML path, and the problems found while reading it."""

    path: Path
    data: Any
    lines: dict[YamlPath, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def read_text(path: Path) -> str:
    """The file's text; a missing file or one that is not UTF-8 is a DataError."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(f"{path}:{line}: is not UTF-8 (byte {exc.start})") from None


def compose(text: str, path: Path, expect: str, kind: type[yaml.Node] = yaml.MappingNode) -> yaml.Node:
    """The YAML node tree; malformed YAML names its line. The top must be a non-empty ``kind``, as ``expect`` says."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark else ""
        raise DataError(f"{path}{line}: is not valid YAML: {exc.problem}") from None
    if not isinstance(node, kind) or not node.value:
        raise DataError(f"{path}: must be {expect}, and is empty or not one")
    return node


def build(node: yaml.Node, lines: dict[YamlPath, int], dups: list[Problem], at: YamlPath = ()) -> Any:
    """Plain data from the node tree. Records each value's line, and each key given twice."""
    lines[at] = node.start_mark.line + 1
    if isinstance(node, yaml.SequenceNode):
        return [build(item, lines, dups, (*at, i)) for i, item in enumerate(node.value)]
    if not isinstance(node, yaml.MappingNode):
        return _CONSTRUCTOR.construct_object(node)
    out: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = _CONSTRUCTOR.construct_object(key_node)
        if key in out:
            dups.append(Problem(at, f"has the key '{key}' twice", key_node.start_mark.line + 1))
            continue
        out[key] = build(value_node, lines, dups, (*at, key))
    return out


def read_yaml(path: Path, expect: str, kind: type[yaml.Node] = yaml.MappingNode) -> YamlFile:
    """The file read into plain data; ``problems`` holds the keys given twice."""
    node = compose(read_text(path), path, expect, kind)
    found = YamlFile(path, None)
    found.data = build(node, found.lines, found.problems)
    return found
