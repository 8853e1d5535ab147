"""`make build` as a person runs it: bad data fails loudly and leaves the site alone; a stale guide only warns."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from guide import paths
from scripts.build import BuildError, build_site

from ..conftest import dump, flow_of, run_build

pytestmark = pytest.mark.slow


def test_a_bad_data_file_fails_the_build_and_leaves_the_site_alone(tmp_path: Path) -> None:
    bad = tmp_path / "steps.yaml"
    bad.write_text(paths.GUIDE_DATA.read_text(encoding="utf-8").replace('en: "Profile"', 'en: ""', 1))
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good build")
    with pytest.raises(BuildError) as caught:
        build_site(site, extra_env={"GUIDE_DATA": str(bad)})
    assert f"{bad}:" in str(caught.value) and "labels.profile.en is empty" in str(caught.value)
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text() == "the last good build"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == [], "a temporary build was left behind"


def test_make_build_fails_loudly_on_bad_data(tmp_path: Path) -> None:
    """The command a person runs exits non-zero and prints the file, line and path."""
    bad = tmp_path / "steps.yaml"
    bad.write_text(paths.GUIDE_DATA.read_text(encoding="utf-8").replace('en: "Profile"', "en: 7", 1))
    done = run_build(tmp_path / "site", bad)
    assert done.returncode != 0
    assert "labels.profile.en should be text, not a number" in done.stderr
    assert not (tmp_path / "site").exists()


def test_the_build_warns_about_old_guides_and_still_succeeds(tmp_path: Path) -> None:
    data = yaml.safe_load(paths.GUIDE_DATA.read_text(encoding="utf-8"))
    old = (dt.date.today() - dt.timedelta(days=400)).isoformat()
    flow_of(data, "safe-shopping")["sources_checked"] = old
    stale = tmp_path / "steps.yaml"
    stale.write_text(dump(data), encoding="utf-8")
    done = run_build(tmp_path / "site", stale)
    assert done.returncode == 0, done.stderr
    assert f"guide may be out of date: safe-shopping (sources last checked {old})" in done.stderr
    html = (tmp_path / "site" / "en" / "safe-shopping.html").read_text(encoding="utf-8")
    assert 'class="g-stale"' in html
