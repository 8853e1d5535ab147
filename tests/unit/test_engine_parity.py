"""engine.js, the browser's search, run under Node against the Python engine it ports (``tests/node_engine.py``):
on an index of the small guide (``tests/fixtures/mini.yaml``), with no site build and no browser.

Two checks: the two engines give the same terms, the same number of results and the same first five results with
their scores (to 3 places) for every query below; and both give what the golden cases of
``tests/fixtures/search/<lang>.json`` write down, so that a change to the engine shows as a diff that reads like a
spec. When a change is meant, write the golden files again from the Python engine, the reference:

    .venv/bin/python -m tests.unit.test_engine_parity

The built site's own index is compared on every example and benchmark query in ``tests/site/test_engine_parity.py``.
"""

from __future__ import annotations

import functools
import json
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from guide.build import keywords
from guide.languages import codes
from guide.load import load_guide
from guide.search.index import build_index
from guide.search.learn import read_examples
from guide.search.prose import page_prose
from guide.search.sections import Section, page_sections
from guide.search.words import word_tables
from guide.ui import load_ui
from guide.views import flow_view

from ..conftest import MINI, TODAY, missing_tool
from ..node_engine import differences, node_missing_reason, python_side, run_node, written_form

GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "search"
# A page of prose beside the guides, as the site's own pages are: its headings are sections too.
ABOUT = {
    "id": "# Tentang panduan ini\n\nPanduan ini bukan milik TikTok.\n\n## Kapan diperiksa\n\nSetiap bulan.\n",
    "en": "# About this guide\n\nThis guide is not run by TikTok.\n\n## When it was checked\n\nEvery month.\n",
}


@functools.cache
def mini_index(lang: str) -> dict[str, Any]:
    """The index of the small guide: a page per flow (its title, summary and guide), and a page of prose."""
    guide = load_guide(MINI, TODAY)
    ui = load_ui(lang)
    words = keywords(types.SimpleNamespace(guide=guide, lang=lang))
    parts = word_tables(lang).parts
    sections: list[Section] = page_sections(page_prose(ABOUT[lang]), "about.html", [], ui, False)
    for flow in guide.flows:
        view = flow_view(guide, flow.id, lang, ui, TODAY)
        prose = page_prose(f"# {flow.title[lang]}\n\n{flow.summary[lang]}\n")
        sections += page_sections(prose, f"{flow.id}.html", [(view, words)], ui, False, flow.summary[lang], parts)
    return build_index(sections, lang, common=(), fallback=())[0]


def golden(lang: str) -> list[dict[str, Any]]:
    return json.loads((GOLDEN / f"{lang}.json").read_text(encoding="utf-8"))


def variants(term: str) -> list[str]:
    """Ways a reader may type a word of the site: as it is, half typed, with two letters swapped, a letter left out,
    without its vowels, and behind the trace of a prefix."""
    out = [term, term[:3], term[:1] + term[2:3] + term[1:2] + term[3:], term[:-1]]
    out += [term[:1] + "".join(c for c in term[1:] if c not in "aeiou"), f"d{term}", f"di{term}kan", f"{term}nya"]
    return out


def queries(lang: str) -> list[str]:
    """Every way of typing each word of the index, every golden case, and every fifth example of the language's
    examples (buyers' questions the small guide mostly cannot answer, so the typo and texting paths run often)."""
    terms = sorted(term for term in mini_index(lang)["terms"] if " " not in term)
    out = [case["query"] for case in golden(lang)] + [v for term in terms for v in variants(term)]
    out += [example.text for example in read_examples(lang)[::5]]
    return list(dict.fromkeys(out))


@pytest.fixture()
def node() -> None:
    missing_tool("Node", node_missing_reason())


def test_engine_js_searches_the_small_guide_as_the_python_does(node: None, lang: str) -> None:
    asked = queries(lang)
    texts = [doc[1] for doc in mini_index(lang)["docs"]] + [ABOUT[lang]]
    assert len(asked) > 300
    assert differences(written_form(mini_index(lang)), asked, texts) == []


def test_the_python_engine_gives_the_golden_cases(lang: str) -> None:
    cases = golden(lang)
    got = python_side(mini_index(lang), [case["query"] for case in cases])["queries"]
    assert [expected(case, found) for case, found in zip(cases, got, strict=True)] == cases


def test_engine_js_gives_the_golden_cases(node: None, lang: str) -> None:
    cases = golden(lang)
    got = run_node(written_form(mini_index(lang)), [case["query"] for case in cases])["queries"]
    assert [expected(case, found) for case, found in zip(cases, got, strict=True)] == cases


def expected(case: dict[str, Any], found: list[Any]) -> dict[str, Any]:
    """A golden case with what an engine gave for its query."""
    clauses, count, top = found
    return {"case": case["case"], "query": case["query"], "clauses": clauses, "results": count, "top": top}


def write_golden() -> None:
    """Write each language's golden cases again from the Python engine, keeping their names and queries."""
    for lang in codes():
        cases = golden(lang)
        got = python_side(mini_index(lang), [case["query"] for case in cases])["queries"]
        text = dump([expected(c, f) for c, f in zip(cases, got, strict=True)])
        (GOLDEN / f"{lang}.json").write_text(text, encoding="utf-8")
        print(f"{GOLDEN / f'{lang}.json'}: {len(cases)} cases")


def dump(cases: list[dict[str, Any]]) -> str:
    """The cases as JSON that a diff reads well: a line per field, and one per result."""

    def one(case: dict[str, Any]) -> str:
        said = lambda value: json.dumps(value, ensure_ascii=False)  # noqa: E731
        top = ",\n           ".join(said(row) for row in case["top"])
        fields = [f'"case": {said(case["case"])}', f'"query": {said(case["query"])}']
        fields += [f'"clauses": {said(case["clauses"])}', f'"results": {case["results"]}', f'"top": [{top}]']
        return "  {" + ",\n   ".join(fields) + "}"

    return "[\n" + ",\n".join(one(case) for case in cases) + "\n]\n"


if __name__ == "__main__":
    write_golden()
    sys.exit(0)
