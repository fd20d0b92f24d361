"""The lifecycle commands of ``govdata grant``: approve, reject, suspend, resume, terminate, renew, expire."""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from govdata.cli.common import ConfigOption, LangOption, early_lang, resolve_lang
from govdata.errors import UsageError
from govdata.i18n import Lang, Text

if TYPE_CHECKING:
    from rich.table import Table

    from govdata.grants.lifecycle import Outcome
    from govdata.instance import Instance


class Method(StrEnum):
    INTERFACE = "接口"
    VERIFICATION = "核验"
    BATCH = "批量交换"


class Status(StrEnum):
    PENDING = "申请中"
    APPROVED = "已批准"
    REJECTED = "已驳回"
    SUSPENDED = "已暂停"
    TERMINATED = "已终止"
    EXPIRED = "已过期"


class Format(StrEnum):
    TEXT = "text"
    JSON = "json"


GrantId = Annotated[str, typer.Argument(help="授权编号，如 minzheng-2026-001 / grant id", show_default=False)]
By = Annotated[str, typer.Option("--by", help="经办人或决定人（人员、科室）/ who decides", show_default=False)]
Reason = Annotated[str, typer.Option("--reason", help="理由 / why", show_default=False)]
DateOption = Annotated[
    str | None, typer.Option("--date", help="变更日期 YYYY-MM-DD（默认今天）/ date of the step (default: today)")
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="text 或 json / output format")]


def parse_date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(
            Text(f"{option} 的日期“{value}”无效，应为 YYYY-MM-DD", f"{option}: {value!r} is not a date (YYYY-MM-DD)")
        ) from None


def parse_justifications(values: list[str] | None) -> tuple[tuple[str, str], ...]:
    """``--justify ITEM=REASON`` options as (item, reason) pairs."""
    pairs = []
    for value in values or ():
        name, sep, text = value.partition("=")
        if not sep or not name.strip() or not text.strip():
            raise UsageError(
                Text(f"--justify 应写成 信息项=理由，而不是“{value}”", f"--justify takes ITEM=REASON, not {value!r}")
            )
        pairs.append((name.strip(), text.strip()))
    return tuple(pairs)


def table(heads: list[str], whole: tuple[int, ...] = (0,)) -> Table:
    """A rich table whose cells wrap instead of being cut off; columns in ``whole`` (ids, codes) never break."""
    from rich.table import Column, Table

    return Table(
        *(
            Column(head, overflow="fold", no_wrap=index in whole, min_width=None if index in whole else 8)
            for index, head in enumerate(heads)
        )
    )


def one_year_from(start: dt.date) -> dt.date:
    """The default term of a request: one year, ending the day before the anniversary."""
    from govdata.rules.gd307_grant_validity_period import add_months

    return add_months(start, 12) - dt.timedelta(days=1)


def open_instance(config: Path | None, lang: str | None) -> tuple[Instance, Lang]:
    from govdata.instance import open_instance as find_instance

    early_lang(lang)
    instance = find_instance(Path.cwd(), config)
    return instance, resolve_lang(lang, instance.config.language)


def report(outcome: Outcome, lang: Lang) -> None:
    for diagnostic in outcome.warnings:
        typer.echo(f"  {diagnostic.location}: {diagnostic.message.get(lang)} [{diagnostic.rule_id}]")
    before = outcome.status_before or Text("（新申请）", "(new)").get(lang)
    typer.echo(f"✓ {outcome.path}: {before} → {outcome.status_after}")


def refused(error: Exception, lang: Lang) -> None:
    from govdata.grants.lifecycle import StepRefused

    assert isinstance(error, StepRefused)
    for diagnostic in error.diagnostics:
        typer.echo(f"{diagnostic.location}: {diagnostic.message.get(lang)} [{diagnostic.rule_id}]", err=True)
        if diagnostic.hint is not None:
            typer.echo(f"  ↳ {diagnostic.hint.get(lang)}", err=True)
    typer.echo(f"✗ {error.text.get(lang)}", err=True)
    raise typer.Exit(1)


def _step(
    name: str,
    grant_id: str,
    by: str,
    reason: str | None,
    date: str | None,
    config: Path | None,
    lang: str | None,
    *,
    conditions: list[str] | None = None,
    until: str | None = None,
) -> None:
    from govdata.grants.edit import Step
    from govdata.grants.lifecycle import StepRefused, transition
    from govdata.model.grant import ACTIONS

    instance, chosen = open_instance(config, lang)
    step = Step(
        ACTIONS[name],
        parse_date(date, "--date") or dt.date.today(),
        by,
        reason,
        tuple(conditions or ()),
        parse_date(until, "--until"),
    )
    try:
        outcome = transition(instance, grant_id, step)
    except StepRefused as error:
        refused(error, chosen)
    report(outcome, chosen)


