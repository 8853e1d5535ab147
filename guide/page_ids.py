"""Every element id on a written page is unique: a link to ``#x`` reaches only the first element with that id.

The guide's own ids are checked against each other when the data loads (``rules``, from ``ids.flow_ids``); this
check sees the whole page, so it also catches a heading of the page's Markdown, or the theme's own markup, taking
an id a guide draws (an English heading "Parcel problems" and the guide ``parcel-problems``).
"""

from __future__ import annotations

from html.parser import HTMLParser

from .errors import shown


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
    parser = _Ids()
    parser.feed(html)
    parser.close()
    return [f"{shown(found)} ({', '.join(where)})" for found, where in parser.seen.items() if len(where) > 1]
