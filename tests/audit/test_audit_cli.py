"""``govdata audit`` from the command line: reports in every format, exit codes, and suspension
drafts written through the grant lifecycle on a copy of the reference instance in git."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq

from govdata.io.fastyaml import load_yaml
from tests.audit import planted as logs
from tests.conftest import REPO_ROOT, CliResult

PERIOD = ("--from", str(logs.FROM), "--to", str(logs.TO))


def test_reports_in_every_format(
    govdata: Callable[..., CliResult], planted_logs: tuple[logs.Planted, Path], tmp_path: Path
) -> None:
    folder = str(planted_logs[1])
    text = govdata("audit", folder, *PERIOD, "--lang", "en", cwd=REPO_ROOT)
    assert text.exit_code == 1
    assert "access with no grant in force [no_grant, violation" in text.stdout
    assert "request=bad-items" in text.stdout and "items beyond: 民族;籍贯" in text.stdout
    assert "grants/renshe/renshe-2025-001.yaml@" in text.stdout

    out = tmp_path / "audit.json"
    table = tmp_path / "findings.parquet"
    as_json = govdata("audit", folder, *PERIOD, "-f", "json", "-o", str(out), "--parquet", str(table), cwd=REPO_ROOT)
    assert as_json.exit_code == 1 and as_json.stdout == ""
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["summary"]["no_grant"] == 7 and document["grant_history"] == "git"
    assert {f["request_id"] for f in document["findings"] if f["kind"] == "no_grant"} == {
        r for k, _, r in planted_logs[0].expected_rows if k == "no_grant"
    }
    parquet_rows = pq.read_table(table).to_pylist()
    assert len(parquet_rows) == len(document["findings"])
    assert [r["request_id"] for r in parquet_rows] == [f["request_id"] for f in document["findings"]]
    assert not list(tmp_path.glob(".*partial"))

    as_csv = govdata("audit", folder, *PERIOD, "-f", "csv", cwd=REPO_ROOT)
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert [r["request_id"] for r in rows] == [f["request_id"] or "" for f in document["findings"]]
    assert rows[0]["severity"] == "violation"


def test_clean_logs_exit_zero(govdata: Callable[..., CliResult], clean_logs: tuple[logs.Planted, Path]) -> None:
    result = govdata("audit", str(clean_logs[1]), *PERIOD, cwd=REPO_ROOT)
    assert result.exit_code == 0, result.stdout
    assert "[own_data, info, —]: 1" in result.stdout


def test_bad_input_is_a_clear_error(govdata: Callable[..., CliResult], tmp_path: Path) -> None:
    missing = govdata("audit", str(tmp_path / "nowhere"), cwd=REPO_ROOT)
    assert missing.exit_code == 2 and "路径不存在" in missing.stderr and "Traceback" not in missing.stderr
    (tmp_path / "x.parquet").write_bytes(b"not parquet")
    broken = govdata("audit", str(tmp_path / "x.parquet"), cwd=REPO_ROOT)
    assert broken.exit_code == 2 and "无法读取日志" in broken.stderr
    wrong = govdata("audit", str(tmp_path / "x.parquet"), "--from", "2026-13-01", cwd=REPO_ROOT)
    assert wrong.exit_code == 2 and "--from" in wrong.stderr


def _reference_copy(target: Path) -> Path:
    target.mkdir()
    for name in ("govdata.yaml", ".gitignore", "registry", "catalogs", "grants", "responsibility", "schemas"):
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "reference"]):
        subprocess.run(["git", *args], cwd=target, check=True, capture_output=True)
    return target


def test_suspend_draft_suspends_grants_used_beyond_scope(
    govdata: Callable[..., CliResult], planted_logs: tuple[logs.Planted, Path], tmp_path: Path
) -> None:
    root = _reference_copy(tmp_path / "instance")
    result = govdata(
        "audit",
        str(planted_logs[1]),
        *PERIOD,
        "--suspend-draft",
        "--by",
        "数据共享科 王敏",
        "--date",
        "2026-12-01",
        cwd=root,
    )
    assert result.exit_code == 1
    # minzheng-2025-001 read items beyond its grant and by another method; zhujian-2025-001 took a batch.
    for grant in ("minzheng/minzheng-2025-001", "zhujian/zhujian-2025-001"):
        loaded = load_yaml((root / f"grants/{grant}.yaml").read_text(encoding="utf-8"))
        assert isinstance(loaded, tuple)
        data = loaded[0]
        assert data["status"] == "已暂停"
        last = data["history"][-1]
        assert (last["date"], last["status"], last["by"]) == ("2026-12-01", "已暂停", "数据共享科 王敏")
        assert "第三十六条" in last["reason"] and "request" not in last["reason"]
    assert "git switch -c audit/suspend-2026-12-01" in result.stderr
    changed = subprocess.run(["git", "status", "--porcelain"], cwd=root, capture_output=True, text=True).stdout
    assert sorted(changed.split()) == sorted(
        ["M", "M", "grants/minzheng/minzheng-2025-001.yaml", "grants/zhujian/zhujian-2025-001.yaml"]
    )
    # Run again: both are suspended now, nothing more is written.
    again = govdata("audit", str(planted_logs[1]), *PERIOD, "--suspend-draft", "--date", "2026-12-01", cwd=root)
    assert "无须暂停" in again.stderr


def test_without_git_the_report_says_where_decisions_come_from(
    govdata: Callable[..., CliResult], planted_logs: tuple[logs.Planted, Path]
) -> None:
    result = govdata("audit", str(planted_logs[1]), *PERIOD, "--no-git", "--lang", "en", cwd=REPO_ROOT)
    assert result.exit_code == 1
    assert "note: no grant history from git (git not used)" in result.stdout
    assert "grants/renshe/renshe-2025-001.yaml (no commit: the file's own history) [已暂停]" in result.stdout
