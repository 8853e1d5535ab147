"""Decision helpers drawn from the small guide: the questions, and every answer with the choices it is for."""

from __future__ import annotations

from guide.htmlq import parse
from guide.ui import load_ui


def helper(mini_site, lang: str):
    return parse(mini_site(lang).helper("mini-cases"))


def test_the_questions_offer_their_options_and_statuses_by_app_label(mini_site, mini, lang) -> None:
    html = helper(mini_site, lang)
    fieldsets = html.all("fieldset")
    assert [f.one("legend").text for f in fieldsets] == [q.text[lang] for q in mini.flow("mini-cases").helper.questions]
    radios = [(i.attrs["name"], i.attrs["value"], i.attrs["data-question"]) for i in html.all("input", type="radio")]
    assert radios == [("can-i-status", "open", "status"), ("can-i-status", "done", "status"),
                      ("can-i-pay", "card", "pay"), ("can-i-pay", "cash", "pay")]  # fmt: skip
    assert [b.text for b in fieldsets[0].all("strong", "g-label")] == [mini.labels["tab-open"].text[lang],
                                                                       mini.labels["tab-done"].text[lang]]  # fmt: skip


def test_every_answer_has_its_own_id_and_says_which_choices_it_is_for(mini_site, lang) -> None:
    html = helper(mini_site, lang)
    answers = html.all("div", "g-answer")
    assert [(a.attrs["id"], a.attrs["data-when"]) for a in answers] == [
        ("can-i-open-card", "status=open pay=card"),
        ("can-i-open-cash", "status=open pay=cash"),
        ("can-i-done-card", "status=done pay=card"),
        ("can-i-otherwise", ""),
    ]
    whens = [a.one("h4").text for a in answers]
    assert whens[0] == ("Tab: Terbuka · Bayar: Kartu" if lang == "id" else "Tab: Open · Paid: Card")
    assert whens[-1] == load_ui(lang)["helper_otherwise"]


def test_an_answer_links_to_its_case_here_or_to_a_section_elsewhere(mini_site, lang) -> None:
    html = helper(mini_site, lang)
    links = {a.attrs["id"]: a.one("p", "g-answer__next").one("a").attrs["href"] for a in html.all("div", "g-answer")}
    assert links == {
        "can-i-open-card": "#mini-cases-early",
        "can-i-open-cash": "#mini-cases-early",
        "can-i-done-card": "#mini-cases-late",
        "can-i-otherwise": "mini-parts.html#mini-parts-ask",
    }


def test_verdicts_and_details_are_in_the_page_language(mini_site, mini, lang) -> None:
    html = helper(mini_site, lang)
    data = mini.flow("mini-cases").helper
    titles = {v.id: v.title[lang] for v in data.verdicts}
    assert [p.one("strong").text for p in html.all("p", "g-verdict")] == [titles[a.verdict] for a in data.answers]
    detail = html.by_id("can-i-open-card").one("p", "g-answer__detail")
    assert detail.one("strong").text == f"{data.detail_label[lang]}:"
    assert len(html.all("details", "g-unsure")) == 1


def test_a_guide_with_a_helper_draws_it_after_its_situations(mini_site) -> None:
    flow = parse(mini_site("en").flow("mini-cases")).by_id("mini-cases")
    parts = [n for n in flow.children if hasattr(n, "tag")]
    assert parts[0].tag == "nav" and parts[1].attrs.get("id") == "can-i"
