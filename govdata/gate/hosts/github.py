"""GitHub: pull request reviews (``GET /repos/{owner}/{repo}/pulls/{n}/reviews``).

Each review has ``user.login``, ``state`` (APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED,
PENDING) and ``commit_id``, listed in chronological order. Teams (``@org/team``) expand
through ``GET /orgs/{org}/teams/{team}/members``, which needs a token with ``read:org``; the
workflow's ``GITHUB_TOKEN`` cannot, so such a token goes in ``GOVDATA_TEAMS_TOKEN``.
"""

from __future__ import annotations

import os
from typing import Any

from govdata.gate.approvals import Approval, State
from govdata.gate.hosts.http import get_pages, members_or_none, require
from govdata.gate.teams import Expander

_STATES = {
    "APPROVED": State.APPROVED,
    "CHANGES_REQUESTED": State.CHANGES_REQUESTED,
    "COMMENTED": State.COMMENTED,
    "DISMISSED": State.DISMISSED,
    "PENDING": State.PENDING,
}


def parse(body: Any) -> list[Approval]:
    """The reviews of a ``pulls/{n}/reviews`` body; an unknown state counts as no approval."""
    return [
        Approval(
            str((review.get("user") or {}).get("login", "")),
            _STATES.get(review.get("state"), State.PENDING),
            review.get("commit_id"),
        )
        for review in body
        if (review.get("user") or {}).get("login")
    ]


def _headers(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "Accept": "application/vnd.github+json"}


def api() -> str:
    return os.environ.get("GITHUB_API_URL", "https://api.github.com").rstrip("/")


def fetch(pull: str) -> Any:
    repository = require(os.environ.get("GITHUB_REPOSITORY"), "GITHUB_REPOSITORY")
    token = require(os.environ.get("GITHUB_TOKEN"), "GITHUB_TOKEN")
    return get_pages(f"{api()}/repos/{repository}/pulls/{pull}/reviews", _headers(token))


def expander() -> Expander:
    token = os.environ.get("GOVDATA_TEAMS_TOKEN") or os.environ.get("GITHUB_TOKEN")

    def expand(team: str) -> list[str] | None:
        org, _, slug = team.lstrip("@").partition("/")
        if not token or not slug:
            return None
        return members_or_none(lambda: get_pages(f"{api()}/orgs/{org}/teams/{slug}/members", _headers(token)), "login")

    return expand


def author(body: Any) -> str | None:
    """Review lists do not name the pull request's author: the workflow passes ``--author``."""
    return None
