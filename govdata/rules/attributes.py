"""Effective sharing and opening attributes of information items, and how strict each value is.

An item without its own ``sharing_type`` / ``opening_type`` takes its resource's. Both scales
run from the least to the most restrictive: 无条件 (0) < 有条件 (1) < 不予 (2).
"""

from __future__ import annotations

from govdata.model.resource import Item, Resource
from govdata.model.vocab import OpeningType, SharingType

SHARING_RANK: dict[str, int] = {"无条件共享": 0, "有条件共享": 1, "不予共享": 2}
OPENING_RANK: dict[str, int] = {"无条件开放": 0, "有条件开放": 1, "不予开放": 2}


def effective_sharing(resource: Resource, item: Item) -> SharingType:
    return item.sharing_type or resource.sharing.type


def effective_opening(resource: Resource, item: Item) -> OpeningType:
    return item.opening_type or resource.opening.type
