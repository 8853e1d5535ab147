"""Read, check and localise the guide's data. Pure functions: nothing here knows MkDocs.

Every problem becomes a DataError whose lines read
``data/steps.yaml:123: flows[cancel-order].cases[cod].steps[2].text.en is empty``.
List items with an ``id`` are shown by id, others by their 1-based position,
so ``steps[2]`` is the step the page numbers 2.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import yaml

LANGS: tuple[str, ...] = ("id", "en")
GROUP_KINDS: tuple[str, ...] = ("routes", "cases", "sections")
STEP_KINDS: tuple[str, ...] = ("steps", *GROUP_KINDS)
SCHEMA_PATH = Path(__file__).resolve().parent.parent / "data" / "schema.json"

# What each flow must contain; links, tests and benchmarks rely on these ids.
REQUIRED: dict[str, dict[str, tuple[str, ...]]] = {
    "view-orders": {"routes": ("profile", "shop", "inbox")},
    "track-order": {
        "steps": (),
        "statuses": ("unpaid", "to-ship", "shipped", "to-review", "cancelled", "returns"),
    },
    "cancel-order": {"cases": ("unpaid", "paid", "cod", "shipped")},
    "safe-shopping": {"tips": ()},
    "returns-help": {"sections": ("request", "escalate"), "facts": ()},
}
MIN_TIPS = 8

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, at a YAML path; line is filled in from the node tree."""

    at: Path_
    message: str
    line: int | None = None


class DataError(Exception):
    """Bad guide data. The message names the file, the line and the YAML path."""


# libyaml's parser when PyYAML has it (it does on every platform with wheels); marks and lines are the same.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Safe loader that keeps dates as text, so the schema sees what the editor wrote."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


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


