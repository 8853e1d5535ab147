"""Post-build step: the site's scripts without their comments and spaces (rjsmin), since every byte costs the
reader. The sources under overrides/assets/ and guide/search/ stay readable; only the built copies shrink."""

from __future__ import annotations

from pathlib import Path

import rjsmin


def minify_scripts(site: Path) -> None:
    """Minify every script of the built site's assets/ folder in place."""
    for script in sorted((site / "assets").glob("*.js")):
        text = script.read_text(encoding="utf-8")
        script.write_text(rjsmin.jsmin(text) + "\n", encoding="utf-8")
