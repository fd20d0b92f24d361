"""Counts that tell a maintainer what an instance holds, for the end of a validation report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from govdata.model.catalog import Catalog


@dataclass(frozen=True)
class CatalogSummary:
    departments: int = 0
    providing_departments: int = 0
    resources: int = 0
    items: int = 0
    legal_bases: int = 0
    demands: int = 0
    sample_data: bool = False
    by_class: dict[str, int] = field(default_factory=dict)
    by_sharing: dict[str, int] = field(default_factory=dict)
    by_opening: dict[str, int] = field(default_factory=dict)
    base_libraries: dict[str, int] = field(default_factory=dict)
    themes: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


_CLASS, _PROVIDER, _ITEM_COUNT, _SHARING, _OPENING = (
    attrgetter(name) for name in ("class_", "provider_code", "item_count", "sharing", "opening")
)
_CLASS_AND_GROUP = attrgetter("class_", "group")


def summarize(catalog: Catalog) -> CatalogSummary:
    resources = catalog.resource_facts
    # Counted in C over each column (100,000 resources in a pull request's run), then named.
    groups = Counter(map(_CLASS_AND_GROUP, resources))
    return CatalogSummary(
        departments=len(catalog.departments),
        providing_departments=len(set(map(_PROVIDER, resources))),
        resources=len(resources),
        items=sum(map(_ITEM_COUNT, resources)),
        legal_bases=len(catalog.legal_bases),
        demands=sum(len(d.model.demands) for d in catalog.demand_lists),
        sample_data=catalog.config.sample_data,
        by_class=dict(sorted(Counter(map(_CLASS, resources)).items())),
        by_sharing=dict(sorted(Counter(map(_SHARING, resources)).items())),
        by_opening=dict(sorted(Counter(map(_OPENING, resources)).items())),
        base_libraries=_groups(catalog, groups, "基础信息资源"),
        themes=_groups(catalog, groups, "主题信息资源"),
    )


def _groups(catalog: Catalog, groups: Counter[tuple[str, str]], class_: str) -> dict[str, int]:
    """How many resources of ``class_`` each 项 holds, under the classification registry's names."""
    counts: Counter[str] = Counter()
    for (of_class, group), count in groups.items():
        if of_class == class_:
            counts[catalog.canonical_class_name(group)] += count
    return dict(sorted(counts.items()))
