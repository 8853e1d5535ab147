"""Post-build step: drop the templates' indentation and blank lines from every page of a built site."""

from __future__ import annotations

import re
from pathlib import Path

KEEP_WHITESPACE = re.compile(r"(<pre[\s>][\s\S]*?</pre>|<textarea[\s>][\s\S]*?</textarea>)")
INDENT = re.compile(r"\n[ \t]*(?:\n[ \t]*)*")


def collapse_site(site: Path) -> None:
    for page in site.rglob("*.html"):
        page.write_text(collapse_indentation(page.read_text(encoding="utf-8")), encoding="utf-8")


def collapse_indentation(html: str) -> str:
    """Drop the templates' indentation and blank lines; text inside <pre> and <textarea> is left as it is."""
    parts = KEEP_WHITESPACE.split(html)
    return "".join(part if i % 2 else INDENT.sub("\n", part) for i, part in enumerate(parts))
