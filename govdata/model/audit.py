"""访问日志映射 (docs/audit.md): how a data hub's own access-log columns and values map onto the
standard access-log format that ``govdata audit`` reads (Art. 28)."""

from __future__ import annotations

from govdata.model.base import Model, NonEmptyText, gb


class LogColumns(Model, title="日志列名映射"):
    time: NonEmptyText | None = gb("访问时间列", "中台日志中访问时间所在的列名", None)
    consumer: NonEmptyText | None = gb("获取部门列", "获取数据的部门（统一社会信用代码或目录文件夹名）所在的列名", None)
    resource: NonEmptyText | None = gb("信息资源代码列", "信息资源代码所在的列名", None)
    items: NonEmptyText | None = gb("信息项列", "返回的信息项名称所在的列名", None)
    method: NonEmptyText | None = gb("共享方式列", "共享方式（接口、核验、批量）所在的列名", None)
    grant_id: NonEmptyText | None = gb("授权编号列", "中台记录的授权编号所在的列名（可选）", None)
    rows: NonEmptyText | None = gb("返回条数列", "返回记录条数所在的列名", None)
    result: NonEmptyText | None = gb("结果列", "放行或拒绝（allowed、denied）所在的列名", None)
    request_id: NonEmptyText | None = gb("请求编号列", "请求编号所在的列名", None)


class LogValues(Model, title="日志取值映射"):
    method: dict[str, NonEmptyText] = gb("共享方式取值", "中台的共享方式取值 → 接口、核验或批量", {})
    result: dict[str, NonEmptyText] = gb("结果取值", "中台的结果取值 → allowed 或 denied", {})


class AuditMapping(Model, title="访问日志映射"):
    """audit/<name>.yaml, or any file given to ``govdata audit --mapping``."""

    columns: LogColumns = gb("列名映射", "标准列名 → 中台日志中的列名；未列出的列按标准列名读取", LogColumns())
    values: LogValues = gb("取值映射", "共享方式和结果的取值映射，可连续映射（BULK → 批量 → 批量交换）", LogValues())
    items_separator: NonEmptyText = gb("信息项分隔符", "CSV 等文本中多个信息项之间的分隔符", ";")


__all__ = ["AuditMapping", "LogColumns", "LogValues"]
