"""The checklist's chat image drawn in Chromium, on the small guide: chat-sized, drawn once for a given address and
date (a second build reads it from the cache and starts no browser), and drawn again when the address changes."""

from __future__ import annotations

from pathlib import Path

from guide.chat_image import MAX_BYTES, WIDTH, ChatImages, size
from guide.language_site import LanguageSite

from ..conftest import TODAY, browser_missing_reason, missing_tool

ADDRESS = "https://example.org/panduan/"


def build(mini, lang: str, cache: Path, address: str) -> tuple[ChatImages, bytes]:
    """One build's checklist: its drawer, and the image it would publish."""
    chat = ChatImages(cache, required=True)
    LanguageSite.make(mini, lang, TODAY, address, chat=chat).checklist("mini-cases", ("early",))
    (png,) = chat.drawn.values()
    return chat, png


def test_the_image_is_chat_sized_drawn_once_and_drawn_again_for_another_address(mini, lang, tmp_path) -> None:
    missing_tool("Chromium", browser_missing_reason())
    cache = tmp_path / "chat"
    first, png = build(mini, lang, cache, ADDRESS)
    width, height = size(png)
    assert first.draws == 1 and width == WIDTH and height > 300 and len(png) < MAX_BYTES
    assert png[25:26] == b"\x03" and png[24:25] == b"\x04", "a 4-bit palette PNG"
    again, same = build(mini, lang, cache, ADDRESS)
    assert again.draws == 0 and same == png
    moved, other = build(mini, lang, cache, "https://example.net/")
    assert moved.draws == 1 and other != png and size(other)[0] == WIDTH
    assert len(list(cache.glob("*.png"))) == 2
