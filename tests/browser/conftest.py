"""Browser fixtures: each page of each language visited once per test run, with what a reader would notice recorded.

``visit(lang, name)`` loads the page on a 360 x 800 phone with JavaScript, and records every request, every
content security policy violation, every script error and console error, every layout shift, where the
"unofficial" line and the page's title sit, and how wide the page is at 320 px. The tests in this folder then
check one thing each.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pytest

from guide import paths
from guide.languages import reference

from .. import shared
from ..conftest import guide_ids, prefix

PAGES = [*sorted(p.stem for p in (paths.ROOT / reference().docs).glob("*.md")), "404"]

GUIDES = guide_ids()
PHONE = {"width": 360, "height": 800}

# Before any page script: count policy violations, and layout shifts, from the very start.
RECORD = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
window.__shifts = [];
new PerformanceObserver(list => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
}).observe({type: 'layout-shift', buffered: true});
"""


def url(lang: str, name: str) -> str:
    return f"{prefix(lang)}{name}.html"


@dataclass
class Visit:
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    shift: float = 0.0
    unofficial_bottom: float | None = None
    title: dict[str, Any] = field(default_factory=dict)
    width_320: int = 0


def record(browser: Any, server: str, lang: str, name: str) -> Visit:
    """Load the page as a reader would, and note what ``Visit`` holds."""
    seen = Visit()
    context = browser.new_context(viewport=PHONE, base_url=server)
    context.add_init_script(RECORD)
    # the page's own requests: the service worker's come after the load (tests/browser/test_offline.py)
    context.on("request", lambda r: seen.requests.append(r.url) if r.service_worker is None else None)
    page = context.new_page()
    page.on("pageerror", lambda e: seen.errors.append(f"page error: {e}"))
    page.on("console", lambda m: seen.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.goto(url(lang, name))
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(100)
    seen.violations = page.evaluate("window.__violations")
    seen.shift = page.evaluate("window.__shifts.reduce((a, b) => a + b, 0)")
    seen.unofficial_bottom = page.evaluate(
        "(() => { const e = document.querySelector('.g-unofficial'); return e && e.getBoundingClientRect().bottom; })()"
    )
    seen.title = page.evaluate(
        """(() => { const t = document.querySelector('.g-title'); const r = t.getBoundingClientRect();
        return {text: t.textContent.trim(), clipped: t.scrollWidth > t.clientWidth + 1, width: r.width}; })()"""
    )
    page.set_viewport_size({"width": 320, "height": 640})
    page.wait_for_timeout(50)
    seen.width_320 = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    return seen


@pytest.fixture(scope="session")
def visit(browser: Any, server: str, shared_root: Path) -> Callable[[str, str], Visit]:
    """visit(lang, name) -> what a visit of the page noted: made once per test run, by whichever worker asks first
    (tests/shared.py), since the tests of one page run on either worker."""

    def load(lang: str, name: str) -> Visit:
        try:
            return Visit(
                **shared.once(shared_root, f"visit-{lang}-{name}", lambda: asdict(record(browser, server, lang, name)))
            )
        except shared.Failed as exc:
            pytest.fail(f"the visit of {url(lang, name)} failed:\n{exc}", pytrace=False)

    return load
