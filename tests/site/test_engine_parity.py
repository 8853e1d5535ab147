"""The built site's search engine (its minified assets/search-engine.js) run under Node on its own index, against
the Python engine (``tests/node_engine.py``): every example of data/search/examples-<lang>.tsv and every query of
every benchmarks/queries*.tsv gets the same terms, the same number of results and the same first five results with
their scores to 3 places; every word of the site's titles and texts, the same terms from the analyser. No browser.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from guide import paths
from guide.search.learn import read_examples
from guide.search.queries import read_texts

from ..conftest import missing_tool, prefix
from ..node_engine import differences, node_missing_reason

# Forms that reach each step of the query side, and inputs that are not words, beside the examples and benchmarks.
EXTRA = {
    "id": ["cencel pesanan", "pesnan sy blm dtg", "gajadi beli", "muncul2 terus", "dkirim kapan", "udahan aja",
           "how to batalin", "res", "jaket", "menunggu pickup", "", "!!!", "__proto__ constructor"],
    "en": ["cancle my order", "recieved nothing", "moveing", "dose", "refund belum masuk to my bank", "pls help",
           "awaiting shipment", "", "toString hasOwnProperty"],
}  # fmt: skip


def every_query(lang: str) -> list[str]:
    """The language's examples, then every benchmark query in it, then the forms above; each once."""
    out = [example.text for example in read_examples(lang)]
    for path in sorted((paths.ROOT / "benchmarks").glob("queries*.tsv")):
        out += [text for said, text in read_texts(path) if said == lang]
    return list(dict.fromkeys(out + EXTRA[lang]))


@pytest.fixture()
def node() -> None:
    missing_tool("Node", node_missing_reason())


def test_the_sites_engine_searches_as_the_python_on_every_example_and_benchmark_query(
    node: None, built_site: Path, lang: str
) -> None:
    written = json.loads((built_site / prefix(lang) / "search" / "index.json").read_text(encoding="utf-8"))
    texts = json.loads((built_site / prefix(lang) / "search" / "texts.json").read_text(encoding="utf-8"))
    said = [doc[1] for doc in written["docs"]] + [text for doc in texts for text in doc]
    words = sorted({word for text in said for word in re.findall(r"\w+", text)})
    queries = every_query(lang)
    assert len(queries) > 2000
    engine = built_site / "assets" / "search-engine.js"
    assert differences(written, queries, words, engine) == []
