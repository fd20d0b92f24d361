"""Access logs against the reference grants, with violations of every kind planted at known
rows, and a clean control with none. Times are local (UTC+8 written without offset).

The audited period is 2026-06-01 to 2026-11-30; logs start 2026-05-01 so that volume history
and the 6-month retention window (2026-05-31 on) are covered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FROM, TO = dt.date(2026, 6, 1), dt.date(2026, 11, 30)
START = dt.date(2026, 5, 1)

MINZHENG, ZHUJIAN, JIAOTONG, RENSHE, JIAOYU = "minzheng", "zhujian", "jiaotong", "renshe", "jiaoyu"
CODES = {
    "minzheng": "11419001MB5Y8A3C9R",
    "zhujian": "11419001MB9N3P7QX6",
    "jiaotong": "11419001MB5L9M4N1E",
    "renshe": "11419001MB4T7W2X2R",
    "jiaoyu": "11419001MB1R4T8U45",
}

# (consumer, resource, items, method, grant, last day in force) of the grants in force in the period.
REGULAR = [
    ("11419001MB5Y8A3C9R", "101002/000001", ["公民身份号码", "姓名"], "核验", "minzheng-2025-001", TO),
    ("zhujian", "103004/000001", ["不动产单元号", "权利人名称"], "核验", "zhujian-2025-001", TO),
    ("jiaotong", "307002/000005", ["公民身份号码", "犯罪记录查询结果"], "核验", "jiaotong-2025-002", TO),
    ("renshe", "307006/000006", ["公民身份号码", "火化日期"], "接口", "renshe-2025-001", dt.date(2026, 9, 13)),
    ("jiaoyu", "101002/000002", ["公民身份号码", "居住证编号"], "核验", "jiaoyu-2025-001", dt.date(2026, 8, 30)),
]


@dataclass
class Planted:
    rows: list[dict[str, Any]] = field(default_factory=list)
    # (kind, reason, request_id) of every row-level violation planted
    expected_rows: set[tuple[str, str | None, str]] = field(default_factory=set)

    def add(
        self,
        day: dt.date,
        consumer: str,
        resource: str,
        items: list[str],
        method: str,
        rows: int,
        request_id: str,
        *,
        result: str = "allowed",
        grant_id: str | None = None,
        hour: int = 10,
    ) -> None:
        self.rows.append(
            {
                "time": dt.datetime.combine(day, dt.time(hour, len(self.rows) % 60)).isoformat(sep=" "),
                "consumer": consumer,
                "resource": resource,
                "items": items,
                "method": method,
                "grant_id": grant_id,
                "rows": rows,
                "result": result,
                "request_id": request_id,
            }
        )

    def plant(
        self,
        kind: str,
        reason: str | None,
        day: dt.date,
        consumer: str,
        resource: str,
        items: list[str],
        method: str,
        request_id: str,
        rows: int = 1,
    ) -> None:
        self.add(day, consumer, resource, items, method, rows, request_id)
        self.expected_rows.add((kind, reason, request_id))


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def clean(*, use_jiaoyu: bool = True) -> Planted:
    """Every access covered by its grant, every day logged, a steady volume; own data too."""
    logs = Planted()
    for day in _days(START, TO):
        for number, (consumer, resource, items, method, grant, last) in enumerate(REGULAR):
            if day > last or (grant == "jiaoyu-2025-001" and not use_jiaoyu):
                continue
            logs.add(day, consumer, resource, items, method, 40 + number, f"ok-{grant}-{day}", grant_id=grant)
        # 公安局 reading its own 人口 data: counted apart, never a violation.
        logs.add(day, "gongan", "101002/000001", ["姓名"], "接口", 3, f"own-{day}")
        # A refused call is the hub doing its job: not a finding.
        logs.add(day, "caizheng", "101002/000001", ["姓名"], "接口", 0, f"denied-{day}", result="denied")
    return logs


def planted() -> Planted:
    """The clean logs, minus three days and jiaoyu's use, plus one violation of every kind."""
    logs = clean(use_jiaoyu=False)
    gap = {dt.date(2026, 7, 10), dt.date(2026, 7, 11), dt.date(2026, 7, 12)}
    logs.rows = [row for row in logs.rows if dt.date.fromisoformat(row["time"][:10]) not in gap]
    d = dt.date
    logs.plant("no_grant", "never_granted", d(2026, 6, 15), "caizheng", "101002/000001", ["姓名"], "接口", "bad-never")
    logs.plant(
        "no_grant", "not_yet_requested", d(2026, 10, 1), "minzheng", "202007/000004", ["死亡日期"], "接口", "bad-early"
    )
    logs.plant("no_grant", "pending", d(2026, 11, 20), "minzheng", "202007/000004", ["死亡日期"], "接口", "bad-pending")
    logs.plant(
        "no_grant", "suspended", d(2026, 10, 5), "renshe", "307006/000006", ["火化日期"], "接口", "bad-suspended"
    )
    logs.plant(
        "no_grant", "terminated", d(2026, 9, 10), "jiaoyu", "101002/000002", ["居住证编号"], "核验", "bad-terminated"
    )
    logs.plant("no_grant", "expired", d(2026, 7, 1), "jiaoyu", "101002/000001", ["姓名"], "核验", "bad-expired")
    logs.plant("no_grant", "rejected", d(2026, 8, 3), "jiaotong", "307002/000001", ["准驾车型"], "批量", "bad-rejected")
    logs.plant(
        "items_beyond", None, d(2026, 6, 20), "minzheng", "101002/000001", ["姓名", "民族", "籍贯"], "核验", "bad-items"
    )
    logs.plant(
        "method_mismatch", "batch_not_granted", d(2026, 9, 1), "zhujian", "103004/000001", ["坐落"], "批量", "bad-batch"
    )
    logs.plant(
        "method_mismatch", "other_method", d(2026, 8, 8), "minzheng", "101002/000001", ["姓名"], "接口", "bad-method"
    )
    # Outside the audited period: read for history, never reported.
    logs.add(d(2026, 5, 20), "caizheng", "101002/000001", ["姓名"], "接口", 1, "before-period")
    # jiaotong-2025-002 usually returns 42 rows a day; on 2026-10-20 it returns 5,000.
    for row in logs.rows:
        if row["request_id"] == "ok-jiaotong-2025-002-2026-10-20":
            row["rows"] = 5000
    return logs


