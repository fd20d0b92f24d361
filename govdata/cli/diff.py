"""``govdata diff [BASE [HEAD]]``: what a change means in regulatory terms, and who must approve it."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from govdata.cli.common import ConfigOption, LangOption, early_lang, resolve_lang
from govdata.report.diff_base import DiffFormat


class FailOn(StrEnum):
    NEVER = "never"
    BREAKING = "breaking"
    AUTHORITY = "authority"


MainOption = Annotated[
    str | None,
    typer.Option("--main", help="主分支（默认 origin/HEAD、main 或 master）/ the branch pull requests merge into"),
]


def diff(
    base: Annotated[
        str | None,
        typer.Argument(
            help="基线版本（默认：与主分支的合并基点）；也可写 A..B 或 A...B / base revision", show_default=False
        ),
    ] = None,
    head: Annotated[
        str | None,
        typer.Argument(help="比较版本（默认：工作区）/ head revision (default: working tree)", show_default=False),
    ] = None,
    output_format: Annotated[
        DiffFormat,
        typer.Option(
            "--format",
            "-f",
            help="输出格式；markdown 用于合并请求评论，auto 在 GitHub Actions 中为 github / output format",
        ),
    ] = DiffFormat.AUTO,
    fail_on: Annotated[
        FailOn,
        typer.Option(
            "--fail-on",
            help="合并闸门：breaking 有破坏性变更、authority 另含须主管部门批准的变更时以 1 退出 / merge gate",
        ),
    ] = FailOn.NEVER,
    link_base: Annotated[
        str | None,
        typer.Option(
            "--link-base",
            help="文件链接前缀，如 https://git.example/org/repo/blob/{sha}/（{sha} 换为对应提交）/ URL prefix for links",
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="写入文件而非标准输出 / write to a file")
    ] = None,
    main: MainOption = None,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """比较两个版本的目录：逐项列出变更、审批级别（部门或数据主管部门）和破坏性变更。

    Compare two revisions of the catalog, read straight from git: every change in regulatory
    terms, whether the department's review suffices or the data authority must approve, and
    which changes break what a published catalog or an active grant relies on.
    Exit 0, or 1 when --fail-on finds what it names; 2 on usage, git or configuration errors.

    [bold]Examples[/]

      govdata diff                               主分支以来的全部变更（含未提交）/ since main, incl. uncommitted
      govdata diff main HEAD --format markdown   合并请求评论 / a pull-request comment
      govdata diff origin/main...HEAD --fail-on breaking
    """
    from govdata.gitops.compare import compare
    from govdata.gitops.repo import open_repository
    from govdata.gitops.review import Level
    from govdata.gitops.revisions import resolve_range
    from govdata.gitops.snapshot import RevisionReader
    from govdata.instance import open_instance
    from govdata.report.diff_base import DiffOptions
    from govdata.report.diff_formats import diff_reporter_for

    early_lang(lang)
    instance = open_instance(Path.cwd(), config)
    chosen_lang = resolve_lang(lang, instance.config.language)
    repo = open_repository(instance.root)
    span = resolve_range(repo, base, head, main)
    reader = RevisionReader.for_instance(repo, instance.root)
    result = compare(reader, instance.root, span.base, span.head, (span.base_label, span.head_label))
    reporter = diff_reporter_for(output_format)
    options = DiffOptions(link_base)
    if output is None:
        reporter.report(result, chosen_lang, sys.stdout, options)
    else:
        with output.open("w", encoding="utf-8") as stream:
            reporter.report(result, chosen_lang, stream, options)
    failing = result.count(breaking=True)
    if fail_on is FailOn.AUTHORITY:
        failing += result.count(Level.AUTHORITY, breaking=False)
    if fail_on is not FailOn.NEVER and failing:
        raise typer.Exit(1)
