"""What readers on cheap phones, screen readers and metered data notice, checked in Chromium on every page."""

from __future__ import annotations

import datetime as dt

import pytest
from axe_playwright_python.sync_playwright import Axe

from guide import paths
from guide.languages import reference
from guide.load import load_guide

from ..conftest import prefix

pytestmark = pytest.mark.browser

PAGES = [*sorted(p.stem for p in (paths.ROOT / reference().docs).glob("*.md")), "404"]
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]}}
# Every guide has a page of its own name.
GUIDES = [flow.id for flow in load_guide(paths.GUIDE_DATA, dt.date.today()).flows]


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def url(lang: str, name: str) -> str:
    return f"{prefix(lang)}{name}.html"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_wcag_violation(browser, server, axe, lang, name, scheme) -> None:
    context = browser.new_context(color_scheme=scheme, base_url=server)
    page = context.new_page()
    page.goto(url(lang, name))
    page.wait_for_load_state("networkidle")
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.dataset.mdColorScheme") == expected
    results = axe.run(page, options=WCAG)
    context.close()
    found = [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in results.response["violations"]]
    assert found == []


@pytest.mark.parametrize("name", PAGES)
def test_no_request_leaves_the_site(browser, server, lang, name) -> None:
    context = browser.new_context(base_url=server)
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.goto(url(lang, name))
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(200)
    context.close()
    assert requests and [r for r in requests if not r.startswith((server, "data:", "blob:"))] == []


def expected_steps(guide, flow_id: str) -> int:
    return len(list(guide.flow(flow_id).all_steps()))


def visible_steps(page) -> int:
    return page.locator(".g-step").evaluate_all(
        "els => els.filter(e => e.offsetParent !== null && e.getBoundingClientRect().height > 0).length"
    )


@pytest.mark.parametrize("flow_id", GUIDES)
def test_every_step_shows_with_and_without_javascript(browser, server, guide, lang, flow_id) -> None:
    counts = {}
    for js in (True, False):
        context = browser.new_context(java_script_enabled=js, base_url=server)
        page = context.new_page()
        page.goto(url(lang, flow_id))
        counts[js] = visible_steps(page)
        context.close()
    assert counts == {True: expected_steps(guide, flow_id), False: expected_steps(guide, flow_id)}


@pytest.mark.parametrize("name", PAGES)
def test_no_sideways_scrolling_at_320px_and_steps_in_order(browser, server, lang, name) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640}, base_url=server)
    page = context.new_page()
    page.goto(url(lang, name))
    page.wait_for_load_state("networkidle")
    width = page.evaluate("document.documentElement.scrollWidth")
    tops = page.locator(".g-step").evaluate_all("els => els.map(e => e.getBoundingClientRect().top)")
    context.close()
    assert width <= 320
    assert tops == sorted(tops)


def focus_ring(page) -> bool:
    """The focused element shows an outline or shadow; for Material's hidden palette radio, the label after it."""
    return page.evaluate(
        """() => { let e = document.activeElement;
        if (e.matches('input.md-option')) e = e.nextElementSibling;
        const s = getComputedStyle(e);
        return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; }"""
    )


def test_keyboard_reaches_switch_search_and_case_links_with_a_visible_ring(page, lang) -> None:
    page.goto(url(lang, "cancel-order"))
    page.wait_for_load_state("networkidle")
    reached: list[str] = []
    for _ in range(80):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => { const e = document.activeElement;
            return [e.tagName, e.className || '', e.getAttribute('href') || '', e.getAttribute('aria-label') || '']
                .join('|'); }"""
        )
        reached.append(info)
        if "#cancel-order-shipped" in info:
            break
        assert focus_ring(page), f"no visible focus on {info}"
    joined = "\n".join(reached)
    assert "g-lang__link" in joined, "the language switch"
    assert "search" in joined.lower(), "the search"
    for case in ("unpaid", "paid", "cod", "shipped"):
        assert f"#cancel-order-{case}" in joined, f"the jump link to {case}"


def test_a_jump_link_taken_by_keyboard_lands_on_its_case(page) -> None:
    page.goto(url("en", "cancel-order"))
    link = page.locator(".g-jump a[href$='#cancel-order-cod']")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#cancel-order-cod'")
    # Material scrolls after it updates the address; wait for the scroll to end near the top.
    page.wait_for_function(
        "(() => { const t = document.getElementById('cancel-order-cod').getBoundingClientRect().top;"
        " return t >= 0 && t < 200; })()",
        timeout=5000,
    )