def compose(text: str, path: Path) -> yaml.Node:
    """The YAML node tree; malformed YAML names its line."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark else ""
        raise DataError(f"{path}{line}: is not valid YAML: {exc.problem}") from None
    if not isinstance(node, yaml.MappingNode) or not node.value:
        raise DataError(f"{path}: must be a mapping with `labels` and `flows`, and is empty or not a mapping")
    return node


def show(path: Path_, data: Any) -> str:
    """``('flows', 2, 'cases', 0)`` -> ``flows[cancel-order].cases[cod]``, looking ids up in data."""
    out, node = "", data
    for part in path:
        if isinstance(part, int):
            item = node[part] if isinstance(node, list) and part < len(node) else None
            ident = item.get("id") if isinstance(item, dict) else None
            out += f"[{ident if isinstance(ident, str) else part + 1}]"
        else:
            out += f".{part}" if out else str(part)
        node = node[part] if _has(node, part) else None
    return out or "(top level)"


def _has(node: Any, part: str | int) -> bool:
    if isinstance(node, dict):
        return part in node
    return isinstance(node, list) and isinstance(part, int) and part < len(node)


def build(node: yaml.Node, lines: dict[Path_, int], dups: list[Problem], at: Path_ = ()) -> Any:
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


_CONSTRUCTOR = yaml.constructor.SafeConstructor()


# --- the schema ------------------------------------------------------------------------------


def load_schema(path: Path = SCHEMA_PATH) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def schema_problems(data: Any, schema: dict[str, Any]) -> list[Problem]:
    """Every schema violation, worded for an editor."""
    validator = jsonschema.Draft202012Validator(schema)
    return [_word(err) for err in validator.iter_errors(data)]


def _word(err: jsonschema.ValidationError) -> Problem:
    at: Path_ = tuple(err.absolute_path)
    kind, want, got = err.validator, err.validator_value, err.instance
    if kind == "required":
        missing = next(k for k in want if k not in got)
        return Problem((*at, missing), "is missing", None)
    if kind == "additionalProperties":
        known = sorted(err.schema.get("properties", {}))
        extra = sorted(set(got) - set(known))
        return Problem(at, f"has an unknown key '{extra[0]}' (allowed: {', '.join(known)})")
    if kind == "propertyNames":
        return Problem(at, f"has a key that is not a valid id: {_slug_hint(err)}")
    return Problem(at, _WORDS.get(kind, _other)(want, got))


def _slug_hint(err: jsonschema.ValidationError) -> str:
    return f"'{err.instance}' (use lowercase letters, digits and hyphens)"


def _pattern(want: str, got: Any) -> str:
    if want == "\\S":
        return "is empty"
    if "https?" in want:
        return f"is not an http(s) URL: '{got}'"
    if "\\d{4}" in want:
        return f"is not a date written YYYY-MM-DD: '{got}'"
    return f"is not a valid id: '{got}' (use lowercase letters, digits and hyphens)"


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
    "pattern": _pattern,
    "type": _type,
    "minItems": lambda want, got: f"is empty (needs at least {want})" if not got else f"needs at least {want} items",
    "minProperties": lambda want, got: "is empty",
    "enum": lambda want, got: f"is '{got}', which is not one of: {', '.join(map(str, want))}",
}


# --- rules the schema cannot say ---------------------------------------------------------------


def rule_problems(data: dict[str, Any], today: dt.date) -> list[Problem]:
    """Ids, cross-references, dates and the required routes and cases."""
    flows = data["flows"]
    found = _duplicates([f["id"] for f in flows], ("flows",), "flow id")
    found += _duplicates(data["allowed_hosts"], ("allowed_hosts",), "host")
    for i, flow in enumerate(flows):
        at = ("flows", i)
        found += _flow_kind(flow, at)
        found += _flow_ids(flow, at)
        found += _flow_refs(flow, at, data["labels"])
        found += _flow_dates(flow, at, today)
        found += _flow_hosts(flow, at, data["allowed_hosts"])
        found += _flow_required(flow, at)
        found += helper_problems(flow, at, data)
    return found


def _duplicates(ids: list[str], at: Path_, what: str) -> list[Problem]:
    seen: set[str] = set()
    found = []
    for i, ident in enumerate(ids):
        if ident in seen:
            found.append(Problem((*at, i), f"repeats the {what} '{ident}'"))
        seen.add(ident)
    return found


def _flow_kind(flow: dict[str, Any], at: Path_) -> list[Problem]:
    kinds = [k for k in STEP_KINDS if k in flow]
    if len(kinds) == 1 or (not kinds and "tips" in flow):
        return []
    have = ", ".join(kinds) or "none of them"
    return [Problem(at, f"needs exactly one of steps, routes, cases or sections (has {have})")]


def _flow_ids(flow: dict[str, Any], at: Path_) -> list[Problem]:
    found = []
    for key in (*GROUP_KINDS, "statuses", "tips", "facts"):
        found += _duplicates([item["id"] for item in flow.get(key, [])], (*at, key), "id")
    return found


def _flow_refs(flow: dict[str, Any], at: Path_, labels: dict[str, Any]) -> list[Problem]:
    refs = [
        ((*s_at, "tap", j), key) for s_at, step in iter_steps(flow, at) for j, key in enumerate(step.get("tap", []))
    ]
    refs += [((*at, "statuses", i, "label"), s["label"]) for i, s in enumerate(flow.get("statuses", []))]
    known = ", ".join(sorted(labels))
    return [
        Problem(r_at, f"names the unknown label '{key}' (known: {known})") for r_at, key in refs if key not in labels
    ]


def _flow_dates(flow: dict[str, Any], at: Path_, today: dt.date) -> list[Problem]:
    dates = [((*at, "last_verified"), flow["last_verified"])]
    dates += [((*at, "sources", i, "date"), s["date"]) for i, s in enumerate(flow["sources"]) if "date" in s]
    found = []
    for d_at, text in dates:
        try:
            when = dt.date.fromisoformat(text)
        except ValueError:
            found.append(Problem(d_at, f"is not a real date: '{text}'"))
            continue
        if when > today:
            found.append(Problem(d_at, f"is in the future: '{text}'"))
    return found


def _flow_hosts(flow: dict[str, Any], at: Path_, allowed: list[str]) -> list[Problem]:
    hosts = [((*at, "sources", i, "url"), urlsplit(s["url"]).hostname) for i, s in enumerate(flow["sources"])]
    return [
        Problem(s_at, f"links to '{host}', which is not in allowed_hosts")
        for s_at, host in hosts
        if host not in allowed
    ]


def _flow_required(flow: dict[str, Any], at: Path_) -> list[Problem]:
    found = []
    for key, ids in REQUIRED.get(flow["id"], {}).items():
        have = [item["id"] for item in flow.get(key, [])] if key != "steps" else []
        if key not in flow:
            found.append(Problem((*at, key), "is missing"))
        found += [
            Problem((*at, key), f"is missing the required '{ident}'")
            for ident in ids
            if key in flow and ident not in have
        ]
    if flow["id"] == "safe-shopping" and len(flow.get("tips", [])) < MIN_TIPS:
        found.append(Problem((*at, "tips"), f"needs at least {MIN_TIPS} tips"))
    return found


def element_ids(data: dict[str, Any]) -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    """The ids a link may point at, each with its flow and record: every flow, and each of its
    routes, cases and sections (``cancel-order-cod``)."""
    ids: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {f["id"]: (f, f) for f in data["flows"]}
    for f in data["flows"]:
        ids |= {f"{f['id']}-{g['id']}": (f, g) for k in GROUP_KINDS for g in f.get(k, [])}
    return ids


def helper_problems(flow: dict[str, Any], at: Path_, data: dict[str, Any]) -> list[Problem]:
    """Every status x payment pair has exactly one answer, and each answer points somewhere real."""
    if "helper" not in flow:
        return []
    at = (*at, "helper")
    statuses = [s["id"] for f in data["flows"] for s in f.get("statuses", [])]
    payments = [p["id"] for p in flow["helper"]["payments"]]
    answers = flow["helper"]["answers"]
    pairs = [(a["status"], a["payment"]) for a in answers]
    found = _duplicates([f"{s} x {p}" for s, p in pairs], (*at, "answers"), "answer")
    found += [
        Problem((*at, "answers"), f"has no answer for status '{s}' with payment '{p}'")
        for s in statuses
        for p in payments
        if (s, p) not in pairs
    ]
    for i, answer in enumerate(answers):
        found += _answer_problems(answer, (*at, "answers", i), statuses, payments, flow, element_ids(data))
    return found


def _answer_problems(
    answer: dict[str, Any],
    at: Path_,
    statuses: list[str],
    payments: list[str],
    flow: dict[str, Any],
    ids: Collection[str],
) -> list[Problem]:
    cases = [c["id"] for c in flow.get("cases", [])]
    checks = [
        ("status", answer["status"] in statuses, f"is not a status (known: {', '.join(statuses)})"),
        ("payment", answer["payment"] in payments, f"is not a payment (known: {', '.join(payments)})"),
        ("case", answer.get("case", cases[0] if cases else "") in cases, f"is not a case (known: {', '.join(cases)})"),
        ("see", answer.get("see", flow["id"]) in ids, "is not a flow, route, case or section id"),
        ("case", answer["verdict"] != "yes" or "case" in answer, "is needed when the verdict is yes"),
    ]
    return [
        Problem((*at, key), f"'{answer.get(key, '')}' {msg}" if key in answer else msg)
        for key, ok, msg in checks
        if not ok
    ]


def iter_steps(flow: dict[str, Any], at: Path_ = ()) -> Iterator[tuple[Path_, dict[str, Any]]]:
    """Every step of a flow, with its path: ``flows[..].cases[..].steps[n]``."""
    for i, step in enumerate(flow.get("steps", [])):
        yield (*at, "steps", i), step
    for kind in GROUP_KINDS:
        for g, group in enumerate(flow.get(kind, [])):
            for i, step in enumerate(group["steps"]):
                yield (*at, kind, g, "steps", i), step


# --- putting it together ----------------------------------------------------------------------


def report(path: Path, data: Any, lines: dict[Path_, int], problems: list[Problem]) -> DataError:
    """One error naming the file, the line and the YAML path of every problem."""
    rows = sorted({(p.line or _line(lines, p.at), show(p.at, data), p.message) for p in problems})
    text = "\n".join(f"  {path}:{line}: {where} {message}" for line, where, message in rows)
    noun = "problem" if len(rows) == 1 else "problems"
    return DataError(f"{path} has {len(rows)} {noun}:\n{text}")


def _line(lines: dict[Path_, int], at: Path_) -> int:
    """The line of the nearest value that exists (a missing key reports its parent's line)."""
    while at not in lines and at:
        at = at[:-1]
    return lines.get(at, 1)


def load_guide(path: Path, today: dt.date, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    """The checked guide data, or a DataError listing everything wrong with it."""
    node = compose(read_text(path), path)
    lines: dict[Path_, int] = {}
    dups: list[Problem] = []
    data = build(node, lines, dups)
    problems = dups + schema_problems(data, schema or load_schema())
    if not problems:
        problems = rule_problems(data, today)
    if problems:
        raise report(path, data, lines, problems)
    return data
