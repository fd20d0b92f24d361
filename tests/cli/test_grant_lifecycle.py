"""``govdata grant``: a request moved through its lifecycle on real files, each step validated."""

from __future__ import annotations

import datetime as dt
import resource
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from govdata.io.fastyaml import load_yaml
from tests.conftest import CliResult

GRANT = "grants/minzheng/minzheng-2026-001.yaml"
BY = ("--by", "数据共享科 王敏")

# The family-relations resource of the GD30x rule cases: conditional, one item not shared.
FAMILY = (
    Path(__file__).resolve().parents[1] / "rules" / "GD302" / "pass" / "conditions-recorded" / "catalogs" / "gongan"
)


def _load(path: Path) -> dict:  # type: ignore[type-arg]
    loaded = load_yaml(path.read_text(encoding="utf-8"))
    assert isinstance(loaded, tuple)
    return loaded[0]  # type: ignore[no-any-return]


# ``grant new`` without a scenario or id: the request every grant test files.
NEW_REQUEST = (
    *("grant", "new", "--applicant", "minzheng", "--resource", "101002/000001", "--item", "公民身份号码"),
    *("--duty-basis", "《社会救助暂行办法》第十一条规定的最低生活保障审核确认职责", "--method", "核验"),
    *("--from", "2026-01-01", "--until", "2026-12-31", "--date", "2025-12-15"),
)


def _new(govdata: Callable[..., CliResult], root: Path, *extra: str) -> CliResult:
    scenario = ("--scenario", "最低生活保障申请受理时核验申请人户籍身份")
    return govdata(*NEW_REQUEST, *scenario, "--id", "minzheng-2026-001", *extra, cwd=root)


def test_request_approve_suspend_resume_renew_terminate(
    instance: Callable[..., Path], govdata: Callable[..., CliResult]
) -> None:
    root = instance()
    created = _new(govdata, root)
    assert created.exit_code == 0, created.stderr
    file = root / GRANT
    original = _load(file)
    assert original["status"] == "申请中"
    steps = [
        ("approve", "已批准", ("--reason", "履职依据充分", "--date", "2025-12-20")),
        ("suspend", "已暂停", ("--reason", "发现超出授权时段调用", "--date", "2026-03-02")),
        ("resume", "已批准", ("--reason", "已整改，恢复服务", "--date", "2026-03-20")),
        ("renew", "已批准", ("--until", "2027-06-30", "--reason", "场景延续", "--date", "2026-12-01")),
        ("terminate", "已终止", ("--reason", "业务系统迁移至省级平台", "--date", "2027-01-15")),
    ]
    previous = original["history"]
    for action, status, options in steps:
        result = govdata("grant", action, "minzheng-2026-001", *BY, *options, cwd=root)
        assert result.exit_code == 0, (action, result.stdout, result.stderr)
        assert f"→ {status}" in result.stdout
        data = _load(file)
        assert data["status"] == status
        assert data["history"][:-1] == previous  # earlier entries never change
        assert data["history"][-1]["status"] == status
        previous = data["history"]
        assert govdata("validate", cwd=root).exit_code == 0
    final = _load(file)
    for key, value in original.items():
        if key not in ("status", "valid_until", "history"):
            assert final[key] == value, key
    assert final["history"][0] == original["history"][0]
    assert final["decision"] == {
        "outcome": "批准",
        "decided_by": "数据共享科 王敏",
        "date": "2025-12-20",
        "reason": "履职依据充分",
    }
    assert final["valid_until"] == "2027-06-30"
    assert [entry["status"] for entry in final["history"]] == [
        "申请中",
        "已批准",
        "已暂停",
        "已批准",
        "已批准",
        "已终止",
    ]
    shown = govdata("grant", "show", "minzheng-2026-001", cwd=root)
    assert "2027-01-15 已终止 数据共享科 王敏 — 业务系统迁移至省级平台" in shown.stdout


def test_steps_keep_comments_and_untouched_lines(
    instance: Callable[..., Path], govdata: Callable[..., CliResult]
) -> None:
    root = instance()
    assert _new(govdata, root).exit_code == 0
    file = root / GRANT
    text = file.read_text(encoding="utf-8")
    text = text.replace("scenario:", "# 场景经分管领导确认\nscenario:").replace(
        "method: 核验", "method: 核验  # 仅核验，不返回数据"
    )
    file.write_text(text, encoding="utf-8")
    assert (
        govdata(
            "grant", "approve", "minzheng-2026-001", *BY, "--reason", "同意", "--date", "2025-12-20", cwd=root
        ).exit_code
        == 0
    )
    after = file.read_text(encoding="utf-8").splitlines()
    for line in text.splitlines():
        if not line.startswith("status:"):
            assert line in after, line
    assert after.index("# 场景经分管领导确认") + 1 == after.index("scenario: 最低生活保障申请受理时核验申请人户籍身份")
    assert after.index("status: 已批准") < after.index("decision:") < after.index("history:")


