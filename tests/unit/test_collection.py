"""Every test file is collected: a folder pytest skips by default (such as one named ``build``) would hide its tests
from `make test` and CI, and a test that never runs holds nothing."""

from __future__ import annotations

import subprocess
import sys

import pytest

from guide import paths

from ..conftest import COLLECTED


def collected_files(config: pytest.Config) -> set[str]:
    """The test files a plain `pytest` (what `make test` runs) collects, as paths from the project root: this run's
    own collection when it is one (no paths given, none ignored: `make test`), else a plain collection of its own."""
    plain = config.args_source is pytest.Config.ArgsSource.TESTPATHS
    if plain and not (config.option.ignore or config.option.ignore_glob) and COLLECTED in config.stash:
        return config.stash[COLLECTED]
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:xdist", "-p", "no:cacheprovider"],
        cwd=paths.ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    return {line.split("::", 1)[0] for line in run.stdout.splitlines() if "::" in line}


def test_every_test_file_is_collected(pytestconfig: pytest.Config) -> None:
    files = {p.relative_to(paths.ROOT).as_posix() for p in (paths.ROOT / "tests").rglob("test_*.py")}
    assert files, "no test files found"
    assert sorted(files - collected_files(pytestconfig)) == []
