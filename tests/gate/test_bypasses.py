"""Every bypass of issue 8 is refused by ``govdata gate`` with the approval it needs named; a
department's own innocuous edit with its own review passes. Real git repositories throughout."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult
from tests.gate.conftest import PENDING
from tests.gitops.conftest import GitRepo
from tests.gitops.scenario import GONGAN, GRANT, MINZHENG, replace

Run = Callable[..., CliResult]
AUTHORITY_NEEDED = "须批准：测试区政务服务和大数据管理局（数据主管部门：@test/dashuju @wangwu @zhaoliu）"
GONGAN_NEEDED = "须批准：测试区公安局（@test/gongan @zhangsan @xiaoming）"


def pull_request(g: GitRepo, files: dict[str, str | None], author: str = "李四 <lisi@minzheng.example>") -> str:
    g.switch("main")
    g.branch(f"pr-{g._clock}")
    return g.commit(files, "pull request", author=author)


def gate(govdata: Run, g: GitRepo, author: str, *approvers: str, extra: tuple[str, ...] = ()) -> CliResult:
    args = ["gate", "main", "HEAD", "--author", author, *extra]
    for handle in approvers:
        args += ["--approved-by", handle]
    return govdata(*args, cwd=g.root)


def missing(result: CliResult) -> list[dict[str, object]]:
    return list(json.loads(result.stdout)["missing"])


@pytest.mark.parametrize(
    ("edit", "change"),
    [
        (("  - name: 出生日期\n", "  - name: 出生日期\n  - name: 姓名\n"), "申请信息项"),
        (("method: 核验", "method: 接口"), "共享方式"),
        (('valid_until: "2026-12-31"', 'valid_until: "2028-12-31"'), "有效期止"),
        (('valid_from: "2026-01-01"', 'valid_from: "2026-06-01"'), "有效期起"),
        (('resource: "101002/000001"', 'resource: "307004/000001"'), "信息资源代码"),
        (("scenario: 最低生活保障申请受理时核验申请人户籍身份", "scenario: 全部救助业务"), "应用场景"),
        (("duty_basis: 《社会救助暂行办法》", "duty_basis: 《某办法》"), "履职依据"),
        (
            ("  reason: 履职需要，核验方式最少够用\n", "  reason: 履职需要，核验方式最少够用\n  conditions: [无]\n"),
            "使用条件",
        ),
    ],
)
def test_applicant_editing_an_approved_grant_needs_the_authority(
    catalog_repo: GitRepo, govdata: Run, edit: tuple[str, str], change: str
) -> None:
    pull_request(catalog_repo, {GRANT: replace(catalog_repo.text(GRANT), edit)})
    result = gate(govdata, catalog_repo, "@lisi", "@xiaohong", extra=("--format", "json"))
    assert result.exit_code == 1, result.stdout
    (needed,) = missing(result)
    assert needed["party_name"] == "测试区政务服务和大数据管理局" and needed["path"] == GRANT
    assert change in str(needed["change"]) and "数据主管部门" in str(needed["reason"])
    assert needed["excluded"] == "11419001MB0539268D"  # 民政's maintainers cannot give it
    # the authority's approval (besides the applicant's own) lets it through
    assert gate(govdata, catalog_repo, "@lisi", "@xiaohong", "@wangwu").exit_code == 0


def test_a_department_approving_its_own_grant_needs_the_authority(catalog_repo: GitRepo, govdata: Run) -> None:
    catalog_repo.branch("self-approve")
    done = govdata(
        "grant",
        "approve",
        "minzheng-2026-002",
        "--by",
        "测试区民政局",
        "--reason",
        "自行批准",
        "--date",
        "2026-01-05",
        cwd=catalog_repo.root,
    )
    assert done.exit_code == 0, done.stdout + done.stderr
    catalog_repo.commit({}, "民政自行批准", author="李四 <lisi@minzheng.example>")
    result = gate(govdata, catalog_repo, "@lisi", "@xiaohong")
    assert result.exit_code == 1
    assert AUTHORITY_NEEDED in result.stdout
    assert f"  {PENDING}:" in result.stdout and "状态由 申请中 改为 已批准" in result.stdout
    assert "测试区民政局的维护人不能代为批准" in result.stdout


def test_a_grant_added_already_approved_needs_the_authority(catalog_repo: GitRepo, govdata: Run) -> None:
    approved = replace(catalog_repo.text(GRANT), ("id: minzheng-2026-001", "id: minzheng-2026-003"))
    pull_request(catalog_repo, {"grants/minzheng/minzheng-2026-003.yaml": approved})
    result = gate(govdata, catalog_repo, "@lisi", "@xiaohong", extra=("--format", "json"))
    assert result.exit_code == 1
    assert [m["party_name"] for m in missing(result)] == ["测试区政务服务和大数据管理局"]


def test_a_department_loosening_its_own_sharing_needs_the_authority(catalog_repo: GitRepo, govdata: Run) -> None:
    loosened = replace(
        catalog_repo.text(MINZHENG),
        (
            "  type: 有条件共享\n  condition: 仅向社会救助相关部门共享\n  basis: [gov-info-sharing-measures-2016]\n",
            "  type: 无条件共享\n",
        ),
    )
    pull_request(catalog_repo, {MINZHENG: loosened})
    result = gate(govdata, catalog_repo, "@lisi", "@xiaohong")
    assert result.exit_code == 1
    assert AUTHORITY_NEEDED in result.stdout and "共享类型由 有条件共享 放宽为 无条件共享" in result.stdout


def test_a_sharing_change_hidden_behind_a_schema_error_needs_owner_and_authority(
    catalog_repo: GitRepo, govdata: Run
) -> None:
    broken = replace(
        catalog_repo.text(GONGAN),
        ("  type: 无条件共享\n", "  type: 有条件共享\n"),
        ("security_level:", "securty_level:"),
    )
    pull_request(catalog_repo, {GONGAN: broken}, author="张三 <zhangsan@gongan.example>")
    result = gate(govdata, catalog_repo, "@zhangsan", "@xiaoming")
    assert result.exit_code == 1
    assert AUTHORITY_NEEDED in result.stdout and "未通过数据规范校验，无法比较" in result.stdout
    assert "未做语义比较" not in result.stdout
    # and the diff no longer lets it through as department-level
    diff = govdata("diff", "main", "HEAD", "--fail-on", "breaking", "--format", "json", cwd=catalog_repo.root)
    assert diff.exit_code == 1
    (invalid,) = [c for c in json.loads(diff.stdout)["changes"] if c["kind"] == "file-invalid"]
    assert invalid["level"] == "authority" and invalid["breaking"]


def test_a_symlink_into_another_departments_folder_needs_owner_and_authority(
    catalog_repo: GitRepo, govdata: Run
) -> None:
    catalog_repo.switch("main")
    catalog_repo.branch("symlink")
    os.symlink("../minzheng/307004-000001.yaml", catalog_repo.root / "catalogs/gongan/307004-000001.yaml")
    catalog_repo.commit({}, "symlink", author="张三 <zhangsan@gongan.example>")
    result = gate(govdata, catalog_repo, "@zhangsan", "@xiaoming")
    assert result.exit_code == 1
    assert AUTHORITY_NEEDED in result.stdout and "是symlink，不是普通文件，无法读取" in result.stdout
    assert gate(govdata, catalog_repo, "@zhangsan", "@xiaoming", "@wangwu").exit_code == 0
    diff = govdata("diff", "main", "HEAD", "--format", "json", cwd=catalog_repo.root)
    (link,) = json.loads(diff.stdout)["changes"]
    assert (link["kind"], link["level"], link["breaking"]) == ("file-unreadable", "authority", True)


@pytest.mark.parametrize(
    ("path", "content"),
    [("catalogs/gongan/101002-000009.yml", "code: x\n"), ("catalogs/gongan/data.xlsx", "PK\x03\x04\x00\x00binary")],
    ids=["unknown-kind", "binary"],
)
def test_an_unknown_kind_or_a_binary_needs_owner_and_authority(
    catalog_repo: GitRepo, govdata: Run, path: str, content: str
) -> None:
    pull_request(catalog_repo, {path: content}, author="张三 <zhangsan@gongan.example>")
    result = gate(govdata, catalog_repo, "@zhangsan", extra=("--format", "json"))
    assert result.exit_code == 1
    parties = {(m["party_name"], m["path"]) for m in missing(result)}
    assert ("测试区公安局", path) in parties and ("测试区政务服务和大数据管理局", path) in parties
    assert gate(govdata, catalog_repo, "@zhangsan", "@xiaoming").exit_code == 1
    assert gate(govdata, catalog_repo, "@zhangsan", "@xiaoming", "@zhaoliu").exit_code == 0


def test_a_file_outside_the_instance_folder_needs_the_authority(git_repo: Callable[..., GitRepo], govdata: Run) -> None:
    from tests.gate.conftest import gate_files

    g = git_repo({f"city/{p}": t for p, t in gate_files().items()})
    g.branch("tools")
    g.commit({"tools/sync.sh": "echo\n", f"city/{GONGAN}": g.text(f"city/{GONGAN}").replace("辖区", "本区")}, "x")
    result = govdata("gate", "main", "HEAD", "--author", "@zhangsan", "--approved-by", "@xiaoming", cwd=g.root / "city")
    assert result.exit_code == 1
    assert AUTHORITY_NEEDED in result.stdout and "  tools/sync.sh\n" in result.stdout
    assert f"city/{GONGAN}" not in result.stdout  # 公安's own edit has its approval


def test_a_pull_request_cannot_make_its_author_an_authority_maintainer(catalog_repo: GitRepo, govdata: Run) -> None:
    registry = catalog_repo.text("registry/departments.yaml").replace(
        '"@wangwu", "@zhaoliu"]', '"@wangwu", "@zhaoliu", "@lisi", "@xiaohong"]'
    )
    pull_request(catalog_repo, {"registry/departments.yaml": registry})
    result = gate(govdata, catalog_repo, "@lisi", "@xiaohong")
    assert result.exit_code == 1 and AUTHORITY_NEEDED in result.stdout


def test_the_applicant_cannot_supply_the_authority_approval_whatever_its_handles(
    git_repo: Callable[..., GitRepo], govdata: Run
) -> None:
    from tests.gate.conftest import gate_files

    files = gate_files()
    # 民政 lists an authority maintainer among its own at BASE: still no authority approval from it.
    files["registry/departments.yaml"] = files["registry/departments.yaml"].replace(
        '"@lisi", "@xiaohong"]', '"@lisi", "@xiaohong", "@wangwu"]'
    )
    g = git_repo(files)
    pull_request(g, {GRANT: replace(g.text(GRANT), ("method: 核验", "method: 接口"))})
    result = gate(govdata, g, "@lisi", "@wangwu")
    assert result.exit_code == 1 and AUTHORITY_NEEDED in result.stdout
    assert gate(govdata, g, "@lisi", "@wangwu", "@zhaoliu").exit_code == 0


def test_the_authors_own_approval_does_not_count(catalog_repo: GitRepo, govdata: Run) -> None:
    pull_request(
        catalog_repo,
        {GONGAN: catalog_repo.text(GONGAN).replace("辖区", "本区")},
        author="张三 <zhangsan@gongan.example>",
    )
    result = gate(govdata, catalog_repo, "@zhangsan", "@ZhangSan")
    assert result.exit_code == 1
    assert "不计入：@zhangsan：作者本人的批准不计入" in result.stdout and GONGAN_NEEDED in result.stdout


def test_positive_control_a_departments_own_innocuous_edit_with_its_own_review(
    catalog_repo: GitRepo, govdata: Run
) -> None:
    pull_request(
        catalog_repo,
        {GONGAN: catalog_repo.text(GONGAN).replace("辖区", "本区")},
        author="张三 <zhangsan@gongan.example>",
    )
    result = gate(govdata, catalog_repo, "@zhangsan", "@xiaoming")
    assert result.exit_code == 0, result.stdout
    assert "✓ 可以合并：所需的 1 项批准均已具备" in result.stdout
    # another department's review is no substitute
    assert gate(govdata, catalog_repo, "@zhangsan", "@lisi").exit_code == 1


def test_a_pending_request_edit_is_the_applicants_own(catalog_repo: GitRepo, govdata: Run) -> None:
    pull_request(catalog_repo, {PENDING: catalog_repo.text(PENDING).replace("method: 核验", "method: 接口")})
    assert gate(govdata, catalog_repo, "@lisi", "@xiaohong").exit_code == 0


def test_unexpandable_teams_fail_closed_and_say_how_to_fix(
    git_repo: Callable[..., GitRepo], govdata: Run, tmp_path: Path
) -> None:
    from tests.gitops.scenario import initial_files

    g = git_repo(initial_files())  # maintainers are team handles only
    pull_request(g, {GONGAN: g.text(GONGAN).replace("辖区", "本区")}, author="张三 <zhangsan@gongan.example>")
    head = g.head()
    body = tmp_path / "reviews.json"
    body.write_text(
        json.dumps([{"user": {"login": "xiaoming"}, "state": "APPROVED", "commit_id": head}]), encoding="utf-8"
    )
    result = govdata(
        "gate", "main", "HEAD", "--author", "@zhangsan", "--host", "github", "--reviews", str(body), cwd=g.root
    )
    assert result.exit_code == 1
    assert (
        "无法展开团队账号 @test/gongan" in result.stdout and "read:org" in result.stdout and "read_api" in result.stdout
    )


def test_errors_exit_2(catalog_repo: GitRepo, govdata: Run, tmp_path: Path) -> None:
    assert govdata("gate", "main", "no-such-branch", "--author", "@x", cwd=catalog_repo.root).exit_code == 2
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    result = govdata(
        "gate", "main", "HEAD", "--author", "@x", "--host", "gitea", "--reviews", str(bad), cwd=catalog_repo.root
    )
    assert result.exit_code == 2 and "bad.json" in result.stderr
    assert (
        govdata("gate", "main", "HEAD", "--author", "@x", "--reviews", str(bad), cwd=catalog_repo.root).exit_code == 2
    )


def test_a_request_edited_on_a_branch_forked_before_the_authority_decided_it(
    catalog_repo: GitRepo, govdata: Run
) -> None:
    catalog_repo.branch("edit-request")
    catalog_repo.commit({PENDING: catalog_repo.text(PENDING).replace("method: 核验", "method: 接口")}, "改申请")
    catalog_repo.switch("main")
    done = govdata(
        "grant",
        "approve",
        "minzheng-2026-002",
        "--by",
        "数据局",
        "--reason",
        "同意",
        "--date",
        "2026-01-05",
        cwd=catalog_repo.root,
    )
    assert done.exit_code == 0, done.stderr
    catalog_repo.commit({}, "数据局批准", author="王五 <wangwu@dashuju.example>")
    catalog_repo.switch("edit-request")
    result = gate(govdata, catalog_repo, "@lisi", "@xiaohong")
    assert result.exit_code == 1
    assert AUTHORITY_NEEDED in result.stdout and "在合并目标（BASE）中已不是申请中" in result.stdout


def test_a_file_broken_at_base_cannot_be_compared_and_needs_owner_and_authority(
    catalog_repo: GitRepo, govdata: Run
) -> None:
    broken = catalog_repo.text(GONGAN).replace("security_level:", "securty_level:")
    catalog_repo.commit({GONGAN: broken}, "main 上的坏文件")
    fixed = replace(
        broken, ("securty_level:", "security_level:"), ("  type: 无条件共享\n", "  type: 不予共享\n  basis: [pipl]\n")
    )
    pull_request(catalog_repo, {GONGAN: fixed}, author="张三 <zhangsan@gongan.example>")
    result = gate(govdata, catalog_repo, "@zhangsan", "@xiaoming")
    assert result.exit_code == 1
    assert AUTHORITY_NEEDED in result.stdout and "在基线版本中未通过数据规范校验，无法比较" in result.stdout
