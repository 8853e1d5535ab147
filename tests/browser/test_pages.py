"""Every page in every language, as a reader on a cheap phone, a screen reader or metered data notices it."""

from __future__ import annotations

import gzip
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import PAGES, url

pytestmark = pytest.mark.browser

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]}}


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_wcag_violation(browser, server, axe, lang, name, scheme) -> None:
    context = browser.new_context(color_scheme=scheme, base_url=server, viewport={"width": 412, "height": 823})
    page = context.new_page()
    page.goto(url(lang, name))
    page.wait_for_load_state("networkidle")
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.documentElement.dataset.mdColorScheme") == expected, (
        "the phone's setting is followed"
    )
    results = axe.run(page, options=WCAG)
    context.close()
    found = [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in results.response["violations"]]
    assert found == []


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
