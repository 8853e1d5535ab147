"""Links to single steps, and trust you can see: copy link, deep links, report a change, stale guides."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from macros.i18n import load_ui
from macros.render import make_env
from macros.site import Site

from .conftest import DATA, TEST_REPO, run_build
from .htmlq import parse

PREFIX = {"id": "", "en": "en/"}


@pytest.mark.browser
def test_copy_link_copies_the_absolute_address_of_the_step(browser, server, lang) -> None:
    context = browser.new_context(base_url=server, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{PREFIX[lang]}cancel-order.html")
    button = page.locator("#cancel-order-cod-2 .g-copy")
    assert button.get_attribute("aria-label") == f"{load_ui(lang)['copy_link']} 2"
    button.click()
    page.wait_for_function("document.getElementById('g-live') && document.getElementById('g-live').textContent")
    assert (
        page.evaluate("navigator.clipboard.readText()") == f"{server}{PREFIX[lang]}cancel-order.html#cancel-order-cod-2"
    )
    assert page.locator("#g-live").inner_text() == load_ui(lang)["copied"]
    context.close()


@pytest.mark.browser
def test_copy_buttons_are_real_buttons_and_hidden_without_javascript(browser, server) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=server)
    page = context.new_page()
    page.goto("cancel-order.html")
    assert page.locator(".g-copy").count() > 0
    assert page.locator(".g-copy:visible").count() == 0
    context.close()


@pytest.mark.browser
def test_a_deep_link_scrolls_to_the_step_and_highlights_it(page) -> None:
    page.goto("en/returns-help.html#returns-help-escalate-3")
    step = page.locator("#returns-help-escalate-3")
    page.wait_for_function("document.getElementById('returns-help-escalate-3').classList.contains('g-flash')")
    box = step.bounding_box()
    assert box and 0 <= box["y"] < page.viewport_size["height"] / 2
    page.goto("en/index.html")
    page.locator(".g-task[href$='/cancel-order.html']").click()  # instant navigation, then a hash change
    page.wait_for_url("**/en/cancel-order.html")
    page.locator("#cancel-order-paid-4").wait_for()
    page.evaluate("location.hash = '#cancel-order-paid-4'")
    page.wait_for_function("document.getElementById('cancel-order-paid-4').classList.contains('g-flash')")


def report_query(href: str) -> dict[str, str]:
    parts = urlsplit(href)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{TEST_REPO}/issues/new"
    return {k: v[0] for k, v in parse_qs(parts.query).items()}


def test_report_links_name_the_flow_the_step_the_language_and_the_page(built_site: Path, site_url: str, lang) -> None:
    html = parse((built_site / PREFIX[lang] / "cancel-order.html").read_text(encoding="utf-8"))
    link = html.by_id("cancel-order-cod-2").one("a", "g-report")
    query = report_query(link.attrs["href"])
    page = f"{site_url}{PREFIX[lang]}cancel-order.html#cancel-order-cod-2"
    assert query["body"].splitlines()[:4] == [
        "Flow: cancel-order",
        "Step: cancel-order-cod-2",
        f"Language: {lang}",
        f"Page: {page}",
    ]
    assert "cancel-order-cod-2" in query["title"] and f"[{lang}]" in query["title"]
    assert link.attrs["aria-label"] == f"{load_ui(lang)['report_step']} 2"
    flow_link = html.one("p", "g-report-flow").one("a")
    assert flow_link.text == load_ui(lang)["report"]
    assert report_query(flow_link.attrs["href"])["body"].splitlines()[1] == "Step: -"


def test_without_a_repository_there_are_no_report_links(guide: dict) -> None:
    html = parse(Site(guide, "id", load_ui("id"), make_env()).flow("cancel-order"))
    assert html.all("a", "g-report") == [] and html.all("p", "g-report-flow") == []


def test_the_verified_date_is_written_out_in_the_page_language(guide: dict) -> None:
    day = dt.date.fromisoformat(next(f for f in guide["flows"] if f["id"] == "track-order")["last_verified"])
    for lang in ("id", "en"):
        html = parse(Site(guide, lang, load_ui(lang), make_env()).flow("track-order"))
        month = load_ui(lang)["months"][day.month - 1]
        assert html.one("p", "g-verified").one("time").text == f"{day.day} {month} {day.year}"
    assert load_ui("id")["months"][7] == "Agustus" and load_ui("en")["months"][7] == "August"


def test_an_old_guide_shows_a_gentle_notice(guide: dict) -> None:
    checked = dt.date.fromisoformat(next(f for f in guide["flows"] if f["id"] == "track-order")["last_verified"])
    for days, shown in ((180, False), (181, True)):
        site = Site(guide, "en", load_ui("en"), make_env(), today=checked + dt.timedelta(days=days))
        notes = parse(site.flow("track-order")).all("p", "g-stale")
        assert len(notes) == int(shown), days
    assert load_ui("en")["stale_title"] in notes[0].text


def test_the_build_warns_about_old_guides_and_still_succeeds(tmp_path: Path) -> None:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    old = (dt.date.today() - dt.timedelta(days=400)).isoformat()
    next(f for f in data["flows"] if f["id"] == "safe-shopping")["last_verified"] = old
    stale = tmp_path / "steps.yaml"
    stale.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    done = run_build(tmp_path / "site", stale)
    assert done.returncode == 0, done.stderr
    assert f"guide may be out of date: safe-shopping (last verified {old})" in done.stderr
    html = (tmp_path / "site" / "en" / "safe-shopping.html").read_text(encoding="utf-8")
    assert 'class="g-stale"' in html
