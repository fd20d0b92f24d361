"""Who may record which event: the responsible department, the reporting department, or the authority.

The merge gate (``govdata.gitops``) reads :data:`EVENT_OWNERS` to decide whose approval a pull
request that appends an event needs, exactly as it does for grants: an event recorded by the
wrong party is not a fact of the case. The table follows the articles:

- Art. 8: the authority asks for an interface (received) and approves an extension; the
  producer provides it (answered).
- Art. 19: the department applies (received); the authority reviews and updates (answered).
- Art. 23-24: the application department reports (received); the authority dispatches; the
  producer decides, corrects at source and re-aggregates.
- Art. 40-41: requests arrive through the authority's open platform (received); the producer
  answers, extends with its head's approval, and stops the clock while the requester
  supplements; for a correction it agreed to, the authority changes the open catalog.
- Art. 55: the department submits its report (answered); for the zone report that is the authority.

Withdrawing belongs to whoever started the case (for public requests the platform records it).
"""

from __future__ import annotations

from enum import StrEnum

from govdata.i18n import Text
from govdata.model.case import Case
from govdata.model.catalog import Catalog


class Party(StrEnum):
    AUTHORITY = "authority"  # 数据主管部门
    DEPARTMENT = "department"  # the case's ``department``: the one that must act
    REPORTER = "reporter"  # the case's ``reporter``: the application department (problem data)


PARTY_LABELS = {
    Party.AUTHORITY: Text("数据主管部门", "the data authority"),
    Party.DEPARTMENT: Text("承办部门", "the responsible department"),
    Party.REPORTER: Text("报告部门", "the reporting department"),
}

_A, _D, _R = Party.AUTHORITY, Party.DEPARTMENT, Party.REPORTER
_PUBLIC = {"received": _A, "extended": _D, "paused": _D, "resumed": _D, "answered": _D, "withdrawn": _A}

# kind -> event type -> the party that records it. Creating the case file is the party of "received"
# (for an annual report, the department).
EVENT_OWNERS: dict[str, dict[str, Party]] = {
    "interface": {"received": _A, "extended": _A, "answered": _D, "withdrawn": _A},
    "catalog-update": {"received": _D, "answered": _A, "withdrawn": _D},
    "problem-data": {
        "received": _R,
        "dispatched": _A,
        "decided": _D,
        "corrected": _D,
        "re-aggregated": _D,
        "withdrawn": _R,
    },
    "correction": {**_PUBLIC, "corrected": _A},
    "open-application": dict(_PUBLIC),
    "annual-report": {"answered": _D},
}


def creator_event(kind: str) -> str:
    """The event whose party files a new case of ``kind`` (an annual report: its submission)."""
    return "received" if "received" in EVENT_OWNERS[kind] else "answered"


def owner(kind: str, event_type: str) -> Party | None:
    """The party that records ``event_type`` on a case of ``kind``; None when the kind has no such event."""
    return EVENT_OWNERS.get(kind, {}).get(event_type)


def owner_code(case: Case, event_type: str, catalog: Catalog) -> str | None:
    """The 统一社会信用代码 of the department that may record ``event_type`` on ``case``.

    None when the party cannot be resolved (unknown slug, no authority configured): the gate then
    asks for the strictest approval, the authority's.
    """
    party = owner(case.kind, event_type)
    if party is None:
        return None
    if party is Party.AUTHORITY:
        return catalog.config.authority
    slug = case.department if party is Party.DEPARTMENT else case.reporter
    found = catalog.department_by_slug.get(slug or "")
    return found.code if found else None


def may_add(case: Case, event_type: str, department_code: str, catalog: Catalog) -> bool:
    """Whether the department ``department_code`` may record ``event_type`` on ``case``."""
    return owner_code(case, event_type, catalog) == department_code


__all__ = ["EVENT_OWNERS", "PARTY_LABELS", "Party", "creator_event", "may_add", "owner", "owner_code"]