def test_transition_not_allowed_is_a_usage_error(
    instance: Callable[..., Path], govdata: Callable[..., CliResult]
) -> None:
    root = instance()
    assert _new(govdata, root).exit_code == 0
    before = (root / GRANT).read_bytes()
    result = govdata("grant", "suspend", "minzheng-2026-001", *BY, "--reason", "x", cwd=root)
    assert result.exit_code == 2
    assert "状态为“申请中”的授权不能暂停" in result.stderr and "approve" in result.stderr
    english = govdata("grant", "resume", "minzheng-2026-001", *BY, "--reason", "x", "--lang", "en", cwd=root)
    assert english.exit_code == 2 and "cannot be resumed" in english.stderr
    unknown = govdata("grant", "approve", "minzheng-2026-099", *BY, "--reason", "x", cwd=root)
    assert unknown.exit_code == 2 and "minzheng-2026-001" in unknown.stderr
    assert (
        govdata(
            "grant", "approve", "minzheng-2026-001", *BY, "--reason", "x", "--date", "2026-13-01", cwd=root
        ).exit_code
        == 2
    )
    assert (root / GRANT).read_bytes() == before


def test_conditional_items_cannot_be_approved_without_conditions(
    instance: Callable[..., Path], govdata: Callable[..., CliResult]
) -> None:
    root = instance({"catalogs/gongan/307002-000002.yaml": (FAMILY / "307002-000002.yaml").read_text(encoding="utf-8")})
    created = govdata(
        "grant",
        "new",
        "--applicant",
        "minzheng",
        "--resource",
        "307002/000002",
        "--item",
        "与户主关系",
        "--item",
        "家庭成员公民身份号码",
        "--scenario",
        "低保家庭成员认定时查询户籍家庭关系",
        "--duty-basis",
        "《社会救助暂行办法》第十一条规定的最低生活保障审核确认职责",
        "--date",
        "2026-01-05",
        "--from",
        "2026-01-06",
        "--until",
        "2026-12-31",
        cwd=root,
    )
    assert created.exit_code == 0, created.stderr
    before = (root / GRANT).read_bytes()
    refused = govdata(
        "grant", "approve", "minzheng-2026-001", *BY, "--reason", "同意", "--date", "2026-01-06", cwd=root
    )
    assert refused.exit_code == 1
    assert "GD302" in refused.stderr and f"{GRANT}:" in refused.stderr and "文件未改动" in refused.stderr
    assert (root / GRANT).read_bytes() == before
    approved = govdata(
        "grant",
        "approve",
        "minzheng-2026-001",
        *BY,
        "--reason",
        "同意",
        "--date",
        "2026-01-06",
        "--condition",
        "仅用于低保家庭成员认定，不得留存",
        cwd=root,
    )
    assert approved.exit_code == 0, approved.stderr
    assert _load(root / GRANT)["decision"]["conditions"] == ["仅用于低保家庭成员认定，不得留存"]


def test_invalid_request_is_not_written(instance: Callable[..., Path], govdata: Callable[..., CliResult]) -> None:
    root = instance({"catalogs/gongan/307002-000002.yaml": (FAMILY / "307002-000002.yaml").read_text(encoding="utf-8")})
    result = govdata(
        "grant",
        "new",
        "--applicant",
        "minzheng",
        "--resource",
        "307002/000002",
        "--item",
        "迁入原因",
        "--scenario",
        "低保家庭成员认定",
        "--duty-basis",
        "工作需要",
        "--method",
        "批量交换",
        cwd=root,
    )
    assert result.exit_code == 1
    for rule in ("GD301", "GD303", "GD304"):
        assert rule in result.stderr
    assert not (root / "grants").exists()
    assert _new(govdata, root, "--applicant", "nobody").exit_code == 2


