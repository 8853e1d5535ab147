"""MkDocs hook: once this language's site is written, run the guide's post-build steps on its folder."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from guide import build, postbuild


def on_post_build(config: MkDocsConfig) -> None:
    context = build.current(Path(config.config_file_path))
    postbuild.run(Path(config.site_dir), context.search_sections(), context.site.lang)
