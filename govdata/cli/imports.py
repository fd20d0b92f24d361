"""``govdata import``: portal listings and platform exports into the catalog, with a loss report."""

from __future__ import annotations

import enum
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

from govdata.cli.common import ConfigOption, LangOption, ProgressOption, early_lang, progress_bar, resolve_lang
from govdata.errors import UsageError
from govdata.i18n import Text

if TYPE_CHECKING:
    from govdata.imports.run import ImportResult, Source


class ReportFormat(enum.StrEnum):
    TEXT = "text"
    JSON = "json"
    CSV = "csv"


def import_listings(
    sources: Annotated[
        list[Path], typer.Argument(help="清单文件或目录（.json .jsonl .csv .xlsx）/ listing files or folders")
    ],
    mapping: Annotated[
        Path | None,
        typer.Option(
            "--mapping", "-m", help="映射文件（YAML），用于全部来源；默认取来源旁的 <名称>.mapping.yaml / mapping file"
        ),
    ] = None,
    defaults: Annotated[
        Path | None,
        typer.Option("--defaults", "-d", help="经数据主管部门审核的默认值文件（YAML）/ reviewed defaults file"),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="只出报告，不写任何文件 / report only, write nothing")
    ] = False,
    output_format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="标准输出上的报告格式 / report format on stdout")
    ] = ReportFormat.TEXT,
    report: Annotated[
        Path | None,
        typer.Option("--report", "-o", help="另存报告，格式按后缀 .json .csv .txt / also save the report"),
    ] = None,
    progress: ProgressOption = True,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """导入平台导出或开放门户的目录清单，逐值报告映射、规范化、默认值、舍弃和未能识别的情况。/ Import catalog listings with a full loss report.

    Each label is mapped to a field by the built-in aliases of 52 measured portals, overridden by a mapping file (labels, normalise). Values no listing carries (sharing, aggregation, data subject, security level, legal bases) come only from the defaults file, and each use is reported. Without --dry-run the resources are written atomically into catalogs/<部门>/ with codes from resource_code.template, unknown providers are registered with needs_uscc: true, and govdata validate runs at the end. Exit 0 when the import ran (1 when the validation after writing finds errors), 2 on bad input.

    [bold]Examples[/]

      govdata import listings/ --defaults import-defaults.yaml --dry-run      先看报告 / report first
      govdata import sh.json -m sh.mapping.yaml -d import-defaults.yaml -o loss.csv
      govdata import portal.xlsx -d import-defaults.yaml --format json > report.json
    """
    from govdata.imports.defaults import load_defaults
    from govdata.imports.run import run_import
    from govdata.instance import discover, open_instance
    from govdata.validation.engine import load_catalog, validate

    early_lang(lang)
    instance = open_instance(Path.cwd(), config)
    chosen = resolve_lang(lang, instance.config.language)
    listing = _sources(sources, mapping)
    values = load_defaults(defaults)
    catalog, diagnostics = load_catalog(
        instance.config,
        discover(instance.root),
        lambda p: (instance.root / p).read_bytes(),
        config_path=instance.relative(instance.config_path),
    )
    broken = [d for d in diagnostics if d.location.path.startswith("registry/")]
    if broken and not dry_run:
        for diagnostic in broken:
            typer.echo(f"{diagnostic.location}: {diagnostic.message.get(chosen)}", err=True)
        raise UsageError(
            Text("名录文件有误，未导入；请先修正上述问题", "a registry file does not load; nothing imported")
        )
    with progress_bar(progress, "导入 / importing") as tick:
        result = run_import(catalog, listing, values, root=None if dry_run else instance.root, progress=tick)
    validation = None if dry_run else _validation(validate(open_instance(instance.root, config)))
    _emit(result, output_format, sys.stdout, validation)
    if report is not None:
        suffix = {".json": ReportFormat.JSON, ".csv": ReportFormat.CSV}.get(report.suffix.lower(), ReportFormat.TEXT)
        from io import StringIO

        from govdata.io.roundtrip import atomic_write

        buffer = StringIO()
        _emit(result, suffix, buffer, validation)
        atomic_write(report, buffer.getvalue())
    if validation is not None:
        if output_format is ReportFormat.TEXT:
            _validation_text(validation)
        if validation["errors"]:
            raise typer.Exit(1)


def _sources(paths: list[Path], mapping: Path | None) -> list[Source]:
    from govdata.imports.labels import load_mapping
    from govdata.imports.run import Source
    from govdata.imports.sources import SUFFIXES

    found: list[Source] = []
    shared = load_mapping(mapping) if mapping else None
    for path in paths:
        if not path.exists():
            raise UsageError(Text(f"来源不存在：{path}", f"no such source: {path}"))
        files = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES) if path.is_dir() else [path]
        for file in files:
            if file.suffix.lower() not in SUFFIXES:
                raise UsageError(
                    Text(f"不支持的来源格式：{file}（支持 {' '.join(SUFFIXES)}）", f"unsupported source {file}")
                )
            beside = file.with_name(file.stem + ".mapping.yaml")
            found.append(Source(file, shared or load_mapping(beside if beside.exists() else None)))
    if not found:
        raise UsageError(Text("没有找到可导入的清单文件", "no listing files found"))
    return found


def _emit(result: ImportResult, chosen: ReportFormat, stream: TextIO, validation: dict[str, Any] | None) -> None:
    from govdata.report.imports import write_csv, write_json, write_text

    if chosen is ReportFormat.JSON:
        write_json(result, stream, validation)
    elif chosen is ReportFormat.CSV:
        write_csv(result, stream)
    else:
        write_text(result, stream)


def _validation(run: Any) -> dict[str, Any]:
    from govdata.diagnostics import Severity

    by_rule = Counter(d.rule_id for d in run.diagnostics)
    return {
        "errors": run.count(Severity.ERROR),
        "warnings": run.count(Severity.WARNING),
        "info": run.count(Severity.INFO),
        "by_rule": dict(by_rule.most_common()),
        "first": [f"{d.location}: {d.message.zh} [{d.rule_id}]" for d in run.diagnostics[:10]],
    }


def _validation_text(validation: dict[str, Any]) -> None:
    rules = "、".join(f"{rule} {count}" for rule, count in validation["by_rule"].items()) or "无 / none"
    typer.echo(
        f"\n校验 / validate：错误 {validation['errors']}，警告 {validation['warnings']}，提示 {validation['info']}；"
        f"按规则 / by rule：{rules}"
    )
    for line in validation["first"]:
        typer.echo(f"  {line}")
