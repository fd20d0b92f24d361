"""``govdata audit`` as text: a summary per kind of finding, then each finding on one line
with where it was seen (log file:row, request id) and what decided it (grant file @ commit)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any, TextIO

from govdata.audit.findings import KINDS, REASONS
from govdata.i18n import Lang, Text

if TYPE_CHECKING:
    from govdata.audit.run import Result


def _decided_by(finding: dict[str, Any], lang: Lang) -> str:
    if not finding["grant_path"]:
        return ""
    commit = finding["grant_commit"]
    where = (
        f"@{commit[:10]}"
        if commit
        else Text("（无提交号：依授权文件内的变更记录）", " (no commit: the file's own history)").get(lang)
    )
    return f" ← {finding['grant_path']}{where} [{finding['grant_status']}]"


def finding_line(finding: dict[str, Any], lang: Lang) -> str:
    kind = KINDS[finding["kind"]]
    label = kind.label.get(lang)
    reason = REASONS.get(finding["reason"] or "")
    detail = f"（{reason.get(lang)}）" if reason and lang is Lang.ZH else f" ({reason.get(lang)})" if reason else ""
    name = finding["kind"]
    if finding["log_file"]:
        where = f"{finding['log_file']}:{finding['log_row']} request={finding['request_id']}"
        what = f"{finding['day']} {finding['consumer']} → {finding['resource']} {finding['method']}"
        if name == "items_beyond":
            what += Text(f" 超出信息项：{finding['items']}", f" items beyond: {finding['items']}").get(lang)
        return f"{where}: {label}{detail} {what}{_decided_by(finding, lang)} [{name}]"
    if name == "retention_gap":
        days = finding["accesses"]
        text = Text(
            f"{finding['day']} 至 {finding['day_end']} 共 {days} 天无日志",
            f"{finding['day']} to {finding['day_end']}: {days} days without logs",
        )
        return f"{label}: {text.get(lang)} [{name}]"
    if name == "own_data":
        text = Text(
            f"{finding['consumer']} 访问本部门资源 {finding['resource']}：{finding['accesses']} 次，{finding['rows']} 条",
            f"{finding['consumer']} read its own {finding['resource']}: {finding['accesses']} accesses, {finding['rows']} rows",
        )
        return f"{label}: {text.get(lang)} [{name}]"
    if name == "volume_anomaly":
        mean = finding["history_rows"] / finding["history_days"]
        text = Text(
            f"{finding['grant_id']} 于 {finding['day']} 返回 {finding['rows']} 条，前 {finding['history_days']} 个使用日平均 {mean:.1f} 条",
            f"{finding['grant_id']} returned {finding['rows']} rows on {finding['day']}; mean of the {finding['history_days']} days before: {mean:.1f}",
        )
        return f"{label}: {text.get(lang)}{_decided_by(finding, lang)} [{name}]"
    text = Text(
        f"{finding['grant_id']}（{finding['consumer']} → {finding['resource']}）",
        f"{finding['grant_id']} ({finding['consumer']} → {finding['resource']})",
    )
    return f"{label}: {text.get(lang)}{_decided_by(finding, lang)} [{name}]"


def text_report(result: Result, lang: Lang, stream: TextIO) -> None:
    parameters, bounds = result.parameters, result.bounds
    stream.write(
        Text(
            f"访问日志审计（{result.engine}）：{parameters.from_day} 至 {parameters.to_day}；读取 {len(result.log_files)} 个文件、{bounds.rows} 行日志"
            f"（{bounds.first} 至 {bounds.last}）；日志留存检查自 {parameters.retention_from} 起（第二十八条）\n",
            f"access-log audit ({result.engine}): {parameters.from_day} to {parameters.to_day}; read {len(result.log_files)} files, {bounds.rows} log rows"
            f" ({bounds.first} to {bounds.last}); retention checked from {parameters.retention_from} (Art. 28)\n",
        ).get(lang)
    )
    note = result.reference.history_note
    if note is not None:
        stream.write(
            Text(
                f"注意：无法从 git 读取授权历史（{note.zh}），决定依据授权文件内的变更记录，未标提交号\n",
                f"note: no grant history from git ({note.en}); decisions come from each grant file's own history, without commits\n",
            ).get(lang)
        )
    for path in result.reference.unreadable:
        stream.write(
            Text(
                f"{path}:1:1: 授权文件无法读取，未参与审计\n",
                f"{path}:1:1: grant file does not load; left out of the audit\n",
            ).get(lang)
        )
    counts = Counter(f["kind"] for f in result.findings)
    for name, kind in KINDS.items():
        stream.write(f"  {kind.label.get(lang)} [{name}, {kind.severity}, {kind.article}]: {counts.get(name, 0)}\n")
    for finding in result.findings:
        stream.write(finding_line(finding, lang) + "\n")


__all__ = ["finding_line", "text_report"]
