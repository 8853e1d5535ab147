"""A stock Material for MkDocs build of the same pages, for the benchmarks to compare against.

The guide's pages are pre-rendered (each macro call replaced by its output, as ``build_time.prerender`` does),
then built with Material as it comes: no theme overrides, no hooks, no post-build steps, Material's own
search plugin and its instant navigation, and the guide's stylesheet and script as ``extra_css`` and
``extra_javascript``, so the content looks and works the same (folds, helpers, copy links): the way this site
was built before it dropped Material's bundle. Both languages, the English one under ``en/``, as the real build
lays them out.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from guide.languages import languages
from guide.paths import ROOT
from guide.postbuild.js import site_script
from scripts.build import BUILDER

from .build_time import copy_project, prerender

HOOKS = re.compile(r"^hooks:\n(?:  .*\n|\s*\n)+", re.M)
PLUGINS = re.compile(r"^plugins:\n(?:  .*\n|\s*\n)*", re.M)
CUSTOM_DIR = re.compile(r"^  custom_dir: .*\n", re.M)
FEATURES = re.compile(r"^  features:\n", re.M)


def stock_project(dest: Path) -> Path:
    """A copy of the project whose configs build the pre-rendered pages with stock Material."""
    dest.mkdir(parents=True, exist_ok=True)
    project = copy_project(dest)
    prerender(project)
    for lang in languages():
        assets = project / lang.docs / "assets"
        assets.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "overrides" / "assets" / "guide.css", assets / "guide.css")
        (assets / "site.js").write_text(site_script(), encoding="utf-8")
        config = project / lang.config
        text = config.read_text(encoding="utf-8")
        text = HOOKS.sub("", text)
        text = PLUGINS.sub("plugins:\n  - search\n\n", text)
        if "INHERIT" not in text:
            text = CUSTOM_DIR.sub("", text)
            text = FEATURES.sub("  features:\n    - navigation.instant\n", text)
            text += "\nextra_css:\n  - assets/guide.css\nextra_javascript:\n  - assets/site.js\n"
        config.write_text(text, encoding="utf-8")
    return project


def build_stock(dest: Path, site_url: str, project: Path | None = None) -> Path:
    """Build the stock site into ``dest``, both languages at once as scripts/build.py does; returns ``dest``."""
    with tempfile.TemporaryDirectory() as tmp:
        project = project or stock_project(Path(tmp) / "stock")
        running = []
        for lang in languages():
            out = Path(tmp) / f"out-{lang.code}"
            cmd = [sys.executable, "-m", BUILDER, "build", "--quiet", "-f", str(project / lang.config), "-d", str(out)]
            env = _env(site_url + lang.prefix)
            pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
            proc = subprocess.Popen(cmd, cwd=project, text=True, env=env, **pipes)
            running.append((lang, out, proc))
        for lang, _, proc in running:
            _, err = proc.communicate()
            if proc.returncode:
                raise RuntimeError(f"the stock build of {lang.config} failed:\n{err[-2000:]}")
        shutil.rmtree(dest, ignore_errors=True)
        first, *others = running
        first[1].rename(dest)
        for lang, out, _ in others:
            out.rename(dest / lang.prefix.rstrip("/"))
    return dest


def _env(site_url: str) -> dict[str, str]:
    return {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
