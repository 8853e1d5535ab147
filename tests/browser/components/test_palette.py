"""palette.js: the phone's light or dark setting is followed before the first paint, and the header's button
switches, names what it will do, and remembers the reader's choice."""

from __future__ import annotations

import pytest

from guide.ui import load_ui

pytestmark = pytest.mark.browser

SCHEME = "document.documentElement.dataset.mdColorScheme"


@pytest.mark.parametrize(("phone", "painted"), [("light", "default"), ("dark", "slate")])
def test_the_phones_setting_is_followed(open_page, phone, painted) -> None:
    page = open_page("<p>Text</p>", ("palette",), scheme=phone)
    assert page.evaluate(SCHEME) == painted


def test_the_button_switches_names_the_other_mode_and_the_choice_is_kept(open_page, lang) -> None:
    ui = load_ui(lang)
    page = open_page("<p>Text</p>", ("palette",), lang)
    button = page.locator("[data-g-palette]")
    assert button.get_attribute("aria-label") == ui["dark_mode"]
    button.click()
    assert page.evaluate(SCHEME) == "slate" and button.get_attribute("aria-label") == ui["light_mode"]
    assert button.get_attribute("title") == ui["light_mode"]
    page.reload()
    assert page.evaluate(SCHEME) == "slate", "kept for the next page"
