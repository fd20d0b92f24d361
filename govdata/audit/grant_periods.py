"""The grants as a table of periods: one row per status each grant passed through, with the
git commit that recorded that decision.

A grant's ``history`` is append-only (the lifecycle commands only add entries), so the commit
that made decision *i* is the oldest commit whose version of the file already holds entry *i*.
The items, method and validity of a period are those of that version: what the authority
decided on, not what the file says today. Where git cannot answer (no repository, or a
decision not committed yet) the period comes from the file alone and says so in ``source``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from govdata.io.fastyaml import YamlProblem, load_yaml

SOURCE_GIT = "git"
SOURCE_FILE = "file"  # fallback: the history recorded inside the grant file, no commit


@dataclass(frozen=True)
class GrantPeriod:
    grant_id: str
    grant_path: str
    applicant: str
    resource: str
    status: str
    period_start: dt.date
    period_end: dt.date | None  # exclusive; None while the status lasts
    valid_from: dt.date | None
    valid_until: dt.date | None
    method: str
    items: list[str]
    commit: str | None
    source: str

    def row(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in PERIOD_COLUMNS}


PERIOD_COLUMNS = [
    "grant_id",
    "grant_path",
    "applicant",
    "resource",
    "status",
    "period_start",
    "period_end",
    "valid_from",
    "valid_until",
    "method",
    "items",
    "commit",
    "source",
]


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def parse_grant(text: str) -> dict[str, Any] | None:
    """A grant version as plain data, or None when it does not parse (an old broken commit)."""
    loaded = load_yaml(text)
    if isinstance(loaded, YamlProblem) or not isinstance(loaded[0], dict):
        return None
    data = loaded[0]
    return data if isinstance(data.get("history"), list) else None


def _entry_key(entry: Any) -> tuple[str, str]:
    return (str(entry.get("date")), str(entry.get("status"))) if isinstance(entry, dict) else ("", "")


def periods_of(path: str, versions: list[tuple[str | None, dict[str, Any]]]) -> list[GrantPeriod]:
    """The periods of one grant from its versions, oldest first; the last is the current file.

    Each version is ``(commit or None, parsed grant)``. Entry *i* is credited to the first
    version whose history holds the same (date, status) at index *i*.
    """
    current = versions[-1][1]
    history = [entry for entry in current["history"] if isinstance(entry, dict)]
    periods: list[GrantPeriod] = []
    for index, entry in enumerate(history):
        key = _entry_key(entry)
        commit, decided = None, current
        for sha, version in versions:
            entries = version["history"]
            if len(entries) > index and _entry_key(entries[index]) == key:
                commit, decided = sha, version
                break
        start = _date(entry.get("date"))
        if start is None:
            continue
        end = _date(history[index + 1].get("date")) if index + 1 < len(history) else None
        items = [str(item.get("name")) for item in decided.get("items") or [] if isinstance(item, dict)]
        periods.append(
            GrantPeriod(
                grant_id=str(current.get("id")),
                grant_path=path,
                applicant=str(decided.get("applicant")),
                resource=str(decided.get("resource")),
                status=str(entry.get("status")),
                period_start=start,
                period_end=end,
                valid_from=_date(decided.get("valid_from")),
                valid_until=_valid_until(history, index, decided, commit is not None),
                method=str(decided.get("method")),
                items=sorted(items),
                commit=commit,
                source=SOURCE_GIT if commit is not None else SOURCE_FILE,
            )
        )
    return periods


def _valid_until(history: list[dict[str, Any]], index: int, decided: dict[str, Any], from_git: bool) -> dt.date | None:
    """The end of validity in force during period ``index``.

    From git it is the version that recorded the decision. From the file alone a renewal after
    this period hides the earlier end date; then the last renewal at or before it (if any)
    is used, else the period is bounded only by its own end (stated in docs/audit.md).
    """
    if from_git:
        return _date(decided.get("valid_until"))
    renewed = [_date(e.get("valid_until")) for e in history[: index + 1] if e.get("valid_until")]
    later_renewal = any(e.get("valid_until") for e in history[index + 1 :])
    if renewed:
        return renewed[-1]
    return None if later_renewal else _date(decided.get("valid_until"))


__all__ = ["PERIOD_COLUMNS", "SOURCE_FILE", "SOURCE_GIT", "GrantPeriod", "parse_grant", "periods_of"]
