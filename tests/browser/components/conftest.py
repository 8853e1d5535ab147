"""Each component of the site's script, alone, in Chromium, on a fixture page that needs no site build and no server.

``open_page(content, components)`` serves, from memory (Playwright's routing, at ``https://fixture.test/``), a page
in the site's frame (``frame.html``: the real header, drawer and back-to-top button) around ``content``, usually a
component drawn from tests/fixtures/mini.yaml by the real templates; with ``assets/site.js`` joined from core.js and
only the named components (guide/postbuild/js.py; None: an empty script), and Material's CSS with the site's own.
A page error or a console error fails the test. One Chromium page per worker is reused: a new one costs more than
the test.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
import material
import pytest
from markupsafe import Markup

from guide import paths
from guide.languages import language, languages
from guide.postbuild.js import SEARCH_SNIPPETS, search_module, site_script, source
from guide.search.index import build_index
from guide.search.sections import Section
from guide.search.wire import encode
from guide.ui import load_ui

ORIGIN = "https://fixture.test/"  # https: a secure context, as the published site is (the clipboard needs one)
PHONE = {"width": 360, "height": 800}
HERE = Path(__file__).resolve().parent
MATERIAL = Path(material.__file__).resolve().parent / "templates"
SITE_NAME = {"id": "Panduan Pesanan TikTok Shop", "en": "TikTok Shop Order Guide"}

pytestmark = pytest.mark.browser


@cache
def frame_env() -> jinja2.Environment:
    loader = jinja2.FileSystemLoader([HERE, paths.ROOT / "overrides", MATERIAL])
    env = jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters["url"] = lambda value: value
    return env


def frame(content: str, lang: str, title: str = "Fixture", nav: list[str] | None = None) -> str:
    """A page of ``lang`` in the site's frame around ``content`` (trusted HTML, drawn by the site's templates)."""
    prefix = language(lang).prefix
    config = {
        "site_name": SITE_NAME[lang],
        "theme": {"language": lang, "icon": {"top": None}},
        "extra": {
            "ui": load_ui(lang),
            "alternate": [{"lang": x.code, "short": x.short, "name": x.name, "path": x.prefix} for x in languages()],
        },
    }
    items = [{"href": f"page-{i}.html", "title": t} for i, t in enumerate(nav or ["One", "Two", "Three"])]
    return (
        frame_env()
        .get_template("frame.html")
        .render(
            config=config,
            page={"url": "page.html"},
            nav={"homepage": None},
            nav_items=items,
            title=title,
            canonical=f"{ORIGIN}{prefix}page.html",
            up="../" * prefix.count("/"),
            content=Markup(content),
        )
    )


@cache
def site_css() -> str:
    """Material's stylesheets and the site's own, as the build joins them (before it drops unused rules)."""
    sheets = sorted((MATERIAL / "assets" / "stylesheets").glob("*.min.css"))
    main = [s for s in sheets if s.name.startswith("main.")] + [s for s in sheets if s.name.startswith("palette.")]
    texts = [s.read_text(encoding="utf-8") for s in main]
    return "\n".join([*texts, (paths.ROOT / "overrides" / "assets" / "guide.css").read_text(encoding="utf-8")])


SEARCH_SECTIONS = [
    Section("batal.html", "batal", "Membatalkan pesanan", "Membatalkan pesanan", "batal", ["Pilih situasi Anda."],
            keywords=("batalin",), summary="Batalkan pesanan yang belum dibayar atau COD."),
    Section("batal.html", "batal-cod", "COD, belum dikirim", "Membatalkan pesanan", "batal",
            ["Pesanan COD bisa dibatalkan sebelum dikirim."], keywords=("bayar di tempat",)),
    Section("batal.html", "batal-paid", "Sudah dibayar", "Membatalkan pesanan", "batal",
            ["Pembatalan pesanan yang sudah dibayar.", "Pengembalian dana penuh."], line="Ajukan pembatalan."),
    Section("lacak.html", "lacak", "Melacak paket", "Melacak paket", "lacak", ["Cek nomor resi pengiriman."]),
]  # fmt: skip


@cache
def search_files() -> dict[str, tuple[str, str]]:
    """A small Indonesian index (four sections, as the unit tests use), its snippets' texts, and the engine."""
    index, texts = build_index(SEARCH_SECTIONS, "id", common=("batal", "lacak"), fallback=("lacak",))
    as_json = lambda data: json.dumps(data, ensure_ascii=False, separators=(",", ":"))  # noqa: E731
    return {
        "search/index.json": (as_json(encode(index)), "application/json"),
        "search/texts.json": (as_json(texts), "application/json"),
        "assets/search-engine.js": (search_module(), "text/javascript"),
        "assets/search-snippets.js": (source(SEARCH_SNIPPETS), "text/javascript"),
    }


