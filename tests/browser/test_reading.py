"""Reading a guide in Chromium: the answer first, folded parts that open by tap, keyboard and link, every step there
with and without JavaScript, "not confirmed" one tap away, and deep links that land at once."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from guide.ui import load_ui

from ..conftest import prefix
from .conftest import GUIDES, url

pytestmark = pytest.mark.browser


def visible_steps(page) -> int:
    return page.locator(".g-step").evaluate_all(
        "els => els.filter(e => e.offsetParent !== null && e.getBoundingClientRect().height > 0).length"
    )


@pytest.fixture(scope="module")
def tabs(browser, server) -> Iterator[dict[bool, Any]]:
    """A tab with JavaScript and one without, each loading one guide after another: a new tab costs more than the
    load, and the folds keep nothing from one page to the next (no storage; no service worker, as on a first visit)."""
    contexts = {
        js: browser.new_context(java_script_enabled=js, base_url=server, service_workers="block")
        for js in (True, False)
    }
    yield {js: context.new_page() for js, context in contexts.items()}
    for context in contexts.values():
        context.close()


@pytest.mark.parametrize("flow_id", GUIDES)
def test_every_step_is_there_without_javascript_and_once_opened_with_it(tabs, guide, lang, flow_id) -> None:
    expected = len(list(guide.flow(flow_id).all_steps()))
    counts = {}
    for js, page in tabs.items():
        page.goto(url(lang, flow_id))
        if js and page.locator(".g-fold-all").count():
            page.locator(".g-fold-all").click()
        counts[js] = visible_steps(page)
    assert counts == {True: expected, False: expected}


def test_with_javascript_the_parts_start_folded_and_open_by_tap_and_keyboard(page, lang) -> None:
    page.goto(url(lang, "cancel-order"))
    button = page.locator("#cancel-order-cod button.g-fold__button")
    assert button.get_attribute("aria-expanded") == "false"
    assert page.locator("#cancel-order-cod-1").is_hidden()
    button.click()
    assert button.get_attribute("aria-expanded") == "true" and page.locator("#cancel-order-cod-1").is_visible()
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "false" and page.locator("#cancel-order-cod-1").is_hidden()
    page.locator(".g-fold-all").click()
    assert page.locator(".g-fold__button[aria-expanded='false']").count() == 0
    assert page.locator(".g-fold-all").inner_text() == load_ui(lang)["close_all"]


def test_a_situation_taken_by_keyboard_opens_its_steps_near_the_top(page) -> None:
    page.goto(url("en", "cancel-order"))
    link = page.locator(".g-situations a[href$='#cancel-order-cod']")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#cancel-order-cod$"))
    step = page.locator("#cancel-order-cod-1")
    assert step.is_visible()
    top = page.locator("#cancel-order-cod").bounding_box()["y"]
    assert 0 <= top < 200


def test_a_shared_link_to_a_step_is_on_screen_from_the_first_paint(browser, server, lang) -> None:
    """The layout is final before any script wiring runs: site.js here only sets "js" on <html>, as the real one
    does at once, and wires nothing; the linked step's fold is open by CSS alone and the browser lands on it."""
    context = browser.new_context(base_url=server, viewport={"width": 360, "height": 800})
    boot_only = "document.documentElement.classList.add('js')"
    context.route(
        re.compile(r".*/assets/site\.js$"),
        lambda route: route.fulfill(body=boot_only, content_type="text/javascript"),
    )
    page = context.new_page()
    page.goto(f"{url(lang, 'cancel-order')}#cancel-order-cod-2")
    page.wait_for_load_state("load")
    step = page.locator("#cancel-order-cod-2")
    assert step.is_visible() and page.locator("#cancel-order-unpaid-1").is_hidden()
    box = step.bounding_box()
    assert 0 <= box["y"] < 800
    context.close()


MARKED = "id => { const s = getComputedStyle(document.getElementById(id)); return s.outlineStyle === 'solid'; }"


