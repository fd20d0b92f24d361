"""Writing generated files, or checking that the committed copies are fresh (``--check``)."""

from __future__ import annotations

import difflib
from pathlib import Path

import typer
from rich.console import Console

from govdata.io.roundtrip import atomic_write
from govdata.io.transaction import Transaction


def stale_files(base: Path, files: dict[str, str], *, exhaustive: bool = False) -> dict[str, str]:
    """Paths under ``base`` whose content differs from ``files``, with a unified diff each.

    With ``exhaustive``, files in ``base`` that are not generated any more count as stale too.
    """
    stale: dict[str, str] = {}
    for name, content in sorted(files.items()):
        target = base / name
        current = target.read_text(encoding="utf-8") if target.is_file() else ""
        if current != content:
            diff = difflib.unified_diff(
                current.splitlines(keepends=True),
                content.splitlines(keepends=True),
                fromfile=f"{target} (committed)",
                tofile=f"{target} (generated)",
            )
            stale[name] = "".join(diff)
    if exhaustive and base.is_dir():
        for extra in sorted(p for p in base.iterdir() if p.is_file() and p.name not in files):
            stale[extra.name] = f"{extra}: no longer generated\n"
    return stale


def write_or_check(
    base: Path,
    files: dict[str, str],
    check: bool,
    label: str,
    *,
    owns_folder: bool = True,
    transaction: Transaction | None = None,
    fix: str = "",
) -> None:
    """Write ``files`` under ``base``; with ``check``, write nothing and exit 1 if any is stale.

    With a ``transaction`` (instance files), the stale files are written together, under the
    instance lock, and only if none changed since the transaction read it. ``fix`` is the
    command that brings the files up to date; a failed check names it.
    """
    console = Console(highlight=False, soft_wrap=True)
    # ``owns_folder``: every file in ``base`` is generated, so a leftover one is stale too.
    stale = stale_files(base, files, exhaustive=check and owns_folder)
    if check:
        if stale:
            for diff in stale.values():
                console.out(diff, end="")
            console.print(f"[red]✗ {label}: {len(stale)} 个文件已过期 / stale: {', '.join(stale)}[/]")
            if fix:
                console.print(f"[red]  请运行 {fix} 更新 / run {fix} to update them[/]", markup=True)
            raise typer.Exit(1)
        console.print(f"[green]✓ {label}: {len(files)} 个文件均为最新 / up to date[/]")
        return
    written = {name: files[name] for name in stale if name in files}
    if transaction is not None:
        prefix = base.relative_to(transaction.root).as_posix()
        transaction.commit({f"{prefix}/{name}": text for name, text in written.items()})
    else:
        for name, text in written.items():
            atomic_write(base / name, text)
    console.print(
        f"{label}: 写入 {len([n for n in stale if n in files])} 个文件，{len(files)} 个文件为最新 / written to {base}"
    )
