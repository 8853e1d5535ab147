"""Bad inputs other than data/steps.yaml stop `make build` of the small project (tests/fixtures/project) clearly:
the message names the file, the line and the path; there is no traceback; the last good site stays whole and no
work folder is left beside it."""

from __future__ import annotations

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
