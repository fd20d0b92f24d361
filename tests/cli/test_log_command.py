"""``govdata log``: semantic history through merges, renames and moves between departments."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable

import pytest

from tests.cli.golden import assert_golden, without_commit_ids
from tests.cli.test_progress import run_on_a_terminal
from tests.conftest import CliResult
from tests.gitops.conftest import GitRepo
from tests.gitops.scenario import GONGAN, imported_resources, initial_files, pull_request_repo, replace

HUKOU = "catalogs/gongan/hukou.yaml"
MOVED = "catalogs/minzheng/101002-000001.yaml"


@pytest.fixture
def long_history(git_repo: Callable[..., GitRepo]) -> GitRepo:
    """The pull-request scenario merged, then the 公安 resource renamed, edited, and moved to 民政."""
    g = pull_request_repo(git_repo)
    g.switch("main")
    g.merge("gongan-update", "合并公安的合并请求")
    text = g.text(GONGAN)
    g.commit({GONGAN: None, HUKOU: text}, "文件改名为拼音", author="张三 <zhangsan@gongan.example>")
    daily = replace(text, ("update_cycle: 实时", "update_cycle: 每日"))
    g.commit({HUKOU: daily}, "更新周期改为每日", author="张三 <zhangsan@gongan.example>")
    moved = replace(
        daily, ("code: 11419001MB03847296\n  name: 测试区公安局", "code: 11419001MB0539268D\n  name: 测试区民政局")
    )
    g.commit({HUKOU: None, MOVED: moved}, "职责调整：户籍信息划转民政", author="王五 <wangwu@dashuju.example>")
    return g


def test_resource_history_follows_renames_and_moves(long_history: GitRepo, govdata: Callable[..., CliResult]) -> None:
    result = govdata("log", "101002/000001", cwd=long_history.root)
    assert result.exit_code == 0, result.stderr
    assert_golden("log-resource.txt", without_commit_ids(result.stdout, long_history.root))


def test_path_history_follows_renames_backwards(long_history: GitRepo, govdata: Callable[..., CliResult]) -> None:
    result = govdata("log", MOVED, "--format", "json", cwd=long_history.root)
    commits = json.loads(result.stdout)["commits"]
    assert [c["subject"] for c in commits] == [
        "职责调整：户籍信息划转民政",
        "更新周期改为每日",
        "文件改名为拼音",
        "公安：出生日期更名，有条件开放",
        "初始目录 / initial catalog",
    ]
    move = {c["kind"] for c in commits[0]["changes"]}
    assert move == {"resource-moved", "provider-changed"}
    assert commits[0]["author"] == "王五" and commits[0]["date"].startswith("2026-11-")
    renamed = commits[3]["changes"]
    assert any(
        c["kind"] == "item-renamed" and c["breaking"] and "minzheng-2026-001" not in str(c["relied_on"])
        for c in renamed
    )


def test_the_root_is_the_whole_instance_and_a_folder_everything_under_it(
    long_history: GitRepo, govdata: Callable[..., CliResult]
) -> None:
    """ "." once traced a file named "." and a folder a file of that name: both found no commit."""

    def subjects(*target: str) -> list[str]:
        result = govdata("log", *target, "--format", "json", cwd=long_history.root)
        assert result.exit_code == 0, result.stderr
        return [c["subject"] for c in json.loads(result.stdout)["commits"]]

    everything = subjects()
    assert len(everything) >= 5
    assert subjects(".") == subjects("./") == everything
    minzheng = subjects("catalogs/minzheng")
    assert minzheng == subjects("catalogs/minzheng/") and minzheng[0] == "职责调整：户籍信息划转民政"
    gongan = subjects("catalogs/gongan")
    assert "顺手放宽民政低保信息的共享" in minzheng and "顺手放宽民政低保信息的共享" not in gongan
    assert "文件改名为拼音" in gongan  # and in minzheng: the moved file's history follows it there
    assert set(minzheng) <= set(everything) and set(gongan) <= set(everything)


def test_department_history_and_max_count(long_history: GitRepo, govdata: Callable[..., CliResult]) -> None:
    result = govdata("log", "minzheng", "--format", "json", cwd=long_history.root)
    commits = json.loads(result.stdout)["commits"]
    subjects = [c["subject"] for c in commits]
    assert "职责调整：户籍信息划转民政" in subjects and "顺手放宽民政低保信息的共享" in subjects
    assert "更新周期改为每日" not in subjects  # 公安's own edit before the move
    limited = govdata("log", "-n", "1", "--format", "json", cwd=long_history.root)
    assert [c["subject"] for c in json.loads(limited.stdout)["commits"]] == ["职责调整：户籍信息划转民政"]
    unknown = govdata("log", "nosuch", cwd=long_history.root)
    assert unknown.exit_code == 2 and "not found" in unknown.stderr


def test_whole_instance_history_credits_the_authors_not_the_merge(
    long_history: GitRepo, govdata: Callable[..., CliResult]
) -> None:
    commits = json.loads(govdata("log", "--format", "json", cwd=long_history.root).stdout)["commits"]
    subjects = [c["subject"] for c in commits]
    assert "合并公安的合并请求" not in subjects
    assert "数据局：登记社会救助暂行办法" in subjects and "登记维护人" in subjects


def test_whole_instance_lines_agree_with_a_full_parse_of_each_side(
    long_history: GitRepo, govdata: Callable[..., CliResult]
) -> None:
    """log parses added and deleted files without a line map (issue 12); every line it shows must
    still be the one a parse with positions of that side's blob gives."""
    from govdata.io.fastyaml import load_yaml

    commits = json.loads(govdata("log", "--format", "json", cwd=long_history.root).stdout)["commits"]
    checked = 0
    for commit in commits:
        for change in commit["changes"]:
            if change["pointer"] in (None, "/"):
                continue
            rev = commit["sha"] if change["side"] == "new" else commit["parents"][0]
            loaded = load_yaml(long_history.git("show", f"{rev}:{change['path']}"), positions=True)
            assert isinstance(loaded, tuple) and loaded[1] is not None
            pointer = tuple(int(p) if p.isdigit() else p for p in change["pointer"].split("/")[1:])
            assert (change["line"], change["column"]) == loaded[1].locate(pointer, prefer_key=True), change
            checked += 1
    assert checked >= 5


def test_a_long_log_shows_its_progress_on_a_terminal_only(
    git_repo: Callable[..., GitRepo], govdata: Callable[..., CliResult]
) -> None:
    files = initial_files()
    g = git_repo(files)
    g.commit(imported_resources(files), "导入 250 个信息资源")
    code, terminal = run_on_a_terminal([sys.executable, "-m", "govdata", "log", "--format", "json"], g.root)
    assert code == 0 and "reading history" in terminal
    piped = govdata("log", "--format", "json", cwd=g.root)
    assert piped.exit_code == 0 and "reading history" not in piped.stderr
    assert len(json.loads(piped.stdout)["commits"][0]["changes"]) == 250
