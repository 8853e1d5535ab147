"""Post-build step: reading offline. Writes, into one language's built site:

- ``offline.json``: the files "Save all guides for offline" keeps (every page, the stylesheet and scripts, the
  search files) and what they weigh, gzip as a host sends them and as they are;
- that weight on the home page's button (its text holds ``SIZE_PLACEHOLDER`` until now);
- ``sw.js``, the service worker (guide/postbuild/sw.js), versioned by the hash of the files it serves, so a new
  build that changes any of them replaces the reader's cache. It carries the offline page it shows for a page never
  saved: the language's words (data/ui/<lang>.yml) and each page's title, escaped here.

Runs last: the pages are final once the content security policy is filled in.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import html
import json
import re
from pathlib import Path

import rjsmin

from .. import paths
from ..errors import DataError
from ..languages import language, languages
from ..ui import load_ui

WORKER = paths.PACKAGE / "postbuild" / "sw.js"
SIZE_PLACEHOLDER = "guide-save-size"
# The offline page loads the stylesheet only: its own policy says so.
OFFLINE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'"
HEADING = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
SITE_NAME = re.compile(r'<meta property="og:site_name" content="([^"]*)"')
NOT_SAVED = {"404.html"}  # a page no link leads to


def offline_files(site: Path) -> list[str]:
    """What "save all" keeps, relative to the language's folder: its pages, then its assets and search files."""
    pages = sorted(p.name for p in site.glob("*.html") if p.name not in NOT_SAVED)
    assets = sorted(f"assets/{p.name}" for p in (site / "assets").glob("*") if p.suffix in {".css", ".js"})
    search = sorted(f"search/{p.name}" for p in (site / "search").glob("*.json"))
    return [*pages, *assets, *search]


def weight(site: Path, files: list[str]) -> tuple[int, int]:
    """(gzip bytes, as a host sends them; bytes as stored) of these files."""
    data = [(site / name).read_bytes() for name in files]
    return sum(gzipped_size(d) for d in data), sum(len(d) for d in data)


@functools.lru_cache(maxsize=512)
def gzipped_size(data: bytes) -> int:
    """A file's size gzipped; kept for the same bytes: ``fill_size`` weighs the site again when only the home page
    changed, and the other files need not be compressed twice."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def kilobytes(size: int) -> str:
    return str(max(1, round(size / 1024)))


def version(site: Path, files: list[str]) -> str:
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode("utf-8") + b"\0" + (site / name).read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def others_inside(lang: str) -> list[str]:
    """Other languages' folders inside this language's folder (the root language holds en/, say)."""
    own = language(lang).prefix
    return sorted(x.prefix[len(own) :] for x in languages() if x.code != lang and x.prefix.startswith(own))


def page_title(page: Path) -> str:
    """A built page's heading, as plain text."""
    found = HEADING.search(page.read_text(encoding="utf-8"))
    if not found:
        raise DataError(f"{page}: has no <h1>, which the offline page lists it by")
    return html.unescape(re.sub(r"<[^>]+>", "", found[1])).strip()


def offline_pages(site: Path, order: list[str]) -> list[list[str]]:
    """[file, escaped title] of every page, in ``order`` (the site's reading order), then any other page."""
    files = [name for name in offline_files(site) if name.endswith(".html")]
    ranked = sorted(files, key=lambda name: (order.index(name) if name in order else len(order), name))
    return [[name, html.escape(page_title(site / name))] for name in ranked]


def offline_words(site: Path, lang: str) -> dict[str, str]:
    """The offline page, in pieces, in this language: its words escaped here, the worker joins the pieces."""
    ui = {key: html.escape(value) for key, value in load_ui(lang).items() if isinstance(value, str)}
    home = site / "index.html"
    found = SITE_NAME.search(home.read_text(encoding="utf-8")) if home.is_file() else None
    name = found[1] if found else ""  # already escaped in the page
    head = (
        f'<!doctype html><html lang="{html.escape(lang)}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{OFFLINE_POLICY}">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{ui['offline_title']}{' - ' + name if name else ''}</title>"
    )
    top = (
        '</head><body dir="ltr"><div class="md-container"><main class="md-main"><div class="md-main__inner md-grid">'
        '<div class="md-content"><article class="md-content__inner md-typeset">'
        f'<p class="g-unofficial" role="note">{ui["unofficial"]}</p><h1>{ui["offline_title"]}</h1>'
    )
    return {
        "head": head,
        "top": top,
        "saved": f"<p>{ui['offline_text']}</p>",
        "none": f"<p>{ui['offline_none']}</p>",
        "end": "</article></div></div></main></div></body></html>",
    }


def worker(lang: str, build: str, site: Path, order: list[str] = ()) -> str:
    """The text of sw.js for this language's built site (``order``: its pages in reading order)."""
    text = WORKER.read_text(encoding="utf-8")
    values = (
        ("%VERSION%", build),
        ("%LANG%", lang),
        ("%OTHERS%", json.dumps(others_inside(lang))),
        ("%OFFLINE%", json.dumps(offline_words(site, lang), ensure_ascii=False)),
        ("%PAGES%", json.dumps(offline_pages(site, list(order)), ensure_ascii=False)),
    )
    for name, value in values:
        if name not in text:
            raise DataError(f"{paths.shown(WORKER)}: has no {name} to fill in")
        text = text.replace(name, value)
    return rjsmin.jsmin(text) + "\n"


def fill_size(site: Path, files: list[str]) -> tuple[int, int]:
    """Put the weight of "save all" on the home page's button; then weigh again, with the button's own text."""
    home = site / "index.html"
    if not home.is_file():
        return weight(site, files)
    text = home.read_text(encoding="utf-8")
    if SIZE_PLACEHOLDER not in text:
        raise DataError(f"{home}: has no 'save all' button (overrides/main.html draws it on the home page)")
    sizes = weight(site, files)
    for _ in range(3):  # the number's own digits change the weight by a few bytes: settle it
        home.write_text(text.replace(SIZE_PLACEHOLDER, kilobytes(sizes[0])), encoding="utf-8")
        again = weight(site, files)
        if kilobytes(again[0]) == kilobytes(sizes[0]):
            return again
        sizes = again
    return sizes


def write_offline(site: Path, lang: str, order: list[str] = ()) -> None:
    """Write offline.json and sw.js into one language's built site, and the save-all weight on its home page
    (``order``: its pages in the site's reading order, for the offline page's list)."""
    files = offline_files(site)
    packed, stored = fill_size(site, files)
    listing = {"files": files, "gzip": packed, "bytes": stored}
    (site / "offline.json").write_text(json.dumps(listing, separators=(",", ":")) + "\n", encoding="utf-8")
    (site / "sw.js").write_text(worker(lang, version(site, files), site, order), encoding="utf-8")
