"""需求清单 (Art. 16): data a department needs from other departments."""

from __future__ import annotations

from govdata.model.base import Model, NonEmptyText, Uscc, gb
from govdata.model.vocab import DemandStatus


class Demand(Model, title="数据需求"):
    id: str = gb("需求编号", "在本部门需求清单内唯一的编号", pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
    title: NonEmptyText = gb("需求名称", "所需数据的名称")
    provider: Uscc = gb("提供部门代码", "被请求提供数据的部门的统一社会信用代码")
    scenario: NonEmptyText = gb("应用场景", "使用该数据的具体业务场景")
    duty_basis: NonEmptyText = gb("履职依据", "需要该数据的法定职责及其依据")
    items: list[NonEmptyText] = gb("所需信息项", "需要的信息项名称", min_length=1)
    resource: NonEmptyText | None = gb("匹配资源代码", "已匹配的目录信息资源代码", None)
    status: DemandStatus = gb("状态", "待匹配、已匹配或无法满足", "待匹配")


class DemandList(Model, title="需求清单"):
    """catalogs/<dept>/demands.yaml"""

    demands: list[Demand] = gb("需求清单", "本部门需要其他部门提供的数据", [])
