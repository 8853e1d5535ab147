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

# The ids a page has whatever the data says, and where each comes from: the templates take theirs from here
# (``ids.CHECKLIST_HELP``); the theme's and the scripts' are listed (tests/unit/test_page_ids.py checks the list
# against those files). A guide's part with one of these ids would share it with that element.
CHECKLIST = "checklist"
CHECKLIST_PRINT = "checklist-print"  # overrides/assets/js/print.js finds the print button by it
CHECKLIST_BEFORE = "checklist-before"
CHECKLIST_HELP = "checklist-help"
LABEL_SOURCES = "label-sources"
FIXED: dict[str, str] = {
    CHECKLIST: "the checklist (guide/templates/checklist.html)",
    CHECKLIST_PRINT: "the checklist's print button (guide/templates/checklist.html)",
    CHECKLIST_BEFORE: "the checklist's 'before' heading (guide/templates/checklist.html)",
    CHECKLIST_HELP: "the checklist's 'help' heading (guide/templates/checklist.html)",
    LABEL_SOURCES: "the sources page's label sources (guide/templates/sources.html)",
    "g-search": "the search box (overrides/partials/search.html)",
    "g-search-input": "the search box's input (overrides/partials/search.html)",
    "g-search-meta": "the search box's status line (overrides/partials/search.html)",
    "g-search-results": "the search box's results (overrides/partials/search.html)",
    "g-live": "the copy-link announcement (overrides/assets/js/copy.js)",
    "__drawer": "the theme's menu toggle (Material for MkDocs)",
    "__search": "the theme's search toggle (Material for MkDocs)",
    "__toc": "the theme's table of contents toggle (Material for MkDocs)",
}
# The pages of docs/<language>/ that draw no guide: a guide with one of these ids would link to that page instead
# of its own (tests/unit/test_page_ids.py checks the list against docs/).
OWN_PAGES: tuple[str, ...] = ("index", "about", "cancel-checklist", "404", "sitemap")


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


def checklist(group_id: str) -> str:
    """A case's heading on the printable checklist."""
    return f"{CHECKLIST}-{group_id}"


def check(step_id: str) -> str:
    """A step's tick box on the checklist (``step_id``: the step's own element id)."""
    return f"check-{step_id}"


def sources_heading(flow: str) -> str:
    """A guide's heading on the sources page."""
    return f"sources-{flow}"


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


def site_ids(flows: list[dict[str, Any]]) -> Iterator[tuple[str, YamlPath]]:
    """Every id the data gives an element of a guide's page or the sources page: each guide's own
    (``flow_ids``) and its heading on the sources page. Checked as one register (a page may draw several guides)."""
    for i, flow in enumerate(flows):
        at: YamlPath = ("flows", i)
        yield from flow_ids(flow, at)
        yield sources_heading(flow["id"]), (*at, "id")


def checklist_ids(flow: dict[str, Any], at: YamlPath) -> Iterator[tuple[str, YamlPath]]:
    """The ids a guide with cases gives when drawn as a checklist (``{{ checklist(...) }}``): each case's heading
    and each of its steps' tick boxes. One checklist is drawn per page, so each guide's are a register of their own
    (with the fixed ids and every guide's)."""
    for g, item in enumerate(flow.get("cases", [])):
        yield checklist(item["id"]), (*at, "cases", g, "id")
        gid = group(flow["id"], item["id"])
        for n, _ in enumerate(item["steps"]):
            yield check(step(gid, n + 1)), (*at, "cases", g, "steps", n)
