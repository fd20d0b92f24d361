"""``govdata owners`` (CODEOWNERS generated and checked) and ``govdata check-authorship``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from govdata.generate.codeowners import owners_of, ownership_rules
from govdata.gitops.snapshot import build_snapshot, load_config
from tests.cli.golden import assert_golden
from tests.conftest import CliResult, build_instance
from tests.gitops.conftest import GitRepo, base_files
from tests.gitops.scenario import GONGAN, MINZHENG, pull_request_repo, replace

AUTHORITY, GONGAN_CODE, MINZHENG_CODE = "11419001MB1957349M", "11419001MB03847296", "11419001MB0539268D"


@pytest.fixture
def pull_request(git_repo: Callable[..., GitRepo]) -> GitRepo:
    return pull_request_repo(git_repo)


def test_owners_writes_both_files_and_check_then_passes(tmp_path: Path, govdata: Callable[..., CliResult]) -> None:
    root = build_instance(tmp_path / "city")
    assert govdata("owners", cwd=root).exit_code == 0
    assert_golden("CODEOWNERS.github", (root / ".github/CODEOWNERS").read_text(encoding="utf-8"))
    assert_golden("CODEOWNERS.gitlab", (root / ".gitlab/CODEOWNERS").read_text(encoding="utf-8"))
    assert govdata("owners", "--check", cwd=root).exit_code == 0


def test_owners_check_fails_when_the_registry_changed(tmp_path: Path, govdata: Callable[..., CliResult]) -> None:
    root = build_instance(tmp_path / "city")
    govdata("owners", cwd=root)
    registry = root / "registry/departments.yaml"
    registry.write_text(
        registry.read_text(encoding="utf-8").replace('"@test/minzheng"', '"@test/minzheng", "@lisi"'), encoding="utf-8"
    )
    before = (root / ".github/CODEOWNERS").read_text(encoding="utf-8")
    result = govdata("owners", "--check", cwd=root)
    assert result.exit_code == 1
    assert "@lisi" in result.stdout and "CODEOWNERS" in result.stdout
    assert (root / ".github/CODEOWNERS").read_text(encoding="utf-8") == before  # --check writes nothing


def test_owners_in_a_repository_subfolder_prefixes_paths(
    git_repo: Callable[..., GitRepo], govdata: Callable[..., CliResult]
) -> None:
    g = git_repo({f"city/{p}": t for p, t in base_files().items()})
    assert govdata("owners", cwd=g.root / "city").exit_code == 0
    github = (g.root / ".github/CODEOWNERS").read_text(encoding="utf-8")
    assert "/city/catalogs/gongan/" in github and "\n/city/registry/" in github
    assert "\n/.github/" in github  # repository files stay at the top


def test_last_match_wins_order_keeps_each_owner_where_it_belongs() -> None:
    blobs = {p: t.encode() for p, t in base_files().items()}
    catalog = build_snapshot("x", blobs, load_config(blobs["govdata.yaml"], "x", None)).catalog
    rules = ownership_rules(catalog)
    assert owners_of("catalogs/gongan/101002-000001.yaml", rules) == (GONGAN_CODE,)
    assert owners_of("grants/minzheng/minzheng-2026-001.yaml", rules) == (MINZHENG_CODE, AUTHORITY)
    assert owners_of("responsibility/minzheng.yaml", rules) == (MINZHENG_CODE,)
    assert owners_of("registry/departments.yaml", rules) == (AUTHORITY,)
    assert owners_of("README.md", rules) == (AUTHORITY,)
    # a department whose slug looks like an authority path still cannot take the authority's files
    assert owners_of("schemas/resource.schema.json", rules) == (AUTHORITY,)


def test_edit_of_another_departments_folder_is_refused_with_the_owners_named(
    pull_request: GitRepo, govdata: Callable[..., CliResult]
) -> None:
    result = govdata(
        "check-authorship",
        "--base",
        "main",
        "--head",
        "gongan-update",
        "--author",
        "@test/gongan",
        cwd=pull_request.root,
    )
    assert result.exit_code == 1
    out = result.stdout
    assert "@test/gongan（测试区公安局）不能单独合并此变更" in out
    assert f"  {MINZHENG}\n      文件不属于本部门\n      → 须批准：测试区民政局（@test/minzheng）" in out
    assert (
        "registry/departments.yaml\n      文件不属于本部门\n      → 须批准：测试区政务服务和大数据管理局（@test/dashuju）"
        in out
    )
    assert "开放类型由 不予开放 放宽为 有条件开放：开放属性由数据主管部门审核" in out
    # the item rename is the department's own business: not listed
    assert "出生年月日" not in out


def test_approvals_from_the_owners_let_it_through(pull_request: GitRepo, govdata: Callable[..., CliResult]) -> None:
    result = govdata(
        "check-authorship",
        "--base",
        "main",
        "--head",
        "gongan-update",
        "--author",
        "@test/gongan",
        "--approved-by",
        "@test/minzheng",
        "--approved-by",
        "@TEST/dashuju",
        cwd=pull_request.root,
    )
    assert result.exit_code == 0, result.stdout
    assert result.stdout.startswith("已批准：@test/minzheng、@TEST/dashuju\n✓ @test/gongan（测试区公安局）可以合并")


def test_a_pull_request_cannot_make_its_author_an_owner(
    pull_request: GitRepo, govdata: Callable[..., CliResult]
) -> None:
    # gongan-update adds @zhangsan to 公安's maintainers; ownership is read from the base.
    result = govdata(
        "check-authorship",
        "--base",
        "main",
        "--head",
        "gongan-update",
        "--author",
        "@zhangsan",
        "--format",
        "json",
        cwd=pull_request.root,
    )
    verdict = json.loads(result.stdout)
    assert result.exit_code == 1 and verdict["author_departments"] == [] and not verdict["allowed"]
    assert GONGAN in {r["path"] for r in verdict["refusals"]}


def test_a_department_editing_its_own_items_passes(pull_request: GitRepo, govdata: Callable[..., CliResult]) -> None:
    pull_request.switch("main")
    pull_request.branch("typo-fix")
    pull_request.commit({GONGAN: replace(pull_request.text(GONGAN), ("辖区户籍人口", "本区户籍人口"))}, "摘要措辞")
    result = govdata(
        "check-authorship",
        "--base",
        "main",
        "--head",
        "typo-fix",
        "--author",
        "@test/gongan",
        "--lang",
        "en",
        cwd=pull_request.root,
    )
    assert result.exit_code == 0
    assert result.stdout.startswith("✓ @test/gongan (测试区公安局) may merge this change")
    other = govdata(
        "check-authorship", "--base", "main", "--head", "typo-fix", "--author", "@test/minzheng", cwd=pull_request.root
    )
    assert other.exit_code == 1 and "须批准：测试区公安局（@test/gongan）" in other.stdout
    assert MINZHENG not in other.stdout
