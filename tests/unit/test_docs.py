"""The docs say what is true: every figure they give is the code's, every example the code's own output, every path
and command exists (FastAPI's "generate, then verify": scripts/docs.py writes the examples, this checks)."""

from __future__ import annotations

import importlib.util
import json
import re
import tomllib

import pytest

from guide import paths
from guide.evidence import MIN_GUIDES, RECENT
from guide.views import STALE_AFTER
from guide.yamlfile import MAX_BYTES
from scripts import docs, serve
from scripts.marks import MAX_PER_PAGE, MAX_PER_STEP

from ..conftest import LAYERS

DOCS = [paths.ROOT / name for name in docs.DOCS] + [paths.ROOT / "guide" / "search" / "README.md"]
TOP = ("data/", "docs/", "guide/", "macros/", "hooks/", "overrides/", "scripts/", "tests/", "benchmarks/", ".ci/",
       ".github/")  # fmt: skip


def text(name: str) -> str:
    return (paths.ROOT / name).read_text(encoding="utf-8")


def prose(name: str) -> str:
    """The doc's text with its line breaks as spaces, as a reader reads it."""
    return " ".join(text(name).split())


def test_the_generated_examples_are_up_to_date() -> None:
    assert docs.stale() == [], "run: .venv/bin/python -m scripts.docs"


def test_the_error_example_is_what_the_build_prints() -> None:
    example = docs.error_example()
    assert example in text("EDITING.md")
    assert "steps[2].text.en is empty" in example, "the path counts steps from 1, as the page does"


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.relative_to(paths.ROOT).as_posix())
def test_every_path_a_doc_names_exists(doc) -> None:
    said = doc.read_text(encoding="utf-8")
    named = re.findall(r"\]\(([^)#\s]+)", said) + re.findall(r"`([^`\s]+)`", said)
    missing = []
    for name in named:
        if name.startswith("http") or any(c in name for c in "<>*{"):
            continue
        where = (doc.parent / name) if "](" + name in said else paths.ROOT / name
        if (name.startswith(TOP) or "](" + name in said) and not where.exists():
            missing.append(name)
    assert missing == []


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.relative_to(paths.ROOT).as_posix())
def test_every_command_a_doc_gives_exists(doc) -> None:
    said = doc.read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][\w-]*):", text("Makefile"), re.M))
    assert set(re.findall(r"`make ([a-z][\w-]*)", said)) <= targets
    for module in re.findall(r"python -m ([\w.]+)", said):
        assert importlib.util.find_spec(module) is not None, module


def test_the_readmes_figures_are_the_codes() -> None:
    readme = prose("README.md")
    oldest = re.search(r">=\s*([\d.]+)", tomllib.loads(text("pyproject.toml"))["project"]["requires-python"])[1]
    assert f"Python {oldest} or newer" in readme
    port = re.search(r"^PORT \?= (\d+)", text("Makefile"), re.M)[1]
    assert set(re.findall(r"127\.0\.0\.1:(\d+)", readme)) == {port}
    watched = [f"`{path}/`" for path in sorted(serve.WATCHED) if (paths.ROOT / path).is_dir()]
    assert f"Edit a file under {', '.join(watched[:-1])} or {watched[-1]}" in readme
    assert f"({', '.join(f'`{layer}`' for layer in LAYERS)})" in readme


def test_editings_figures_are_the_codes() -> None:
    editing = prose("EDITING.md")
    assert f"not checked for {STALE_AFTER.days} days" in editing
    assert f"files over {MAX_BYTES // 1024 // 1024} MB" in editing
    defs = json.loads(text("data/schema.json"))["$defs"]
    assert f"up to {defs['targets']['maxItems']} per record" in editing
    assert "the one or two places" in editing and defs["next"]["maxItems"] == 2
    assert (
        f"({MIN_GUIDES} or more unofficial sources from different publishers, each dated {RECENT.year} or later)"
        in editing
    )
    assert f"a guide page carries {MAX_PER_PAGE} at most" in editing and MAX_PER_STEP == 1


def test_the_readme_stays_short_and_every_layer_is_documented() -> None:
    assert len(text("README.md").splitlines()) <= 130, "the README is for a newcomer: move detail to the other docs"
    layers = sorted(p.name for p in (paths.ROOT / "tests").iterdir() if p.is_dir() and any(p.glob("test_*.py")))
    assert sorted(LAYERS) == layers
    assert all(f"`tests/{layer}/`" in text("CONTRIBUTING.md") for layer in layers)
