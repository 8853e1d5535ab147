"""The cancellation checklist as a chat-sized image: drawn at build time, for the build's own address.

The image carries the address of the site it is part of and the date the guide's sources were checked. The
address is known only when the site is built (``SITE_URL``, set by the publish workflow), so the image cannot be
committed: the build draws it in Chromium from ``templates/chat-checklist.html`` (fed by the same checklist view as
the page), and keeps it in ``.cache/chat/`` under the hash of that HTML and of the way it is drawn. A build whose
template, words, address and date are unchanged reads it from there and starts no browser.

Without Chromium the checklist page is built without the image and without its link (never a broken link), and
the build says so in one line; with ``REQUIRE_CHAT_IMAGE=1`` (the publish workflow) it stops instead.
"""

from __future__ import annotations

import hashlib
import os
import re
import struct
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .chromium import CHROMIUM, CHROMIUM_ARGS
from .errors import DataError
from .png import SHADES, shaded_screenshot

WIDTH = 1080  # px: a phone screen's width at 3x; chat apps show it whole
MAX_HEIGHT = 2700  # px: the checklist is about 2300; much longer and a chat shrinks its text too small
MAX_BYTES = 300 * 1024  # what chat apps send without shrinking it further
BACKGROUND, INK = (0xFF, 0xFF, 0xFF), (0x00, 0x33, 0x2C)  # as in templates/chat-checklist.html
# Part of every image's key: change it when the way an image is drawn changes.
DRAWING = f"chat-checklist {WIDTH} max {MAX_HEIGHT} {SHADES} shades {BACKGROUND} {INK}"
KEEP = 8  # images kept in the cache: the newest, by use
REQUIRE = "REQUIRE_CHAT_IMAGE"


class Unavailable(Exception):
    """Chromium cannot draw here: the reason, in one line."""


@dataclass(frozen=True)
class ChatImage:
    """A drawn image: its address in the language's site, the name it is saved under, and its bytes."""

    path: str
    name: str
    png: bytes

    @property
    def kilobytes(self) -> int:
        return max(1, round(len(self.png) / 1024))


def file_name(title: str) -> str:
    """The image's file name from its title, in the reader's language: ``daftar-periksa-pembatalan.png``."""
    slug = "-".join(re.findall(r"[a-z0-9]+", title.lower()))
    if not slug:
        raise DataError(f"chat image: its title {title!r} gives no file name (it needs a letter or digit a-z, 0-9)")
    return f"{slug}.png"


def key(html: str) -> str:
    """The hash of everything the image is drawn from: its HTML (template, words, address, date) and the drawing."""
    return hashlib.sha256(f"{DRAWING}\n{html}".encode()).hexdigest()[:24]


def draw(html: str, chromium: Path = CHROMIUM) -> bytes:
    """The page ``html`` drawn in Chromium, ``WIDTH`` wide and as tall as it is, as a palette PNG.

    In a thread of its own: Playwright's sync API refuses a thread that runs an event loop (a caller that drives
    Playwright itself, a server)."""
    if not chromium.exists():
        raise Unavailable(f"Chromium not found at {chromium} (install Debian's chromium, or set CHROMIUM)")
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(_draw, html, chromium).result()


def _draw(html: str, chromium: Path) -> bytes:
    from playwright.sync_api import Error, sync_playwright

    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
            try:
                page = browser.new_page(viewport={"width": WIDTH, "height": 800})
                page.set_content(html)
                width, height = page.evaluate("[document.body.scrollWidth, document.body.scrollHeight]")
                if width > WIDTH or height > MAX_HEIGHT:
                    raise DataError(
                        f"chat image: the checklist is {width}x{height} px drawn, over {WIDTH}x{MAX_HEIGHT}: shorten "
                        "its steps, or the template guide/templates/chat-checklist.html"
                    )
                page.set_viewport_size({"width": WIDTH, "height": height})
                return shaded_screenshot(page, BACKGROUND, INK)
            finally:
                browser.close()
    except Error as exc:
        raise Unavailable(f"Chromium ({chromium}) could not draw: {str(exc).splitlines()[0]}") from None


def size(png: bytes) -> tuple[int, int]:
    """(width, height) of a PNG, from its header."""
    return struct.unpack(">II", png[16:24])


@dataclass
class ChatImages:
    """The chat images of one language's build: read from the cache or drawn, then written into the built site.

    ``required``: a missing Chromium stops the build (``REQUIRE_CHAT_IMAGE=1``) instead of leaving the link out.
    ``problem`` says why no image could be drawn, for the build to print once. ``draws`` counts Chromium's drawings.
    """

    cache: Path | None
    required: bool = field(default_factory=lambda: os.environ.get(REQUIRE) == "1")
    chromium: Path = CHROMIUM
    drawn: dict[str, bytes] = field(default_factory=dict)
    problem: str | None = None
    draws: int = 0

    def image(self, html: str, path: str, name: str) -> ChatImage | None:
        """The image of ``html`` at ``path`` (saved as ``name``), or None when Chromium cannot draw it."""
        kept = self.cache / f"{key(html)}.png" if self.cache else None
        if kept and kept.is_file():
            png = kept.read_bytes()
            os.utime(kept)  # its use, for keeping the newest
        elif self.problem:
            return None
        else:
            try:
                png = draw(html, self.chromium)
            except Unavailable as exc:
                if self.required:
                    raise DataError(f"chat image: {exc}; {REQUIRE}=1 asks for it") from None
                self.problem = f"{exc}: the checklist page is built without its chat image"
                return None
            self.draws += 1
            if len(png) > MAX_BYTES:
                raise DataError(f"chat image: {len(png)} bytes, over {MAX_BYTES}; simplify its template")
            if kept:
                self._keep(kept, png)
        self.drawn[path] = png
        return ChatImage(path, name, png)

    def _keep(self, kept: Path, png: bytes) -> None:
        kept.parent.mkdir(parents=True, exist_ok=True)
        tmp = kept.with_name(f".{kept.name}.{os.getpid()}")
        tmp.write_bytes(png)
        tmp.replace(kept)
        older = sorted(kept.parent.glob("*.png"), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP:]
        for old in older:
            old.unlink(missing_ok=True)

    def write(self, site: Path) -> None:
        """Write the images this build drew or read into its built site."""
        for path, png in self.drawn.items():
            (site / path).parent.mkdir(parents=True, exist_ok=True)
            (site / path).write_bytes(png)
