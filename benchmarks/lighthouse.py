#!/usr/bin/env python3
"""Lighthouse mobile scores of the home and cancel pages in both languages (reported, not tested).

    .venv/bin/python -m benchmarks.lighthouse

Needs Node and `npx lighthouse@12.2.3` (newer versions want Node 22); npx fetches it from the npm
registry the first time. It builds the site, serves it on loopback and runs Lighthouse with Debian's
Chromium (CHROME_PATH). Targets: Performance >= 98; Accessibility, Best practices and SEO 100.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts.build import build_site
from scripts.loopback import CHROMIUM, free_port, serve

PAGES = ("", "cancel-order.html", "en/", "en/cancel-order.html")  # "" and "en/": the homes as linked
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "speed-index")
FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"


def lighthouse(url: str, out: Path) -> dict:
    cmd = [
        "npx", "--yes", "lighthouse@12.2.3", url, "--quiet", "--output=json", f"--output-path={out}",
        f"--chrome-flags={FLAGS}", "--only-categories=" + ",".join(CATEGORIES),
    ]  # fmt: skip
    subprocess.run(cmd, check=True, env={**os.environ, "CHROME_PATH": str(CHROMIUM)}, timeout=300)
    return json.loads(out.read_text(encoding="utf-8"))


def main() -> int:
    port = free_port()
    origin = f"http://127.0.0.1:{port}/"
    print(f"{'page':24}" + "".join(f"{c:>16}" for c in CATEGORIES))
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build_site(site, origin)
        server = serve(site, port)
        for page in PAGES:
            report = lighthouse(origin + page, Path(tmp) / "report.json")
            scores = [round(100 * report["categories"][c]["score"]) for c in CATEGORIES]
            print(f"{page or '(home)':24}" + "".join(f"{s:>16}" for s in scores))
            metrics = {m: report["audits"][m]["displayValue"] for m in METRICS}
            print(f"{'':24}" + ", ".join(f"{m} {v}" for m, v in metrics.items()))
            failed = [
                a["id"] for a in report["audits"].values() if a.get("score") is not None and a["score"] < 1
                and a.get("scoreDisplayMode") in {"binary", "numeric"} and a["id"] not in {"largest-contentful-paint"}
            ]  # fmt: skip
            print(f"{'':24}below full marks: {', '.join(sorted(failed)[:12]) or 'none'}")
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
