"""Build both languages into a fresh folder, then swap it in: a failed build never leaves a half-written site.

python -m scripts.build [--site-dir site] [--site-url https://example.org/]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from guide.languages import languages
from guide.paths import ROOT
from guide.postbuild.csp import merge_headers

# ProperDocs, the maintained continuation of MkDocs 1.x: the same output, byte for byte (README, "The builder").
BUILDER = "properdocs"


class BuildError(Exception):
    """A language failed to build; the message is MkDocs' own output."""


def build_site(
    dest: Path, site_url: str | None = None, extra_env: dict[str, str] | None = None, project: Path = ROOT
) -> None:
    """Build every language at once (one process each), assemble them beside ``dest``, then swap in.

    ``project`` is the folder with the configs (another copy of the project, for the benchmarks).
    """
    dest = dest.resolve()
    dest.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{dest.name}-new-", dir=dest.parent))
    langs = languages()
    try:
        outs = [work / f"lang-{lang.code}" for lang in langs]
        env = _env(site_url, extra_env)
        wait_all([start(project / lang.config, out, env) for lang, out in zip(langs, outs, strict=True)])
        site = outs[0]
        for lang, out in zip(langs[1:], outs[1:], strict=True):
            out.rename(site / lang.prefix.rstrip("/"))
        merge_headers(site)
        swap_in(site, dest)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def start(config: Path, out: Path, env: dict[str, str]) -> tuple[str, subprocess.Popen[str]]:
    cmd = [sys.executable, "-m", BUILDER, "build", "--strict", "--quiet", "-f", str(config), "-d", str(out)]
    proc = subprocess.Popen(cmd, cwd=config.parent, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return config.name, proc


def wait_all(builds: list[tuple[str, subprocess.Popen[str]]]) -> None:
    """Wait for every build; if any failed, raise with MkDocs' own words for each."""
    failures = []
    for config, proc in builds:
        out, err = proc.communicate()
        if proc.returncode != 0:
            failures.append(f"{config} failed to build:\n{err.strip() or out.strip()}")
        elif err.strip():
            print(f"{config}: {err.strip()}", file=sys.stderr)  # warnings that do not fail the build
    if failures:
        raise BuildError("\n".join(failures))


def swap_in(fresh: Path, dest: Path) -> None:
    """Replace ``dest`` by ``fresh`` with two renames, so readers never see a mix."""
    old = dest.with_name(f".{dest.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if dest.exists():
        dest.rename(old)
    fresh.rename(dest)
    shutil.rmtree(old, ignore_errors=True)


def _env(site_url: str | None, extra: dict[str, str] | None) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", **(extra or {})}
    if site_url:
        env["SITE_URL"] = site_url
    return env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--site-url", help="the site's public address (default: SITE_URL, else mkdocs.yml)")
    args = parser.parse_args(argv)
    try:
        build_site(args.site_dir, args.site_url)
    except BuildError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Built {', '.join(lang.config for lang in languages())} into {args.site_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
