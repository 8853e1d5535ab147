"""Paper: the cancellation checklist prints on one sheet per language, and every guide prints cleanly.

Printed by Chromium (Playwright's page.pdf, prefer_css_page_size off, no margins passed, so the page
margins are the ones the stylesheets set), then read back with poppler: pdftotext for the words, pdftoppm
for the pixels.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from guide.htmlq import parse
from guide.languages import codes, languages
from guide.ui import load_ui
from guide.views import format_date
from scripts.marks import page_marks
from scripts.print_checklist import render_gray

from .. import shared
from ..conftest import missing_tool
from .conftest import GUIDES

pytestmark = pytest.mark.browser

SITES = {lang.code: lang.prefix for lang in languages()}
PAPERS = ("A4", "Letter")
TICK = ("unpaid", "paid", "cod")  # the cases the checklist shows as tick boxes (LanguageSite.checklist's default)
VIEWPORTS = {"phone": {"width": 412, "height": 823}, "desktop": {"width": 1280, "height": 900}}
DPI = 100
BOX_PT = 10  # the printed tick box is 10pt square with a 1.5pt border (guide.css, print block)


def squash(text: str) -> str:
    """Whitespace collapsed, and a line broken after a hyphen or dash joined again: compare texts this way."""
    return re.sub(r"([-\u2013\u2014])\s+", r"\1", " ".join(text.split()))


def cancel_flow(guide):
    return guide.flow("cancel-order")


def checklist_texts(guide, lang: str) -> list[str]:
    """Every case title and step text the checklist shows, in one language."""
    texts = []
    for case in cancel_flow(guide).groups:
        texts.append(case.title[lang])
        texts += [step.text[lang] for step in case.steps]
    return texts


def other(lang: str) -> str:
    return next(x for x in codes() if x != lang)


@pytest.fixture(scope="session")
def need_poppler() -> None:
    """Like Chromium: skipped with the reason locally, a failure under REQUIRE_BROWSER=1 (CI)."""
    missing = [tool for tool in ("pdftotext", "pdftoppm") if shutil.which(tool) is None]
    missing_tool(
        "poppler", f"{', '.join(missing)} not found: install poppler-utils (.ci/run does)" if missing else None
    )


@pytest.fixture(scope="session")
def print_page(browser, server, shared_root, need_poppler) -> Iterator[Callable[..., Path]]:
    """print_page(path, paper, viewport="phone", scheme="light") -> the PDF: printed once per test run, by whichever
    worker asks first (tests/shared.py), as several tests read the same print."""
    folder = shared_root / "print"
    # One tab prints every page of a worker: a new one costs more than the print, and a page keeps nothing from the
    # one before (no stored palette, no service worker: as on a first visit).
    tab = browser.new_context(base_url=server, service_workers="block").new_page()

    def print_it(path: str, paper: str, viewport: str = "phone", scheme: str = "light") -> Path:
        name = "-".join((path, paper, viewport, scheme)).replace("/", "_")

        def make() -> dict[str, str]:
            tab.set_viewport_size(VIEWPORTS[viewport])
            tab.emulate_media(color_scheme=scheme)
            tab.goto(path)  # to the load: printed later (after the network is still) every page printed the same
            folder.mkdir(exist_ok=True)
            pdf = folder / f"{name}.pdf"
            tab.pdf(path=str(pdf), format=paper, prefer_css_page_size=False)
            return {"pdf": str(pdf)}

        try:
            return Path(shared.once(shared_root, f"print-{name}", make)["pdf"])
        except shared.Failed as exc:
            pytest.fail(f"{path} did not print on {paper}:\n{exc}", pytrace=False)

    yield print_it
    tab.context.close()


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page, as poppler reads it (pages are separated by form feeds)."""
    # -raw: in the order Chromium wrote the text, and without poppler's joining of hyphenated words
    # (which turns a line break in "cancel-checklist" into "cancelchecklist").
    cmd = ["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return out.stdout.split("\f")[: len(PdfReader(pdf).pages)]


# ---------------------------------------------------------------- the checklist on paper


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("paper", PAPERS)
def test_the_checklist_prints_on_exactly_one_sheet(print_page, lang, paper, viewport) -> None:
    pdf = print_page(f"{SITES[lang]}cancel-checklist.html", paper, viewport)
    assert len(PdfReader(pdf).pages) == 1, f"{lang} on {paper} from a {viewport} prints on more than one page"


@pytest.mark.parametrize("paper", PAPERS)
def test_the_printed_checklist_says_every_step_in_its_own_language_only(print_page, guide, server, lang, paper) -> None:
    (text,) = [squash(page) for page in pdf_pages(print_page(f"{SITES[lang]}cancel-checklist.html", paper))]
    mine = checklist_texts(guide, lang)
    missing = [t for t in mine if squash(t) not in text]
    assert not missing, f"missing from the {lang} print on {paper}: {missing}"
    strangers = [t for t in checklist_texts(guide, other(lang)) if t not in mine and squash(t) in text]
    assert not strangers, f"{other(lang)} text in the {lang} print: {strangers}"
    flow = cancel_flow(guide)
    ui = load_ui(lang)
    for case in flow.groups:
        for part in ("when", "outcome", "timing"):
            said = getattr(case, part)
            if said and (case.id in TICK or part == "when"):
                assert squash(said[lang]) in text, f"{case.id} {part}"
    assert f"{ui['sources_checked']}: {format_date(flow.checked, ui)}" in text
    assert "127.0.0.1" not in text, "a build for this machine prints no address (a published one does)"


def test_the_printed_checklist_has_no_site_chrome_and_no_button(print_page, page, lang) -> None:
    """The header's site name, the language switch, the footer, the print button and the link to the chat image
    stay on screen."""
    page.goto(f"{SITES[lang]}cancel-checklist.html")
    chrome = {
        "site name": page.locator(".g-title").first.inner_text(),
        "language switch": page.locator(".g-lang__link").first.inner_text(),
        "footer": page.locator(".md-copyright").inner_text(),
        "print button": page.locator("#checklist-print").inner_text(),
        "chat image link": page.locator(".g-chat-image").inner_text(),
    }
    (text,) = [squash(p) for p in pdf_pages(print_page(f"{SITES[lang]}cancel-checklist.html", "A4"))]
    for what, words in chrome.items():
        assert squash(words) and squash(words) not in text, f"the {what} ({words!r}) is printed"


def test_the_printed_tick_boxes_are_dark_squares(print_page, guide, lang, tmp_path) -> None:
    """Rendered from the PDF at 100 dpi: one dark square outline per step, light inside."""
    pdf = print_page(f"{SITES[lang]}cancel-checklist.html", "A4", scheme="dark")
    width, height, pixels = render_gray(pdf, DPI)
    boxes = dark_squares(width, height, pixels, side=BOX_PT * DPI / 72)
    assert len(boxes) == sum(len(cancel_flow(guide).group(c).steps) for c in TICK), boxes
    for left, top, _side, ink in boxes:
        assert ink <= 80, f"the box at ({left}, {top}) prints pale: mean border grey {ink:.0f} of 255"


def pdf_words(pdf: Path) -> tuple[float, list[tuple[str, float, float]]]:
    """The first page's width, and its words in the order Chromium wrote them: (word, left, top), each word lowered
    and without punctuation (a mark "?" is no word)."""
    out = subprocess.run(
        ["pdftotext", "-raw", "-bbox", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    width = float(re.search(r'<page width="([\d.]+)"', out.stdout)[1])
    words = []
    for left, top, text in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', out.stdout):
        word = re.sub(r"[^\w]", "", html.unescape(text).casefold())
        if word:
            words.append((word, float(left), float(top)))
    return width, words


def tokens(text: str) -> list[str]:
    return [w for w in (re.sub(r"[^\w]", "", t.casefold()) for t in text.split()) if w]


def find(words: list[tuple[str, float, float]], wanted: list[str], start: int = 0) -> list[int]:
    """Where the words ``wanted`` appear in a row, from ``start`` on."""
    said = [w for w, _, _ in words]
    return [i for i in range(start, len(said) - len(wanted) + 1) if said[i : i + len(wanted)] == wanted]


@pytest.mark.parametrize("paper", PAPERS)
def test_no_case_of_the_printed_checklist_splits_across_its_columns(print_page, page, lang, paper) -> None:
    """Each case's title and its last line print in the same column, the title above."""
    page.goto(f"{SITES[lang]}cancel-checklist.html")
    page.emulate_media(media="print")
    cases = page.locator(".g-check-case").evaluate_all(
        """sections => {
             const text = node => { const c = node.cloneNode(true);
                                    c.querySelectorAll('.g-sr, .g-mark').forEach(e => e.remove());
                                    return c.textContent; };
             // the last part printed: a case's next places stay on screen (display: none on paper)
             const last = s => [...s.children].filter(e => e.getClientRects().length).pop();
             return sections.map(s => [text(s.querySelector('h2')), text(s.querySelector('li')),
                                       text(last(s))]); }"""
    )
    width, words = pdf_words(print_page(f"{SITES[lang]}cancel-checklist.html", paper))
    assert len(cases) == 4
    for title, first, last in cases:
        heads = [i for i in find(words, tokens(title)) if find(words[i : i + 40], tokens(first)[:3])]
        assert len(heads) == 1, f"{title!r} not found once as a heading on the {paper} sheet"
        ends = find(words, tokens(last)[-3:], heads[0])
        assert ends, f"the last line of {title!r} is not on the sheet"
        (_, head_x, head_y), (_, end_x, end_y) = words[heads[0]], words[ends[0]]
        assert (head_x < width / 2) == (end_x < width / 2) and end_y > head_y, (
            f"{title!r} [{lang}, {paper}] starts in one column and ends in the other"
        )


def test_the_printed_checklist_keeps_every_mark_the_guide_shows_for_each_case(page, built_site, lang) -> None:
    """Case by case, as many marks on paper as on the guide's page with every case open."""
    guide_page = page_marks((built_site / SITES[lang] / "cancel-order.html").read_text(encoding="utf-8"))
    page.goto(f"{SITES[lang]}cancel-checklist.html")
    page.emulate_media(media="print")
    printed = page.locator(".g-check-case").evaluate_all(
        """sections => sections.map(s => [s.querySelector('h2').id,
             [...s.querySelectorAll('.g-mark')].filter(m => m.getClientRects().length).length])"""
    )
    assert printed and all(n for _, n in printed), "the cancellation cases have marks today"
    for heading, shown in printed:
        case = heading.removeprefix("checklist-")
        assert shown == guide_page.cases.get(f"cancel-order-{case}", 0), case


def dark_squares(width: int, height: int, pixels: bytes, side: float) -> list[tuple[int, int, int, float]]:
    """Connected dark shapes about ``side`` pixels square, dark all round their edge and light inside."""
    dark = bytearray(1 if p < 128 else 0 for p in pixels)
    seen = bytearray(len(dark))
    found = []
    lo, hi = round(side) - 2, round(side) + 2
    for start in range(len(dark)):
        if not dark[start] or seen[start]:
            continue
        seen[start] = 1
        stack, xs, ys = [start], [], []
        while stack:
            i = stack.pop()
            x, y = i % width, i // width
            xs.append(x)
            ys.append(y)
            for j in (i - 1 if x else -1, i + 1 if x + 1 < width else -1, i - width, i + width):
                if 0 <= j < len(dark) and dark[j] and not seen[j]:
                    seen[j] = 1
                    stack.append(j)
        left, top, w, h = min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1
        if not (lo <= w <= hi and lo <= h <= hi):
            continue
        edge = [
            pixels[(top + y) * width + left + x]
            for y in range(h)
            for x in range(w)
            if min(x, y, w - 1 - x, h - 1 - y) < 2
        ]
        inside = [pixels[(top + y) * width + left + x] for y in range(4, h - 4) for x in range(4, w - 4)]
        light_inside = sum(p >= 200 for p in inside) >= 0.9 * len(inside)
        if light_inside and sum(p < 128 for p in edge) >= 0.8 * len(edge):
            found.append((left, top, w, sum(edge) / len(edge)))
    return found


# ---------------------------------------------------------------- the checklist's print styles

# What a printed page must not show: the site's chrome, our own screen-only parts, and the print button.
SCREEN_ONLY = (
    ".md-header",
    ".g-chat-image",
    ".md-tabs",
    ".md-sidebar",
    ".md-footer",
    ".md-search",
    ".md-top",
    ".g-lang",
    ".g-situations",
    ".g-folds",
    ".g-copy",
    ".g-report",
    "#checklist-tools",
)


def test_on_paper_every_text_is_10pt_or_larger_and_every_box_is_black(page, lang) -> None:
    page.goto(f"{SITES[lang]}cancel-checklist.html")
    page.emulate_media(media="print")
    sizes = page.evaluate(
        """() => {
          const out = [];
          const walk = document.createTreeWalker(document.querySelector("article"), NodeFilter.SHOW_TEXT);
          for (let n = walk.nextNode(); n; n = walk.nextNode()) {
            const el = n.parentElement;
            if (!n.textContent.trim() || !el.getClientRects().length) continue;
            out.push([parseFloat(getComputedStyle(el).fontSize), n.textContent.trim().slice(0, 50)]);
          }
          return out;
        }"""
    )
    assert len(sizes) > 50
    small = [(round(px * 0.75, 2), text) for px, text in sizes if px * 0.75 < 10 - 0.01]
    assert not small, f"printed text under 10pt: {small}"
    borders = page.locator("#checklist input[type=checkbox]").evaluate_all(
        """boxes => boxes.map(box => {
          const s = getComputedStyle(box);
          return ["Top", "Right", "Bottom", "Left"].map(side =>
            [parseFloat(s[`border${side}Width`]), s[`border${side}Style`], s[`border${side}Color`]]);
        })"""
    )
    assert borders
    for sides in borders:
        for width_px, style, color in sides:
            assert width_px * 0.75 >= 1.5 and style == "solid" and color == "rgb(0, 0, 0)", sides


@pytest.mark.parametrize("name", ["cancel-checklist", "view-orders", "track-order", "cancel-order", "returns-help"])
def test_on_paper_the_site_chrome_and_screen_only_parts_are_hidden(page, lang, name) -> None:
    page.goto(f"{SITES[lang]}{name}.html")
    page.emulate_media(media="print")
    for selector in SCREEN_ONLY:
        shown = page.locator(selector).evaluate_all("els => els.filter(e => e.getClientRects().length).length")
        assert shown == 0, f"{selector} is printed on {name}"
    assert page.locator("article h1").is_visible()


# ---------------------------------------------------------------- the checklist on screen


def test_the_print_button_speaks_the_pages_language_and_opens_the_print_dialog(page, lang) -> None:
    page.goto(f"{SITES[lang]}cancel-checklist.html")
    button = page.get_by_role("button", name=load_ui(lang)["checklist_print"], exact=True)
    assert button.is_visible()
    page.evaluate("() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; }")
    button.click()
    assert page.evaluate("window.__printed") == 1


def test_without_javascript_there_is_no_print_button_but_the_boxes_still_tick(browser, server, lang) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=server)
    tab = context.new_page()
    tab.goto(f"{SITES[lang]}cancel-checklist.html")
    assert tab.locator("#checklist-print").count() == 1
    assert not tab.locator("#checklist-print").is_visible()
    box = tab.locator("#checklist input[type=checkbox]").first
    box.check()
    assert box.is_checked()
    context.close()


def test_the_print_button_appears_on_a_page_reached_by_a_link(page, lang) -> None:
    page.goto(f"{SITES[lang]}cancel-order.html")
    page.locator("article a[href$='cancel-checklist.html']").first.click()
    page.wait_for_url(re.compile(r"/cancel-checklist\.html$"))
    page.get_by_role("button", name=load_ui(lang)["checklist_print"], exact=True).wait_for(state="visible")


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]


@pytest.mark.parametrize(("viewport", "scheme"), [("phone", "light"), ("phone", "dark"), ("desktop", "light")])
def test_the_checklist_on_screen_passes_axe(browser, server, lang, viewport, scheme) -> None:
    """Every box labelled, the button readable in both palettes: 0 violations (axe is bundled: no network).

    Scoped to the checklist: the site-wide chrome (header, search) has its own accessibility tests and owner.
    """
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport=VIEWPORTS[viewport], color_scheme=scheme, base_url=server)
    tab = context.new_page()
    tab.goto(f"{SITES[lang]}cancel-checklist.html")
    tab.wait_for_load_state("networkidle")
    tab.locator("#checklist input[type=checkbox]").first.check()
    results = Axe().run(
        tab, context={"include": [["#checklist"]]}, options={"runOnly": {"type": "tag", "values": AXE_TAGS}}
    )
    context.close()
    assert results.response["passes"], "axe did not run"
    assert results.violations_count == 0, results.generate_report()


