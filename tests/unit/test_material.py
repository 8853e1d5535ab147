"""What the site takes from Material for MkDocs, guarded: a copied partial may differ from upstream only as agreed."""

from __future__ import annotations

import difflib
from importlib import resources

from guide import paths

# The one change to Material's partials/header.html: its search block (shown only with Material's search plugin,
# which is off) becomes the guide's own search.
ADDED = [
    "    {#- Changed from Material: the guide's own search replaces Material's search plugin. -#}",
    '    {% include "partials/search.html" %}',
]


def body(text: str) -> list[str]:
    """A template without its opening comment."""
    return text.split("-#}\n", 1)[1].splitlines()


def search_block(lines: list[str]) -> list[str]:
    start = lines.index('    {% if "material/search" in config.plugins %}')
    end = next(i for i in range(start, len(lines)) if lines[i] == "    {% endif %}")
    return lines[start : end + 1]


def test_the_header_is_materials_own_but_for_the_search() -> None:
    upstream = body((resources.files("material") / "templates" / "partials" / "header.html").read_text("utf-8"))
    ours = body((paths.ROOT / "overrides" / "partials" / "header.html").read_text(encoding="utf-8"))
    diff = [line for line in difflib.unified_diff(upstream, ours, lineterm="", n=0) if line[:1] in "+-"]
    removed = [line[1:] for line in diff if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in diff if line.startswith("+") and not line.startswith("+++")]
    assert (removed, added) == (search_block(upstream), ADDED), "Material's header changed: update our copy"