def test_a_deep_link_lands_on_the_step_and_marks_it(page) -> None:
    page.goto("en/returns-help.html#returns-help-escalate-3")
    assert page.evaluate(MARKED, "returns-help-escalate-3")
    box = page.locator("#returns-help-escalate-3").bounding_box()
    assert box and 0 <= box["y"] < page.viewport_size["height"] / 2
    page.evaluate("location.hash = '#cancel-order-paid-4'")  # not on this page: nothing breaks
    page.goto("en/cancel-order.html")
    page.evaluate("location.hash = '#cancel-order-paid-4'")
    page.wait_for_function(MARKED, arg="cancel-order-paid-4")
    step, title = page.locator("#cancel-order-paid-4").bounding_box(), page.locator("#cancel-order-paid").bounding_box()
    assert page.locator("#cancel-order-paid-4").is_visible() and step["y"] >= title["y"] + title["height"] >= 0


def test_a_not_confirmed_reason_opens_by_keyboard_and_is_named_for_screen_readers(page, lang) -> None:
    page.goto(f"{url(lang, 'cancel-order')}#cancel-order-paid")
    marker = page.locator("#cancel-order-paid-body details.g-unsure").first
    summary = marker.locator("summary")
    assert load_ui(lang)["uncertain"] in summary.inner_text()
    reason = marker.locator(".g-unsure__why").first  # a step's one mark may give several reasons
    assert reason.is_hidden()
    summary.focus()
    page.keyboard.press("Enter")
    assert marker.evaluate("d => d.open") and reason.is_visible() and reason.inner_text().strip()
    labelled = page.locator("#cancel-order-paid-body .g-tap details.g-unsure summary").first
    name = labelled.evaluate("s => s.textContent.replace(/\\s+/g, ' ').trim()")
    assert name.startswith("? " + load_ui(lang)["uncertain"] + ":"), "a label's marker names the label"


def test_without_javascript_the_not_confirmed_reasons_still_open(browser, server) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=server)
    page = context.new_page()
    page.goto(url("id", "track-order"))
    marker = page.locator("details.g-unsure").first
    marker.locator("summary").click()
    assert marker.locator(".g-unsure__why").first.is_visible()
    context.close()


def test_the_language_switch_keeps_the_step_with_javascript(page, lang) -> None:
    other = "en" if lang == "id" else "id"
    page.goto(f"{url(lang, 'cancel-order')}#cancel-order-cod-2")
    switch = page.locator(".g-lang__link")
    assert switch.get_attribute("href").endswith("cancel-order.html#cancel-order-cod-2")
    switch.click()
    page.wait_for_url(re.compile(rf"/{prefix(other)}cancel-order\.html#cancel-order-cod-2$"))
    assert page.locator("html").get_attribute("lang") == other
    assert page.locator("#cancel-order-cod-2").is_visible()


def test_the_language_switch_works_without_javascript_and_from_a_saved_copy(browser, server, built_site) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=server)
    tab = context.new_page()
    tab.goto("en/track-order.html")
    tab.get_by_role("link", name="ID, Bahasa Indonesia").click()
    tab.wait_for_url(re.compile(r"/track-order\.html$"))
    assert tab.locator("html").get_attribute("lang") == "id"
    tab.goto((built_site / "track-order.html").as_uri())
    tab.get_by_role("link", name="EN, English").click()
    assert tab.url == (built_site / "en" / "track-order.html").as_uri()
    assert tab.locator("html").get_attribute("lang") == "en"
    context.close()


def focus_ring(page) -> bool:
    return page.evaluate(
        """() => { const s = getComputedStyle(document.activeElement);
        return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; }"""
    )


def test_keyboard_reaches_the_switch_search_and_every_situation_with_a_visible_ring(page, lang) -> None:
    page.goto(url(lang, "cancel-order"))
    reached: list[str] = []
    for _ in range(60):
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
    assert "g-palette" in joined, "light and dark"
    for case in ("unpaid", "paid", "cod", "shipped"):
        assert f"#cancel-order-{case}" in joined, f"the situation {case}"


def test_light_and_dark_switch_and_the_choice_is_kept(page) -> None:
    page.goto("index.html")
    assert page.evaluate("document.documentElement.dataset.mdColorScheme") == "default"
    page.locator("[data-g-palette]").click()
    assert page.evaluate("document.documentElement.dataset.mdColorScheme") == "slate"
    page.goto("en/track-order.html")
    assert page.evaluate("document.documentElement.dataset.mdColorScheme") == "slate"


def test_a_broken_address_fragment_does_not_break_the_page(page) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto("cancel-order.html#%")
    page.evaluate("location.hash = '#%E0%A4%A'")
    page.wait_for_timeout(100)
    assert errors == []
    assert page.locator(".g-fold__button").count() > 0
