"""采集责任清单 (Art. 18): what a department must collect and aggregate, derived from its catalog.

``govdata responsibility build`` writes the derived fields from the catalog; the fields marked
手工维护 (aggregation status, last aggregation date, notes) are kept across rebuilds.
"""

from __future__ import annotations

from typing import Literal

from govdata.model.base import IsoDate, Model, NonEmptyText, Uscc, gb
from govdata.model.vocab import AggregationMode, UpdateCycle

AggregationStatus = Literal["未汇聚", "部分汇聚", "已汇聚", "免于汇聚"]

# Keys a rebuild keeps from the existing file; everything else is derived from the catalog.
HAND_KEPT_FIELDS: tuple[str, ...] = ("status", "last_aggregated", "notes")


class ResponsibilityEntry(Model, title="采集责任"):
    code: str = gb("信息资源代码", "目录中该信息资源的代码（由目录生成）")
    name: NonEmptyText = gb("信息资源名称", "信息资源的名称（由目录生成）")
    collect: list[NonEmptyText] = gb(
        "采集信息项",
        "本部门自行采集的信息项，即未注明共享来源的信息项；为空表示资源无结构化信息项，整体采集（由目录生成）",
        [],
    )
    obtained: list[NonEmptyText] = gb(
        "共享获取信息项", "通过共享获取、无须重复采集的信息项（第二十条，由目录生成）", []
    )
    source_system: NonEmptyText | None = gb("来源系统", "产生该资源的政务信息系统（由目录生成）", None)
    identifiers: list[NonEmptyText] = gb("标识信息项", "作为数据主体标识的信息项，如公民身份号码（由目录生成）", [])
    aggregation_mode: AggregationMode = gb("汇聚方式", "实时汇聚、非实时汇聚或不汇聚（由目录生成）")
    update_cycle: UpdateCycle = gb("更新周期", "资源的更新周期（由目录生成）")
    next_due: IsoDate | None = gb(
        "下次汇聚到期日",
        "按更新周期推算的下次汇聚截止日，遇法定节假日和休息日顺延至下一工作日；无固定周期或日历未知时为空（由目录生成）",
        None,
    )
    due_note: NonEmptyText = gb("到期日说明", "到期日如何推算，或为何无法确定（由目录生成）")
    status: AggregationStatus = gb("汇聚状态", "未汇聚、部分汇聚、已汇聚或免于汇聚（手工维护）", "未汇聚")
    last_aggregated: IsoDate | None = gb("最近汇聚日期", "最近一次完成汇聚的日期（手工维护）", None)
    notes: NonEmptyText | None = gb("备注", "落实情况说明（手工维护）", None)


class ResponsibilityList(Model, title="采集责任清单"):
    """responsibility/<dept>.yaml"""

    department: Uscc = gb("部门代码", "责任部门的统一社会信用代码")
    name: NonEmptyText = gb("部门名称", "责任部门全称")
    resources: list[ResponsibilityEntry] = gb("采集责任", "本部门目录中每个须采集的信息资源", [])


__all__ = ["HAND_KEPT_FIELDS", "AggregationStatus", "ResponsibilityEntry", "ResponsibilityList"]
