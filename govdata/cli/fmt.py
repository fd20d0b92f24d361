"""``govdata fmt``: canonical formatting of every instance file, or ``--check`` that it is."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from govdata.cli.common import ConfigOption, LangOption, early_lang, instance_path, resolve_lang, within
from govdata.i18n import Lang, Text

if TYPE_CHECKING:
    from rich.console import Console


def fmt(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="只格式化这些文件或目录（默认整个实例）/ only these files or folders", show_default=False),
    ] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="不写文件；有文件需要格式化时列出并以 1 退出 / write nothing, exit 1 if any would change"
        ),
    ] = False,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """把实例文件整理为统一格式：键按数据规范的顺序排列、两格缩进、首行为数据规范声明。

    Format instance files canonically: keys in the order the model declares them, 2-space indentation, the schema modeline as the first line, UTF-8 with LF line ends. Comments, quoting and list style are kept, and the data never changes (each result is re-read and compared). Running fmt twice changes nothing the second time.

    Exit 0 when nothing is (or was) left to change; with --check, 1 when a file would change; 1 when a file cannot be read (it is left untouched); 2 on usage errors.

    [bold]Examples[/]

      govdata fmt                               整理整个实例 / the whole instance
      govdata fmt catalogs/gongan               只整理公安局的文件 / one department
      govdata fmt --check                       CI 中检查格式 / in CI: fail on unformatted files
    """
    from rich.console import Console

    from govdata.formatting import FormatProblem, format_bytes
    from govdata.instance import discover, open_instance
    from govdata.io.roundtrip import atomic_write
    from govdata.model.kinds import kind_of

    early_lang(lang)
    instance = open_instance(Path.cwd(), config)
    chosen = resolve_lang(lang, instance.config.language)
    scopes = [instance_path(instance.root, path) for path in paths] if paths else None
    console = Console(highlight=False, soft_wrap=True)
    changed: list[str] = []
    problems = 0
    for path in discover(instance.root):
        if kind_of(path) is None or (scopes is not None and not any(within(path, s) for s in scopes)):
            continue
        target = instance.root / path
        data = target.read_bytes()
        result = format_bytes(path, data)
        if isinstance(result, FormatProblem):
            problems += 1
            where = ":".join(str(part) for part in (path, result.line, result.column) if part is not None)
            console.print(f"[red]{where}: {result.message.get(chosen)}[/]")
            continue
        if result.encode("utf-8") == data:
            continue
        changed.append(path)
        if not check:
            atomic_write(target, result)
    _summary(console, changed, check, chosen)
    if problems or (check and changed):
        raise typer.Exit(1)


def _summary(console: Console, changed: list[str], check: bool, lang: Lang) -> None:
    verb = Text("需要格式化", "would reformat") if check else Text("已格式化", "reformatted")
    for path in changed:
        console.print(f"{verb.get(lang)}: {path}")
    if not changed:
        console.print(Text("✓ 所有文件格式均已统一", "✓ every file is formatted").get(lang))
    else:
        console.print(Text(f"共 {len(changed)} 个文件", f"{len(changed)} files").get(lang))
