"""Audit 100 million access-log rows on this machine with bounded memory.

    python benchmarks/bench_audit.py DIR [--rows 100000000] [--memory-limit 2GB] [--threads 2]

Generates a year of hub traffic against the reference grants of this repository with DuckDB
itself (Parquet, one folder per day, ``DIR/logs/day=YYYY-MM-DD/``; reused when it exists),
then runs ``govdata audit`` on it as its own process with DuckDB's memory limit and a spill
folder, and prints wall time, CPU time, peak RSS and the findings per kind. Never commit DIR.

The traffic: 2025-12-01 to 2026-11-30, the same number of rows each day. 90 % are covered
accesses of the grants in force (minzheng-2025-001, zhujian-2025-001, jiaotong-2025-002;
renshe-2025-001 until its suspension, jiaoyu-2025-001 until its termination), 5 % are 公安局
reading its own data, 4 % are refused calls, and one row in 100,000 is a department with no
grant, one in 100,000 asks for an item beyond its grant.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import Counter
from pathlib import Path

from measure import run

REPO = Path(__file__).resolve().parent.parent
GOVDATA = Path(sys.executable).parent / "govdata"
FIRST_DAY = "2025-12-01"
DAYS = 365

GENERATE = """
COPY (
    WITH numbered AS (
        SELECT i, hash(i) AS h, i // {per_day} AS d,
               DATE '{first}' + CAST(i // {per_day} AS INTEGER) AS day
        FROM range({start}, {stop}) t(i)
    ), picked AS (
        SELECT *, CAST(h % 100 AS INTEGER) AS lane, CAST((h // 100) % 1000 AS INTEGER) AS rare,
               CAST(CASE WHEN day < DATE '2026-08-31' THEN (h // 1000) % 5
                    WHEN day < DATE '2026-09-14' THEN (h // 1000) % 4
                    ELSE (h // 1000) % 3 END AS INTEGER) AS grant_no
        FROM numbered
    )
    SELECT
        CAST(day AS TIMESTAMP) + to_milliseconds(CAST((i % {per_day}) * 86400000 // {per_day} AS BIGINT)) AS time,
        CASE WHEN lane >= 99 AND rare = 0 THEN 'caizheng'
             WHEN lane >= 95 THEN 'caizheng'
             WHEN lane >= 90 THEN 'gongan'
             ELSE ['11419001MB5Y8A3C9R', 'zhujian', 'jiaotong', 'renshe', 'jiaoyu'][grant_no + 1] END AS consumer,
        CASE WHEN lane >= 90 THEN '101002/000001'
             ELSE ['101002/000001', '103004/000001', '307002/000005', '307006/000006', '101002/000002'][grant_no + 1]
        END AS resource,
        CASE WHEN lane >= 90 THEN ['姓名']
             WHEN lane = 89 AND rare = 0 THEN ['公民身份号码', '姓名', '民族']
             ELSE [['公民身份号码', '姓名'], ['不动产单元号', '权利人名称'], ['公民身份号码', '犯罪记录查询结果'],
                   ['公民身份号码', '火化日期'], ['公民身份号码', '居住证编号']][grant_no + 1] END AS items,
        CASE WHEN lane >= 90 THEN '接口' WHEN grant_no = 3 THEN '接口' ELSE '核验' END AS method,
        CAST(NULL AS VARCHAR) AS grant_id,
        CAST(1 + h % 50 AS BIGINT) AS rows,
        CASE WHEN lane >= 95 AND NOT (lane >= 99 AND rare = 0) THEN 'denied' ELSE 'allowed' END AS result,
        'r' || CAST(i AS VARCHAR) AS request_id
    FROM picked
) TO '{target}' (FORMAT parquet, COMPRESSION zstd)
"""


def generate(folder: Path, rows: int, memory_limit: str, threads: int) -> float:
    """Write the logs with DuckDB, one day (one file) at a time so memory stays flat; returns seconds."""
    import duckdb

    started = time.perf_counter()
    con = duckdb.connect()
    for setting in (
        f"SET memory_limit = '{memory_limit}'",
        f"SET threads = {threads}",
        f"SET temp_directory = '{folder.parent / 'tmp'}'",
        "SET preserve_insertion_order = false",
    ):
        con.execute(setting).fetchall()
    per_day = -(-rows // DAYS)
    first = dt.date.fromisoformat(FIRST_DAY)
    for number in range(DAYS):
        target = folder / f"day={first + dt.timedelta(days=number)}" / "part-0.parquet"
        target.parent.mkdir(parents=True, exist_ok=True)
        start, stop = number * per_day, min(rows, (number + 1) * per_day)
        sql = GENERATE.format(per_day=per_day, first=FIRST_DAY, start=start, stop=stop, target=target)
        con.execute(sql).fetchall()
    con.close()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dir", type=Path)
    parser.add_argument("--rows", type=int, default=100_000_000)
    parser.add_argument("--memory-limit", default="2GB")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    logs = args.dir.resolve() / "logs"
    if not logs.exists():
        logs.parent.mkdir(parents=True, exist_ok=True)
        seconds = generate(logs, args.rows, args.memory_limit, args.threads)
        print(f"generated {args.rows:,} rows in {seconds:.1f} s → {logs}")
    size = sum(p.stat().st_size for p in logs.rglob("*.parquet"))
    print(f"logs: {len(list(logs.glob('day=*')))} day folders, {size / 2**20:,.0f} MiB of Parquet")
    out, err = args.dir.resolve() / "audit.json", args.dir.resolve() / "audit.err"
    argv = [
        str(GOVDATA), "audit", str(logs), "--format", "json", "--output", str(out),
        "--memory-limit", args.memory_limit, "--temp-dir", str(args.dir.resolve() / "tmp"),
        "--threads", str(args.threads), "--parquet", str(args.dir.resolve() / "findings.parquet"),
    ]  # fmt: skip
    print("command:", " ".join(argv))
    measured = run(argv, REPO, args.dir.resolve() / "audit.stdout", err)
    document = json.loads(out.read_text(encoding="utf-8"))
    print(
        f"exit {measured.exit_code}; wall {measured.wall:.1f} s; CPU {measured.cpu:.1f} s; "
        f"peak RSS {measured.peak_mib:,.0f} MiB; load average at start {measured.load:.1f}"
    )
    print(
        f"rows audited: {document['logs']['rows']:,}; findings: {dict(Counter(f['kind'] for f in document['findings']))}"
    )


if __name__ == "__main__":
    main()
