"""A link to one step, shared on WhatsApp, opened on a 360 x 800 phone: it lands with its context (the case's title
and the step on the first screen, under the header), marked so a reader notices it on a cheap screen in daylight
(an edge at 3:1 or more against the page and against its tint, WCAG 1.4.11), which does not fade, and nothing moves.
In both languages, both palettes, and without JavaScript."""

from __future__ import annotations

import pytest

from ..conftest import prefix
from .colour import contrast
from .conftest import GUIDES, PHONE, RECORD, url

pytestmark = pytest.mark.browser

SHARED = "cancel-order-cod-2"  # the link of issue #21

# Where the step and the title of its part are, what is drawn at their middles, and how the step is marked.
LANDING = """(id) => {
  const step = document.getElementById(id);
  const fold = step.closest('.g-fold');
  const title = fold && fold.querySelector('.g-fold__title');
  const box = (el) => { const r = el.getBoundingClientRect(); return {top: r.top, bottom: r.bottom}; };
  const seen = (el) => { const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 40), (r.top + r.bottom) / 2);
    return !!hit && el.contains(hit); };
  const text = step.querySelector('.g-step__text');
  const style = getComputedStyle(step);
  return {
    header: document.querySelector('.md-header').getBoundingClientRect().bottom,
    title: title && {...box(title), seen: seen(title)},
    text: {...box(text), seen: seen(text)},
    outline: [style.outlineStyle, parseFloat(style.outlineWidth), style.outlineColor],
    tint: style.backgroundColor,
    page: getComputedStyle(document.body).backgroundColor,
    ink: getComputedStyle(text).color,
    animations: document.getAnimations().length,
  };
}"""


def farthest_steps(guide) -> list[tuple[str, str]]:
    """Each guide's step farthest from the title of its part: the hardest to land on with its context."""
    out = []
    for flow_id in GUIDES:
        steps = [ident for ident, _ in guide.flow(flow_id).all_steps()]
        if steps:
            out.append((flow_id, max(steps, key=lambda ident: int(ident.rsplit("-", 1)[1]))))
    return out


def land(browser, server, path: str, scheme: str = "light", js: bool = True):
    context = browser.new_context(viewport=PHONE, base_url=server, color_scheme=scheme, java_script_enabled=js)
    context.add_init_script(RECORD)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path)
    page.wait_for_load_state("load")
    if js:  # without JavaScript no frame callback runs: the load is the end
        page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    return context, page, errors


def assert_lands_with_context(seen: dict) -> None:
    title, text = seen["title"], seen["text"]
    if title:
        assert title["top"] >= seen["header"] - 0.5 and title["seen"], f"the part's title is under the header: {seen}"
        assert text["top"] >= title["bottom"], f"the step is under its part's title: {seen}"
    assert seen["header"] <= text["top"] and text["bottom"] <= PHONE["height"], f"the step is off screen: {seen}"
    assert text["seen"], "something covers the step"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_shared_step_lands_with_its_case_title_marked_and_nothing_moves(browser, server, lang, scheme) -> None:
    context, page, errors = land(browser, server, f"{url(lang, 'cancel-order')}#{SHARED}", scheme)
    seen = page.evaluate(LANDING, SHARED)
    assert_lands_with_context(seen)
    style, width, edge = seen["outline"]
    assert style == "solid" and width >= 2, "an edge, not only a tint"
    assert contrast(edge, seen["page"]) >= 3, f"the edge against the page: {edge} on {seen['page']}"
    assert contrast(edge, seen["tint"]) >= 3, f"the edge against its tint: {edge} on {seen['tint']}"
    assert contrast(seen["ink"], seen["tint"]) >= 4.5, "the step's text on the tint"
    assert seen["animations"] == 0, "nothing fades"
    page.wait_for_timeout(2000)  # the reader looks a while later: still marked, the same
    later = page.evaluate(LANDING, SHARED)
    assert (later["outline"], later["tint"]) == (seen["outline"], seen["tint"])
    assert page.evaluate("window.__shifts.reduce((a, b) => a + b, 0)") == 0, "cumulative layout shift"
    assert errors == []
    context.close()


def test_every_guides_farthest_step_lands_with_the_title_of_its_part(browser, server, guide, lang) -> None:
    missed = []
    for flow_id, step in farthest_steps(guide):
        context, page, _ = land(browser, server, f"{url(lang, flow_id)}#{step}")
        try:
            assert_lands_with_context(page.evaluate(LANDING, step))
        except AssertionError as error:
            missed.append((step, str(error)[:300]))
        context.close()
    assert missed == []


def test_without_javascript_the_shared_step_lands_with_its_case_title(browser, server, lang) -> None:
    context, page, _ = land(browser, server, f"{prefix(lang)}cancel-order.html#{SHARED}", js=False)
    seen = page.evaluate(LANDING, SHARED)
    assert_lands_with_context(seen)
    assert seen["outline"][0] == "solid"
    context.close()
