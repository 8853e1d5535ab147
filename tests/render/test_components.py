"""The components, drawn from the small guide: numbering, and/or words, ids, labels, notes, escaping, languages."""

from __future__ import annotations

import dataclasses

import pytest

from guide.errors import DataError
from guide.languages import codes, reference
from guide.render import make_env, render
from guide.site import Site
from guide.ui import load_ui
from scripts.htmlq import Node, parse

from ..conftest import TODAY


def drawn(mini_site, lang: str, flow_id: str) -> Node:
    return parse(mini_site(lang).flow(flow_id))


def test_steps_are_numbered_and_have_stable_ids(mini_site, mini, lang) -> None:
    for flow in mini.flows:
        html = drawn(mini_site, lang, flow.id)
        assert html.by_id(flow.id).attrs["data-flow"] == flow.id
        for group in flow.groups:
            assert html.by_id(f"{flow.id}-{group.id}").tag == "h2"
        steps = html.all("li", "g-step")
        assert [s.attrs["id"] for s in steps] == [ident for ident, _ in flow.all_steps()]
        word = load_ui(lang)["step"]
        for step in steps:
            assert step.one("span", "g-step__n").text == f"{word} {step.attrs['id'].rsplit('-', 1)[1]}"


def test_routes_are_joined_by_or(mini_site, lang) -> None:
    words = [p.text for p in drawn(mini_site, lang, "mini-ways").all("p", "g-or")]
    assert words == [load_ui(lang)["or"]]


def test_cases_are_not_joined_by_or_but_listed_to_jump_to(mini_site, lang) -> None:
    html = drawn(mini_site, lang, "mini-cases")
    assert html.all("p", "g-or") == []
    assert [a.attrs["href"] for a in html.one("nav", "g-jump").all("a")] == ["#mini-cases-early", "#mini-cases-late"]


def test_step_text_is_in_the_page_language(mini_site, mini, lang) -> None:
    html = drawn(mini_site, lang, "mini-cases")
    for ident, step in mini.flow("mini-cases").all_steps():
        text = html.by_id(ident).one("p", "g-step__text").text
        assert text == step.text[lang]
        assert all(text != step.text[other] for other in codes() if step.text[other] != step.text[lang])


def test_labels_are_bold_and_other_languages_name_the_indonesian_label(mini_site) -> None:
    english = drawn(mini_site, "en", "mini-ways").by_id("mini-ways-first-2")
    assert [b.text for b in english.all("strong", "g-label")] == ["Home", "Orders"]
    assert [s.text for s in english.all("span", lang="id")] == ["Beranda", "Pesanan"]
    indonesian = drawn(mini_site, "id", "mini-ways").by_id("mini-ways-first-2")
    assert [b.text for b in indonesian.all("strong", "g-label")] == ["Beranda", "Pesanan"]
    assert indonesian.all("span", lang="id") == [] and indonesian.all("span", "g-native") == []


def test_a_label_that_reads_the_same_in_both_languages_is_not_repeated(mini_site) -> None:
    step = drawn(mini_site, "en", "mini-ways").by_id("mini-ways-second-1")
    assert [b.text for b in step.all("strong", "g-label")] == ["Menu"] and step.all("span", "g-native") == []


def test_uncertain_steps_and_labels_show_a_visible_marker_with_the_reason(mini_site, mini, lang) -> None:
    ui = load_ui(lang)
    for flow in mini.flows:
        html = drawn(mini_site, lang, flow.id)
        for ident, step in flow.all_steps():
            notes = [p.text for p in html.by_id(ident).all("p", "g-uncertain")]
            labels = [mini.labels[k] for k in step.tap]
            reasons = [label.uncertain[lang] for label in labels if label.uncertain]
            reasons += [step.uncertain[lang]] if step.uncertain else []
            assert len(notes) == len(reasons), ident
            for note, reason in zip(notes, reasons, strict=True):
                assert note.startswith(ui["uncertain"]) and reason in note


def test_step_counts_match_between_languages(mini_site, mini) -> None:
    for flow in mini.flows:
        counts = {lang: len(drawn(mini_site, lang, flow.id).all("li", "g-step")) for lang in codes()}
        assert set(counts.values()) == {len(list(flow.all_steps()))}, (flow.id, counts)


