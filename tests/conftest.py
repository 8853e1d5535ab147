"""Shared fixtures: the real data, one strict build of both languages, a loopback server, and Chromium."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from macros.data import LANGS, load_guide
from scripts.build import ROOT, build_site
from scripts.loopback import CHROMIUM, CHROMIUM_ARGS, free_port, serve

DATA = ROOT / "data" / "steps.yaml"
# The repository the test builds send "report a changed step" links to (REPO_URL).
TEST_REPO = "https://github.com/example/panduan-pesanan"


@pytest.fixture(scope="session")
def guide() -> dict:
    return load_guide(DATA, dt.date.today())


@pytest.fixture(scope="session", params=LANGS)
def lang(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def site_url(site_port: int) -> str:
    return f"http://127.0.0.1:{site_port}/"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, site_url: str) -> Path:
    """Both languages, built strictly, for the address the test server will use."""
    dest = tmp_path_factory.mktemp("build") / "site"
    build_site(dest, site_url, {"REPO_URL": TEST_REPO})
    return dest


@pytest.fixture(scope="session")
def server(built_site: Path, site_port: int, site_url: str) -> Iterator[str]:
    httpd = serve(built_site, site_port)
    yield site_url
    httpd.shutdown()


def browser_missing_reason() -> str | None:
    if not CHROMIUM.exists():
        return f"Chromium not found at {CHROMIUM} (install Debian's chromium, or set CHROMIUM)"
    if shutil.which(str(CHROMIUM)) is None:
        return f"{CHROMIUM} is not executable"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    reason = browser_missing_reason()
    if reason:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser: object, server: str) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 412, "height": 823}, base_url=server)
    tab = context.new_page()
    yield tab
    context.close()


def run_build(site: Path, data: Path) -> subprocess.CompletedProcess[str]:
    """`python -m scripts.build` (what `make build` runs) with another data file, as a person would run it."""
    return subprocess.run(
        [sys.executable, "-m", "scripts.build", "--site-dir", str(site)],
        cwd=ROOT,
        env={**os.environ, "GUIDE_DATA": str(data)},
        capture_output=True,
        text=True,
        check=False,
    )


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """With REQUIRE_BROWSER=1 (as in CI), any skipped test fails the run: nothing may pass by skipping."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if os.environ.get("REQUIRE_BROWSER") == "1" and skipped:
        reporter.write_line(f"REQUIRE_BROWSER=1: {skipped} test(s) skipped, which counts as a failure", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
