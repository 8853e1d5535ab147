"""Link and page integrity of the built site: external links, and builds that can be reproduced."""

from __future__ import annotations

import filecmp
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from scripts.build import build_site

from ..conftest import TEST_FEEDBACK, TEST_REPO
from ..htmlq import parse

# Files that carry the build date, so two builds of the same input differ there and only there.
DATED = {"sitemap.xml", "sitemap.xml.gz", "en/sitemap.xml", "en/sitemap.xml.gz"}


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


def differing(left: Path, right: Path, rel: str = "") -> list[str]:
    cmp = filecmp.dircmp(left / rel if rel else left, right / rel if rel else right)
    out = [f"{rel}{name}" for name in cmp.diff_files + cmp.left_only + cmp.right_only]
    for sub in cmp.common_dirs:
        out += differing(left, right, f"{rel}{sub}/")
    return out


@pytest.mark.slow
def test_two_builds_of_the_same_input_are_identical(tmp_path: Path, built_site: Path, site_url: str) -> None:
    again = tmp_path / "site"
    build_site(again, site_url, {"REPO_URL": TEST_REPO, "FEEDBACK_EMAIL": TEST_FEEDBACK})
    filecmp.clear_cache()
    assert set(differing(built_site, again)) <= DATED
