"""Post-build step: drop the CSS rules that nothing on this site can ever match.

Material ships styles for every feature it has (code blocks, admonition types, content tabs,
tooltips, versions, 19 colour palettes, …). After each language's build, this hook keeps a
selector only if every class, id and attribute value it names occurs in the built pages, in our
own scripts, or in MATERIAL_ADDS (the classes Material's JavaScript adds at run time for the
features this site uses), and every tag it names occurs in a page or a script. It then drops
custom properties (mostly inlined SVG icons) that no remaining rule reads. The browser tests
check that the features still work: search, instant navigation, the palette toggle, the drawer.

A plain function of a built folder (``slim_site``), so any builder can run it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import tinycss2

# The stylesheets to slim, relative to the site folder of one language.
TARGETS = ("assets/stylesheets/*.css",)
# Material's own scripts: their words are not taken as class names (they name every feature).
MATERIAL_SCRIPTS = ("assets/javascripts/bundle.", "assets/javascripts/workers/", "assets/javascripts/lunr/")
# Classes Material's JavaScript adds at run time for the features this site uses.
MATERIAL_ADDS = frozenset(
    {
        "js",  # on <html> once scripts run
        "focus-visible",  # Material's keyboard-focus marker: the focus rings depend on it
        "md-dialog--active",  # the "copied" / alert dialog
        "md-header__title--active",  # header shows the page title after scrolling
        "md-nav__link--active",
        "md-nav__link--passed",
        "md-toggle--indeterminate",  # palette toggle
        "md-search-result__article",
        "md-search-result__icon",
        "md-search-result__item",
        "md-search-result__link",
        "md-search-result__more",
        "md-search-result__terms",
        "md-typeset__scrollwrap",  # wraps wide tables
        "md-typeset__table",
    }
)

WORD = re.compile(r"[A-Za-z_][\w-]*")
TAG = re.compile(r"<([a-zA-Z][\w-]*)")
ATTRIBUTE = re.compile(r"""[\w-]+=["']([^"']*)["']""")
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


def slim_site(site: Path) -> None:
    """Slim every stylesheet of one language's built site, judging by that site's pages and scripts."""
    names = site_names(site)
    sheets = {css: slim(css.read_text(encoding="utf-8"), names) for pattern in TARGETS for css in site.glob(pattern)}
    used = used_properties([*sheets.values(), *_texts(site, exclude=set(sheets))])
    for css, text in sheets.items():
        css.write_text(drop_properties(text, used), encoding="utf-8")


def site_names(site: Path) -> Names:
    words: set[str] = set(MATERIAL_ADDS)
    tags: set[str] = set()
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8", errors="replace")
        tags.update(TAG.findall(html))
        words.update(word for value in ATTRIBUTE.findall(html) for word in WORD.findall(value))
    for path in site.rglob("*.js"):
        script = set(WORD.findall(path.read_text(encoding="utf-8", errors="replace")))
        tags.update(script)  # scripts create elements
        if not path.relative_to(site).as_posix().startswith(MATERIAL_SCRIPTS):
            words.update(script)
    return Names(frozenset(words), frozenset(tags))


def _texts(site: Path, exclude: set[Path]) -> list[str]:
    paths = [*site.rglob("*.html"), *site.rglob("*.js"), *site.rglob("*.css")]
    return [path.read_text(encoding="utf-8", errors="replace") for path in paths if path not in exclude]


def slim(css: str, names: Names) -> str:
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "".join(_keep(rule, names) for rule in rules)


def _keep(rule: tinycss2.ast.Node, names: Names) -> str:
    if rule.type == "qualified-rule":
        selectors = [s for s in _split(rule.prelude) if may_match(s, names)]
        return f"{','.join(selectors)}{{{tinycss2.serialize(rule.content)}}}" if selectors else ""
    if rule.type == "at-rule" and rule.lower_at_keyword in {"media", "supports", "layer"} and rule.content:
        inner = slim(tinycss2.serialize(rule.content), names)
        return f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}" if inner else ""
    return tinycss2.serialize([rule])


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
