"""Links to single steps in Chromium: copy link copies the step's address; a deep link lands on it and marks it."""

from __future__ import annotations

import pytest

from guide.ui import load_ui

from ..conftest import prefix

pytestmark = pytest.mark.browser


def test_copy_link_copies_the_absolute_address_of_the_step(browser, server, lang) -> None:
    context = browser.new_context(base_url=server, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{prefix(lang)}cancel-order.html")
    button = page.locator("#cancel-order-cod-2 .g-copy")
    assert button.get_attribute("aria-label") == f"{load_ui(lang)['copy_link']} 2"
    button.click()
    page.wait_for_function("document.getElementById('g-live') && document.getElementById('g-live').textContent")
    assert (
        page.evaluate("navigator.clipboard.readText()") == f"{server}{prefix(lang)}cancel-order.html#cancel-order-cod-2"
    )
    assert page.locator("#g-live").inner_text() == load_ui(lang)["copied"]
    context.close()


def test_copy_buttons_are_real_buttons_and_hidden_without_javascript(browser, server) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=server)
    page = context.new_page()
    page.goto("cancel-order.html")
    assert page.locator(".g-copy").count() > 0
    assert page.locator(".g-copy:visible").count() == 0
    context.close()


def test_a_deep_link_scrolls_to_the_step_and_highlights_it(page) -> None:
    page.goto("en/returns-help.html#returns-help-escalate-3")
    step = page.locator("#returns-help-escalate-3")
    page.wait_for_function("document.getElementById('returns-help-escalate-3').classList.contains('g-flash')")
    box = step.bounding_box()
    assert box and 0 <= box["y"] < page.viewport_size["height"] / 2
    page.goto("en/index.html")
    page.locator(".g-task[href$='/cancel-order.html']").click()  # instant navigation, then a hash change
    page.wait_for_url("**/en/cancel-order.html")
    page.locator("#cancel-order-paid-4").wait_for()
    page.evaluate("location.hash = '#cancel-order-paid-4'")
    page.wait_for_function("document.getElementById('cancel-order-paid-4').classList.contains('g-flash')")
