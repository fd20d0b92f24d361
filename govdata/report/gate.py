"""The gate's decision: plain text for a CI log, or a versioned JSON envelope."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from govdata import __version__
from govdata.gate.teams import TEAM_HINT
from govdata.i18n import Lang, Text
from govdata.report.base import write_json
from govdata.report.diff_base import colon, listing, paren

if TYPE_CHECKING:
    from govdata.gate.decision import GateResult, Requirement

FORMAT_VERSION = 1


def _party(result: GateResult, code: str, lang: Lang) -> str:
    handles = " ".join(result.handles.get(code, [])) or Text("未登记维护人", "no maintainers registered").get(lang)
    if code == result.authority:
        handles = Text("数据主管部门", "the data authority").get(lang) + colon(lang) + handles
    return result.names.get(code, code) + paren(handles, lang)


def _hint(result: GateResult, code: str) -> Text | None:
    teams = result.unexpanded.get(code)
    if not teams:
        return None
    return Text(TEAM_HINT.zh.format(teams="、".join(teams)), TEAM_HINT.en.format(teams=", ".join(teams)))


def _excluded(result: GateResult, requirement: Requirement, lang: Lang) -> str:
    if requirement.excluded is None:
        return ""
    name = result.names.get(requirement.excluded, requirement.excluded)
    return Text(f"（{name}的维护人不能代为批准）", f" ({name}'s maintainers cannot give it)").get(lang)


def text_report(result: GateResult, lang: Lang, stream: TextIO) -> None:
    if result.approvers:
        stream.write(Text("计入的批准：", "approvals counted: ").get(lang) + listing(result.approvers, lang) + "\n")
    for ignored in result.ignored:
        stream.write(
            Text("不计入：", "not counted: ").get(lang) + ignored.handle + colon(lang) + ignored.reason.get(lang) + "\n"
        )
    if result.mergeable:
        stream.write(
            Text(
                f"✓ 可以合并：所需的 {len(result.requirements)} 项批准均已具备（提交 {result.head[:10]}）。\n",
                f"✓ mergeable: all {len(result.requirements)} approvals it needs are given (commit {result.head[:10]}).\n",
            ).get(lang)
        )
        return
    stream.write(
        Text(
            f"✗ 尚不能合并：缺少 {len(result.missing)} 项批准（共需 {len(result.requirements)} 项）。\n",
            f"✗ not mergeable yet: {len(result.missing)} of {len(result.requirements)} approvals are missing.\n",
        ).get(lang)
    )
    for code in dict.fromkeys(r.party for r in result.missing):
        stream.write("\n" + Text("须批准：", "approval needed from: ").get(lang) + _party(result, code, lang) + "\n")
        for requirement in sorted((r for r in result.missing if r.party == code), key=lambda r: (r.path, r.line or 0)):
            where = requirement.path + (f":{requirement.line}" if requirement.line else "")
            what = "" if requirement.what is None else requirement.what.get(lang) + colon(lang)
            detail = what + requirement.reason.get(lang) + _excluded(result, requirement, lang)
            stream.write(f"  {where}\n      {detail}\n")
        hint = _hint(result, code)
        if hint is not None:
            stream.write("  ! " + hint.get(lang) + "\n")


def json_report(result: GateResult, lang: Lang, stream: TextIO) -> None:
    def requirement(r: Requirement) -> dict[str, Any]:
        return {
            "party": r.party,
            "party_name": result.names.get(r.party, r.party),
            "maintainers": result.handles.get(r.party, []),
            "authority": r.party == result.authority,
            "path": r.path,
            "line": r.line,
            "change": r.what.get(lang) if r.what else None,
            "reason": r.reason.get(lang),
            "excluded": r.excluded,
        }

    payload: dict[str, Any] = {
        "version": FORMAT_VERSION,
        "tool": {"name": "govdata", "version": __version__},
        "mergeable": result.mergeable,
        "author": result.author,
        "head": result.head,
        "approvers": result.approvers,
        "ignored": [{"handle": i.handle, "reason": i.reason.get(lang)} for i in result.ignored],
        "required": [requirement(r) for r in result.requirements],
        "missing": [requirement(r) for r in result.missing],
        "unexpanded_teams": result.unexpanded,
    }
    write_json(payload, stream)
