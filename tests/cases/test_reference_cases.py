"""The reference instance holds cases of every kind and state; the overdue ones are warnings that
``validate --today`` reports while a plain ``validate`` still exits 0."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import get_args

from govdata.cases.flow import STATES
from govdata.model.case import CaseKind, EventType
from tests.conftest import REPO_ROOT, CliResult

DAY = ("--today", "2026-11-25")


def test_reference_cases_cover_every_kind_state_and_event(govdata: Callable[..., CliResult]) -> None:
    listed = json.loads(govdata("cases", "list", *DAY, "-f", "json", cwd=REPO_ROOT).stdout)
    assert {row["kind"] for row in listed} == set(get_args(CaseKind))
    assert {row["state"] for row in listed} == set(STATES) - {"待受理"}  # 待受理 only exists before receipt
    events = set()
    statuses = set()
    for row in listed:
        shown = json.loads(govdata("cases", "show", row["id"], *DAY, "-f", "json", cwd=REPO_ROOT).stdout)
        events |= {event["type"] for event in shown["events"]}
        statuses |= {deadline["status"] for deadline in shown["deadlines"]}
    assert events == set(get_args(EventType))
    assert statuses >= {"on-time", "late", "overdue", "open", "unknown", "paused", "withdrawn"}


def test_overdue_reference_cases_are_reported_as_warnings(govdata: Callable[..., CliResult]) -> None:
    result = govdata("validate", "--select", "case", *DAY, "--format", "json", cwd=REPO_ROOT)
    assert result.exit_code == 0
    found = {(d["rule"], d["path"]) for d in json.loads(result.stdout)["diagnostics"]}
    assert found == {
        ("GD401", "cases/2026/catalog-update-2026-002.yaml"),
        ("GD401", "cases/2026/correction-2026-002.yaml"),
        ("GD403", "cases/2026/problem-data-2026-002.yaml"),
        ("GD408", "cases/2026/interface-2026-003.yaml"),  # its extension runs into 2027
    }
    assert govdata("validate", "--select", "case", *DAY, "--fail-on", "warning", cwd=REPO_ROOT).exit_code == 1
    overdue = json.loads(govdata("cases", "list", "--overdue", *DAY, "-f", "json", cwd=REPO_ROOT).stdout)
    assert [row["id"] for row in overdue] == ["catalog-update-2026-002", "correction-2026-002", "problem-data-2026-002"]