# ---------------------------------------------------------------- every guide on paper


def headings(flow, lang: str) -> list[str]:
    """The titles a reader must find on paper: every route, case and section, and every tip."""
    return [item.title[lang] for item in (*flow.groups, *flow.tips)]


def step_texts(flow, lang: str) -> list[str]:
    return [step.text[lang] for _, step in flow.all_steps()]


@pytest.fixture(scope="module")
def chrome(browser, server) -> Callable[[str], list[str]]:
    """chrome(lang) -> the texts of the site's frame around every guide of a language, as a reader sees them."""
    seen: dict[str, list[str]] = {}

    def texts(lang: str) -> list[str]:
        if lang not in seen:
            context = browser.new_context(viewport=VIEWPORTS["phone"], base_url=server)
            tab = context.new_page()
            tab.goto(f"{SITES[lang]}cancel-order.html")
            ui = load_ui(lang)
            seen[lang] = [
                tab.locator(".g-title").first.inner_text(),
                tab.locator(".g-lang__link").first.inner_text(),
                tab.locator(".md-copyright").inner_text(),
                ui["situations"],
                ui["situations_routes"],
            ]
            context.close()
        return seen[lang]

    return texts


@pytest.mark.parametrize("flow_id", GUIDES)
def test_every_guide_prints_every_route_and_case_with_no_step_split_and_no_chrome(
    print_page, chrome, built_site, guide, lang, flow_id
) -> None:
    flow = guide.flow(flow_id)
    path = f"{SITES[lang]}{flow.id}.html"
    heading = parse((built_site / path).read_text(encoding="utf-8")).one("h1").text
    pages = [squash(text) for text in pdf_pages(print_page(path, "A4"))]
    whole = " ".join(pages)
    assert squash(flow.title[lang]) in whole or squash(heading) in whole, flow.id
    missing = [title for title in headings(flow, lang) if squash(title) not in whole]
    assert not missing, f"{flow.id} [{lang}] prints without {missing}"
    split = [text for text in step_texts(flow, lang) if not any(squash(text) in one for one in pages)]
    assert not split, f"{flow.id} [{lang}]: steps split across a page edge (or missing): {split}"
    # A word as short as the language link's "ID" is also content ("ID card"): on paper that link is checked by
    # element (test_on_paper_the_site_chrome_and_screen_only_parts_are_hidden), here only longer chrome texts.
    shown = [words for words in chrome(lang) if len(squash(words)) > 3 and squash(words) in whole]
    assert not shown, f"{flow.id} [{lang}] prints the site's chrome: {shown}"
