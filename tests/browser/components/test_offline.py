"""offline.js in the site's frame, served from memory: without a script there is no "save all" button that does
nothing. The worker and the button at work need the built site's files: tests/browser/test_offline.py."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

BOX = '<div class="g-save" data-g-save hidden><p><button type="button" data-g-save-button>Save</button></p></div>'


def test_without_a_script_there_is_no_save_button(open_page, lang) -> None:
    page = open_page(BOX, ("offline",), lang, js=False)
    assert page.locator("[data-g-save]").is_hidden()
