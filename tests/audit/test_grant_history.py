"""Grant periods from a real git history: each decision credited to the commit that recorded it,
an uncommitted decision taken from the file and marked so, and the same without git."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from govdata.audit.engines.duckdb_engine import DuckDBEngine
from govdata.audit.logformat import Mapping
from govdata.audit.reference import read_reference
from govdata.audit.run import Request, run_audit
from govdata.instance import open_instance
from tests.gitops.conftest import GitRepo, base_files

GRANT = "grants/minzheng/minzheng-2026-001.yaml"
STEPS = [
    ("2026-01-05", "申请中", None),
    ("2026-01-10", "已批准", None),
    ("2026-03-01", "已暂停", "发现超范围调用"),
    ("2026-03-20", "已批准", "已整改"),
    ("2026-04-15", "已终止", "系统停用"),
]


def grant_text(steps: int) -> str:
    history = ""
    for date, status, reason in STEPS[:steps]:
        history += f'  - date: "{date}"\n    status: {status}\n    by: 数据共享科 王敏\n'
        history += f"    reason: {reason}\n" if reason else ""
    return (
        'id: minzheng-2026-001\ntitle: 低保核验\napplicant: 11419001MB0539268D\nresource: "101002/000001"\n'
        "items:\n  - name: 公民身份号码\n  - name: 姓名\nscenario: 低保审核\nmethod: 核验\n"
        f'valid_from: "2026-01-10"\nvalid_until: "2026-12-31"\nstatus: {STEPS[steps - 1][1]}\nhistory:\n{history}'
    )


def access(day: str, request_id: str) -> str:
    row = {
        "time": f"{day} 09:30:00",
        "consumer": "minzheng",
        "resource": "101002/000001",
        "items": ["姓名"],
        "method": "核验",
        "rows": 1,
        "result": "allowed",
        "request_id": request_id,
    }
    return json.dumps(row, ensure_ascii=False) + "\n"


def test_each_decision_names_its_commit(git_repo: Callable[..., GitRepo], tmp_path: Path) -> None:
    repo = git_repo(base_files())
    commits = [repo.commit({GRANT: grant_text(n)}, f"grant step {n}") for n in range(1, 5)]
    (repo.root / GRANT).write_text(grant_text(5), encoding="utf-8")  # terminated, not committed yet
    log = tmp_path / "hub.jsonl"
    days = {"pending": "2026-01-07", "ok1": "2026-02-01", "suspended": "2026-03-05", "ok2": "2026-03-25"}
    log.write_text("".join(access(day, name) for name, day in days.items()) + access("2026-04-20", "terminated"))
    request = Request([str(log)])

    instance = open_instance(repo.root)
    found = run_audit(DuckDBEngine(), read_reference(instance), request, Mapping()).findings
    rows = {f["request_id"]: f for f in found if f["kind"] == "no_grant"}
    assert set(rows) == {"pending", "suspended", "terminated"}
    assert (rows["pending"]["grant_commit"], rows["pending"]["grant_source"]) == (commits[0], "git")
    assert (rows["suspended"]["grant_commit"], rows["suspended"]["reason"]) == (commits[2], "suspended")
    assert (rows["terminated"]["grant_commit"], rows["terminated"]["grant_source"]) == (None, "file")

    periods = read_reference(instance).periods
    assert [(p.status, p.commit) for p in periods] == [
        ("申请中", commits[0]),
        ("已批准", commits[1]),
        ("已暂停", commits[2]),
        ("已批准", commits[3]),
        ("已终止", None),
    ]

    # Without git the same decisions come from the file's own history, none with a commit.
    without = run_audit(DuckDBEngine(), read_reference(instance, use_git=False), request, Mapping()).findings
    plain = {
        f["request_id"]: (f["reason"], f["grant_commit"], f["grant_source"]) for f in without if f["kind"] == "no_grant"
    }
    assert plain == {
        "pending": ("pending", None, "file"),
        "suspended": ("suspended", None, "file"),
        "terminated": ("terminated", None, "file"),
    }


def test_the_grant_the_log_names_decides_when_two_are_in_force(
    git_repo: Callable[..., GitRepo], tmp_path: Path
) -> None:
    # minzheng holds two grants for the same resource: -001 to verify (核验), -002 for batches.
    batch = grant_text(2).replace("minzheng-2026-001", "minzheng-2026-002").replace("method: 核验", "method: 批量交换")
    batch = batch.replace('date: "2026-01-10"', 'date: "2026-01-12"')
    repo = git_repo(base_files() | {GRANT: grant_text(2), "grants/minzheng/minzheng-2026-002.yaml": batch})
    rows = [
        json.loads(access("2026-02-02", "named-verify")) | {"grant_id": "minzheng-2026-001"},
        json.loads(access("2026-02-02", "named-batch")) | {"grant_id": "minzheng-2026-002", "method": "批量"},
        # Naming the batch grant does not make a verification by batch right: -002 decides.
        json.loads(access("2026-02-02", "named-wrong")) | {"grant_id": "minzheng-2026-002"},
    ]
    log = tmp_path / "hub.jsonl"
    log.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    found = run_audit(DuckDBEngine(), read_reference(open_instance(repo.root)), Request([str(log)]), Mapping())
    flagged = [(f["kind"], f["request_id"], f["grant_id"]) for f in found.findings if f["log_file"]]
    assert flagged == [("method_mismatch", "named-wrong", "minzheng-2026-002")]
