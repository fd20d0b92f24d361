"""``govdata validate``: check the instance against its schemas and the regulation's rules."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import sys
from pathlib import Path
from typing import Annotated

import typer

from govdata.cli.common import (
    ConfigOption,
    LangOption,
    ProgressOption,
    early_lang,
    instance_path,
    progress_bar,
    resolve_lang,
)
from govdata.diagnostics import Severity
from govdata.errors import UsageError
from govdata.i18n import Text
from govdata.report import OutputFormat


def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="只报告这些文件或目录中的问题（规则仍检查整个实例）/ report only on these paths", show_default=False
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="输出格式；auto 在 GitHub Actions 中为 github / output format"),
    ] = OutputFormat.AUTO,
    select: Annotated[
        list[str] | None,
        typer.Option("--select", help="只运行这些规则：编号、编号前缀、名称或标签，可重复 / rules to run"),
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="不运行这些规则 / rules to skip")] = None,
    fail_on: Annotated[
        Severity, typer.Option("--fail-on", help="达到此级别即以 1 退出 / lowest severity that fails the run")
    ] = Severity.ERROR,
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            help="按此日期（YYYY-MM-DD）判断期限和到期，默认今天；用于可复现的报告 / judge dates as of this day",
        ),
    ] = None,
    progress: ProgressOption = True,
    cache: Annotated[
        bool,
        typer.Option(
            "--cache/--no-cache",
            help="按内容复用 .govdata-cache/ 中未改动文件的检查结果；跨文件规则每次都重新检查 "
            "/ reuse per-file results of unchanged files; cross-file rules always run",
        ),
    ] = True,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="并行检查的进程数，默认按文件数和 CPU 核数选择 / worker processes (default: by file count and cores)",
            show_default=False,
        ),
    ] = None,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """校验实例：加载全部文件，按数据规范和规则检查，报告每个问题的文件、行和列。

    Validate the instance: every file against its schema, then the rules across files.
    Exit 0 when clean, 1 when findings reach --fail-on, 2 on usage or configuration errors.

    [bold]Examples[/]

      govdata validate                          整个实例 / the whole instance
      govdata validate catalogs/gongan          只看公安局的文件 / one department
      govdata validate --format json > out.json
      govdata validate --select GD01 --ignore GD014
      govdata validate --no-cache               不用缓存，全部重新检查 / check every file again

    只有改动过的文件会被重新读取和检查（按 git 的 blob id 识别内容），跨文件规则每次都检查整个实例，
    所以只改一个文件也会报告它在别处引起的问题。
    Only changed files are read and checked again (content known by git's blob id); the
    cross-file rules check the whole instance every time, so a one-file change still reports
    every finding it causes elsewhere.
    """
    from govdata.instance import find_config, start_listing

    early_lang(lang)
    # git lists the instance's files (statting each: 0.5 s at 100,000) while Python imports the engine.
    config_path = find_config(Path.cwd(), config)  # searched once: open_instance is given what it found
    with start_listing(config_path.parent) if cache else contextlib.nullcontext() as listing:
        from govdata.instance import open_instance
        from govdata.settings import Selection
        from govdata.validation.engine import validate as run_validation

        instance = open_instance(Path.cwd(), config_path)
        scopes = [instance_path(instance.root, path) for path in paths] if paths else None
        selection = Selection(tuple(select or ()), tuple(ignore or ()))
        with progress_bar(progress, "校验 / validating") as tick:
            result = run_validation(
                instance,
                scopes=scopes,
                selection=selection,
                progress=tick,
                today=_day(today),
                use_cache=cache,
                processes=jobs,
                listing=listing,
            )
    from govdata.report import reporter_for, resolved

    chosen_lang = resolve_lang(lang, instance.config.language)
    reporter_for(output_format).report(result, chosen_lang, sys.stdout)
    # Machine formats stay exactly what their readers expect; a JSON run does not import the
    # text reporter (and rich's console) at all.
    if resolved(output_format) is OutputFormat.TEXT:
        from govdata.validation.follow_up import follow_ups

        for step in follow_ups(instance, result, scopes):
            typer.echo(("提示：" if chosen_lang.value == "zh-CN" else "note: ") + step.get(chosen_lang))
    threshold = fail_on.rank
    if any(d.severity.rank >= threshold for d in result.diagnostics):
        raise typer.Exit(1)


def _day(text: str | None) -> dt.date | None:
    """``--today`` as a date; only YYYY-MM-DD, the form every file of the instance uses."""
    if text is None:
        return None
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise UsageError(
        Text(f"--today 应为 YYYY-MM-DD 格式的日期，而不是“{text}”", f"--today must be a YYYY-MM-DD date, not {text!r}")
    )
