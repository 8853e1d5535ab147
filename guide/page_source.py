"""A page's source as the build reads it: its size, its front matter read by the project's hardened YAML reader
(guide/yamlfile.py), and no raw script or event-handler attribute in its Markdown. The theme's reader would
publish a page whose front matter does not parse with that front matter as text; this one stops the build, naming
the page and the line.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import yaml

from .errors import DataError, YamlPath, report
from .yamlfile import read_yaml_text

MAX_PAGE_BYTES = 512 * 1024  # the longest page is about 30 KB
# MkDocs' own front matter delimiters (mkdocs.utils.meta.YAML_RE), so both readers see the same block
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
OPENS = re.compile(r"^-{3}[ \t]*\n")
# A script element, a script: link, or an event-handler attribute (onclick=…) in a tag or an attribute list
# ({: onclick=… }). Markup the Markdown passes through to the page as it is.
RAW_SCRIPT = re.compile(r"<\s*/?\s*script\b", re.I)
# A link is read as the browser reads it: entities decoded (``jav&#x61;script:``), tabs and line ends dropped.
SCRIPT_LINK = re.compile(
    r"(?:\]\(|\b(?:href|src|action|formaction|data|poster|background|codebase|xlink:href)\s*=\s*[\"']?|\burl\s*=)"
    r"\s*(?:javascript|vbscript|data)\s*:",
    re.I,
)
EVENT_NAME = re.compile(r"(?<![\w-])on[a-z]+\s*=", re.I)
TAG_REACH = 2000  # how far back a tag or an attribute list is looked for: each line costs at most this per match


def event_attribute_lines(text: str) -> set[int]:
    """The lines (from 0) where an ``on…=`` inside a tag (``<img onerror=…``, also with the ``=`` on the next line)
    or an attribute list (``{: onclick=… }``) starts, and not in text such as "online = …". Linear in the text: each
    match looks back at most TAG_REACH characters."""
    found, line, counted = set(), 0, 0
    for match in EVENT_NAME.finditer(text):
        line, counted = line + text.count("\n", counted, match.start()), match.start()  # each character counted once
        before = text[max(0, match.start() - TAG_REACH) : match.start()]
        if before.rfind("<") > before.rfind(">") or before.rfind("{") > before.rfind("}"):
            found.add(line)
    return found


def as_link(line: str) -> str:
    """The line as a browser reads a link in it: entities decoded, tabs dropped (a URL drops them)."""
    return html.unescape(line).replace("\t", "")


def read_page(path: Path, shown: str) -> str:
    """The page's text, checked; ``shown`` is how the error names it (``docs/en/about.md``)."""
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_PAGE_BYTES + 1)
    except OSError as exc:
        raise DataError(f"{shown}: cannot be read ({exc.strerror})") from None
    if len(raw) > MAX_PAGE_BYTES:
        size = max(len(raw), path.stat().st_size) // 1024
        raise DataError(f"{shown}:1: is {size} KB, more than the {MAX_PAGE_BYTES // 1024} KB a page may be")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(f"{shown}:{line}: is not UTF-8") from None
    check_page(text, shown)
    return text


def check_page(text: str, shown: str) -> None:
    """A DataError naming the page and the line of the first thing wrong, if anything is."""
    body_starts = 0
    if OPENS.match(text):
        found = FRONT_MATTER.match(text)
        if found is None:
            raise DataError(f"{shown}:1: front matter opens with --- and is empty or never closed by a line of ---")
        check_front_matter(found[1], shown)
        body_starts = found.end()
    body = text[body_starts:]
    events = event_attribute_lines(body)
    for n, line in enumerate(body.splitlines()):
        number = n + text[:body_starts].count("\n") + 1
        for found, what in (
            (RAW_SCRIPT.search(line), "a <script> element"),
            (n in events, "an event-handler attribute (on…=)"),
            (SCRIPT_LINK.search(as_link(line)), "a javascript:, vbscript: or data: link"),
        ):
            if found:
                raise DataError(
                    f"{shown}:{number}: has {what}: a page's Markdown may not run code (the site's scripts are "
                    "files of the theme, and the content security policy allows only those)"
                )


def check_front_matter(block: str, shown: str) -> None:
    """The front matter read as the project's data is: a mapping, no alias, anchor, tag or merge key, keys once,
    visible text. ``block`` is the text between the two ``---`` lines (the first is the page's line 1)."""
    path = Path(shown)
    try:
        found = read_yaml_text("\n" + block, path, "a mapping of keys (title:, description:, …)", yaml.MappingNode)
    except DataError as exc:
        raise _in_front_matter(exc, shown) from None
    if found.problems:
        raise _in_front_matter(report(path, found.data, found.lines, found.problems), shown)


def front_matter_lines(text: str, shown: str) -> dict[YamlPath, int]:
    """The page's line of each value of its front matter, by its path (``("search", "phrases")``); none without
    front matter. For a page ``read_page`` has read."""
    found = FRONT_MATTER.match(text)
    return read_yaml_text("\n" + found[1], Path(shown), "front matter").lines if found else {}


def _in_front_matter(exc: DataError, shown: str) -> DataError:
    """``docs/en/about.md:3: is not valid YAML`` -> ``docs/en/about.md:3: front matter is not valid YAML``."""
    where = re.compile(rf"^(\s*{re.escape(shown)}(?::\d+)?):? ", re.M)
    return DataError(where.sub(r"\1: front matter ", str(exc)))