def approve(
    grant_id: GrantId,
    by: By,
    reason: Reason,
    condition: Annotated[
        list[str] | None,
        typer.Option("--condition", help="使用条件，可重复；有条件共享的信息项必填 / condition of use"),
    ] = None,
    until: Annotated[str | None, typer.Option("--until", help="缩短有效期止 YYYY-MM-DD / shorten the term")] = None,
    date: DateOption = None,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """批准申请（申请中 → 已批准），记录决定人、日期、理由和使用条件。/ Approve a pending request.

    [bold]Example[/]

      govdata grant approve minzheng-2026-002 --by "数据共享科 王敏" --reason "履职依据充分" \\
          --condition "仅用于低保家庭成员认定，不得留存"
    """
    _step("approve", grant_id, by, reason, date, config, lang, conditions=condition, until=until)


def _decision(name: str, doc: str) -> Callable[..., None]:
    """A step command that takes only who, why and when: reject, suspend, resume, terminate."""

    def command(
        grant_id: GrantId,
        by: By,
        reason: Reason,
        date: DateOption = None,
        config: ConfigOption = None,
        lang: LangOption = None,
    ) -> None:
        _step(name, grant_id, by, reason, date, config, lang)

    command.__name__ = name
    command.__doc__ = inspect.cleandoc(doc)
    return command


reject = _decision(
    "reject",
    """驳回申请（申请中 → 已驳回，不可再变更）。/ Reject a pending request (final).

    [bold]Example[/]

      govdata grant reject minzheng-2026-003 --by "数据共享科 王敏" --reason "核验接口可满足需要，无须批量交换"
    """,
)
suspend = _decision(
    "suspend",
    """暂停授权（已批准 → 已暂停，第三十六条）。/ Suspend an approved grant (Art. 36).

    [bold]Example[/]

      govdata grant suspend minzheng-2026-001 --by "数据共享科 王敏" --reason "发现超范围调用，暂停核查"
    """,
)
resume = _decision(
    "resume",
    """恢复暂停的授权（已暂停 → 已批准）。/ Resume a suspended grant.

    [bold]Example[/]

      govdata grant resume minzheng-2026-001 --by "数据共享科 王敏" --reason "已整改，恢复服务"
    """,
)
terminate = _decision(
    "terminate",
    """终止授权（已批准或已暂停 → 已终止，不可再变更；第三十六条）。/ Terminate a grant (final, Art. 36).

    [bold]Example[/]

      govdata grant terminate minzheng-2026-001 --by "数据共享科 王敏" --reason "业务系统停用"
    """,
)


def renew(
    grant_id: GrantId,
    until: Annotated[str, typer.Option("--until", help="新的有效期止 YYYY-MM-DD / new end date", show_default=False)],
    by: By,
    reason: Reason,
    date: DateOption = None,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """续期（已批准或已过期 → 已批准），延长有效期止。/ Renew a grant to a later end date.

    [bold]Example[/]

      govdata grant renew minzheng-2026-001 --until 2027-12-31 --by "数据共享科 王敏" --reason "场景延续"
    """
    _step("renew", grant_id, by, reason, date, config, lang, until=until)


def expire(
    grant_id: GrantId,
    by: By,
    reason: Annotated[str | None, typer.Option("--reason", help="说明（可选）/ note")] = None,
    date: DateOption = None,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """记录授权到期（已批准或已暂停 → 已过期），仅在有效期止之后。/ Record that a grant ran out.

    [bold]Example[/]

      govdata grant expire minzheng-2025-004 --by "数据共享科 王敏"
    """
    _step("expire", grant_id, by, reason, date, config, lang)


def render_record(record: dict[str, object], lang: Lang) -> str:
    """``grant show`` as text: one labelled line per fact, then the history."""
    labels = {
        "id": Text("编号", "id"),
        "title": Text("申请事项", "title"),
        "status": Text("状态", "status"),
        "applicant": Text("申请部门", "applicant"),
        "resource": Text("信息资源", "resource"),
        "scenario": Text("应用场景", "scenario"),
        "duty_basis": Text("履职依据", "duty basis"),
        "method": Text("共享方式", "method"),
        "batch_reason": Text("批量交换理由", "batch reason"),
        "valid_from": Text("有效期起", "valid from"),
        "valid_until": Text("有效期止", "valid until"),
        "demand": Text("需求编号", "demand"),
        "path": Text("文件", "file"),
    }
    lines = []
    for key, label in labels.items():
        value = record.get(key)
        if key == "resource":
            value = f"{value} {record['resource_name']}"
        if value:
            lines.append(f"{label.get(lang)}: {value}")
    lines.append(Text("申请信息项:", "items:").get(lang))
    for item in record["items"]:  # type: ignore[attr-defined]
        note = f" — {item['justification']}" if "justification" in item else ""
        lines.append(f"  - {item['name']}{note}")
    decision = record.get("decision")
    if isinstance(decision, dict):
        lines.append(
            Text("审批决定", "decision").get(lang)
            + f": {decision['outcome']} {decision['date']} {decision['decided_by']} — {decision['reason']}"
        )
        lines += [f"  · {condition}" for condition in decision.get("conditions", [])]
    lines.append(Text("变更记录:", "history:").get(lang))
    for entry in record["history"]:  # type: ignore[attr-defined]
        extra = f" → {entry['valid_until']}" if "valid_until" in entry else ""
        reason = f" — {entry['reason']}" if "reason" in entry else ""
        lines.append(f"  {entry['date']} {entry['status']}{extra} {entry['by']}{reason}")
    actions = record.get("next_actions") or []
    lines.append(Text("可执行", "next").get(lang) + ": " + (", ".join(actions) or "—"))  # type: ignore[arg-type]
    return "\n".join(lines)
