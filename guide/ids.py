"""The element ids a guide's page carries, made in one place: the views give them to the templates, and the
rules check that no two are the same (a case ``cod-1`` would otherwise collide with step 1 of ``cod``).

Every id is the flow's id, then what it names: ``cancel-order-cod`` (a case), ``cancel-order-cod-2`` (its step 2),
``track-order-status-unpaid``, ``returns-help-fact-ship-back``, ``returns-help-source-return-methods``. A helper's
answers take the helper's own id: ``can-i-cancel-unpaid-online``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .errors import YamlPath

GROUP_KINDS: tuple[str, ...] = ("routes", "cases", "sections")
# Ids the templates give a flow's parts: its list of situations, and its status, fact and source sections.
PARTS: tuple[str, ...] = ("situations", "statuses", "facts", "sources")
# A folded part's body has the id of its heading and "-body".


def step(prefix: str, n: int) -> str:
    return f"{prefix}-{n}"


def group(flow: str, group_id: str) -> str:
    return f"{flow}-{group_id}"


def status(flow: str, status_id: str) -> str:
    return f"{flow}-status-{status_id}"


def tip(flow: str, tip_id: str) -> str:
    return f"{flow}-{tip_id}"


def fact(flow: str, fact_id: str) -> str:
    return f"{flow}-fact-{fact_id}"


def source(flow: str, source_id: str) -> str:
    return f"{flow}-source-{source_id}"


def part(flow: str, name: str) -> str:
    return f"{flow}-{name}"


def answer(helper: str, answer_id: str) -> str:
    return f"{helper}-{answer_id}"


def flow_ids(flow: dict[str, Any], at: YamlPath) -> Iterator[tuple[str, YamlPath]]:
    """Every id the page of this flow (plain, checked data) carries, with the YAML path of what gives it."""
    fid = flow["id"]
    yield fid, (*at, "id")
    for name in PARTS:
        yield part(fid, name), at
        yield f"{part(fid, name)}-body", at
    for i, _ in enumerate(flow.get("steps", [])):
        yield step(fid, i + 1), (*at, "steps", i)
    for kind in GROUP_KINDS:
        for g, item in enumerate(flow.get(kind, [])):
            gid = group(fid, item["id"])
            yield gid, (*at, kind, g)
            yield f"{gid}-body", (*at, kind, g)
            for i, _ in enumerate(item["steps"]):
                yield step(gid, i + 1), (*at, kind, g, "steps", i)
    for i, item in enumerate(flow.get("statuses", [])):
        yield status(fid, item["id"]), (*at, "statuses", i)
    for i, item in enumerate(flow.get("tips", [])):
        yield tip(fid, item["id"]), (*at, "tips", i)
    for i, item in enumerate(flow.get("facts", [])):
        yield fact(fid, item["id"]), (*at, "facts", i)
    for i, item in enumerate(flow.get("sources", [])):
        yield source(fid, item["id"]), (*at, "sources", i)
    if "helper" in flow:
        helper = flow["helper"]
        yield helper["id"], (*at, "helper", "id")
        yield f"{helper['id']}-title", (*at, "helper", "id")
        for i, item in enumerate(helper["answers"]):
            yield answer(helper["id"], item["id"]), (*at, "helper", "answers", i)
