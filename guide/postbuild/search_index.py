"""Post-build step: write one language's ``search/index.json`` and the browser's search engine into its site."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .. import paths
from ..search.index import build_index
from ..search.sections import Section

ENGINE = paths.PACKAGE / "search" / "engine.js"


def write_search(site: Path, sections: list[Section], lang: str) -> None:
    index = build_index(sections, lang)
    path = site / "search" / "index.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    (site / "assets").mkdir(exist_ok=True)
    shutil.copyfile(ENGINE, site / "assets" / "search-engine.js")
