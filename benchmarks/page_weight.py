#!/usr/bin/env python3
"""What each page costs a reader on metered data: requests and bytes, measured in Chromium.

    .venv/bin/python -m benchmarks.page_weight [--site DIR] [--json FILE]

It builds the site (or takes a built one whose SITE_URL matches --port), serves it on loopback with
GitHub Pages' caching (Cache-Control: max-age=600), and loads every page of both languages with a
cold cache. For each page it reports the requests, the bytes transferred raw and gzip (the server
does not compress, so gzip is measured here, level 6 like most servers), and any request to another
host. A second view (another page of the same site, reached by a link) is measured with the cache
warm. Budgets: no third-party request; first view of a guide page <= 60 KB gzip; a second page
<= 15 KB gzip.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import statistics
import sys
import tempfile
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Page, Request, sync_playwright

from guide.languages import languages
from scripts.build import build_site
from scripts.loopback import CHROMIUM, CHROMIUM_ARGS, free_port

LANGS = {lang.code: lang.prefix for lang in languages()}
GUIDES = ("view-orders", "track-order", "cancel-order", "cancel-checklist", "safe-shopping", "returns-help")
FIRST_VIEW_BUDGET = 60 * 1024
SECOND_VIEW_BUDGET = 15 * 1024


@dataclass
class Load:
    page: str
    requests: int = 0
    raw: int = 0
    gzip: int = 0
    third_party: list[str] = field(default_factory=list)
    files: list[tuple[str, int]] = field(default_factory=list)


class CachingHandler(http.server.SimpleHTTPRequestHandler):
    """A static server that caches like GitHub Pages (10 minutes)."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_message(self, *args: object) -> None:
        pass


def serve(site: Path, port: int) -> http.server.ThreadingHTTPServer:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(CachingHandler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def local_file(site: Path, origin: str, url: str) -> Path | None:
    if not url.startswith(origin):
        return None
    rel = unquote(urlsplit(url).path).lstrip("/")
    path = site / (rel or "index.html")
    return path / "index.html" if path.is_dir() else path


def tally(load: Load, attempts: list[str], finished: list[Request], site: Path, origin: str) -> Load:
    """Add up what went over the network: a response served from the cache has a negative body size."""
    load.third_party = [url for url in attempts if not url.startswith((origin, "data:", "blob:"))]
    for request in finished:
        if not request.url.startswith(origin) or request.sizes()["responseBodySize"] < 0:
            continue
        path = local_file(site, origin, request.url)
        if path and path.is_file():
            load.requests += 1
            load.raw += path.stat().st_size
            load.gzip += gzip_size(path)
            load.files.append((request.url[len(origin) :], gzip_size(path)))
    return load


def settle(page: Page) -> None:
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)


def watch(context: object) -> tuple[list[str], list[Request]]:
    """Every request the pages and their workers try, and the ones that completed."""
    attempts: list[str] = []
    finished: list[Request] = []
    context.on("request", lambda r: attempts.append(r.url))
    context.on("requestfinished", lambda r: finished.append(r))
    return attempts, finished


def first_view(browser: object, origin: str, site: Path, path: str) -> Load:
    context = browser.new_context()
    attempts, finished = watch(context)
    page = context.new_page()
    page.goto(origin + path)
    settle(page)
    load = tally(Load(path), attempts, finished, site, origin)
    context.close()
    return load


def second_view(browser: object, origin: str, site: Path, start: str, path: str) -> Load:
    """Open ``start``, then follow the link to ``path`` as a reader would (instant navigation)."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(origin + start)
    settle(page)
    attempts, finished = watch(context)
    page.locator(f"a[href$='/{path.rsplit('/', 1)[-1]}']").first.click()
    page.wait_for_url(origin + path)
    settle(page)
    load = tally(Load(f"{start} -> {path}"), attempts, finished, site, origin)
    context.close()
    return load


def kb(n: float) -> str:
    return f"{n / 1024:6.1f} KB"


def report(first: dict[str, list[Load]], second: dict[str, list[Load]]) -> bool:
    ok = True
    print(f"{'page (first view, cold cache)':42} {'req':>4} {'raw':>10} {'gzip':>10}  third-party")
    for loads in first.values():
        for load in loads:
            print(f"{load.page:42} {load.requests:4} {kb(load.raw)} {kb(load.gzip)}  {len(load.third_party)}")
    print(f"\n{'second page (warm cache, by link)':42} {'req':>4} {'raw':>10} {'gzip':>10}")
    for loads in second.values():
        for load in loads:
            print(f"{load.page:42} {load.requests:4} {kb(load.raw)} {kb(load.gzip)}")
    print("\nsummary (gzip)            median      max   budget")
    for lang in first:
        guides = [x for x in first[lang] if x.page.rsplit("/", 1)[-1].removesuffix(".html") in GUIDES]
        for name, loads, budget in (
            ("first view", guides, FIRST_VIEW_BUDGET),
            ("second page", second[lang], SECOND_VIEW_BUDGET),
        ):
            sizes = [x.gzip for x in loads]
            verdict = "ok" if max(sizes) <= budget else "OVER"
            ok &= verdict == "ok"
            print(f"{lang} {name:14} {kb(statistics.median(sizes))} {kb(max(sizes))} {kb(budget)}  {verdict}")
    third = sorted({url for loads in first.values() for x in loads for url in x.third_party})
    print(f"third-party requests: {len(third)}" + "".join(f"\n  {url}" for url in third))
    biggest = sorted({f for loads in first.values() for x in loads for f in x.files}, key=lambda f: -f[1])[:8]
    print("largest files (gzip): " + ", ".join(f"{name} {kb(size).strip()}" for name, size in biggest))
    return ok and not third


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (its SITE_URL must be http://127.0.0.1:PORT/)")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    port = args.port or free_port()
    origin = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        if not args.site:
            build_site(site, origin)
        server = serve(site, port)
        pages = sorted(p.name for p in site.glob("*.html") if p.name != "404.html")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            first = {
                lang: [first_view(browser, origin, site, prefix + p) for p in pages] for lang, prefix in LANGS.items()
            }
            second = {
                lang: [second_view(browser, origin, site, prefix + "index.html", prefix + f"{g}.html") for g in GUIDES]
                for lang, prefix in LANGS.items()
            }
            browser.close()
        server.shutdown()
    ok = report(first, second)
    if args.json:
        args.json.write_text(json.dumps({"first": first, "second": second}, default=asdict, indent=1))
    print("\nwithin budget" if ok else "\nOVER BUDGET")
    return 0


if __name__ == "__main__":
    sys.exit(main())
