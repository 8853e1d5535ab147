"""Post-build step: reading offline. Writes, into one language's built site:

- ``offline.json``: the files "Save all guides for offline" keeps (every page, the stylesheet and scripts, the
  search files) and what they weigh, gzip as a host sends them and as they are;
- that weight on the home page's button (its text holds ``SIZE_PLACEHOLDER`` until now);
- ``sw.js``, the service worker (guide/postbuild/sw.js), versioned by the hash of the files it serves, so a new
  build that changes any of them replaces the reader's cache.

``offline.html`` (overrides/offline.html, a static template of the theme) is the page the worker shows for a page
never saved. Runs last: the pages are final once the content security policy is filled in.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import rjsmin

from .. import paths
from ..errors import DataError
from ..languages import language, languages

WORKER = paths.PACKAGE / "postbuild" / "sw.js"
SIZE_PLACEHOLDER = "guide-save-size"
OFFLINE_PAGE = "offline.html"
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
    return sum(len(gzip.compress(d, compresslevel=6, mtime=0)) for d in data), sum(len(d) for d in data)


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


def worker(lang: str, build: str) -> str:
    text = WORKER.read_text(encoding="utf-8")
    for name, value in (("%VERSION%", build), ("%LANG%", lang), ("%OTHERS%", json.dumps(others_inside(lang)))):
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


def write_offline(site: Path, lang: str) -> None:
    """Write offline.json and sw.js into one language's built site, and the save-all weight on its home page."""
    if not (site / OFFLINE_PAGE).is_file():
        raise DataError(f"{site / OFFLINE_PAGE}: missing (mkdocs.yml lists it under theme: static_templates)")
    files = offline_files(site)
    packed, stored = fill_size(site, files)
    listing = {"files": files, "gzip": packed, "bytes": stored}
    (site / "offline.json").write_text(json.dumps(listing, separators=(",", ":")) + "\n", encoding="utf-8")
    (site / "sw.js").write_text(worker(lang, version(site, files)), encoding="utf-8")
