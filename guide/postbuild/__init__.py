"""Steps that take a built site folder, so any builder can run them after it has written the pages.

``run`` runs them in order for one language's site: the search index (from the build's sections), the site's
script joined from its components, the pages' indentation, the one stylesheet (judged by the finished pages and
scripts), the scripts minified, then the content security policy, which hashes whatever inline code the finished
pages still hold; last, what reading offline needs (offline.json, sw.js), which hashes the finished files.
"""

from __future__ import annotations

from pathlib import Path

from .. import paths
from ..search.sections import Section
from .csp import apply_csp
from .html import collapse_site
from .js import bundle_js
from .minify import minify_scripts
from .offline import write_offline
from .search_index import write_search
from .slim import bundle_css


def run(
    site: Path, sections: list[Section], lang: str, cache: Path | None = None, examples: Path = paths.SEARCH_WORDS
) -> None:
    """The post-build steps for one language's built site; ``cache``: a folder for results kept between builds;
    ``examples``: the folder of the project's search examples (they name its sections)."""
    write_search(site, sections, lang, cache / "search" if cache else None, examples)
    bundle_js(site)
    collapse_site(site)
    bundle_css(site, cache / "css" if cache else None, f"site-{lang}")
    minify_scripts(site)
    apply_csp(site)
    write_offline(site, lang, list(dict.fromkeys(s.page for s in sections)))
