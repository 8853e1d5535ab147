"""Build both languages into a fresh folder, then swap it in: a failed build never leaves a half-written site.

python -m scripts.build [--site-dir site] [--site-url https://example.org/] [--project .]
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from guide import paths
from guide.build_date import epoch_problem
from guide.errors import DataError
from guide.languages import Language, languages
from guide.paths import ROOT
from guide.postbuild.csp import merge_headers
from guide.urls import site_root
from guide.yamlfile import read_yaml

# ProperDocs, the maintained continuation of MkDocs 1.x: the same output, byte for byte (CONTRIBUTING.md, "The
# builder and the theme").
BUILDER = "properdocs"


class BuildError(Exception):
    """A language failed to build; the message is MkDocs' own output."""


def build_site(
    dest: Path,
    site_url: str | None = None,
    extra_env: dict[str, str] | None = None,
    project: Path = ROOT,
    progress: Callable[[str], None] | None = None,
) -> None:
    """Build every language at once (one process each), assemble them beside ``dest``, then swap in.

    ``project`` is the folder with the configs (another copy of the project, for the benchmarks and tests).
    ``progress``, if given, is told when the languages start and as each one is done.
    """
    dest = dest.resolve()
    dest.parent.mkdir(parents=True, exist_ok=True)
    if dest.exists() and not dest.is_dir():
        raise BuildError(f"{dest} is not a folder: move it away, and build again")
    remove_leftovers(dest)
    env = {**_env(site_url, extra_env)}
    if "SOURCE_DATE_EPOCH" in env and (problem := epoch_problem(env["SOURCE_DATE_EPOCH"])):
        raise BuildError(problem)
    try:  # before the builders, whose config reader would refuse it without naming SITE_URL
        if env.get("SITE_URL"):
            site_root(env["SITE_URL"])
    except DataError as exc:
        raise BuildError(str(exc)) from None
    table = language_table(project)
    try:
        langs = languages(table)
    except DataError as exc:
        raise BuildError(str(exc)) from None
    work = Path(tempfile.mkdtemp(prefix=f".{dest.name}-new-{os.getpid()}-", dir=dest.parent))
    try:
        outs = [work / f"lang-{lang.code}" for lang in langs]
        env["LANGUAGES_DATA"] = str(table)
        env["SCHEMA_DATA"] = str(project_data(project, "schema.json", paths.SCHEMA))
        builds = [start(project / lang.config, out, env) for lang, out in zip(langs, outs, strict=True)]
        if progress:
            first = "" if (project / ".cache").is_dir() else " (the first build fills .cache/, so it takes longer)"
            progress(f"building {', '.join(lang.code for lang in langs)}, one process each{first}…")
        wait_all(builds, langs, progress)
        for lang, out in zip(langs, outs, strict=True):
            check_page_languages(table, lang, out)
        site = outs[0]
        for lang, out in zip(langs[1:], outs[1:], strict=True):
            out.rename(site / lang.prefix.rstrip("/"))
        merge_headers(site)
        swap_in(site, dest)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def language_table(project: Path) -> Path:
    """The language table of ``project``: its data/languages.yml, or this project's when it has none."""
    return project_data(project, "languages.yml", paths.LANGUAGES)


def project_data(project: Path, name: str, default: Path) -> Path:
    """``project``'s own data/<name>, or ``default`` (this project's) when it has none."""
    own = project / "data" / name
    return own if own.is_file() else default


HTML_LANG = re.compile(rb"<html\b[^>]*?\blang=\"([^\"]*)\"")


def check_page_languages(table: Path, lang: Language, out: Path) -> None:
    """Every page a language's config built says that language (``<html lang>``): a table whose rows name each
    other's configs would otherwise publish one language's pages under the other's address."""
    for page in sorted(out.rglob("*.html")):
        found = HTML_LANG.search(page.read_bytes()[:4096])
        said = found[1].decode("ascii", "replace") if found else None
        if said != lang.code:
            row = next(i for i, row in enumerate(languages(table)) if row.code == lang.code)
            line = read_yaml(table, "a list of languages", yaml.SequenceNode).lines.get((row, "config"), 1)
            raise BuildError(
                f"{paths.shown(table)}:{line}: [{row + 1}].config names {lang.config}, whose pages are not in "
                f"'{lang.code}' ({page.relative_to(out).as_posix()} has lang=\"{said}\"): does each row name its "
                "own language's config?"
            )


def remove_leftovers(dest: Path) -> None:
    """Remove what an interrupted build left beside ``dest``: its work folders (``.site-new-<pid>-…``) whose
    process is gone, and a ``.site-old`` a swap did not finish removing. A swap interrupted between its two renames
    left ``.site-old`` and no ``dest``: that is the last good site, so it is put back, never removed."""
    pattern = re.compile(rf"\.{re.escape(dest.name)}-new-(\d+)-")
    for path in dest.parent.glob(f".{dest.name}-new-*"):
        found = pattern.match(path.name)
        if found is None or not _alive(int(found[1])):
            shutil.rmtree(path, ignore_errors=True)
    restore_old(dest)


