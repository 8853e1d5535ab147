"""MkDocs hook: once this language's site is written, run the guide's post-build steps on its folder."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from guide import context as build_context
from guide import postbuild
from guide.errors import DataError


def on_post_build(config: MkDocsConfig) -> None:
    context = build_context.current(Path(config.config_file_path))
    cache = Path(config.config_file_path).parent / ".cache"  # parsed CSS and search word lists, kept between builds
    try:
        postbuild.run(Path(config.site_dir), context.search_sections(), context.site.lang, cache)
    except DataError as exc:
        raise PluginError(str(exc)) from None
