"""What the site takes from Material for MkDocs, guarded: its base template and the parts of it the site replaces.

The site no longer copies a Material partial or runs Material's scripts. It extends Material's base.html and
replaces some of its blocks and two of its included partials; if an upgrade renames one, the override would
silently do nothing, so these tests fail first.
"""

from __future__ import annotations

import re
from importlib import resources

from guide import paths

MATERIAL = resources.files("material") / "templates"
OVERRIDES = paths.ROOT / "overrides"


def blocks(text: str) -> set[str]:
    return set(re.findall(r"{%-?\s*block\s+(\w+)", text))


def test_every_block_the_site_replaces_is_a_block_of_materials_base() -> None:
    ours = blocks((OVERRIDES / "main.html").read_text(encoding="utf-8"))
    theirs = blocks((MATERIAL / "base.html").read_text(encoding="utf-8"))
    assert ours and ours <= theirs, f"not in Material's base.html: {sorted(ours - theirs)}"


def test_every_partial_the_site_replaces_is_one_materials_base_includes() -> None:
    base = (MATERIAL / "base.html").read_text(encoding="utf-8")
    included = set(re.findall(r'{%-?\s*include\s+"(partials/[\w/.-]+)"', base))
    for partial in ("header.html", "nav.html"):
        text = (MATERIAL / "partials" / partial).read_text(encoding="utf-8")
        included |= set(re.findall(r'{%-?\s*include\s+"(partials/[\w/.-]+)"', text))
    ours = {p.relative_to(OVERRIDES).as_posix() for p in (OVERRIDES / "partials").rglob("*.html")}
    own = {"partials/header.html", "partials/alternate.html", "partials/search.html"}  # the site's own partials
    assert (ours - own) <= included, f"Material no longer includes: {sorted((ours - own) - included)}"
    assert "partials/javascripts/base.html" in ours and "partials/javascripts/content.html" in ours
