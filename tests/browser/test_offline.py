"""Reading offline, in Chromium over http://127.0.0.1 (where a service worker may run): a page opened once opens
again without a network, a page never opened shows the offline page in its language, "save all" keeps every guide
and search, a new build replaces the cache, and the first view is as before (the worker comes after it).

Each test has a fresh browser context, so a fresh set of workers and caches. Tests that change files use a copy of
the built site on a server of their own.
"""

from __future__ import annotations

import json
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from guide.postbuild.offline import kilobytes, offline_files, version, worker
from guide.ui import load_ui
from scripts.loopback import free_port, serve

from ..conftest import prefix
from .conftest import PHONE, RECORD

CONTROLLED = "() => navigator.serviceWorker.controller !== null"
# The newest worker has taken over: none is installing or waiting.
ACTIVE = (
    "() => navigator.serviceWorker.getRegistration()"
    ".then(r => !!r.active && r.active.state === 'activated' && !r.waiting && !r.installing)"
)
# The page's own address is in the worker's cache (the worker keeps the open pages when it takes over).
KEPT = "async () => !!(await caches.match(location.href.split('#')[0].replace(/\\/$/, '/index.html')))"


def nav_names(built_site: Path, lang: str) -> list[str]:
    """The pages of a language, as "save all" lists them."""
    listing = json.loads((built_site / prefix(lang) / "offline.json").read_text(encoding="utf-8"))
    return [name.removesuffix(".html") for name in listing["files"] if name.endswith(".html")]


@pytest.fixture()
def context(browser: Any, server: str) -> Iterator[Any]:
    ctx = browser.new_context(viewport=PHONE, base_url=server, service_workers="allow")
    ctx.add_init_script(RECORD)
    yield ctx
    ctx.close()


def open_kept(context: Any, path: str) -> Any:
    """Open a page online, and wait until the worker controls it and has kept it."""
    page = context.new_page()
    page.goto(path)
    page.wait_for_function(CONTROLLED, timeout=15_000)
    page.wait_for_function(KEPT, timeout=15_000)
    return page


def heading(page: Any) -> str:
    return page.locator("h1").first.inner_text().strip()


def violations(page: Any) -> list[str]:
    return page.evaluate("window.__violations")


def test_a_page_opened_once_opens_again_offline_and_so_does_another_opened_page(context, lang) -> None:
    page = open_kept(context, f"{prefix(lang)}cancel-order.html")
    title = heading(page)
    page.goto(f"{prefix(lang)}track-order.html")  # a second page, read online
    second = heading(page)
    page.wait_for_function(KEPT, timeout=15_000)
    context.set_offline(True)
    page.goto(f"{prefix(lang)}cancel-order.html")
    page.reload()
    assert heading(page) == title
    # with its stylesheet and script, from the cache
    assert page.evaluate("document.querySelector('link[rel=stylesheet]').sheet.cssRules.length") > 100
    assert page.evaluate("document.documentElement.classList.contains('js')")
    page.goto(f"{prefix(lang)}track-order.html")
    assert heading(page) == second != load_ui(lang)["offline_title"]
    assert violations(page) == []


def test_a_page_never_opened_shows_the_offline_page_in_its_language(context, lang) -> None:
    ui = load_ui(lang)
    page = open_kept(context, f"{prefix(lang)}cancel-order.html")
    title = heading(page)
    context.set_offline(True)
    page.goto(f"{prefix(lang)}scams.html")
    assert heading(page) == ui["offline_title"]
    assert page.evaluate("document.documentElement.lang") == lang
    shown = page.eval_on_selector_all("[data-g-saved] a", "as => as.map(a => a.textContent)")
    assert shown == [title]
    assert page.evaluate("document.querySelector('link[rel=stylesheet]').sheet.cssRules.length") > 100
    # the link opens the saved page, offline
    page.locator("[data-g-saved] a").click()
    page.wait_for_load_state()
    assert heading(page) == title
    assert violations(page) == []


def test_save_all_downloads_nothing_before_the_tap_then_every_guide_and_search_work_offline(
    context, built_site: Path, lang: str
) -> None:
    ui = load_ui(lang)
    listing = json.loads((built_site / prefix(lang) / "offline.json").read_text(encoding="utf-8"))
    asked: list[str] = []
    context.on("request", lambda r: asked.append(r.url))
    page = open_kept(context, f"{prefix(lang)}index.html")
    button = page.locator("[data-g-save-button]")
    assert button.is_visible()
    assert button.inner_text() == f"{ui['save_all']} (≈ {kilobytes(listing['gzip'])} KB)"
    page.wait_for_timeout(500)
    fetched = {u.rsplit("/", 1)[-1] for u in asked}
    assert not fetched & {"offline.json", "index.json", "texts.json", "scams.html", "search-engine.js"}, fetched
    button.click()
    page.wait_for_function(
        "t => document.querySelector('[data-g-save-status]').textContent === t", arg=ui["save_all_done"], timeout=30_000
    )
    context.set_offline(True)
    names = nav_names(built_site, lang)
    assert len(names) >= 10
    for name in names:
        page.goto(f"{prefix(lang)}{name}.html")
        assert heading(page) != ui["offline_title"], name
    # search, offline: its engine and index come from the cache
    page.goto(f"{prefix(lang)}index.html")
    page.keyboard.press("/")
    page.keyboard.type("cancel" if lang == "en" else "batal")
    page.wait_for_selector("[data-g-search-results] a", timeout=15_000)
    assert page.eval_on_selector_all("[data-g-search-results] a", "as => as.length") > 0
    assert violations(page) == []


