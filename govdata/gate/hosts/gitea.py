"""Gitea: pull request reviews (``GET /repos/{owner}/{repo}/pulls/{index}/reviews``).

Each review has ``user.login``, ``state`` (APPROVED, REQUEST_CHANGES, COMMENT, PENDING,
REQUEST_REVIEW), ``commit_id``, and ``stale`` / ``dismissed`` flags that Gitea sets itself:
a stale or dismissed approval does not count. Team handles are not expanded on Gitea (list
personal handles in the registry).
"""

from __future__ import annotations

import os
from typing import Any

from govdata.gate.approvals import Approval, State
from govdata.gate.hosts.http import get_pages, require
from govdata.gate.teams import Expander, no_expansion

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


def fetch(pull: str) -> Any:
    api = require(os.environ.get("GITEA_API_URL") or os.environ.get("GITHUB_API_URL"), "GITEA_API_URL")
    repository = require(os.environ.get("GITHUB_REPOSITORY"), "GITHUB_REPOSITORY")
    token = require(os.environ.get("GITEA_TOKEN") or os.environ.get("GITHUB_TOKEN"), "GITEA_TOKEN")
    return get_pages(
        f"{api.rstrip('/')}/repos/{repository}/pulls/{pull}/reviews", {"Authorization": f"token {token}"}, size="limit"
    )


def expander() -> Expander:
    return no_expansion


def author(body: Any) -> str | None:
    """Review lists do not name the pull request's author: the workflow passes ``--author``."""
    return None
