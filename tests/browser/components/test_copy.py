"""copy.js on a step drawn from tests/fixtures/mini.yaml: its button copies the step's own address (the page's
canonical one) and says so to screen readers; without a script there is no button to press."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from guide.languages import language
from guide.ui import load_ui

from .conftest import ORIGIN

pytestmark = pytest.mark.browser


def test_the_button_copies_the_steps_address_and_says_so(open_page, mini_site, lang) -> None:
    page = open_page(mini_site(lang).flow("mini-cases"), ("folds", "copy"), lang, hash="#mini-cases-early")
    page.locator("#mini-cases-early-2 .g-copy").click()
    expect(page.locator("#g-live")).to_have_text(load_ui(lang)["copied"])
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{ORIGIN}{language(lang).prefix}page.html#mini-cases-early-2"


def test_without_a_script_no_copy_button_shows(open_page, mini_site, lang) -> None:
    page = open_page(mini_site(lang).flow("mini-cases"), ("folds", "copy"), lang, js=False)
    assert page.locator("button.g-copy").count() > 0 and page.locator(".g-copy:visible").count() == 0
