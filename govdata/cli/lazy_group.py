"""A typer group that imports and converts only the command that runs (click's lazy subcommands).

Converting the whole app cost every start ≈ 0.17 s: typer introspects each of ≈ 20 commands'
signatures, and importing their modules cost as much again (issue 12, item 5). Here the group's
``commands`` is a mapping whose keys come from :data:`govdata.cli.commands.COMMANDS` and whose
values are built on first use, so typer's own lookup, suggestions ("Did you mean …") and walks
over ``commands`` work unchanged. Listing the commands in ``--help`` needs only names and
one-line helps: it gets light stand-ins built from the table.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup
from typer.main import get_command_from_info, get_group_from_info

from govdata.cli.commands import COMMANDS, Entry

# The root app's settings, which its commands inherit (typer passes them down when it converts).
PRETTY_EXCEPTIONS_SHORT = True  # typer's default, as the root app keeps it


def build(entry: Entry, group: TyperGroup) -> Any:
    """The click command of ``entry``, exactly as ``app.command`` / ``app.add_typer`` would make it."""
    # __import__, not importlib.import_module: only the former shows in ``python -X importtime``.
    target = getattr(__import__(entry.module, fromlist=[entry.attribute]), entry.attribute)
    scratch = typer.Typer()
    if entry.group:
        scratch.add_typer(target, name=entry.name)
        return get_group_from_info(
            scratch.registered_groups[0],
            pretty_exceptions_short=PRETTY_EXCEPTIONS_SHORT,
            rich_markup_mode=group.rich_markup_mode,
            suggest_commands=group.suggest_commands,
        )
    scratch.command(entry.name)(target)
    return get_command_from_info(
        scratch.registered_commands[0],
        pretty_exceptions_short=PRETTY_EXCEPTIONS_SHORT,
        rich_markup_mode=group.rich_markup_mode,
    )


class LazyCommands(MutableMapping[str, Any]):
    """name → click command, each imported and converted the first time it is asked for."""

    def __init__(self, group: TyperGroup) -> None:
        self._group = group
        self._entries = {entry.name: entry for entry in COMMANDS}
        self._built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            self._built[name] = build(self._entries[name], self._group)
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:  # add_command still works
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        self._entries.pop(name, None)
        self._built.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        yield from self._entries
        yield from (name for name in self._built if name not in self._entries)

    def __len__(self) -> int:
        return len(set(self._entries) | set(self._built))

    def built(self) -> set[str]:
        """The names of the commands imported and converted so far."""
        return set(self._built)

    def stand_in(self, name: str) -> Any:
        """What ``--help`` needs of a command: its name and one-line help, without building it."""
        if name in self._built or name not in self._entries:
            return self.get(name)
        return TyperCommand(name=name, help=self._entries[name].help)


class LazyGroup(TyperGroup):
    """The top-level ``govdata`` group: commands from the table, built when invoked."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.lazy = LazyCommands(self)
        self.commands: MutableMapping[str, Any] = self.lazy
        self._listing = False

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)  # typer's own walks ``items()``, which would build every command

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if self._listing:
            return self.lazy.stand_in(cmd_name)
        return super().get_command(ctx, cmd_name)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        # Only the command list asks for commands while help is written: stand-ins suffice.
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False
