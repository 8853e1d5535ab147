"""Post-build step: the site's two scripts, joined from one file per component in overrides/assets/js/.

- ``assets/site.js``, which every page loads: ``core.js`` and then each component of ``SITE_JS``, in that order,
  each in a function of its own, all inside one function. Nothing reaches the page's global scope, and no component
  sees another's names: they share only what ``core.js`` declares.
- ``assets/search-engine.js``, which search loads on first use: the engine (guide/search/engine.js) and the
  results it draws (``SEARCH_RESULTS``) as one module, so the first results wait for one file, not two.
- ``assets/search-snippets.js`` (``SEARCH_SNIPPETS``, as it is), which the results load with search/texts.json once
  they are on screen: what only the snippets need waits with them.

Plain concatenation, no bundler: the sources are what runs. MkDocs copies the sources into ``assets/js/``; no page
loads them there, so they are removed. ``minify.py`` then minifies both scripts.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from .. import paths
from ..errors import DataError

SOURCES = paths.ROOT / "overrides" / "assets" / "js"
ENGINE = paths.PACKAGE / "search" / "engine.js"
# The shared scope, then the components, in the order they start (each one's ready() runs in this order).
CORE = "core"
SITE_JS = ("palette", "folds", "copy", "helper", "top", "drawer", "print", "lang", "search", "offline")
# Loaded with the engine, as one module: it imports the engine's functions, so the import line goes.
SEARCH_RESULTS = "search-results"
SEARCH_SNIPPETS = "search-snippets"
IMPORT = re.compile(r'^import \{([^}]*)\} from "\./search-engine\.js";\n', re.M)


def source(name: str) -> str:
    path = SOURCES / f"{name}.js"
    if not path.is_file():
        raise DataError(f"{paths.shown(path)}: missing (guide/postbuild/js.py lists it)")
    return path.read_text(encoding="utf-8")


def undeclared() -> list[str]:
    """Component files that no bundle lists: each would be shipped nowhere."""
    listed = {CORE, *SITE_JS, SEARCH_RESULTS, SEARCH_SNIPPETS}
    return sorted(p.name for p in SOURCES.glob("*.js") if p.stem not in listed)


def site_script(components: tuple[str, ...] = SITE_JS) -> str:
    """The text of assets/site.js: core, then each component in its own scope (tests pass a few components)."""
    parts = [
        "/* assets/site.js, joined by guide/postbuild/js.py from overrides/assets/js/ (see the README there). */\n",
        "(function () {\n",
        '"use strict";\n',
        f"/* --- core.js --- */\n{source(CORE)}",
    ]
    parts += [f"/* --- {name}.js --- */\n(function () {{\n{source(name)}}})();\n" for name in components]
    parts.append("})();\n")
    return "".join(parts)


def search_module() -> str:
    """The text of assets/search-engine.js: the engine, then the results it draws, as one ES module."""
    engine = ENGINE.read_text(encoding="utf-8")
    results = source(SEARCH_RESULTS)
    found = IMPORT.search(results)
    if not found:
        raise DataError(f'{SEARCH_RESULTS}.js: must import what it uses from "./search-engine.js" in one line')
    exported = set(re.findall(r"^export (?:function|const|let) (\w+)", engine, re.M))
    wanted = {name.strip() for name in found.group(1).split(",") if name.strip()}
    if missing := sorted(wanted - exported):
        raise DataError(f"{SEARCH_RESULTS}.js imports {', '.join(missing)}, which engine.js does not export")
    return f"{engine}\n// --- {SEARCH_RESULTS}.js ---\n{IMPORT.sub('', results, count=1)}"


def bundle_js(site: Path) -> None:
    """Write one language's assets/site.js, search-engine.js and search-snippets.js, and drop the copied sources."""
    if extra := undeclared():
        raise DataError(f"overrides/assets/js: {', '.join(extra)} is in no bundle (list it in guide/postbuild/js.py)")
    assets = site / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    (assets / "site.js").write_text(site_script(), encoding="utf-8")
    (assets / "search-engine.js").write_text(search_module(), encoding="utf-8")
    (assets / f"{SEARCH_SNIPPETS}.js").write_text(source(SEARCH_SNIPPETS), encoding="utf-8")
    shutil.rmtree(assets / "js", ignore_errors=True)
