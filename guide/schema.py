"""The JSON Schema of the guide data (``data/schema.json``), and its findings worded for an editor."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jsonschema

from . import paths
from .errors import DataError, Problem, YamlPath
from .languages import codes


@functools.cache
def load_schema(path: Path = paths.SCHEMA) -> dict[str, Any]:
    """The schema; its ``text`` must name exactly the languages of ``data/languages.yml``."""
    schema = json.loads(path.read_text(encoding="utf-8"))
    text = schema["$defs"]["text"]
    if set(text["required"]) != set(codes()) or set(text["properties"]) != set(codes()):
        raise DataError(
            f"{path}: $defs.text names the languages {sorted(text['properties'])}, but data/languages.yml has "
            f"{sorted(codes())}: update both together"
        )
    return schema


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
                at, f"has a key that is not a valid id: '{err.instance}' (use lowercase letters, digits and hyphens)"
            )
        ]
    if kind == "pattern":
        # The schema says in "x-message" what a pattern means; a pattern without one is a plain "not valid".
        return [Problem(at, err.schema.get("x-message", "is not valid: '{got}'").format(got=got))]
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
    "enum": lambda want, got: f"is '{got}', which is not one of: {', '.join(map(str, want))}",
    "maxItems": lambda want, got: f"has {len(got)} items; at most {want}",
}
