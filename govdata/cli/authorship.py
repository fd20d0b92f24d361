"""``govdata check-authorship``: refuse a change its author's department may not make alone."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from govdata.cli.common import ConfigOption, LangOption, early_lang, resolve_lang
from govdata.cli.diff import MainOption


class VerdictFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


def check_authorship(
    author: Annotated[
        str,
        typer.Option("--author", help="作者在部门名录中的账号，如 @jiyuan-gongan/catalog 或 @zhangsan / author handle"),
    ],
    base: Annotated[
        str | None,
        typer.Option("--base", help="基线版本（默认：与主分支的合并基点）/ base revision", show_default=False),
    ] = None,
    head: Annotated[
        str | None, typer.Option("--head", help="比较版本（默认：工作区）/ head revision", show_default=False)
    ] = None,
    approved_by: Annotated[
        list[str] | None,
        typer.Option("--approved-by", help="已批准此变更的账号，可重复 / handles that approved, repeatable"),
    ] = None,
    output_format: Annotated[VerdictFormat, typer.Option("--format", "-f", help="text 或 json")] = VerdictFormat.TEXT,
    main: MainOption = None,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """检查作者所属部门能否单独合并此变更；不能时列出须批准的部门和维护人，并以 1 退出。

    For hosts that do not enforce CODEOWNERS (plain Gitea, air-gapped GitLab CE): exit 1 when
    the change touches files the author's department does not own, or holds changes only the
    data authority may approve, and name whose approval each needs. The author is a handle as
    registry/departments.yaml lists it in `maintainers`; ownership is read from the BASE
    revision, so a change cannot make its own author an owner. --approved-by adds the
    departments of people who already approved.

    [bold]Example[/]

      govdata check-authorship --base origin/main --head HEAD --author @zhangsan
    """
    from govdata.generate.codeowners import ownership_rules
    from govdata.gitops.authorship import check_authorship as judge
    from govdata.gitops.compare import compare
    from govdata.gitops.repo import open_repository
    from govdata.gitops.revisions import resolve_range
    from govdata.gitops.snapshot import RevisionReader
    from govdata.instance import open_instance
    from govdata.report.authorship import json_report, text_report

    early_lang(lang)
    instance = open_instance(Path.cwd(), config)
    chosen_lang = resolve_lang(lang, instance.config.language)
    repo = open_repository(instance.root)
    span = resolve_range(repo, base, head, main)
    reader = RevisionReader.for_instance(repo, instance.root)
    diff = compare(reader, instance.root, span.base, span.head, (span.base_label, span.head_label))
    registry = reader.snapshot(
        span.base, lambda tree: [p for p in tree if p.startswith("registry/")], fallback=instance.config
    ).catalog
    rules = ownership_rules(registry, reader.prefix)
    verdict = judge(diff, registry, rules, diff.changed, author, approved_by or ())
    report = json_report if output_format is VerdictFormat.JSON else text_report
    report(verdict, chosen_lang, sys.stdout)
    if verdict.refusals:
        raise typer.Exit(1)
