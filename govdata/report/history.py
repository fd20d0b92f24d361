"""``govdata log`` output: each commit (who, when, which) with its changes in regulatory terms."""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING, Any, TextIO

from rich.console import Console
from rich.markup import escape

from govdata import __version__
from govdata.i18n import Lang, Text
from govdata.report.base import write_json
from govdata.report.diff_base import DiffOptions
from govdata.report.diff_json import entry_dict
from govdata.report.diff_text import entry_lines

if TYPE_CHECKING:
    from govdata.gitops.history import HistoryStep


def text_report(label: str, steps: list[HistoryStep], lang: Lang, stream: TextIO) -> None:
    console = Console(file=stream, highlight=False, soft_wrap=True)
    title = Text(f"{label} 的变更历史：{len(steps)} 个提交", f"history of {label}: {len(steps)} commits")
    console.print(f"[bold]{escape(title.get(lang))}[/]")
    for step in steps:
        commit = step.commit
        console.print()
        console.print(
            f"[yellow]{commit.sha[:10]}[/]  {escape(commit.date.replace('T', ' '))}  "
            f"{escape(commit.author)} <{escape(commit.email)}>"
        )
        console.print(f"    {escape(commit.subject)}")
        for path, entries in groupby(step.result.entries, key=lambda e: step.result.prefix + e.location.path):
            console.print(f"   [underline]{escape(path)}[/]")
            for entry in sorted(entries, key=lambda e: e.location.line or 0):
                for line in entry_lines(entry, lang):
                    console.print(f"  {line}")


def json_report(label: str, steps: list[HistoryStep], lang: Lang, stream: TextIO, options: DiffOptions) -> None:
    payload: dict[str, Any] = {
        "version": 1,
        "tool": {"name": "govdata", "version": __version__},
        "language": lang.value,
        "target": label,
        "commits": [
            {
                "sha": step.commit.sha,
                "parents": list(step.commit.parents),
                "author": step.commit.author,
                "email": step.commit.email,
                "date": step.commit.date,
                "subject": step.commit.subject,
                "changes": [entry_dict(e, step.result, lang, options) for e in step.result.entries],
            }
            for step in steps
        ],
    }
    write_json(payload, stream)
