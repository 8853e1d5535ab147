"""The checks a JSON Schema cannot say: ids, cross-references, dates, hosts and what each flow must contain.

They run on the plain data once it matches the schema, so every value is where the schema puts it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterator
from typing import Any
from urllib.parse import urlsplit

from .errors import Problem, YamlPath
from .model import GROUP_KINDS, STEP_KINDS

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


def rule_problems(data: dict[str, Any], today: dt.date) -> list[Problem]:
    """Ids, cross-references, dates and the required routes and cases."""
    flows = data["flows"]
    found = _duplicates([f["id"] for f in flows], ("flows",), "flow id")
    found += _duplicates(data["allowed_hosts"], ("allowed_hosts",), "host")
    ids = element_ids(data)
    for i, flow in enumerate(flows):
        at = ("flows", i)
        found += _flow_kind(flow, at)
        found += _flow_ids(flow, at)
        found += _flow_refs(flow, at, data["labels"])
        found += _flow_dates(flow, at, today)
        found += _flow_hosts(flow, at, data["allowed_hosts"])
        found += _flow_required(flow, at)
        found += helper_problems(flow, at, data, ids)
    return found


def _duplicates(ids: list[str], at: YamlPath, what: str) -> list[Problem]:
    seen: set[str] = set()
    found = []
    for i, ident in enumerate(ids):
        if ident in seen:
            found.append(Problem((*at, i), f"repeats the {what} '{ident}'"))
        seen.add(ident)
    return found


def _flow_kind(flow: dict[str, Any], at: YamlPath) -> list[Problem]:
    kinds = [k for k in STEP_KINDS if k in flow]
    if len(kinds) == 1 or (not kinds and "tips" in flow):
        return []
    have = ", ".join(kinds) or "none of them"
    return [Problem(at, f"needs exactly one of steps, routes, cases or sections (has {have})")]


def _flow_ids(flow: dict[str, Any], at: YamlPath) -> list[Problem]:
    found = []
    for key in (*GROUP_KINDS, "statuses", "tips", "facts"):
        found += _duplicates([item["id"] for item in flow.get(key, [])], (*at, key), "id")
    return found


def _flow_refs(flow: dict[str, Any], at: YamlPath, labels: dict[str, Any]) -> list[Problem]:
    refs = [
        ((*s_at, "tap", j), key) for s_at, step in iter_steps(flow, at) for j, key in enumerate(step.get("tap", []))
    ]
    refs += [((*at, "statuses", i, "label"), s["label"]) for i, s in enumerate(flow.get("statuses", []))]
    known = ", ".join(sorted(labels))
    return [
        Problem(r_at, f"names the unknown label '{key}' (known: {known})") for r_at, key in refs if key not in labels
    ]


def _flow_dates(flow: dict[str, Any], at: YamlPath, today: dt.date) -> list[Problem]:
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


def _flow_hosts(flow: dict[str, Any], at: YamlPath, allowed: list[str]) -> list[Problem]:
    hosts = [((*at, "sources", i, "url"), urlsplit(s["url"]).hostname) for i, s in enumerate(flow["sources"])]
    return [
        Problem(s_at, f"links to '{host}', which is not in allowed_hosts")
        for s_at, host in hosts
        if host not in allowed
    ]


def _flow_required(flow: dict[str, Any], at: YamlPath) -> list[Problem]:
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


def element_ids(data: dict[str, Any]) -> set[str]:
    """The ids a link may point at: every flow, and each of its routes, cases and sections (``cancel-order-cod``)."""
    ids = {f["id"] for f in data["flows"]}
    return ids | {f"{f['id']}-{g['id']}" for f in data["flows"] for k in GROUP_KINDS for g in f.get(k, [])}


def helper_problems(flow: dict[str, Any], at: YamlPath, data: dict[str, Any], ids: Collection[str]) -> list[Problem]:
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
        found += _answer_problems(answer, (*at, "answers", i), statuses, payments, flow, ids)
    return found


def _answer_problems(
    answer: dict[str, Any],
    at: YamlPath,
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


def iter_steps(flow: dict[str, Any], at: YamlPath = ()) -> Iterator[tuple[YamlPath, dict[str, Any]]]:
    """Every step of a flow, with its path: ``flows[..].cases[..].steps[n]``."""
    for i, step in enumerate(flow.get("steps", [])):
        yield (*at, "steps", i), step
    for kind in GROUP_KINDS:
        for g, group in enumerate(flow.get(kind, [])):
            for i, step in enumerate(group["steps"]):
                yield (*at, kind, g, "steps", i), step
