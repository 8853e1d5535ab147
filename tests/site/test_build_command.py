"""`make build` as a person runs it, on the small project of tests/fixtures/ (``project``): bad data fails loudly and
leaves the site alone; a stale guide only warns; an error in a page names the page; the cache changes no byte."""

from __future__ import annotations

import datetime as dt
import filecmp
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from guide import paths
from scripts.build import BuildError, build_site, swap_in

from ..conftest import dump, flow_of, mini_project, run_build

pytestmark = pytest.mark.slow

# Files that carry the build date, so two builds of the same input differ there and only there.
DATED = {"sitemap.xml", "sitemap.xml.gz", "en/sitemap.xml", "en/sitemap.xml.gz"}


def differing(left: Path, right: Path, rel: str = "") -> list[str]:
    cmp = filecmp.dircmp(left / rel if rel else left, right / rel if rel else right)
    out = [f"{rel}{name}" for name in cmp.diff_files + cmp.left_only + cmp.right_only]
    for sub in cmp.common_dirs:
        out += differing(left, right, f"{rel}{sub}/")
    return out


def data_of(project: Path) -> dict[str, Any]:
    return yaml.safe_load((project / "data" / "steps.yaml").read_text(encoding="utf-8"))


def write(project: Path, data: dict[str, Any]) -> Path:
    path = project / "data" / "steps.yaml"
    path.write_text(dump(data), encoding="utf-8")
    return path


def test_a_bad_data_file_fails_the_build_and_leaves_the_site_alone(tmp_path: Path, project: Path) -> None:
    data = data_of(project)
    data["labels"]["home"]["en"] = ""
    bad = write(project, data)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good build")
    with pytest.raises(BuildError) as caught:
        build_site(site, project=project)
    assert f"{bad}:" in str(caught.value) and "labels.home.en is empty" in str(caught.value)
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text() == "the last good build"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == [], "a temporary build was left behind"


def test_make_build_fails_loudly_on_bad_data(tmp_path: Path, project: Path) -> None:
    """The command a person runs exits non-zero and prints the file, line and path."""
    data = data_of(project)
    data["labels"]["home"]["en"] = 7
    write(project, data)
    done = run_build(tmp_path / "site", project=project)
    assert done.returncode != 0
    assert "labels.home.en should be text, not a number" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "site").exists()


def test_the_build_says_what_it_is_doing_while_it_builds(tmp_path: Path, project: Path) -> None:
    done = run_build(tmp_path / "site", project=project)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("building id, en, one process each"), lines
    assert [line.split()[:2] for line in lines[1:3]] == [["id", "built"], ["en", "built"]], lines


def test_the_build_warns_about_old_guides_and_still_succeeds(tmp_path: Path, project: Path) -> None:
    data = data_of(project)
    old = (dt.date.today() - dt.timedelta(days=400)).isoformat()
    flow_of(data, "mini-ways")["sources_checked"] = old
    write(project, data)
    done = run_build(tmp_path / "site", project=project)
    assert done.returncode == 0, done.stderr
    assert f"guide may be out of date: mini-ways (sources last checked {old})" in done.stderr
    html = (tmp_path / "site" / "en" / "mini-ways.html").read_text(encoding="utf-8")
    assert 'class="g-stale"' in html


@pytest.mark.parametrize(
    ("call", "said"),
    [
        ('{{ flow("no-such-flow") }}', "docs/en/about.md: unknown flow id 'no-such-flow' (known: mini-ways,"),
        ("{{ nosuch() }}", "docs/en/about.md: 'nosuch' is undefined"),
        ('{{ flow("mini-ways", bogus=1) }}', "docs/en/about.md: LanguageSite.flow() got an unexpected keyword"),
        ("{{ flow( }}", "docs/en/about.md:"),
    ],
)
def test_an_error_in_a_page_reaches_the_terminal_with_its_page(
    tmp_path: Path, project: Path, call: str, said: str
) -> None:
    page = project / "docs" / "en" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{call}\n", encoding="utf-8")
    # what an interrupted build left: a dead process's work folder, and an old site a swap did not remove
    (tmp_path / ".site-new-999999999-x").mkdir()
    (tmp_path / ".site-old").mkdir()
    (tmp_path / "site").mkdir()
    with pytest.raises(BuildError) as caught:
        build_site(tmp_path / "site", project=project)
    message = str(caught.value)
    assert "mkdocs.en.yml failed to build:" in message and said in message, message
    assert "Traceback" not in message and "_File_" not in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"], "leftovers are removed by the next build"


