"""Where the project's files are: the package sits in the project root, beside ``data/``."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
GUIDE_DATA = DATA / "steps.yaml"
# The schema of the guide data; a build of another project points its builders at that project's schema with
# SCHEMA_DATA (scripts/build.py sets it when the project has its own data/schema.json).
SCHEMA = Path(os.environ.get("SCHEMA_DATA") or DATA / "schema.json")
UI_DIR = DATA / "ui"
SEARCH_WORDS = DATA / "search"
# The language table; a build of another project (tests, benchmarks) points its builders at that project's
# table with LANGUAGES_DATA (scripts/build.py sets it).
LANGUAGES = Path(os.environ.get("LANGUAGES_DATA") or DATA / "languages.yml")
PACKAGE = Path(__file__).resolve().parent
TEMPLATES = PACKAGE / "templates"


def data_path(project: Path, configured: str, override: str | None) -> Path:
    """The guide data a build reads: ``GUIDE_DATA`` (``override``, used by tests) wins over the config's path."""
    return project / (override or configured)


def shown(path: Path) -> str:
    """A path as an editor reads it in an error: relative to the project, when it is inside it."""
    relative = os.path.relpath(path, ROOT)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()
