"""The verdict of ``govdata check-authorship``: plain text for a CI log, or JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from govdata.i18n import Lang, Text
from govdata.report.base import write_json
from govdata.report.diff_base import colon, listing, paren

if TYPE_CHECKING:
    from govdata.gitops.authorship import AuthorshipResult, Refusal


def _who(result: AuthorshipResult, lang: Lang) -> str:
    names = [result.names.get(code, code) for code in result.author_departments]
    if names:
        return result.author + paren(listing(names, lang), lang)
    return result.author + (" " if lang is Lang.ZH else "")


def _owners(result: AuthorshipResult, refusal: Refusal, lang: Lang) -> str:
    parts = []
    for code in refusal.owners:
        handles = " ".join(result.handles.get(code, [])) or Text("未登记维护人", "no maintainers registered").get(lang)
        parts.append(result.names.get(code, code) + paren(handles, lang))
    return listing(parts, lang)


def text_report(result: AuthorshipResult, lang: Lang, stream: TextIO) -> None:
    who = _who(result, lang)
    if not result.author_departments:
        stream.write(
            Text(
                f"✗ {result.author} 不是部门名录（registry/departments.yaml）中任何部门的目录维护人（maintainers），无法确认其所属部门。\n",
                f"✗ {result.author} is not a maintainer of any department in registry/departments.yaml; "
                "their department is unknown.\n",
            ).get(lang)
        )
    if result.approvers:
        stream.write(Text("已批准：", "approved by: ").get(lang) + listing(result.approvers, lang) + "\n")
    if not result.refusals:
        stream.write(
            Text(
                f"✓ {who}可以合并此变更：{result.files} 个改动文件及其中须数据主管部门批准的变更，均属本部门或已获所属部门批准。\n",
                f"✓ {who} may merge this change: each of the {result.files} changed files, and every change that needs "
                "the authority, is their department's own or approved by its owners.\n",
            ).get(lang)
        )
        return
    stream.write(
        Text(
            f"✗ {who}不能单独合并此变更，以下 {len(result.refusals)} 处须经所列部门的维护人批准：\n",
            f"✗ {who} may not merge this change alone; {len(result.refusals)} places need an approval "
            "from the maintainers listed:\n",
        ).get(lang)
    )
    for refusal in sorted(result.refusals, key=lambda r: (r.path, r.line or 0)):
        where = refusal.path + (f":{refusal.line}" if refusal.line else "")
        what = "" if refusal.what is None else refusal.what.get(lang) + colon(lang)
        stream.write(f"  {where}\n      {what}{refusal.reason.get(lang)}\n")
        stream.write(
            "      → " + Text("须批准：", "approval needed from: ").get(lang) + _owners(result, refusal, lang) + "\n"
        )


def json_report(result: AuthorshipResult, lang: Lang, stream: TextIO) -> None:
    payload: dict[str, Any] = {
        "author": result.author,
        "author_departments": result.author_departments,
        "approvers": result.approvers,
        "approver_departments": result.approver_departments,
        "files": result.files,
        "allowed": not result.refusals,
        "refusals": [
            {
                "path": r.path,
                "line": r.line,
                "change": r.what.get(lang) if r.what else None,
                "reason": r.reason.get(lang),
                "owners": [
                    {"code": c, "name": result.names.get(c, c), "maintainers": result.handles.get(c, [])}
                    for c in r.owners
                ],
            }
            for r in result.refusals
        ],
    }
    write_json(payload, stream)
