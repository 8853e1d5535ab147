"""One strict build of every language, checked page by page: titles, languages, addresses, links, previews."""

from __future__ import annotations

import functools
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import yaml

from guide import paths
from guide.htmlq import Node, parse
from guide.languages import codes, language, languages, reference
from guide.ui import load_ui

from ..conftest import prefix


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as plain YAML: its !ENV values are not needed here."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: None)


def config(lang: str) -> dict:
    """A language's MkDocs config with what it INHERITs."""
    own = yaml.load((paths.ROOT / language(lang).config).read_text(encoding="utf-8"), Loader=_ConfigLoader)
    if "INHERIT" in own:
        base = yaml.load((paths.ROOT / own["INHERIT"]).read_text(encoding="utf-8"), Loader=_ConfigLoader)
        return {**base, **own}
    return own


def nav_pages(lang: str) -> list[str]:
    return [next(iter(item.values())).removesuffix(".md") for item in config(lang)["nav"]]


PAGES = sorted(p.stem for p in (paths.ROOT / reference().docs).glob("*.md"))
# The guides' pages, which share their own link-preview card (a page per flow of data/steps.yaml).
GUIDES = {f["id"] for f in yaml.safe_load(paths.GUIDE_DATA.read_text(encoding="utf-8"))["flows"]}
# A PNG's signature and the start of its IHDR chunk: 1200 pixels wide, 630 high.
PNG_1200x630 = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + (1200).to_bytes(4, "big") + (630).to_bytes(4, "big")


def page_files(site: Path, lang: str) -> list[Path]:
    return [site / prefix(lang) / f"{name}.html" for name in PAGES]


def read(path: Path) -> Node:
    return parse(path.read_text(encoding="utf-8"))


def here(name: str) -> str:
    return "" if name == "index" else f"{name}.html"


def test_every_page_exists_in_every_language_and_is_in_the_navigation(built_site: Path) -> None:
    for lang in codes():
        assert sorted(p.stem for p in (paths.ROOT / language(lang).docs).glob("*.md")) == PAGES, lang
        assert sorted(nav_pages(lang)) == PAGES, lang
        for path in page_files(built_site, lang):
            assert path.is_file(), path
        assert (built_site / prefix(lang) / "404.html").is_file()


def test_each_page_has_its_language_one_h1_a_title_and_a_description(built_site: Path, lang: str) -> None:
    titles = []
    for path in [*page_files(built_site, lang), built_site / prefix(lang) / "404.html"]:
        html = read(path)
        assert html.one("html").attrs["lang"] == lang, path
        if path.stem != "404":
            assert len(html.all("h1")) == 1, path
            assert html.one("meta", name="description").attrs["content"].strip(), path
            titles.append(html.one("title").text)
    assert len(titles) == len(set(titles)), f"repeated titles: {titles}"


def test_the_404_page_speaks_the_sites_language_and_links_to_every_page(built_site: Path, lang: str) -> None:
    html = read(built_site / prefix(lang) / "404.html")
    assert html.one("h1").text == load_ui(lang)["not_found"]
    links = [a.attrs["href"] for a in html.one("article").all("a")]
    assert links == [f"/{prefix(lang)}{name}.html" for name in nav_pages(lang)]


def test_no_template_syntax_is_left(built_site: Path) -> None:
    for path in built_site.rglob("*"):
        if path.suffix in {".html", ".json", ".xml"}:
            text = path.read_text(encoding="utf-8")
            assert "{{" not in text and "{%" not in text, path


def test_hreflang_alternates_are_absolute_and_point_at_the_same_page(built_site: Path, site_url: str, lang) -> None:
    for name, path in zip(PAGES, page_files(built_site, lang), strict=True):
        links = {link.attrs["hreflang"]: link.attrs["href"] for link in read(path).all("link", rel="alternate")}
        expected = {x.code: site_url + x.prefix + here(name) for x in languages()}
        assert links == {**expected, "x-default": site_url + here(name)}


