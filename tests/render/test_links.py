"""Answers that lead somewhere, drawn from the small guide: links to other parts by id (titled in the page's language,
naming the other guide when it is on another page), the places to go next, waits with their until and then, the
urgent case first, and the line on where the button names come from."""

from __future__ import annotations

from guide.ui import load_ui
from scripts.htmlq import Node, parse


def drawn(mini_site, lang: str, flow_id: str) -> Node:
    return parse(mini_site(lang).flow(flow_id))


def said(node: Node) -> str:
    """A node's text as read (htmlq puts a space around every element, even before a comma)."""
    return node.text.replace(" ,", ",")


def links(node: Node) -> list[tuple[str, str]]:
    return [(a.attrs["href"], said(a)) for a in node.all("a", "g-ref")]


def test_a_step_links_to_the_parts_it_names_with_their_titles(mini_site, mini, lang) -> None:
    ui = load_ui(lang)
    step = drawn(mini_site, lang, "mini-ways").by_id("mini-ways-first-2")
    see = step.one("p", "g-refs--see")
    assert see.one("strong", "g-refs__lead").text == f"{ui['see']}:"
    late, cases = mini.flow("mini-cases").group("late").title[lang], mini.flow("mini-cases").title[lang]
    assert links(see) == [
        ("#mini-ways-second", mini.flow("mini-ways").group("second").title[lang]),
        ("mini-cases.html#mini-cases-late", f"{late}, {ui['in_guide']} {cases}"),
    ], "a part of this page by its title; a part of another page by its title and its guide's"


def test_a_case_ends_with_where_to_go_next(mini_site, mini, lang) -> None:
    ui = load_ui(lang)
    html = drawn(mini_site, lang, "mini-cases")
    body = html.by_id("mini-cases-already-body")
    nexts = body.all("p", "g-refs--next")
    assert len(nexts) == 1 and nexts[0] is [n for n in body.children if isinstance(n, Node)][-1], "it comes last"
    assert nexts[0].one("strong").text == f"{ui['next']}:"
    parts, tips = mini.flow("mini-parts"), mini.flow("mini-tips")
    assert links(nexts[0]) == [
        ("mini-parts.html#mini-parts-ask", f"{parts.group('ask').title[lang]}, {ui['in_guide']} {parts.title[lang]}"),
        ("mini-tips.html#mini-tips-check", f"{tips.tips[0].title[lang]}, {ui['in_guide']} {tips.title[lang]}"),
    ]
    status = mini.labels["tab-done"].text[lang]
    assert links(html.by_id("mini-cases-early-body").one("p", "g-refs--next"))[0][1].startswith(status), (
        "a status is named by its app label"
    )
    assert html.by_id("mini-cases-late-body").all("p", "g-refs--next") == []


def test_a_guide_of_steps_only_ends_with_its_own_next(mini_site, mini, lang) -> None:
    flow = drawn(mini_site, lang, "mini-status").by_id("mini-status")
    nexts = [n for n in flow.children if isinstance(n, Node) and "g-refs--next" in n.classes]
    assert links(nexts[0]) == [("mini-cases.html", mini.flow("mini-cases").title[lang])], "a guide is named alone"


def test_statuses_tips_and_facts_link_too(mini_site, mini, lang) -> None:
    status = drawn(mini_site, lang, "mini-status").by_id("mini-status-status-open")
    assert [href for href, _ in links(status)] == ["mini-cases.html#mini-cases-early"]
    tips = drawn(mini_site, lang, "mini-tips").all("li", "g-tip")
    assert [href for href, _ in links(tips[1])] == ["mini-parts.html#mini-parts-fact-limit"]
    facts = drawn(mini_site, lang, "mini-parts").one("section", "g-facts")
    helper = mini.flow("mini-cases").helper
    assert links(facts) == [("mini-cases.html#can-i", f"{helper.title[lang]}, {load_ui(lang)['in_guide']} "
                                                      f"{mini.flow('mini-cases').title[lang]}")]  # fmt: skip


def test_a_helper_answer_links_with_the_targets_title(mini_site, mini, lang) -> None:
    html = parse(mini_site(lang).helper("mini-cases"))
    other = html.by_id("can-i-otherwise").one("p", "g-answer__next").one("a")
    parts = mini.flow("mini-parts")
    title = f"{load_ui(lang)['helper_next']}: {parts.group('ask').title[lang]}"
    assert said(other) == f"{title}, {load_ui(lang)['in_guide']} {parts.title[lang]}"


