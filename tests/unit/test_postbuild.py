"""The post-build steps, each on a few lines of input: CSS slimming and the pages' indentation."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.postbuild.html import collapse_indentation
from guide.postbuild.slim import Names, drop_properties, may_match, site_names, slim, used_properties

NAMES = Names(words=frozenset({"md-header", "g-step", "js", "open"}), tags=frozenset({"div", "p", "a", "html"}))


@pytest.mark.parametrize(
    ("selector", "kept"),
    [
        (".md-header", True),
        (".md-tabs", False),  # a class no page has
        ("div.g-step > p", True),
        ("table td", False),  # no table on the site
        ("#open", True),
        ("[data-state=open] a", True),
        ("[data-state=closed] a", False),
        (".js .md-header", True),
        (":not(.md-tabs) p", True),  # a name inside :not() proves nothing
        ("html:is(.unknown) p", True),
        ("a:hover", True),
    ],
)
def test_a_selector_is_kept_unless_it_names_something_that_occurs_nowhere(selector: str, kept: bool) -> None:
    assert may_match(selector, NAMES) is kept


def test_slim_keeps_the_rules_that_may_match_and_their_media_queries() -> None:
    css = ".md-header{color:red}.md-tabs{color:blue}@media print{.g-step{break-inside:avoid}.md-tabs{x:y}}"
    out = slim(css, NAMES)
    assert ".md-header{color:red}" in out and ".md-tabs" not in out
    assert "@media print{.g-step{break-inside:avoid}}" in out


def test_a_rule_with_one_matching_selector_keeps_only_that_one() -> None:
    assert slim(".md-tabs,.md-header{color:red}", NAMES) == ".md-header{color:red}"


def test_unread_custom_properties_are_dropped_and_read_ones_kept() -> None:
    css = ":root{--used:1px;--unused:url(data:x);color:red}"
    out = drop_properties(css, used_properties([css, ".a{margin:var(--used)}"]))
    assert "--used:1px" in out and "--unused" not in out and "color:red" in out


def test_a_property_set_from_a_script_counts_as_read() -> None:
    assert "--g-height" in used_properties(["el.style.setProperty('--g-height', h)"])


def test_site_names_come_from_the_pages_and_the_sites_own_scripts(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text('<div class="g-step open" id="x"><p>t</p></div>', encoding="utf-8")
    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    (tmp_path / "assets" / "guide.js").write_text("/* the first result */ el.classList.add('g-flash') // ghost",
                                                  encoding="utf-8")  # fmt: skip
    (tmp_path / "assets" / "javascripts" / "bundle.x.js").write_text("'md-every-feature'", encoding="utf-8")
    names = site_names(tmp_path)
    assert {"g-step", "open", "x", "g-flash"} <= names.words
    assert "md-every-feature" not in names.words, "Material's own script names every feature: not a page's names"
    assert not {"result", "ghost"} & names.words, "a word in a comment keeps no rule (.highlight+.result)"
    assert {"div", "p"} <= names.tags


def test_collapse_indentation_keeps_pre_and_textarea() -> None:
    html = "<div>\n    <p>a</p>\n\n    <pre>  keep\n    this</pre>\n  <textarea>\n  x</textarea>\n</div>"
    assert (
        collapse_indentation(html) == "<div>\n<p>a</p>\n<pre>  keep\n    this</pre>\n<textarea>\n  x</textarea>\n</div>"
    )
