"""Turn the checked data into HTML through Jinja templates. One template per component; no markup here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import jinja2

from .data import GROUP_KINDS, STEP_KINDS, DataError, element_ids
from .i18n import format_date, label_view, localize

TEMPLATES = Path(__file__).resolve().parent / "templates"

# Component name -> template. An unknown name is an error that lists these.
COMPONENTS: dict[str, str] = {
    "flow": "flow.html",
    "tasks": "tasks.html",
    "checklist": "checklist.html",
    "sources": "sources.html",
    "helper": "helper.html",
}
# A guide whose last check is older than this shows a notice, and the build warns.
STALE_AFTER = dt.timedelta(days=180)


def make_env(folder: Path = TEMPLATES) -> jinja2.Environment:
    """Autoescaping, and an undefined name is an error rather than an empty string."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def render(env: jinja2.Environment, component: str, **context: Any) -> str:
    """One component's HTML, with blank lines removed so Markdown keeps it as one raw block."""
    if component not in COMPONENTS:
        raise DataError(f"unknown component '{component}' (known: {', '.join(sorted(COMPONENTS))})")
    html = env.get_template(COMPONENTS[component]).render(**context)
    return "\n".join(line for line in html.splitlines() if line.strip())


def flow_kind(flow: dict[str, Any]) -> str | None:
    """``steps``, ``routes``, ``cases`` or ``sections``; None for a tips-only flow."""
    return next((kind for kind in STEP_KINDS if kind in flow), None)


def find_flow(guide: dict[str, Any], flow_id: str) -> dict[str, Any]:
    """The flow with this id, or an error listing the ids there are."""
    for flow in guide["flows"]:
        if flow["id"] == flow_id:
            return flow
    known = ", ".join(f["id"] for f in guide["flows"])
    raise DataError(f"unknown flow id '{flow_id}' (known: {known})")


def flow_view(
    guide: dict[str, Any], flow_id: str, lang: str, ui: dict[str, Any], today: dt.date | None = None
) -> dict[str, Any]:
    """One flow in one language, ready for the templates: ids, numbers and labels worked out."""
    flow = find_flow(guide, flow_id)
    labels = {key: label_view(label, lang) for key, label in guide["labels"].items()}
    view = localize(flow, lang)
    view["kind"] = flow_kind(flow)
    view["steps"] = steps_view(view.get("steps", []), flow_id, labels)
    view["groups"] = [group_view(g, flow_id, labels) for kind in GROUP_KINDS for g in view.get(kind, [])]
    view["statuses"] = [{**optional(s, "uncertain"), "label": labels[s["label"]]} for s in view.get("statuses", [])]
    view["tips"] = [optional(tip, "uncertain") for tip in view.get("tips", [])]
    view["facts"] = [optional(fact, "uncertain") for fact in view.get("facts", [])]
    view["verified"] = format_date(flow["last_verified"], ui)
    view["stale"] = is_stale(flow, today or dt.date.today())
    view["sources"] = [
        {**src, "date_text": format_date(src["date"], ui) if "date" in src else None} for src in view["sources"]
    ]
    return view


def all_flows(guide: dict[str, Any], lang: str, ui: dict[str, Any]) -> list[dict[str, Any]]:
    return [flow_view(guide, flow["id"], lang, ui) for flow in guide["flows"]]


def group_view(group: dict[str, Any], flow_id: str, labels: dict[str, Any]) -> dict[str, Any]:
    html_id = f"{flow_id}-{group['id']}"
    return {
        **optional(group, "when", "outcome", "timing"),
        "html_id": html_id,
        "steps": steps_view(group["steps"], html_id, labels),
    }


def steps_view(steps: list[dict[str, Any]], prefix: str, labels: dict[str, Any]) -> list[dict[str, Any]]:
    """Numbered from 1, with ids ``<prefix>-<n>`` and the tapped labels looked up."""
    return [
        {
            **optional(step, "dont_see", "uncertain"),
            "n": n,
            "html_id": f"{prefix}-{n}",
            "tap": [labels[key] for key in step.get("tap", [])],
        }
        for n, step in enumerate(steps, start=1)
    ]


def optional(record: dict[str, Any], *keys: str) -> dict[str, Any]:
    """The record with its absent optional keys set to None, so the templates can stay strict."""
    return {**dict.fromkeys(keys), **record}


def is_stale(flow: dict[str, Any], today: dt.date) -> bool:
    return today - dt.date.fromisoformat(flow["last_verified"]) > STALE_AFTER


def stale_flows(guide: dict[str, Any], today: dt.date) -> list[str]:
    return [f"{f['id']} (last verified {f['last_verified']})" for f in guide["flows"] if is_stale(f, today)]


def helper_view(guide: dict[str, Any], flow_id: str, lang: str) -> dict[str, Any]:
    """The status x payment answers, grouped by status, each with a link to what to read next."""
    flow = find_flow(guide, flow_id)
    if "helper" not in flow:
        raise DataError(f"flow '{flow_id}' has no helper table")
    helper = localize(flow["helper"], lang)
    payments = {p["id"]: p["title"] for p in helper["payments"]}
    sections = {ident: (f["id"], record["title"][lang]) for ident, (f, record) in element_ids(guide).items()}
    statuses = [
        {
            "id": status["id"],
            "label": label_view(guide["labels"][status["label"]], lang),
            "answers": [
                answer_view(a, flow_id, payments, sections) for a in helper["answers"] if a["status"] == status["id"]
            ],
        }
        for f in guide["flows"]
        for status in f.get("statuses", [])
    ]
    return {"id": flow_id, "payments": helper["payments"], "statuses": statuses}


def answer_view(
    answer: dict[str, Any], flow_id: str, payments: dict[str, str], sections: dict[str, tuple[str, str]]
) -> dict[str, Any]:
    """One answer, with ``href`` to its case on this page, or to a section on another page."""
    target = f"{flow_id}-{answer['case']}" if "case" in answer else answer.get("see")
    owner, title = sections.get(target, (None, None)) if target else (None, None)
    href = None if owner is None else f"#{target}" if owner == flow_id else f"{owner}.html#{target}"
    return {
        **optional(answer, "uncertain"),
        "payment_title": payments[answer["payment"]],
        "href": href,
        "target": title,
    }
