"""The built files of reading offline, the sitemap and the home page's WebSite block."""

from __future__ import annotations

import gzip
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from guide.htmlq import parse
from guide.postbuild.offline import kilobytes
from guide.ui import load_ui

from ..conftest import prefix

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def read(path: Path):
    return parse(path.read_text(encoding="utf-8"))


def pages(built_site: Path, lang: str) -> list[Path]:
    return sorted(p for p in (built_site / prefix(lang)).glob("*.html") if p.name != "404.html")


def test_save_all_lists_every_page_asset_and_search_file_and_says_their_weight(built_site: Path, lang: str) -> None:
    folder = built_site / prefix(lang)
    listing = json.loads((folder / "offline.json").read_text(encoding="utf-8"))
    files = listing["files"]
    assert {p.name for p in pages(built_site, lang)} == {f for f in files if f.endswith(".html")}
    assert {
        "assets/site.css",
        "assets/site.js",
        "assets/search-engine.js",
        "search/index.json",
        "search/texts.json",
    } <= set(files)
    stored = [(folder / f).read_bytes() for f in files]
    assert listing["bytes"] == sum(len(b) for b in stored)
    assert listing["gzip"] == sum(len(gzip.compress(b, compresslevel=6, mtime=0)) for b in stored)
    button = read(folder / "index.html").one("button", "g-save__button")
    assert button.text == f"{load_ui(lang)['save_all']} (≈ {kilobytes(listing['gzip'])} KB)"


def test_the_worker_is_versioned_and_the_policy_allows_only_it(built_site: Path, lang: str) -> None:
    text = (built_site / prefix(lang) / "sw.js").read_text(encoding="utf-8")
    assert re.search(r'VERSION="[0-9a-f]{16}"', text) and f'LANG="{lang}"' in text
    policy = read(built_site / prefix(lang) / "index.html").one("meta", **{"http-equiv": "Content-Security-Policy"})
    assert "worker-src 'self'" in policy.attrs["content"]
    assert "worker-src 'self'" in (built_site / "_headers").read_text(encoding="utf-8")


def test_the_sitemap_lists_every_page_at_its_canonical_address_dated_by_its_sources(
    built_site: Path, lang: str, guide
) -> None:
    tree = ET.parse(built_site / prefix(lang) / "sitemap.xml")
    listed = {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod") for u in tree.getroot()}
    canonical = {p.stem: read(p).one("link", rel="canonical").attrs["href"] for p in pages(built_site, lang)}
    assert sorted(listed) == sorted(canonical.values())
    assert not [loc for loc in listed if loc.endswith("index.html")]
    checked = {f.id: f.checked.isoformat() for f in guide.flows}
    newest = max(checked.values())
    for name, url in canonical.items():
        expected = checked.get(name) or (checked["cancel-order"] if name == "cancel-checklist" else newest)
        assert listed[url] == expected, name


def test_each_home_page_says_what_the_site_is_in_a_website_block(built_site: Path, site_url: str, lang: str) -> None:
    html = (built_site / prefix(lang) / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@type"] == "WebSite" and data["url"] == site_url + prefix(lang) and data["inLanguage"] == lang
    assert (
        data["name"]
        == read(built_site / prefix(lang) / "index.html").one("meta", property="og:site_name").attrs["content"]
    )
    about = (built_site / prefix(lang) / "about.html").read_text(encoding="utf-8")
    assert "application/ld+json" not in about
