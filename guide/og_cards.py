"""The guides' link-preview cards: which exist, read from the manifest that ``scripts/og_card.py`` writes.

``overrides/assets/og/manifest.json`` maps ``<lang>/<flow-id>`` to the hash of what its card was drawn from;
the card itself is ``overrides/assets/og/<lang>/<flow-id>.png``, copied into every built language with the
theme's assets. The build gives a guide page its own card when the manifest has one; tests/unit/test_og_cards.py
fails when a card is missing or drawn from older words.
"""

from __future__ import annotations

import json
from pathlib import Path

from .paths import ROOT

OG_DIR = ROOT / "overrides" / "assets" / "og"
MANIFEST = OG_DIR / "manifest.json"


def card_path(lang: str, flow_id: str) -> str:
    """The card's address relative to a language's site (and to ``overrides/``)."""
    return f"assets/og/{lang}/{flow_id}.png"


def read_manifest(path: Path = MANIFEST) -> dict[str, str]:
    """``{"<lang>/<flow-id>": hash}``; empty when there is no manifest yet."""
    if not path.is_file():
        return {}
    return dict(json.loads(path.read_text(encoding="utf-8"))["cards"])


def cards_for(lang: str, path: Path = MANIFEST) -> dict[str, str]:
    """``{flow-id: card address}`` of one language, for the page template."""
    prefix = f"{lang}/"
    return {
        key[len(prefix) :]: card_path(lang, key[len(prefix) :]) for key in read_manifest(path) if key.startswith(prefix)
    }
