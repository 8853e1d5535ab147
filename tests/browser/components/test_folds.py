"""folds.js on a guide drawn from tests/fixtures/mini.yaml: parts start folded and open by tap and keyboard, "open
all" opens every part, and a link to a step opens its part and brings it on screen."""

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


def test_a_link_to_a_step_opens_its_part_and_brings_it_on_screen(open_page, cases, lang) -> None:
    page = open_page(cases, FOLDS, lang, hash="#mini-cases-late-1", viewport={"width": 360, "height": 400})
    assert page.locator("#mini-cases-late-1").is_visible()
    assert page.locator("#mini-cases-late button.g-fold__button").get_attribute("aria-expanded") == "true"
    assert page.locator("#mini-cases-early-1").is_hidden()
    box = page.locator("#mini-cases-late-1").bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 400


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
