"""GitLab: merge request approvals (``GET /projects/:id/merge_requests/:iid/approvals``).

GitLab lists who approved (``approved_by[].user.username``, ``approved_at``) but not which
commit. An approval counts as given on the merge request's current commit (``sha`` of
``GET .../merge_requests/:iid``) when

- the project withdraws approvals on every push (``reset_approvals_on_push`` of
  ``GET /projects/:id/approvals``, "Remove all approvals when commits are added"; Premium), or
- it was given after GitLab recorded the push of that commit: ``approved_at`` is not earlier
  than the ``created_at`` of the diff version whose ``head_commit_sha`` is the current commit
  (``GET .../merge_requests/:iid/versions``; server times, works on GitLab Free / CE).

Otherwise it is stale (fail closed). A saved body for ``gate --reviews`` is one object with the
responses: ``{"merge_request": …, "approvals": …, "project_approvals": …, "versions": […]}``.
Groups (``@group/sub``) expand through ``GET /groups/:path/members/all`` (token with ``read_api``).
"""

from __future__ import annotations

import datetime as dt
import os
import urllib.parse
from typing import Any

from govdata.gate.approvals import Approval, State
from govdata.gate.hosts.http import get_json, get_pages, members_or_none, require
from govdata.gate.teams import Expander


def _time(text: Any) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        return None


def _pushed_at(versions: list[Any], sha: str | None) -> dt.datetime | None:
    """When GitLab recorded the push of ``sha`` (the earliest diff version with that head)."""
    times = [_time(v.get("created_at")) for v in versions if sha and v.get("head_commit_sha") == sha]
    found = [t for t in times if t is not None]
    return min(found) if found else None


def parse(body: Any) -> list[Approval]:
    sha = (body.get("merge_request") or {}).get("sha")
    resets = bool((body.get("project_approvals") or {}).get("reset_approvals_on_push"))
    pushed = _pushed_at(body.get("versions") or [], sha)
    approvals = []
    for entry in (body.get("approvals") or {}).get("approved_by") or []:
        login = (entry.get("user") or {}).get("username")
        if not login:
            continue
        approved = _time(entry.get("approved_at")) if entry.get("approved_at") else None
        after_push = pushed is not None and approved is not None and approved >= pushed
        approvals.append(Approval(str(login), State.APPROVED, sha if resets or after_push else None))
    return approvals


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
        "versions": get_pages(f"{base}/merge_requests/{merge_request}/versions", headers),
    }


def expander() -> Expander:
    def expand(team: str) -> list[str] | None:
        if not os.environ.get("GOVDATA_GITLAB_TOKEN"):
            return None  # a job token cannot list group members
        path = urllib.parse.quote(team.lstrip("@"), safe="")
        return members_or_none(lambda: get_pages(f"{api()}/groups/{path}/members/all", _headers()), "username")

    return expand


def author(body: Any) -> str | None:
    """The merge request's author, so the pipeline need not guess it (``GITLAB_USER_LOGIN`` is whoever ran it)."""
    found = ((body.get("merge_request") or {}).get("author") or {}).get("username")
    return str(found) if found else None