@pytest.fixture
def file_size_limit() -> Iterator[Callable[[int], None]]:
    """Make every write past N bytes fail with EFBIG, as a full disk would; works as root too."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    def limit(size: int) -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))

    try:
        yield limit
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


def test_failed_write_leaves_the_original_byte_identical(
    instance: Callable[..., Path], govdata: Callable[..., CliResult], file_size_limit: Callable[[int], None]
) -> None:
    root = instance()
    assert _new(govdata, root).exit_code == 0
    before = (root / GRANT).read_bytes()
    file_size_limit(len(before))  # the approved file is longer than this
    result = govdata("grant", "approve", "minzheng-2026-001", *BY, "--reason", "同意", "--date", "2025-12-20", cwd=root)
    file_size_limit(resource.RLIM_INFINITY)
    assert result.exit_code == 2
    assert "无法写入" in result.stderr
    assert (root / GRANT).read_bytes() == before
    assert sorted(p.name for p in (root / GRANT).parent.iterdir()) == ["minzheng-2026-001.yaml"]


def test_expire_only_after_the_end_date(instance: Callable[..., Path], govdata: Callable[..., CliResult]) -> None:
    root = instance()
    assert _new(govdata, root).exit_code == 0
    assert (
        govdata(
            "grant", "approve", "minzheng-2026-001", *BY, "--reason", "同意", "--date", "2025-12-20", cwd=root
        ).exit_code
        == 0
    )
    early = govdata("grant", "expire", "minzheng-2026-001", *BY, "--date", "2026-12-31", cwd=root)
    assert early.exit_code == 2 and "尚未到期" in early.stderr
    assert govdata("grant", "expire", "minzheng-2026-001", *BY, "--date", "2027-01-04", cwd=root).exit_code == 0
    assert _load(root / GRANT)["status"] == "已过期"
    listed = govdata("grant", "list", "--status", "已过期", "--format", "json", cwd=root)
    assert '"id": "minzheng-2026-001"' in listed.stdout
    assert dt.date.fromisoformat(_load(root / GRANT)["history"][-1]["date"]) == dt.date(2027, 1, 4)


def test_resource_filed_under_another_name_is_still_found(
    instance: Callable[..., Path], govdata: Callable[..., CliResult]
) -> None:
    root = instance()
    base = root / "catalogs" / "gongan" / "101002-000001.yaml"
    base.rename(base.with_name("hukou-renkou.yaml"))  # GD012 reports the name; grants still see the resource
    assert _new(govdata, root).exit_code == 0
    approved = govdata(
        "grant", "approve", "minzheng-2026-001", *BY, "--reason", "同意", "--date", "2025-12-20", cwd=root
    )
    assert approved.exit_code == 0, approved.stderr


def test_renew_of_a_block_scalar_end_date_keeps_its_comments(
    instance: Callable[..., Path], govdata: Callable[..., CliResult]
) -> None:
    root = instance()
    assert _new(govdata, root).exit_code == 0
    approved = govdata(
        "grant", "approve", "minzheng-2026-001", *BY, "--reason", "依据充分", "--date", "2025-12-20", cwd=root
    )
    assert approved.exit_code == 0, approved.stderr
    file = root / GRANT
    text = file.read_text(encoding="utf-8")
    assert 'valid_until: "2026-12-31"\n' in text
    text = text.replace(
        'valid_until: "2026-12-31"\n',
        "valid_until: >-  # 有效期止：按协议约定\n  2026-12-31\n# 状态由 govdata grant 维护\n",
    )
    file.write_text(text, encoding="utf-8")
    renewed = govdata(
        "grant", "renew", "minzheng-2026-001", *BY, "--until", "2027-06-30", "--reason", "场景延续", "--date", "2026-12-01",
        cwd=root,
    )  # fmt: skip
    assert renewed.exit_code == 0, renewed.stderr
    after = file.read_text(encoding="utf-8")
    assert (
        'valid_until: "2027-06-30"  # 有效期止：按协议约定\n# 状态由 govdata grant 维护\nstatus: 已批准\n' in after
    ), after
    assert _load(file)["valid_until"] == "2027-06-30"


def test_a_resource_with_two_items_of_one_name_takes_no_request(
    instance: Callable[..., Path], govdata: Callable[..., CliResult]
) -> None:
    root = instance()
    resource = root / "catalogs/gongan/101002-000001.yaml"
    text = resource.read_text(encoding="utf-8")
    assert "  - name: 姓名\n" in text
    resource.write_text(text.replace("  - name: 姓名\n", "  - name: 公民身份号码\n", 1), encoding="utf-8")
    checked = govdata("validate", cwd=root)
    assert checked.exit_code == 1 and "信息项名称“公民身份号码”重复" in checked.stdout
    refused = _new(govdata, root)
    assert refused.exit_code == 2 and "101002-000001.yaml" in refused.stderr and "未提交申请" in refused.stderr
    assert not (root / "grants").exists()
