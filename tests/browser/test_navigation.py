"""The frame of every page in Chromium: the language switch, the 404 pages, the drawer and back-to-top."""

from __future__ import annotations

import re

import pytest

from ..conftest import prefix

pytestmark = pytest.mark.browser


def test_the_language_switch_keeps_the_reader_on_the_same_page(page) -> None:
    page.goto("cancel-order.html")
    assert page.locator("html").get_attribute("lang") == "id"
    page.get_by_role("link", name="EN, English").click()
    page.wait_for_url(re.compile(r"/en/cancel-order\.html$"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Cancel an order"
    page.get_by_role("link", name="ID, Bahasa Indonesia").click()
    page.wait_for_url(re.compile(r"/cancel-order\.html$"))
    assert page.locator("h1").inner_text() == "Membatalkan pesanan"


def test_each_language_has_its_own_404(page, lang) -> None:
    page.goto(f"{prefix(lang)}404.html")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").count() == 1


def test_the_drawer_opens_by_keyboard_and_escape_closes_it(page) -> None:
    page.goto("cancel-order.html")
    menu = page.locator(".g-menu")
    menu.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"), "focus moves into the drawer"
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate("document.activeElement.classList.contains('g-menu')")


def test_back_to_top_shows_when_scrolling_up_a_long_page(page) -> None:
    page.goto("cancel-order.html#cancel-order-shipped")
    page.locator(".g-fold-all").click()
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(100)
    page.mouse.wheel(0, -400)
    top = page.locator(".md-top")
    top.wait_for(state="visible")
    top.click()
    page.wait_for_function("() => window.scrollY === 0")