# Aggregate findings the planted logs must produce (kind, grant or resource, day).
EXPECTED_AGGREGATES = {
    ("volume_anomaly", "jiaotong-2025-002", dt.date(2026, 10, 20)),
    ("unused_grant", "jiaoyu-2025-001", None),
    ("retention_gap", None, dt.date(2026, 7, 10)),
    ("own_data", "101002/000001", None),
}


def write_parquet(logs: Planted, folder: Path, by: str = "day") -> Path:
    """One Parquet file per day under ``day=YYYY-MM-DD/``, as the hub exports them (or per month:
    Spark pays for every small file, and the Spark tests need not)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    by_day: dict[str, list[dict[str, Any]]] = {}
    for row in logs.rows:
        by_day.setdefault(row["time"][: 10 if by == "day" else 7], []).append(row)
    for day, rows in sorted(by_day.items()):
        target = folder / f"{by}={day}"
        target.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_pylist(rows), target / "part-0.parquet")
    return folder


def write_jsonl(logs: Planted, path: Path) -> Path:
    import json

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in logs.rows), encoding="utf-8")
    return path


def write_csv(logs: Planted, path: Path, columns: dict[str, str] | None = None, separator: str = ";") -> Path:
    """CSV with items joined by ``separator``; ``columns`` renames standard columns (the mapping-file case)."""
    import csv

    names = columns or {}
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        header = list(logs.rows[0])
        writer.writerow([names.get(h, h) for h in header])
        for row in logs.rows:
            writer.writerow(
                [separator.join(v) if isinstance(v, list) else ("" if v is None else v) for v in row.values()]
            )
    return path
