"""Count the "Belum pasti / Not confirmed" marks a reader meets on a built page, every part open as without
JavaScript: per step, per case (route, case or section) and per page. ``python -m scripts.marks [site]`` prints
them for every guide in every language.

A mark is a ``details.g-unsure`` (the screen's marker, whose reason opens under it) or, on the printed checklist,
a ``.g-mark``. Without JavaScript every fold and every helper answer is in the page, so counting the HTML counts
what a reader can meet. The limits are the project's (issue #20): no step carries more than one mark, and no guide
page more than six.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path

from guide.languages import languages

from .htmlq import Node, parse

MAX_PER_STEP = 1
MAX_PER_PAGE = 6
MARK_CLASSES = ("g-unsure", "g-mark")


@dataclass(frozen=True)
class PageMarks:
    """The marks of one page: in all, and by the id of each step and each case that has any."""

    total: int
    steps: dict[str, int] = field(default_factory=dict)
    cases: dict[str, int] = field(default_factory=dict)

    def crowded_steps(self) -> dict[str, int]:
        """The steps over the limit of one mark each."""
        return {ident: n for ident, n in self.steps.items() if n > MAX_PER_STEP}


def is_mark(node: Node) -> bool:
    return any(cls in node.classes for cls in MARK_CLASSES)


def marks_in(node: Node) -> int:
    return sum(1 for n in node.walk()[1:] if is_mark(n))


def page_marks(html: str) -> PageMarks:
    """The marks in a page's content (its ``article``, or the whole text when it has none)."""
    root = parse(html)
    articles = root.all("article")
    content = articles[0] if articles else root
    steps = {li.attrs.get("id", "?"): marks_in(li) for li in content.all("li", "g-step")}
    cases = {s.attrs.get("aria-labelledby", "?"): marks_in(s) for s in content.all("section", "g-group")}
    return PageMarks(
        total=marks_in(content),
        steps={k: n for k, n in steps.items() if n},
        cases={k: n for k, n in cases.items() if n},
    )


def site_marks(site: Path, guides: list[str]) -> dict[tuple[str, str], PageMarks]:
    """Every guide page of every language: ``(language, guide id) -> its marks``."""
    return {
        (lang.code, name): page_marks((site / lang.prefix / f"{name}.html").read_text(encoding="utf-8"))
        for lang in languages()
        for name in guides
    }


def main() -> None:
    import datetime as dt

    from guide import paths
    from guide.load import load_guide

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", default=str(paths.ROOT / "site"), help="the built site (default: site/)")
    site = Path(parser.parse_args().site)
    guides = [f.id for f in load_guide(paths.GUIDE_DATA, dt.date.today()).flows]
    found = site_marks(site, guides)
    codes = [lang.code for lang in languages()]
    print(f"{'guide':<18}" + "".join(f"{c:>6}{'>1/step':>9}" for c in codes))
    for name in guides:
        row = "".join(f"{found[(c, name)].total:>6}{len(found[(c, name)].crowded_steps()):>9}" for c in codes)
        print(f"{name:<18}{row}")
    print(f"{'all':<18}" + "".join(f"{sum(found[(c, n)].total for n in guides):>6}{'':>9}" for c in codes))
    print(f"limits: {MAX_PER_STEP} per step, {MAX_PER_PAGE} per page")


if __name__ == "__main__":
    main()
