"""Post-build step: write one language's ``search/index.json`` and the browser's search engine into its site."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .. import paths
from ..search.index import build_index, encode
from ..search.sections import Section

ENGINE = paths.PACKAGE / "search" / "engine.js"


def write_search(site: Path, sections: list[Section], lang: str) -> None:
    index, texts = build_index(sections, lang)
    folder = site / "search"
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in (("index.json", encode(index)), ("texts.json", texts)):
        (folder / name).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    (site / "assets").mkdir(exist_ok=True)
    shutil.copyfile(ENGINE, site / "assets" / "search-engine.js")
