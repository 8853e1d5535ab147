"""drawer.js and the drawer's styles, on a phone: the menu button opens the drawer and moves focus into it, Escape
closes it and gives focus back to the button."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

DRAWER = ("drawer",)
OPEN = "document.getElementById('__drawer').checked"
IN_DRAWER = "!!document.activeElement.closest('.md-sidebar--primary')"


def test_the_menu_button_opens_the_drawer_and_escape_closes_it(open_page, lang) -> None:
    page = open_page("<p>Text</p>", DRAWER, lang)
    menu = page.locator(".g-menu")
    assert menu.get_attribute("aria-expanded") == "false"
    menu.focus()
    page.keyboard.press("Enter")
    assert page.evaluate(OPEN) and menu.get_attribute("aria-expanded") == "true"
    assert page.evaluate(IN_DRAWER), "focus moves into the drawer"
    page.keyboard.press("Escape")
    assert not page.evaluate(OPEN) and menu.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('g-menu')")
