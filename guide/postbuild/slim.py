"""Post-build step: one stylesheet for the whole site, holding only the CSS that something on the site can match.

Material ships styles for every feature it has (code blocks, admonition types, content tabs, tooltips, versions,
19 colour palettes, …). After each language's build, ``bundle_css`` joins Material's main and palette sheets and
the site's own guide.css into ``assets/site.css``, keeping a selector only if every class, id and attribute value
it names occurs in the built pages or in the site's own scripts, and every tag it names occurs in a page or a
script; then it drops custom properties (mostly inlined SVG icons) that no remaining rule reads, and removes
Material's own stylesheets and scripts, which no page loads. No Material script runs, so nothing adds classes the
pages and the site's scripts do not name.

Material's CSS is parsed once per Material version and file, and the parse is kept in ``.cache/css/``: later
builds only filter it. A plain function of a built folder, so any builder can run it.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import rjsmin
import tinycss2

from ..cache import cached

# The stylesheets that make assets/site.css, in this order, relative to the site folder of one language.
SHEETS = ("assets/stylesheets/main.*.css", "assets/stylesheets/palette.*.css", "assets/guide.css")
BUNDLE = "assets/site.css"
# What no page loads once the bundle exists: Material's own stylesheets and scripts, and guide.css itself.
UNUSED = ("assets/stylesheets", "assets/javascripts", "assets/guide.css")

WORD = re.compile(r"[A-Za-z_][\w-]*")
TAG = re.compile(r"<([a-zA-Z][\w-]*)")
# An attribute's quoted value: an "=" that follows a name's last letter. The search looks for "=" alone, so each
# character is looked at once (linear time), and the values are those of a match from the name's first letter.
ATTRIBUTE = re.compile(r"""=(?<=[\w-]=)(?:"([^"]*)"|'([^']*)')""")
NAMED = re.compile(r"[.#](-?[A-Za-z_][\w-]*)")
ATTR_VALUE = re.compile(r"\[[\w-]+[~|^$*]?=[\"']?([\w-]+)[\"']?\]")
ATTR = re.compile(r"\[[^\]]*\]")
# A type selector: a name at the start or after a combinator, not part of a class, id or pseudo-class.
TYPE = re.compile(r"(?:^|[\s>+~(,])([a-z][a-z0-9]*)(?![\w-])")
# :not(…), :is(…) and the like are left out of the check: with them a missing name proves nothing.
FUNCTIONAL = re.compile(r":(?:not|is|where|has|matches|-webkit-any|-moz-any)\([^()]*\)")
VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")
SET_FROM_SCRIPT = re.compile(r"setProperty\(\s*[\"'](--[\w-]+)")


@dataclass(frozen=True)
class Names:
    """What can exist on the site: names for classes, ids and attribute values, and tag names."""

    words: frozenset[str]
    tags: frozenset[str]


def bundle_css(site: Path, cache: Path | None = None, name: str = "site") -> None:
    """Write ``assets/site.css`` for one language's built site, judged by that site's pages and scripts.

    The bundle is kept in ``cache`` (as ``name``) under a key made of the stylesheets, the names the site uses
    and the custom properties its pages and scripts read: a rebuild that changes none of them reuses it."""
    names = site_names(site)
    sheets = [(css.name, css.read_text(encoding="utf-8")) for pattern in SHEETS for css in sorted(site.glob(pattern))]
    for unused in UNUSED:
        path = site / unused
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    read = used_properties(_texts(site))  # by what is left: the pages and the site's own scripts

    def bundle() -> str:
        text = "".join(filter_rules(parsed(file, css, cache), names) for file, css in sheets)
        return drop_properties(text, used_properties([text]) | read)

    inputs = json.dumps([sheets, sorted(names.words), sorted(names.tags), sorted(read)])
    (site / BUNDLE).write_text(cached(cache, name, inputs, bundle), encoding="utf-8")


# --- parsing, once per stylesheet ----------------------------------------------------------------------------

# A stylesheet as plain rows: ["rule", [selector, …], declarations] | ["at", keyword, prelude, [rows]] | ["raw", text]
Rows = list[list[Any]]


def parsed(name: str, text: str, cache: Path | None) -> Rows:
    """The stylesheet's rows, from the cache when this exact file (and Material version) was parsed before."""
    return cached(cache, name.split(".")[0], f"{_material_version()}\n{name}\n{text}", lambda: parse(text))


