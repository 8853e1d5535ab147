"""top.js on a long page: the back-to-top button shows while the reader scrolls up, far down the page, and takes
them to the top, with focus on the page's heading."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

TOP = ("top",)


def long_page(parts: int = 20) -> str:
    text = "<p>" + "Words to read on the way down the page. " * 12 + "</p>"
    return "".join(f'<h2 id="part-{i}">Part {i}</h2>{text}' for i in range(parts))


def test_the_button_shows_when_scrolling_up_and_takes_the_reader_to_the_top(open_page, lang) -> None:
    page = open_page(long_page(), TOP, lang)
    top = page.locator(".md-top")
    assert page.evaluate("document.querySelector('.md-top').hidden")
    page.mouse.wheel(0, 3000)
    page.wait_for_function("() => scrollY > 2000")
    assert page.evaluate("document.querySelector('.md-top').hidden"), "not while going down"
    page.mouse.wheel(0, -300)
    page.wait_for_function("() => !document.querySelector('.md-top').hidden")
    top.click()
    page.wait_for_function("() => scrollY === 0")
    assert page.evaluate("document.activeElement.tagName") == "H1"
    assert page.evaluate("document.querySelector('.md-top').hidden")
