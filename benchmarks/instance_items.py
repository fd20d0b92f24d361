"""Information items (信息项) of the synthetic resources: their specs, their YAML, which ones a resource has.

Two kinds of item names: common ones (姓名, 受理日期, 申请人联系电话 …) that many departments
use, and object ones (a business object + a field, 机动车登记日期) that are one department's own.
"""

from __future__ import annotations

import math
import random
import zlib
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from instance_vocabulary import (
    IDENTIFIER_ITEMS,
    ITEMS,
    LIBRARY_CORE,
    OBJECT_FIELDS,
    ORG,
    PERSON,
    ROLE_FIELDS,
    ROLES,
    ItemSpec,
)

if TYPE_CHECKING:
    from instance_resources import Planned

MIN_ITEMS, MAX_ITEMS = 5, 200


def _common_items() -> dict[str, ItemSpec]:
    items = dict(ITEMS)
    for role in ROLES:
        for field, spec in ROLE_FIELDS.items():
            items[role + field] = spec._replace(description=role + spec.description)
    return items


COMMON_ITEMS = _common_items()
_POOL = tuple(COMMON_ITEMS)


_FIELDS_LONGEST_FIRST = sorted(OBJECT_FIELDS, key=len, reverse=True)


def item_spec(name: str) -> ItemSpec:
    """The spec of a common item, or of an object item ("机动车" + "登记日期") by its longest field suffix."""
    spec = COMMON_ITEMS.get(name)
    if spec is not None:
        return spec
    field = next(field for field in _FIELDS_LONGEST_FIRST if name.endswith(field))
    return OBJECT_FIELDS[field]._replace(description=name.removesuffix(field) + OBJECT_FIELDS[field].description)


@cache  # the same few thousand (name, basic, source) blocks recur across 10k files
def item_text(name: str, basic: bool, source: str | None) -> str:
    spec = item_spec(name)
    lines = [f"  - name: {name}", f"    data_type: {spec.data_type}"]
    if spec.length is not None:
        lines.append(f"    length: {spec.length}")
    if zlib.crc32(name.encode("utf-8")) % 3:  # a third of the items have no description, as in practice
        lines.append(f"    description: {spec.description}")
    lines.append(f"    basic: {'true' if basic else 'false'}")
    if name in IDENTIFIER_ITEMS:
        lines.append(f"    identifier: {IDENTIFIER_ITEMS[name]}")
    lines.append(f"    personal_info: {spec.personal_info}")
    if source is not None:
        lines += ["    obtained_from:", f'      resource: "{source}"', f"      item: {name}"]
    return "\n".join(lines) + "\n"


def log_uniform_count(rng: random.Random) -> int:
    """5-200 items, log-uniform (mean ≈ 53, median ≈ 32), as in the shared benchmark corpus."""
    return min(MAX_ITEMS, int(math.exp(rng.uniform(math.log(MIN_ITEMS), math.log(MAX_ITEMS + 1)))))


# The data subject of each base library's resources (Art. 15, 20).
LIBRARY_SUBJECT = {
    "人口基础信息资源": "自然人",
    "法人单位基础信息资源": "法人和其他组织",
    "社会信用基础信息资源": "法人和其他组织",
    "自然资源和空间地理基础信息资源": "自然资源和空间地理",
    "电子证照基础信息资源": "事项和事件",
}
SUBJECT_HEAD = {
    "自然人": (PERSON, "姓名"),
    "法人和其他组织": (ORG, "单位名称"),
    "自然资源和空间地理": ("不动产单元号", "坐落"),
    "事项和事件": ("业务流水号", "事项名称"),
}
GENERIC_SHARE = 0.2  # of a resource's items, the share with common names (姓名, 受理日期 …)


@dataclass(frozen=True, slots=True)
class Picked:
    """A resource's data subject and item names, chosen before any file is written.

    The generator needs every resource's items first: an item collected by two departments
    must name one of them as its source (Art. 20), and that is only known for the whole instance.
    """

    subject: str
    names: tuple[str, ...]


def pick_items(plan: Planned, rng: random.Random) -> Picked:
    if plan.class_name == "基础信息资源":
        subject = LIBRARY_SUBJECT[plan.group]
    elif plan.department.slug == "ziran":
        subject = "自然资源和空间地理"
    else:
        subject = rng.choices(("自然人", "法人和其他组织", "事项和事件"), (40, 35, 25))[0]
    core = LIBRARY_CORE.get(plan.group, ()) if plan.class_name == "基础信息资源" else ()
    chosen = list(dict.fromkeys((*SUBJECT_HEAD[subject], *core)))
    rest = max(log_uniform_count(rng), len(chosen)) - len(chosen)
    taken = set(chosen)
    generic = min(round(rest * GENERIC_SHARE), len(_POOL) - len(taken))
    chosen += rng.sample([name for name in _POOL if name not in taken], generic)
    # Items of this resource's own object first, then of the department's other objects.
    own = [plan.obj + field for field in OBJECT_FIELDS]
    others = [obj + field for obj in plan.department.objects if obj != plan.obj for field in OBJECT_FIELDS]
    rng.shuffle(others)
    chosen += (rng.sample(own, len(own)) + others)[: rest - generic]
    return Picked(subject, tuple(chosen))
