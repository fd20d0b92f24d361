"""``govdata cases``: cases opened and moved on real files, refused steps that change nothing, listings."""

from __future__ import annotations

import csv
import io
import json
import resource
from collections.abc import Callable
from pathlib import Path

from govdata.io.fastyaml import load_yaml
from tests.cli.test_grant_lifecycle import file_size_limit  # noqa: F401  (fixture)
from tests.conftest import CliResult

CASE = "cases/2026/problem-data-2026-001.yaml"
BY = ("--by", "数据资源科 李娜")


def _load(path: Path) -> dict:  # type: ignore[type-arg]
    loaded = load_yaml(path.read_text(encoding="utf-8"))
    assert isinstance(loaded, tuple)
    return loaded[0]  # type: ignore[no-any-return]


def _problem(govdata: Callable[..., CliResult], root: Path, *extra: str) -> CliResult:
    return govdata(
        "cases",
        "new",
        "problem-data",
        "--department",
        "gongan",
        "--reporter",
        "minzheng",
        "--resource",
        "101002/000001",
        "--item",
        "出生日期",
        "--title",
        "户籍出生日期与出生医学证明不一致",
        "--description",
        "低保审核中发现申请人户籍出生日期与出生医学证明不一致",
        "--evidence",
        "https://example.org/evidence/1",
        "--date",
        "2026-09-28",
        "--by",
        "民政局社会救助科",
        *extra,
        cwd=root,
    )


def test_problem_data_from_report_to_re_aggregation(
    instance: Callable[..., Path], govdata: Callable[..., CliResult]
) -> None:
    root = instance()
    created = _problem(govdata, root)
    assert created.exit_code == 0, created.stderr
    assert "→ 办理中" in created.stdout
    file = root / CASE
    header = {k: v for k, v in _load(file).items() if k != "events"}
    # A comment a person adds survives every later event, and earlier events are never rewritten.
    text = file.read_text(encoding="utf-8").replace(
        "by: 民政局社会救助科\n", "by: 民政局社会救助科  # 已电话确认收到\n"
    )
    file.write_text(text + "# 以上为办理记录\n", encoding="utf-8")
    steps = [
        ("dispatched", "已分发", ("--date", "2026-09-29")),
        ("decided", "待更正", ("--outcome", "更正", "--date", "2026-10-12")),
        ("corrected", "已更正", ("--date", "2026-10-20")),
        ("re-aggregated", "已办结", ("--date", "2026-10-21")),
    ]
    for event, state, options in steps:
        before = file.read_text(encoding="utf-8")
        result = govdata("cases", "event", "problem-data-2026-001", event, *BY, *options, cwd=root)
        assert result.exit_code == 0, (event, result.stdout, result.stderr)
        assert f"→ {state}" in result.stdout
        kept = before.removesuffix("# 以上为办理记录\n")
        assert file.read_text(encoding="utf-8").startswith(kept)  # append-only: earlier text byte for byte
    text = file.read_text(encoding="utf-8")
    assert "by: 民政局社会救助科  # 已电话确认收到\n" in text and text.endswith("# 以上为办理记录\n")
    data = _load(file)
    assert [e["type"] for e in data["events"]] == ["received", "dispatched", "decided", "corrected", "re-aggregated"]
    assert {k: v for k, v in data.items() if k != "events"} == header
    assert "due" not in text and "state" not in text  # computed, never stored
    shown = govdata("cases", "show", "problem-data-2026-001", "--today", "2026-11-25", cwd=root)
    assert shown.exit_code == 0, shown.stderr
    assert "分发 2026-09-29 起 5 个工作日：2026-10-12（10-01…10-07 国庆节假期不计；10-10 调休上班计入）" in shown.stdout
    assert "按期办结" in shown.stdout
    assert govdata("validate", "--today", "2026-11-25", "--no-progress", cwd=root).exit_code == 0


def test_refused_steps_change_nothing(instance: Callable[..., Path], govdata: Callable[..., CliResult]) -> None:
    root = instance()
    assert _problem(govdata, root).exit_code == 0
    file = root / CASE
    original = file.read_bytes()
    # Not possible in the state: a usage error, exit 2.
    skipped = govdata("cases", "event", "problem-data-2026-001", "decided", "--outcome", "更正", *BY, cwd=root)
    assert skipped.exit_code == 2 and "已分发" not in skipped.stdout
    assert "dispatched" in skipped.stderr
    # Earlier than the last event.
    early = govdata("cases", "event", "problem-data-2026-001", "dispatched", *BY, "--date", "2026-09-01", cwd=root)
    assert early.exit_code == 2 and "2026-09-28" in early.stderr
    # Allowed in the state but leaving a rule error (a refusal without reasons): exit 1.
    assert (
        govdata(
            "cases", "event", "problem-data-2026-001", "dispatched", *BY, "--date", "2026-09-29", cwd=root
        ).exit_code
        == 0
    )
    dispatched = file.read_bytes()
    refused = govdata(
        "cases",
        "event",
        "problem-data-2026-001",
        "decided",
        "--outcome",
        "不更正",
        *BY,
        "--date",
        "2026-09-30",
        cwd=root,
    )
    assert refused.exit_code == 1 and "GD404" in refused.stderr
    assert file.read_bytes() == dispatched
    assert original != dispatched
    assert not [p for p in file.parent.iterdir() if p.name.startswith(".")]  # no stray temporary file


