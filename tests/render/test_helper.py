"""'Can I still cancel?' drawn from the small guide: every answer listed by status, with its link."""

from __future__ import annotations

from guide.ui import load_ui
from scripts.htmlq import parse


def test_every_answer_is_listed_by_status_with_its_payment(mini_site, mini, lang) -> None:
    html = parse(mini_site(lang).helper("mini-cases"))
    answers = html.all("dd", **{"data-answer": None}) or [n for n in html.walk() if "data-answer" in n.attrs]
    assert [a.attrs["data-answer"] for a in answers] == ["open:card", "open:cash", "done:card", "done:cash"]
    radios = [i.attrs["value"] for i in html.all("input", type="radio")]
    assert radios == ["open", "done", "card", "cash"]


def test_an_answer_links_to_its_case_here_or_to_a_section_elsewhere(mini_site, lang) -> None:
    html = parse(mini_site(lang).helper("mini-cases"))
    links = {n.attrs["data-answer"]: n.one("a").attrs["href"] for n in html.walk() if "data-answer" in n.attrs}
    assert links == {
        "open:card": "#mini-cases-early",
        "open:cash": "#mini-cases-early",
        "done:card": "#mini-cases-late",
        "done:cash": "mini-parts.html#mini-parts-ask",
    }


def test_verdicts_are_in_the_page_language(mini_site, lang) -> None:
    html = parse(mini_site(lang).helper("mini-cases"))
    verdicts = [p.one("strong").text for p in html.all("p", "g-verdict")]
    ui = load_ui(lang)
    assert verdicts == [ui["verdict_yes"], ui["verdict_yes"], ui["verdict_no"], ui["verdict_done"]]
    assert len(html.all("p", "g-uncertain")) == 1
