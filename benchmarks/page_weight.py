#!/usr/bin/env python3
"""What each page costs a reader on metered data and a slow phone, beside a stock Material build of the same pages.

    .venv/bin/python -m benchmarks.page_weight [--site DIR] [--runs 3] [--json FILE]

It builds the site and a stock Material build of the same pre-rendered pages (``benchmarks/stock.py``: Material
as it comes, with its own search and instant navigation), serves both on loopback as a static host does (gzip,
Cache-Control: max-age=600), and measures in Chromium:

1. The first view of every page of both languages, cold cache: requests, bytes (gzip, as sent), and any request
   to another host. Budget: <= 30 KB gzip in <= 5 requests, none to another host.
2. A second page reached by a link from the home page, warm cache: what went over the network, counted by the
   server itself (every response and its bytes as sent: the page's, the service worker's own fetches and its
   navigation preload, the browser's check for a new sw.js), and how many of the page's files came from a cache
   instead (the browser's, or the service worker's) with nothing sent.
3. The slow-phone profile (CPU x4, 400 kbps, 400 ms round trip, cold cache), on the cancel guide: first
   contentful paint, when step 1 is on screen (the reader taps its situation as soon as the link is drawn),
   when a deep-linked step is on screen (and whether it is at first paint), and a second page by a link (from
   the click to its heading on screen). Median of --runs.
Each figure is printed for both builds, with the ratio guide / stock: this machine is noisy, a ratio in one
run is not.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Browser, Page, Request, sync_playwright

from guide.languages import languages
from scripts.build import build_site
from scripts.loopback import CHROMIUM, CHROMIUM_ARGS, free_port, serve

from .stock import build_stock

LANGS = {lang.code: lang.prefix for lang in languages()}
FIRST_VIEW_BYTES, FIRST_VIEW_REQUESTS = 30 * 1024, 5
SECOND_PAGES = ("cancel-order", "track-order", "refund-status", "scams")
GUIDE = "cancel-order"
STEP_ONE = "cancel-order-unpaid-1"  # the first step of the cancel guide
DEEP_LINK = "cancel-order-cod-2"  # a step a friend shares on WhatsApp
PHONE = {"width": 360, "height": 800}
SLOW = {"latency": 400, "kbps": 400, "cpu": 4}

# Before any script of the page: note when paint happens, and when each watched element is first on screen.
WATCH = """
window.__seen = {};
const watched = %s;
const look = () => {
  for (const id of watched) {
    if (window.__seen[id] !== undefined) continue;
    const el = document.getElementById(id);
    if (!el) continue;
    const r = el.getBoundingClientRect();
    const shown = r.height > 0 && r.bottom > 0 && r.top < innerHeight && getComputedStyle(el).visibility !== 'hidden';
    if (shown) window.__seen[id] = performance.now();
  }
  if (watched.some((id) => window.__seen[id] === undefined)) requestAnimationFrame(look);
};
requestAnimationFrame(look);
"""


@dataclass
class Load:
    page: str
    requests: int = 0
    gzip: int = 0
    third_party: list[str] = field(default_factory=list)
    files: list[tuple[str, int]] = field(default_factory=list)
    worker: list[str] = field(default_factory=list)  # what the service worker fetched, after the page's load
    cached: int = 0  # the page's files that came from a cache (the browser's or the worker's), nothing sent


@dataclass
class Slow:
    fcp: float = 0.0  # ms
    step_one: float = 0.0  # ms until step 1 is on screen, the reader tapping its situation as soon as it is drawn
    deep_link: float = 0.0  # ms until the deep-linked step is on screen
    deep_link_fcp: float = 0.0  # that page's first contentful paint
    second_page: float = 0.0  # ms from the click to the next page's heading on screen


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def local_file(site: Path, origin: str, url: str) -> Path | None:
    if not url.startswith(origin):
        return None
    path = site / (unquote(urlsplit(url).path).lstrip("/") or "index.html")
    return path / "index.html" if path.is_dir() else path


def tally(load: Load, attempts: list[str], finished: list[Request], site: Path, origin: str) -> Load:
    """Add up what went over the network: a response served from the cache has a negative body size."""
    load.third_party = [url for url in attempts if not url.startswith((origin, "data:", "blob:"))]
    for request in finished:
        if request.service_worker is not None:  # the worker's own fetches (sw.js is the page's): none is the page's
            load.worker.append(request.url[len(origin) :])
            continue
        if not request.url.startswith(origin) or request.sizes()["responseBodySize"] < 0:
            continue
        path = local_file(site, origin, request.url)
        if path and path.is_file():
            load.requests += 1
            load.gzip += gzip_size(path)
            load.files.append((request.url[len(origin) :], gzip_size(path)))
    return load


def settle(page: Page) -> None:
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)


def watch(context: Any) -> tuple[list[str], list[Request]]:
    attempts: list[str] = []
    finished: list[Request] = []
    context.on("request", lambda r: attempts.append(r.url))
    context.on("requestfinished", lambda r: finished.append(r))
    return attempts, finished


def first_view(browser: Browser, origin: str, site: Path, path: str) -> Load:
    context = browser.new_context(viewport=PHONE)
    attempts, finished = watch(context)
    page = context.new_page()
    page.goto(origin + path)
    settle(page)
    load = tally(Load(path), attempts, finished, site, origin)
    context.close()
    return load


def second_view(browser: Browser, origin: str, start: str, path: str, sent: list[tuple[str, int]]) -> Load:
    """Open ``start``, then follow its link to ``path`` as a reader would. What went over the network is what the
    server sent (``sent``, its log): the page's requests, the service worker's and the browser's own alike."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(origin + start)
    settle(page)
    asked: list[Request] = []
    context.on("request", lambda r: asked.append(r))
    sent.clear()
    page.locator(f".md-content a[href$='{path.rsplit('/', 1)[-1]}']").first.click()
    page.wait_for_url(origin + path)
    settle(page)
    network = list(sent)
    context.close()
    load = Load(f"{start} -> {path}", requests=len(network), gzip=sum(size for _, size in network), files=network)
    over_network = {urlsplit(url).path for url, _ in network}
    own = [r for r in asked if r.service_worker is None and r.url.startswith(origin)]
    load.cached = sum(urlsplit(r.url).path not in over_network for r in own)
    load.worker = [r.url[len(origin) :] for r in asked if r.service_worker is not None]
    return load


