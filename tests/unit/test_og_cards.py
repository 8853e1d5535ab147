"""The guides' link-preview cards: one per guide and language, drawn from today's words, sized for WhatsApp.

The cards are committed (builds need no browser), so a changed title or summary must not leave an old card
behind: the manifest's hashes are recomputed here from data/steps.yaml and the templates.
"""

from __future__ import annotations

import struct

from guide.og_cards import MANIFEST, OG_DIR, cards_for, read_manifest
from scripts.og_card import RUN, guide_cards


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header (signature, then the IHDR chunk)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", "not a PNG"
    return struct.unpack(">II", data[16:24])


def test_every_guide_card_is_drawn_from_todays_title_and_summary() -> None:
    expected = {card.key: card.digest for card in guide_cards()}
    recorded = read_manifest()
    missing = sorted(expected.keys() - recorded.keys())
    stale = sorted(key for key in expected.keys() & recorded.keys() if expected[key] != recorded[key])
    gone = sorted(recorded.keys() - expected.keys())
    assert not (missing or stale or gone), (
        f"link-preview cards out of date in {MANIFEST.name} (missing: {missing}, stale: {stale}, "
        f"no longer a guide: {gone}): {RUN}"
    )


def test_every_card_is_1200x630_and_under_300_kb() -> None:
    cards = guide_cards()
    for card in cards:
        assert card.path.is_file(), f"{card.path.name} of {card.lang} is missing: {RUN}"
        data = card.path.read_bytes()
        assert png_size(data) == (1200, 630), card.key
        assert len(data) < 300 * 1024, f"{card.key}: {len(data)} bytes"
    on_disk = {f"{p.parent.name}/{p.stem}" for p in OG_DIR.glob("*/*.png")}
    assert on_disk == {card.key for card in cards}, f"cards without a guide, or guides without a card: {RUN}"


def test_a_card_s_hash_covers_its_title_and_summary() -> None:
    """A changed title or summary changes the hash, so the first test fails until the card is drawn again."""
    from markupsafe import escape

    from guide.build_date import build_date
    from guide.load import load_guide
    from guide.paths import GUIDE_DATA
    from scripts.og_card import GuideCard

    flows = {flow.id: flow for flow in load_guide(GUIDE_DATA, build_date()).flows}
    for card in guide_cards():
        flow = flows[card.flow_id]
        assert escape(flow.title[card.lang]) in card.html and escape(flow.summary[card.lang]) in card.html
        edited = GuideCard(card.lang, card.flow_id, card.html.replace(str(escape(flow.summary[card.lang])), "Lain."))
        assert edited.digest != card.digest


def test_the_pages_are_given_their_own_language_s_cards() -> None:
    cards = cards_for("en")
    assert cards["cancel-order"] == "assets/og/en/cancel-order.png"
    assert all(path.startswith("assets/og/en/") for path in cards.values())
