"""The checks a JSON Schema cannot say: ids, cross-references, dates, links, sources, helpers and what each flow
must contain.

They run on the plain data once it matches the schema, so every value is where the schema puts it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import re
from collections.abc import Collection, Iterator
from typing import Any

from . import ids
from .errors import Problem, YamlPath, shown
from .page_headings import PageId
from .urls import url_problem

GROUP_KINDS = ids.GROUP_KINDS
STEP_KINDS: tuple[str, ...] = ("steps", *GROUP_KINDS)

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
MAX_COMBINATIONS = 4096  # a helper's choices, multiplied out, that the completeness check walks

# The fields of each record that state facts, and so need `cite` when they hold a number (a time limit, an
# amount, a phone number): "6 hari kalender", "Rp10.000", "pukul 12.00", "OJK 157".
STATED = {
    "step": ("text",),
    "group": ("answer", "when", "outcome", "timing"),
    "status": ("meaning", "action"),
    "tip": ("why", "do"),
    "answer": ("text", "detail"),
}
NUMBER = re.compile(r"\d")
WAIT_FIELDS = ("until", "then")  # a record's `wait` states facts too: a number in it needs the record's `cite`


def rule_problems(
    data: dict[str, Any],
    today: dt.date,
    pages: Collection[str] | None = None,
    page_ids: Collection[PageId] = (),
) -> list[Problem]:
    """Everything the schema cannot check. ``pages``: the flow ids that have a page (None: not checked);
    ``page_ids``: the ids the pages' own Markdown gives (their headings), which no guide may take."""
    flows = data["flows"]
    found = _duplicates([f["id"] for f in flows], ("flows",), "flow id")
    found += _duplicates(data["allowed_hosts"], ("allowed_hosts",), "host")
    found += _element_ids(flows, page_ids)
    found += label_source_problems(data, today)
    targets = linkable(data)
    for i, flow in enumerate(flows):
        at = ("flows", i)
        found += _flow_kind(flow, at)
        found += _flow_ids(flow, at)
        found += _flow_refs(flow, at, data["labels"])
        found += _flow_dates(flow, at, today)
        found += _flow_links(flow, at, data["allowed_hosts"])
        found += _flow_cites(flow, at)
        found += _flow_required(flow, at)
        found += reference_problems(flow, at, targets)
        found += _urgent_first(flow, at)
        found += helper_problems(flow, at, data, targets)
        if pages is not None and flow["id"] not in pages:
            found.append(Problem(at, f"has no page: add docs/<language>/{flow['id']}.md, which draws it"))
    found += _unused_labels(data)
    return found


def _unused_labels(data: dict[str, Any]) -> list[Problem]:
    """A label that no step taps and no status names is never shown: its text, sources and doubts would be
    checked and counted (scripts.evidence) for nothing a reader sees."""
    used = {key for flow in data["flows"] for _, key in _label_refs(flow)}
    return [
        Problem(
            ("labels", key), "is tapped by no step and named by no status, so no reader sees it: tap it, or drop it"
        )
        for key in data["labels"]
        if key not in used
    ]


def _duplicates(items: list[str], at: YamlPath, what: str) -> list[Problem]:
    seen: set[str] = set()
    found = []
    for i, ident in enumerate(items):
        if ident in seen:
            found.append(Problem((*at, i), f"repeats the {what} '{ident}'"))
        seen.add(ident)
    return found