def test_the_language_switch_stays_on_the_page_with_a_relative_link(built_site: Path, lang: str) -> None:
    """Relative, so it also works from a saved copy of the site; and named in full for screen readers."""
    others = [x for x in languages() if x.code != lang]
    up = "../" * language(lang).prefix.count("/")
    for name, path in zip(PAGES, page_files(built_site, lang), strict=True):
        switches = read(path).all("a", "g-lang__link")
        assert [(a.attrs["hreflang"], a.attrs["href"], a.text) for a in switches] == [
            (x.code, up + x.prefix + f"{name}.html", x.short) for x in others
        ]
        # the visible text first, so a reader who says "tap EN" to voice control finds it (WCAG 2.5.3)
        assert all(a.attrs["aria-label"] == f"{x.short}, {x.name}" for a, x in zip(switches, others, strict=True))


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


@functools.cache
def ids_on(file: Path) -> frozenset[str]:
    """The ids of a page's elements (each page parsed once, however many links point into it)."""
    return frozenset(node.attrs["id"] for node in read(file).all() if "id" in node.attrs)


def test_every_internal_link_and_anchor_resolves(built_site: Path, site_url: str) -> None:
    broken = []
    for page, href, target in internal_targets(built_site, site_url):
        parts = urlsplit(target)
        rel = unquote(parts.path)[len(urlsplit(site_url).path) :]
        file = built_site / (rel + "index.html" if rel.endswith("/") or not rel else rel)
        if not file.is_file():
            broken.append(f"{page.relative_to(built_site)}: {href} (no file)")
        elif parts.fragment and parts.fragment not in ids_on(file):
            broken.append(f"{page.relative_to(built_site)}: {href} (no #{parts.fragment})")
    assert broken == []


def test_every_page_has_share_preview_tags_in_its_language(built_site: Path, site_url: str, lang: str) -> None:
    base = site_url + prefix(lang)
    for name, path in zip(PAGES, page_files(built_site, lang), strict=True):
        html = read(path)
        og = {m.attrs["property"]: m.attrs["content"] for m in html.all("meta") if "property" in m.attrs}
        tw = {
            m.attrs["name"]: m.attrs["content"]
            for m in html.all("meta")
            if m.attrs.get("name", "").startswith("twitter:")
        }
        assert og["og:url"] == base + here(name) == html.one("link", rel="canonical").attrs["href"]
        assert og["og:locale"] == language(lang).locale
        assert og["og:title"] == html.one("h1").text or name == "index"
        assert og["og:description"] == html.one("meta", name="description").attrs["content"]
        own = f"assets/og/{lang}/{name}.png" if name in GUIDES else f"assets/og-card-{lang}.png"
        assert og["og:site_name"] and og["og:image"] == tw["twitter:image"] == base + own, name
        assert tw["twitter:card"] == "summary_large_image"
        card = built_site / prefix(lang) / own
        assert card.read_bytes()[:24] == PNG_1200x630, f"{name}: {own} is not a 1200x630 PNG in the built site"
        assert card.stat().st_size <= (300 if name in GUIDES else 60) * 1024, own


def test_report_links_on_the_built_pages_carry_the_pages_address(built_site: Path, site_url: str, lang) -> None:
    from urllib.parse import parse_qs

    html = read(built_site / prefix(lang) / "cancel-order.html")
    link = html.by_id("cancel-order-cod-2").one("a", "g-report")
    query = parse_qs(urlsplit(link.attrs["href"]).query)
    assert f"Page: {site_url}{prefix(lang)}cancel-order.html" in query["body"][0].splitlines()
    assert "cancel-order-cod-2" in query["subject"][0] and f"[{lang}]" in query["subject"][0]


def test_no_page_loads_materials_scripts_or_stylesheets(built_site) -> None:
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "assets/javascripts/" not in html and "assets/stylesheets/" not in html, page
    assert not (built_site / "assets" / "javascripts").exists()


def test_every_element_id_is_unique_on_its_page(built_site: Path) -> None:
    """A link to #x goes to the first element with that id: a second one is unreachable (and invalid HTML)."""
    repeated = {}
    for path in sorted(built_site.rglob("*.html")):
        ids = [node.attrs["id"] for node in read(path).walk() if "id" in node.attrs]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            repeated[path.relative_to(built_site).as_posix()] = twice
    assert repeated == {}
