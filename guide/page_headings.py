"""The element ids a page's own Markdown gives, read from its source before any page is written: each heading's
(the id the ``toc`` extension makes from its text, or its own ``{: #id }``), and any other ``{: #id }`` or raw
HTML ``id="…"``. The data's register (``rules``) refuses a guide's id that one of them takes, and ``fixed_clashes``
one that the templates, theme or scripts fix (``ids.FIXED``), naming the page and the line.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import markdown
from markdown.extensions.toc import slugify

from . import ids
from .errors import DataError, shown
from .page_source import FRONT_MATTER, read_page

ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
ATTR_LIST = re.compile(r"\{:?[ \t]*([^}\n]*)\}")
ATTR_ID = re.compile(r"(?:^|\s)#([^\s}]+)")
HTML_ID = re.compile(r"<[a-zA-Z][^>]*?\sid\s*=\s*[\"']([^\"']+)[\"']")
TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class PageId:
    """An id a page's Markdown gives an element, and where: ``docs/en/about.md:19``, ``the heading 'Sources'``."""

    ident: str
    place: str
    what: str

    def __str__(self) -> str:
        return f"{self.what} of {self.place}"


def heading_id(title: str) -> tuple[str, str]:
    """A heading's text as the reader sees it, and the id the ``toc`` extension gives it (its own, if it has one)."""
    own = ATTR_LIST.search(title)
    if own and title[own.end() :].strip() == "":
        found = ATTR_ID.search(own[1])
        title = title[: own.start()].rstrip()
        if found:
            return title, found[1]
    text = html.unescape(TAGS.sub("", markdown.markdown(title)))
    return text, slugify(text, "-")


def page_ids(text: str, place: str) -> list[PageId]:
    """Every id the page's Markdown gives, in order; ``place``: how messages name the page (``docs/en/about.md``).
    Two headings with one text get ``x`` and ``x_1``, as the ``toc`` extension numbers them."""
    found: list[PageId] = []
    headings: set[str] = set()
    front = FRONT_MATTER.match(text)
    start = text[: front.end()].count("\n") if front else 0
    lines = text.splitlines()
    fence = ""
    for n in range(start, len(lines)):
        line = lines[n]
        opened = FENCE.match(line)
        if fence:
            fence = "" if opened and opened[1][0] == fence[0] and len(opened[1]) >= len(fence) else fence
            continue
        if opened:
            fence = opened[1]
            continue
        title = None
        if atx := ATX.match(line):
            title = atx[2]
        elif n + 1 < len(lines) and SETEXT.match(lines[n + 1]) and line.strip() and not lines[n].startswith("    "):
            title = line.strip()
        if title is not None:
            text_of, ident = heading_id(title)
            base, k = ident, 0
            while ident in headings:
                k += 1
                ident = f"{base}_{k}"
            headings.add(ident)
            found.append(PageId(ident, f"{place}:{n + 1}", f"the heading {shown(text_of)}"))
            continue
        for attrs in ATTR_LIST.finditer(line):
            found += [PageId(m[1], f"{place}:{n + 1}", "an attribute list") for m in ATTR_ID.finditer(attrs[1])]
        found += [PageId(m[1], f"{place}:{n + 1}", "an HTML element") for m in HTML_ID.finditer(line)]
    return found


def read_ids(docs: Path, shown_docs: str) -> list[PageId]:
    """The ids of every page of a language's folder (``shown_docs``: how messages name it, ``docs/en``), each page
    read by the project's hardened reader; a DataError if one of them takes an id of ``ids.FIXED``."""
    found = [
        item
        for page in sorted(docs.glob("*.md"))
        for item in page_ids(read_page(page, f"{shown_docs}/{page.name}"), f"{shown_docs}/{page.name}")
    ]
    fixed_clashes(found)
    return found


def fixed_clashes(found: list[PageId]) -> None:
    """A DataError naming each page id that the templates, theme or scripts fix too."""
    clashes = [
        f"  {item.place}: {item.what} takes the element id {shown(item.ident)}, which {ids.FIXED[item.ident]} has "
        "too: give it its own id, as in `## Title {: #my-id }`"
        for item in found
        if item.ident in ids.FIXED
    ]
    if clashes:
        raise DataError(f"{len(clashes)} id(s) of the pages are taken:\n" + "\n".join(clashes))
