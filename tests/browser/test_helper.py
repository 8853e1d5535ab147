"""'Can I still cancel?' in Chromium: the picker answers with the case to follow, by mouse, keyboard and without JS."""

from __future__ import annotations

import pytest

from guide.ui import load_ui

from ..conftest import prefix

pytestmark = pytest.mark.browser


def answer_of(guide, status: str, payment: str):
    return next(a for a in guide.flow("cancel-order").helper.answers if (a.status, a.payment) == (status, payment))


@pytest.mark.parametrize(
    ("status", "payment", "verdict", "href"),
    [
        ("unpaid", "online", "yes", "#cancel-order-unpaid"),
        ("to-ship", "online", "yes", "#cancel-order-paid"),
        ("to-ship", "cod", "yes", "#cancel-order-cod"),
        ("shipped", "cod", "no", "#cancel-order-shipped"),
        ("returns", "online", "no", "returns-help.html#returns-help-escalate"),
    ],
)
def test_the_picker_answers_with_the_case_to_follow(page, guide, lang, status, payment, verdict, href) -> None:
    page.goto(prefix(lang) + "cancel-order.html")
    picker = page.locator(".g-helper__picker")
    picker.wait_for()
    assert page.locator(".g-helper__all").is_hidden()
    page.locator(f"input[name='helper-status'][value='{status}']").check()
    page.locator(f"input[name='helper-payment'][value='{payment}']").check()
    answer = page.locator(".g-helper__answer")
    text = " ".join(answer.inner_text().split())
    assert load_ui(lang)[f"verdict_{verdict}"] in text
    assert " ".join(answer_of(guide, status, payment).money[lang].split()) in text
    assert answer.locator("a").get_attribute("href").endswith(href)


def test_the_picker_works_by_keyboard(page) -> None:
    page.goto("en/cancel-order.html")
    first = page.locator("input[name='helper-status']").first
    first.focus()
    page.keyboard.press("ArrowDown")  # radio groups move with the arrow keys
    assert page.locator("input[name='helper-status']:checked").get_attribute("value") == "to-ship"
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")
    assert page.locator("input[name='helper-payment']:checked").get_attribute("value") == "cod"
    assert "You can cancel it now." in page.locator(".g-helper__answer").inner_text()


def test_without_javascript_every_answer_is_shown(browser, server, guide, lang) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=server)
    page = context.new_page()
    page.goto(prefix(lang) + "cancel-order.html")
    assert page.locator(".g-helper__picker").is_hidden()
    answers = page.locator(".g-helper__all dd[data-answer]")
    assert answers.count() == len(guide.flow("cancel-order").helper.answers)
    assert all(answers.nth(i).is_visible() for i in range(answers.count()))
    context.close()


def test_the_helper_prints_as_the_full_table(page, guide) -> None:
    page.goto("cancel-order.html")
    page.locator(".g-helper__picker").wait_for()
    page.emulate_media(media="print")
    assert page.locator(".g-helper__picker").is_hidden()
    last = len(guide.flow("cancel-order").helper.answers) - 1
    assert page.locator(".g-helper__all dd[data-answer]").nth(last).is_visible()
