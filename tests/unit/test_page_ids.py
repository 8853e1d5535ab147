"""A written page's ids are unique (guide/page_ids.py): what the build refuses, and how it names the elements."""

from guide.page_ids import repeated


def test_an_id_on_two_elements_is_named_with_both() -> None:
    html = '<h1 id="parcel-problems">Parcel problems</h1><div class="g-flow x" id="parcel-problems"></div>'
    assert repeated(html) == ["parcel-problems (<h1>, <div class=g-flow>)"]


def test_unique_ids_and_an_id_in_text_pass() -> None:
    assert repeated('<p id="a">id="a"</p><p id="b" title=\'id="a"\'></p>') == []
