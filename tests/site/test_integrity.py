"""Link integrity of the built site: external links go only to the sources' hosts, and open safely.

(That a build can be reproduced byte for byte is checked on the small project: tests/site/test_build_command.py.)
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from guide.htmlq import parse


def external_links(site: Path, site_url: str) -> list[tuple[str, str]]:
    found = []
    for path in site.rglob("*.html"):
        for a in parse(path.read_text(encoding="utf-8")).all("a"):
            href = a.attrs.get("href", "")
            if href.startswith(("http://", "https://")) and not href.startswith(site_url):
                found.append((path.relative_to(site).as_posix(), href))
    return found


def test_external_links_go_only_to_allowed_hosts(built_site: Path, site_url: str, guide) -> None:
    links = external_links(built_site, site_url)
    assert links, "the guides link to their sources"
    stray = [(page, href) for page, href in links if urlsplit(href).hostname not in guide.allowed_hosts]
    assert stray == []


def test_external_links_open_safely(built_site: Path, site_url: str) -> None:
    for path in built_site.rglob("*.html"):
        for a in parse(path.read_text(encoding="utf-8")).all("a"):
            href = a.attrs.get("href", "")
            if href.startswith("http") and not href.startswith(site_url):
                assert "noopener" in a.attrs.get("rel", ""), (path.name, href)
