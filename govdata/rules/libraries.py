"""Base libraries (基础信息资源库) and the departments registered as leading them (Art. 15)."""

from __future__ import annotations

from typing import get_args

from govdata.model.catalog import Catalog
from govdata.model.registry import Department
from govdata.model.resource import Resource
from govdata.model.vocab import BaseLibrary

BASE_LIBRARIES: tuple[str, ...] = get_args(BaseLibrary)
BASE_CLASS = "基础信息资源"
THEME_CLASS = "主题信息资源"

# The base library that holds the identity of each kind of data subject (Art. 15, 20).
SUBJECT_LIBRARY: dict[str, str] = {
    "自然人": "人口基础信息资源",
    "法人和其他组织": "法人单位基础信息资源",
    "自然资源和空间地理": "自然资源和空间地理基础信息资源",
}


def base_library(resource: Resource, catalog: Catalog | None = None) -> str | None:
    """The base library a resource belongs to, or None (also for an unknown 项 name).

    With ``catalog``, a synonym from registry/classification.yaml counts (人口 ≡ 人口基础信息资源).
    """
    return library_of(resource.classification.class_, resource.classification.group, catalog)


def library_of(class_: str, group: str, catalog: Catalog | None = None) -> str | None:
    """``base_library`` from a resource's 类 and 项 alone (what its facts keep)."""
    canonical = catalog.canonical_class_name(group) if catalog else group
    if class_ == BASE_CLASS and canonical in BASE_LIBRARIES:
        return canonical
    return None


def leads_of(catalog: Catalog, library: str) -> list[Department]:
    """The departments whose registry entry says they lead ``library``."""
    return [department for department in catalog.departments if library in department.leads]
