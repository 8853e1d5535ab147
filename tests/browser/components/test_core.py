"""core.js and the bundle around the components: nothing reaches the page's globals, each component starts once the
page is parsed, in the bundle's order, and again on a new #part."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.postbuild.js import SITE_JS

pytestmark = pytest.mark.browser


def test_the_whole_bundle_adds_no_global_and_marks_the_page_as_scripted(open_page) -> None:
    bare = open_page("<p>Text</p>", None)
    before = set(bare.evaluate("Object.keys(window)"))
    page = open_page("<p>Text</p>", SITE_JS)
    assert set(page.evaluate("Object.keys(window)")) - before == set()
    assert page.evaluate("document.documentElement.className") == "js"


def test_without_the_script_the_page_says_so(open_page) -> None:
    page = open_page("<p>Text</p>", SITE_JS, js=False)
    assert page.evaluate("document.documentElement.className") == "no-js"


def test_every_component_has_a_test_here() -> None:
    """Each test file loads its components by name, as ("folds",): every component must be loaded by one."""
    here = Path(__file__).parent
    texts = " ".join(p.read_text(encoding="utf-8") for p in here.glob("test_*.py") if p.name != Path(__file__).name)
    assert [name for name in SITE_JS if f'"{name}"' not in texts] == []
