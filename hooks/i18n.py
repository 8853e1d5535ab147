"""MkDocs hook: give each language's build its own address under the one site address.

The Indonesian site is the root and English lives under ``en/``. Each entry of ``extra.alternate``
gains ``url`` (absolute, for hreflang) and ``href`` (root-relative, for the language switch),
and ``site_url`` becomes this language's own address. The interface words of the language
(``data/ui/<lang>.yml``) become ``extra.ui`` for the theme templates.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority


@event_priority(100)  # before the plugins (mkdocs-macros reads site_url in its own on_config)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = site_root(config.site_url or "")
    alternates = config.extra["alternate"]
    own = own_alternate(alternates, config.theme["language"])
    for alt in alternates:
        alt["url"] = root + alt["path"]
        alt["href"] = urlsplit(root).path + alt["path"]
    config.site_url = own["url"]
    config.extra["site_root"] = root
    config.extra["ui"] = interface_words(Path(config.config_file_path).parent, config.theme["language"])
    return config


def interface_words(project: Path, lang: str) -> dict[str, Any]:
    """The checked interface words of ``lang``, loaded the same way the macros load them."""
    if str(project) not in sys.path:
        sys.path.insert(0, str(project))
    from macros.data import DataError
    from macros.i18n import load_ui

    try:
        return load_ui(lang)
    except DataError as exc:
        raise PluginError(str(exc)) from None


def site_root(url: str) -> str:
    """The whole site's address, with one trailing slash; it must be absolute."""
    if not url.startswith(("http://", "https://")):
        raise PluginError(f"site_url must be an absolute http(s) address, not '{url}' (set SITE_URL)")
    return url.rstrip("/") + "/"


def own_alternate(alternates: list[dict[str, Any]], lang: str) -> dict[str, Any]:
    """The ``extra.alternate`` entry of this build's language."""
    for alt in alternates:
        if alt["lang"] == lang:
            return alt
    known = ", ".join(alt["lang"] for alt in alternates)
    raise PluginError(f"theme.language '{lang}' has no entry in extra.alternate (known: {known})")
