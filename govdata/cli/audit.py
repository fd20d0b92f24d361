"""``govdata audit LOGS…``: the hub's access logs against the grants and their history."""

from __future__ import annotations

import datetime as dt
import io
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from govdata.cli.common import ConfigOption, LangOption
from govdata.i18n import Lang, Text

if TYPE_CHECKING:
    from govdata.audit.engines import Engine
    from govdata.audit.run import Result
    from govdata.instance import Instance


class AuditFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    CSV = "csv"


class EngineName(StrEnum):
    DUCKDB = "duckdb"
    SPARK = "spark"


def _engine(
    name: EngineName, memory_limit: str | None, temp_dir: Path | None, threads: int | None, master: str | None
) -> Engine:
    if name is EngineName.SPARK:
        from govdata.audit.engines.spark_engine import SparkEngine

        return SparkEngine(master=master)
    from govdata.audit.engines.duckdb_engine import DuckDBEngine

    return DuckDBEngine(memory_limit, temp_dir, threads)


def _suspend(instance: Instance, result: Result, by: str, date: dt.date, lang: Lang) -> None:
    from govdata.audit.suspend import draft_suspensions

    status = {period.grant_id: period.status for period in result.reference.periods}
    drafts = draft_suspensions(instance, result.findings, by, date, status)
    written = [d for d in drafts if d.written]
    for draft in drafts:
        if draft.written:
            typer.echo(f"✓ {draft.path}: 已批准 → 已暂停 ({draft.grant_id})", err=True)
        else:
            typer.echo(f"- {draft.path}: {draft.refusal.get(lang) if draft.refusal else ''}", err=True)
    if not drafts:
        typer.echo(Text("没有需要暂停的授权", "no grant to suspend").get(lang), err=True)
        return
    if written:
        paths = " ".join(d.path for d in written)
        branch = f"audit/suspend-{date.isoformat()}"
        typer.echo(
            Text(
                "暂停草稿已写入工作区，请提交为合并请求供数据主管部门审核（第三十六条）：",
                "suspension drafts written to the working tree; open a pull request for the authority's review (Art. 36):",
            ).get(lang)
            + f'\n  git switch -c {branch}\n  git add {paths}\n  git commit -m "audit: suspend {", ".join(d.grant_id for d in written)} (Art. 36)"\n  git push -u origin {branch}',
            err=True,
        )


