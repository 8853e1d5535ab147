#!/usr/bin/env python3
"""How long a full build of both languages takes, what the macros cost, and how it scales.

    .venv/bin/python -m benchmarks.build_time [--runs 5] [--flows 10 50 200]

1. Full build of both languages (scripts/build.py, as `make build` runs it): median of --runs.
2. Against stock Material: the same pages pre-rendered and built with Material as it comes
   (benchmarks/stock.py), in the same run; the ratio guide / stock (target <= 1.3). A rebuild reuses what
   ``.cache/`` keeps (checked data, compiled templates, drawn guides, parsed CSS, search word lists and learned
   weights), as `make build` and `make serve` do; the first build after a clone, with an empty ``.cache/``, is
   printed beside it, in time and in CPU (both languages build at once, so CPU is what a busy machine pays).
3. An edit: one step's text changed in every language, then the rebuild that `make serve` runs (target: about
   3 s); and whether the search index it learned is the one a build from an empty ``.cache/`` learns.
4. Scaling: synthetic data with 10, 50 and 200 flows (copies of the real ones, each with its own
   page in both languages), built in a temporary folder; time per flow should stay flat.
Timings are printed, never asserted: this machine is noisy, so the ratios, taken in one run, are what to read.
The builds alternate (guide, stock, cold, edit, guide, …) so that a slow moment falls on all.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import os
import re
import resource
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

from guide.ids import GROUP_KINDS
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


def timed(action: Callable[[], None]) -> tuple[float, float]:
    """Wall time and CPU time (user + system, of this process and the builds it starts) of one action."""

    def cpu() -> float:
        own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime

    start, used = time.perf_counter(), cpu()
    action()
    return time.perf_counter() - start, cpu() - used


def edited_step(text: str, n: int) -> str:
    """The data file with the first guide's first step a word longer in every language (its first word again, or
    its second for odd ``n``), as an editor's small change: each ``n`` gives another text than ``n - 1``."""
    flow = yaml.safe_load(text)["flows"][0]
    step = (flow.get("steps") or next(g["steps"] for kind in GROUP_KINDS for g in flow.get(kind, [])))[0]
    for said in step["text"].values():
        words = said.split()
        longer = f"{said.rstrip('.')} {words[n % 2 % len(words)].strip('.,').lower()}."
        assert said in text, f"the step's text is not written as it reads: {said!r}"
        text = text.replace(said, longer, 1)
    return text


def same_index(one: Path, other: Path) -> bool:
    """Whether two built sites have the same search index, byte for byte, in every language."""
    files = [Path(lang.prefix) / "search" / "index.json" for lang in languages()]
    return all((one / f).read_bytes() == (other / f).read_bytes() for f in files)


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
                # the heading's own id: 'Synthetic 100' would take the guide's id (synthetic-100)
                page + f'# Synthetic {i} {{: #{twin["id"]}-title }}\n\n{{{{ flow("{twin["id"]}") }}}}\n'
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
        edit = copy_project((base / "edit").mkdir() or base / "edit")
        data = edit / "data" / "steps.yaml"
        original = data.read_text(encoding="utf-8")
        build_in(edit, base / "site-edit")  # its .cache/ holds the build before the first edit
        mine, theirs, first, edits = [], [], [], []
        for run in range(args.runs):
            mine.append(timed(lambda: build.build_site(base / "site-real", SITE_URL)))
            theirs.append(timed(lambda: build_stock(base / "site-stock", SITE_URL, stock)))
            shutil.rmtree(cold / ".cache", ignore_errors=True)
            first.append(timed(lambda: build_in(cold, base / "site-cold")))
            data.write_text(edited_step(original, run), encoding="utf-8")
            edits.append(timed(lambda: build_in(edit, base / "site-edit")))
        fresh = copy_project((base / "fresh").mkdir() or base / "fresh")
        shutil.copyfile(data, fresh / "data" / "steps.yaml")
        build_in(fresh, base / "site-fresh")
        real, plain_stock, empty, edited = (
            statistics.median(t for t, _ in times) for times in (mine, theirs, first, edits)
        )
        stock_cpu, empty_cpu = (statistics.median(c for _, c in times) for times in (theirs, first))
        print(f"full build, both languages (with macros):   {real:6.2f} s   target <= 4 s")
        print(f"stock Material build of the same pages:     {plain_stock:6.2f} s   CPU {stock_cpu:6.2f} s")
        print(f"guide / stock:                              {real / plain_stock:6.2f}    target <= 1.3")
        print(f"first build, empty .cache/ (after a clone): {empty:6.2f} s   {empty / plain_stock:.2f} x stock; "
              f"CPU {empty_cpu:.2f} s, {empty_cpu / stock_cpu:.2f} x stock")  # fmt: skip
        print(f"an edit to one step, then the rebuild:      {edited:6.2f} s   target about 3 s; "
              f"{edited / plain_stock:.2f} x stock")  # fmt: skip
        same = "yes" if same_index(base / "site-edit", base / "site-fresh") else "NO"
        print(f"the search index after the edit is the one an empty .cache/ gives: {same}")
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
