"""Bad inputs other than data/steps.yaml stop `make build` of the small project (tests/fixtures/project) clearly:
the message names the file, the line and the path; there is no traceback; the last good site stays whole and no
work folder is left beside it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from guide import paths
from scripts.build import BuildError, build_site

from ..conftest import run_build

pytestmark = pytest.mark.slow


def last_good_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good build")
    return site


def assert_left_alone(tmp_path: Path, site: Path) -> None:
    assert (site / "index.html").read_text() == "the last good build"
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"], "a work folder was left behind"


def write_table(project: Path, text: str) -> Path:
    path = project / "data" / "languages.yml"
    path.write_text(text, encoding="utf-8")
    return path


def real_table() -> str:
    return paths.LANGUAGES.read_text(encoding="utf-8")


def test_a_bad_language_table_stops_the_command_with_its_line_and_no_traceback(tmp_path: Path, project: Path) -> None:
    write_table(project, real_table().replace("prefix: en/", "prefix: ../"))
    site = last_good_site(tmp_path)
    done = run_build(site, project=project)
    assert done.returncode == 1
    assert "data/languages.yml:" in done.stderr and "[2].prefix is not valid: '../'" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert_left_alone(tmp_path, site)


def test_swapped_configs_are_caught_by_the_language_of_the_pages(tmp_path: Path, project: Path) -> None:
    swapped = real_table().replace("config: mkdocs.yml", "config: SWAP").replace("config: mkdocs.en.yml", "config: "
                                   "mkdocs.yml").replace("config: SWAP", "config: mkdocs.en.yml")  # fmt: skip
    path = write_table(project, swapped)
    site = last_good_site(tmp_path)
    with pytest.raises(BuildError) as caught:
        build_site(site, project=project)
    message = str(caught.value)
    assert f"{path}:" in message or "data/languages.yml:" in message, message
    assert "[1].config names mkdocs.en.yml, whose pages are not in 'id'" in message, message
    assert_left_alone(tmp_path, site)


@pytest.mark.parametrize(
    ("env", "said"),
    [
        ({"SITE_URL": "https://example.org//evil.example/"}, "SITE_URL has an empty, '.' or '..' folder"),
        ({"SITE_URL": "https://example.org:99999/"}, "SITE_URL names the port '99999'"),
        ({"SITE_URL": "javascript:alert(1)//"}, "SITE_URL is not an address the site can be served at"),
        ({"REPO_URL": "https://github.com/../.."}, "REPO_URL is not a GitHub repository address"),
        ({"FEEDBACK_EMAIL": "tanya@example.org%2Cother@evil.example"}, "FEEDBACK_EMAIL is not one plain email"),
    ],
)
def test_an_address_from_the_environment_that_leads_elsewhere_stops_the_build(
    tmp_path: Path, project: Path, env: dict[str, str], said: str
) -> None:
    site = last_good_site(tmp_path)
    with pytest.raises(BuildError) as caught:
        build_site(site, extra_env=env, project=project)
    assert said in str(caught.value) and "Traceback" not in str(caught.value), str(caught.value)
    assert_left_alone(tmp_path, site)


# --- a page's front matter and Markdown ---------------------------------------------------------------------------


def about(project: Path) -> Path:
    return project / "docs" / "en" / "about.md"


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (("\ntitle:", "\ntitle: [unclosed\ntitle:"), "docs/en/about.md:3: front matter is not valid YAML"),
        (("\ntitle:", "\nx: &a [1]\ny: *a\ntitle:"), "docs/en/about.md:3: front matter y uses an alias (*a)"),
        (("\ntitle:", "\nextra: !!python/name:os.system x\ntitle:"), "front matter extra has a tag"),
        (("\ntitle:", "\ntitle: once\ntitle:"), "docs/en/about.md:3: front matter (top level) has the key 'title'"),
        (("---\n", "---\n", 1), "docs/en/about.md:1: front matter opens with --- and is empty or never closed"),
    ],
)
def test_front_matter_the_projects_reader_refuses_stops_the_build_with_page_and_line(
    tmp_path: Path, project: Path, change: tuple, said: str
) -> None:
    page = about(project)
    text = page.read_text(encoding="utf-8")
    if change[0] == "---\n":  # remove the closing line of the front matter
        head, _, rest = text.partition("\n---\n")
        text = f"{head}\n{rest}"
    else:
        text = text.replace(*change, 1)
    page.write_text(text, encoding="utf-8")
    site = last_good_site(tmp_path)
    done = run_build(site, project=project)
    assert done.returncode == 1 and said in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert_left_alone(tmp_path, site)


@pytest.mark.parametrize(
    ("markup", "said"),
    [
        ("<script>alert(1)</script>", "has a <script> element"),
        ('<img src="x.png" alt="" onerror="alert(1)">', "has an event-handler attribute"),
        ('Click me {: onclick="alert(1)" }', "has an event-handler attribute"),
        ("[tap](javascript:alert(1))", "has a javascript:, vbscript: or data: link"),
    ],
)
def test_code_in_a_pages_markdown_stops_the_build_with_page_and_line(
    tmp_path: Path, project: Path, markup: str, said: str
) -> None:
    page = about(project)
    text = page.read_text(encoding="utf-8")
    page.write_text(f"{text}\n{markup}\n", encoding="utf-8")
    line = len(f"{text}\n".splitlines()) + 1
    with pytest.raises(BuildError) as caught:
        build_site(last_good_site(tmp_path), project=project)
    assert f"docs/en/about.md:{line}: {said}" in str(caught.value), str(caught.value)


def test_text_that_only_looks_like_an_attribute_is_published(tmp_path: Path, project: Path) -> None:
    page = about(project)
    page.write_text(page.read_text(encoding="utf-8") + "\nShopping online = paying online, in **one** go.\n")
    build_site(tmp_path / "site", project=project)
    html = (tmp_path / "site" / "en" / "about.html").read_text(encoding="utf-8")
    assert "Shopping online = paying online" in html


def test_the_policy_lists_no_script_hash(tmp_path: Path, project: Path) -> None:
    """The project's scripts are files: no page can widen the policy with an inline script's hash."""
    build_site(tmp_path / "site", project=project)
    for page in (tmp_path / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        policy = html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
        assert "script-src 'self';" in policy, (page, policy)
    assert "script-src 'self';" in (tmp_path / "site" / "_headers").read_text(encoding="utf-8")


# --- the swap, and the build's date ---------------------------------------------------------------------------------


def test_a_swap_interrupted_between_its_renames_then_a_failing_build_still_leaves_the_last_site(
    tmp_path: Path, project: Path
) -> None:
    """The interrupted swap left the last good site as .site-old and no site/; the next build puts it back first,
    so even when that build fails there is a site."""
    old = tmp_path / ".site-old"
    old.mkdir()
    (old / "index.html").write_text("the last good build")
    write_table(project, real_table().replace("prefix: en/", "prefix: ../"))
    with pytest.raises(BuildError):
        build_site(tmp_path / "site", project=project)
    assert (tmp_path / "site" / "index.html").read_text() == "the last good build"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]


def test_source_date_epoch_dates_the_sitemaps_and_the_guides_own_age(tmp_path: Path, project: Path) -> None:
    import gzip
    import re

    import yaml

    from ..conftest import dump, flow_of

    steps = project / "data" / "steps.yaml"
    data = yaml.safe_load(steps.read_text(encoding="utf-8"))
    flow_of(data, "mini-ways")["sources_checked"] = "2026-11-01"  # a month old today; 14 months on 2028-01-01
    steps.write_text(dump(data), encoding="utf-8")
    site = tmp_path / "site"
    build_site(site, extra_env={"SOURCE_DATE_EPOCH": "1830297600"}, project=project)  # 2028-01-01
    for sitemap in ("sitemap.xml", "en/sitemap.xml"):
        dates = set(re.findall(r"<lastmod>([^<]*)</lastmod>", (site / sitemap).read_text(encoding="utf-8")))
        # a page's lastmod is the sources_checked date of the guides it draws (issue #23), never the build's clock
        assert "2026-11-01" in dates and all(d < "2028-01-01" for d in dates), (sitemap, dates)
        with gzip.open(site / f"{sitemap}.gz") as packed:
            packed.read()
            assert packed.mtime is not None and packed.mtime >= 1830297600 - 86400
    assert 'class="g-stale"' in (site / "en" / "mini-ways.html").read_text(encoding="utf-8")


def test_a_source_date_epoch_that_is_not_a_time_stops_the_build_clearly(tmp_path: Path, project: Path) -> None:
    site = last_good_site(tmp_path)
    with pytest.raises(BuildError, match="SOURCE_DATE_EPOCH is not a number of seconds since 1970"):
        build_site(site, extra_env={"SOURCE_DATE_EPOCH": "yesterday"}, project=project)
    assert_left_alone(tmp_path, site)


def test_a_page_heading_that_takes_a_fixed_id_stops_the_build_before_any_page(tmp_path: Path, project: Path) -> None:
    """A heading of the page's own Markdown is in the register (guide/page_headings.py) before a page is written."""
    about = project / "docs" / "en" / "about.md"
    text = about.read_text(encoding="utf-8")
    about.write_text(text + "\n## Label sources\n\nMoved.\n", encoding="utf-8")
    line = len(text.splitlines()) + 2
    site = last_good_site(tmp_path)
    done = run_build(site, project=project)
    assert done.returncode == 1
    assert (
        f"docs/en/about.md:{line}: the heading 'Label sources' takes the element id 'label-sources', which the "
        "sources page's label sources (guide/templates/sources.html) has too"
    ) in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert_left_alone(tmp_path, site)