def test_new_case_is_refused_when_it_names_what_does_not_exist(
    instance: Callable[..., Path], govdata: Callable[..., CliResult]
) -> None:
    root = instance()
    result = _problem(govdata, root, "--item", "婚姻状况")
    assert result.exit_code == 1 and "GD406" in result.stderr
    assert not (root / "cases").exists() or not any((root / "cases").rglob("*.yaml"))


def test_list_due_stats_in_three_formats(instance: Callable[..., Path], govdata: Callable[..., CliResult]) -> None:
    root = instance()
    assert _problem(govdata, root).exit_code == 0
    assert (
        govdata(
            "cases", "event", "problem-data-2026-001", "dispatched", *BY, "--date", "2026-11-18", cwd=root
        ).exit_code
        == 0
    )
    opened = govdata(
        "cases", "new", "correction", "--department", "gongan", "--resource", "101002/000001",
        "--requester", "济源某信息技术有限公司", "--contact", "0391-6000000", "--title", "出生日期格式说明有误",
        "--description", "应为 YYYYMMDD", "--date", "2026-10-20", cwd=root,
    )  # fmt: skip
    assert opened.exit_code == 0, opened.stderr
    # Without --by, receipt is recorded by the party the ownership table gives it: the authority's platform.
    assert _load(root / "cases/2026/correction-2026-001.yaml")["events"][0]["by"] == "测试区政务服务和大数据管理局"
    listed = json.loads(govdata("cases", "list", "--overdue", "--today", "2026-11-20", "-f", "json", cwd=root).stdout)
    assert [row["id"] for row in listed] == ["correction-2026-001"]
    rows = list(csv.DictReader(io.StringIO(govdata("cases", "list", "-f", "csv", cwd=root).stdout.lstrip("\ufeff"))))
    assert {row["id"] for row in rows} == {"correction-2026-001", "problem-data-2026-001"}
    due = json.loads(govdata("cases", "due", "--within", "3", "--today", "2026-11-20", "-f", "json", cwd=root).stdout)
    # The decision is due 11-25 (3 working days after 11-20); the correction answer was due 11-03.
    assert [(row["id"], row["status"], row["working_days_left"]) for row in due] == [
        ("correction-2026-001", "overdue", None),
        ("problem-data-2026-001", "open", 3),
    ]
    assert (
        json.loads(govdata("cases", "due", "--within", "2", "--today", "2026-11-20", "-f", "json", cwd=root).stdout)[
            -1
        ]["id"]
        == "correction-2026-001"
    )
    stats = json.loads(
        govdata("cases", "stats", "--year", "2026", "--today", "2026-11-20", "-f", "json", cwd=root).stdout
    )
    by_department = {row["department"]: row for row in stats}
    assert by_department["gongan"]["overdue"] == 1 and by_department["gongan"]["open"] == 1
    assert set(by_department) == {"gongan"}  # Art. 24 sets no period for the authority's dispatch
    text = govdata("cases", "stats", "--year", "2026", "--today", "2026-11-20", cwd=root)
    assert text.exit_code == 0 and "测试区公安局" in text.stdout


def test_unknown_case_and_bad_dates_are_clear_errors(
    instance: Callable[..., Path], govdata: Callable[..., CliResult]
) -> None:
    root = instance()
    missing = govdata("cases", "show", "nothing-2026-001", cwd=root)
    assert missing.exit_code == 2 and "nothing-2026-001" in missing.stderr
    bad = govdata("cases", "list", "--today", "2026-13-01", cwd=root)
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.stderr


def test_failed_write_leaves_the_original_byte_identical(
    instance: Callable[..., Path],
    govdata: Callable[..., CliResult],
    file_size_limit: Callable[[int], None],  # noqa: F811  (the grant tests' fixture)
) -> None:
    root = instance()
    assert _problem(govdata, root).exit_code == 0
    file = root / CASE
    before = file.read_bytes()
    file_size_limit(len(before))  # the file with one more event is longer than this, as on a full disk
    result = govdata("cases", "event", "problem-data-2026-001", "dispatched", *BY, "--date", "2026-09-29", cwd=root)
    file_size_limit(resource.RLIM_INFINITY)
    assert result.exit_code == 2 and "无法写入" in result.stderr
    assert file.read_bytes() == before
    assert sorted(p.name for p in file.parent.iterdir()) == ["problem-data-2026-001.yaml"]
