"""The components, drawn from the small guide: situations first, numbering, and/or words, ids, labels, the
"not confirmed" markers, sources, escaping and languages."""

from __future__ import annotations

import dataclasses

import pytest

from guide.errors import DataError
from guide.htmlq import Node, parse
from guide.language_site import LanguageSite
from guide.languages import codes, reference
from guide.render import make_env, render
from guide.ui import load_ui

from ..conftest import TODAY


def drawn(mini_site, lang: str, flow_id: str) -> Node:
    return parse(mini_site(lang).flow(flow_id))


def test_a_guide_starts_with_its_situations_each_with_its_answer(mini_site, mini, lang) -> None:
    html = drawn(mini_site, lang, "mini-cases")
    first = next(node for node in html.by_id("mini-cases").children if isinstance(node, Node))
    assert first.tag == "nav" and "g-situations" in first.classes
    assert first.one("h2").text == load_ui(lang)["situations"]
    lines = [(a.attrs["href"], a.one("span", "g-situations__what").text, a.one("span", "g-situations__answer").text)
             for a in first.all("a")]  # fmt: skip
    cases = mini.flow("mini-cases").groups
    urgent = load_ui(lang)["urgent"] + " "
    assert lines == [(f"#mini-cases-{c.id}", urgent * c.urgent + c.title[lang], c.answer[lang]) for c in cases]


def test_routes_are_listed_as_ways_and_joined_by_or(mini_site, lang) -> None:
    html = drawn(mini_site, lang, "mini-ways")
    assert html.one("nav", "g-situations").one("h2").text == load_ui(lang)["situations_routes"]
    assert [p.text for p in html.all("p", "g-or")] == [load_ui(lang)["or"]]


def test_a_guide_of_statuses_lists_them_by_their_app_label(mini_site, lang) -> None:
    nav = drawn(mini_site, lang, "mini-status").one("nav", "g-situations")
    assert nav.one("h2").text == load_ui(lang)["situations_statuses"]
    assert [a.attrs["href"] for a in nav.all("a")] == ["#mini-status-status-open", "#mini-status-status-done"]


def test_every_route_case_and_section_is_a_part_that_folds(mini_site, mini, lang) -> None:
    for flow_id in ("mini-ways", "mini-cases", "mini-parts"):
        html = drawn(mini_site, lang, flow_id)
        folds = [f for f in html.all("section") if "g-fold" in f.classes and "g-group" in f.classes]
        assert [f.one("h2").attrs["id"] for f in folds] == [f"{flow_id}-{g.id}" for g in mini.flow(flow_id).groups]
        for fold in folds:
            heading = fold.one("h2")
            assert "g-fold__title" in heading.classes and fold.attrs["aria-labelledby"] == heading.attrs["id"]
            assert fold.one("div", "g-fold__body").attrs["id"] == heading.attrs["id"] + "-body"


def test_steps_are_numbered_and_have_stable_ids(mini_site, mini, lang) -> None:
    for flow in mini.flows:
        html = drawn(mini_site, lang, flow.id)
        assert html.by_id(flow.id).attrs["data-flow"] == flow.id
        steps = html.all("li", "g-step")
        assert [s.attrs["id"] for s in steps] == [ident for ident, _ in flow.all_steps()]
        word = load_ui(lang)["step"]
        for step in steps:
            assert step.one("span", "g-step__n").text == f"{word} {step.attrs['id'].rsplit('-', 1)[1]}"


def test_step_text_is_in_the_page_language(mini_site, mini, lang) -> None:
    html = drawn(mini_site, lang, "mini-cases")
    for ident, step in mini.flow("mini-cases").all_steps():
        text = html.by_id(ident).one("p", "g-step__text").text
        assert text == step.text[lang]
        assert all(text != step.text[other] for other in codes() if step.text[other] != step.text[lang])


def test_a_step_is_quiet_its_action_its_labels_and_small_named_tools(mini_site) -> None:
    site = LanguageSite.make(mini_site("en").guide, "en", TODAY, "https://example.org/", feedback="tanya@example.org")
    step = parse(site.flow("mini-ways")).by_id("mini-ways-first-2")
    body = step.one("div", "g-step__body")
    # text, labels, don't see, see also
    assert [c.tag for c in body.children if isinstance(c, Node)] == ["p", "div", "p", "p"]
    copy = step.one("button", "g-copy")
    assert copy.attrs["aria-label"] == "Copy link to step 2" and copy.attrs["data-target"] == "mini-ways-first-2"
    assert copy.text == "", "an icon button: its name is its aria-label"
    report = step.one("a", "g-report")
    assert report.attrs["href"].startswith("mailto:tanya@example.org?") and report.attrs["aria-label"].endswith(" 2")


