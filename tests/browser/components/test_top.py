"""top.js on a long page: the back-to-top button shows while the reader scrolls up, far down the page, never over a
heading or what has focus, and takes them to the top, with focus on the page's heading; hidden, it is no Tab stop."""

from __future__ import annotations

import pytest

from ..way_up import shown_share, way_up

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
    for _ in range(20):  # up, a little at a time, until it shows: it waits while a heading is where it sits
        page.mouse.wheel(0, -100)
        page.wait_for_timeout(30)
        if page.evaluate("!document.querySelector('.md-top').hidden"):
            break
    top.click()
    page.wait_for_function("() => scrollY === 0")
    assert page.evaluate("document.activeElement.tagName") == "H1"
    assert page.evaluate("document.querySelector('.md-top').hidden")


def test_the_button_never_covers_a_heading(open_page, lang) -> None:
    page = open_page(long_page(), TOP, lang)
    stops = way_up(page, "h1, h2")  # from the foot to the top, stopping either side of each place a heading passes
    assert [s for s in stops if s["shown"] and s["under"]] == []
    assert any(s["under"] and not s["shown"] for s in stops), "a heading did pass under it, and it stood aside"
    assert shown_share(stops) > 1 / 2


def test_the_button_does_not_cover_what_has_focus(open_page, lang) -> None:
    text = "<p>" + "Words to read on the way down the page. " * 12 + "</p>"
    wide = "A link in the middle of the page, as wide as the screen. " * 3
    content = long_page(10) + f'<p><a id="focused" href="#part-0">{wide}</a></p>' + text * 10
    page = open_page(content, TOP, lang)
    page.locator("#focused").focus()
    # From further down, up to where the link is right under the button: a reader going back up with Shift+Tab.
    page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_timeout(50)
    hit = page.evaluate(
        """async () => {
        const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        const link = document.getElementById('focused'), button = document.querySelector('.md-top');
        const over = (a, b) => a.bottom > b.top && a.top < b.bottom && a.right > b.left && a.left < b.right;
        const box = button.getBoundingClientRect();
        window.scrollTo(0, scrollY + link.getBoundingClientRect().top - box.top);
        await frame();
        return over(link.getBoundingClientRect(), button.getBoundingClientRect());
        }"""
    )
    assert hit, "the link is where the button sits"
    assert page.evaluate("document.querySelector('.md-top').hidden"), "so the button stands aside"
    page.locator("#focused").blur()
    page.mouse.wheel(0, -5)
    page.wait_for_function("() => !document.querySelector('.md-top').hidden")  # nothing to stand aside for now


def test_hidden_it_is_no_tab_stop(open_page, lang) -> None:
    page = open_page(long_page(3), TOP, lang)
    page.locator("h1").evaluate("h => h.setAttribute('tabindex', '-1')")
    page.locator("h1").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-top')") is False
