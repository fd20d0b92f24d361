"""政务信息化建设项目 (Art. 56): a project's catalog list before approval, hub integration at acceptance.

A project names the resources its systems will produce and consume (the project's 政务数据目录清单).
The list is a condition of approval; at acceptance every listed resource must be in the catalog
and each produced resource's hub integration (对接示范区数据中台) must be on record.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from govdata.model.base import IsoDate, Model, NonEmptyText, Uscc, gb
from govdata.model.resource import RESOURCE_CODE_PATTERN

PROJECT_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]*$"
ResourceCode = Annotated[str, Field(pattern=RESOURCE_CODE_PATTERN)]


class CatalogList(Model, title="项目政务数据目录清单"):
    produces: list[ResourceCode] = gb("产生的信息资源", "项目建成后产生并须编入目录的信息资源代码（第五十六条）", [])
    consumes: list[ResourceCode] = gb("使用的信息资源", "项目通过共享使用的其他部门信息资源代码", [])

    def codes(self) -> list[str]:
        return [*self.produces, *self.consumes]


class HubIntegration(Model, title="数据中台对接记录"):
    system: NonEmptyText = gb("系统名称", "与示范区数据中台完成对接的政务信息系统")
    resource: str = gb("信息资源代码", "通过该对接汇聚或共享的信息资源代码", pattern=RESOURCE_CODE_PATTERN)
    date: IsoDate = gb("对接完成日期", "对接完成并经数据主管部门确认的日期，格式 YYYY-MM-DD")
    interface: NonEmptyText | None = gb("接口或汇聚任务", "对接所用的接口服务或汇聚任务名称（可选）", None)


class Project(Model, title="政务信息化建设项目"):
    """projects/<id>.yaml"""

    id: str = gb("项目编号", "在全区唯一的项目编号，也是文件名", pattern=PROJECT_ID_PATTERN)
    name: NonEmptyText = gb("项目名称", "政务信息化建设项目的名称")
    department: Uscc = gb("建设部门代码", "项目建设单位的统一社会信用代码，须在部门名录中登记")
    systems: list[NonEmptyText] = gb("建设系统", "项目建设或改造的政务信息系统", min_length=1)
    catalog_list: CatalogList = gb(
        "政务数据目录清单", "申请审批前预编制的本项目政务数据目录清单，作为审批要件（第五十六条）", CatalogList()
    )
    approved: IsoDate | None = gb("审批日期", "项目获批的日期；未获批时不填", None)
    accepted: IsoDate | None = gb("验收日期", "项目通过验收的日期；未验收时不填", None)
    hub_integrations: list[HubIntegration] = gb(
        "数据中台对接记录", "各系统与示范区政务数据共享交换平台完成对接的记录，作为验收要求（第五十六条）", []
    )
    notes: NonEmptyText | None = gb("备注", "其他说明（可选）", None)


__all__ = ["CatalogList", "HubIntegration", "Project"]
