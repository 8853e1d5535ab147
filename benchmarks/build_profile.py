#!/usr/bin/env python3
"""Where a warm build's time goes: each hook and plugin event, each post-build step, and the profile's top items.

    .venv/bin/python -m benchmarks.build_profile [--top 25] [--cold] [--stock]

Builds each language the way ``make build`` does (one process each, here one after the other so the figures do
not share the cores), with the project's ``.cache/`` warm (``--cold``: emptied first), into a temporary folder.
For each language it prints the wall time of the process's parts (importing, reading the config, building), each
builder event summed over the hooks and plugins that handle it, and each post-build step of ``guide/postbuild/``;
then, in a second build under cProfile, the functions with the most time of their own and this project's functions
by total time. ``--stock`` does the same for the stock Material build of the same pages (benchmarks/stock.py), to
set the two side by side. Timings are printed, never asserted; ``benchmarks.build_time`` gives the ratio to stock.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from guide.languages import languages
from guide.paths import ROOT

STARTED = time.perf_counter()  # as early as this module runs: what came before is Python's own start


def profile_one(config: Path, out: Path, top: int) -> dict[str, Any]:
    """Build one language in this process under cProfile; the timings and the profile's text."""
    imported = time.perf_counter()
    import properdocs.replacement  # noqa: F401  (as `properdocs build` does first: plugins written for mkdocs load)
    from properdocs.commands.build import build
    from properdocs.config import load_config
    from properdocs.plugins import PluginCollection

    import guide.postbuild as steps

    events: dict[str, float] = defaultdict(float)
    run_event = PluginCollection.run_event

    def timed_event(self: PluginCollection, name: str, *args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return run_event(self, name, *args, **kwargs)
        finally:
            events[name] += time.perf_counter() - start

    PluginCollection.run_event = timed_event  # type: ignore[method-assign]
    post: dict[str, float] = defaultdict(float)

    def timed_step(name: str, step: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return step(*args, **kwargs)
            finally:
                post[name] += time.perf_counter() - start

        return call

    for name in step_names(steps):
        setattr(steps, name, timed_step(name, getattr(steps, name)))
    profile = cProfile.Profile()
    loaded = time.perf_counter()
    if top:
        profile.enable()
    cfg = load_config(config_file=str(config), site_dir=str(out), strict=True)
    built = time.perf_counter()
    build(cfg)
    profile.disable()
    done = time.perf_counter()
    text = io.StringIO()
    if top:
        stats = pstats.Stats(profile, stream=text)
        stats.sort_stats("tottime").print_stats(top)
        stats.sort_stats("cumulative").print_stats(str(ROOT / "(guide|hooks|macros)"), top)
    return {
        "parts": {
            "imports (this tool's, then the builder's)": loaded - STARTED,
            "of which: the builder's": loaded - imported,
            "reading the config (and importing its hooks and plugins)": built - loaded,
            "build (the events below and the builder's own work)": done - built,
        },
        "events": dict(sorted(events.items(), key=lambda item: -item[1])),
        "post": dict(post),  # the post-build steps of guide/postbuild/
        "profile": text.getvalue(),
    }


def step_names(module: Any) -> list[str]:
    """The post-build steps ``guide.postbuild.run`` calls: the functions it takes from its own modules."""
    return [
        name
        for name, value in vars(module).items()
        if callable(value) and getattr(value, "__module__", "").startswith(f"{module.__name__}.")
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=25, help="how many functions of each profile list to print")
    parser.add_argument("--cold", action="store_true", help="empty the project's .cache/ first")
    parser.add_argument("--stock", action="store_true", help="the stock Material build of the same pages instead")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)  # the child process: one language's config
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(profile_one(args.one, args.out, args.top)))
        return 0
    if args.cold:
        shutil.rmtree(ROOT / ".cache", ignore_errors=True)
    with tempfile.TemporaryDirectory() as tmp:
        project = ROOT
        if args.stock:
            from .stock import stock_project

            project = stock_project(Path(tmp) / "stock")
        for lang in languages():
            wall, found = _child(project / lang.config, Path(tmp) / lang.code, 0)  # the profiler slows Python code
            print(f"== {lang.code} ({lang.config}{', stock' if args.stock else ''}): {wall:.2f} s in all")
            for title in ("parts", "events", "post"):
                print(f"  {title}:")
                for name, seconds in found[title].items():
                    if seconds >= 0.0005:
                        print(f"    {name:58} {seconds:6.3f} s")
            if args.top:
                print(_child(project / lang.config, Path(tmp) / lang.code, args.top)[1]["profile"])
    return 0


def _child(config: Path, out: Path, top: int) -> tuple[float, dict[str, Any]]:
    """Build one language in a process of its own, as scripts/build.py does; its wall time and what it found."""
    cmd = [sys.executable, "-m", "benchmarks.build_profile", "--top", str(top), "--one", str(config), "--out", str(out)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    start = time.perf_counter()
    ran = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if ran.returncode:
        raise SystemExit(f"{config.name} failed to build:\n{ran.stderr}")
    return time.perf_counter() - start, json.loads(ran.stdout.splitlines()[-1])


if __name__ == "__main__":
    sys.exit(main())
