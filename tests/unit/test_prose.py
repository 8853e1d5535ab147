"""A page's own prose, as the search sees it: headings with their ids, and the text under each."""

from __future__ import annotations

from guide.search.prose import page_prose


def test_headings_get_the_ids_the_page_has_and_macro_calls_are_left_out() -> None:
    prose = page_prose('# Batal pesanan\n\nIntro [link](x.md).\n\n{{ flow("x") }}\n\n## Dari mana\n\nTeks.\n')
    assert [(s.id, s.title, s.blocks) for s in prose.sections] == [
        ("batal-pesanan", "Batal pesanan", ["Intro link."]),
        ("dari-mana", "Dari mana", ["Teks."]),
    ]


def test_an_admonition_is_prose_too() -> None:
    prose = page_prose('# T\n\n!!! note "Bukan situs resmi"\n    Kami independen.\n')
    assert prose.sections[0].blocks == ["Bukan situs resmi", "Kami independen."]
