"""The JSON Schema of the guide data (``data/schema.json``), and its findings worded for an editor."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jsonschema

from . import paths
from .errors import DataError, Problem, YamlPath, report, shown
from .languages import codes
from .regex_safety import pattern_problem
from .yamlfile import MAX_DEPTH, read_text, read_yaml_text


@functools.cache
def load_schema(path: Path = paths.SCHEMA) -> dict[str, Any]:
    """The schema, checked before it checks anything: read with the data files' size limit, valid JSON with each
    key once, a valid JSON Schema (2020-12), references only inside the file, every pattern safe to run
    (guide/regex_safety.py), and a ``text`` that names exactly the languages of ``data/languages.yml``. Every
    refusal is a DataError reading ``file:line: path what is wrong``."""
    import jsonschema

    text = read_text(path)
    too_deep = f"is nested more than {MAX_DEPTH} levels deep"
    repeated: list[str] = []
    try:
        schema = json.loads(text, object_pairs_hook=functools.partial(_pairs, repeated))
    except json.JSONDecodeError as exc:
        raise DataError(f"{path}:{exc.lineno}: is not valid JSON: {exc.msg}") from None
    except RecursionError:
        raise DataError(f"{path}:{_line_too_deep(text)}: {too_deep}") from None
    if _depth(schema) > MAX_DEPTH:
        raise DataError(f"{path}:{_line_too_deep(text)}: {too_deep}")
    lines = _lines(text, path)
    if not isinstance(schema, dict):
        raise DataError(f"{path}:1: must be a JSON object (a schema), and is not")
    problems = _repeated_keys(text, path, repeated)
    try:
        problems += [Problem(tuple(err.absolute_path), f"is not valid JSON Schema: {err.message[:200]}")
                     for err in jsonschema.Draft202012Validator(jsonschema.Draft202012Validator.META_SCHEMA)
                     .iter_errors(schema)]  # fmt: skip
    except RecursionError:  # a net: with the depth held to MAX_DEPTH above, the checker's recursion is not run out
        raise DataError(f"{path}:1: {too_deep}") from None
    problems += list(_unsafe_parts(schema))
    if not problems:
        problems += _language_problems(schema)
    if problems:
        raise report(path, schema, lines, problems)
    return schema


_JSON_MARK = re.compile(r'[\[\]{}"\\]')  # what a scan of JSON's nesting reads; nothing else changes it


def _line_too_deep(text: str) -> int:
    """The line where the JSON text's arrays and objects pass MAX_DEPTH (as the data files' YAML reader counts
    them), for a text the JSON reader found too deep, or read, deeper than that; 1 if the scan finds none."""
    depth, in_string, escaped = 0, False, -1
    for found in _JSON_MARK.finditer(text):
        at, mark = found.start(), found[0]
        if at == escaped:
            continue
        if in_string:
            escaped = at + 1 if mark == "\\" else escaped
            in_string = mark != '"'
        elif mark == '"':
            in_string = True
        elif mark in ("[", "{"):
            depth += 1
            if depth > MAX_DEPTH:
                return text.count("\n", 0, at) + 1
        elif mark in ("]", "}"):
            depth -= 1
    return 1


def _depth(value: Any) -> int:
    """How deep a JSON value's arrays and objects go (a scalar: 0), without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            stack += [(inner, depth + 1) for inner in (item.values() if isinstance(item, dict) else item)]
    return deepest


