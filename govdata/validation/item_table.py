"""Item facts in the cache's main file: numbers into one table of texts, read when asked for.

A pull request's run needs every resource's ``ResourceFacts`` but the ``ItemFacts`` of a few:
the changed files (in the recent file, as tuples) and the resources GD107 looks into. Stored as
tuples of texts, the item facts of 100,000 resources were 70 % of the main file and of the time
``marshal`` took to read it (0.5 of 0.72 s, docs/performance.md). Here each resource's are one
``bytes`` of unsigned 32-bit numbers into a table of the distinct texts (item names, keys,
element ids, citations), which ``marshal`` reads as one copy; a resource's are made into
tuples only when a rule asks for them. The texts come back as the table's own objects, so
each name is held once, however many resources use it.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from itertools import chain, filterfalse, islice

from govdata.model.facts import ItemFacts

_NONE = 0xFFFFFFFF  # the key of an item not compared by name
_CODE = "I"  # unsigned int: 32 bits on every platform CPython supports


class ItemTable:
    """The texts of one main file, and the coding of item facts against them."""

    def __init__(self, texts: tuple[str, ...] = ()) -> None:
        self.texts = texts
        self._numbers: dict[str | None, int] | None = None  # None: the key of an item not compared by name
        self._added: list[str] = []

    def encode(self, items: ItemFacts) -> bytes:
        """``items`` as numbers: the item count, the names, the keys, the element ids' count and
        (index, id) pairs, the citations' count, their item indexes and their texts."""
        numbers = self._table()
        elements = (element for _, element in items.element_ids)
        # Texts already in the table found in C, the numbers looked up by ``map``: a cold run
        # encodes 10 million texts at 100,000 resources, 5.5 s as a Python call each.
        for text in filterfalse(numbers.__contains__, chain(items.items, items.keys, elements, items.citations)):
            if text not in numbers:  # twice in this resource
                numbers[text] = len(self.texts) + len(self._added)
                self._added.append(text)  # type: ignore[arg-type]  # None is in the table from the start
        number = numbers.__getitem__
        values = [len(items.items), *map(number, items.items), *map(number, items.keys), len(items.element_ids)]
        for index, element in items.element_ids:
            values += (index, number(element))
        values.append(len(items.citations))
        values += items.source_items
        values += map(number, items.citations)
        return array(_CODE, values).tobytes()

    def decode(self, data: bytes) -> ItemFacts:
        """``encode``'s numbers as item facts; ValueError or IndexError when they do not fit."""
        numbers = array(_CODE)
        numbers.frombytes(data)
        try:
            return self._decode(iter(numbers))
        except StopIteration:
            raise ValueError("item facts cut short") from None

    def _decode(self, read: Iterator[int]) -> ItemFacts:
        text = self.texts.__getitem__
        count = next(read)
        items = tuple(map(text, islice(read, count)))
        keys = tuple(None if key == _NONE else text(key) for key in islice(read, count))
        pairs = list(islice(read, 2 * next(read)))
        elements = tuple((index, text(element)) for index, element in zip(pairs[::2], pairs[1::2], strict=True))
        cited = next(read)
        sources = tuple(islice(read, cited))
        citations = tuple(map(text, islice(read, cited)))
        if len(keys) != count or len(citations) != cited or next(read, None) is not None:
            raise ValueError("item facts of another length")
        return ItemFacts(items, keys, elements, sources, citations)

    def _table(self) -> dict[str | None, int]:
        if self._numbers is None:
            self._numbers = {text: number for number, text in enumerate(self.texts)}
            self._numbers[None] = _NONE
        return self._numbers

    def all_texts(self) -> tuple[str, ...]:
        """The table with every text ``encode`` added, to save beside the numbers."""
        return (*self.texts, *self._added)
