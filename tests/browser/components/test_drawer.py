"""drawer.js and the drawer's styles, on a phone: the closed drawer holds no Tab stop (with a script or without),
so the page comes right after the header's controls; the menu button opens the drawer and moves focus into it,
Escape closes it and gives focus back to the button."""

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


WHERE = """() => { const e = document.activeElement;
  return e.closest('.md-sidebar--primary') ? 'drawer' : e.closest('.md-header') ? 'header'
    : e.closest('.md-content') ? 'content' : e.closest('[data-md-component=skip]') ? 'skip' : e.tagName; }"""


@pytest.mark.parametrize("js", [True, False], ids=["script", "no script"])
def test_the_closed_drawer_holds_no_tab_stop_and_the_page_comes_after_the_header(open_page, lang, js) -> None:
    page = open_page('<p><a href="#page-title">A link in the page</a></p>', ("drawer", "search"), lang, js=js)
    places = []
    for _ in range(20):
        page.keyboard.press("Tab")
        places.append(page.evaluate(WHERE))
        if places[-1] == "content":
            break
    assert places[0] == "skip" and places[-1] == "content"
    assert set(places[1:-1]) == {"header"}, places
    header = page.locator(".md-header :is(a, button, input)").evaluate_all(
        "els => els.filter(e => getComputedStyle(e).visibility !== 'hidden' && e.getClientRects().length"
        " && e.tabIndex >= 0).length"
    )
    assert len(places) - 2 == header, "every header control, once: the closed search box's field is not one"


def test_the_drawer_is_hidden_only_once_it_has_slid_away(open_page, lang) -> None:
    page = open_page("<p>Text</p>", DRAWER, lang)
    page.locator(".g-menu").click()
    drawer = page.locator(".md-sidebar--primary")
    assert drawer.evaluate("d => getComputedStyle(d).visibility") == "visible"
    page.keyboard.press("Escape")
    assert drawer.evaluate("d => getComputedStyle(d).visibility") == "visible", "still sliding out"
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility === 'hidden'"
    )