def test_labels_are_bold_and_other_languages_name_the_indonesian_label(mini_site) -> None:
    english = drawn(mini_site, "en", "mini-ways").by_id("mini-ways-first-2")
    assert [b.text for b in english.all("strong", "g-label")] == ["Home", "Orders"]
    assert [s.text for s in english.all("span", lang="id")] == ["Beranda", "Pesanan"]
    indonesian = drawn(mini_site, "id", "mini-ways").by_id("mini-ways-first-2")
    assert [b.text for b in indonesian.all("strong", "g-label")] == ["Beranda", "Pesanan"]
    assert indonesian.all("span", lang="id") == [] and indonesian.all("span", "g-native") == []


def expected_reasons(step, mini, lang: str) -> list[tuple[str, str | None]]:
    """What a step's one mark should say: the step's own reason, then each weak label's, named (an editor's reason,
    or the interface's words for a label with one source or none)."""
    ui = load_ui(lang)
    reasons = [(step.uncertain[lang], None)] if step.uncertain else []
    for key in dict.fromkeys(step.tap):
        label = mini.labels[key]
        if label.uncertain:
            reasons.append((label.uncertain[lang], label.text[lang]))
        elif label.evidence in ("one", "none"):
            reasons.append((ui[f"label_unsure_{label.evidence}"], label.text[lang]))
    return reasons


def test_a_step_carries_one_mark_at_most_with_every_reason_that_opens_without_a_script(mini_site, mini, lang) -> None:
    ui = load_ui(lang)
    seen = 0
    for flow in mini.flows:
        html = drawn(mini_site, lang, flow.id)
        for ident, step in flow.all_steps():
            markers = html.by_id(ident).all("details", "g-unsure")
            reasons = expected_reasons(step, mini, lang)
            assert len(markers) == (1 if reasons else 0), ident
            if not reasons:
                continue
            seen += len(reasons) > 1
            summary = markers[0].one("summary")
            assert summary.text.startswith("?") and ui["uncertain"] in summary.text
            about = [label for _, label in reasons if label]
            if about:
                assert summary.one("span", "g-sr").text == f": {', '.join(about)}", "screen readers hear what is unsure"
            whys = markers[0].all("span", "g-unsure__why")
            assert [w.text for w in whys] == [f"{label}: {text}" if label else text for text, label in reasons]
    assert seen, "the small guide has a step with a reason of its own and a weak label"


def test_a_label_is_marked_only_when_its_sources_are_weak_or_its_editor_says_why(mini_site, mini) -> None:
    ways = drawn(mini_site, "en", "mini-ways")
    assert ways.by_id("mini-ways-first-1").all("details", "g-unsure") == [], "an official page confirms Home"
    step = ways.by_id("mini-ways-first-2")  # Home (official), then Orders (no source, and its editor says why)
    assert [s.text for s in step.all("span", "g-sr") if s.text.startswith(":")] == [": Orders"]
    two_guides = ways.by_id("mini-ways-second-1").one("details", "g-unsure")
    assert "Menu" not in two_guides.text, "two recent independent guides confirm a label"
    one_source = drawn(mini_site, "en", "mini-status").by_id("mini-status-1").one("details", "g-unsure")
    assert one_source.one("span", "g-unsure__why").text == f"Open: {load_ui('en')['label_unsure_one']}"


def test_a_number_names_its_source_with_a_numbered_link(mini_site, lang) -> None:
    html = drawn(mini_site, lang, "mini-ways")
    cite = html.by_id("mini-ways-first-2").one("a", "g-cite")
    assert cite.text == "[1]" and cite.attrs["href"] == "#mini-ways-source-official"
    assert cite.attrs["aria-label"] == f"{load_ui(lang)['source']} 1: Official page"
    assert html.by_id("mini-ways-second-1").all("a", "g-cite") == [], "no number in the step: no citation shown"
    assert html.by_id("mini-ways-source-official").tag == "li"
    timing = drawn(mini_site, lang, "mini-cases").one("p", "g-timing")
    assert [a.attrs["href"] for a in timing.all("a", "g-cite")] == ["#mini-cases-source-cases-page"]


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
    assert len(tips.all("details", "g-unsure")) == 1
    facts = drawn(mini_site, lang, "mini-parts").one("section", "g-facts")
    assert [d.attrs["id"] for d in facts.all("dt")] == ["mini-parts-fact-limit", "mini-parts-fact-money"]
    assert len(facts.all("a", "g-cite")) == 2


