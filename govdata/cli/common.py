"""Options and helpers shared by the commands."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from govdata.errors import UsageError
from govdata.i18n import Lang, Text


@dataclass
class _State:
    debug: bool = False
    lang: Lang | None = None


state = _State()

ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config", "-c", help="govdata.yaml 的路径（默认向上查找；也可设 GOVDATA_CONFIG）/ path to govdata.yaml"
    ),
]
LangOption = Annotated[
    str | None,
    typer.Option("--lang", help="输出语言 zh-CN 或 en（默认取自 govdata.yaml）/ output language"),
]
ProgressOption = Annotated[bool, typer.Option("--progress/--no-progress", help="在终端显示进度条 / progress bar")]


def resolve_lang(option: str | None, configured: str | None) -> Lang:
    """``--lang`` first, then the instance's ``language``; remembered for error messages."""
    value = option or configured or Lang.ZH.value
    try:
        lang = Lang(value)
    except ValueError:
        raise UsageError(
            Text(f"--lang 只能是 zh-CN 或 en，而不是“{value}”", f"--lang must be zh-CN or en, not {value!r}")
        ) from None
    state.lang = lang
    return lang


def early_lang(option: str | None) -> None:
    """Adopt ``--lang`` before the config is read, so config errors use it too."""
    if option is not None:
        resolve_lang(option, None)


def instance_path(root: Path, path: Path) -> str:
    """``path`` (as typed by the user) relative to the instance ``root``; a usage error if outside."""
    absolute = path.resolve()
    if not absolute.exists():
        raise UsageError(Text(f"路径不存在：{path}", f"no such path: {path}"))
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        raise UsageError(Text(f"{path} 不在实例目录 {root} 中", f"{path} is outside the instance at {root}")) from None


@contextmanager
def progress_bar(enabled: bool, label: str) -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on stderr, only on a terminal and only once a run is long (200 steps)."""
    if not (enabled and sys.stderr.isatty()):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    columns = ("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None)

        drawn = 0

        def tick(done: int, total: int) -> None:
            # Redrawing on each of 90,000 records would cost more than the records; steps may
            # be of any size (a commit's files, a worker's chunk), so redraw every 50 or more.
            nonlocal drawn
            if total >= 200 and (done - drawn >= 50 or done == total):
                drawn = done
                bar.update(task, completed=done, total=total)

        yield tick
