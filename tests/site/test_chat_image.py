"""The checklist's chat image in the built site: linked from both checklist pages, chat-sized, and drawn from the
checklist for this build's own address and the date its sources were checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.build_date import build_date
from guide.chat_image import MAX_BYTES, WIDTH, key, size
from guide.htmlq import parse
from guide.language_site import LanguageSite
from guide.paths import ROOT
from guide.ui import load_ui
from guide.views import flow_view

from ..conftest import browser_missing_reason, missing_tool, prefix


@pytest.fixture(autouse=True)
def _drawn_with_chromium() -> None:
    """The build draws the image in Chromium; without it the page has neither image nor link (tests/site/
    test_build_command.py checks that), so these are skipped locally and fail under REQUIRE_BROWSER=1."""
    missing_tool("Chromium", browser_missing_reason())


def test_each_checklist_page_links_to_its_image_with_its_size(built_site: Path, lang: str) -> None:
    ui = load_ui(lang)
    folder = built_site / prefix(lang)
    page = parse((folder / "cancel-checklist.html").read_text(encoding="utf-8"))
    (link,) = page.all("a", "g-chat-image")
    png = (folder / link.attrs["href"]).read_bytes()
    assert link.attrs["download"] == link.attrs["href"].rsplit("/", 1)[-1]
    assert link.text == f"{ui['checklist_image']} (PNG, {round(len(png) / 1024)} KB)"
    width, height = size(png)
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and width == WIDTH and height > width, (width, height)
    assert len(png) <= MAX_BYTES * 0.6, f"{len(png)} bytes: a chat image should stay well under 300 KB"


def test_the_image_was_drawn_for_this_builds_address_and_its_sources_date(
    built_site: Path, site_url: str, guide, lang: str
) -> None:
    """The build keeps each image in .cache/chat/ under the hash of the HTML it drew: the published image is the
    one drawn from the checklist's HTML with this build's address and the guide's date, and no other."""
    folder = built_site / prefix(lang)
    address = f"{site_url}{prefix(lang)}cancel-checklist.html"
    ui = load_ui(lang)
    html = LanguageSite.make(guide, lang, build_date(), f"{site_url}{prefix(lang)}").chat_html(address=address)
    drawn = parse(html)
    assert drawn.one("p", "a").text == address
    checked = flow_view(guide, "cancel-order", lang, ui, build_date()).checked_text
    assert f"{ui['sources_checked']}: {checked}" in drawn.text
    (link,) = parse((folder / "cancel-checklist.html").read_text(encoding="utf-8")).all("a", "g-chat-image")
    published = (folder / link.attrs["href"]).read_bytes()
    assert (ROOT / ".cache" / "chat" / f"{key(html)}.png").read_bytes() == published
