"""``govdata log [PATH | RESOURCE-CODE | DEPT]``: the semantic change history from git."""

from __future__ import annotations

import contextlib
import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from govdata.cli.common import ConfigOption, LangOption, ProgressOption, early_lang, progress_bar, resolve_lang
from govdata.errors import UsageError
from govdata.i18n import Text

if TYPE_CHECKING:
    from govdata.gitops.history import Trace
    from govdata.instance import Instance
    from govdata.model.catalog import Catalog


class LogFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


def log(
    target: Annotated[
        str | None,
        typer.Argument(
            help="文件或文件夹路径、信息资源代码（如 101002/000001）或部门（目录文件夹名或统一社会信用代码）；省略或“.”则为整个实例",
            show_default=False,
        ),
    ] = None,
    max_count: Annotated[
        int | None, typer.Option("--max-count", "-n", min=1, help="最多显示的提交数 / at most this many commits")
    ] = None,
    output_format: Annotated[LogFormat, typer.Option("--format", "-f", help="text 或 json（导出）")] = LogFormat.TEXT,
    link_base: Annotated[
        str | None, typer.Option("--link-base", help="JSON 中文件链接的前缀，{sha} 换为提交号 / URL prefix for links")
    ] = None,
    config: ConfigOption = None,
    lang: LangOption = None,
    progress: ProgressOption = True,
) -> None:
    """按提交列出变更历史：谁、何时、哪个提交，以及按数据规范含义说明改了什么；跟随文件更名和移动。

    The semantic history from git: who changed what, when and in which commit, in regulatory
    terms, following renames and moves between department folders. Give a file or folder path,
    a resource code (traced by its code in every department folder) or a department (its folder
    name or credit code); without one (or with "."), the whole instance. --format json exports it.

    [bold]Examples[/]

      govdata log 101002/000001
      govdata log catalogs/gongan/101002-000001.yaml
      govdata log gongan -n 20
      govdata log grants/                       一个文件夹 / everything under a folder
      govdata log --format json > history.json
    """
    from govdata.cli.owners import working_registry
    from govdata.gitops.history import history
    from govdata.gitops.repo import open_repository
    from govdata.gitops.snapshot import RevisionReader
    from govdata.instance import open_instance
    from govdata.report.diff_base import DiffOptions
    from govdata.report.history import json_report, text_report

    early_lang(lang)
    instance = open_instance(Path.cwd(), config)
    chosen_lang = resolve_lang(lang, instance.config.language)
    registry = working_registry(instance)
    trace = _trace(target, instance, registry)
    reader = RevisionReader.for_instance(open_repository(instance.root), instance.root)
    names = {d.code: d.name for d in registry.departments}
    with progress_bar(progress, "读取历史 / reading history") as tick:
        steps = history(reader, trace, instance.config, names, max_count, progress=tick)
    if target is not None and not steps and not _exists(target, instance.root):
        # Nothing now and nothing in history: a typo, not an empty history.
        raise UsageError(
            Text(
                f"没有找到“{target}”（not found）：它不是部门、现有文件，也没有任何提交涉及它",
                f"{target!r} not found: no department, no file, and no commit touches it",
            )
        )
    if output_format is LogFormat.JSON:
        json_report(trace.label, steps, chosen_lang, sys.stdout, DiffOptions(link_base))
    else:
        text_report(trace.label, steps, chosen_lang, sys.stdout)


def _exists(target: str, root: Path) -> bool:
    return Path(target).exists() or (root / target).exists()


def _trace(target: str | None, instance: Instance, registry: Catalog) -> Trace:
    """What the user asked for: a department, a resource code or a path (in that order)."""
    from govdata.gitops.history import trace_all, trace_department, trace_folder, trace_path, trace_resource

    if target is None:
        return trace_all()
    department = registry.department_by_slug.get(target) or registry.department_by_code.get(target)
    if department is not None:
        return trace_department(department.code, department.slug)
    # The instance's own code grammar: the model only asks that a code can name a file.
    if re.fullmatch(registry.config.resource_code.pattern, target):
        return trace_resource(target)
    typed = Path(target)
    relative = typed.as_posix().removeprefix("./")  # a path that no longer exists: from the root
    if typed.exists():
        with contextlib.suppress(ValueError):
            relative = typed.resolve().relative_to(instance.root).as_posix()
    if relative in (".", ""):  # the instance itself: "." once traced a file named ".", and found nothing
        return trace_all()
    if (instance.root / relative).is_dir() or target.endswith("/"):
        return trace_folder(relative)
    return trace_path(relative)