def test_the_first_view_is_as_before_and_the_worker_comes_after_the_load(context, lang) -> None:
    times: list[tuple[str, float]] = []
    context.on("request", lambda r: times.append((r.url, time.monotonic())))
    page = context.new_page()
    loaded: list[float] = []
    page.on("load", lambda _: loaded.append(time.monotonic()))
    page.goto(f"{prefix(lang)}cancel-order.html")
    page.wait_for_function(CONTROLLED, timeout=15_000)
    before = sorted(u.rsplit("/", 1)[-1] for u, t in times if t <= loaded[0])
    assert before == ["cancel-order.html", "site.css", "site.js"]
    assert any(u.endswith(f"/{prefix(lang)}sw.js") for u, t in times if t > loaded[0])


def test_no_worker_from_a_file(browser: Any, built_site: Path) -> None:
    ctx = browser.new_context(viewport=PHONE)
    page = ctx.new_page()
    asked: list[str] = []
    ctx.on("request", lambda r: asked.append(r.url))
    page.goto((built_site / "index.html").as_uri())
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    assert page.evaluate("document.querySelector('[data-g-save]').hidden")
    assert not [u for u in asked if u.endswith("sw.js")]
    ctx.close()


@pytest.fixture()
def own_site(built_site: Path, tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A copy of the built site, served by a server of its own, to change as a new build would."""
    folder = tmp_path / "site"
    shutil.copytree(built_site, folder)
    port = free_port()
    httpd = serve(folder, port)
    yield folder, f"http://127.0.0.1:{port}/"
    httpd.shutdown()
    httpd.server_close()


def rebuild(site: Path, lang: str, page: str, said: str) -> str:
    """Change one page as a new build would, and write the worker for it (guide/postbuild/offline.py)."""
    path = site / prefix(lang) / page
    path.write_text(path.read_text(encoding="utf-8").replace("</h1>", f" {said}</h1>", 1), encoding="utf-8")
    files = offline_files(site / prefix(lang))
    build = version(site / prefix(lang), files)
    (site / prefix(lang) / "sw.js").write_text(worker(lang, build, site / prefix(lang)), encoding="utf-8")
    return build


def test_a_new_build_replaces_the_cache(browser: Any, own_site: tuple[Path, str], lang: str) -> None:
    """After a new build, one visit online is enough: offline, the reader gets the new text, from the new cache
    alone (the old one is gone, and no old copy of the page was kept in the new one)."""
    site, origin = own_site
    ctx = browser.new_context(viewport=PHONE, base_url=origin)
    ctx.add_init_script(RECORD)
    page = open_kept(ctx, f"{prefix(lang)}cancel-order.html")
    first = page.evaluate("() => caches.keys()")
    old = re.search(r'VERSION="([0-9a-f]{16})"', (site / prefix(lang) / "sw.js").read_text(encoding="utf-8"))
    assert old and first == [f"guide-{lang}-{old[1]}"]
    build = rebuild(site, lang, "cancel-order.html", "(new build)")
    assert f"guide-{lang}-{build}" not in first
    page.reload()  # online: the browser finds the new worker as it loads the page
    assert heading(page).endswith("(new build)")
    page.wait_for_function(ACTIVE, timeout=15_000)
    page.wait_for_function("n => caches.keys().then(k => k.length === 1 && k[0] === n)", arg=f"guide-{lang}-{build}",
                           timeout=15_000)  # fmt: skip
    page.wait_for_function(KEPT, timeout=15_000)
    page.wait_for_timeout(500)  # anything the worker still does in the background is done
    ctx.set_offline(True)
    page.reload()
    assert heading(page).endswith("(new build)")
    page.goto(f"{prefix(lang)}track-order.html")  # a page of the old build never opened: not kept across builds
    assert heading(page) == load_ui(lang)["offline_title"]
    assert violations(page) == []
    ctx.close()


def test_a_worker_whose_cache_a_newer_one_deleted_never_makes_it_again(context, lang: str) -> None:
    """A page the old worker still serves while the new one takes over must not bring the old cache back: it would
    stay beside the new one for good, holding the old build."""
    page = open_kept(context, f"{prefix(lang)}cancel-order.html")
    page.evaluate("() => caches.keys().then(k => Promise.all(k.map(n => caches.delete(n))))")
    page.evaluate("() => fetch('assets/site.css').then(r => r.text())")
    page.goto(f"{prefix(lang)}track-order.html")
    page.wait_for_timeout(500)
    assert page.evaluate("() => caches.keys()") == []
