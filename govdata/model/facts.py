"""What the cross-file rules need of one resource, small enough to hold 100,000 of them.

A validated resource model of 10 KB of YAML costs about 99 KB of memory; the cross-file
rules read a handful of its fields. ``ResourceFacts`` keeps exactly those, so a large
instance is checked across files without every model held at once (issue 12). Who reads what:

- GD011, GD012 (codes and file names): ``path``, ``code``, ``provider_code``;
- GD107 (one data, one source): ``provider_code``, ``provider_name``, ``data_subject``,
  ``class_``, ``group``, ``items``, ``element_ids``, ``sources``;
- GD109 (a release date after today): ``release_date``;
- GD110 (demands), grants, cases, projects (references): ``code``, ``name``, ``items``;
- the run summary: ``class_``, ``group``, ``sharing``, ``opening``, ``items``.

Facts are plain tuples on the wire (``as_tuple``/``from_tuple``): they cross process
boundaries and sit in the validation cache, where ``marshal`` reads tuples of strings fastest.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govdata.model.catalog import Document
    from govdata.model.resource import Resource

_intern = sys.intern  # item names repeat across thousands of resources: keep one copy of each


@dataclass(frozen=True, slots=True)
class ResourceFacts:
    path: str
    code: str
    name: str
    provider_code: str
    provider_name: str
    data_subject: str
    class_: str
    group: str
    sharing: str
    opening: str
    release_date: str  # ISO date
    items: tuple[str, ...]  # item names, in file order
    element_ids: tuple[tuple[int, str], ...]  # (item index, element id), only items that have one
    sources: tuple[tuple[int, str, str], ...]  # (item index, resource code, item name) of obtained_from

    @classmethod
    def of(cls, document: Document[Resource]) -> ResourceFacts:
        resource = document.model
        items = resource.items
        return cls(
            document.path,
            resource.code,
            resource.name,
            resource.provider.code,
            resource.provider.name,
            resource.data_subject,
            resource.classification.class_,
            _intern(resource.classification.group),
            resource.sharing.type,
            resource.opening.type,
            resource.release_date.isoformat(),
            tuple(_intern(item.name) for item in items),
            tuple((index, item.element_id) for index, item in enumerate(items) if item.element_id is not None),
            tuple(
                (index, item.obtained_from.resource, item.obtained_from.item)
                for index, item in enumerate(items)
                if item.obtained_from is not None
            ),
        )

    def as_tuple(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    @classmethod
    def from_tuple(cls, values: tuple[object, ...]) -> ResourceFacts:
        """Facts from ``as_tuple``; ``marshal`` keeps the names interned, so they are not interned again."""
        return cls(*values)  # type: ignore[arg-type]

    def __reduce__(self) -> tuple[object, ...]:
        # From a worker process: pickle does not keep strings interned, so intern them on arrival,
        # or 100,000 resources would hold millions of copies of the same few thousand item names.
        return (_interned, (self.as_tuple(),))


def _interned(values: tuple[object, ...]) -> ResourceFacts:
    facts = ResourceFacts(*values)  # type: ignore[arg-type]
    object.__setattr__(facts, "items", tuple(map(_intern, facts.items)))
    object.__setattr__(facts, "group", _intern(facts.group))
    return facts
