"""Steps that take a built site folder, so any builder can run them after it has written the pages.

``run`` runs them in order for one language's site: the search index (from the build's sections), the
pages' indentation, then the stylesheets, which are judged by the finished pages and scripts.
"""

from __future__ import annotations

from pathlib import Path

from ..search.sections import Section
from .html import collapse_site
from .search_index import write_search
from .slim import slim_site


def run(site: Path, sections: list[Section], lang: str) -> None:
    write_search(site, sections, lang)
    collapse_site(site)
    slim_site(site)
