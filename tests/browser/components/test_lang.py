"""lang.js: the language switch (partials/alternate.html) leads to the same page in the other language, and with a
script to the same step or part too, as the reader moves from one to another."""

from __future__ import annotations

import pytest

from guide.languages import codes, language

pytestmark = pytest.mark.browser


def other(lang: str) -> str:
    return next(code for code in codes() if code != lang)


def test_the_switch_keeps_the_part_the_reader_is_on(open_page, mini_site, lang) -> None:
    page = open_page(mini_site(lang).flow("mini-cases"), ("lang",), lang, hash="#mini-cases-late-1")
    switch = page.locator(".g-lang__link")
    base = ("../" if language(lang).prefix else "") + language(other(lang)).prefix + "page.html"
    assert switch.get_attribute("href") == f"{base}#mini-cases-late-1"
    page.evaluate("location.hash = '#mini-cases-early'")
    page.wait_for_function("() => document.querySelector('.g-lang__link').href.endsWith('#mini-cases-early')")
    page.evaluate("location.hash = ''")
    page.wait_for_function("() => !document.querySelector('.g-lang__link').getAttribute('href').includes('#')")
    assert switch.get_attribute("href") == base


def test_a_part_that_is_not_on_the_page_is_not_carried_over(open_page, mini_site, lang) -> None:
    page = open_page(mini_site(lang).flow("mini-cases"), ("lang",), lang, hash="#nowhere")
    assert "#" not in page.locator(".g-lang__link").get_attribute("href")