def test_a_page_heading_that_takes_a_guides_id_names_both_places(tmp_path: Path, project: Path) -> None:
    about = project / "docs" / "id" / "about.md"
    text = about.read_text(encoding="utf-8")
    about.write_text(text + "\n## Mini ways\n\nPindah.\n", encoding="utf-8")
    site = last_good_site(tmp_path)
    done = run_build(site, project=project)
    assert done.returncode == 1
    assert re.search(
        r"data/steps\.yaml:\d+: flows\[mini-ways\]\.id gives the element id 'mini-ways', which the heading 'Mini "
        rf"ways' of docs/id/about\.md:{len(text.splitlines()) + 2} takes too",
        done.stderr,
    ), done.stderr
    assert "Traceback" not in done.stderr
    assert_left_alone(tmp_path, site)


# --- the schema ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (('"pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"', '"pattern": "^(a|a)+$"'), r":64: \$defs\.slug\.pattern can take"),
        (('"type": "object",', '"type": "object",,'), r":\d+: is not valid JSON"),
        (('"$ref": "#/$defs/nonEmpty"', '"$ref": "file:///etc/passwd"'), r":\d+: \$defs\.text\.properties\.id\.\$ref"
         " refers outside this file"),
        (('"required": [\n        "id",\n        "en"\n      ],', '"required": ["id"],'), r":\d+: \$defs\.text "
         r"names the languages \['en', 'id'\], but data/languages\.yml has"),
        (('"pattern": "\\\\S",', '"pattern": "\\\\S", "pattern": "x",'), r":84: \$defs\.nonEmpty has the key 'pattern'"
         " twice"),
    ],
    ids=["exponential-pattern", "not-json", "outside-ref", "languages", "key-twice"],
)  # fmt: skip
def test_a_broken_schema_stops_the_command_with_its_line_and_no_traceback(
    tmp_path: Path, project: Path, change: tuple[str, str], said: str
) -> None:
    """The project's own data/schema.json is what its build checks the data against (SCHEMA_DATA): a schema that
    is not JSON, not safe to run or not the languages' is refused before any page is written."""
    text = paths.SCHEMA.read_text(encoding="utf-8")
    assert change[0] in text, change[0]
    (project / "data" / "schema.json").write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    site = last_good_site(tmp_path)
    done = run_build(site, project=project)
    assert done.returncode == 1
    assert re.search(r"data/schema\.json" + said, done.stderr), done.stderr
    assert "Traceback" not in done.stderr
    assert_left_alone(tmp_path, site)
