"""What the cross-file rules need of one resource, small enough to hold 100,000 of them.

A validated resource model of 10 KB of YAML costs about 99 KB of memory; the cross-file
rules read a handful of its fields. The facts keep exactly those, so a large instance is
checked across files without every model held at once (issue 12), in two parts:

- ``ResourceFacts``, read for every resource at every run: GD011 (codes): ``path``, ``code``;
  GD012 (file names): ``path``, ``code``, ``named_after_code``; GD107: ``provider_code``,
  ``provider_name``, ``data_subject``, ``class_``, ``group``; GD109: ``release_date``; the run
  summary: ``provider_code``, ``class_``, ``group``, ``sharing``, ``opening``, ``item_count``;
- ``ItemFacts``, read for the resources a rule looks into: GD107 (``items``, ``keys``,
  ``element_ids``, ``source_items``, ``citations``; over the whole instance it reads
  ``model.collected``, their sum per department), GD110 and the references (``items``).

Facts are plain tuples on the wire (``as_tuple``): they cross process boundaries and sit in
the validation cache, where ``marshal`` reads tuples of strings fastest.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from govdata.model.kinds import resource_file_name
from govdata.model.names import normalise

if TYPE_CHECKING:
    from govdata.model.catalog import Document
    from govdata.model.resource import Resource

_intern = sys.intern  # item names repeat across thousands of resources: keep one copy of each

_LENGTH_END = "\x1f"  # ends the code's length: digits never contain it


def citation(code: str, item: str) -> str:
    """One ``obtained_from`` as a single text: the code's length, U+001F, the code, the item's
    name. The length says where the code ends, whatever either text holds (``obtained_from`` is
    free text, and a double-quoted YAML string can hold any character)."""
    return f"{len(code)}{_LENGTH_END}{code}{item}"


def cited(text: str) -> tuple[str, str]:
    """The (resource code, item name) of a ``citation``."""
    length, _, rest = text.partition(_LENGTH_END)
    return rest[: int(length)], rest[int(length) :]


class ResourceFacts(NamedTuple):
    """A named tuple: 100,000 of them are made from the cache in one run, and a tuple is built
    from its values at C speed (a frozen dataclass sets each field through a Python call)."""

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
    named_after_code: bool  # the file's name is its code with ``/`` as ``-`` (GD012)
    item_count: int

    def as_tuple(self) -> tuple[object, ...]:
        """The values as a plain tuple, which ``marshal`` stores (it refuses tuple subclasses)."""
        return tuple(self)

    def __reduce__(self) -> tuple[object, ...]:
        # From a worker process: pickle does not keep strings interned, so intern them on arrival.
        return (_shared_resource, (tuple(self),))


class ItemFacts(NamedTuple):
    """What GD107 and the references need of a resource's items: kept apart from
    :class:`ResourceFacts` because they are 80 % of the bytes, and a pull request's run reads
    them for the few resources a change touches, not for all 100,000 (``validation.item_table``)."""

    items: tuple[str, ...]  # item names, in file order
    # GD107's key of each item collected by name: the name made comparable (``model.names.normalise``),
    # None for an item obtained by sharing or compared by its element id. Worked out per file, here,
    # so the cross-file pass does set operations only.
    keys: tuple[str | None, ...]
    element_ids: tuple[tuple[int, str], ...]  # (item index, element id), only items that have one
    # The items obtained by sharing (obtained_from), as two parallel columns: a resource cites
    # a dozen on average, and one tuple per citation tripled the facts' memory.
    source_items: tuple[int, ...]  # item index
    # What each cites, one text per citation (``citation``): interned, with its hash kept, so
    # the 1.2 million citations of 100,000 resources make a set 7× faster than (code, item) pairs.
    citations: tuple[str, ...]

    @property
    def sources(self) -> Iterator[tuple[int, str, str]]:
        """(item index, resource code, item name) of each item obtained by sharing."""
        for index, text in zip(self.source_items, self.citations, strict=True):
            yield index, *cited(text)

    @property
    def collected_elements(self) -> Iterator[tuple[int, str]]:
        """(item index, element id) of the items with an element id not obtained by sharing."""
        obtained = set(self.source_items) if self.element_ids else ()
        return ((index, element) for index, element in self.element_ids if index not in obtained)

    def as_tuple(self) -> tuple[object, ...]:
        return tuple(self)

    def __reduce__(self) -> tuple[object, ...]:
        # As for ResourceFacts: millions of copies of the same few thousand item names otherwise.
        return (_shared_items, (tuple(self),))


def facts_of(document: Document[Resource], *, shared: bool = True) -> tuple[ResourceFacts, ItemFacts]:
    """The facts of ``document``; with ``shared`` off, repeated texts are not interned (a worker
    process's facts are interned where they arrive, see ``__reduce__``)."""
    resource = document.model
    items = resource.items
    obtained = [(index, item.obtained_from) for index, item in enumerate(items) if item.obtained_from is not None]
    about = (
        document.path,
        resource.code,
        resource.name,
        resource.provider.code,
        resource.provider.name,
        resource.data_subject,
        resource.classification.class_,
        resource.classification.group,
        resource.sharing.type,
        resource.opening.type,
        resource.release_date.isoformat(),
        document.path.rpartition("/")[2] == resource_file_name(resource.code),
        len(items),
    )
    columns = (
        tuple(item.name for item in items),
        tuple(
            None if item.obtained_from is not None or item.element_id is not None else normalise(item.name)
            for item in items
        ),
        tuple((index, item.element_id) for index, item in enumerate(items) if item.element_id is not None),
        tuple(index for index, _ in obtained),
        tuple(citation(source.resource, source.item) for _, source in obtained),
    )
    if shared:
        return _shared_resource(about), _shared_items(columns)
    return ResourceFacts._make(about), ItemFacts._make(columns)


# Values that repeat across resources (vocabularies, departments, item names, cited codes):
# one copy each, whatever process or file they were read from.
_SHARED_TEXTS = tuple(
    ResourceFacts._fields.index(name)
    for name in (
        "provider_code",
        "provider_name",
        "data_subject",
        "class_",
        "group",
        "sharing",
        "opening",
        "release_date",
    )
)
_SHARED_COLUMNS = tuple(ItemFacts._fields.index(name) for name in ("items", "keys", "citations"))


def _shared_resource(values: tuple[Any, ...]) -> ResourceFacts:
    """Facts from ``values`` with every repeated text interned."""
    shared = list(values)
    for position in _SHARED_TEXTS:
        shared[position] = _intern(shared[position])
    return ResourceFacts._make(shared)


def _shared_items(values: tuple[Any, ...]) -> ItemFacts:
    """Item facts from ``values`` with every name, key and citation interned."""
    shared = list(values)
    for position in _SHARED_COLUMNS:
        shared[position] = tuple(None if text is None else _intern(text) for text in shared[position])
    return ItemFacts._make(shared)
