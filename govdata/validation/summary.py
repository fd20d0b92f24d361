"""Counts that tell a maintainer what an instance holds, for the end of a validation report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
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


def summarize(catalog: Catalog) -> CatalogSummary:
    resources = catalog.resource_facts
    classes = Counter(r.class_ for r in resources)
    return CatalogSummary(
        departments=len(catalog.departments),
        providing_departments=len({r.provider_code for r in resources}),
        resources=len(resources),
        items=sum(len(r.items) for r in resources),
        legal_bases=len(catalog.legal_bases),
        demands=sum(len(d.model.demands) for d in catalog.demand_lists),
        sample_data=catalog.config.sample_data,
        by_class=dict(sorted(classes.items())),
        by_sharing=dict(sorted(Counter(r.sharing for r in resources).items())),
        by_opening=dict(sorted(Counter(r.opening for r in resources).items())),
        base_libraries=_groups(catalog, "基础信息资源"),
        themes=_groups(catalog, "主题信息资源"),
    )


def _groups(catalog: Catalog, class_: str) -> dict[str, int]:
    """How many resources of ``class_`` each 项 holds, under the classification registry's names."""
    counts = Counter(catalog.canonical_class_name(r.group) for r in catalog.resource_facts if r.class_ == class_)
    return dict(sorted(counts.items()))
