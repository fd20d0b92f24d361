"""What each department collects: its resources' item facts summed per (data subject, provider).

GD107 compares departments, not resources: which item keys more than one department collects
for a data subject, which element ids more than one collects, which citations name nothing.
Summed per department these are a few hundred thousand counts where 100,000 resources hold
5.3 million items. The validation cache keeps the sums of the files it holds and brings them
up to date by the files a change replaced and added (``validation.cache``), so a pull
request's run reads the items of the resources it changed and of the departments where GD107
finds something, not of every resource.

Each count is a number of resources, so a resource's facts can be taken out again exactly.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Container, Iterable
from typing import Any, NamedTuple

from govdata.model.facts import ItemFacts, ResourceFacts

Group = tuple[str, str]  # (data subject, provider code)


class Tally(NamedTuple):
    """How many of a department's resources of one data subject hold each text."""

    keys: dict[str, int]  # GD107's key of an item collected by name
    elements: dict[str, int]  # the element id of an item collected (not obtained by sharing)
    citations: dict[str, int]  # an ``obtained_from`` (``model.facts.citation``)


def _parts(items: ItemFacts) -> tuple[set[str], set[str], set[str]]:
    """The distinct texts one resource adds to its department's tally."""
    keys = {key for key in items.keys if key is not None}
    return keys, {element for _, element in items.collected_elements}, set(items.citations)


class Collected:
    """The tallies of every (data subject, provider) that has resources."""

    def __init__(self, groups: dict[Group, Tally] | None = None) -> None:
        self.groups: dict[Group, Tally] = groups if groups is not None else {}

    @classmethod
    def of(cls, resources: Iterable[tuple[ResourceFacts, ItemFacts]]) -> Collected:
        collected = cls()
        for facts, items in resources:
            collected.add(facts, items)
        return collected

    def add(self, facts: ResourceFacts, items: ItemFacts) -> None:
        parts = _parts(items)
        if not any(parts):
            return  # a group holds some text: as after ``remove``
        group = (facts.data_subject, facts.provider_code)
        tally = self.groups.get(group)
        if tally is None:
            tally = self.groups[group] = Tally({}, {}, {})
        for counts, texts in zip(tally, parts, strict=True):
            for text in texts:
                counts[text] = counts.get(text, 0) + 1

    def remove(self, facts: ResourceFacts, items: ItemFacts) -> None:
        """Take out what ``add`` put in; ValueError when it was not there (the sums and the
        files they came from disagree: the caller counts again from the files)."""
        parts = _parts(items)
        if not any(parts):
            return
        group = (facts.data_subject, facts.provider_code)
        tally = self.groups.get(group)
        if tally is None:
            raise ValueError(f"no resources of {group} were counted")
        for counts, texts in zip(tally, parts, strict=True):
            for text in texts:
                left = counts.get(text, 0) - 1
                if left < 0:
                    raise ValueError(f"{text!r} was not counted for {group}")
                if left:
                    counts[text] = left
                else:
                    del counts[text]
        if not any(tally):
            del self.groups[group]

    def copy(self) -> Collected:
        return Collected({group: Tally(*(dict(counts) for counts in tally)) for group, tally in self.groups.items()})

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Collected) and self.groups == other.groups

    __hash__ = None  # type: ignore[assignment]

    def as_tuple(self) -> tuple[Any, ...]:
        """Plain tuples and dicts, which ``marshal`` stores."""
        return tuple((subject, provider, *tally) for (subject, provider), tally in self.groups.items())

    @classmethod
    def from_tuple(cls, saved: object) -> Collected:
        """``as_tuple`` read back; ValueError when ``saved`` has another shape."""
        if not isinstance(saved, tuple):
            raise ValueError("not a tuple of tallies")
        groups: dict[Group, Tally] = {}
        for entry in saved:
            if not isinstance(entry, tuple) or len(entry) != 5 or not all(isinstance(c, dict) for c in entry[2:]):
                raise ValueError("not a tally")
            subject, provider, keys, elements, citations = entry
            groups[(subject, provider)] = Tally(keys, elements, citations)
        return cls(groups)

    def _taking_part(self, providers: Container[str]) -> Iterable[tuple[Group, Tally]]:
        return ((group, tally) for group, tally in self.groups.items() if group[1] in providers)

    def shared_keys(self, providers: Container[str], ignored: Container[str]) -> dict[str, set[str]]:
        """For each data subject, the keys two or more of ``providers`` collect (less ``ignored``)."""
        by_subject: dict[str, Counter[str]] = defaultdict(Counter)
        for (subject, _), tally in self._taking_part(providers):
            by_subject[subject].update(tally.keys.keys())
        return {
            subject: {key for key, count in counts.items() if count > 1 and key not in ignored}
            for subject, counts in by_subject.items()
        }

    def shared_elements(self, providers: Container[str]) -> set[str]:
        """The element ids two or more of ``providers`` collect, whatever the data subject."""
        collecting: dict[str, set[str]] = defaultdict(set)
        for (_, provider), tally in self._taking_part(providers):
            for element in tally.elements:
                collecting[element].add(provider)
        return {element for element, departments in collecting.items() if len(departments) > 1}

    def citations(self, providers: Container[str]) -> set[str]:
        """Every distinct citation of ``providers``' resources."""
        return set().union(*(tally.citations.keys() for _, tally in self._taking_part(providers)))

    def holding(
        self, providers: Container[str], keys: dict[str, set[str]], elements: set[str], citations: set[str]
    ) -> set[Group]:
        """The groups of ``providers`` with a resource holding one of ``keys`` (by data
        subject), ``elements`` or ``citations``: the resources GD107 reads item by item."""
        empty: set[str] = set()
        return {
            group
            for group, tally in self._taking_part(providers)
            if not tally.keys.keys().isdisjoint(keys.get(group[0], empty))
            or not tally.elements.keys().isdisjoint(elements)
            or not tally.citations.keys().isdisjoint(citations)
        }