# --- the slow phone ------------------------------------------------------------------------------


def slow_page(browser: Browser, watched: list[str]) -> tuple[Any, Page]:
    context = browser.new_context(viewport=PHONE)
    context.add_init_script(WATCH % json.dumps(watched))
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    rate = SLOW["kbps"] * 1000 / 8
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": SLOW["latency"], "downloadThroughput": rate, "uploadThroughput": rate},
    )
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": SLOW["cpu"]})
    return context, page


def fcp(page: Page) -> float:
    page.wait_for_function("() => performance.getEntriesByName('first-contentful-paint').length > 0")
    return page.evaluate("() => performance.getEntriesByName('first-contentful-paint')[0].startTime")


def seen(page: Page, ident: str) -> float:
    page.wait_for_function(f"() => window.__seen && window.__seen[{ident!r}] !== undefined", timeout=60_000)
    return page.evaluate(f"() => window.__seen[{ident!r}]")


def slow_run(browser: Browser, origin: str, prefix: str) -> Slow:
    out = Slow()
    # First view of the guide: paint, then the reader taps the first situation and step 1 is on screen.
    context, page = slow_page(browser, [STEP_ONE])
    page.goto(f"{origin}{prefix}{GUIDE}.html", wait_until="commit")
    out.fcp = fcp(page)
    page.locator(f".md-content a[href$='#{STEP_ONE.rsplit('-', 1)[0]}']").first.click(timeout=60_000)
    out.step_one = seen(page, STEP_ONE)
    context.close()
    # A deep link to a step, as shared in a chat.
    context, page = slow_page(browser, [DEEP_LINK])
    page.goto(f"{origin}{prefix}{GUIDE}.html#{DEEP_LINK}", wait_until="commit")
    out.deep_link_fcp = fcp(page)
    out.deep_link = seen(page, DEEP_LINK)
    context.close()
    # A second page: the home page first, then its link to the guide, with the cache warm.
    context, page = slow_page(browser, [])
    page.goto(f"{origin}{prefix}index.html")
    settle(page)
    link = page.locator(f".md-content a[href$='{GUIDE}.html']").first
    start = time.perf_counter()
    link.click()
    page.wait_for_function(
        f"() => location.pathname.endsWith('/{GUIDE}.html') && document.querySelector('h1')"
        " && document.querySelector('h1').getBoundingClientRect().height > 0",
        timeout=60_000,
    )
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    out.second_page = (time.perf_counter() - start) * 1000
    context.close()
    return out


