"""The decision helpers in Chromium: "Masih bisa dibatalkan?" and "Pesan ini asli?" answer by mouse and
keyboard, a shared link shows one answer, and without JavaScript (or on paper) every answer is listed."""

from __future__ import annotations

import pytest

from ..conftest import prefix

pytestmark = pytest.mark.browser


def answer_of(guide, flow_id: str, answer_id: str):
    return next(a for a in guide.flow(flow_id).helper.answers if a.id == answer_id)


def choose(page, helper: str, **choices: str) -> None:
    for question, option in choices.items():
        page.locator(f"input[name='{helper}-{question}'][value='{option}']").check()


@pytest.mark.parametrize(
    ("status", "payment", "href"),
    [
        ("unpaid", "online", "#cancel-order-unpaid"),
        ("to-ship", "online", "#cancel-order-paid"),
        ("to-ship", "cod", "#cancel-order-cod"),
        ("shipped", "cod", "#cancel-order-shipped"),
        ("returns", "online", "returns-help.html#returns-help-escalate"),
    ],
)
def test_can_i_cancel_answers_with_the_case_to_follow(page, guide, lang, status, payment, href) -> None:
    page.goto(prefix(lang) + "cancel-order.html")
    picker = page.locator("#can-i-cancel .g-helper__picker")
    assert picker.is_visible() and page.locator("#can-i-cancel .g-answer").first.is_hidden()
    choose(page, "can-i-cancel", status=status, payment=payment)
    shown = page.locator("#can-i-cancel .g-helper__answer")
    helper = guide.flow("cancel-order").helper
    answer = next(a for a in helper.answers if a.when == {"status": status, "payment": payment})
    verdict = next(v for v in helper.verdicts if v.id == answer.verdict).title[lang]
    text = " ".join(shown.inner_text().split())
    assert verdict in text and " ".join(answer.text[lang].split()) in text
    assert shown.locator("a[href]:not(.g-cite)").last.get_attribute("href").endswith(href)


def test_can_i_cancel_works_by_keyboard(page, guide) -> None:
    page.goto("en/cancel-order.html")
    page.locator("input[name='can-i-cancel-status']").first.focus()
    page.keyboard.press("ArrowDown")  # radio groups move with the arrow keys
    assert page.locator("input[name='can-i-cancel-status']:checked").get_attribute("value") == "to-ship"
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")
    assert page.locator("input[name='can-i-cancel-payment']:checked").get_attribute("value") == "cod"
    expected = answer_of(guide, "cancel-order", "to-ship-cod").text["en"]
    assert " ".join(expected.split()) in " ".join(page.locator("#can-i-cancel .g-helper__answer").inner_text().split())


def test_is_it_real_answers_as_soon_as_the_choices_decide(page, guide, lang) -> None:
    page.goto(prefix(lang) + "scams.html")
    shown = page.locator("#is-it-real .g-helper__answer")
    choose(page, "is-it-real", outside="yes")
    hint = shown.inner_text()
    choose(page, "is-it-real", code="yes")  # asking for a code is a scam, whatever else
    text = " ".join(shown.inner_text().split())
    assert text != hint and " ".join(answer_of(guide, "scams", "asks-code").text[lang].split()) in text
    choose(page, "is-it-real", code="no", pay="no", install="no", link="no", outside="no")
    assert " ".join(answer_of(guide, "scams", "no-signs").text[lang].split()) in " ".join(shown.inner_text().split())


def test_is_it_real_works_by_keyboard(page, guide) -> None:
    page.goto("en/scams.html")
    first = page.locator("input[name='is-it-real-outside']").first
    first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # on to the next question (asks for a code?): its first choice, Yes
    page.keyboard.press("Space")
    text = page.locator("#is-it-real .g-helper__answer").inner_text()
    assert " ".join(answer_of(guide, "scams", "asks-code").text["en"].split()) in " ".join(text.split())


def test_a_shared_link_to_an_answer_shows_that_answer(page, guide, lang) -> None:
    page.goto(prefix(lang) + "cancel-order.html#can-i-cancel-to-ship-cod")
    text = " ".join(page.locator("#can-i-cancel .g-helper__answer").inner_text().split())
    assert " ".join(answer_of(guide, "cancel-order", "to-ship-cod").text[lang].split()) in text
    assert page.locator("input[name='can-i-cancel-payment']:checked").get_attribute("value") == "cod"
    assert (
        page.locator("#can-i-cancel .g-helper__answer .g-copy").get_attribute("data-target")
        == "can-i-cancel-to-ship-cod"
    )


@pytest.mark.parametrize("flow_id", ["cancel-order", "scams"])
def test_without_javascript_every_answer_is_listed(browser, server, guide, lang, flow_id) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=server)
    page = context.new_page()
    page.goto(prefix(lang) + f"{flow_id}.html")
    helper = guide.flow(flow_id).helper
    assert page.locator(f"#{helper.id} .g-helper__picker").is_hidden()
    answers = page.locator(f"#{helper.id} .g-answer")
    assert answers.count() == len(helper.answers)
    assert all(answers.nth(i).is_visible() for i in range(answers.count()))
    context.close()


def test_a_helper_prints_as_the_full_list(page, guide) -> None:
    page.goto("scams.html")
    page.emulate_media(media="print")
    assert page.locator("#is-it-real .g-helper__picker").is_hidden()
    assert page.locator("#is-it-real .g-answer").nth(len(guide.flow("scams").helper.answers) - 1).is_visible()
