"""What ``.cache/`` keeps between builds is used only while everything it was made from is unchanged."""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import pytest

from guide import context, language_site, load, render
from guide.cache import cached, template_cache
from guide.errors import DataError

from ..conftest import MINI, TODAY


def env_for(templates: Path, cache: Path, **options: bool) -> jinja2.Environment:
    return template_cache(cache, jinja2.Environment(loader=jinja2.FileSystemLoader(templates), **options))


def test_a_compiled_template_is_kept_and_used_by_the_next_build(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "t.html").write_text("<p>{{ name }}</p>")
    cache = tmp_path / "cache"
    assert env_for(tmp_path, cache).get_template("t.html").render(name="Ani") == "<p>Ani</p>"
    assert len(list(cache.rglob("*.cache"))) == 1

    def compile_again(*args, **kwargs):
        raise AssertionError("the kept template was compiled again")

    second = env_for(tmp_path, cache)
    monkeypatch.setattr(second, "compile", compile_again)
    assert second.get_template("t.html").render(name="Budi") == "<p>Budi</p>"


def test_an_edited_template_is_compiled_anew(tmp_path: Path) -> None:
    page = tmp_path / "t.html"
    page.write_text("old {{ name }}")
    cache = tmp_path / "cache"
    env_for(tmp_path, cache).get_template("t.html").render(name="x")
    page.write_text("new {{ name }}")
    assert env_for(tmp_path, cache).get_template("t.html").render(name="x") == "new x"


def test_code_compiled_with_other_options_is_not_used(tmp_path: Path) -> None:
    """trim_blocks changes the compiled code, not the source: it must change where the code is kept."""
    (tmp_path / "t.html").write_text("{% if true %}\nyes\n{% endif %}\n")
    cache = tmp_path / "cache"
    assert env_for(tmp_path, cache).get_template("t.html").render() == "\nyes\n"
    assert env_for(tmp_path, cache, trim_blocks=True).get_template("t.html").render() == "yes\n"
    assert len([p for p in cache.iterdir() if p.is_dir()]) == 1, "the other options' code is removed"


def test_no_folder_means_nothing_is_kept(tmp_path: Path) -> None:
    env = template_cache(None, jinja2.Environment())
    assert env.bytecode_cache is None


def test_a_result_is_computed_again_when_its_inputs_change_or_its_file_is_damaged(tmp_path: Path) -> None:
    calls: list[str] = []

    def compute(value: str):
        return lambda: calls.append(value) or {"value": value}

    assert cached(tmp_path, "index", "a", compute("a")) == {"value": "a"}
    assert cached(tmp_path, "index", "a", compute("never")) == {"value": "a"}
    assert cached(tmp_path, "index", "b", compute("b")) == {"value": "b"}
    assert [p.name.startswith("index-") for p in tmp_path.iterdir()] == [True], "only the newest is kept"
    next(tmp_path.iterdir()).write_text("{not json")
    assert cached(tmp_path, "index", "b", compute("b again")) == {"value": "b again"}
    assert calls == ["a", "b", "b again"]
    assert cached(tmp_path, "odd", "a", lambda: {1, 2}) == {1, 2}, "a value JSON cannot hold is still returned"
    assert not list(tmp_path.glob("odd-*")), "and is not kept"


def test_checked_data_is_kept_but_the_rules_still_run_and_a_bad_file_is_never_kept(tmp_path: Path, monkeypatch) -> None:
    cache = tmp_path / "cache"
    data = tmp_path / "steps.yaml"
    data.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    first = load.load_guide(data, TODAY, cache=cache)
    assert [p.name.startswith("steps-") for p in cache.iterdir()] == [True]

    def no_schema(*args, **kwargs):
        raise AssertionError("kept data was checked against the schema again")

    monkeypatch.setattr(load, "schema_problems", no_schema)
    assert load.load_guide(data, TODAY, cache=cache) == first
    with pytest.raises(DataError, match=r"steps.yaml:\d+: flows\[mini-ways\] has no page"):  # rules ran, with lines
        load.load_guide(data, TODAY, pages={"no-such-page"}, cache=cache)
    monkeypatch.undo()

    data.write_text(data.read_text(encoding="utf-8").replace("flows:", "flowz:", 1), encoding="utf-8")
    with pytest.raises(DataError):
        load.load_guide(data, TODAY, cache=cache)
    with pytest.raises(DataError):
        load.load_guide(data, TODAY, cache=cache)
    assert [p.name for p in cache.iterdir()] == [next(cache.iterdir()).name], "the good file's entry only"


def test_a_drawn_guide_is_kept_and_drawn_anew_when_its_data_its_templates_or_the_settings_change(
    tmp_path: Path, monkeypatch
) -> None:
    data = tmp_path / "steps.yaml"
    data.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    templates = tmp_path / "templates"
    shutil.copytree(render.make_env().loader.searchpath[0], templates)  # type: ignore[union-attr]
    monkeypatch.setattr(language_site, "make_env", lambda: render.make_env(templates))
    cache, url = tmp_path / "cache", "http://127.0.0.1:8000/en/"

    def drawn(site_url: str = url, folder: Path | None = cache) -> str:
        started = context.start(tmp_path / "mkdocs.yml", data, "en", TODAY, site_url, cache=folder)
        return started.draw("flow", "mini-ways")

    first = drawn()
    assert "Open the home page." in first
    assert drawn() == first
    with monkeypatch.context() as inside:
        inside.setattr(language_site.LanguageSite, "flow", lambda *args: "drawn again")
        assert drawn() == first, "the same call with the same inputs comes from the cache"
        assert drawn("http://127.0.0.1:8001/en/") == "drawn again", "another address draws anew"
        assert drawn(folder=None) == "drawn again", "no cache folder: always drawn"
    data.write_text(data.read_text(encoding="utf-8").replace("Open the home page.", "Open Home."), encoding="utf-8")
    assert "Open Home." in drawn()
    step = templates / "step.html"
    step.write_text(step.read_text(encoding="utf-8") + "<!-- edited -->\n", encoding="utf-8")
    assert "<!-- edited -->" in drawn()
    with pytest.raises(DataError, match="no-such-flow"):
        context.start(tmp_path / "mkdocs.yml", data, "en", TODAY, url, cache=cache).draw("flow", "no-such-flow")


def test_the_checklist_is_drawn_on_every_build_so_its_chat_image_is_written_again(tmp_path: Path, monkeypatch) -> None:
    """Drawing the checklist hands its chat image to the build, which writes it into the site: HTML kept from the
    build before would link to an image this build never wrote."""
    data = tmp_path / "steps.yaml"
    data.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    calls: list[tuple[str, ...]] = []
    monkeypatch.setattr(language_site.LanguageSite, "checklist", lambda self, *args: calls.append(args) or "drawn")
    for _ in range(2):
        started = context.start(tmp_path / "mkdocs.yml", data, "en", TODAY, "http://127.0.0.1:8000/en/", cache=tmp_path)
        assert started.draw("checklist", "mini-cases") == "drawn"
    assert calls == [("mini-cases",), ("mini-cases",)]