def slow_median(browser: Browser, origin: str, prefix: str, runs: int) -> Slow:
    done = [slow_run(browser, origin, prefix) for _ in range(runs)]
    return Slow(**{name: statistics.median(getattr(r, name) for r in done) for name in asdict(Slow())})


# --- report --------------------------------------------------------------------------------------


def kb(n: float) -> str:
    return f"{n / 1024:5.1f} KB"


def ratio(a: float, b: float) -> str:
    return f"{a / b:5.2f}" if b else "  n/a"


def report(results: dict[str, dict[str, Any]]) -> bool:
    ok = True
    guide, stock = results["guide"], results["stock"]
    print(f"\n{'first view, cold cache':34} {'guide':>16} {'stock Material':>18}  ratio   other hosts")
    for lang in LANGS:
        for mine, theirs in zip(guide["first"][lang], stock["first"][lang], strict=True):
            print(
                f"{mine.page:34} {mine.requests:3} req {kb(mine.gzip)}   {theirs.requests:3} req {kb(theirs.gzip)}"
                f"  {ratio(mine.gzip, theirs.gzip)}   {len(mine.third_party)}"
            )
    print(f"\n{'second page, warm cache, by link':34} {'guide: network':>16} {'cached':>7}"
          f"  {'stock: network':>16} {'cached':>7}  ratio")  # fmt: skip
    for lang in LANGS:
        for mine, theirs in zip(guide["second"][lang], stock["second"][lang], strict=True):
            print(
                f"{mine.page:34} {mine.requests:3} req {kb(mine.gzip)} {mine.cached:7}  {theirs.requests:3} req"
                f" {kb(theirs.gzip)} {theirs.cached:7}  {ratio(mine.gzip, theirs.gzip)}"
            )
    print("  network: every response the server sent for the click (the page's, the worker's, the browser's check of")
    print("  sw.js); cached: the page's files that came from the browser's or the worker's cache, nothing sent")
    for lang in LANGS:
        files = sorted({name for x in guide["second"][lang] for name, _ in x.files})
        print(f"{lang}: guide files sent over the network for a second page: {', '.join(files)}")
    print(f"\nfirst view budget: <= {kb(FIRST_VIEW_BYTES).strip()} gzip in <= {FIRST_VIEW_REQUESTS} requests")
    for lang in LANGS:
        loads = guide["first"][lang]
        worst = max(loads, key=lambda x: x.gzip)
        most = max(x.requests for x in loads)
        fits = worst.gzip <= FIRST_VIEW_BYTES and most <= FIRST_VIEW_REQUESTS
        ok &= fits
        print(
            f"{lang}: median {kb(statistics.median(x.gzip for x in loads))}, largest {kb(worst.gzip)} ({worst.page}),"
            f" at most {most} requests: {'ok' if fits else 'OVER'}"
        )
    for lang in LANGS:
        loads = guide["first"][lang]
        late = max(loads, key=lambda x: len(x.worker))
        print(f"{lang}: the service worker's own fetches after the load, at most {len(late.worker)} ({late.page}):"
              f" {', '.join(late.worker) or 'none'}")  # fmt: skip
    third = sorted({url for loads in guide["first"].values() for x in loads for url in x.third_party})
    ok &= not third
    print(f"requests to other hosts: {len(third)}" + "".join(f"\n  {url}" for url in third))
    if "slow" in guide:
        profile = f"CPU x{SLOW['cpu']}, {SLOW['kbps']} kbps, {SLOW['latency']} ms RTT"
        print(f"\nslow phone ({profile}), {GUIDE}, median ms    guide    stock   ratio")
        for lang in LANGS:
            mine, theirs = guide["slow"][lang], stock["slow"][lang]
            for name, label in (
                ("fcp", "first contentful paint"),
                ("step_one", "step 1 on screen"),
                ("deep_link", f"deep link #{DEEP_LINK} on screen"),
                ("second_page", "second page, by link"),
            ):
                a, b = getattr(mine, name), getattr(theirs, name)
                print(f"{lang}: {label:38} {a:7.0f}  {b:7.0f}   {ratio(a, b)}")
            late = mine.deep_link - mine.deep_link_fcp
            print(f"{lang}: deep link on screen at first paint: {'yes' if late < 100 else 'no'} ({late:+.0f} ms)")
    biggest = sorted({f for loads in guide["first"].values() for x in loads for f in x.files}, key=lambda f: -f[1])
    print("largest files (gzip): " + ", ".join(f"{name} {kb(size).strip()}" for name, size in biggest[:6]))
    return ok


