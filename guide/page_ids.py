"""Every element id on a written page is unique: a link to ``#x`` reaches only the first element with that id.

The guide's own ids are checked against each other when the data loads (``rules``, from ``ids.flow_ids``); this
check sees the whole page, so it also catches a heading of the page's Markdown, or the theme's own markup, taking
an id a guide draws (an English heading "Parcel problems" and the guide ``parcel-problems``).
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from .errors import shown

# Where html.parser can read an ``id`` attribute: its own attribute pattern (``attrfind_tolerant``) with the name
# ``id``, which it lower-cases, so this looks in the page's lower-case copy (only ASCII letters lower to i and d).
# Every id the parser reports is one of these values, so a page whose values all differ needs no parse: most pages,
# and the parse is the costly part (the element and the line are only wanted for a page that repeats an id).
# Matches cannot hide one another: ``id`` cannot start inside ``\s*=+\s*``.
ID_NAME = re.compile(r"""id(?<=['"\s/]id)\s*=+\s*""")
ID_VALUE = re.compile(r"""'[^']*'|"[^"]*"|(?!['"])[^>\s]*""")


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.seen: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if (found := values.get("id")) is not None:
            self.seen.setdefault(found, []).append(f"{_describe(tag, values)} on line {self.getpos()[0]}")


def _describe(tag: str, attrs: dict[str, str | None]) -> str:
    cls = (attrs.get("class") or "").split()
    return f"<{tag}{f' class={cls[0]}' if cls else ''}>"


def repeated(html: str) -> list[str]:
    """Each id the page gives to more than one element, with those elements and their lines in the written page:
    ``'parcel-problems' (<h1> on line 40, <div class=g-flow> on line 52)``."""
    if not _may_repeat(html):
        return []
    parser = _Ids()
    parser.feed(html)
    parser.close()
    return [f"{shown(found)} ({', '.join(where)})" for found, where in parser.seen.items() if len(where) > 1]


def _may_repeat(html: str) -> bool:
    """Whether two of the places an id may be (in a tag, or in text, a comment or a script) hold the same value, as
    the parser would read it (unquoted, then unescaped): False proves the page gives no id twice."""
    lowered = html.lower()
    if len(lowered) != len(html):
        return True  # a letter that lowers to two (İ) moves every place after it: parse the page instead
    seen: set[str] = set()
    for found in ID_NAME.finditer(lowered):
        value = ID_VALUE.match(html, found.end())[0]  # type: ignore[index]  # the last choice matches nothing
        if value[:1] == "'" == value[-1:] or value[:1] == '"' == value[-1:]:
            value = value[1:-1]
        value = unescape(value) if value else value
        if value in seen:
            return True
        seen.add(value)
    return False