def _element_ids(flows: list[dict[str, Any]], page_ids: Collection[PageId] = ()) -> list[Problem]:
    """One register of every element id the site's pages carry: those the templates, theme and scripts fix
    (``ids.FIXED``), every one the data generates (``ids.site_ids``) and the pages' own headings (``page_ids``). A
    second holder of an id is refused with the first named, as is a guide named like a page of its own (``about``),
    which its links would open instead."""
    first: dict[str, YamlPath] = {}
    found = []
    for i, flow in enumerate(flows):
        if flow["id"] in ids.OWN_PAGES:
            found.append(
                Problem(
                    ("flows", i, "id"),
                    f"is {flow['id']!r}, the name of a page of the site (docs/<language>/{flow['id']}.md), so a link "
                    "to this guide would open that page: choose another id",
                )
            )
    found += _register(ids.site_ids(flows), first)
    every = dict(first)
    for i, flow in enumerate(flows):
        mine = dict(first)
        found += _register(ids.checklist_ids(flow, ("flows", i)), mine)
        every.update({ident: at for ident, at in mine.items() if ident not in every})
    for page_id in page_ids:
        if page_id.ident in every:
            message = (
                f"gives the element id {shown(page_id.ident)}, which {page_id} takes too, so a link reaches only one"
                ": give the heading its own id, as in `# Title {: #my-id }`, or rename this"
            )
            found.append(Problem(every[page_id.ident], message))
    return found


def _register(given: Iterator[tuple[str, YamlPath]], first: dict[str, YamlPath]) -> list[Problem]:
    """Add ids to a register (``first``: each id's first holder), refusing one that is taken."""
    found = []
    for ident, at in given:
        if ident in ids.FIXED:
            found.append(Problem(at, f"gives the element id {ident!r}, which {ids.FIXED[ident]} has too: rename it"))
        elif ident in first and first[ident] != at:
            message = f"gives the element id {ident!r}, which another part of the site has too"
            found.append(Problem(at, message, also=first[ident]))
        first.setdefault(ident, at)
    return found


def _flow_kind(flow: dict[str, Any], at: YamlPath) -> list[Problem]:
    kinds = [k for k in STEP_KINDS if k in flow]
    if len(kinds) == 1 or (not kinds and "tips" in flow):
        return []
    have = ", ".join(kinds) or "none of them"
    return [Problem(at, f"needs exactly one of steps, routes, cases or sections (has {have})")]


def _flow_ids(flow: dict[str, Any], at: YamlPath) -> list[Problem]:
    found = []
    for key in (*GROUP_KINDS, "statuses", "tips", "facts", "sources"):
        found += _duplicates([item["id"] for item in flow.get(key, [])], (*at, key), "id")
    return found


def _label_refs(flow: dict[str, Any], at: YamlPath = ()) -> list[tuple[YamlPath, str]]:
    """Every label a flow names, with where: its steps' ``tap`` and its statuses' ``label``."""
    refs = [
        ((*s_at, "tap", j), key) for s_at, step in iter_steps(flow, at) for j, key in enumerate(step.get("tap", []))
    ]
    return refs + [((*at, "statuses", i, "label"), s["label"]) for i, s in enumerate(flow.get("statuses", []))]


def _flow_refs(flow: dict[str, Any], at: YamlPath, labels: dict[str, Any]) -> list[Problem]:
    known = ", ".join(sorted(labels))
    return [
        Problem(r_at, f"names the unknown label '{key}' (known: {known})")
        for r_at, key in _label_refs(flow, at)
        if key not in labels
    ]


def _flow_dates(flow: dict[str, Any], at: YamlPath, today: dt.date) -> list[Problem]:
    return _date_problems(flow, at, today)


DATED = "(today, or SOURCE_DATE_EPOCH's day when it is set)"


def _date_problems(record: dict[str, Any], at: YamlPath, today: dt.date) -> list[Problem]:
    """A record's ``sources_checked`` and its sources' dates: real dates, none in the future."""
    dates = [((*at, "sources_checked"), record["sources_checked"])] if "sources_checked" in record else []
    dates += [((*at, "sources", i, "date"), s["date"]) for i, s in enumerate(record.get("sources", [])) if "date" in s]
    found = []
    for d_at, text in dates:
        try:
            when = dt.date.fromisoformat(text)
        except ValueError:
            found.append(Problem(d_at, f"is not a real date: '{text}'"))
            continue
        if when > today:
            found.append(
                Problem(d_at, f"is in the future: '{text}' is after {today}, the day the build is dated {DATED}")
            )
    return found


def _flow_links(flow: dict[str, Any], at: YamlPath, allowed: list[str]) -> list[Problem]:
    found = []
    for i, source in enumerate(flow["sources"]):
        if problem := url_problem(source["url"], allowed):
            found.append(Problem((*at, "sources", i, "url"), problem))
    return found