def audit(
    logs: Annotated[
        list[str],
        typer.Argument(
            help="日志文件或目录（按日分区），或 Spark 可读的 hdfs://、s3a:// 路径 / log files or folders",
            show_default=False,
        ),
    ],
    from_day: Annotated[
        str | None, typer.Option("--from", help="审计期间起 YYYY-MM-DD（默认日志最早一天）/ first day audited")
    ] = None,
    to_day: Annotated[
        str | None, typer.Option("--to", help="审计期间止 YYYY-MM-DD（默认日志最后一天）/ last day audited")
    ] = None,
    mapping: Annotated[
        Path | None, typer.Option("--mapping", help="列名映射文件（docs/audit.md）/ column mapping file")
    ] = None,
    engine: Annotated[
        EngineName, typer.Option("--engine", help="duckdb（内嵌，默认）或 spark / SQL engine")
    ] = EngineName.DUCKDB,
    output_format: Annotated[
        AuditFormat, typer.Option("--format", "-f", help="text、json 或 csv / output format")
    ] = AuditFormat.TEXT,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="写入文件而非标准输出 / write to a file")
    ] = None,
    parquet: Annotated[
        Path | None, typer.Option("--parquet", help="另将发现写为 Parquet 表 / also write findings as Parquet")
    ] = None,
    memory_limit: Annotated[
        str | None, typer.Option("--memory-limit", help="DuckDB 内存上限，如 2GB / DuckDB memory limit")
    ] = None,
    temp_dir: Annotated[
        Path | None, typer.Option("--temp-dir", help="DuckDB 溢出到磁盘的目录 / DuckDB spill folder")
    ] = None,
    threads: Annotated[int | None, typer.Option("--threads", min=1, help="DuckDB 线程数 / DuckDB threads")] = None,
    spark_master: Annotated[
        str | None, typer.Option("--spark-master", help="Spark master（默认 local[2]；spark-submit 时由其决定）")
    ] = None,
    volume_factor: Annotated[
        int, typer.Option("--volume-factor", min=2, help="调用量异常倍数 / volume anomaly factor")
    ] = 10,
    no_git: Annotated[
        bool, typer.Option("--no-git", help="不读 git 历史，仅用授权文件内的变更记录 / file history only")
    ] = False,
    suspend_draft: Annotated[
        bool, typer.Option("--suspend-draft", help="为超范围使用的授权起草暂停步骤 / draft grant suspensions")
    ] = False,
    by: Annotated[
        str, typer.Option("--by", help="暂停草稿的经办人 / who drafts the suspensions")
    ] = "数据主管部门（访问日志审计）",
    date: Annotated[
        str | None, typer.Option("--date", help="暂停草稿日期（默认今天）/ date of the drafted step")
    ] = None,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """访问日志审计：每次访问是否有当时有效的授权、是否超出授权信息项、是否以授权的方式获取（第二十八、三十三、三十六、五十七条）。

    Audits the data hub's access logs (JSON Lines, CSV or Parquet; format in docs/audit.md)
    against every grant's history read from git: access with no grant in force at that
    moment, items beyond the grant, a method other than granted, volume anomalies, grants in
    force never used, days missing from the last 6 months of logs; access to a department's
    own data is counted apart. Each finding names the log file and row (and request id) and
    the grant file and commit that decided it. Exit 1 when there is a violation.

    [bold]Examples[/]

      govdata audit hub-logs/ --from 2026-07-01 --to 2026-09-30
      govdata audit hub-logs/ --format json -o audit.json --parquet findings.parquet
      govdata audit exports/*.csv --mapping hub-columns.yaml
      govdata audit hub-logs/ --memory-limit 2GB --temp-dir /var/tmp/govdata
      govdata audit s3a://lake/hub-logs/ --engine spark
      govdata audit hub-logs/ --suspend-draft --by "数据共享科 王敏"
    """
    from govdata.audit.findings import KINDS
    from govdata.audit.logformat import load_mapping
    from govdata.audit.reference import read_reference
    from govdata.audit.run import Request, run_audit
    from govdata.cli.grant_steps import open_instance, parse_date
    from govdata.io.roundtrip import atomic_write
    from govdata.report.audit_formats import csv_report, json_report, parquet_report
    from govdata.report.audit_text import text_report

    instance, chosen = open_instance(config, lang)
    request = Request(logs, parse_date(from_day, "--from"), parse_date(to_day, "--to"), volume_factor=volume_factor)
    drafted_on = parse_date(date, "--date") or dt.date.today()
    column_mapping = load_mapping(mapping)
    reference = read_reference(instance, use_git=not no_git)
    sql_engine = _engine(engine, memory_limit, temp_dir, threads, spark_master)
    try:
        result = run_audit(sql_engine, reference, request, column_mapping)
    finally:
        sql_engine.close()
    buffer = io.StringIO()
    if output_format is AuditFormat.JSON:
        json_report(result, buffer)
    elif output_format is AuditFormat.CSV:
        csv_report(result, buffer)
    else:
        text_report(result, chosen, buffer)
    if output is None:
        sys.stdout.write(buffer.getvalue())
    else:
        atomic_write(output, buffer.getvalue())
    if parquet is not None:
        parquet_report(result, parquet)
    if suspend_draft:
        _suspend(instance, result, by, drafted_on, chosen)
    if any(KINDS[f["kind"]].severity == "violation" for f in result.findings):
        raise typer.Exit(1)