def restore_old(dest: Path) -> None:
    """Put ``.site-old`` back as ``dest`` when ``dest`` is missing (an interrupted swap); else remove it."""
    old = dest.with_name(f".{dest.name}-old")
    if old.is_dir() and not dest.exists() and not dest.is_symlink():
        try:
            old.rename(dest)
            return
        except OSError:
            pass
    shutil.rmtree(old, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # a folder of this process from before is a leftover too
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def start(config: Path, out: Path, env: dict[str, str]) -> tuple[str, subprocess.Popen[str]]:
    cmd = [sys.executable, "-m", BUILDER, "build", "--strict", "-f", str(config), "-d", str(out)]
    proc = subprocess.Popen(cmd, cwd=config.parent, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return config.name, proc


def wait_all(
    builds: list[tuple[str, subprocess.Popen[str]]],
    langs: tuple[Language, ...],
    progress: Callable[[str], None] | None = None,
) -> None:
    """Wait for every build; if any failed, raise with MkDocs' own words for each."""
    failures = []
    docs = {lang.config: lang.docs for lang in langs}
    code = {lang.config: lang.code for lang in langs}
    began = time.monotonic()
    for config, proc in builds:
        out, err = proc.communicate()
        if progress:
            outcome = "built" if proc.returncode == 0 else "failed"
            progress(f"  {code.get(config, config)} {outcome} ({config}, {time.monotonic() - began:.0f} s)")
        said = messages(err, docs.get(config, ""))
        if proc.returncode != 0:
            failures.append(f"{config} failed to build:\n{said or (err.strip() or out.strip())}")
        elif said:
            print(f"{config}: {said}", file=sys.stderr)  # warnings that do not fail the build
    if failures:
        raise BuildError("\n".join(failures))


LOG_ENTRY = re.compile(r"^(DEBUG|INFO|WARNING|ERROR|CRITICAL)\s+-\s+", re.M)
FENCED = re.compile(r"```.*?(```|\Z)", re.S)  # the traceback (or the code) mkdocs-macros puts under an error
# mkdocs-macros' Markdown around a page's error: its header, the page, the line, the kind of error
MACROS_HEADER = re.compile(r"\[macros\] - ERROR # _Macro \w+ Error_")
MACROS_FILE = re.compile(r"_File_: `([^`\n]*)`")
MACROS_LINE = re.compile(r"_Line (\d+) in Markdown file:_")
MACROS_KIND = re.compile(r"_\w+_: |\*\*")


def messages(log: str, docs: str = "") -> str:
    """The warnings and errors of a builder's log, one line each, without its progress lines or tracebacks: a
    page's macro error reads ``docs/en/about.md: unknown flow id 'no-such-flow' …`` or ``docs/en/about.md:28:
    unexpected '}'`` (``docs``: the language's pages folder)."""
    starts = [m.start() for m in LOG_ENTRY.finditer(log)] + [len(log)]
    kept = []
    for begin, end in itertools.pairwise(starts):
        entry = log[begin:end]
        if entry.split(None, 1)[0] in ("INFO", "DEBUG"):
            continue
        text = FENCED.sub("", LOG_ENTRY.sub("", entry, count=1))
        page = MACROS_FILE.search(text)
        line = MACROS_LINE.search(text)
        for pattern in (MACROS_HEADER, MACROS_FILE, MACROS_LINE, MACROS_KIND):
            text = pattern.sub("", text)
        lines = [part.rstrip() for part in text.splitlines() if part.strip()]
        said = " ".join(line.strip() for line in lines) if page else "\n".join(lines)
        if page:
            said = said.removeprefix(f"{page[1]}:").strip()
            where = f"{docs}/{page[1]}" if docs else page[1]
            said = f"{where}{f':{line[1]}' if line else ''}: {said}"
        if said:
            kept.append(said)
    return "\n".join(kept)


def swap_in(fresh: Path, dest: Path) -> None:
    """Replace ``dest`` by ``fresh`` with two renames, so readers never see a mix. If ``dest`` cannot be moved
    (its folder is read-only, or it is in use), the build fails and ``dest`` is as it was."""
    old = dest.with_name(f".{dest.name}-old")
    restore_old(dest)
    try:
        if dest.exists():
            dest.rename(old)
    except OSError as exc:
        raise BuildError(f"{dest} cannot be replaced ({exc.strerror}); it is left as it was") from None
    try:
        fresh.rename(dest)
    except OSError as exc:
        old.rename(dest)
        raise BuildError(f"{dest} cannot be replaced ({exc.strerror}); it is left as it was") from None
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
    parser.add_argument("--project", type=Path, default=ROOT, help="the folder of the configs (default: this one)")
    args = parser.parse_args(argv)
    try:
        build_site(args.site_dir, args.site_url, project=args.project, progress=lambda said: print(said, flush=True))
    except BuildError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Built {', '.join(lang.config for lang in languages(language_table(args.project)))} into {args.site_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
