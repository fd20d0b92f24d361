"""Gitea: pull request reviews (``GET /repos/{owner}/{repo}/pulls/{index}/reviews``).

Each review has ``user.login``, ``state`` (APPROVED, REQUEST_CHANGES, COMMENT, PENDING,
REQUEST_REVIEW), ``commit_id``, and ``stale`` / ``dismissed`` flags that Gitea sets itself:
a stale or dismissed approval does not count. Teams (``@org/team``) expand through
``GET /orgs/{org}/teams/search?q=team`` and ``GET /teams/{id}/members``, which need a token
with ``read:organization`` (``GOVDATA_TEAMS_TOKEN``; the workflow token usually cannot).
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import quote

from govdata.gate.approvals import Approval, State
from govdata.gate.hosts.http import Forbidden, get_json, get_pages, members_or_none, require
from govdata.gate.teams import Expander, no_expansion
from govdata.i18n import Text

_STATES = {
    "APPROVED": State.APPROVED,
    "REQUEST_CHANGES": State.CHANGES_REQUESTED,
    "COMMENT": State.COMMENTED,
    "PENDING": State.PENDING,
    "REQUEST_REVIEW": State.PENDING,
}


def parse(body: Any) -> list[Approval]:
    approvals = []
    for review in body:
        login = (review.get("user") or {}).get("login")
        if not login:
            continue
        state = State.DISMISSED if review.get("dismissed") else _STATES.get(review.get("state"), State.PENDING)
        commit = None if review.get("stale") else review.get("commit_id")
        approvals.append(Approval(str(login), state, commit))
    return approvals


def _api() -> str:
    return require(os.environ.get("GITEA_API_URL") or os.environ.get("GITHUB_API_URL"), "GITEA_API_URL").rstrip("/")


def fetch(pull: str) -> Any:
    repository = require(os.environ.get("GITHUB_REPOSITORY"), "GITHUB_REPOSITORY")
    token = require(os.environ.get("GITEA_TOKEN") or os.environ.get("GITHUB_TOKEN"), "GITEA_TOKEN")
    return get_pages(
        f"{_api()}/repos/{repository}/pulls/{pull}/reviews", {"Authorization": f"token {token}"}, size="limit"
    )


def expander() -> Expander:
    token = os.environ.get("GOVDATA_TEAMS_TOKEN")
    if not token:
        return no_expansion
    headers = {"Authorization": f"token {token}"}

    def team_members(org: str, name: str) -> list[Any]:
        found, _ = get_json(f"{_api()}/orgs/{quote(org)}/teams/search?q={quote(name)}", headers)
        ids = [t["id"] for t in (found or {}).get("data") or [] if str(t.get("name", "")).lower() == name.lower()]
        if len(ids) != 1:
            raise Forbidden(Text(f"找不到团队 {org}/{name}", f"no team {org}/{name}"))
        return get_pages(f"{_api()}/teams/{ids[0]}/members", headers, size="limit")

    def expand(team: str) -> list[str] | None:
        org, _, name = team.lstrip("@").partition("/")
        return members_or_none(lambda: team_members(org, name), "login")

    return expand


def author(body: Any) -> str | None:
    """Review lists do not name the pull request's author: the workflow passes ``--author``."""
    return None
