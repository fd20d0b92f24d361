"""``govdata audit --suspend-draft``: a ``grant suspend`` step for each grant in force that the
audit caught being used beyond its scope (Art. 36), written with the grant lifecycle code so
that every check of ``govdata grant suspend`` applies. The edits are left in the working tree
for the authority to review and merge as a pull request; nothing is committed."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from govdata.audit.findings import KINDS, SUSPENDABLE
from govdata.errors import GovdataError
from govdata.grants.edit import Step
from govdata.i18n import Text
from govdata.instance import Instance
from govdata.model.grant import ACTIONS


@dataclass(frozen=True)
class Draft:
    grant_id: str
    path: str
    reason: str
    written: bool
    refusal: Text | None = None


def suspension_reason(findings: list[dict[str, Any]]) -> str:
    """Why: the counts per kind and the first access of each, located (kept in the grant file)."""
    parts = []
    for name in sorted({f["kind"] for f in findings}, key=list(KINDS).index):
        of_kind = [f for f in findings if f["kind"] == name]
        first = of_kind[0]
        parts.append(
            f"{KINDS[name].label.zh} {len(of_kind)} 次（首次 {first['day']}，{first['log_file']}:{first['log_row']}，"
            f"请求 {first['request_id']}）"
        )
    return "访问日志审计发现超范围使用：" + "；".join(parts) + "；依第三十六条暂停服务，待核查整改"


def draft_suspensions(
    instance: Instance, findings: list[dict[str, Any]], by: str, date: dt.date, current_status: dict[str, str]
) -> list[Draft]:
    """Suspend each grant with a suspendable finding that is 已批准 now; refusals are reported, not raised."""
    from govdata.grants.lifecycle import transition

    by_grant: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for finding in findings:
        if finding["kind"] in SUSPENDABLE and finding["grant_id"]:
            by_grant[finding["grant_id"]].append(finding)
    drafts = []
    for grant_id, found in sorted(by_grant.items()):
        reason = suspension_reason(found)
        path = found[0]["grant_path"]
        status = current_status.get(grant_id)
        if status != "已批准":
            refusal = Text(f"当前状态为“{status}”，无须暂停", f"its status is now {status}; nothing to suspend")
            drafts.append(Draft(grant_id, path, reason, False, refusal))
            continue
        try:
            transition(instance, grant_id, Step(ACTIONS["suspend"], date, by, reason))
        except GovdataError as error:
            drafts.append(Draft(grant_id, path, reason, False, error.text))
            continue
        drafts.append(Draft(grant_id, path, reason, True))
    return drafts


__all__ = ["Draft", "draft_suspensions", "suspension_reason"]
