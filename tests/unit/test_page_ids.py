"""A written page's ids are unique (guide/page_ids.py): what the build refuses, and how it names the elements."""

import re

import yaml

from guide import ids, paths
from guide.page_ids import repeated


def test_an_id_on_two_elements_is_named_with_both() -> None:
    html = '<h1 id="parcel-problems">Parcel problems</h1>\n<p>x</p>\n<div class="g-flow x" id="parcel-problems"></div>'
    assert repeated(html) == ["'parcel-problems' (<h1> on line 1, <div class=g-flow> on line 3)"]


def test_unique_ids_and_an_id_in_text_pass() -> None:
    assert repeated('<p id="a">id="a"</p><p id="b" title=\'id="a"\'></p>') == []


def test_an_id_with_an_escape_sequence_is_shown_escaped() -> None:
    html = '<p id="a\x1b[2J"></p><p id="a\x1b[2J"></p>'
    assert repeated(html) == ["'a\\x1b[2J' (<p> on line 1, <p> on line 1)"]


LITERAL_ID = re.compile(r"""\bid="([^"{]+)"|\.id = "([^"]+)"|getElementById\("([^"]+)"\)""")


def test_every_fixed_id_of_the_theme_templates_and_scripts_is_in_the_register() -> None:
    """The ids the overrides' templates and scripts write as literals are those ``ids.FIXED`` lists (or the
    theme's), so a guide's part can never take one unnoticed; the guide's templates take theirs from ``ids``."""
    files = [*paths.ROOT.joinpath("overrides").rglob("*.html"), *paths.ROOT.joinpath("overrides").rglob("*.js")]
    files += list(paths.TEMPLATES.glob("*.html"))
    found = {
        next(g for g in m.groups() if g) for f in files for m in LITERAL_ID.finditer(f.read_text(encoding="utf-8"))
    }
    assert found, "no literal ids found: the pattern no longer matches the templates"
    assert found - set(ids.FIXED) == set()


def test_every_page_that_draws_no_guide_is_a_name_no_guide_may_take() -> None:
    flows = {f["id"] for f in yaml.safe_load(paths.GUIDE_DATA.read_text(encoding="utf-8"))["flows"]}
    for folder in paths.ROOT.joinpath("docs").iterdir():
        pages = {p.stem for p in folder.glob("*.md")}
        assert pages - flows <= set(ids.OWN_PAGES), folder


def test_an_id_repeated_in_any_way_the_parser_reads_it_is_found() -> None:
    """The quick look for repeated values must never miss a repeat the parser sees: unquoted, upper case, spaced,
    escaped, right after another attribute's quoted value that itself says ``id=``, or after a letter whose lower case
    is two letters."""
    cases = [
        "<p id=a></p>\n<p ID = 'a'></p>",
        '<p id="a&amp;b"></p><p id="a&b"></p>',
        '<p id==a></p><p id="a"></p>',
        "<p title='x id=y'id=\"a\"></p><p id='a'></p>",
        "<p id=\"\"></p><p id=''></p>",
        "<p>\u0130stanbul</p><p id=a></p><p Id=a></p>",  # İ lowers to two letters: every later place moves
    ]
    for html in cases:
        assert len(repeated(html)) == 1, html
