"""helper.js on the decision helper of tests/fixtures/mini.yaml: the choices show the one answer they lead to, with
a button that copies a link to it, and a shared link to an answer chooses what it is for."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from guide.ui import load_ui

pytestmark = pytest.mark.browser

HELPER = ("copy", "helper")


def text_of(locator) -> str:
    return " ".join(locator.inner_text().split())


def answer(mini, answer_id: str):
    return next(a for a in mini.flow("mini-cases").helper.answers if a.id == answer_id)


@pytest.fixture()
def helper(mini_site, lang) -> str:
    return mini_site(lang).helper("mini-cases")


def test_the_choices_show_the_answer_they_lead_to(open_page, helper, mini, lang) -> None:
    page = open_page(helper, HELPER, lang)
    shown = page.locator("#can-i .g-helper__answer")
    assert text_of(shown) == load_ui(lang)["helper_hint"]
    page.locator("input[name='can-i-status'][value='open']").check()
    assert text_of(shown) == load_ui(lang)["helper_hint"], "one question answered: no answer yet"
    page.locator("input[name='can-i-pay'][value='card']").check()
    assert answer(mini, "open-card").text[lang] in text_of(shown)
    assert shown.locator(".g-copy").get_attribute("data-target") == "can-i-open-card"


def test_an_answer_the_choices_rule_out_gives_way_to_the_next(open_page, helper, mini, lang) -> None:
    page = open_page(helper, HELPER, lang)
    page.locator("input[name='can-i-status'][value='done']").check()
    page.locator("input[name='can-i-pay'][value='cash']").check()  # no answer for done + cash: the catch-all
    assert answer(mini, "otherwise").text[lang] in text_of(page.locator("#can-i .g-helper__answer"))


def test_the_answers_copy_button_copies_a_link_to_it(open_page, helper, lang) -> None:
    page = open_page(helper, HELPER, lang)
    page.locator("input[name='can-i-status'][value='open']").check()
    page.locator("input[name='can-i-pay'][value='card']").check()
    page.locator("#can-i .g-helper__answer .g-copy").click()
    expect(page.locator("#g-live")).to_have_text(load_ui(lang)["copied"])
    assert page.evaluate("navigator.clipboard.readText()").endswith("page.html#can-i-open-card")


def test_a_shared_link_to_an_answer_chooses_what_it_is_for(open_page, helper, mini, lang) -> None:
    page = open_page(helper, HELPER, lang, hash="#can-i-done-card")
    assert page.locator("input[name='can-i-status']:checked").get_attribute("value") == "done"
    assert page.locator("input[name='can-i-pay']:checked").get_attribute("value") == "card"
    assert answer(mini, "done-card").text[lang] in text_of(page.locator("#can-i .g-helper__answer"))


def test_without_a_script_every_answer_is_listed(open_page, helper, mini, lang) -> None:
    page = open_page(helper, HELPER, lang, js=False)
    assert page.locator("#can-i .g-helper__picker").is_hidden()
    answers = page.locator("#can-i .g-answer")
    assert answers.count() == len(mini.flow("mini-cases").helper.answers)
    assert all(answers.nth(i).is_visible() for i in range(answers.count()))
