"""print.js on the checklist drawn from tests/fixtures/mini.yaml: with a script, a button prints the page; without
one there is no button that does nothing."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture()
def checklist(mini_site, lang) -> str:
    return mini_site(lang).checklist("mini-cases", tick=("early",))


def test_the_button_prints_the_page(open_page, checklist, lang) -> None:
    page = open_page(checklist, ("print",), lang)
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; }")
    button = page.locator("#checklist-print")
    assert button.is_visible()
    button.click()
    assert page.evaluate("window.printed") == 1


def test_without_a_script_there_is_no_print_button(open_page, checklist, lang) -> None:
    page = open_page(checklist, ("print",), lang, js=False)
    assert page.locator("#checklist-print").is_hidden()
