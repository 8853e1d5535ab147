"""folds.js on a guide drawn from tests/fixtures/mini.yaml: parts start folded and open by tap and keyboard, "open
all" opens every part, and a link to a step opens its part and lands on it under the part's title, marked."""

from __future__ import annotations

import pytest

from guide.ui import load_ui

pytestmark = pytest.mark.browser

FOLDS = ("folds",)


@pytest.fixture()
def cases(mini_site, lang) -> str:
    return mini_site(lang).flow("mini-cases")


def test_parts_start_folded_and_open_by_tap_and_keyboard(open_page, cases, lang) -> None:
    page = open_page(cases, FOLDS, lang)
    button = page.locator("#mini-cases-early button.g-fold__button")
    assert button.get_attribute("aria-expanded") == "false" and page.locator("#mini-cases-early-1").is_hidden()
    button.click()
    assert button.get_attribute("aria-expanded") == "true" and page.locator("#mini-cases-early-1").is_visible()
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "false" and page.locator("#mini-cases-early-1").is_hidden()


def test_open_all_opens_every_part_and_says_it_will_close_them(open_page, cases, lang) -> None:
    page = open_page(cases, FOLDS, lang)
    every = page.locator(".g-fold-all")
    assert every.inner_text() == load_ui(lang)["open_all"]
    every.click()
    assert page.locator(".g-fold__button[aria-expanded='false']").count() == 0
    assert every.inner_text() == load_ui(lang)["close_all"]
    every.click()
    assert page.locator(".g-fold__button[aria-expanded='true']").count() == 0


def test_the_heading_keeps_its_size_when_it_becomes_a_button(open_page, cases, lang) -> None:
    """The layout is final before the script runs: making the heading a button moves nothing."""
    boxes = []
    for components in ((), FOLDS):  # core alone sets "js" and folds by CSS; then the script wires them
        page = open_page(cases, components, lang)
        boxes.append(page.locator("#mini-cases-late").bounding_box())
    assert boxes[0] == boxes[1]


LANDED = """id => {
  const step = document.getElementById(id), title = step.closest('.g-fold').querySelector('.g-fold__title');
  const s = getComputedStyle(step);
  return {step: step.getBoundingClientRect().toJSON(), title: title.getBoundingClientRect().toJSON(),
          header: document.querySelector('.md-header').getBoundingClientRect().bottom,
          outline: s.outlineStyle, tint: s.backgroundColor, animations: document.getAnimations().length};
}"""


@pytest.mark.parametrize("components", [FOLDS, ()], ids=["script", "css alone"])
def test_a_link_to_a_step_lands_on_it_under_its_parts_title_marked(open_page, cases, lang, components) -> None:
    """Scrolled down a short screen, the part's title stays under the header and the step under it, with an edge
    and a tint that do not fade; by CSS alone (the "js" class, no wiring) as with the script."""
    page = open_page(cases, components, lang, hash="#mini-cases-early-2", viewport={"width": 360, "height": 300})
    assert page.locator("#mini-cases-early-2").is_visible() and page.locator("#mini-cases-late-1").is_hidden()
    seen = page.evaluate(LANDED, "mini-cases-early-2")
    assert page.evaluate("scrollY") > 0, "the page had to scroll: the title held its place"
    assert seen["header"] - 0.5 <= seen["title"]["top"] and seen["title"]["bottom"] <= seen["step"]["top"]
    assert seen["step"]["bottom"] <= 300
    assert seen["outline"] == "solid" and seen["tint"] != "rgba(0, 0, 0, 0)" and seen["animations"] == 0
    if components:
        assert page.locator("#mini-cases-early button.g-fold__button").get_attribute("aria-expanded") == "true"


def test_a_header_of_three_lines_still_has_the_title_under_it(open_page, cases) -> None:
    """On a 320 px phone the Indonesian site's name takes three lines: the header is taller, and the title goes
    under it all the same (--g-header, kept by folds.js)."""
    page = open_page(cases, FOLDS, "id", hash="#mini-cases-early-2", viewport={"width": 320, "height": 300})
    # folds.js learns the header's height from a ResizeObserver, which runs with the next frame drawn after the
    # load: the reader sees that frame, so it is the one measured (a busy machine may not have drawn it yet).
    page.wait_for_function("() => getComputedStyle(document.documentElement).getPropertyValue('--g-header') !== ''")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    seen = page.evaluate(LANDED, "mini-cases-early-2")
    assert seen["header"] > 60, "the name wraps onto three lines"
    assert seen["header"] - 0.5 <= seen["title"]["top"] and seen["title"]["bottom"] <= seen["step"]["top"]


def test_a_new_link_on_the_same_page_opens_that_part(open_page, cases, lang) -> None:
    page = open_page(cases, FOLDS, lang)
    page.evaluate("location.hash = '#mini-cases-early-2'")
    page.locator("#mini-cases-early-2").wait_for(state="visible")
    assert page.locator("#mini-cases-early button.g-fold__button").get_attribute("aria-expanded") == "true"


def test_without_the_script_every_step_shows(open_page, cases, lang, mini) -> None:
    page = open_page(cases, FOLDS, lang, js=False)
    steps = page.locator(".g-step")
    assert steps.count() == len(list(mini.flow("mini-cases").all_steps()))
    assert all(steps.nth(i).is_visible() for i in range(steps.count()))
    assert page.locator(".g-fold-all").is_hidden()
