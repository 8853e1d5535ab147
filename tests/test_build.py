"""One strict build of both languages, checked page by page."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from scripts.build import ROOT, BuildError, build_site

from .conftest import run_build
from .htmlq import Node, parse

PAGES = sorted(p.stem for p in (ROOT / "docs" / "id").glob("*.md"))
SITES = {"id": "", "en": "en/"}
NAV_ORDER = [
    "index",
    "view-orders",
    "track-order",
    "cancel-order",
    "cancel-checklist",
    "safe-shopping",
    "returns-help",
    "about",
]


def page_files(site: Path, lang: str) -> list[Path]:
    return [site / SITES[lang] / f"{name}.html" for name in PAGES]


def read(path: Path) -> Node:
    return parse(path.read_text(encoding="utf-8"))


def test_every_page_exists_in_both_languages(built_site: Path) -> None:
    assert sorted(p.stem for p in (ROOT / "docs" / "en").glob("*.md")) == PAGES
    assert len(PAGES) == 8
    for lang in SITES:
        for path in page_files(built_site, lang):
            assert path.is_file(), path
        assert (built_site / SITES[lang] / "404.html").is_file()


def test_each_page_has_its_language_one_h1_a_title_and_a_description(built_site: Path, lang: str) -> None:
    titles = []
    for path in [*page_files(built_site, lang), built_site / SITES[lang] / "404.html"]:
        html = read(path)
        assert html.one("html").attrs["lang"] == lang, path
        if path.stem != "404":
            assert len(html.all("h1")) == 1, path
            assert html.one("meta", name="description").attrs["content"].strip(), path
            titles.append(html.one("title").text)
    assert len(titles) == len(set(titles)), f"repeated titles: {titles}"


def test_the_404_page_speaks_the_sites_language_and_links_to_every_page(built_site: Path, lang: str) -> None:
    from macros.i18n import load_ui

    html = read(built_site / SITES[lang] / "404.html")
    assert html.one("h1").text == load_ui(lang)["not_found"]
    links = [a.attrs["href"] for a in html.one("article").all("a")]
    assert links == [f"/{SITES[lang]}{name}.html" for name in NAV_ORDER]


def test_no_template_syntax_is_left(built_site: Path) -> None:
    for path in built_site.rglob("*"):
        if path.suffix in {".html", ".json", ".xml"}:
            text = path.read_text(encoding="utf-8")
            assert "{{" not in text and "{%" not in text, path


def test_hreflang_alternates_are_absolute_and_point_at_the_same_page(
    built_site: Path, site_url: str, lang: str
) -> None:
    for name, path in zip(PAGES, page_files(built_site, lang), strict=True):
        links = {link.attrs["hreflang"]: link.attrs["href"] for link in read(path).all("link", rel="alternate")}
        here = "" if name == "index" else f"{name}.html"
        assert links == {"id": site_url + here, "en": f"{site_url}en/{here}", "x-default": site_url + here}


def test_the_language_switch_stays_on_the_page(built_site: Path, lang: str) -> None:
    other = "en" if lang == "id" else "id"
    for name, path in zip(PAGES, page_files(built_site, lang), strict=True):
        switch = read(path).one("a", "g-lang__link")
        here = "" if name == "index" else f"{name}.html"
        assert switch.attrs["hreflang"] == other
        assert switch.attrs["href"] == "/" + SITES[other] + here


def internal_targets(site: Path, site_url: str) -> list[tuple[Path, str, str]]:
    """(page, href, resolved URL) for every link on every page that stays on this site."""
    found = []
    for path in site.rglob("*.html"):
        url = site_url + path.relative_to(site).as_posix()
        for a in read(path).all("a"):
            href = a.attrs.get("href", "")
            target = urljoin(url, href)
            if href and target.startswith(site_url):
                found.append((path, href, target))
    return found


def test_every_internal_link_and_anchor_resolves(built_site: Path, site_url: str) -> None:
    broken = []
    for page, href, target in internal_targets(built_site, site_url):
        parts = urlsplit(target)
        rel = unquote(parts.path)[len(urlsplit(site_url).path) :]
        file = built_site / (rel + "index.html" if rel.endswith("/") or not rel else rel)
        if not file.is_file():
            broken.append(f"{page.relative_to(built_site)}: {href} (no file)")
        elif parts.fragment and not read(file).all(id=parts.fragment):
            broken.append(f"{page.relative_to(built_site)}: {href} (no #{parts.fragment})")
    assert broken == []


def test_a_bad_data_file_fails_the_build_and_leaves_the_site_alone(tmp_path: Path) -> None:
    bad = tmp_path / "steps.yaml"
    bad.write_text((ROOT / "data" / "steps.yaml").read_text(encoding="utf-8").replace('en: "Profile"', 'en: ""', 1))
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good build")
    with pytest.raises(BuildError) as caught:
        build_site(site, extra_env={"GUIDE_DATA": str(bad)})
    assert f"{bad}:" in str(caught.value) and "labels.profile.en is empty" in str(caught.value)
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text() == "the last good build"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == [], "a temporary build was left behind"


def test_make_build_fails_loudly_on_bad_data(tmp_path: Path) -> None:
    """The command a person runs exits non-zero and prints the file, line and path."""
    bad = tmp_path / "steps.yaml"
    bad.write_text((ROOT / "data" / "steps.yaml").read_text(encoding="utf-8").replace('en: "Profile"', "en: 7", 1))
    done = run_build(tmp_path / "site", bad)
    assert done.returncode != 0
    assert "labels.profile.en should be text, not a number" in done.stderr
    assert not (tmp_path / "site").exists()


def test_every_page_has_share_preview_tags_in_its_language(built_site: Path, site_url: str, lang: str) -> None:
    locale = {"id": "id_ID", "en": "en_US"}[lang]
    base = site_url + SITES[lang]
    for name, path in zip(PAGES, page_files(built_site, lang), strict=True):
        html = read(path)
        og = {m.attrs["property"]: m.attrs["content"] for m in html.all("meta") if "property" in m.attrs}
        tw = {
            m.attrs["name"]: m.attrs["content"]
            for m in html.all("meta")
            if m.attrs.get("name", "").startswith("twitter:")
        }
        here = "" if name == "index" else f"{name}.html"
        assert og["og:url"] == base + here == html.one("link", rel="canonical").attrs["href"]
        assert og["og:locale"] == locale
        assert og["og:title"] == html.one("h1").text or name == "index"
        assert og["og:description"] == html.one("meta", name="description").attrs["content"]
        assert og["og:site_name"] and og["og:image"] == tw["twitter:image"] == f"{base}assets/og-card-{lang}.png"
        assert tw["twitter:card"] == "summary_large_image"
    card = built_site / SITES[lang] / "assets" / f"og-card-{lang}.png"
    assert card.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and card.stat().st_size <= 60 * 1024
