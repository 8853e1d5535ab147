"""Shared fixtures and helpers: the real guide and a small one, the small project, one strict build of every
language per test run with its server (made by the first worker that needs them: tests/shared.py), Chromium,
and the CPU-time ratios that stand in for deadlines.

Layers (see CONTRIBUTING.md): tests/unit (pure functions, inline cases), tests/data (the content, and bad data),
tests/render (components, drawn from tests/fixtures/mini.yaml), tests/site (the built site) and
tests/browser (the built site in Chromium).
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from guide import paths
from guide.errors import DataError
from guide.language_site import LanguageSite
from guide.languages import codes, language, languages
from guide.load import load_guide
from guide.model import Guide
from guide.search.words import word_tables
from scripts.build import build_site
from scripts.loopback import CHROMIUM, CHROMIUM_ARGS

from . import shared

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI = FIXTURES / "mini.yaml"
TODAY = dt.date(2026, 12, 6)  # the date the data and bad-data tests check against
# The repository and the address the test builds send "report a changed step" to (REPO_URL, FEEDBACK_EMAIL).
TEST_REPO = "https://github.com/example/panduan-pesanan"
TEST_FEEDBACK = "tanya@example.org"


# --- the data ----------------------------------------------------------------------------------------------


@functools.cache
def real_guide() -> tuple[Guide | None, str]:
    """The real guide, data/steps.yaml, checked as a build checks it, or why it does not load: read once per process
    (the collection names tests by it in several files; the tests share it, as they share a session fixture)."""
    try:
        return load_guide(paths.GUIDE_DATA, dt.date.today()), ""
    except DataError as exc:
        return None, str(exc)


@pytest.fixture(scope="session")
def guide() -> Guide:
    """The real guide, data/steps.yaml, checked as a build checks it."""
    loaded, problem = real_guide()
    if loaded is None:
        pytest.fail(f"data/steps.yaml does not load:\n{problem}", pytrace=False)
    return loaded


def guide_ids() -> list[str]:
    """The real guides' ids, to name tests by at collection; if the data does not load, none (the tests that need
    the data then fail with its own message, instead of the collection stopping)."""
    loaded, _ = real_guide()
    return [flow.id for flow in loaded.flows] if loaded else []


@pytest.fixture(scope="session")
def mini() -> Guide:
    """The small guide of tests/fixtures/mini.yaml."""
    return load_guide(MINI, TODAY)


@functools.cache
def _mini_text() -> str:
    return MINI.read_text(encoding="utf-8")


@pytest.fixture()
def mini_data() -> dict[str, Any]:
    """A fresh copy of the small guide's data, to change and write back with ``write_data``."""
    return copy.deepcopy(yaml.safe_load(_mini_text()))


class _PlainDumper(yaml.SafeDumper):
    """Writes shared values out in full: the loader refuses YAML aliases, as it should."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False)


@pytest.fixture()
def write_data(tmp_path: Path) -> Callable[[Any], Path]:
    def write(data: Any, name: str = "steps.yaml") -> Path:
        path = tmp_path / name
        path.write_text(dump(data), encoding="utf-8")
        return path

    return write


@pytest.fixture()
def data_error() -> Callable[[Path], str]:
    """The message of the DataError that loading this file gives (the test fails if it loads)."""

    def error(path: Path) -> str:
        with pytest.raises(DataError) as caught:
            load_guide(path, TODAY)
        return str(caught.value)

    return error


def flow_of(data: dict[str, Any], flow_id: str) -> dict[str, Any]:
    return next(f for f in data["flows"] if f["id"] == flow_id)


@pytest.fixture(scope="session", params=codes())
def lang(request: pytest.FixtureRequest) -> str:
    return request.param


def prefix(lang: str) -> str:
    """A language's folder under the site's address ("" or "en/")."""
    return language(lang).prefix


@pytest.fixture(scope="session")
def mini_site() -> Callable[[str], LanguageSite]:
    """The small guide drawn in one language."""
    guide = load_guide(MINI, TODAY)
    return functools.cache(lambda lang, **kw: LanguageSite.make(guide, lang, TODAY, **kw))


def cpu_seconds(work: Callable[[], Any], repeat: int = 3) -> float:
    """The least CPU time of ``repeat`` runs of ``work``: this process's own time, so that other processes on a
    busy machine do not count. Tests compare two of these, never one with a number of seconds."""
    best = float("inf")
    for _ in range(repeat):
        began = time.process_time()
        work()
        best = min(best, time.process_time() - began)
    return best


def growth(small: Callable[[], Any], large: Callable[[], Any], repeat: int = 5) -> float:
    """How many times the CPU time of ``small`` ``large`` takes: the least of ``repeat`` runs of each, taken in
    turn so that a slow moment of the machine falls on both alike."""
    smalls, larges = [], []
    for _ in range(repeat):
        smalls.append(cpu_seconds(small, 1))
        larges.append(cpu_seconds(large, 1))
    return min(larges) / max(min(smalls), 1e-6)


# --- the built site ----------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def shared_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The temporary folder every xdist worker of this run shares (tests/shared.py)."""
    return shared.shared_root(tmp_path_factory.getbasetemp())


