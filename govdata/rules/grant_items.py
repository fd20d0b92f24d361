"""What is wrong with the items a grant asks for, measured against the catalog as it is now.

GD301 asks it of pending requests (the request cannot be granted as written); GD309 asks it
of grants in force (the catalog has since removed or closed what was granted, Art. 36).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass

from govdata.diagnostics import Pointer
from govdata.i18n import Text
from govdata.model.catalog import Catalog
from govdata.model.grant import Grant
from govdata.model.resource import Item, Resource


@dataclass(frozen=True, slots=True)
class ItemProblem:
    pointer: Pointer
    message: Text
    hint: Text | None = None


def effective_sharing(resource: Resource, item: Item) -> str:
    """An item's own sharing type, or its resource's when it has none."""
    return item.sharing_type or resource.sharing.type


def item_problems(catalog: Catalog, grant: Grant) -> Iterator[ItemProblem]:
    """The resource is missing, an item is missing, or an item is 不予共享."""
    resource = catalog.resource(grant.resource)
    if resource is None and catalog.resource_file_present(grant.resource):
        return  # the resource's file is there but broken or misnamed; its own findings say so
    if resource is None:
        yield ItemProblem(
            ("resource",),
            Text(f"目录中没有信息资源“{grant.resource}”", f"the catalog has no resource {grant.resource}"),
            Text(
                "核对信息资源代码；govdata demands 可按信息项名称查找候选资源",
                "check the code; govdata demands suggests resources by item name",
            ),
        )
        return
    names = [item.name for item in resource.items]
    for index, requested in enumerate(grant.items):
        item = resource.item_named(requested.name)
        if item is None:
            guess = difflib.get_close_matches(requested.name, names, n=1, cutoff=0.5)
            yield ItemProblem(
                ("items", index, "name"),
                Text(
                    f"信息资源“{resource.name}”（{resource.code}）中没有信息项“{requested.name}”",
                    f"resource {resource.code} ({resource.name}) has no item {requested.name!r}",
                ),
                Text(f"是否应为“{guess[0]}”？", f"did you mean {guess[0]!r}?")
                if guess
                else Text("可申请的信息项：" + "、".join(names), "items of the resource: " + ", ".join(names)),
            )
        elif effective_sharing(resource, item) == "不予共享":
            yield ItemProblem(
                ("items", index, "name"),
                Text(
                    f"信息项“{item.name}”为不予共享（第三十二条）",
                    f"item {item.name!r} is 不予共享, not shared (Art. 32)",
                ),
                Text("不予共享的信息项不能申请，请删去", "a 不予共享 item cannot be requested; remove it"),
            )
