"""Links to single steps in Chromium: copy link copies the step's address; without JavaScript there is no button."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from guide.ui import load_ui

from ..conftest import prefix

pytestmark = pytest.mark.browser


def test_copy_link_copies_the_absolute_address_of_the_step(browser, server, lang) -> None:
    context = browser.new_context(base_url=server, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{prefix(lang)}cancel-order.html#cancel-order-cod")
    button = page.locator("#cancel-order-cod-2 .g-copy")
    assert button.get_attribute("aria-label") == f"{load_ui(lang)['copy_link']} 2"
    button.click()
    expect(page.locator("#g-live")).to_have_text(load_ui(lang)["copied"])
    assert (
        page.evaluate("navigator.clipboard.readText()") == f"{server}{prefix(lang)}cancel-order.html#cancel-order-cod-2"
    )
    assert page.locator("#g-live").inner_text() == load_ui(lang)["copied"]
    context.close()


def test_copy_buttons_are_real_buttons_and_hidden_without_javascript(browser, server) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=server)
    page = context.new_page()
    page.goto("cancel-order.html")
    assert page.locator("button.g-copy").count() > 0
    assert page.locator(".g-copy:visible").count() == 0
    context.close()


def test_the_report_link_of_a_step_is_an_email_that_names_the_step(page, lang) -> None:
    page.goto(f"{prefix(lang)}cancel-order.html#cancel-order-cod")
    href = page.locator("#cancel-order-cod-2 .g-report").get_attribute("href")
    assert href.startswith("mailto:") and "cancel-order-cod-2" in href
