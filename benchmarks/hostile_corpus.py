#!/usr/bin/env python3
"""Hostile and broken inputs, tried from outside on a clean clone: every file and setting the build reads, the
built search box in Chromium, the build's date (SOURCE_DATE_EPOCH), builds at once and interrupted, and `make serve`
(its paths, links and live reload in Chromium under the pages' policy) (issue #26).

    git clone . /tmp/h-clone && make -C /tmp/h-clone setup
    .venv/bin/python -m benchmarks.hostile_corpus /tmp/h-clone [--only CLASS]

Each case changes one input of the clone (restored after), runs its `python -m scripts.build` (60 s at most) over a
last good site, and reads what a user would: the exit status, the message and the site. It prints a table per
class of input: tried, handled well, weak message, failure. A weak message names the file and not a line (a
whole-file limit), or refuses a legitimate input. A failure is a traceback, a hang (over 60 s), a bad input built
with exit 0, a missing or changed site after a refusal, a work folder left behind, or a refusal without
file:line (a setting, or a case that names what it must: without that name). A tampered index.json must say search
is unavailable (results drawn from it are a failure). The failures are listed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

TIMEOUT = 60
WHERE = re.compile(r"[\w./-]+\.(?:yml|yaml|json|md|tsv):\d+:")
FILE = re.compile(r"[\w./-]+\.(?:yml|yaml|json|md|tsv): .*")
Change = Callable[[str], str]


@dataclass
class Case:
    kind: str  # the class of input, a row of the table
    name: str
    file: str = ""  # the file of the clone it changes ("" for none)
    change: Change | None = None
    env: dict[str, str] = field(default_factory=dict)
    refuse: bool = True  # a bad input: the build must stop; else it must build
    said: str = ""  # a refusal of a setting names it


@dataclass
class Outcome:
    case: Case
    verdict: str  # "well", "weak" or "failure"
    why: str = ""


def replace(old: str, new: str) -> Change:
    def change(text: str) -> str:
        if old not in text:
            raise SystemExit(f"the corpus is stale: {old!r} is not in the file")
        return text.replace(old, new, 1)

    return change


def append(more: str) -> Change:
    return lambda text: text + more


def build_cases() -> list[Case]:
    lang, schema, env, page = "data/languages.yml", "data/schema.json", "environment", "page front matter and Markdown"
    about_en, ids, words, examples, ui = "docs/en/about.md", "ids", "data/search/<lang>.yml", "examples tsv", "data/ui"
    # fmt: off
    return [
        Case(lang, "a second row with the code id", lang, replace("- code: en", "- code: id")),
        Case(lang, "docs: /etc", lang, replace("docs: docs/en", "docs: /etc")),
        Case(lang, "an upper-case code", lang, replace("- code: en", "- code: EN")),
        Case(lang, "a row without config", lang, replace("  config: mkdocs.en.yml\n", "")),
        Case(lang, "a tab-indented line", lang, replace("  short: EN", "\tshort: EN")),
        Case(lang, "an alias", lang, replace("  name: English", "  name: &n English\n  locale2: *n")),
        Case(schema, "a nested quantifier (x*)*y", schema, replace('"pattern": "\\\\S"', '"pattern": "(x*)*y"')),
        Case(schema, "the file cut in half", schema, lambda text: text[: len(text) // 2]),
        Case(schema, "$defs is a list", schema, replace('"$defs": {', '"$defs": [], "x": {')),
        Case(schema, "17 MB of spaces", schema, append(" " * 17_000_000)),
        Case(schema, "nested 50,000 deep", schema, lambda text: "[" * 50_000 + "]" * 50_000),
        Case(schema, "a pattern that is not a regular expression", schema,
             replace('"pattern": "\\\\S"', '"pattern": "([a-z"')),
        Case(env, "SITE_URL javascript:", env={"SITE_URL": "javascript:alert(1)//"}, said="SITE_URL"),
        Case(env, "SITE_URL with a user and password", env={"SITE_URL": "https://u:p@example.org/"}, said="SITE_URL"),
        Case(env, "SITE_URL port 99999", env={"SITE_URL": "https://example.org:99999/"}, said="SITE_URL"),
        Case(env, "SITE_URL with a backslash host", env={"SITE_URL": "https:\\\\evil.example/"}, said="SITE_URL"),
        Case(env, "REPO_URL over http", env={"REPO_URL": "http://example.org/repo"}, said="REPO_URL"),
        Case(env, "FEEDBACK_EMAIL with ?cc=", env={"FEEDBACK_EMAIL": "a@example.org?cc=b@evil.example"},
             said="FEEDBACK_EMAIL"),
        Case(env, "FEEDBACK_EMAIL with a newline", env={"FEEDBACK_EMAIL": "a@example.org\nBcc: b@evil.example"},
             said="FEEDBACK_EMAIL"),
        Case(env, "a plain https SITE_URL (legitimate)", env={"SITE_URL": "https://guide.example.org/x/"},
             refuse=False),
        Case(env, "FEEDBACK_EMAIL with an encoded newline %0a", said="FEEDBACK_EMAIL",
             env={"FEEDBACK_EMAIL": "a@example.org%0aBcc:b@evil.example"}),
        Case(env, "FEEDBACK_EMAIL of two, with a comma", env={"FEEDBACK_EMAIL": "a@example.org,b@evil.example"},
             said="FEEDBACK_EMAIL"),
        Case(env, "FEEDBACK_EMAIL with ?cc= encoded", env={"FEEDBACK_EMAIL": "a@example.org%3Fcc%3Db@evil.example"},
             said="FEEDBACK_EMAIL"),
        Case(env, "FEEDBACK_EMAIL with an encoded letter", env={"FEEDBACK_EMAIL": "%61@example.org"},
             said="FEEDBACK_EMAIL"),
        Case(env, "SITE_URL with %00 in its path", env={"SITE_URL": "https://example.org/%00/"}, said="SITE_URL"),
        Case(env, "SOURCE_DATE_EPOCH not a number", env={"SOURCE_DATE_EPOCH": "yesterday"}, said="SOURCE_DATE_EPOCH"),
        Case(env, "SOURCE_DATE_EPOCH past year 9999", env={"SOURCE_DATE_EPOCH": "999999999999999"},
             said="SOURCE_DATE_EPOCH"),
        Case(env, "SOURCE_DATE_EPOCH before the sources were checked", env={"SOURCE_DATE_EPOCH": "1000000000"},
             said="2001-09-09"),
        Case(page, "a !!binary tag", about_en, replace("\ntitle:", "\nnote: !!binary aGk=\ntitle:")),
        Case(page, "search phrases for a heading it has not", about_en,
             replace("  phrases:\n", "  phrases:\n    no-such-heading: [\"x\"]\n")),
        Case(page, "<SCRIPT > in upper case", about_en, append("\n<SCRIPT >alert(1)</SCRIPT >\n")),
        Case(page, "an object with a javascript: data", about_en,
             append('\n<object data="javascript:alert(1)"></object>\n')),
        Case(page, "an svg with onload spaced out", about_en, append('\n<svg onload\n="alert(1)"></svg>\n')),
        Case(page, "a page of 600 KB", about_en, append("word " * 120_000)),
        Case(page, "'online = offline' in prose (legitimate)", about_en, append("\nOnline = offline, {here}.\n"),
             refuse=False),
        Case(ids, "a heading 'Checklist' on the about page", about_en, append("\n## Checklist\n\nx\n")),
        Case(ids, "a heading that takes a guide's id", about_en, append("\n## Cancel order\n\nx\n")),
        Case(ids, "an own id that takes the search box's", about_en, append("\n## Find {: #g-search-results }\n")),
        Case(ids, "a guide id g-live", "data/steps.yaml", replace("- id: scams\n", "- id: g-live\n"),
             said="which the copy-link announcement"),
        Case(ids, "an html id that takes a step's", about_en, append('\n<p id="cancel-order-cod-1">x</p>\n')),
        # renaming leaves references to the old id, refused too: each must also be refused for the clash itself
        Case(ids, "a case named help", "data/steps.yaml", replace("      - id: not-moving\n", "      - id: help\n"),
             said="'checklist-help', which"),
        Case(ids, "a guide named about", "data/steps.yaml", replace("  - id: scams\n", "  - id: about\n"),
             said="the name of a page of the site"),
        Case(ids, "a guide named g-search", "data/steps.yaml", replace("  - id: scams\n", "  - id: g-search\n"),
             said="which the search box"),
        Case(ids, "a heading that takes Material's __search", about_en, append("\n## Find {: #__search }\n"),
             said="__search"),
        Case(words, "an alias in slang", "data/search/en.yml", replace("  cant: can not", "  cant: &x can not\n"
             "  cnt: *x")),
        Case(words, "a phrase said as 40 words", "data/search/en.yml",
             replace("slang:\n", "slang:\n  zz: " + "a " * 40 + "\n")),
        Case(words, "a slang key said twice", "data/search/en.yml", replace("  cant: can not", "  cant: can not\n"
             "  cant: cannot")),
        Case(words, "a 300 KB word", "data/search/en.yml", replace("  pls: please", "  pls: " + "p" * 300_000)),
        Case(examples, "a line with three fields", "data/search/examples-en.tsv", append("a\tb\tc\n")),
        Case(examples, "a NUL in a query", "data/search/examples-en.tsv", append("cancel\x00order\tcancel-order\n")),
        Case(examples, "25,000 lines", "data/search/examples-en.tsv",
             append("".join(f"query number {i}\tcancel-order\n" for i in range(25_000)))),
        Case(examples, "a right-to-left override", "data/search/examples-en.tsv",
             append("cancel \u202eorder\tcancel-order\n")),
        Case(ui, "a key missing", "data/ui/en.yml", lambda text: re.sub(r"(?m)^menu_open:.*\n", "", text)),
        Case(ui, "an unknown key", "data/ui/en.yml", append("surprise: hello\n")),
        Case(ui, "a 2 MB word", "data/ui/en.yml", replace("skip: Skip to the content", "skip: " + "s" * 2_000_000)),
        Case(ui, "markup in a word (built, escaped)", "data/ui/en.yml",
             replace("skip: Skip to the content", 'skip: "<b>Skip</b> & go"'), refuse=False),
    ]
    # fmt: on


# --- running a build -------------------------------------------------------------------------------------------------


def state(site: Path) -> str:
    """What a reader of the site would get: every file's path and bytes, as one hash."""
    digest = hashlib.sha256()
    for path in sorted(site.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(site)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def build(clone: Path, site: Path, env: dict[str, str] | None = None) -> tuple[int | None, str]:
    """Run the clone's build command; its status (None: over TIMEOUT) and what it printed."""
    full = {**os.environ, **(env or {})}
    try:
        done = subprocess.run(
            [str(clone / ".venv/bin/python"), "-m", "scripts.build", "--site-dir", str(site)],
            cwd=clone, env=full, capture_output=True, text=True, timeout=TIMEOUT, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired as exc:
        return None, str(exc.stdout or "") + str(exc.stderr or "")
    return done.returncode, done.stdout + done.stderr


def judge(case: Case, status: int | None, said: str, before: str, site: Path) -> Outcome:
    leftovers = [p.name for p in site.parent.iterdir() if p.name.startswith(f".{site.name}-")]
    if status is None:
        return Outcome(case, "failure", f"still building after {TIMEOUT} s")
    if "Traceback" in said:
        return Outcome(case, "failure", "a traceback: " + said.strip().splitlines()[-1][:200])
    if not (site / "index.html").is_file():
        return Outcome(case, "failure", "no site/ left")
    if leftovers:
        return Outcome(case, "failure", f"left {leftovers}")
    if not case.refuse:
        return Outcome(case, "well" if status == 0 else "weak", "" if status == 0 else said.strip()[-200:])
    if status == 0:
        return Outcome(case, "failure", "built with exit 0")
    if state(site) != before:
        return Outcome(case, "failure", "the last good site changed")
    if case.said:
        named = case.said in said
        return Outcome(case, "well" if named else "failure", "" if named else "the setting not named: " + said[-200:])
    if WHERE.search(said):
        return Outcome(case, "well")
    if FILE.search(said):  # the file is named, not a line: a whole-file limit (its size, its depth)
        return Outcome(case, "weak", "no line: " + FILE.search(said)[0])
    return Outcome(case, "failure", "no file:line: " + said.strip()[-200:])


def run_file_case(clone: Path, site: Path, before: str, case: Case) -> Outcome:
    target = clone / case.file if case.file else None
    saved = target.read_bytes() if target else b""
    try:
        if target and case.change:
            target.write_text(case.change(saved.decode("utf-8")), encoding="utf-8")
        status, said = build(clone, site, case.env)
        outcome = judge(case, status, said, before, site)
        outcome.why = outcome.why or first_line(said, case.said)
        return outcome
    finally:
        if target:
            target.write_bytes(saved)
        if not case.refuse:  # a legitimate input was built: put the last good site back
            build(clone, site)


def first_line(said: str, named: str = "") -> str:
    """The message's line a user reads first: the one naming what the case must name, else the first file:line."""
    if named and named in said:
        return next(line for line in said.splitlines() if named in line).strip()[:200]
    found = WHERE.search(said)
    line = said[found.start() :] if found else said.strip()
    return line.splitlines()[0][:160] if line else ""


# --- builds at once, interrupted --------------------------------------------------------------------------------------


def concurrent_cases(clone: Path, site: Path) -> list[Outcome]:
    out = []
    python = [str(clone / ".venv/bin/python"), "-m", "scripts.build", "--site-dir", str(site)]
    # two builds at once into one site: both end, and a whole site is there
    runs = [subprocess.Popen(python, cwd=clone, stdout=subprocess.PIPE, stderr=subprocess.STDOUT) for _ in range(2)]
    said = [p.communicate(timeout=TIMEOUT * 2)[0].decode() for p in runs]
    whole = (site / "index.html").is_file() and (site / "en" / "index.html").is_file()
    traced = any("Traceback" in s for s in said)
    case = Case("builds at once, the swap", "two builds at once into one site")
    out.append(Outcome(case, "well" if whole and not traced else "failure", "; ".join(s.strip()[-120:] for s in said)))
    # a build stopped at each moment (SIGINT, then SIGKILL): a site is always there, and the next build is whole
    for delay, sig, name in ((2.0, signal.SIGINT, "Ctrl-C"), (5.0, signal.SIGKILL, "kill -9"), (7.5, signal.SIGKILL,
                             "kill -9 late")):  # fmt: skip
        run = subprocess.Popen(
            python, cwd=clone, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True
        )
        time.sleep(delay)
        os.killpg(run.pid, sig)
        text = run.communicate(timeout=TIMEOUT)[0].decode()
        there = (site / "index.html").is_file()
        status, again = build(clone, site)
        ok = there and status == 0 and "Traceback" not in text.split("KeyboardInterrupt")[0] and (site / "en").is_dir()
        case = Case("builds at once, the swap", f"{name} after {delay:.1f} s, then a build")
        out.append(Outcome(case, "well" if ok else "failure", "" if ok else f"site there: {there}; {again[-160:]}"))
    return out


# --- the built search box, tampered -----------------------------------------------------------------------------------


TAMPERED: list[tuple[str, str, str]] = [
    ("docs is a string", "search/index.json", '{"docs": "x"}'),
    ("cut in half", "search/index.json", "HALF"),
    ("terms of one character, gaps empty", "search/index.json", "TERMS"),
    ("levels empty", "search/index.json", "LEVELS"),
    ("words.slang is null", "search/index.json", "SLANG"),
    ("a section's parent out of range", "search/index.json", "PARENT"),
    ("a posting past the last section", "search/index.json", "POSTING"),
    ("a ranking weight missing", "search/index.json", "WEIGHT"),
    ("texts.json is an object", "search/texts.json", '{"a": 1}'),
    ("texts.json of numbers", "search/texts.json", "[[1, 2], [3]]"),
]


def tamper(original: str, how: str) -> str:
    if how == "HALF":
        return original[: len(original) // 2]
    data = json.loads(original)
    if how == "TERMS":
        data["terms"], data["gaps"] = "x;y;z", ""
    elif how == "LEVELS":
        data["levels"] = []
    elif how == "SLANG":
        data["words"]["slang"] = None
    elif how == "PARENT":
        data["docs"][1][2] = 10_000
    elif how == "POSTING":
        data["gaps"] = "~" * 3 + data["gaps"]  # the first posting 198 sections further on
    elif how == "WEIGHT":
        del data["weights"]["context"]
    else:
        return how
    return json.dumps(data)


def browser_cases(clone: Path, site: Path) -> list[Outcome]:
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(clone))
    from scripts.loopback import CHROMIUM, CHROMIUM_ARGS, free_port, serve

    out = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for name, file, how in TAMPERED:
            copy = site.parent / "tampered"
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(site, copy)
            path = copy / "en" / file
            path.write_text(tamper(path.read_text(encoding="utf-8"), how), encoding="utf-8")
            port = free_port()
            server = serve(copy, port)
            context = browser.new_context(service_workers="block")
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
            page.goto(f"http://127.0.0.1:{port}/en/cancel-order.html")
            page.keyboard.press("/")
            page.keyboard.type("cancel cod order")
            page.wait_for_timeout(1500)
            meta = page.locator("#g-search-meta").inner_text()
            error_text = page.get_attribute("[data-g-search]", "data-error")
            results = page.locator("[data-g-search-results] a").count()
            # a damaged index must not rank at all; damaged snippets' texts only lose the snippets
            ok = not errors and (meta == error_text if file.endswith("index.json") else results > 0)
            case = Case("tampered index.json / texts.json", name)
            out.append(Outcome(case, "well" if ok else "failure", f"'{meta}', {results} results, errors {errors[:1]}"))
            context.close()
            server.shutdown()
        browser.close()
    shutil.rmtree(site.parent / "tampered", ignore_errors=True)
    return out


# --- make serve -------------------------------------------------------------------------------------------------------


def serve_cases(clone: Path) -> list[Outcome]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    run = subprocess.Popen(
        [str(clone / ".venv/bin/python"), "-m", "scripts.serve", "--port", str(port)],
        cwd=clone, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    out = []
    try:
        for _ in range(TIMEOUT * 2):
            try:
                urllib.request.urlopen(base + "/", timeout=2)
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.5)
        served = clone / ".cache" / "serve"
        links = {"outside": "/etc", "passwd": "/etc/passwd", "up": "../../data"}  # a folder, a file, relative
        for name, target in links.items():
            (served / name).unlink(missing_ok=True)
            (served / name).symlink_to(target)
        for name, path, want in (
            ("the home page", "/", 200),
            ("the reload script", "/livereload.js?epoch=1&id=2", 200),
            ("the reload script, its query made up", "/livereload.js?epoch=x;alert(1)", 404),
            ("a NUL, %00", "/index.html%00.png", 404),
            ("a control character, %1b", "/%1b[2J", 404),
            ("dot-dot, encoded", "/..%2f..%2f..%2fetc%2fpasswd", 404),
            ("a symlink out of the site", "/outside/passwd", 404),
            ("a symlink to a file out of the site", "/passwd", 404),
            ("a relative symlink up and out", "/up/steps.yaml", 404),
            ("a NUL as a folder, /en/%00/", "/en/%00/", 404),
            ("a NUL after a page, .html%00", "/en/index.html%00", 404),
            ("an encoded NUL in the query of the reload script", "/livereload.js?epoch=1%00&id=2", 404),
            ("a very long path", "/" + "a" * 20_000, 404),
        ):
            try:
                status = urllib.request.urlopen(base + path, timeout=10).status
            except urllib.error.HTTPError as exc:
                status = exc.code
            except (urllib.error.URLError, ConnectionError) as exc:
                status = f"no answer ({exc})"
            case = Case("make serve", f"{name} -> {want}")
            out.append(Outcome(case, "well" if status == want or (want == 404 and status in (400, 414)) else "failure",
                               f"answered {status}"))  # fmt: skip
        out.append(live_reload_case(clone, base))
        taken = subprocess.run([str(clone / ".venv/bin/python"), "-m", "scripts.serve", "--port", str(port)],
                               cwd=clone, capture_output=True, text=True, timeout=TIMEOUT, check=False)  # fmt: skip
        ok = taken.returncode == 1 and "Traceback" not in taken.stderr and str(port) in taken.stderr
        out.append(Outcome(Case("make serve", "a second serve on a taken port"), "well" if ok else "failure",
                           taken.stderr.strip()[:160]))  # fmt: skip
    finally:
        os.killpg(run.pid, signal.SIGINT)
        try:
            run.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            out.append(Outcome(Case("make serve", "Ctrl-C stops it"), "failure", "still running 15 s after Ctrl-C"))
            os.killpg(run.pid, signal.SIGKILL)
            run.communicate()
        for name in ("outside", "passwd", "up"):
            (clone / ".cache" / "serve" / name).unlink(missing_ok=True)
    return out


def live_reload_case(clone: Path, base: str) -> Outcome:
    """A served page in Chromium: its policy refuses nothing, and the page asks the server for the next change."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(clone))
    from scripts.loopback import CHROMIUM, CHROMIUM_ARGS

    refused: list[str] = []
    polled: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
        page.on("request", lambda r: polled.append(r.url) if "/livereload/" in r.url else None)
        page.goto(base + "/en/cancel-order.html")
        page.wait_for_timeout(2000)
        browser.close()
    ok = not refused and bool(polled)
    why = "" if ok else f"policy refused {refused[:1]}; reload asked: {bool(polled)}"
    return Outcome(Case("make serve", "live reload under the page's policy"), "well" if ok else "failure", why)


# --- the build's date ---------------------------------------------------------------------------------------------


def date_cases(clone: Path, site: Path) -> list[Outcome]:
    """SOURCE_DATE_EPOCH reaches the dates the build writes: a build dated a year on from the sources is whole, its
    compressed sitemaps carry that date (not the day it ran), and a second build of the same date is the same
    site, byte for byte. The last good site is built again after."""
    epoch = 1_830_000_000  # 2027-12-28 UTC
    kind = "the build's date (SOURCE_DATE_EPOCH)"
    status, said = build(clone, site, {"SOURCE_DATE_EPOCH": str(epoch)})
    out = [Outcome(Case(kind, "a build dated a year on"), "well" if status == 0 else "failure", said.strip()[-160:])]
    stamps = {str(p.relative_to(site)): int.from_bytes(p.read_bytes()[4:8], "little") for p in site.rglob("*.gz")}
    wrong = {name: stamp for name, stamp in stamps.items() if stamp not in (0, epoch, epoch - epoch % 86_400)}
    out.append(Outcome(Case(kind, "the sitemaps' gzip date"), "failure" if wrong or not stamps else "well",
                       f"dated otherwise: {wrong}" if wrong else "" if stamps else "no sitemap.xml.gz"))  # fmt: skip
    first = state(site)
    status, said = build(clone, site, {"SOURCE_DATE_EPOCH": str(epoch)})
    same = status == 0 and state(site) == first
    out.append(Outcome(Case(kind, "built twice the same day: the same bytes"), "well" if same else "failure",
                       "" if same else "the second build differs"))  # fmt: skip
    build(clone, site)
    return out


# --- the table --------------------------------------------------------------------------------------------------------


def table(outcomes: list[Outcome]) -> str:
    kinds = list(dict.fromkeys(o.case.kind for o in outcomes))
    rows = ["| input | tried | handled well | weak message | failure |", "|---|---|---|---|---|"]
    for kind in kinds:
        mine = [o for o in outcomes if o.case.kind == kind]
        count = {v: sum(o.verdict == v for o in mine) for v in ("well", "weak", "failure")}
        rows.append(f"| {kind} | {len(mine)} | {count['well']} | {count['weak']} | {count['failure']} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clone", type=Path, help="a clean clone of the project, set up (make setup)")
    parser.add_argument("--only", help="run only the classes whose name holds this")
    parser.add_argument("--verbose", action="store_true", help="print each case's message")
    args = parser.parse_args(argv)
    clone = args.clone.resolve()
    site = clone / "site"
    status, said = build(clone, site)
    if status != 0:
        sys.exit(f"the clone does not build as it is:\n{said[-2000:]}")
    before = state(site)
    outcomes: list[Outcome] = []
    wanted = (lambda kind: args.only in kind) if args.only else (lambda kind: True)
    for case in build_cases():
        if wanted(case.kind):
            outcomes.append(run_file_case(clone, site, before, case))
            print(f"  {outcomes[-1].verdict:7} {case.kind}: {case.name}: {outcomes[-1].why}", flush=True)
    for kind, run in (("the build's date (SOURCE_DATE_EPOCH)", lambda: date_cases(clone, site)),
                      ("builds at once, the swap", lambda: concurrent_cases(clone, site)),
                      ("tampered index.json / texts.json", lambda: browser_cases(clone, site)),
                      ("make serve", lambda: serve_cases(clone))):  # fmt: skip
        if wanted(kind):
            for outcome in run():
                outcomes.append(outcome)
                print(f"  {outcome.verdict:7} {kind}: {outcome.case.name}: {outcome.why}", flush=True)
    print("\n" + table(outcomes))
    failures = [o for o in outcomes if o.verdict == "failure"]
    print(f"\n{len(outcomes)} cases, {len(failures)} failures")
    for o in failures:
        print(f"  FAILURE {o.case.kind}: {o.case.name}: {o.why}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
