"""A page's own prose (its Markdown, without the macro calls), as headings with the text under each.

The Markdown is rendered with the same extensions as the site, so headings get the ids the page has.
"""

from __future__ import annotations

import html.parser
import re
from dataclasses import dataclass, field

import markdown

# The Markdown extensions of mkdocs.yml that shape headings and blocks.
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "toc"]
MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
BLOCKS = frozenset({"p", "li", "dt", "dd", "td", "th", "div", "blockquote"})
HEADINGS = frozenset({"h1", "h2", "h3"})


@dataclass
class ProseSection:
    id: str
    title: str
    blocks: list[str] = field(default_factory=list)


@dataclass
class Prose:
    sections: list[ProseSection]


def page_prose(text: str) -> Prose:
    """The headings (h1-h3) of a page's Markdown and the text blocks under each; macro calls are left out."""
    body = markdown.markdown(MACRO.sub("", text), extensions=EXTENSIONS)
    parser = _Blocks()
    parser.feed(body)
    parser.close()
    parser.flush()
    return Prose([s for s in parser.sections if s.title])


class _Blocks(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[ProseSection] = []
        self.heading: list[str] | None = None
        self.line: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS or tag in HEADINGS:
            self.flush()
        if tag in HEADINGS:
            self.sections.append(ProseSection(dict(attrs).get("id") or "", ""))
            self.heading = []

    def handle_endtag(self, tag: str) -> None:
        if tag in HEADINGS and self.heading is not None:
            self.sections[-1].title = " ".join("".join(self.heading).split())
            self.heading = None
        elif tag in BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if self.heading is not None:
            self.heading.append(data)
        elif self.sections:
            self.line.append(data)

    def flush(self) -> None:
        text = " ".join("".join(self.line).split())
        self.line = []
        if text and self.sections:
            self.sections[-1].blocks.append(text)
