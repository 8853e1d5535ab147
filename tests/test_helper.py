"""'Can I still cancel?': the status x payment table is complete in the data, and works with and without JS."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from macros.data import LANGS

from .test_bad_data import error_for, good, write

STATUSES = ["unpaid", "to-ship", "shipped", "to-review", "cancelled", "returns"]


def helper(guide: dict) -> dict:
    return next(f for f in guide["flows"] if f["id"] == "cancel-order")["helper"]


def test_every_status_and_payment_has_one_answer_in_both_languages(guide: dict) -> None:
    table = helper(guide)
    payments = [p["id"] for p in table["payments"]]
    assert payments == ["online", "cod"]
    pairs = [(a["status"], a["payment"]) for a in table["answers"]]
    assert sorted(pairs) == sorted((s, p) for s in STATUSES for p in payments)
    for answer in table["answers"]:
        for lang in LANGS:
            assert answer["text"][lang].strip() and answer["money"][lang].strip(), answer


def test_answers_that_allow_cancelling_name_their_case(guide: dict) -> None:
    for answer in helper(guide)["answers"]:
        if answer["verdict"] == "yes":
            assert answer["case"] in {"unpaid", "paid", "cod"}
        if answer["status"] in {"shipped", "to-review"}:
            assert answer["verdict"] == "no" and answer["case"] == "shipped"


def broken(tmp_path: Path, change) -> str:
    data = good()
    change(helper(data))
    return error_for(write(tmp_path, data))


def test_a_missing_answer_is_a_data_error(tmp_path: Path) -> None:
    message = broken(tmp_path, lambda h: h["answers"].pop())
    assert "flows[cancel-order].helper.answers has no answer for status 'returns' with payment 'cod'" in message


def test_an_answer_for_an_unknown_status_or_case_is_a_data_error(tmp_path: Path) -> None:
    def change(h: dict) -> None:
        h["answers"][0]["status"] = "packed"
        h["answers"][2]["case"] = "later"

    message = broken(tmp_path, change)
    assert "helper.answers[1].status 'packed' is not a status (known: unpaid, to-ship" in message
    assert "helper.answers[3].case 'later' is not a case (known: unpaid, paid, cod, shipped)" in message


def test_a_verdict_must_be_one_of_three(tmp_path: Path) -> None:
    message = broken(tmp_path, lambda h: h["answers"][0].update(verdict="maybe"))
    assert "helper.answers[1].verdict is 'maybe', which is not one of: yes, no, done" in message


def test_a_duplicate_answer_is_a_data_error(tmp_path: Path) -> None:
    message = broken(tmp_path, lambda h: h["answers"].append(copy.deepcopy(h["answers"][0])))
    assert "repeats the answer 'unpaid x online'" in message


# --- in the browser ---------------------------------------------------------------------------------


@pytest.mark.browser
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
    from macros.i18n import load_ui

    page.goto(("" if lang == "id" else "en/") + "cancel-order.html")
    picker = page.locator(".g-helper__picker")
    picker.wait_for()
    assert page.locator(".g-helper__all").is_hidden()
    picker.get_by_role("radio").first.focus()
    page.locator(f"input[name='helper-status'][value='{status}']").check()
    page.locator(f"input[name='helper-payment'][value='{payment}']").check()
    answer = page.locator(".g-helper__answer")
    expected = next(a for a in helper(guide)["answers"] if (a["status"], a["payment"]) == (status, payment))
    text = " ".join(answer.inner_text().split())
    assert load_ui(lang)[f"verdict_{verdict}"] in text
    assert " ".join(expected["money"][lang].split()) in text
    assert answer.locator("a").get_attribute("href").endswith(href)


@pytest.mark.browser
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


@pytest.mark.browser
def test_without_javascript_every_answer_is_shown(browser, server, lang) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=server)
    page = context.new_page()
    page.goto(("" if lang == "id" else "en/") + "cancel-order.html")
    assert page.locator(".g-helper__picker").is_hidden()
    answers = page.locator(".g-helper__all dd[data-answer]")
    assert answers.count() == len(STATUSES) * 2
    assert all(answers.nth(i).is_visible() for i in range(answers.count()))
    context.close()


@pytest.mark.browser
def test_the_helper_prints_as_the_full_table(page) -> None:
    page.goto("cancel-order.html")
    page.locator(".g-helper__picker").wait_for()
    page.emulate_media(media="print")
    assert page.locator(".g-helper__picker").is_hidden()
    assert page.locator(".g-helper__all dd[data-answer]").nth(11).is_visible()
