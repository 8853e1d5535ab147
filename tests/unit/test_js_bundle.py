"""The site's script is joined from one file per component (guide/postbuild/js.py): every file is in the bundle,
in its declared order, each component in its own scope, and the result is JavaScript that parses."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import playwright
import pytest

from guide.errors import DataError
from guide.postbuild import js

NODE = Path(playwright.__file__).parent / "driver" / "node"  # Node ships inside the Playwright package


def parses(text: str, tmp_path: Path, name: str = "bundle.js") -> str:
    """Node's syntax check of a script: "" when it parses, else Node's message."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    run = subprocess.run([str(NODE), "--check", str(path)], capture_output=True, text=True, check=False)
    return run.stderr


def test_every_component_file_is_in_the_bundle() -> None:
    assert js.undeclared() == []
    assert all((js.SOURCES / f"{name}.js").is_file() for name in (js.CORE, *js.SITE_JS))


def test_the_bundle_is_core_then_each_component_in_its_declared_order_and_scope() -> None:
    text = js.site_script()
    marks = [text.index(f"/* --- {name}.js --- */") for name in (js.CORE, *js.SITE_JS)]
    assert marks == sorted(marks)
    assert text.count("(function () {") >= len(js.SITE_JS) + 1
    assert text.rstrip().endswith("})();")


def test_the_site_script_parses(tmp_path: Path) -> None:
    assert parses(js.site_script(), tmp_path) == ""


def test_a_component_file_no_bundle_lists_stops_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = tmp_path / "js"
    shutil.copytree(js.SOURCES, sources)
    (sources / "stray.js").write_text("ready(function () {});\n", encoding="utf-8")
    monkeypatch.setattr(js, "SOURCES", sources)
    with pytest.raises(DataError, match=r"stray\.js is in no bundle"):
        js.bundle_js(tmp_path / "site")


def test_the_bundle_replaces_the_copied_sources(tmp_path: Path) -> None:
    copied = tmp_path / "site" / "assets" / "js"
    copied.mkdir(parents=True)
    (copied / "core.js").write_text("// copied by MkDocs\n", encoding="utf-8")
    js.bundle_js(tmp_path / "site")
    assert not copied.exists()
    assert (tmp_path / "site" / "assets" / "site.js").read_text(encoding="utf-8") == js.site_script()


def test_the_search_module_is_the_engine_then_the_results_it_draws_and_parses(tmp_path: Path) -> None:
    text = js.search_module()
    assert text.startswith(js.ENGINE.read_text(encoding="utf-8"))
    assert "export function attach(" in text and 'from "./search-engine.js"' not in text
    assert parses(text, tmp_path, "search-engine.mjs") == ""


def test_the_snippets_module_is_written_as_it_is_and_parses(tmp_path: Path) -> None:
    js.bundle_js(tmp_path / "site")
    text = (tmp_path / "site" / "assets" / "search-snippets.js").read_text(encoding="utf-8")
    assert text == js.source(js.SEARCH_SNIPPETS) and "export function snippet(" in text
    assert parses(text, tmp_path, "search-snippets.mjs") == ""


def test_the_results_may_import_only_what_the_engine_exports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = tmp_path / "js"
    shutil.copytree(js.SOURCES, sources)
    path = sources / f"{js.SEARCH_RESULTS}.js"
    path.write_text(path.read_text(encoding="utf-8").replace("{ analyze,", "{ analyze, draw,"), encoding="utf-8")
    monkeypatch.setattr(js, "SOURCES", sources)
    with pytest.raises(DataError, match=r"imports draw, which engine\.js does not export"):
        js.search_module()
