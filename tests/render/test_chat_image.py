"""The checklist's chat image, without a browser: what it is drawn from (the cases, the date, the build's address),
the link to it on the checklist, and what a build does when Chromium is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.chat_image import ChatImages, file_name, key
from guide.errors import DataError
from guide.htmlq import parse
from guide.language_site import LanguageSite
from guide.load import load_guide
from guide.png import palette_png
from guide.ui import load_ui
from guide.views import flow_view

from ..conftest import TODAY, flow_of

ADDRESS = "https://example.org/panduan/cancel-checklist.html"
NOWHERE = Path("/nonexistent/chromium")


def site(mini, lang: str, chat: ChatImages | None) -> LanguageSite:
    return LanguageSite.make(mini, lang, TODAY, "https://example.org/panduan/", chat=chat)


def links(html: str) -> list:
    return parse(html).all("a", "g-chat-image")


def test_the_image_is_drawn_from_the_checklists_cases_its_date_and_the_builds_address(mini, lang) -> None:
    ui = load_ui(lang)
    view = flow_view(mini, "mini-cases", lang, ui, TODAY)
    html = site(mini, lang, None).chat_html("mini-cases", ("early",), ADDRESS)
    page = parse(html)
    text = page.text
    assert page.one("p", "a").text == ADDRESS
    assert f"{ui['sources_checked']}: {view.checked_text}" in text
    assert page.one("h1").text == ui["checklist_image_title"]
    early = next(g for g in view.groups if g.id == "early")
    assert early.title in text and all(step.text in text for step in early.steps)
    # the cases not ticked are there too, as what to do once it has shipped
    assert f"{ui['checklist_shipped']} " in text


def test_a_changed_address_or_date_is_another_image(mini, mini_data, write_data, lang) -> None:
    drawn = site(mini, lang, None)
    one = drawn.chat_html("mini-cases", ("early",), ADDRESS)
    assert key(one) == key(drawn.chat_html("mini-cases", ("early",), ADDRESS))
    elsewhere = drawn.chat_html("mini-cases", ("early",), "https://example.net/cancel-checklist.html")
    assert key(one) != key(elsewhere) and "https://example.net/cancel-checklist.html" in elsewhere
    flow_of(mini_data, "mini-cases")["sources_checked"] = "2026-11-02"
    rechecked = site(load_guide(write_data(mini_data), TODAY), lang, None).chat_html("mini-cases", ("early",), ADDRESS)
    assert key(one) != key(rechecked)


def kept_image(cache: Path, html: str) -> bytes:
    """An image as an earlier build left it in the cache: a real palette PNG, 1080 px wide."""
    png = palette_png(1080, 2, b"\x00" + b"\x11" * 540 + b"\x00" + b"\x22" * 540, (255, 255, 255), (0, 0, 0))
    cache.mkdir(parents=True, exist_ok=True)
    (cache / f"{key(html)}.png").write_bytes(png)
    return png


def test_a_kept_image_is_linked_and_written_with_no_browser_at_all(mini, lang, tmp_path) -> None:
    ui = load_ui(lang)
    chat = ChatImages(tmp_path / "chat", required=False, chromium=NOWHERE)
    drawn = site(mini, lang, chat)
    png = kept_image(tmp_path / "chat", drawn.chat_html("mini-cases", ("early",), ADDRESS))
    (link,) = links(drawn.checklist("mini-cases", ("early",), ADDRESS))
    name = file_name(ui["checklist_image_title"])
    assert link.attrs["href"] == f"assets/{name}" and link.attrs["download"] == name
    assert link.text == f"{ui['checklist_image']} (PNG, 1 KB)"
    assert chat.draws == 0 and chat.problem is None
    chat.write(tmp_path / "site")
    assert (tmp_path / "site" / "assets" / name).read_bytes() == png


def test_the_image_is_saved_under_a_name_in_the_readers_language() -> None:
    assert file_name(load_ui("id")["checklist_image_title"]) == "daftar-periksa-pembatalan.png"
    assert file_name(load_ui("en")["checklist_image_title"]) == "cancellation-checklist.png"
    with pytest.raises(DataError, match="gives no file name"):
        file_name("ダウンロード")


def test_without_chromium_the_checklist_has_no_link_and_the_build_is_told_why(mini, lang, tmp_path) -> None:
    chat = ChatImages(tmp_path / "chat", required=False, chromium=NOWHERE)
    html = site(mini, lang, chat).checklist("mini-cases", ("early",), ADDRESS)
    assert links(html) == [] and "g-chat-image" not in html
    assert chat.problem == (
        f"Chromium not found at {NOWHERE} (install Debian's chromium, or set CHROMIUM): the checklist page is built "
        "without its chat image"
    )
    assert chat.drawn == {} and not (tmp_path / "chat").exists()


def test_when_the_image_is_required_a_missing_chromium_stops_the_build(mini, lang, tmp_path) -> None:
    chat = ChatImages(tmp_path / "chat", required=True, chromium=NOWHERE)
    with pytest.raises(DataError) as caught:
        site(mini, lang, chat).checklist("mini-cases", ("early",), ADDRESS)
    assert str(caught.value) == (
        f"chat image: Chromium not found at {NOWHERE} (install Debian's chromium, or set CHROMIUM); "
        "REQUIRE_CHAT_IMAGE=1 asks for it"
    )


def test_a_build_without_its_own_drawer_has_no_link(mini_site, lang) -> None:
    assert links(mini_site(lang).checklist("mini-cases", ("early",), ADDRESS)) == []