def _pairs(repeated: list[str], pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            repeated.append(key)
        out[key] = value
    return out


def _repeated_keys(text: str, path: Path, repeated: list[str]) -> list[Problem]:
    """Each key given twice in one object, at its line and path as the YAML reader finds them (JSON is YAML), or
    at the top when the file does not read as YAML."""
    if not repeated:
        return []
    try:
        found = [p for p in read_yaml_text(text, path, "a schema").problems if p.message.endswith("twice")]
    except DataError:
        found = []
    return found or [Problem((), f"has the key '{key}' twice") for key in repeated]


def _lines(text: str, path: Path) -> dict[YamlPath, int]:
    """The line of each value, by its path (JSON read as the YAML it also is); none if it does not read so."""
    try:
        return read_yaml_text(text, path, "a schema").lines
    except DataError:
        return {}


def _unsafe_parts(node: Any, at: YamlPath = ()) -> Iterator[Problem]:
    """A ``$ref`` that leaves the file, and every pattern that is unsafe to run."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and not value.startswith("#/"):
                yield Problem((*at, key), f"refers outside this file ('{value[:80]}'): only '#/…' references")
            if key == "pattern" and isinstance(value, str) and (problem := pattern_problem(value)):
                yield Problem((*at, key), problem)
            if key == "patternProperties" and isinstance(value, dict):
                for name in value:
                    if problem := pattern_problem(name):
                        yield Problem((*at, key), f"'{name[:80]}' {problem}")
            yield from _unsafe_parts(value, (*at, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _unsafe_parts(value, (*at, i))


def _language_problems(schema: dict[str, Any]) -> list[Problem]:
    text = schema.get("$defs", {}).get("text")
    if not isinstance(text, dict) or not isinstance(text.get("properties"), dict):
        return [Problem(("$defs",), "has no 'text' definition with the languages as its properties")]
    named = sorted(text["properties"])
    if set(text.get("required") or ()) != set(codes()) or set(named) != set(codes()):
        return [Problem(("$defs", "text"), f"names the languages {named}, but data/languages.yml has "
                        f"{sorted(codes())}: update both together")]  # fmt: skip
    return []


@functools.cache
def validator(path: Path = paths.SCHEMA) -> jsonschema.Draft202012Validator:
    import jsonschema  # only when a file is checked: a rebuild of checked data does not need it (guide/load.py)

    return jsonschema.Draft202012Validator(load_schema(path))


@functools.cache
def part_validator(name: str, path: Path = paths.SCHEMA) -> jsonschema.Draft202012Validator:
    """A validator of one of the schema's definitions (``$defs.<name>``), for data that is not a guide file."""
    import jsonschema

    return jsonschema.Draft202012Validator({"$ref": f"#/$defs/{name}", "$defs": load_schema(path)["$defs"]})


def schema_problems(data: Any, path: Path = paths.SCHEMA, part: str | None = None) -> list[Problem]:
    """Every schema violation, worded for an editor; ``part``: against that definition, not the whole schema."""
    check = validator(path) if part is None else part_validator(part, path)
    return [problem for err in check.iter_errors(data) for problem in _word(err)]


def _word(err: jsonschema.ValidationError) -> list[Problem]:
    at: YamlPath = tuple(err.absolute_path)
    kind, want, got = err.validator, err.validator_value, err.instance
    if kind == "required":
        return [Problem((*at, key), "is missing") for key in want if key not in got]
    if kind == "additionalProperties":
        known = sorted(err.schema.get("properties", {}))
        extra = sorted(set(got) - set(known))
        return [Problem(at, f"has an unknown key '{key}' (allowed: {', '.join(known)})") for key in extra]
    if kind == "dependentRequired":
        return [
            Problem((*at, dep), f"is missing (`{key}` needs it)")
            for key, deps in want.items()
            if key in got
            for dep in deps
            if dep not in got
        ]
    if kind == "propertyNames":
        return [
            Problem(
                at,
                f"has a key that is not a valid id: {shown(err.instance)} (use lowercase letters, digits and hyphens)",
            )
        ]
    if kind == "pattern":
        # The schema says in "x-message" what a pattern means; a pattern without one is a plain "not valid".
        message = err.schema.get("x-message", "is not valid: '{got}'")
        # The value as Python would write it, quotes included: an escape sequence in it is shown, never sent to the
        # terminal.
        return [Problem(at, str(message).replace("'{got}'", shown(got)).replace("{got}", shown(got)[1:-1]))]
    return [Problem(at, _WORDS.get(kind, _other)(want, got))]


def _type(want: str, got: Any) -> str:
    return f"should be {_TYPE_NAMES.get(want, want)}, not {_TYPE_NAMES.get(type(got).__name__, type(got).__name__)}"


def _other(want: Any, got: Any) -> str:
    return f"is not allowed here ({want!r})"


_TYPE_NAMES = {
    "string": "text",
    "str": "text",
    "object": "a mapping",
    "dict": "a mapping",
    "array": "a list",
    "list": "a list",
    "boolean": "true or false",
    "bool": "true or false",
    "int": "a number",
    "float": "a number",
    "NoneType": "empty",
}
_WORDS = {
    "minLength": lambda want, got: "is empty",
    "type": _type,
    "minItems": lambda want, got: f"is empty (needs at least {want})" if not got else f"needs at least {want} items",
    "minProperties": lambda want, got: "is empty",
    "enum": lambda want, got: f"is {shown(got)}, which is not one of: {', '.join(map(str, want))}",
    "maxItems": lambda want, got: f"has {len(got)} items; at most {want}",
}