def label_source_problems(data: dict[str, Any], today: dt.date) -> list[Problem]:
    """The top-level ``sources`` (those of the app labels): unique ids, real dates, allowed links; every label's
    ``cite`` names one of them, and each of them backs a label."""
    sources = [s["id"] for s in data.get("sources", [])]
    found = _duplicates(sources, ("sources",), "id")
    found += _date_problems(data, (), today)
    found += _flow_links({"sources": data.get("sources", [])}, (), data["allowed_hosts"])
    known = ", ".join(sources) or "none: add the top-level `sources`"
    cited: set[str] = set()
    for key, label in data["labels"].items():
        cited.update(label.get("cite", []))
        found += [
            Problem(
                ("labels", key, "cite", j), f"names '{c}', which is not one of the top-level sources (known: {known})"
            )
            for j, c in enumerate(label.get("cite", []))
            if c not in sources
        ]
    found += [
        Problem(("sources", i), f"is cited by no label: cite '{s}' in the labels it shows, or drop it")
        for i, s in enumerate(sources)
        if s not in cited
    ]
    return found


def records(flow: dict[str, Any], at: YamlPath) -> Iterator[tuple[str, YamlPath, dict[str, Any]]]:
    """Every record of a flow that can state a fact: (its kind, its path, the record)."""
    for s_at, step in iter_steps(flow, at):
        yield "step", s_at, step
    for kind in GROUP_KINDS:
        for g, group in enumerate(flow.get(kind, [])):
            yield "group", (*at, kind, g), group
    for key, kind in (("statuses", "status"), ("tips", "tip"), ("facts", "fact")):
        for i, item in enumerate(flow.get(key, [])):
            yield kind, (*at, key, i), item
    for i, answer in enumerate(flow.get("helper", {}).get("answers", [])):
        yield "answer", (*at, "helper", "answers", i), answer


def _flow_cites(flow: dict[str, Any], at: YamlPath) -> list[Problem]:
    """Every time limit, amount and rule names a source of its flow, and every source backs something."""
    sources = [s["id"] for s in flow["sources"]]
    cited: set[str] = set()
    found = []
    for kind, r_at, record in records(flow, at):
        cites = record.get("cite", [])
        cited.update(cites)
        found += [
            Problem(
                (*r_at, "cite", j), f"names '{c}', which is not a source of this flow (known: {', '.join(sources)})"
            )
            for j, c in enumerate(cites)
            if c not in sources
        ]
        stated = [f for f in STATED.get(kind, ()) if f in record and any(NUMBER.search(t) for t in record[f].values())]
        stated += [
            f"wait.{f}"
            for f in WAIT_FIELDS
            if any(NUMBER.search(t) for t in record.get("wait", {}).get(f, {}).values())
        ]
        if stated and not cites:
            found.append(Problem(r_at, f"states a number ({stated[0]}) without a source: add `cite` with a source id"))
    found += [
        Problem((*at, "sources", i), f"is cited by nothing: cite '{s}' where it backs a fact, or drop it")
        for i, s in enumerate(sources)
        if s not in cited
    ]
    return found


def _flow_required(flow: dict[str, Any], at: YamlPath) -> list[Problem]:
    found = []
    for key, required in REQUIRED.get(flow["id"], {}).items():
        have = [item["id"] for item in flow.get(key, [])] if key != "steps" else []
        if key not in flow:
            found.append(Problem((*at, key), "is missing"))
        found += [
            Problem((*at, key), f"is missing the required '{ident}'")
            for ident in required
            if key in flow and ident not in have
        ]
    if flow["id"] == "safe-shopping" and len(flow.get("tips", [])) < MIN_TIPS:
        found.append(Problem((*at, "tips"), f"needs at least {MIN_TIPS} tips"))
    return found


