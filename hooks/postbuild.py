"""MkDocs hook: once this language's site is written, add the checklist's chat image and run the guide's post-build
steps on its folder."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from guide import context as build_context
from guide import paths, postbuild
from guide.errors import DataError


def on_post_build(config: MkDocsConfig) -> None:
    context = build_context.current(Path(config.config_file_path))
    project = Path(config.config_file_path).parent
    cache = project / ".cache"  # parsed CSS and search word lists, kept between builds
    # The search examples name this project's sections, so they come from its own data/search/ (none: no learning)
    examples = project / paths.SEARCH_WORDS.relative_to(paths.ROOT)
    chat = context.site.chat
    if chat is not None:
        chat.write(Path(config.site_dir))
        if chat.problem:  # said once, by the "panduan" logger hooks/context.py sets up
            logging.getLogger("panduan").warning(chat.problem)
    try:
        postbuild.run(Path(config.site_dir), context.search_sections(), context.site.lang, cache, examples)
    except DataError as exc:
        raise PluginError(str(exc)) from None
