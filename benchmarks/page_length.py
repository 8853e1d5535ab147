#!/usr/bin/env python3
"""How long each page is on a 360 x 800 phone, in screens, with JavaScript on and off, per language.

    .venv/bin/python -m benchmarks.page_length [--site DIR] [--before DIR] [--check]

It builds the site (or takes a built one), serves it on loopback and loads every page in Chromium at 360 x 800:
a screen is 800 CSS pixels of the page's full height. With JavaScript, a guide shows its situations and folds;
without, and in print, every step is there, so the no-JS figure is the whole guide. ``--before`` measures another
built site (an older commit's) beside it. Budget: <= 6 screens with JavaScript for every guide (issue #10).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from guide.languages import languages
from scripts.build import build_site
from scripts.loopback import CHROMIUM, CHROMIUM_ARGS, free_port, serve

PHONE = {"width": 360, "height": 800}
BUDGET = 6.0
PAGES_NOT_GUIDES = {"index", "about", "404", "cancel-checklist"}  # the budget is for the guides


def screens(browser: Browser, origin: str, path: str, javascript: bool) -> float | None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    response = page.goto(origin + path)
    if response is None or not response.ok:
        context.close()
        return None
    page.wait_for_load_state("networkidle")
    height = page.evaluate("() => document.documentElement.scrollHeight")
    context.close()
    return height / PHONE["height"]


def measure(browser: Browser, site: Path, origin: str, names: list[str]) -> dict[tuple[str, str], tuple]:
    out = {}
    for lang in languages():
        for name in names:
            path = f"{lang.prefix}{name}.html"
            if (site / path).is_file():
                out[(lang.code, name)] = (screens(browser, origin, path, True), screens(browser, origin, path, False))
    return out


def cell(value: float | None) -> str:
    return f"{value:5.1f}" if value is not None else "    -"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build this checkout)")
    parser.add_argument("--before", type=Path, help="another built site to measure beside it")
    parser.add_argument("--check", action="store_true", help="exit 1 if a guide is over the budget")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        sites = {"now": site, **({"before": args.before} if args.before else {})}
        ports = {name: free_port() for name in sites}
        if not args.site:
            build_site(site, f"http://127.0.0.1:{ports['now']}/")
        servers = [serve(folder, ports[name]) for name, folder in sites.items()]
        names = sorted({p.stem for folder in sites.values() for p in folder.glob("*.html")} - {"404"})
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            results = {
                name: measure(browser, folder, f"http://127.0.0.1:{ports[name]}/", names)
                for name, folder in sites.items()
            }
            browser.close()
        for server in servers:
            server.shutdown()
    heading = "screens at 360x800        " + ("   before (JS / no JS)" if args.before else "") + "   now (JS / no JS)"
    print(heading)
    over = []
    for lang in languages():
        for name in names:
            now = results["now"].get((lang.code, name), (None, None))
            before = results.get("before", {}).get((lang.code, name), (None, None))
            if now == (None, None) and before == (None, None):
                continue
            line = f"{lang.code} {name:22}"
            if args.before:
                line += f"   {cell(before[0])} / {cell(before[1])}   "
            line += f"   {cell(now[0])} / {cell(now[1])}"
            guide = name not in PAGES_NOT_GUIDES
            if guide and now[0] is not None and now[0] > BUDGET:
                over.append(f"{lang.code} {name}")
                line += "   OVER"
            print(line)
    print(
        f"\nbudget: every guide <= {BUDGET:.0f} screens with JavaScript: "
        + ("OVER: " + ", ".join(over) if over else "ok")
    )
    return 1 if args.check and over else 0


if __name__ == "__main__":
    sys.exit(main())
