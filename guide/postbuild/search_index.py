"""Post-build step: write one language's ``search/index.json`` and ``search/texts.json`` into its site (``js.py`` writes
the browser's engine, with the results it draws, as ``assets/search-engine.js``)."""

from __future__ import annotations

import json
from pathlib import Path

from .. import paths
from ..cache import cached
from ..paths import shown
from ..search.index import build_index
from ..search.learn import examples_path, read_examples
from ..search.sections import Section
from ..search.wire import encode
from ..search.words import common_words, word_tables


def write_search(
    site: Path, sections: list[Section], lang: str, cache: Path | None = None, examples_in: Path = paths.SEARCH_WORDS
) -> None:
    """Write the index and the snippets' texts; from ``cache`` when the sections, word lists and examples are as
    before. ``examples_in``: the folder of the examples (``examples-<lang>.tsv``; none there, nothing learned)."""
    examples = read_examples(lang, examples_in, cache)
    # Each record's own fields (vars): they hold plain values, which asdict would copy one by one, for nothing.
    inputs = json.dumps(
        [lang, [vars(s) for s in sections], vars(word_tables(lang)), sorted(common_words(lang)),
         [vars(e) for e in examples]],
        default=sorted,
    )  # fmt: skip
    where = shown(examples_path(lang, examples_in))

    def files() -> list[str]:
        index, texts = build_index(sections, lang, cache=cache, examples=examples, examples_file=where)
        return [json.dumps(data, ensure_ascii=False, separators=(",", ":")) for data in (encode(index), texts)]

    # The files' texts are what is kept: a rebuild of the same inputs writes them as they are.
    index, texts = cached(cache, f"index-{lang}", inputs, files)
    folder = site / "search"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.json").write_text(index, encoding="utf-8")
    (folder / "texts.json").write_text(texts, encoding="utf-8")
