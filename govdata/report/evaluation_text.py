"""Scorecards and the rectification list for the terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from govdata.i18n import Lang, Text

if TYPE_CHECKING:
    from govdata.evaluate.run import EvaluationRun

NOT_AVAILABLE = Text("无数据", "n/a")


def _value(value: float | None, lang: Lang) -> str:
    return NOT_AVAILABLE.get(lang) if value is None else f"{value:.0%}"


class EvaluationTextReporter:
    def __init__(self, rectification_only: bool = False) -> None:
        self.rectification_only = rectification_only

    def report(self, run: EvaluationRun, lang: Lang, stream: TextIO) -> None:
        from rich.console import Console
        from rich.table import Table

        # Numbered indicator columns keep the table within 120 columns; the legend below names them.
        console = Console(file=stream, highlight=False, width=120)
        region = run.context.catalog.config.region.name
        head = Text(
            f"{run.year} 年度政务数据管理评价（评价日 {run.as_of}，办法 {run.methodology_version}，"
            f"提交 {(run.commit or '无')[:10]}{'+工作区' if run.worktree else ''}，计算于 {run.day}）",
            f"Evaluation of {run.year} (judged on {run.as_of}, methodology {run.methodology_version}, "
            f"commit {(run.commit or 'none')[:10]}{'+worktree' if run.worktree else ''}, computed {run.day})",
        )
        console.print(head.get(lang))
        if run.note:
            console.print(run.note.get(lang))
        if not self.rectification_only and run.cards:
            table = Table(show_lines=False)
            table.add_column(Text("部门", "department").get(lang))
            for number, _ in enumerate(run.cards[0].results, start=1):
                table.add_column(f"I{number}", justify="right")
            table.add_column(Text("得分", "score").get(lang), justify="right")
            table.add_column(Text("等次", "band").get(lang))
            for card in run.cards:
                table.add_row(
                    card.department.name.removeprefix(region),
                    *(_value(r.measure.value, lang) for r in card.results),
                    "-" if card.score is None else f"{card.score:.1f}",
                    card.band or "-",
                )
            console.print(table)
            for number, r in enumerate(run.cards[0].results, start=1):
                console.print(
                    f"  I{number} {r.indicator.id}: {r.indicator.title.get(lang)} ({r.indicator.article}, ×{r.weight:g})"
                )
        console.print(
            Text(
                f"整改清单（第六十条）：{len(run.items)} 项", f"Rectification list (Art. 60): {len(run.items)} items"
            ).get(lang)
        )
        names = {d.code: d.name for d in run.context.catalog.departments}
        for item in run.items:
            d = item.diagnostic
            due = str(item.due) if item.due else Text("未知", "unknown").get(lang)
            console.print(
                f"  {names.get(item.department_code, item.department_code)}  {d.location}  {d.rule_id} "
                f"{d.article or ''}  {d.message.get(lang)}  → {due}",
                soft_wrap=True,
            )
