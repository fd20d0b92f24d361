"""``govdata new resource`` and ``govdata new department``: one command each, and the result validates."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from govdata.identifiers.uscc import make_uscc
from tests.conftest import REPO_ROOT, CliResult
from tests.excel.sheets import reference_instance, snapshot

Run = Callable[..., CliResult]


def test_new_resource_takes_the_next_free_code_and_validates(govdata: Run, instance: Callable[..., Path]) -> None:
    root = instance()
    created = govdata(
        "new", "resource", "gongan", "--name", "犯罪记录查询信息", "--abstract", "无犯罪记录证明的查询结果", cwd=root
    )
    assert created.exit_code == 0, created.stderr
    path = root / "catalogs/gongan/307002-000001.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/resource.schema.json\n")
    assert "# 信息资源代码：在全区唯一且不变的代码" in text and "# 共享属性：" in text
    assert "  code: 11419001MB03847296  # 信息资源提供方代码\n" in text
    assert govdata("validate", cwd=root).exit_code == 0
    again = govdata("new", "resource", "gongan", "--name", "第二项", "--abstract", "说明", cwd=root)
    assert "307002/000002" in again.stdout
    themed = govdata(
        "new",
        "resource",
        "gongan",
        "--class",
        "基础信息资源",
        "--group",
        "人口基础信息资源",
        "--name",
        "人口照片",
        "--abstract",
        "照片",
        cwd=root,
    )
    assert "101002/000002" in themed.stdout  # 101002/000001 is taken


def test_new_resource_refuses_what_it_cannot_do(govdata: Run, instance: Callable[..., Path]) -> None:
    root = instance()
    before = snapshot(root)
    missing = govdata("new", "resource", "nosuch", "--name", "a", "--abstract", "b", cwd=root)
    assert missing.exit_code == 2 and "没有部门“nosuch”" in missing.stderr
    no_flags = govdata("new", "resource", "gongan", "--name", "a", cwd=root)
    assert no_flags.exit_code == 2 and "缺少 --abstract" in no_flags.stderr
    taken = govdata("new", "resource", "gongan", "--code", "101002/000001", "--name", "a", "--abstract", "b", cwd=root)
    assert taken.exit_code == 2 and "下一个空闲代码是 101002/000002" in taken.stderr
    assert snapshot(root) == before


def test_new_department_registers_checks_and_owns(govdata: Run, tmp_path: Path) -> None:
    root = reference_instance(tmp_path / "jiyuan")
    for name in (".github", ".gitlab"):
        shutil.copytree(REPO_ROOT / name, root / name)
    registry = root / "registry/departments.yaml"
    before = registry.read_text(encoding="utf-8")
    code = make_uscc("1", "1", "419001", "MB000001")
    bad = govdata("new", "department", "--name", "文旅局", "--code", code[:-1] + "0", "--slug", "wenlv", cwd=root)
    assert bad.exit_code == 2 and "校验码" in bad.stderr and registry.read_text(encoding="utf-8") == before
    args = (
        "--name",
        "济源示范区文化广电和旅游局",
        "--code",
        code,
        "--slug",
        "wenlv",
        "--maintainer",
        "@jiyuan-wenlv/catalog",
    )
    made = govdata("new", "department", *args, cwd=root)
    assert made.exit_code == 0, made.stderr
    after = registry.read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n"))  # appended; every line above, comments included, as it was
    assert (
        f"  - code: {code}\n    name: 济源示范区文化广电和旅游局\n    slug: wenlv\n" in after
        and 'catalog_code: "018"' in after
    )
    assert (root / "catalogs/wenlv").is_dir()
    assert "/catalogs/wenlv/" in (root / ".github/CODEOWNERS").read_text(encoding="utf-8")
    assert govdata("owners", "--check", cwd=root).exit_code == 0
    # its responsibility list exists, empty, exactly as build would write it
    assert "resources: []" in (root / "responsibility/wenlv.yaml").read_text(encoding="utf-8")
    assert govdata("responsibility", "build", "--check", cwd=root).exit_code == 0
    twice = govdata("new", "department", *args, cwd=root)
    assert twice.exit_code == 2 and "已由“济源示范区文化广电和旅游局”使用" in twice.stderr
    resource = govdata(
        "new", "resource", "wenlv", "--name", "文物保护单位信息", "--abstract", "文物保护单位名录", cwd=root
    )
    assert resource.exit_code == 0 and "307018/000001" in resource.stdout
    assert govdata("validate", cwd=root).exit_code == 0


def test_validate_names_the_follow_up_commands(govdata: Run, instance: Callable[..., Path]) -> None:
    root = instance()
    (root / "responsibility").mkdir()
    assert govdata("responsibility", "build", cwd=root).exit_code == 0
    assert "提示" not in govdata("validate", cwd=root).stdout
    assert (
        govdata("new", "resource", "gongan", "--name", "犯罪记录查询信息", "--abstract", "查询结果", cwd=root).exit_code
        == 0
    )
    path = root / "catalogs/gongan/307002-000001.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("name: 犯罪记录查询信息\n", "name:    犯罪记录查询信息\n"),
        encoding="utf-8",
    )
    hinted = govdata("validate", "catalogs/gongan", cwd=root)
    assert hinted.exit_code == 0
    assert "提示：采集责任清单与目录不一致（gongan.yaml）：请运行 govdata responsibility build" in hinted.stdout
    assert "提示：1 个文件不是统一格式：请运行 govdata fmt catalogs/gongan/307002-000001.yaml" in hinted.stdout


def test_new_resource_asks_on_a_terminal(instance: Callable[..., Path]) -> None:
    import os
    import pty
    import subprocess
    import sys

    root = instance()
    main, secondary = pty.openpty()
    govdata = Path(sys.executable).parent / "govdata"
    process = subprocess.Popen(
        [str(govdata), "new", "resource", "gongan"],
        cwd=root,
        stdin=secondary,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    os.close(secondary)
    os.write(main, "犯罪记录查询信息\n无犯罪记录证明的查询结果\n".encode())
    out, err = process.communicate(timeout=60)
    os.close(main)
    assert process.returncode == 0, err.decode()
    assert "307002/000001" in out.decode()
    text = (root / "catalogs/gongan/307002-000001.yaml").read_text(encoding="utf-8")
    assert "name: 犯罪记录查询信息\n" in text and "abstract: 无犯罪记录证明的查询结果\n" in text
