"""``govdata fmt``: canonical formatting of every instance file, or ``--check`` that it is."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from govdata.cli.common import ConfigOption, LangOption, early_lang, instance_path, resolve_lang
from govdata.i18n import Lang, Text, plural

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
    cache: Annotated[
        bool,
        typer.Option(
            "--cache/--no-cache", help="跳过上次已确认格式统一且未改动的文件 / skip files known to be formatted"
        ),
    ] = True,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """把实例文件整理为统一格式：键按数据规范的顺序排列、两格缩进、首行为数据规范声明。

    Format instance files canonically: keys in the order the model declares them, 2-space indentation, the schema modeline as the first line, UTF-8 with LF line ends. Comments, quoting and list style are kept, and the data never changes (each result is re-read and compared). Running fmt twice changes nothing the second time.

    Files found canonical are remembered in .govdata-cache/fmt.json by the hash of their content, so the next run skips them until they change (--no-cache checks everything).

    Exit 0 when nothing is (or was) left to change; with --check, 1 when a file would change; 1 when a file cannot be read (it is left untouched); 2 on usage errors, and when a file was changed by someone else (another govdata command, an editor) while fmt ran: then nothing is written, run fmt again.

    [bold]Examples[/]

      govdata fmt                               整理整个实例 / the whole instance
      govdata fmt catalogs/gongan               只整理公安局的文件 / one department
      govdata fmt --check                       CI 中检查格式 / in CI: fail on unformatted files
    """
    from rich.console import Console

    from govdata.fmt.canonical import FormatProblem
    from govdata.fmt.run import FormatCache, format_many
    from govdata.instance import discover, open_instance, within
    from govdata.io.transaction import Transaction
    from govdata.model.kinds import kind_of

    early_lang(lang)
    instance = open_instance(Path.cwd(), config)
    chosen = resolve_lang(lang, instance.config.language)
    scopes = [instance_path(instance.root, path) for path in paths] if paths else None
    console = Console(highlight=False, soft_wrap=True)
    present = [path for path in discover(instance.root) if kind_of(path) is not None]
    chosen_paths = [path for path in present if within(path, scopes)]
    memo = FormatCache(instance.root, enabled=cache)
    transaction = Transaction(instance.root, "fmt")
    jobs = [(path, data) for path in chosen_paths if not memo.canonical(path, data := transaction.read(path))]
    changed: list[str] = []
    writes: dict[str, str] = {}
    problems = 0
    for (path, data), result in zip(jobs, format_many(jobs), strict=True):
        if isinstance(result, FormatProblem):
            problems += 1
            where = ":".join(str(part) for part in (path, result.line, result.column) if part is not None)
            console.print(f"[red]{where}: {result.message.get(chosen)}[/]")
            continue
        canonical = result.encode("utf-8")
        if canonical != data:
            changed.append(path)
            if check:
                continue
            writes[path] = result
        memo.record(path, canonical)
    # Written only if no file changed since it was read: fmt never puts back older content.
    transaction.commit(writes)
    memo.save(set(present))
    _summary(console, changed, problems, check, chosen)
    if problems or (check and changed):
        raise typer.Exit(1)


def _summary(console: Console, changed: list[str], problems: int, check: bool, lang: Lang) -> None:
    verb = Text("需要格式化", "would reformat") if check else Text("已格式化", "reformatted")
    for path in changed:
        console.print(f"{verb.get(lang)}: {path}")
    if problems:
        console.print(
            Text(
                f"✗ {problems} 个文件无法读取，未做改动",
                f"✗ {plural(problems, 'file')} could not be read and were left as they are",
            ).get(lang)
        )
    if changed and check:
        console.print(
            Text(
                f"✗ 共 {len(changed)} 个文件需要格式化：请运行 govdata fmt",
                f"✗ {plural(len(changed), 'file')} to reformat: run govdata fmt",
            ).get(lang)
        )
    elif changed:
        console.print(Text(f"共 {len(changed)} 个文件", plural(len(changed), "file")).get(lang))
    elif not problems:
        console.print(Text("✓ 所有文件格式均已统一", "✓ every file is formatted").get(lang))
