"""The kinds of audit finding, their weight and their names in both languages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from govdata.i18n import Text

COLUMNS = [
    "kind",
    "reason",
    "log_file",
    "log_row",
    "request_id",
    "day",
    "day_end",
    "consumer",
    "resource",
    "method",
    "items",
    "grant_id",
    "logged_grant",
    "grant_path",
    "grant_status",
    "grant_commit",
    "grant_source",
    "accesses",
    "rows",
    "history_days",
    "history_rows",
]


@dataclass(frozen=True)
class Kind:
    name: str
    severity: str  # violation, warning, notice, info
    label: Text
    article: str


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind(
            "no_grant", "violation", Text("无有效授权的访问", "access with no grant in force"), "第三十三条、第五十七条"
        ),
        Kind("method_mismatch", "violation", Text("共享方式与授权不符", "method other than granted"), "第三十三条"),
        Kind("items_beyond", "violation", Text("超出授权信息项", "items beyond the grant"), "第三十六条、第五十七条"),
        Kind(
            "retention_gap",
            "violation",
            Text("日志缺失（留存不足6个月）", "logs missing (6-month retention)"),
            "第二十八条",
        ),
        Kind("volume_anomaly", "warning", Text("调用量异常", "volume anomaly"), "第三十六条"),
        Kind("unused_grant", "notice", Text("有效授权期间未使用", "grant in force never used"), "第七条"),
        Kind("own_data", "info", Text("访问本部门数据（单独统计）", "access to own data (counted apart)"), "—"),
    )
}
ORDER = {name: index for index, name in enumerate(KINDS)}

REASONS: dict[str, Text] = {
    "never_granted": Text("从未获得授权", "never granted"),
    "not_yet_requested": Text("尚未申请", "not yet requested"),
    "pending": Text("申请中，尚未批准", "pending, not yet approved"),
    "rejected": Text("申请已驳回", "request rejected"),
    "not_yet_valid": Text("尚未到有效期起", "before the grant's start"),
    "suspended": Text("授权已暂停", "grant suspended"),
    "terminated": Text("授权已终止", "grant terminated"),
    "expired": Text("授权已过期", "grant expired"),
    "unknown_status": Text("授权状态无法识别", "unknown grant status"),
    "batch_not_granted": Text(
        "以批量方式获取，而授权为接口或核验", "batch where interface or verification was granted"
    ),
    "other_method": Text("共享方式与授权不同", "a method other than the granted one"),
}

# Kinds that show misuse of a grant in force: the ones a suspension answers (Art. 36).
SUSPENDABLE = frozenset({"items_beyond", "method_mismatch"})


def sort_key(finding: dict[str, Any]) -> tuple[Any, ...]:
    return (
        ORDER.get(finding["kind"], 99),
        finding["log_file"] or "",
        finding["log_row"] or 0,
        finding["grant_id"] or "",
        str(finding["day"] or ""),
        finding["consumer"] or "",
        finding["resource"] or "",
    )


__all__ = ["COLUMNS", "KINDS", "REASONS", "SUSPENDABLE", "Kind", "sort_key"]