class Tab:
    """One Chromium page kept for the whole run (a new page costs more than the test): each test loads its own
    fixture into it, with what it serves, its size and its colour scheme; its requests and errors are noted."""

    def __init__(self, browser: Any, js: bool) -> None:
        self.served: dict[str, tuple[str, str]] = {}
        self.requests: list[str] = []
        self.errors: list[str] = []
        # service_workers="block": a fixture page has no sw.js (offline.js would register one); the built site does
        self.context = browser.new_context(
            java_script_enabled=js, permissions=["clipboard-read", "clipboard-write"], service_workers="block"
        )
        self.context.route(f"{ORIGIN}**", self.fulfil)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.page.on("console", lambda m: self.errors.append(f"console: {m.text}") if m.type == "error" else None)

    def fulfil(self, route: Any) -> None:
        path = urlsplit(route.request.url).path.lstrip("/")
        self.requests.append(path)
        if path in self.served:
            body, kind = self.served[path]
            route.fulfill(status=200, body=body, content_type=f"{kind}; charset=utf-8")
        else:
            route.fulfill(status=404, body="not found", content_type="text/plain")

    def load(self, url: str, served: dict[str, tuple[str, str]], viewport: dict[str, int], scheme: str) -> Any:
        self.served, self.requests, self.errors = served, [], []
        self.page.set_viewport_size(viewport)
        self.page.emulate_media(color_scheme=scheme, media="screen")
        self.page.goto(url)
        return self.page

    def reset(self) -> None:
        """What one test leaves must not reach the next: stored choices, the clipboard's last words."""
        if self.page.url.startswith(ORIGIN) and self.context.pages and self.page.evaluate("!!window.localStorage"):
            self.page.evaluate("localStorage.clear()")
        self.page.goto("about:blank")


@pytest.fixture(scope="session")
def tabs(browser: Any) -> Iterator[dict[bool, Tab]]:
    made: dict[bool, Tab] = {}

    class Tabs(dict):  # type: ignore[type-arg]
        def __missing__(self, js: bool) -> Tab:
            made[js] = self[js] = Tab(browser, js)
            return made[js]

    yield Tabs()
    for tab in made.values():
        tab.context.close()


@pytest.fixture()
def open_page(tabs: dict[bool, Tab]) -> Iterator[Callable[..., Any]]:
    """open_page(content, components, lang="en", hash="", js=True, scheme="light", viewport=PHONE, files=None,
    title=..., nav=...) -> the page, loaded; ``page.fixture``: its tab, with the requests and errors."""
    used: list[Tab] = []

    def open_(
        content: str,
        components: tuple[str, ...] | None,
        lang: str = "en",
        hash: str = "",
        js: bool = True,
        scheme: str = "light",
        viewport: dict[str, int] | None = None,
        files: dict[str, tuple[str, str]] | None = None,
        title: str = "Fixture",
        nav: list[str] | None = None,
    ) -> Any:
        for tab in used:
            assert tab.errors == [], tab.errors
        prefix = language(lang).prefix
        served = {
            f"{prefix}page.html": (frame(content, lang, title, nav), "text/html"),
            "assets/site.js": (site_script(components) if components is not None else "", "text/javascript"),
            "assets/site.css": (site_css(), "text/css"),
            **(files or {}),
        }
        tab = tabs[js]
        used.append(tab)
        page = tab.load(f"{ORIGIN}{prefix}page.html{hash}", served, viewport or PHONE, scheme)
        page.fixture = tab
        return page

    yield open_
    for tab in dict.fromkeys(used):
        errors = tab.errors
        tab.reset()
        assert errors == [], errors