def test_text_from_the_data_is_escaped(mini) -> None:
    flow = mini.flow("mini-cases")
    step = flow.groups[0].steps[0]
    bad_step = dataclasses.replace(step, text={**step.text, "en": '<script>alert("x")</script> & <b>'})
    bad_group = dataclasses.replace(flow.groups[0], steps=(bad_step, *flow.groups[0].steps[1:]))
    bad_flow = dataclasses.replace(flow, groups=(bad_group, *flow.groups[1:]))
    bad = dataclasses.replace(mini, flows=tuple(bad_flow if f.id == flow.id else f for f in mini.flows))
    html = LanguageSite.make(bad, "en", TODAY).flow("mini-cases")
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;" in html


def test_sources_and_date_are_shown_in_the_page_language(mini_site, mini, lang) -> None:
    flow = mini.flow("mini-ways")
    meta = drawn(mini_site, lang, "mini-ways").one("section", "g-meta")
    assert meta.one("h2").text == f"{load_ui(lang)['sources']} (2)"
    time = meta.one("time")
    assert time.attrs["datetime"] == "2026-11-01"
    assert time.text == f"1 {load_ui(lang)['months'][10]} 2026"
    own, buttons = meta.all("ol")
    assert [a.attrs["href"] for a in own.all("a")] == [s.url for s in flow.sources]
    assert f"24 {load_ui(lang)['months'][9]} 2026" in own.text
    assert own.text.count(f"({load_ui(lang)['official']})") == 1
    cited = {c for _, step in flow.all_steps() for key in step.tap for c in mini.labels[key].cite}
    assert [a.attrs["href"] for a in buttons.all("a")] == [s.url for s in mini.sources if s.id in cited]


def test_the_checklist_has_a_labelled_box_per_step_and_marks_what_is_unsure(mini_site, mini, lang) -> None:
    html = parse(mini_site(lang).checklist("mini-cases", tick=("early",)))
    boxes = html.all("input", type="checkbox")
    assert len(boxes) == len(mini.flow("mini-cases").group("early").steps)
    for box in boxes:
        assert html.one("label", for_=box.attrs["id"]).text
    late = mini.flow("mini-cases").group("late").title[lang]
    assert [h.text for h in html.all("h2")][-2] == f"{load_ui(lang)['checklist_shipped']} {late}"
    label = html.one("label", for_="check-mini-cases-early-1")
    assert label.one("span", "g-mark").text == "?", "the label Orders is not confirmed"


def test_the_checklist_prints_its_address_only_on_a_published_site(mini) -> None:
    address = "https://example.org/cancel-checklist.html"
    published = LanguageSite.make(mini, "en", TODAY, "https://example.org/")
    assert parse(published.checklist("mini-cases", ("early",), address)).one("p", "g-address").one("a").text == address
    local = LanguageSite.make(mini, "en", TODAY, "http://127.0.0.1:8000/")
    assert parse(local.checklist("mini-cases", ("early",), "http://127.0.0.1:8000/c.html")).all("p", "g-address") == []


def test_the_home_list_links_to_every_flow(mini_site, mini, lang) -> None:
    links = parse(mini_site(lang).tasks()).all("a", "g-task")
    assert [a.attrs["href"] for a in links] == [f"{f.id}.html" for f in mini.flows]
    assert [a.one("strong").text for a in links] == [f.title[lang] for f in mini.flows]


def test_the_about_page_lists_every_flows_sources(mini_site, mini, lang) -> None:
    html = parse(mini_site(lang).sources())
    assert [h.attrs["id"] for h in html.all("h3")] == [*(f"sources-{f.id}" for f in mini.flows), "label-sources"]
    listed = [a.attrs["href"] for a in html.all("section")[-1].all("a")]
    assert listed == [s.url for s in mini.sources], "the About page lists every source of the button names"
    assert html.all("section")[-1].one("time").attrs["datetime"] == "2026-11-20"


def test_an_unknown_component_is_an_error() -> None:
    with pytest.raises(DataError) as caught:
        render(make_env(), "flows")
    known = "chat-checklist, checklist, flow, helper, sources, tasks"
    assert str(caught.value) == f"unknown component 'flows' (known: {known})"


def test_the_reference_language_is_indonesian() -> None:
    assert reference().code == "id"
