"""GitLab: merge request approvals (``GET /projects/:id/merge_requests/:iid/approvals``).

GitLab lists who approved (``approved_by[].user.username``) but not which commit. Approvals
count as given on the merge request's current commit (``sha`` of ``GET .../merge_requests/:iid``)
only when the project withdraws approvals on every push (``reset_approvals_on_push`` of
``GET /projects/:id/approvals``, "Remove all approvals when commits are added"); otherwise
they are stale (fail closed). A saved body for ``gate --reviews`` is one object with the three
responses: ``{"merge_request": …, "approvals": …, "project_approvals": …}``.
Groups (``@group/sub``) expand through ``GET /groups/:path/members/all`` (token with ``read_api``).
"""

from __future__ import annotations

import os
import urllib.parse
from typing import Any

from govdata.gate.approvals import Approval, State
from govdata.gate.hosts.http import Forbidden, get_json, get_pages, require
from govdata.gate.teams import Expander


def parse(body: Any) -> list[Approval]:
    resets = bool((body.get("project_approvals") or {}).get("reset_approvals_on_push"))
    commit = (body.get("merge_request") or {}).get("sha") if resets else None
    approved = (body.get("approvals") or {}).get("approved_by") or []
    return [
        Approval(str(entry["user"]["username"]), State.APPROVED, commit)
        for entry in approved
        if (entry.get("user") or {}).get("username")
    ]


def _headers() -> dict[str, str]:
    token = os.environ.get("GOVDATA_GITLAB_TOKEN")
    if token:
        return {"PRIVATE-TOKEN": token}
    return {"JOB-TOKEN": require(os.environ.get("CI_JOB_TOKEN"), "GOVDATA_GITLAB_TOKEN or CI_JOB_TOKEN")}


def api() -> str:
    return require(os.environ.get("CI_API_V4_URL"), "CI_API_V4_URL").rstrip("/")


def fetch(merge_request: str) -> Any:
    project = require(os.environ.get("CI_PROJECT_ID"), "CI_PROJECT_ID")
    base = f"{api()}/projects/{project}"
    headers = _headers()
    return {
        "merge_request": get_json(f"{base}/merge_requests/{merge_request}", headers)[0],
        "approvals": get_json(f"{base}/merge_requests/{merge_request}/approvals", headers)[0],
        "project_approvals": get_json(f"{base}/approvals", headers)[0],
    }


def expander() -> Expander:
    def expand(team: str) -> list[str] | None:
        if not os.environ.get("GOVDATA_GITLAB_TOKEN"):
            return None  # a job token cannot list group members
        path = urllib.parse.quote(team.lstrip("@"), safe="")
        try:
            members = get_pages(f"{api()}/groups/{path}/members/all", _headers())
        except Forbidden:
            return None
        return [str(member["username"]) for member in members if member.get("username")]

    return expand


def author(body: Any) -> str | None:
    """The merge request's author, so the pipeline need not guess it (``GITLAB_USER_LOGIN`` is whoever ran it)."""
    found = ((body.get("merge_request") or {}).get("author") or {}).get("username")
    return str(found) if found else None
