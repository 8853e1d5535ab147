"""The frame of every page in Chromium: the language switch, the 404 pages, the drawer and back-to-top."""

from __future__ import annotations

import re

import pytest

from ..conftest import prefix
from .conftest import PHONE, url
from .way_up import shown_share, way_up

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


SHOWN = "() => !document.querySelector('.md-top').hidden"


def test_back_to_top_shows_when_scrolling_up_a_long_page(page) -> None:
    page.goto("cancel-order.html#cancel-order-shipped")
    page.locator(".g-fold-all").click()
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(100)
    for _ in range(20):  # up, a little at a time, until it shows: it waits while a heading is where it sits
        page.mouse.wheel(0, -150)
        page.wait_for_timeout(50)
        if page.evaluate(SHOWN):
            break
    top = page.locator(".md-top")
    top.click()
    page.wait_for_function("() => window.scrollY === 0")
    assert page.evaluate("document.activeElement.tagName") == "H1"


@pytest.mark.parametrize("name", ["cancel-order", "scams", "returns-help"])
def test_back_to_top_never_covers_a_heading(browser, server, lang, name) -> None:
    context = browser.new_context(viewport=PHONE, base_url=server)
    page = context.new_page()
    page.goto(url(lang, name))
    if page.locator(".g-fold-all").count():
        page.locator(".g-fold-all").click()
    stops = way_up(page)  # from the foot to the top, stopping either side of each place where a heading passes it
    context.close()
    assert [s for s in stops if s["shown"] and s["under"]] == []
    assert shown_share(stops) >= 1 / 3, "it shows on much of the way up"


def tab_stops(page, limit: int = 400) -> list[dict]:
    """Every element Tab reaches from the top of the page, in order, until it comes round again."""
    stops: list[dict] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        seen = page.evaluate(
            """() => { const e = document.activeElement;
            const where = e.closest('.md-sidebar--primary') ? 'drawer' : e.closest('.md-header') ? 'header'
              : e.closest('.md-content') ? 'content' : e.closest('[data-md-component=skip]') ? 'skip' : 'other';
            return {tag: e.tagName, cls: String(e.className || ''), label: e.getAttribute('aria-label') || '', where};
            }"""
        )
        if seen["tag"] == "BODY" or (stops and seen == stops[0]):
            break
        stops.append(seen)
    return stops


@pytest.mark.parametrize("name", ["cancel-order", "index"])
def test_on_a_phone_the_closed_menu_has_no_tab_stop_and_the_page_comes_after_the_header(
    browser, server, lang, name
) -> None:
    context = browser.new_context(viewport=PHONE, base_url=server)
    page = context.new_page()
    page.goto(url(lang, name))
    stops = tab_stops(page)
    places = [s["where"] for s in stops]
    assert "drawer" not in places, "a link of the closed menu takes focus"
    first_content = places.index("content")
    assert places[:first_content] == ["skip"] + ["header"] * (first_content - 1)
    header = [s["cls"] for s in stops[1:first_content]]
    assert [c for c in header if "md-search__input" in c] == [], "the closed search box takes focus"
    assert {"g-menu", "g-title", "g-palette", "g-lang__link", "g-search-open"} <= {
        word for c in header for word in c.split()
    }
    assert set(places[first_content:]) == {"content"}, "after the header, only the page (the hidden back-to-top: none)"
    # Opened, the menu's links are there, from the first.
    page.locator(".g-menu").click()
    assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
    context.close()
