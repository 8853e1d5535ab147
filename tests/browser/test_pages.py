"""Every page in every language, as a reader on a cheap phone, a screen reader or metered data notices it."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import PAGES, url

pytestmark = pytest.mark.browser

WCAG = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],  # what passed is not needed: only its count
}


@pytest.fixture(scope="module")
def axe_tab(browser, server) -> Iterator[Any]:
    """One tab for every axe check of a worker, with axe loaded into each page it opens (axe is bundled with
    axe-playwright-python: no network). A tab and a fresh script per page cost more than axe's own checks."""
    context = browser.new_context(base_url=server, viewport={"width": 412, "height": 823})
    context.add_init_script(Axe().axe_script)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_wcag_violation(axe_tab, lang, name, scheme) -> None:
    axe_tab.emulate_media(color_scheme=scheme)
    axe_tab.goto(url(lang, name))
    expected = "slate" if scheme == "dark" else "default"
    assert axe_tab.evaluate("document.documentElement.dataset.mdColorScheme") == expected, (
        "the phone's setting is followed"
    )
    results = axe_tab.evaluate("options => axe.run(options)", WCAG)
    assert results["passes"], "axe did not run"
    found = [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in results["violations"]]
    assert found == []


def test_axe_in_that_tab_finds_a_violation_when_a_page_has_one(axe_tab) -> None:
    axe_tab.emulate_media(color_scheme="light")
    axe_tab.goto(url("en", "about"))
    axe_tab.evaluate("document.querySelector('h1').after(Object.assign(document.createElement('img'), {src: 'x.png'}))")
    results = axe_tab.evaluate("options => axe.run(options)", WCAG)
    assert [v["id"] for v in results["violations"]] == ["image-alt"]


@pytest.mark.parametrize("name", PAGES)
def test_no_request_leaves_the_site(visit, server, lang, name) -> None:
    requests = visit(lang, name).requests
    assert requests and [r for r in requests if not r.startswith((server, "data:", "blob:"))] == []


FIRST_VIEW_BYTES, FIRST_VIEW_REQUESTS = 30 * 1024, 5  # issue #14; benchmarks/page_weight.py measures it


@pytest.mark.parametrize("name", PAGES)
def test_the_first_view_fits_the_budget(visit, server, built_site: Path, lang, name) -> None:
    """A reader's first view of any page: at most 5 requests and 30 KB gzip, on a phone with JavaScript."""
    files = [built_site / (unquote(urlsplit(r).path).lstrip("/") or "index.html") for r in visit(lang, name).requests]
    sizes = {f.relative_to(built_site).as_posix(): len(gzip.compress(f.read_bytes(), 6)) for f in files}
    assert len(files) <= FIRST_VIEW_REQUESTS, sizes
    assert sum(sizes.values()) <= FIRST_VIEW_BYTES, sizes
    assert not any(name.endswith(("bundle.js", ".min.js")) for name in sizes), "no Material JavaScript"


@pytest.mark.parametrize("name", PAGES)
def test_the_content_security_policy_holds_with_no_violation_and_no_error(visit, lang, name) -> None:
    seen = visit(lang, name)
    assert seen.violations == []
    assert seen.errors == []


@pytest.mark.parametrize("name", PAGES)
def test_nothing_moves_once_drawn(visit, lang, name) -> None:
    assert visit(lang, name).shift == 0, "cumulative layout shift"


@pytest.mark.parametrize("name", PAGES)
def test_the_unofficial_line_is_on_the_first_screen(visit, lang, name) -> None:
    bottom = visit(lang, name).unofficial_bottom
    assert bottom is not None and bottom <= 800


@pytest.mark.parametrize("name", ["index", "cancel-order"])
def test_the_site_title_is_readable_whole_on_a_360px_phone(visit, lang, name) -> None:
    title = visit(lang, name).title
    assert title["text"] and not title["clipped"]


@pytest.mark.parametrize("name", PAGES)
def test_no_sideways_scrolling_at_320px(visit, lang, name) -> None:
    assert visit(lang, name).width_320 <= 320


def test_the_page_heading_is_at_full_contrast(page) -> None:
    page.goto("cancel-order.html")
    colours = page.evaluate(
        "['h1', 'article'].map(selector => getComputedStyle(document.querySelector(selector)).color)"
    )
    assert colours[0] == colours[1]
