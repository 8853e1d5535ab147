#!/usr/bin/env python3
"""Search quality benchmark: type each query into the site's real search box in Chromium, as a reader would.

.venv/bin/python -m benchmarks.search_quality --queries benchmarks/queries.tsv [--site site] [--check]

The query file is TSV, ``lang<TAB>query<TAB>expected`` (read by ``guide/search/queries.py``). A result is a
hit when its target (the link's #fragment) is inside the expected element's section, on that language's site.
Per language it prints top-1 and top-3, every miss with what came first, the time from the last keystroke to the
results shown, and the bytes of search data the first results waited for.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import html.parser
import statistics
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from guide.errors import DataError
from guide.languages import languages
from guide.paths import ROOT
from guide.search.queries import LabelledQuery, read_moves, read_queries, with_moves
from scripts.build import build_site
from scripts.loopback import CHROMIUM, CHROMIUM_ARGS, free_port, serve

LANG_PREFIX = {lang.code: lang.prefix for lang in languages()}
START_PAGE = "cancel-order.html"  # a long guide page: its first view is what the page-weight budget is about
TOP1_TARGET, TOP3_TARGET, MEDIAN_MS_TARGET, BYTES_TARGET = 0.95, 0.99, 50.0, 30 * 1024
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


# --- where each id sits: the built pages, parsed --------------------------------------------------


class _Sections(html.parser.HTMLParser):
    """For every id on a page, the ids of the sections around it (itself included).

    An element's own id names its section. A heading that opens its parent (the first element inside a
    ``<section class="g-group">`` or a tip) names the parent: everything in there is inside it.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[list[str]] = []  # per open element: the section ids it stands for
        self.first_child: list[bool] = []  # per open element: no element child seen yet
        self.within: dict[str, set[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        ident = dict(attrs).get("id")
        opens_parent = bool(self.first_child) and self.first_child[-1]
        if self.first_child:
            self.first_child[-1] = False
        if ident and tag in HEADINGS and opens_parent and self.stack:
            self.stack[-1].append(ident)  # the parent now also stands for the heading's id
        names = [ident] if ident else []
        if ident:
            self.within[ident] = {name for frame in self.stack for name in frame} | {ident}
        if tag in VOID:
            return
        self.stack.append(names)
        self.first_child.append(True)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or not self.stack:
            return
        self.stack.pop()
        self.first_child.pop()


def section_map(site: Path) -> dict[str, dict[str, set[str]]]:
    """``{"en/cancel-order.html": {"cancel-order-cod-2": {"cancel-order-cod-2", "cancel-order-cod", …}}}``."""
    pages = {}
    for path in site.rglob("*.html"):
        parser = _Sections()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(site).as_posix()] = parser.within
    return pages


def is_hit(href: str, query: LabelledQuery, base: str, pages: dict[str, dict[str, set[str]]]) -> bool:
    """The link's target is inside one of the expected sections, on the query's language site."""
    parts = urlsplit(urljoin(base, href))
    path = unquote(parts.path).lstrip("/")
    if path.endswith("/") or not path:
        path += "index.html"
    inside = pages.get(path, {}).get(parts.fragment, set())
    return site_language(path) == query.lang and bool(parts.fragment) and any(e in inside for e in query.expected)


def site_language(path: str) -> str:
    """The language whose site a path of the built site is in: the one with the longest folder it begins with."""
    return max((lang for lang in languages() if path.startswith(lang.prefix)), key=lambda lang: len(lang.prefix)).code


# --- the search box, as each engine draws it -----------------------------------------------------


@dataclass(frozen=True)
class Ui:
    """How to read one engine's search UI: its result links, and when results for a query are shown."""

    name: str
    present: str  # a selector that exists only with this UI
    box: str
    results: str  # JS expression: the ranked result hrefs
    ready: str  # JS function(query) -> true once the results for this query are shown


GUIDE_UI = Ui(
    name="guide search (overrides/partials/search.html)",
    present="[data-g-search]",
    box="[data-g-search-input]",
    results="[...document.querySelectorAll('[data-g-search-results] a[href]')].map(a => a.getAttribute('href'))",
    ready="q => { const r = document.querySelector('[data-g-search-results]'); return !!r && r.dataset.query === q }",
)
MATERIAL_UI = Ui(
    name="Material for MkDocs search (lunr)",
    present="input[data-md-component='search-query']",
    box="input[data-md-component='search-query']",
    # A page link comes first, then its sections; the page link counts only when it has no sections.
    results="""[...document.querySelectorAll('.md-search-result__item')].flatMap(li => {
        const links = [...li.querySelectorAll('a.md-search-result__link')].map(a => a.getAttribute('href'));
        const sections = links.filter(h => h.includes('#'));
        return sections.length ? sections : links; })""",
    ready="q => null",  # no signal: wait until the list stops changing
)
# Records the time of every keystroke and of the first frame after every change to the results.
TIMING_JS = """() => {
  const b = window.__bench = {keys: [], shown: []};
  addEventListener('keydown', () => b.keys.push(performance.now()), true);
  const list = document.querySelector('[data-g-search-results], .md-search-result');
  new MutationObserver(() => requestAnimationFrame(() => b.shown.push(performance.now())))
    .observe(list, {childList: true, subtree: true, characterData: true, attributes: true});
}"""


# The files fetched before the first frame that showed results (window.__bench.shown[0]).
FIRST_RESULTS_JS = """() => {
  const shown = window.__bench.shown[0] ?? performance.now();
  return performance.getEntriesByType('resource').filter((e) => e.startTime < shown)
    .map((e) => new URL(e.name).pathname);
}"""


@dataclass
class LangResult:
    lang: str
    ui: str = ""
    rows: list[tuple[LabelledQuery, list[str], int | None]] = field(default_factory=list)  # query, hrefs, rank of hit
    times_ms: list[float] = field(default_factory=list)
    at_load: dict[str, int] = field(default_factory=dict)  # url path -> gzip bytes
    on_open: dict[str, int] = field(default_factory=dict)
    before_results: dict[str, int] = field(default_factory=dict)  # what the first results waited for

    def rate(self, k: int) -> float:
        return sum(1 for _, _, rank in self.rows if rank is not None and rank < k) / max(len(self.rows), 1)


def gzip_size(site: Path, url_path: str) -> int:
    path = site / unquote(url_path).lstrip("/")
    if path.is_dir():
        path /= "index.html"
    return len(gzip.compress(path.read_bytes(), compresslevel=6)) if path.is_file() else 0


def is_search_data(url_path: str) -> bool:
    """Index files and the code of the search itself (Material's worker, or this site's search script)."""
    name = url_path.rsplit("/", 1)[-1]
    return "/search/" in url_path or name.startswith("search")


def run_lang(browser: object, base: str, site: Path, queries: list[LabelledQuery], pages: dict) -> LangResult:
    lang = queries[0].lang
    out = LangResult(lang)
    context = browser.new_context(viewport={"width": 412, "height": 823}, base_url=base)
    page = context.new_page()
    loaded: list[str] = []
    page.on("requestfinished", lambda req: loaded.append(urlsplit(req.url).path))
    page.goto(LANG_PREFIX[lang] + START_PAGE)
    page.wait_for_load_state("networkidle")
    out.at_load = {p: gzip_size(site, p) for p in loaded}
    ui = next((u for u in (GUIDE_UI, MATERIAL_UI) if page.locator(u.present).count()), None)
    if ui is None:
        sys.exit(f"{lang}: no search box found on {START_PAGE}")
    out.ui = ui.name
    before = len(loaded)
    page.keyboard.press("/")  # the shortcut a reader uses; it must focus the search box
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    out.on_open = {p: gzip_size(site, p) for p in loaded[before:]}
    if not page.evaluate(f"document.activeElement === document.querySelector({ui.box!r})"):
        sys.exit(f"{lang}: pressing / did not focus the search box")
    page.evaluate(TIMING_JS)
    type_query(page, ui, queries[0].text)  # warm-up: the index is loaded from here on
    # What the first results waited for: every file whose fetch began before they were drawn.
    first = page.evaluate(FIRST_RESULTS_JS)
    out.before_results = {p: gzip_size(site, p) for p in first}
    for query in queries:
        hrefs, ms = type_query(page, ui, query.text)
        rank = next((i for i, h in enumerate(hrefs) if is_hit(h, query, page.url, pages)), None)
        out.rows.append((query, hrefs, rank))
        if ms is not None:
            out.times_ms.append(ms)
    context.close()
    return out


def type_query(page: object, ui: Ui, text: str) -> tuple[list[str], float | None]:
    """Clear the box, type the query key by key, wait for its results; return them and the time taken."""
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.wait_for_timeout(30)
    page.evaluate("() => { window.__bench.keys = []; window.__bench.shown = []; }")
    page.keyboard.type(text)
    if ui is GUIDE_UI:
        page.wait_for_function(ui.ready, arg=text, timeout=10_000)
        page.wait_for_timeout(50)
    else:
        wait_until_stable(page, ui)
    hrefs = page.evaluate(ui.results)
    keys, shown = page.evaluate("() => [window.__bench.keys, window.__bench.shown]")
    after = [t for t in shown if keys and t >= keys[-1]]
    return hrefs, (after[-1] - keys[-1]) if after else None


def wait_until_stable(page: object, ui: Ui, quiet_ms: int = 600, limit_ms: int = 10_000) -> None:
    last, still, waited = None, 0, 0
    while waited < limit_ms and still < quiet_ms:
        now = page.evaluate(ui.results)
        still = still + 50 if now == last and now else 0
        last = now
        page.wait_for_timeout(50)
        waited += 50


# --- report --------------------------------------------------------------------------------------


def kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


def report(result: LangResult, base: str) -> list[str]:
    n = len(result.rows)
    lines = [f"== {result.lang}: {n} queries, {result.ui} =="]
    lines.append(f"top-1: {result.rate(1):.1%} ({round(result.rate(1) * n)}/{n})   top-3: {result.rate(3):.1%}")
    misses = [(q, hrefs, rank) for q, hrefs, rank in result.rows if rank is None or rank > 0]
    lines.append(f"misses ({len(misses)}):" if misses else "misses: none")
    for q, hrefs, rank in misses:
        where = "not in the top 3" if rank is None or rank >= 3 else f"found at {rank + 1}"
        shown = ", ".join(short(h, base) for h in hrefs[:3]) or "(no results)"
        lines.append(f"  {q.text!r} -> {'|'.join(q.expected)}: {where}; first: {shown}")
    if result.times_ms:
        times = sorted(result.times_ms)
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        lines.append(
            f"last keystroke -> results shown: median {statistics.median(times):.1f} ms, "
            f"p95 {p95:.1f} ms (n={len(times)}, index loaded)"
        )
    else:
        lines.append("last keystroke -> results shown: not measured (no change after the last key)")
    load = {p: b for p, b in result.at_load.items() if is_search_data(p)}
    opened = {p: b for p, b in result.on_open.items() if is_search_data(p)}
    lines.append(f"search data loaded with the page (gzip): {kb(sum(load.values()))} {files(load)}")
    lines.append(f"search data loaded on opening search (gzip): {kb(sum(opened.values()))} {files(opened)}")
    first = {p: b for p, b in result.before_results.items() if is_search_data(p)}
    lines.append(f"search data before the first results (gzip): {kb(sum(first.values()))} {files(first)}")
    lines.append(
        f"whole first view of {LANG_PREFIX[result.lang]}{START_PAGE} (gzip): {kb(sum(result.at_load.values()))}"
    )
    return lines


def short(href: str, base: str) -> str:
    parts = urlsplit(urljoin(base, href))
    return parts.path.rsplit("/", 1)[-1] + (f"#{parts.fragment}" if parts.fragment else "")


def files(sizes: dict[str, int]) -> str:
    return "(" + ", ".join(f"{p.rsplit('/', 1)[-1]} {kb(b)}" for p, b in sizes.items()) + ")" if sizes else ""


def meets_targets(result: LangResult) -> bool:
    loaded = sum(b for p, b in result.before_results.items() if is_search_data(p))
    median = statistics.median(result.times_ms) if result.times_ms else float("inf")
    return (
        result.rate(1) >= TOP1_TARGET
        and result.rate(3) >= TOP3_TARGET
        and median <= MEDIAN_MS_TARGET
        and loaded <= BYTES_TARGET
    )


@contextmanager
def served_site(site: Path | None) -> Iterator[tuple[Path, str]]:
    """The given built site, or a fresh build of this checkout, served on loopback."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryDirectory() as tmp:
        if site is None:
            site = Path(tmp) / "site"
            build_site(site, base)
        httpd = serve(site, port)
        try:
            yield site, base
        finally:
            httpd.shutdown()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=Path, default=ROOT / "benchmarks" / "queries.tsv")
    parser.add_argument("--site", type=Path, help="a built site (default: build this checkout into a temp folder)")
    parser.add_argument("--check", action="store_true", help="exit 1 unless every language meets the targets")
    args = parser.parse_args(argv)
    try:
        moves = read_moves(ROOT / "benchmarks" / "moved-sections.tsv")
        queries = [dataclasses.replace(q, expected=with_moves(q.expected, moves)) for q in read_queries(args.queries)]
    except DataError as error:
        sys.exit(str(error))
    from playwright.sync_api import sync_playwright

    ok = True
    with served_site(args.site) as (site, base), sync_playwright() as pw:
        pages = section_map(site)
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        print(f"{args.queries}: {len(queries)} queries; site {site}; Chromium {browser.version}")
        for lang in LANG_PREFIX:
            mine = [q for q in queries if q.lang == lang]
            if not mine:
                continue
            result = run_lang(browser, base, site, mine, pages)
            print("\n".join(report(result, base)), flush=True)
            ok = ok and meets_targets(result)
        browser.close()
    targets = f"top-1 >= {TOP1_TARGET:.0%}, top-3 >= {TOP3_TARGET:.0%}, median <= {MEDIAN_MS_TARGET:.0f} ms, "
    targets += f"search data before the first results <= {kb(BYTES_TARGET)}"
    print(f"targets ({targets}): {'met' if ok else 'NOT met'}")
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