def measure(browser: Browser, site: Path, origin: str, runs: int, sent: list[tuple[str, int]]) -> dict[str, Any]:
    pages = sorted(p.name for p in site.glob("*.html") if p.name != "404.html")
    first = {lang: [first_view(browser, origin, site, prefix + p) for p in pages] for lang, prefix in LANGS.items()}
    second = {
        lang: [second_view(browser, origin, f"{prefix}index.html", f"{prefix}{g}.html", sent) for g in SECOND_PAGES]
        for lang, prefix in LANGS.items()
    }
    out: dict[str, Any] = {"first": first, "second": second}
    if runs:
        out["slow"] = {lang: slow_median(browser, origin, prefix, runs) for lang, prefix in LANGS.items()}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build this checkout)")
    parser.add_argument("--runs", type=int, default=3, help="slow-phone runs per measure (0: skip them)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    parser.add_argument("--check", action="store_true", help="exit 1 unless the first-view budget holds")
    args = parser.parse_args(argv)
    ports = {"guide": free_port(), "stock": free_port()}
    origins = {name: f"http://127.0.0.1:{port}/" for name, port in ports.items()}
    with tempfile.TemporaryDirectory() as tmp:
        sites = {"guide": args.site or Path(tmp) / "guide", "stock": Path(tmp) / "stock"}
        if not args.site:
            build_site(sites["guide"], origins["guide"])
        build_stock(sites["stock"], origins["stock"])
        sent: dict[str, list[tuple[str, int]]] = {name: [] for name in sites}  # each server's log
        servers = [serve(sites[name], ports[name], cache_seconds=600, sent=sent[name]) for name in sites]
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            print(f"Chromium {browser.version}; slow-phone runs: {args.runs}")
            results = {name: measure(browser, sites[name], origins[name], args.runs, sent[name]) for name in sites}
            browser.close()
        for server in servers:
            server.shutdown()
    ok = report(results)
    if args.json:
        args.json.write_text(json.dumps(results, default=asdict, indent=1), encoding="utf-8")
    print("\nwithin budget" if ok else "\nOVER BUDGET")
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
