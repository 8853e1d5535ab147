"""Shared fixtures and helpers: the real guide and a small one, one strict build of every language, a loopback
server, and Chromium.

Layers (see README): tests/unit (pure functions, inline cases), tests/data (the content, and bad data),
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
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from guide import paths
from guide.errors import DataError
from guide.languages import codes, language
from guide.load import load_guide
from guide.model import Guide
from guide.site import Site
from scripts.build import build_site
from scripts.loopback import CHROMIUM, CHROMIUM_ARGS, free_port, serve

MINI = Path(__file__).resolve().parent / "fixtures" / "mini.yaml"
TODAY = dt.date(2026, 12, 6)  # the date the data and bad-data tests check against
# The repository and the address the test builds send "report a changed step" to (REPO_URL, FEEDBACK_EMAIL).
TEST_REPO = "https://github.com/example/panduan-pesanan"
TEST_FEEDBACK = "tanya@example.org"


# --- the data ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def guide() -> Guide:
    """The real guide, data/steps.yaml, checked as a build checks it."""
    return load_guide(paths.GUIDE_DATA, dt.date.today())


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
def mini_site() -> Callable[[str], Site]:
    """The small guide drawn in one language."""
    guide = load_guide(MINI, TODAY)
    return functools.cache(lambda lang, **kw: Site.make(guide, lang, TODAY, **kw))


class TooSlow(Exception):
    """A test's work took longer than its deadline."""


@pytest.fixture()
def deadline() -> Iterator[Callable[[float], Any]]:
    """``with deadline(2): …`` fails the test if the block takes more than 2 seconds (a hang is a failure)."""
    import contextlib
    import signal

    @contextlib.contextmanager
    def within(seconds: float) -> Iterator[None]:
        def expire(*_: Any) -> None:
            raise TooSlow(f"took more than {seconds} s")

        previous = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)

    yield within


# --- the built site ----------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def site_url(site_port: int) -> str:
    return f"http://127.0.0.1:{site_port}/"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, site_url: str) -> Path:
    """Every language, built strictly, for the address the test server will use."""
    dest = tmp_path_factory.mktemp("build") / "site"
    build_site(dest, site_url, {"REPO_URL": TEST_REPO, "FEEDBACK_EMAIL": TEST_FEEDBACK})
    return dest


@pytest.fixture(scope="session")
def server(built_site: Path, site_port: int, site_url: str) -> Iterator[str]:
    httpd = serve(built_site, site_port)
    yield site_url
    httpd.shutdown()


def run_build(site: Path, data: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m scripts.build` (what `make build` runs) with another data file, as a person would run it."""
    return subprocess.run(
        [sys.executable, "-m", "scripts.build", "--site-dir", str(site)],
        cwd=paths.ROOT,
        env={**os.environ, "GUIDE_DATA": str(data), **(env or {})},
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
    context = browser.new_context(viewport={"width": 412, "height": 823}, base_url=server)
    tab = context.new_page()
    yield tab
    context.close()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """With REQUIRE_BROWSER=1 (as in CI), any skipped test fails the run: nothing may pass by skipping."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if os.environ.get("REQUIRE_BROWSER") == "1" and skipped:
        reporter.write_line(f"REQUIRE_BROWSER=1: {skipped} test(s) skipped, which counts as a failure", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
