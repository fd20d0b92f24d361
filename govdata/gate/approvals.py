"""Reviews as the gate counts them: ``(handle, state, commit)`` from any host, then filtered.

An approval counts only when it is the reviewer's latest word, is not the author's own, and
was given on the head commit (GitHub's "dismiss stale approvals"). ``commit`` None means the
host could not say which commit was approved: such an approval is stale unless the host is
known to withdraw approvals on every push (GitLab's "reset approvals on push"), in which case
the adapter fills in the head commit itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from govdata.i18n import Text


class State(StrEnum):
    APPROVED = "approved"
    CHANGES_REQUESTED = "changes_requested"
    DISMISSED = "dismissed"
    COMMENTED = "commented"
    PENDING = "pending"


@dataclass(frozen=True, slots=True)
class Approval:
    """One review as the host reports it."""

    handle: str  # as the host spells the login, with or without @
    state: State
    commit: str | None  # the commit reviewed; None: the host does not say


@dataclass(frozen=True, slots=True)
class Ignored:
    handle: str
    reason: Text


def normal(handle: str) -> str:
    """``@Zhang-San`` and ``zhang-san`` are one person: hosts compare logins case-insensitively."""
    return "@" + handle.strip().lstrip("@").lower()


def _latest(reviews: Iterable[Approval]) -> dict[str, Approval]:
    """Each reviewer's latest decisive review, in the host's (chronological) order; comments decide nothing."""
    latest: dict[str, Approval] = {}
    for review in reviews:
        if review.state in (State.COMMENTED, State.PENDING):
            continue
        latest[normal(review.handle)] = review
    return latest


def counted(reviews: Iterable[Approval], author: str, head: str) -> tuple[list[str], list[Ignored]]:
    """The handles whose approval counts, and the approvals set aside with the reason why."""
    valid: list[str] = []
    ignored: list[Ignored] = []
    for handle, review in _latest(reviews).items():
        if review.state is not State.APPROVED:
            continue
        if handle == normal(author):
            ignored.append(Ignored(handle, Text("作者本人的批准不计入", "the author's own approval does not count")))
        elif review.commit is None or review.commit.lower() != head.lower():
            seen = review.commit[:10] if review.commit else Text("未知", "unknown").zh
            ignored.append(
                Ignored(
                    handle,
                    Text(
                        f"批准针对的是较早的提交（{seen}），之后又有新的提交，须重新批准",
                        f"approved an earlier commit ({review.commit[:10] if review.commit else 'unknown'}); "
                        "new commits came since, approve again",
                    ),
                )
            )
        else:
            valid.append(handle)
    return sorted(valid), ignored