def test_the_status_glossary_has_every_status(mini_site, lang) -> None:
    html = drawn(mini_site, lang, "mini-status")
    assert [d.attrs["id"] for d in html.all("div", "g-status")] == [
        "mini-status-status-open",
        "mini-status-status-done",
    ]


def test_tips_and_facts_have_their_ids_and_notes(mini_site, lang) -> None:
    tips = drawn(mini_site, lang, "mini-tips")
    assert [tip.one("h2").attrs["id"] for tip in tips.all("li", "g-tip")] == ["mini-tips-check", "mini-tips-ask"]
    assert len(tips.all("p", "g-uncertain")) == 1
    facts = drawn(mini_site, lang, "mini-parts").one("section", "g-facts")
    assert [d.attrs["id"] for d in facts.all("dt")] == ["mini-parts-fact-limit", "mini-parts-fact-money"]


def test_text_from_the_data_is_escaped(mini) -> None:
    flow = mini.flow("mini-cases")
    step = flow.groups[0].steps[0]
    bad_step = dataclasses.replace(step, text={**step.text, "en": '<script>alert("x")</script> & <b>'})
    bad_group = dataclasses.replace(flow.groups[0], steps=(bad_step, *flow.groups[0].steps[1:]))
    bad_flow = dataclasses.replace(flow, groups=(bad_group, *flow.groups[1:]))
    bad = dataclasses.replace(mini, flows=tuple(bad_flow if f.id == flow.id else f for f in mini.flows))
    html = Site.make(bad, "en", TODAY).flow("mini-cases")
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;" in html


def test_sources_and_date_are_shown_in_the_page_language(mini_site, mini, lang) -> None:
    flow = mini.flow("mini-ways")
    meta = drawn(mini_site, lang, "mini-ways").one("section", "g-meta")
    time = meta.one("time")
    assert time.attrs["datetime"] == "2026-11-01"
    assert time.text == f"1 {load_ui(lang)['months'][10]} 2026"
    assert [a.attrs["href"] for a in meta.all("a")] == [s.url for s in flow.sources]
    assert f"24 {load_ui(lang)['months'][9]} 2026" in meta.text
    assert meta.text.count(f"({load_ui(lang)['official']})") == 1


def test_the_checklist_has_a_labelled_box_per_step(mini_site, mini, lang) -> None:
    html = parse(mini_site(lang).checklist("mini-cases", tick=("early",)))
    boxes = html.all("input", type="checkbox")
    assert len(boxes) == len(mini.flow("mini-cases").group("early").steps)
    for box in boxes:
        assert html.one("label", for_=box.attrs["id"]).text
    assert [h.text for h in html.all("h2")][
        -2
    ] == f"{load_ui(lang)['checklist_shipped']} {mini.flow('mini-cases').group('late').title[lang]}"


def test_the_checklist_prints_its_address_when_given_one(mini_site) -> None:
    html = parse(mini_site("en").checklist("mini-cases", tick=("early",), address="https://example.org/c.html"))
    assert html.one("p", "g-address").one("a").attrs["href"] == "https://example.org/c.html"


def test_the_home_list_links_to_every_flow(mini_site, mini, lang) -> None:
    links = parse(mini_site(lang).tasks()).all("a", "g-task")
    assert [a.attrs["href"] for a in links] == [f"{f.id}.html" for f in mini.flows]
    assert [a.one("strong").text for a in links] == [f.title[lang] for f in mini.flows]


def test_the_about_page_lists_every_flows_sources(mini_site, mini, lang) -> None:
    html = parse(mini_site(lang).sources())
    assert [h.attrs["id"] for h in html.all("h3")] == [f"sources-{f.id}" for f in mini.flows]


def test_an_unknown_component_is_an_error() -> None:
    with pytest.raises(DataError) as caught:
        render(make_env(), "flows")
    assert str(caught.value) == "unknown component 'flows' (known: checklist, flow, helper, sources, tasks)"


def test_the_reference_language_is_indonesian() -> None:
    assert reference().code == "id"
