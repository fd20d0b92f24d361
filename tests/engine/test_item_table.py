"""Item facts stored as numbers into a table of texts read back as they were written."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdata.model.collected import Collected
from govdata.model.facts import ItemFacts, ResourceFacts, citation
from govdata.validation.item_table import ItemTable

TEXT = st.text(max_size=12)  # any character: names are free text, citations hold U+001F


@st.composite
def item_facts(draw: st.DrawFn) -> ItemFacts:
    names = draw(st.lists(TEXT, max_size=8))
    keys = tuple(draw(st.one_of(st.none(), TEXT)) for _ in names)
    indexes = list(range(len(names)))
    with_element = draw(st.lists(st.sampled_from(indexes), unique=True)) if names else []
    obtained = draw(st.lists(st.sampled_from(indexes), unique=True)) if names else []
    return ItemFacts(
        tuple(names),
        keys,
        tuple((index, draw(TEXT)) for index in sorted(with_element)),
        tuple(obtained),
        tuple(citation(draw(TEXT), draw(TEXT)) for _ in obtained),
    )


@given(st.lists(item_facts(), max_size=6))
def test_what_is_encoded_decodes_the_same_against_the_saved_table(resources: list[ItemFacts]) -> None:
    writing = ItemTable()
    saved = [writing.encode(items) for items in resources]
    reading = ItemTable(writing.all_texts())
    assert [reading.decode(data) for data in saved] == resources


@given(item_facts(), st.integers(min_value=1, max_value=40))
def test_numbers_cut_short_or_past_the_table_are_refused(items: ItemFacts, cut: int) -> None:
    table = ItemTable()
    data = table.encode(items)
    short = ItemTable(table.all_texts()[:-1]) if table.all_texts() else ItemTable()
    for damaged, reader in ((data[: max(0, len(data) - 4 * cut)], ItemTable(table.all_texts())), (data, short)):
        if damaged == data and reader.texts == table.all_texts():
            continue
        try:
            decoded = reader.decode(damaged)
        except (ValueError, IndexError):
            continue
        assert decoded == items and reader is short  # only a table missing an unused text may still fit


def _facts(subject: str, provider: str) -> ResourceFacts:
    return ResourceFacts(
        "p.yaml", "c", "n", provider, "部门", subject, "类", "项", "无条件共享", "不予开放", "2024-01-01", True, 0
    )


@given(st.lists(st.tuples(st.sampled_from(["自然人", "法人和其他组织"]), st.sampled_from(["A", "B"]), item_facts())))
def test_taking_out_what_was_added_leaves_the_sums_of_the_rest(resources: list[tuple[str, str, ItemFacts]]) -> None:
    pairs = [(_facts(subject, provider), items) for subject, provider, items in resources]
    collected = Collected.of(pairs)
    assert Collected.from_tuple(collected.as_tuple()) == collected
    for taken in range(len(pairs)):
        collected.remove(*pairs[taken])
        assert collected == Collected.of(pairs[taken + 1 :])
    assert collected.groups == {}


def test_taking_out_what_was_never_added_is_refused() -> None:
    items = ItemFacts(("姓名",), ("姓名",), (), (), ())
    collected = Collected.of([(_facts("自然人", "A"), items)])
    with pytest.raises(ValueError, match="no resources"):
        collected.remove(_facts("自然人", "B"), items)
    with pytest.raises(ValueError, match="was not counted"):
        collected.remove(_facts("自然人", "A"), ItemFacts(("性别",), ("性别",), (), (), ()))