@pytest.mark.parametrize(
    ("search", "said"),
    [
        ("{phrases: {no-such-heading: [who made this]}}",
         "docs/en/about.md:2: front matter search.phrases.no-such-heading is not the id of a heading of this page "
         "(it has: about, sources)"),
        ("{phrases: {about: who made this}}",
         "docs/en/about.md:2: front matter search.phrases.about should be a list, not text"),
        ("{phrase: {}}", "docs/en/about.md:2: front matter search has an unknown key 'phrase' (allowed: phrases)"),
    ],
)  # fmt: skip
def test_a_pages_bad_search_phrases_fail_the_build_with_the_page_and_the_key(
    tmp_path: Path, project: Path, search: str, said: str
) -> None:
    page = project / "docs" / "en" / "about.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("\nsearch:", "\nunused:", 1).replace("---\n", f"---\nsearch: {search}\n", 1),
                    encoding="utf-8")  # fmt: skip
    with pytest.raises(BuildError) as caught:
        build_site(tmp_path / "site", project=project)
    message = str(caught.value)
    assert said in message and "Traceback" not in message, message


def test_the_leftovers_of_an_interrupted_build_are_ignored_by_git() -> None:
    for name in (".site-new-4242-abcd/x.html", ".site-old/index.html"):
        done = subprocess.run(["git", "check-ignore", "--no-index", "-q", name], cwd=paths.ROOT, check=False)
        assert done.returncode == 0, name


