"""Draw the link-preview cards (1200x630 PNG) in Chromium, from Jinja templates.

    .venv/bin/python -m scripts.og_card

Writes the site's card of each language, overrides/assets/og-card-<lang>.png (the site name, `og_tagline` and
`og_note` of data/ui/<lang>.yml), and one card per guide and language, overrides/assets/og/<lang>/<flow-id>.png
(the guide's title and summary from data/steps.yaml), with overrides/assets/og/manifest.json: the hash of what
each guide card was drawn from, which tests/unit/test_og_cards.py recomputes, so a card left stale fails.
Run it again after changing a guide's title or summary, the site name, or a template. The cards are committed,
so builds need no browser and no network.

Guide cards are reduced to 16 shades between the card's two colours and written as a 4-bit palette PNG
(guide/png.py).
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import jinja2
from mkdocs.config import load_config
from playwright.sync_api import Page

from guide.build_date import build_date
from guide.languages import languages
from guide.load import load_guide
from guide.og_cards import MANIFEST, OG_DIR, card_path
from guide.paths import GUIDE_DATA, ROOT
from guide.png import SHADES, shaded_screenshot
from guide.ui import load_ui

OUT = ROOT / "overrides" / "assets"
MAX_BYTES = 60 * 1024  # the site's card
GUIDE_MAX_BYTES = 300 * 1024  # WhatsApp's limit for a preview image
WIDTH, HEIGHT = 1200, 630
BACKGROUND, INK = (0x00, 0x69, 0x5C), (0xFF, 0xFF, 0xFF)  # as in templates/og-guide.html
# Part of every guide card's hash: change it when the way a card is drawn changes (size, shades, palette).
DRAWING = f"og-guide {WIDTH}x{HEIGHT} {SHADES} shades {BACKGROUND} {INK}"
RUN = "run .venv/bin/python -m scripts.og_card"

TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True, keep_trailing_newline=True
)


@dataclass(frozen=True)
class GuideCard:
    lang: str
    flow_id: str
    html: str

    @property
    def key(self) -> str:
        """``<lang>/<flow-id>``, as in the manifest."""
        return f"{self.lang}/{self.flow_id}"

    @property
    def digest(self) -> str:
        """The hash of everything the card is drawn from: its HTML (template, words) and the way it is drawn."""
        return hashlib.sha256(f"{DRAWING}\n{self.html}".encode()).hexdigest()

    @property
    def path(self) -> Path:
        return ROOT / "overrides" / card_path(self.lang, self.flow_id)


def card_html(config_file: str) -> tuple[str, str]:
    """The site card's language and HTML, with the site name from that language's MkDocs config."""
    config = load_config(str(ROOT / config_file))
    lang = config.theme["language"]
    ui = load_ui(lang)
    html = TEMPLATES.get_template("og-card.html").render(
        lang=lang, site_name=config.site_name, tagline=ui["og_tagline"], note=ui["og_note"]
    )
    return lang, html


def guide_cards() -> list[GuideCard]:
    """One card per guide (flow of data/steps.yaml, read through the guide's model) and language."""
    guide = load_guide(GUIDE_DATA, build_date(), cache=ROOT / ".cache" / "data")
    template = TEMPLATES.get_template("og-guide.html")
    cards = []
    for language in languages():
        config = load_config(str(ROOT / language.config))
        lang, ui = language.code, load_ui(language.code)
        for flow in guide.flows:
            html = template.render(
                lang=lang, site_name=config.site_name, title=flow.title[lang], summary=flow.summary[lang],
                note=ui["og_note"],
            )  # fmt: skip
            cards.append(GuideCard(lang, flow.id, html))
    return cards


def manifest(cards: list[GuideCard]) -> str:
    body = {
        "about": f"The hash of what each guide card was drawn from; {RUN} after changing one.",
        "cards": {card.key: card.digest for card in cards},
    }
    return json.dumps(body, indent=2, sort_keys=True) + "\n"


def draw_guide_card(page: Page, card: GuideCard) -> int:
    """Draw one guide card; its size in bytes. Fails if the words overflow the card."""
    page.set_content(card.html)
    overflow = page.evaluate("document.body.scrollHeight > innerHeight || document.body.scrollWidth > innerWidth")
    if overflow:
        raise SystemExit(f"{card.key}: the title and summary do not fit on the card; shorten them or the template")
    card.path.parent.mkdir(parents=True, exist_ok=True)
    card.path.write_bytes(shaded_screenshot(page, BACKGROUND, INK))
    return card.path.stat().st_size


def main() -> int:
    from playwright.sync_api import sync_playwright

    from scripts.loopback import CHROMIUM, CHROMIUM_ARGS

    cards = guide_cards()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        for language in languages():
            lang, html = card_html(language.config)
            page.set_content(html)
            path = OUT / f"og-card-{lang}.png"
            page.screenshot(path=str(path))
            size = path.stat().st_size
            print(f"Wrote {path.relative_to(ROOT)} ({size / 1024:.1f} KB)")
            if size > MAX_BYTES:
                print(f"  over {MAX_BYTES // 1024} KB: simplify the card", file=sys.stderr)
                return 1
        for old in OG_DIR.glob("*/*.png"):
            old.unlink()  # a guide that is gone leaves no card behind
        sizes = [draw_guide_card(page, card) for card in cards]
        browser.close()
    MANIFEST.write_text(manifest(cards), encoding="utf-8")
    print(f"Wrote {len(cards)} guide cards in {OG_DIR.relative_to(ROOT)} ({min(sizes)}-{max(sizes)} bytes) and")
    print(f"  {MANIFEST.relative_to(ROOT)}")
    if max(sizes) > GUIDE_MAX_BYTES:
        print(f"  over {GUIDE_MAX_BYTES // 1024} KB: simplify the card", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