def linkable(data: dict[str, Any]) -> set[str]:
    """The element ids a reference may point at: every flow, and each of its routes, cases and sections
    (``cancel-order-cod``), statuses, facts, tips and its helper (``guide.model.Guide.targets``, on checked data)."""
    out: set[str] = set()
    for f in data["flows"]:
        fid = f["id"]
        out.add(fid)
        out |= {ids.group(fid, g["id"]) for k in GROUP_KINDS for g in f.get(k, [])}
        out |= {ids.status(fid, s["id"]) for s in f.get("statuses", [])}
        out |= {ids.fact(fid, x["id"]) for x in f.get("facts", [])}
        out |= {ids.tip(fid, t["id"]) for t in f.get("tips", [])}
        out |= {f["helper"]["id"]} if "helper" in f else set()
    return out


# --- references: see, next, and the urgent cases first ------------------------------------------------------

TARGET_WORDS = "a guide, route, case, section, status, fact, tip or helper id"


def reference_problems(flow: dict[str, Any], at: YamlPath, targets: set[str]) -> list[Problem]:
    """Every ``see`` and ``next`` names a part of the site, once, and not the record itself."""
    found = []
    holders = [(r_at, record) for _, r_at, record in records(flow, at)] + [(at, flow)]
    for r_at, record in holders:
        own = _own_id(flow, r_at, record)
        for key in ("see", "next"):
            refs = record.get(key, [])
            if not isinstance(refs, list):
                continue  # a helper answer's `see` is one id: checked with the helper
            found += _duplicates(refs, (*r_at, key), "reference")
            for j, ref in enumerate(refs):
                if ref not in targets:
                    found.append(Problem((*r_at, key, j), unknown_target(ref, targets)))
                elif ref == own:
                    found.append(Problem((*r_at, key, j), f"points at '{ref}', which is this part itself"))
    return found


def unknown_target(ref: str, targets: set[str]) -> str:
    """The message for a reference to no part of the site, with the nearest ids there are."""
    near = difflib.get_close_matches(ref, sorted(targets), n=3, cutoff=0.6)
    hint = f" (did you mean {', '.join(near)}?)" if near else ""
    return f"'{ref}' is not {TARGET_WORDS}{hint}"


def _own_id(flow: dict[str, Any], at: YamlPath, record: dict[str, Any]) -> str | None:
    """The element id of a record that can be a target itself (a flow, route, case or section)."""
    if record is flow:
        return flow["id"]
    if len(at) >= 2 and at[-2] in GROUP_KINDS:
        return ids.group(flow["id"], record["id"])
    return None


def _urgent_first(flow: dict[str, Any], at: YamlPath) -> list[Problem]:
    """An urgent case ("I already paid") comes before every case of its flow that is not urgent."""
    found = []
    for kind in GROUP_KINDS:
        calm: str | None = None
        for g, group in enumerate(flow.get(kind, [])):
            if not group.get("urgent"):
                calm = calm or group["id"]
            elif calm is not None:
                found.append(
                    Problem(
                        (*at, kind, g, "urgent"),
                        f"is urgent but comes after '{calm}', which is not: put the urgent ones first",
                    )
                )
    return found


# --- helpers -----------------------------------------------------------------------------------------------


def helper_problems(flow: dict[str, Any], at: YamlPath, data: dict[str, Any], targets: set[str]) -> list[Problem]:
    """Questions with real options, answers that name real choices, verdicts and links, and every choice answered."""
    if "helper" not in flow:
        return []
    at = (*at, "helper")
    helper = flow["helper"]
    options, found = _question_options(helper, at, data)
    verdicts = [v["id"] for v in helper["verdicts"]]
    found += _duplicates([q["id"] for q in helper["questions"]], (*at, "questions"), "question")
    found += _duplicates(verdicts, (*at, "verdicts"), "verdict")
    found += _duplicates([a["id"] for a in helper["answers"]], (*at, "answers"), "answer")
    cases = [c["id"] for c in flow.get("cases", [])]
    for i, answer in enumerate(helper["answers"]):
        found += _answer_problems(answer, (*at, "answers", i), options, verdicts, cases, targets)
    if not found:
        found += _coverage(helper, at, options)
    return found


