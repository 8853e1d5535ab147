#!/usr/bin/env python3
"""How long a full build of both languages takes, what the macros cost, and how it scales.

    .venv/bin/python -m benchmarks.build_time [--runs 5] [--flows 10 50 200]

1. Full build of both languages (scripts/build.py, as `make build` runs it): median of --runs.
2. Against stock Material: the same pages pre-rendered and built with Material as it comes
   (benchmarks/stock.py), in the same run; the ratio guide / stock (target <= 1.3). A rebuild reuses what
   ``.cache/`` keeps (checked data, compiled templates, parsed CSS, search word lists), as `make build` and
   `make serve` do; the first build after a clone, with an empty ``.cache/``, is printed beside it.
3. Scaling: synthetic data with 10, 50 and 200 flows (copies of the real ones, each with its own
   page in both languages), built in a temporary folder; time per flow should stay flat.
Timings are printed, never asserted: this machine is noisy, so the ratios, taken in one run, are what to read.
The builds alternate (guide, stock, guide, …) so that a slow moment falls on both.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
import types
from collections.abc import Callable
from pathlib import Path

import jinja2
import yaml

from guide.language_site import MACROS, LanguageSite
from guide.languages import languages
from guide.load import load_guide
from guide.paths import ROOT
from scripts import build

PROJECT_FILES = ("mkdocs.yml", "mkdocs.en.yml", "docs", "overrides", "hooks", "data", "macros")
LANG_DIRS = {lang.code: lang.docs for lang in languages()}
SITE_URL = "http://127.0.0.1:8000/"
MACROS_PLUGIN = re.compile(r"  - macros:\n(?:      .*\n)+")


def median_time(action: Callable[[], None], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def copy_project(dest: Path) -> Path:
    for name in PROJECT_FILES:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / name)
    return dest


def build_in(project: Path, out: Path, env: dict[str, str] | None = None) -> None:
    """scripts/build.py's build, pointed at another copy of the project."""
    build.build_site(out, SITE_URL, env, project=project)


def prerender(project: Path) -> None:
    """Replace every macro call by its output and drop the macros plugin: the no-macro control."""
    guide = load_guide(project / "data" / "steps.yaml", dt.date.today())
    jinja = jinja2.Environment(undefined=jinja2.StrictUndefined)
    for lang, folder in LANG_DIRS.items():
        site = LanguageSite.make(guide, lang, dt.date.today())
        macros = {name: getattr(site, name) for name in MACROS}
        for page in (project / folder).glob("*.md"):
            front, body = page.read_text(encoding="utf-8").replace("render_macros: true\n", "").split("\n---\n", 1)
            prefix = next(x.prefix for x in languages() if x.code == lang)
            url = f"{SITE_URL}{prefix}{page.stem}.html"
            here = types.SimpleNamespace(canonical_url=url, url=f"{page.stem}.html")
            page.write_text(f"{front}\n---\n{jinja.from_string(body).render(page=here, **macros)}", encoding="utf-8")
    for config in (lang.config for lang in languages()):
        path = project / config
        path.write_text(MACROS_PLUGIN.sub("", path.read_text(encoding="utf-8")), encoding="utf-8")


def synthetic(project: Path, flows: int) -> Path:
    """A data file with ``flows`` flows (the real ones, then renamed copies) and a page for each copy."""
    data = yaml.safe_load((project / "data" / "steps.yaml").read_text(encoding="utf-8"))
    real = list(data["flows"])
    for i in range(flows - len(real)):
        twin = copy.deepcopy(real[i % len(real)])
        twin["id"] = f"synthetic-{i:03d}"
        if twin.get("helper"):  # a helper's ids are the site's, not the flow's: each copy needs its own
            twin["helper"]["id"] = f"{twin['id']}-helper"
        data["flows"].append(twin)
        for folder in LANG_DIRS.values():
            page = f"---\ntitle: Synthetic {i}\ndescription: A synthetic flow.\nrender_macros: true\n---\n\n"
            (project / folder / f"{twin['id']}.md").write_text(
                page + f'# Synthetic {i}\n\n{{{{ flow("{twin["id"]}") }}}}\n'
            )
    path = project / "data" / f"synthetic-{flows}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--flows", type=int, nargs="+", default=[10, 50, 200])
    args = parser.parse_args(argv)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; median of {args.runs} runs")
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        from .stock import build_stock, stock_project  # stock.py builds on this module's prerender

        stock = stock_project(base / "stock")
        cold = copy_project((base / "cold").mkdir() or base / "cold")
        mine, theirs, first = [], [], []
        for _ in range(args.runs):
            mine.append(median_time(lambda: build.build_site(base / "site-real", SITE_URL), 1))
            theirs.append(median_time(lambda: build_stock(base / "site-stock", SITE_URL, stock), 1))
            shutil.rmtree(cold / ".cache", ignore_errors=True)
            first.append(median_time(lambda: build_in(cold, base / "site-cold"), 1))
        real, plain_stock, empty = (statistics.median(times) for times in (mine, theirs, first))
        print(f"full build, both languages (with macros):   {real:6.2f} s   target <= 4 s")
        print(f"stock Material build of the same pages:     {plain_stock:6.2f} s")
        print(f"guide / stock:                              {real / plain_stock:6.2f}    target <= 1.3")
        print(f"first build, empty .cache/ (after a clone): {empty:6.2f} s   {empty / plain_stock:.2f} x stock")
        print("\nscaling (both languages)   flows   total    per flow")
        for count in args.flows:
            project = copy_project((base / f"p{count}").mkdir() or base / f"p{count}")
            data = synthetic(project, count)
            total = median_time(
                lambda p=project, d=data: build_in(p, p / "site", {"GUIDE_DATA": str(d)}), max(1, args.runs // 2)
            )
            print(f"{'':27}{count:6} {total:7.2f} s {1000 * total / count:7.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