def test_a_site_folder_that_cannot_be_replaced_fails_the_build_clearly(tmp_path: Path, monkeypatch) -> None:
    fresh, dest = tmp_path / "fresh", tmp_path / "site"
    fresh.mkdir()
    dest.mkdir()
    (dest / "index.html").write_text("the last good build")
    real = Path.rename

    def rename(self: Path, target: Path) -> Path:
        if self == dest:
            raise PermissionError(13, "Permission denied")
        return real(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(BuildError, match=r"site cannot be replaced \(Permission denied\); it is left as it was"):
        swap_in(fresh, dest)
    assert (dest / "index.html").read_text() == "the last good build"


def test_a_file_where_the_site_folder_goes_fails_the_build_clearly(tmp_path: Path) -> None:
    (tmp_path / "site").write_text("not a folder")
    with pytest.raises(BuildError, match="is not a folder"):
        build_site(tmp_path / "site")


def test_markup_in_a_pages_title_and_description_is_printed_as_text(tmp_path: Path, project: Path) -> None:
    """The theme's own templates (head, title, previews) escape what they print, as the macro templates do."""
    page = project / "docs" / "en" / "about.md"
    attack = '"><script>alert(1)</script><b x="'
    text = page.read_text(encoding="utf-8")
    head, _, rest = text.partition("\n---\n")
    head = "\n".join(
        f"{key}: '{attack}'" if key in ("title", "description") else line
        for line in head.splitlines()
        for key in [line.partition(":")[0]]
    )
    page.write_text(f"{head}\n---\n{rest}", encoding="utf-8")
    build_site(tmp_path / "site", project=project)
    html = (tmp_path / "site" / "en" / "about.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and '<b x="' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_two_builds_of_the_same_input_are_identical(tmp_path: Path, mini_built: dict[str, Path]) -> None:
    """Two copies of the project, each built from nothing in processes of their own (so Python's string hashing
    differs), give the same bytes: no set order, time or path leaks into the site. One is the run's own build of
    the small project (``mini_built``, in another folder), the other is built here."""
    build_site(tmp_path / "site-two", project=mini_project(tmp_path / "two"))
    filecmp.clear_cache()
    assert set(differing(mini_built["site"], tmp_path / "site-two")) <= DATED


def test_a_rebuild_from_the_cache_is_the_same_site_and_sees_every_edit(tmp_path: Path) -> None:
    """What .cache/ keeps (checked data, compiled templates, parsed CSS, search word lists) changes no byte of
    the site, and an edited theme template or data file still reaches the next build."""
    project = mini_project(tmp_path / "project")
    cold, warm, edited = (tmp_path / name for name in ("cold", "warm", "edited"))
    build_site(cold, project=project)
    assert (project / ".cache" / "theme").is_dir() and (project / ".cache" / "templates").is_dir()
    build_site(warm, project=project)
    filecmp.clear_cache()
    assert set(differing(cold, warm)) <= DATED
    theme = project / "overrides" / "main.html"
    theme.write_text(
        theme.read_text(encoding="utf-8").replace(
            "{% block analytics %}{% endblock %}",
            '{% block analytics %}<meta name="x-edited" content="theme">{% endblock %}',
        ),
        encoding="utf-8",
    )
    data = data_of(project)
    data["labels"]["home"]["en"] = "Your home page"
    write(project, data)
    build_site(edited, project=project)
    for page in ("index.html", "en/index.html"):
        assert '<meta name="x-edited" content="theme">' in (edited / page).read_text(encoding="utf-8"), page
    assert any("Your home page" in p.read_text(encoding="utf-8") for p in (edited / "en").glob("*.html"))


def checklist_page(project: Path) -> None:
    """A checklist page in each language of the small project, as docs/<lang>/cancel-checklist.md draws it."""
    for lang in ("id", "en"):
        page = "---\ntitle: Sheet\nrender_macros: true\n---\n\n# Sheet\n\n"
        page += '{{ checklist("mini-cases", tick=("early",), address=page.canonical_url) }}\n'
        (project / "docs" / lang / "checklist.md").write_text(page, encoding="utf-8")


def test_without_chromium_the_checklist_is_built_without_its_image_and_the_build_says_so(
    tmp_path: Path, project: Path, capsys
) -> None:
    checklist_page(project)
    build_site(tmp_path / "site", extra_env={"CHROMIUM": "/nonexistent/chromium"}, project=project)
    said = [line for line in capsys.readouterr().err.splitlines() if "chat image" in line]
    assert said == [
        f"{config}: Chromium not found at /nonexistent/chromium (install Debian's chromium, or set CHROMIUM): the "
        "checklist page is built without its chat image"
        for config in ("mkdocs.yml", "mkdocs.en.yml")
    ]
    for folder in (tmp_path / "site", tmp_path / "site" / "en"):
        html = (folder / "checklist.html").read_text(encoding="utf-8")
        assert 'class="g-check__item"' in html and "g-chat-image" not in html
        assert not list((folder / "assets").glob("*checklist*.png"))


def test_with_require_chat_image_a_missing_chromium_stops_the_build(tmp_path: Path, project: Path) -> None:
    checklist_page(project)
    env = {"CHROMIUM": "/nonexistent/chromium", "REQUIRE_CHAT_IMAGE": "1"}
    with pytest.raises(BuildError) as caught:
        build_site(tmp_path / "site", extra_env=env, project=project)
    assert (
        "docs/en/checklist.md: chat image: Chromium not found at /nonexistent/chromium (install Debian's chromium, "
        "or set CHROMIUM); REQUIRE_CHAT_IMAGE=1 asks for it"
    ) in str(caught.value)
    assert not (tmp_path / "site").exists()
