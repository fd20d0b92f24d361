"""``govdata gate BASE HEAD --author HANDLE``: may this pull request merge now? Exit 0 yes, 1 not yet, 2 error."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from govdata.cli.authorship import VerdictFormat
from govdata.cli.common import ConfigOption, LangOption, early_lang, resolve_lang
from govdata.gate.hosts import Host


def gate(
    base: Annotated[
        str, typer.Argument(help="合并目标（如 origin/main 或其提交号）/ the branch or commit merged into")
    ],
    head: Annotated[str, typer.Argument(help="合并请求的最新提交 / the pull request's head commit")],
    author: Annotated[
        str | None,
        typer.Option(
            "--author", help="合并请求作者的账号（GitLab 可从合并请求读取）/ the author's handle", show_default=False
        ),
    ] = None,
    approved_by: Annotated[
        list[str] | None,
        typer.Option("--approved-by", help="已在 HEAD 上批准的账号，可重复 / handles that approved HEAD, repeatable"),
    ] = None,
    host: Annotated[
        Host | None,
        typer.Option("--host", help="从代码托管平台读取审批：github、gitlab 或 gitea / read reviews from the host"),
    ] = None,
    reviews: Annotated[
        Path | None,
        typer.Option("--reviews", help="已保存的平台审批 JSON（与 --host 同用）/ a saved review body (with --host)"),
    ] = None,
    number: Annotated[
        str | None,
        typer.Option("--pr", help="合并请求编号（--host 联网读取时）/ pull or merge request number"),
    ] = None,
    output_format: Annotated[VerdictFormat, typer.Option("--format", "-f", help="text 或 json")] = VerdictFormat.TEXT,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """合并闸门：此合并请求现在能否合并？列出每一项尚缺的批准（哪个部门或数据主管部门、哪个文件、哪项变更）。

    One fail-closed decision from the semantic diff (HEAD against its merge base with BASE), the
    registry, configuration and ownership read AT BASE (a change cannot grant itself rights),
    the author and the approvals. Every changed file needs its department's approval; every
    change the authority decides (sharing, opening, grants that are no longer pending requests,
    registries, CI …) needs the authority's, which the file's own department can never give;
    whatever cannot be read or compared (schema failure, symlink, unknown kind, binary) needs
    both. The author's own approval and approvals of older commits do not count.
    Exit 0 mergeable, 1 not yet, 2 error.

    [bold]Examples[/]

      govdata gate origin/main HEAD --author @zhangsan --approved-by @lisi --approved-by @wangwu
      govdata gate "$BASE_SHA" "$HEAD_SHA" --author "@$AUTHOR" --host github --pr 42
      govdata gate origin/main HEAD --author @zhangsan --host gitea --reviews reviews.json
    """
    from govdata.errors import UsageError
    from govdata.gate.approvals import Approval, State, normal
    from govdata.gate.hosts import adapter
    from govdata.gate.run import run_gate
    from govdata.gate.teams import Expander, no_expansion
    from govdata.gitops.repo import open_repository
    from govdata.i18n import Text
    from govdata.instance import open_instance
    from govdata.report.gate import json_report, text_report

    early_lang(lang)
    instance = open_instance(Path.cwd(), config)
    chosen_lang = resolve_lang(lang, instance.config.language)
    if reviews is not None and host is None:
        raise UsageError(Text("--reviews 须与 --host 同用", "--reviews needs --host to say whose JSON it is"))
    head_sha = open_repository(instance.root).resolve(head)
    # Handles given on the command line approve HEAD: whoever runs the gate vouches for them.
    approvals = [Approval(handle, State.APPROVED, head_sha) for handle in approved_by or ()]
    expand: Expander = no_expansion
    host_author: str | None = None
    if host is not None:
        chosen = adapter(host)
        if reviews is not None:
            try:
                body = json.loads(reviews.read_text(encoding="utf-8"))
            except (OSError, ValueError) as error:
                raise UsageError(Text(f"无法读取 {reviews}：{error}", f"cannot read {reviews}: {error}")) from None
        else:
            if not number:
                raise UsageError(Text("联网读取审批须给出 --pr", "--pr is needed to read reviews from the host"))
            body = chosen.fetch(number)
            expand = chosen.expander()
        try:
            approvals += chosen.parse(body)
            host_author = chosen.author(body)
        except (AttributeError, KeyError, TypeError) as error:
            raise UsageError(
                Text(
                    f"审批 JSON 的结构不符合 {host.value} 的接口：{error!r}",
                    f"not a {host.value} review body: {error!r}",
                )
            ) from None
    if author is None and host_author is None:
        raise UsageError(Text("须给出 --author（合并请求作者的账号）", "--author is needed (the pull request author)"))
    if author is not None and host_author is not None and normal(author) != normal(host_author):
        raise UsageError(
            Text(
                f"--author {author} 与平台记录的作者 @{host_author} 不一致",
                f"--author {author} is not the author the host names, @{host_author}",
            )
        )
    author = author or host_author
    assert author is not None
    result, _ = run_gate(instance.root, base, head, author, approvals, expand=expand, literal=approved_by or ())
    report = json_report if output_format is VerdictFormat.JSON else text_report
    report(result, chosen_lang, sys.stdout)
    if not result.mergeable:
        raise typer.Exit(1)