def test_a_wait_says_until_when_and_what_then(mini_site, mini, lang) -> None:
    ui = load_ui(lang)
    step = drawn(mini_site, lang, "mini-cases").by_id("mini-cases-late-1")
    wait = mini.flow("mini-cases").group("late").steps[0].wait
    drawn_wait = step.one("p", "g-wait")
    assert drawn_wait.one("span", "g-wait__until").text == f"{ui['wait_until']}: {wait.until[lang]}"
    assert drawn_wait.one("span", "g-wait__then").text == f"{ui['wait_then']}: {wait.then[lang]}"
    status = drawn(mini_site, lang, "mini-status").by_id("mini-status-status-open")
    assert status.one("p", "g-wait").one("span", "g-wait__until").text.startswith(ui["wait_until"])


def test_an_urgent_case_comes_first_and_says_so(mini_site, mini, lang) -> None:
    word = load_ui(lang)["urgent"]
    html = drawn(mini_site, lang, "mini-cases")
    first = html.one("nav", "g-situations").all("li")[0]
    assert first.one("span", "g-urgent").text == word
    heading = html.by_id("mini-cases-already")
    assert heading.one("span", "g-urgent").text == word
    assert heading.text == f"{word} {mini.flow('mini-cases').group('already').title[lang]}"
    assert "g-group--urgent" in html.all("section", "g-group")[0].classes
    assert [s.all("span", "g-urgent") for s in html.all("section", "g-group")[1:]] == [[], []]


def test_one_line_says_where_the_button_names_come_from_with_its_date(mini_site, mini, lang) -> None:
    ui = load_ui(lang)
    html = drawn(mini_site, lang, "mini-ways")
    note = html.one("p", "g-labels-note")
    assert note.text.startswith(ui["labels_note"]) and ui["labels_differ"] in note.text
    assert note.one("time").attrs["datetime"] == mini.sources_checked.isoformat()
    assert note.one("a").attrs["href"] == "#mini-ways-sources"
    flow = html.by_id("mini-ways")
    parts = [n for n in flow.children if isinstance(n, Node)]
    assert parts.index(note) < parts.index(flow.all("section", "g-group")[0]), "before the first steps"
    assert drawn(mini_site, lang, "mini-tips").all("p", "g-labels-note") == [], "a guide that names no button"


def test_the_list_heading_says_what_is_listed(mini_site, lang) -> None:
    ui = load_ui(lang)
    titles = {f: drawn(mini_site, lang, f).one("h2", "g-situations__title").text for f in
              ("mini-ways", "mini-status", "mini-cases", "mini-tips", "mini-parts")}  # fmt: skip
    assert titles == {
        "mini-ways": ui["situations_routes"],
        "mini-status": ui["situations_statuses"],
        "mini-cases": ui["situations"],
        "mini-tips": ui["situations_tips"],
        "mini-parts": ui["situations"],
    }


def test_a_guide_of_facts_is_not_a_list_of_situations(mini, lang) -> None:
    import dataclasses

    from guide.site import Site

    from ..conftest import TODAY

    parts = mini.flow("mini-parts")
    facts_only = dataclasses.replace(parts, kind="steps", groups=(), steps=parts.groups[0].steps)
    guide = dataclasses.replace(mini, flows=tuple(facts_only if f.id == parts.id else f for f in mini.flows))
    html = parse(Site.make(guide, lang, TODAY).flow("mini-parts"))
    assert html.one("h2", "g-situations__title").text == load_ui(lang)["situations_facts"]


def test_a_dont_see_that_asks_its_own_question_has_no_second_one(mini_site, lang) -> None:
    ui = load_ui(lang)
    html = drawn(mini_site, lang, "mini-ways")
    asks = html.by_id("mini-ways-second-1").one("p", "g-dontsee")
    assert asks.all("strong") == [] and ui["dont_see"] not in asks.text
    plain = html.by_id("mini-ways-first-2").one("p", "g-dontsee")
    assert plain.one("strong").text == ui["dont_see"]


def test_the_checklist_links_name_their_guide(mini_site, mini, lang) -> None:
    html = parse(mini_site(lang).checklist("mini-cases", tick=("early",)))
    hrefs = [a.attrs["href"] for a in html.all("a", "g-ref")]
    assert "mini-status.html#mini-status-status-done" in hrefs, "a checklist is another page: every link names it"
    assert all(not h.startswith("#") for h in hrefs)
