"""``guide/search/engine.js`` under Node, side by side with the Python engine it ports (as lunr.py tests itself
against lunr.js): the same index, the same queries, and every difference between the two.

Node is the one inside the Playwright package the project installs (``playwright/driver/node``), or else the
system's (Debian's ``nodejs``); no browser is needed.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from guide.postbuild.js import ENGINE
from guide.search.analyser import analyze
from guide.search.query import Resolver
from guide.search.rank import search
from guide.search.wire import decode, encode

RUNNER = Path(__file__).resolve().parent / "node_engine.mjs"


def node_binary() -> Path | None:
    """Playwright's own Node, or else the system's ``node``."""
    spec = importlib.util.find_spec("playwright")
    if spec is not None and spec.origin is not None:
        bundled = Path(spec.origin).parent / "driver" / "node"
        if bundled.is_file():
            return bundled
    found = shutil.which("node")
    return Path(found) if found else None


@functools.cache
def node_missing_reason() -> str | None:
    """Why engine.js cannot run under Node here, or None."""
    node = node_binary()
    if node is None:
        return "no Node found (neither playwright/driver/node in the venv nor `node` on PATH; apt install nodejs)"
    try:
        subprocess.run([str(node), "--version"], capture_output=True, check=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as error:
        return f"{node} does not run: {error}"
    return None


def run_node(
    written: dict[str, Any], queries: list[str], words: list[str] = (), source: Path = ENGINE
) -> dict[str, Any]:
    """What engine.js gives under Node for each query and word, on ``written`` (search/index.json as written).
    ``source``: the engine to run: guide/search/engine.js, or a built site's minified copy."""
    with tempfile.TemporaryDirectory() as tmp:
        engine = Path(tmp) / "engine.mjs"  # a module whatever Node's version, by its name
        shutil.copyfile(source, engine)
        request = json.dumps({"engine": str(engine), "index": written, "queries": queries, "words": list(words)})
        done = subprocess.run(
            [str(node_binary()), str(RUNNER)], input=request, capture_output=True, text=True, check=False, timeout=600
        )
    if done.returncode:
        raise AssertionError(f"engine.js failed under Node:\n{done.stderr}")
    return json.loads(done.stdout)


def python_side(index: dict[str, Any], queries: list[str], words: list[str] = ()) -> dict[str, Any]:
    """The same as ``run_node`` gives, from the Python engine (the reference), on ``index`` as decoded."""
    resolver = Resolver(index)
    roots = frozenset(term for term in index["terms"] if " " not in term)
    out = []
    for query in queries:
        clauses = [[[t.text, t.weight] for t in clause] for clause in resolver.clauses(query)]
        found = search(index, query, resolver)
        out.append([clauses, len(found), [[href, round(score, 3)] for href, score in found[:5]]])
    return {"queries": out, "words": [analyze(text, index["lang"], roots) for text in words]}


def differences(
    written: dict[str, Any], queries: list[str], words: list[str] = (), source: Path = ENGINE
) -> list[tuple[Any, ...]]:
    """Each query or word on which engine.js (``source``) and the Python engine differ: (it, Node's, Python's)."""
    node = run_node(written, queries, words, source)
    python = python_side(decode(json.loads(json.dumps(written))), queries, words)
    found = [(q, n, p) for q, n, p in zip(queries, node["queries"], python["queries"], strict=True) if n != p]
    return found + [(w, n, p) for w, n, p in zip(words, node["words"], python["words"], strict=True) if n != p]


def written_form(index: dict[str, Any]) -> dict[str, Any]:
    """An index as search/index.json holds it, read back as the browser reads it (JSON)."""
    return json.loads(json.dumps(encode(index), ensure_ascii=False))
