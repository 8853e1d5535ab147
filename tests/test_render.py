"""The components, rendered from the real data: numbering, and/or words, ids, escaping and languages."""

from __future__ import annotations

import copy

import pytest

from macros.data import GROUP_KINDS, LANGS
from macros.i18n import load_ui
from macros.render import make_env
from macros.site import Site

from .htmlq import Node, parse


def site(guide: dict, lang: str) -> Site:
    return Site(guide, lang, load_ui(lang), make_env())


def rendered(guide: dict, lang: str, flow_id: str) -> Node:
    return parse(site(guide, lang).flow(flow_id))


def flow_of(guide: dict, flow_id: str) -> dict:
    return next(f for f in guide["flows"] if f["id"] == flow_id)


FLOWS = ["view-orders", "track-order", "cancel-order", "safe-shopping", "returns-help"]


@pytest.mark.parametrize("flow_id", FLOWS)
def test_steps_are_numbered_and_have_stable_ids(guide: dict, lang: str, flow_id: str) -> None:
    flow = flow_of(guide, flow_id)
    html = rendered(guide, lang, flow_id)
    assert html.by_id(flow_id).attrs["data-flow"] == flow_id
    expected = [f"{flow_id}-{n}" for n in range(1, len(flow.get("steps", [])) + 1)]
    for kind in GROUP_KINDS:
        for group in flow.get(kind, []):
            assert html.by_id(f"{flow_id}-{group['id']}").tag == "h2"
            expected += [f"{flow_id}-{group['id']}-{n}" for n in range(1, len(group["steps"]) + 1)]
    steps = html.all("li", "g-step")
    assert [s.attrs["id"] for s in steps] == expected
    word = load_ui(lang)["step"]
    for step in steps:
        assert step.one("span", "g-step__n").text == f"{word} {step.attrs['id'].rsplit('-', 1)[1]}"


def test_routes_are_joined_by_or(guide: dict, lang: str) -> None:
    html = rendered(guide, lang, "view-orders")
    words = [p.text for p in html.all("p", "g-or")]
    assert words == [load_ui(lang)["or"]] * (len(flow_of(guide, "view-orders")["routes"]) - 1)


def test_cases_are_not_joined_by_or_but_listed_to_jump_to(guide: dict, lang: str) -> None:
    html = rendered(guide, lang, "cancel-order")
    assert html.all("p", "g-or") == []
    links = [a.attrs["href"] for a in html.one("nav", "g-jump").all("a")]
    assert links == ["#cancel-order-unpaid", "#cancel-order-paid", "#cancel-order-cod", "#cancel-order-shipped"]


def test_step_text_is_in_the_page_language(guide: dict, lang: str) -> None:
    cod = next(c for c in flow_of(guide, "cancel-order")["cases"] if c["id"] == "cod")
    html = rendered(guide, lang, "cancel-order")
    for n, step in enumerate(cod["steps"], start=1):
        text = html.by_id(f"cancel-order-cod-{n}").one("p", "g-step__text").text
        assert text == " ".join(step["text"][lang].split())
        other = next(x for x in LANGS if x != lang)
        if step["text"][other] != step["text"][lang]:
            assert text != " ".join(step["text"][other].split())


def test_labels_are_bold_and_english_pages_name_the_indonesian_label(guide: dict) -> None:
    key, label = next((k, v) for k, v in guide["labels"].items() if v["id"] != v["en"])
    flow_id, step_id = next(
        (f["id"], html_id) for f in guide["flows"] for html_id, step in _steps(f) if key in step.get("tap", [])
    )
    english = rendered(guide, "en", flow_id).by_id(step_id)
    assert label["en"] in [b.text for b in english.all("strong", "g-label")]
    assert label["id"] in [s.text for s in english.all("span", lang="id")]
    indonesian = rendered(guide, "id", flow_id).by_id(step_id)
    assert label["id"] in [b.text for b in indonesian.all("strong", "g-label")]
    assert indonesian.all("span", lang="id") == [] and indonesian.all("span", "g-native") == []


def _steps(flow: dict) -> list[tuple[str, dict]]:
    out = [(f"{flow['id']}-{n}", s) for n, s in enumerate(flow.get("steps", []), start=1)]
    for kind in GROUP_KINDS:
        for g in flow.get(kind, []):
            out += [(f"{flow['id']}-{g['id']}-{n}", s) for n, s in enumerate(g["steps"], start=1)]
    return out


def test_uncertain_steps_and_labels_show_a_visible_marker_with_the_reason(guide: dict, lang: str) -> None:
    ui = load_ui(lang)
    for flow in guide["flows"]:
        html = rendered(guide, lang, flow["id"])
        for html_id, step in _steps(flow):
            notes = [p.text for p in html.by_id(html_id).all("p", "g-uncertain")]
            reasons = [
                guide["labels"][k]["uncertain"][lang] for k in step.get("tap", []) if "uncertain" in guide["labels"][k]
            ]
            reasons += [step["uncertain"][lang]] if "uncertain" in step else []
            assert len(notes) == len(reasons), html_id
            for note, reason in zip(notes, reasons, strict=True):
                assert note.startswith(ui["uncertain"]) and " ".join(reason.split()) in note


def test_step_counts_match_between_languages(guide: dict) -> None:
    for flow in guide["flows"]:
        counts = {lang: len(rendered(guide, lang, flow["id"]).all("li", "g-step")) for lang in LANGS}
        assert len(set(counts.values())) == 1, (flow["id"], counts)
        assert counts["id"] == len(_steps(flow))


def test_the_status_glossary_has_every_status(guide: dict, lang: str) -> None:
    html = rendered(guide, lang, "track-order")
    ids = [d.attrs["id"] for d in html.all("div", "g-status")]
    assert ids == [
        f"track-order-status-{s}" for s in ("unpaid", "to-ship", "shipped", "to-review", "cancelled", "returns")
    ]


def test_text_from_the_yaml_is_escaped(guide: dict) -> None:
    bad = copy.deepcopy(guide)
    flow_of(bad, "cancel-order")["cases"][0]["steps"][0]["text"]["en"] = '<script>alert("x")</script> & <b>'
    html = site(bad, "en").flow("cancel-order")
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;" in html


def test_sources_and_date_are_shown_in_the_page_language(guide: dict) -> None:
    flow = flow_of(guide, "cancel-order")
    day = flow["last_verified"]
    for lang in LANGS:
        meta = rendered(guide, lang, "cancel-order").one("section", "g-meta")
        time = meta.one("time")
        assert time.attrs["datetime"] == day
        month = load_ui(lang)["months"][int(day[5:7]) - 1]
        assert time.text == f"{int(day[8:])} {month} {day[:4]}"
        assert [a.attrs["href"] for a in meta.all("a")] == [s["url"] for s in flow["sources"]]


def test_the_checklist_has_a_labelled_box_per_step(guide: dict, lang: str) -> None:
    html = parse(site(guide, lang).checklist("cancel-order"))
    cases = {c["id"]: c for c in flow_of(guide, "cancel-order")["cases"]}
    boxes = html.all("input", type="checkbox")
    assert len(boxes) == sum(len(cases[c]["steps"]) for c in ("unpaid", "paid", "cod"))
    for box in boxes:
        assert html.one("label", for_=box.attrs["id"]).text


def test_an_unknown_component_is_an_error() -> None:
    from macros.data import DataError
    from macros.render import render

    with pytest.raises(DataError) as caught:
        render(make_env(), "flows")
    assert str(caught.value) == "unknown component 'flows' (known: checklist, flow, helper, sources, tasks)"
