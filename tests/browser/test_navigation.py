"""The built site in Chromium, as a reader uses it: language switch, instant navigation, deep links.

Search has its own file, tests/test_search.py."""

from __future__ import annotations

import re

import pytest

from ..conftest import prefix

pytestmark = pytest.mark.browser


def test_the_language_switch_keeps_the_reader_on_the_same_page(page) -> None:
    page.goto("cancel-order.html")
    assert page.locator("html").get_attribute("lang") == "id"
    page.get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"/en/cancel-order\.html$"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Cancel an order"
    page.get_by_role("link", name="Bahasa Indonesia").click()
    page.wait_for_url(re.compile(r"/cancel-order\.html$"))
    assert page.locator("h1").inner_text() == "Membatalkan pesanan"


def test_the_language_switch_works_without_javascript(browser, server) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=server)
    tab = context.new_page()
    tab.goto("en/track-order.html")
    tab.get_by_role("link", name="Bahasa Indonesia").click()
    tab.wait_for_url(re.compile(r"/track-order\.html$"))
    assert tab.locator("html").get_attribute("lang") == "id"
    context.close()


def test_instant_navigation_swaps_pages_without_a_full_load(page) -> None:
    page.goto("index.html")
    page.evaluate("window.__stillHere = true")
    page.locator(".g-task[href$='/cancel-order.html']").click()
    page.wait_for_url(re.compile(r"/cancel-order\.html$"))
    page.locator("#cancel-order-cod").wait_for()
    assert page.evaluate("window.__stillHere === true"), "the page was fully reloaded: navigation.instant is off"


def test_a_shared_link_lands_on_the_step(page) -> None:
    page.goto("en/cancel-order.html#cancel-order-cod-2")
    step = page.locator("#cancel-order-cod-2")
    step.wait_for()
    assert step.is_visible()
    box = step.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"] / 2
    assert step.locator(".g-step__n").inner_text().endswith("2")


def test_each_language_has_its_own_404(page, lang) -> None:
    page.goto(f"{prefix(lang)}404.html")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").count() == 1
