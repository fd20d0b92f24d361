"""The share and open catalogs: golden JSON and CSV envelopes, the workbook, same bytes every run,
the command's refusals and its clean-up of files it wrote before."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook

from govdata.publish import Publication
from govdata.publish.output import MANIFEST
from tests.conftest import CliResult, build_instance
from tests.gitops.conftest import GitRepo, base_files
from tests.publish.conftest import BASE, PUBLISH_INSTANCE, REPOSITORY

GOLDEN = Path(__file__).parent / "golden"


def test_golden_envelopes(small_publication: Publication) -> None:
    """Byte for byte (BOM and CRLF of the CSV included); refresh with GOVDATA_UPDATE_GOLDEN=1."""
    for name in ("open/catalog.json", "open/catalog.csv", "share/catalog.json", "share/catalog.csv"):
        golden = GOLDEN / name.replace("/", "-")
        if os.environ.get("GOVDATA_UPDATE_GOLDEN"):
            golden.parent.mkdir(exist_ok=True)
            golden.write_bytes(small_publication.files[name])
        assert small_publication.files[name] == golden.read_bytes(), f"{name} differs from {golden}"


def test_open_catalog_keeps_only_open_resources_and_items(small_publication: Publication) -> None:
    data = json.loads(small_publication.files["open/catalog.json"])
    assert data["format"] == "govdata-open-catalog" and data["version"] == 1
    items = {r["code"]: [i["name"] for i in r["items"]] for r in data["resources"]}
    # 户籍人口基本信息 is 不予开放; the closed, secret and undesensitised items are left out.
    assert items == {
        "102003/000001": ["统一社会信用代码", "企业名称", "法定代表人姓名"],
        "307003/000001": ["许可证编号", "统一社会信用代码", "企业名称", "定点药店标识"],
    }
    assert data["resources"][0]["items"][2]["desensitised"] is True
    assert data["resources"][0]["opening"]["basis"] == ["政务信息资源共享管理暂行办法"]


def test_share_catalog_has_every_resource_and_item(small_publication: Publication) -> None:
    data = json.loads(small_publication.files["share/catalog.json"])
    assert [r["code"] for r in data["resources"]] == ["101002/000001", "102003/000001", "307003/000001"]
    assert len(data["resources"][1]["items"]) == 5
    assert data["resources"][2]["sharing"]["condition"] == "用于药品监管和医疗保障业务"


def test_csv_opens_in_excel_as_utf8(small_publication: Publication) -> None:
    raw = small_publication.files["open/catalog.csv"]
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][0] == "信息资源代码 code" and [r[0] for r in rows[1:]] == ["102003/000001", "307003/000001"]


def test_workbook_holds_resources_and_items(small_publication: Publication) -> None:
    book = load_workbook(io.BytesIO(small_publication.files["open/catalog.xlsx"]), read_only=True)
    assert book.sheetnames == ["信息资源", "信息项"]
    resources = list(book["信息资源"].iter_rows(values_only=True))
    items = list(book["信息项"].iter_rows(values_only=True))
    assert [r[0] for r in resources[1:]] == ["102003/000001", "307003/000001"]
    assert len(items) == 1 + 3 + 4 and ("102003/000001", "法定代表人证件号码") not in {r[:2] for r in items}


def _run(govdata: Callable[..., CliResult], root: Path, out: Path) -> CliResult:
    return govdata("publish", "--site", "--out", str(out), "--base-url", BASE, "--repository-url", REPOSITORY, cwd=root)


def test_same_catalog_same_bytes_and_stray_files_removed(
    govdata: Callable[..., CliResult], tmp_path: Path, small_root: Path
) -> None:
    first = _run(govdata, small_root, tmp_path / "a")
    assert first.exit_code == 0, first.stderr
    assert "开放目录 2 个资源" in first.stdout
    second = _run(govdata, small_root, tmp_path / "b")
    files_a = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*") if p.is_file()}
    files_b = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*") if p.is_file()}
    assert second.exit_code == 0 and files_a == files_b
    assert Path("site/datasets/307003-000001.html") in files_a and Path("site/sitemap.xml") in files_a
    # Withdraw the conditional resource from the open catalog: its page goes, other files stay.
    instance = build_instance(tmp_path / "changed", PUBLISH_INSTANCE)
    resource = instance / "catalogs/shichang/307003-000001.yaml"
    resource.write_text(
        resource.read_text(encoding="utf-8")
        .replace("type: 有条件开放", "type: 不予开放")
        .replace("  condition: 仅向从事药品流通研究的单位提供，且不得再行公开\n", ""),
        encoding="utf-8",
    )
    keep = tmp_path / "a" / "notes.txt"
    keep.write_text("mine", encoding="utf-8")
    third = _run(govdata, instance, tmp_path / "a")
    assert third.exit_code == 0, third.stdout + third.stderr
    assert not (tmp_path / "a/site/datasets/307003-000001.html").exists()
    assert keep.read_text(encoding="utf-8") == "mine"
    assert "307003-000001" not in (tmp_path / "a" / MANIFEST).read_text(encoding="utf-8")


def test_refuses_an_instance_with_errors(govdata: Callable[..., CliResult], tmp_path: Path) -> None:
    instance = build_instance(tmp_path / "bad", PUBLISH_INSTANCE)
    resource = instance / "catalogs/shichang/102003-000001.yaml"
    resource.write_text(resource.read_text(encoding="utf-8").replace("update_cycle: 每日", "update_cycle: 每刻"))
    result = _run(govdata, instance, tmp_path / "out")
    assert result.exit_code == 1
    assert "102003-000001.yaml" in result.stderr and "未发布" in result.stderr
    assert not (tmp_path / "out").exists()


def test_rejects_a_base_url_without_trailing_slash(
    govdata: Callable[..., CliResult], small_root: Path, tmp_path: Path
) -> None:
    result = govdata("publish", "--out", str(tmp_path / "o"), "--base-url", "https://x.example/open", cwd=small_root)
    assert result.exit_code == 2 and "--base-url" in result.stderr
    assert not (tmp_path / "o").exists()


def test_rev_publishes_what_is_committed(
    git_repo: Callable[..., GitRepo], govdata: Callable[..., CliResult], tmp_path: Path
) -> None:
    files = {
        p.relative_to(PUBLISH_INSTANCE).as_posix(): p.read_text(encoding="utf-8")
        for p in PUBLISH_INSTANCE.rglob("*.yaml")
    }
    repo = git_repo({**base_files(), **files})
    # An uncommitted draft renames a dataset; --rev HEAD publishes the reviewed version.
    resource = repo.root / "catalogs/shichang/102003-000001.yaml"
    resource.write_text(resource.read_text(encoding="utf-8").replace("name: 市场主体登记基本信息", "name: 草稿名称"))
    committed = govdata("publish", "--rev", "HEAD", "--out", str(tmp_path / "head"), cwd=repo.root)
    assert committed.exit_code == 0, committed.stderr
    assert "市场主体登记基本信息" in (tmp_path / "head/open/catalog.json").read_text(encoding="utf-8")
    working = govdata("publish", "--out", str(tmp_path / "work"), cwd=repo.root)
    assert working.exit_code == 0 and "草稿名称" in (tmp_path / "work/open/catalog.json").read_text(encoding="utf-8")
    unknown = govdata("publish", "--rev", "no-such-branch", "--out", str(tmp_path / "x"), cwd=repo.root)
    assert unknown.exit_code == 2 and "no-such-branch" in unknown.stderr and not (tmp_path / "x").exists()


def test_output_that_is_a_file_is_refused(govdata: Callable[..., CliResult], small_root: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("not a folder", encoding="utf-8")
    result = govdata("publish", "--out", str(blocker), cwd=small_root)
    assert result.exit_code == 2 and "不是目录" in result.stderr
    assert blocker.read_text(encoding="utf-8") == "not a folder"
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy/open").write_text("a file where a folder goes", encoding="utf-8")
    blocked = govdata("publish", "--out", str(tmp_path / "busy"), cwd=small_root)
    assert blocked.exit_code == 2 and "无法写入" in blocked.stderr and "Traceback" not in blocked.stderr