def _make_site(root: Path) -> dict[str, Any]:
    folder = root / "site"
    port, pid = shared.start_server(folder, shared.run_owner())
    url = f"http://127.0.0.1:{port}/"
    build_site(folder, url, {"REPO_URL": TEST_REPO, "FEEDBACK_EMAIL": TEST_FEEDBACK})
    return {"folder": str(folder), "url": url, "server": pid}


@pytest.fixture(scope="session")
def _site(shared_root: Path) -> dict[str, Any]:
    """Every language, built strictly once per test run (by whichever worker asks first), and served."""
    try:
        return shared.once(shared_root, "site", lambda: _make_site(shared_root))
    except shared.Failed as exc:
        pytest.fail(f"the site did not build:\n{exc}", pytrace=False)


@pytest.fixture(scope="session")
def built_site(_site: dict[str, Any]) -> Path:
    """The built site's folder (every language), built for the address the test server serves it at."""
    return Path(_site["folder"])


@pytest.fixture(scope="session")
def site_url(_site: dict[str, Any]) -> str:
    return _site["url"]


@pytest.fixture(scope="session")
def server(_site: dict[str, Any]) -> str:
    """The address of the test server of the built site: one for the whole run, shared by the workers."""
    return _site["url"]


def mini_project(folder: Path, data: Path = MINI) -> Path:
    """A small project to build: the configs, two pages a language and a few search examples of
    tests/fixtures/project/, the small guide (``data``) as its data/steps.yaml, a page for each of its guides, and
    this project's theme, hooks and macros. A build of it checks the build command without the real content."""
    shutil.copytree(FIXTURES / "project", folder)
    for code in ("overrides", "hooks", "macros"):
        shutil.copytree(paths.ROOT / code, folder / code, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(data, folder / "data" / "steps.yaml")
    for lang in languages():
        for flow in yaml.safe_load(_mini_text())["flows"]:
            title = flow["title"][lang.code]
            page = f'---\ntitle: {title}\nrender_macros: true\n---\n\n# {title}\n\n{{{{ flow("{flow["id"]}") }}}}\n'
            (folder / lang.docs / f"{flow['id']}.md").write_text(page, encoding="utf-8")
        # The sections an empty search box offers are named in data/search/<lang>.yml: this page has them.
        tables = word_tables(lang.code)
        offered = "".join(f"\n## {ident} {{: #{ident} }}\n\n{ident}.\n" for ident in (*tables.common, *tables.fallback))
        (folder / lang.docs / "offered.md").write_text(f"# Offered\n{offered}", encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def mini_built(shared_root: Path) -> dict[str, Path]:
    """The small project built once per test run, from nothing (no .cache/): ``project`` (with the .cache/ that
    build left, which a copy of the project starts from) and ``site``. Neither is to be changed."""

    def make() -> dict[str, Any]:
        project = mini_project(shared_root / "mini-project")
        build_site(shared_root / "mini-site", project=project)
        return {"project": str(project), "site": str(shared_root / "mini-site")}

    try:
        return {key: Path(value) for key, value in shared.once(shared_root, "mini-project", make).items()}
    except shared.Failed as exc:
        pytest.fail(f"the small project did not build:\n{exc}", pytrace=False)


@pytest.fixture(scope="session")
def mini_cache(mini_built: dict[str, Path]) -> Path:
    """The small project's .cache/ after a build, made once per test run: a copy of the project starts from it."""
    return mini_built["project"] / ".cache"


@pytest.fixture()
def project(tmp_path: Path, mini_cache: Path) -> Path:
    """A copy of the small project of its own (``tmp_path/project``) to change, its cache as a build left it."""
    folder = mini_project(tmp_path / "project")
    shutil.copytree(mini_cache, folder / ".cache")
    return folder


def run_build(site: Path, project: Path = paths.ROOT) -> subprocess.CompletedProcess[str]:
    """`python -m scripts.build` (what `make build` runs) for ``project``, as a person would run it."""
    return subprocess.run(
        [sys.executable, "-m", "scripts.build", "--site-dir", str(site), "--project", str(project)],
        cwd=paths.ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


# --- the browser -------------------------------------------------------------------------------------------


def missing_tool(what: str, reason: str | None) -> None:
    """Skip with the reason locally; under REQUIRE_BROWSER=1 (CI) a missing tool is a failure."""
    if reason:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)


def browser_missing_reason() -> str | None:
    if not CHROMIUM.exists():
        return f"Chromium not found at {CHROMIUM} (install Debian's chromium, or set CHROMIUM)"
    if shutil.which(str(CHROMIUM)) is None:
        return f"{CHROMIUM} is not executable"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    missing_tool("Chromium", browser_missing_reason())
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser: Any, server: str) -> Iterator[Any]:
    # No service worker: these tests route the page's requests, which a worker's own fetches would bypass
    # (reading offline is tested with the worker in tests/browser/test_offline.py).
    context = browser.new_context(viewport={"width": 412, "height": 823}, base_url=server, service_workers="block")
    tab = context.new_page()
    yield tab
    context.close()


# --- the count of each layer ------------------------------------------------------------------------------

LAYERS = ("unit", "data", "render", "site", "browser")
COLLECTED = pytest.StashKey[set[str]]()  # the test files this run collected, before -k, -m or --deselect


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Note the files of every collected test before any is deselected (tests/unit/test_collection.py reads it)."""
    config.stash[COLLECTED] = {item.nodeid.split("::", 1)[0] for item in items}


def layer(nodeid: str) -> str:
    """The layer of a test: the folder under tests/ (``tests/site/test_pages.py::…`` is ``site``)."""
    parts = nodeid.split("::", 1)[0].split("/")
    return parts[1] if len(parts) > 2 and parts[0] == "tests" else "other"


def per_layer(nodeids: Iterable[str]) -> str:
    counts = Counter(layer(nodeid) for nodeid in nodeids)
    order = [*LAYERS, *sorted(set(counts) - set(LAYERS))]
    return ", ".join(f"{name} {counts[name]}" for name in order if counts[name])


def pytest_report_collectionfinish(config: pytest.Config, items: list[pytest.Item]) -> str:
    """Without workers: what was collected, per layer."""
    return f"collected per layer: {per_layer(item.nodeid for item in items)}"


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_node_collection_finished(node: Any, ids: list[str]) -> None:
    """With workers (each collects every test): what the first one collected, per layer, once."""
    config = node.config
    if not getattr(config, "_layers_told", False):
        config._layers_told = True
        reporter = config.pluginmanager.get_plugin("terminalreporter")
        if reporter:
            reporter.write_line(f"collected per layer: {per_layer(ids)}")


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    """The outcome of each layer, at the end of the run."""
    lines = []
    for outcome in ("passed", "failed", "error", "skipped", "xfailed", "xpassed"):
        reports = [r for r in terminalreporter.stats.get(outcome, []) if getattr(r, "nodeid", "")]
        if reports:
            lines.append(f"{outcome}: {per_layer(r.nodeid for r in reports)}")
    if lines:
        terminalreporter.write_sep("-", "per layer")
        for line in lines:
            terminalreporter.write_line(line)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """With REQUIRE_BROWSER=1 (as in CI), any skipped test fails the run: nothing may pass by skipping."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if os.environ.get("REQUIRE_BROWSER") == "1" and skipped:
        reporter.write_line(f"REQUIRE_BROWSER=1: {skipped} test(s) skipped, which counts as a failure", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
