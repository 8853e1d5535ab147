"""Draw the link-preview card of each language (1200x630 PNG) in Chromium, from a Jinja template.

    .venv/bin/python -m scripts.og_card

Writes overrides/assets/og-card-<lang>.png; run it again after changing the site name or the
tagline (`og_tagline` and `og_note` in data/ui/<lang>.yml). The cards are committed, so builds
need no browser and no network.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jinja2
from mkdocs.config import load_config
from playwright.sync_api import sync_playwright

from guide.languages import languages
from guide.paths import ROOT
from guide.ui import load_ui
from scripts.loopback import CHROMIUM, CHROMIUM_ARGS

OUT = ROOT / "overrides" / "assets"
MAX_BYTES = 60 * 1024


def card_html(config_file: str) -> tuple[str, str]:
    """The card's language and HTML, with the site name from that language's MkDocs config."""
    config = load_config(str(ROOT / config_file))
    lang = config.theme["language"]
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True)
    ui = load_ui(lang)
    html = env.get_template("og-card.html").render(
        lang=lang, site_name=config.site_name, tagline=ui["og_tagline"], note=ui["og_note"]
    )
    return lang, html


def main() -> int:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 630})
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
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