def _question_options(
    helper: dict[str, Any], at: YamlPath, data: dict[str, Any]
) -> tuple[dict[str, list[str]], list[Problem]]:
    options: dict[str, list[str]] = {}
    found = []
    for i, question in enumerate(helper["questions"]):
        q_at = (*at, "questions", i)
        if ("options" in question) == ("statuses" in question):
            found.append(Problem(q_at, "needs exactly one of options or statuses"))
            continue
        if "statuses" in question:
            source = next((f for f in data["flows"] if f["id"] == question["statuses"]), None)
            if source is None or "statuses" not in source:
                found.append(Problem((*q_at, "statuses"), f"'{question['statuses']}' is not a flow with statuses"))
                continue
            options[question["id"]] = [s["id"] for s in source["statuses"]]
        else:
            options[question["id"]] = [o["id"] for o in question["options"]]
            found += _duplicates(options[question["id"]], (*q_at, "options"), "option")
    return options, found


def _answer_problems(
    answer: dict[str, Any],
    at: YamlPath,
    options: dict[str, list[str]],
    verdicts: list[str],
    cases: list[str],
    targets: set[str],
) -> list[Problem]:
    found = []
    for question, option in answer["when"].items():
        if question not in options:
            found.append(Problem((*at, "when", question), f"is not a question (known: {', '.join(options)})"))
        elif option not in options[question]:
            known = ", ".join(options[question])
            found.append(Problem((*at, "when", question), f"'{option}' is not an option of it (known: {known})"))
    if answer["verdict"] not in verdicts:
        found.append(
            Problem((*at, "verdict"), f"'{answer['verdict']}' is not a verdict (known: {', '.join(verdicts)})")
        )
    if "case" in answer and answer["case"] not in cases:
        found.append(Problem((*at, "case"), f"'{answer['case']}' is not a case (known: {', '.join(cases)})"))
    if "see" in answer and answer["see"] not in targets:
        found.append(Problem((*at, "see"), unknown_target(answer["see"], targets)))
    if "case" in answer and "see" in answer:
        found.append(Problem(at, "has both case and see: link to one place"))
    return found


def _coverage(helper: dict[str, Any], at: YamlPath, options: dict[str, list[str]]) -> list[Problem]:
    """Every combination of choices reaches an answer (the first that matches), and every answer is reached."""
    questions = [q["id"] for q in helper["questions"]]
    total = 1
    for q in questions:
        total *= len(options[q])
    if total > MAX_COMBINATIONS:
        return [Problem((*at, "questions"), f"have {total} combinations of choices; at most {MAX_COMBINATIONS}")]
    reached: set[int] = set()
    unanswered = []
    for combo in itertools.product(*(options[q] for q in questions)):
        chosen = dict(zip(questions, combo, strict=True))
        hit = first_match(helper["answers"], chosen)
        if hit is None:
            unanswered.append(chosen)
        else:
            reached.add(hit)
    found = []
    if unanswered:
        choice = ", ".join(f"{q} {o}" for q, o in unanswered[0].items())
        more = f" (and {len(unanswered) - 1} more)" if len(unanswered) > 1 else ""
        found.append(Problem((*at, "answers"), f"has no answer for: {choice}{more}"))
    found += [
        Problem((*at, "answers", i), "is never shown: an earlier answer always matches first")
        for i in range(len(helper["answers"]))
        if i not in reached
    ]
    return found


def first_match(answers: list[dict[str, Any]], chosen: dict[str, str]) -> int | None:
    """The index of the first answer whose conditions the choices meet."""
    for i, answer in enumerate(answers):
        if all(chosen.get(q) == o for q, o in answer["when"].items()):
            return i
    return None


def iter_steps(flow: dict[str, Any], at: YamlPath = ()) -> Iterator[tuple[YamlPath, dict[str, Any]]]:
    """Every step of a flow, with its path: ``flows[..].cases[..].steps[n]``."""
    for i, step in enumerate(flow.get("steps", [])):
        yield (*at, "steps", i), step
    for kind in GROUP_KINDS:
        for g, group in enumerate(flow.get(kind, [])):
            for i, step in enumerate(group["steps"]):
                yield (*at, kind, g, "steps", i), step