def _material_version() -> str:
    try:
        return metadata.version("mkdocs-material")
    except metadata.PackageNotFoundError:
        return "unknown"


def parse(css: str) -> Rows:
    rows: Rows = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "qualified-rule":
            rows.append(["rule", _split(rule.prelude), tinycss2.serialize(rule.content)])
        elif rule.type == "at-rule" and rule.lower_at_keyword in {"media", "supports", "layer"} and rule.content:
            inner = parse(tinycss2.serialize(rule.content))
            rows.append(["at", rule.at_keyword, tinycss2.serialize(rule.prelude), inner])
        else:
            rows.append(["raw", tinycss2.serialize([rule])])
    return rows


def filter_rules(rows: Rows, names: Names) -> str:
    """The stylesheet again, with only the selectors that may match something on the site."""
    out = []
    for row in rows:
        if row[0] == "rule":
            selectors = [s for s in row[1] if may_match(s, names)]
            if selectors:
                out.append(f"{','.join(selectors)}{{{row[2]}}}")
        elif row[0] == "at":
            inner = filter_rules(row[3], names)
            if inner:
                out.append(f"@{row[1]}{row[2]}{{{inner}}}")
        else:
            out.append(row[1])
    return "".join(out)


def slim(css: str, names: Names) -> str:
    """A stylesheet's text with only the selectors that may match something on the site."""
    return filter_rules(parse(css), names)


def site_names(site: Path) -> Names:
    """The names the built pages give in their attributes, and every word of the code of the site's own scripts."""
    words: set[str] = set()
    tags: set[str] = set()
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8", errors="replace")
        tags.update(TAG.findall(html))
        # each value once, joined by a space, which no word spans: one search instead of one per value
        words.update(WORD.findall(" ".join({value for pair in ATTRIBUTE.findall(html) for value in pair})))
    for path in site.rglob("*.js"):
        if path.relative_to(site).as_posix().startswith("assets/javascripts/"):
            continue  # Material's own scripts name every feature it has; no page runs them
        code = rjsmin.jsmin(path.read_text(encoding="utf-8", errors="replace"))  # a comment's words draw nothing
        script = set(WORD.findall(code))
        tags.update(script)  # scripts create elements
        words.update(script)
    return Names(frozenset(words), frozenset(tags))


def _texts(site: Path) -> list[str]:
    paths = [*site.rglob("*.html"), *site.rglob("*.js")]
    return [path.read_text(encoding="utf-8", errors="replace") for path in paths]


def _split(prelude: list[tinycss2.ast.Node]) -> list[str]:
    """A selector list split on its top-level commas (commas inside :is(…) stay)."""
    parts: list[list[tinycss2.ast.Node]] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return [tinycss2.serialize(part).strip() for part in parts if part]


def may_match(selector: str, names: Names) -> bool:
    """False only when the selector names a tag, class, id or attribute value that occurs nowhere."""
    plain = FUNCTIONAL.sub("", selector)
    words = NAMED.findall(plain) + ATTR_VALUE.findall(plain)
    tags = TYPE.findall(ATTR.sub("", plain))
    return all(w in names.words for w in words) and all(t in names.tags for t in tags)


def used_properties(texts: list[str]) -> set[str]:
    """Custom properties read anywhere with var(--name), or set from scripts."""
    return {name for text in texts for name in VAR_USE.findall(text) + SET_FROM_SCRIPT.findall(text)}


def drop_properties(css: str, used: set[str]) -> str:
    """Remove custom property declarations (mostly inlined SVG icons) that nothing reads."""
    out = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "qualified-rule":
            out.append(f"{tinycss2.serialize(rule.prelude)}{{{_declarations(rule.content, used)}}}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in {"media", "supports", "layer"} and rule.content:
            inner = drop_properties(tinycss2.serialize(rule.content), used)
            out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}")
        else:
            out.append(tinycss2.serialize([rule]))
    return "".join(out)


def _declarations(content: list[tinycss2.ast.Node], used: set[str]) -> str:
    """The block's declarations without unread custom properties; nested rules are kept as they are."""
    kept = []
    for item in tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True):
        if item.type == "declaration" and item.name.startswith("--") and item.name not in used:
            continue
        kept.append(tinycss2.serialize([item]) if item.type != "declaration" else _declaration(item))
    return ";".join(kept)


def _declaration(item: tinycss2.ast.Declaration) -> str:
    important = "!important" if item.important else ""
    return f"{item.name}:{tinycss2.serialize(item.value).strip()}{important}"
