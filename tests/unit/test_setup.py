"""What `make setup` installs: every pinned package runs on the project's oldest Python (Debian 12 has 3.11.2)."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib

from packaging.specifiers import SpecifierSet
from packaging.version import Version

from guide import paths


def project_minimum() -> Version:
    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return Version(re.fullmatch(r">=\s*([\d.]+)", project["requires-python"]).group(1))


def pins() -> dict[str, str]:
    lines = (paths.ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    return dict(line.split("==") for line in lines if line and not line.startswith("#"))


def test_every_pin_supports_the_oldest_python_the_project_admits() -> None:
    oldest = project_minimum()
    refused = {}
    for name, version in pins().items():
        meta = importlib.metadata.metadata(name)
        assert meta["Version"] == version, f"{name}: {meta['Version']} is installed, {version} is pinned"
        needed = meta.get("Requires-Python")
        if needed and oldest not in SpecifierSet(needed):
            refused[name] = needed
    assert refused == {}, f"these pins do not install on Python {oldest}"


def test_the_makefile_checks_the_same_minimum() -> None:
    makefile = (paths.ROOT / "Makefile").read_text(encoding="utf-8")
    major, minor = project_minimum().release[:2]
    assert f"sys.version_info >= ({major}, {minor})" in makefile


def test_the_build_backend_is_pinned_as_the_project_asks_for_it() -> None:
    """`make setup` installs the guide package with the setuptools of requirements.txt (no isolated build env): it
    must be the version pyproject.toml's [build-system] names."""
    build = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]
    assert build["requires"] == [f"setuptools=={pins()['setuptools']}"]
    assert "--no-build-isolation" in (paths.ROOT / "Makefile").read_text(encoding="utf-8")
