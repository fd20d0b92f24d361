"""``govdata fmt``: canonical, idempotent, meaning-preserving; ``--check`` for CI."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from govdata.fmt.canonical import FormatProblem, format_bytes
from govdata.io.fastyaml import load_yaml
from tests.cli.golden import assert_golden
from tests.conftest import REPO_ROOT, CliResult

# A resource as a department clerk might save it: keys in their own order, 4-space indentation,
# Windows line ends, comments everywhere, no modeline.
MESSY = (
    "# 户籍人口变动信息 —— 公安局人口管理支队维护\r\n"
    "name: 户籍人口变动信息\r\n"
    'code: "101002/000002"\r\n'
    "provider:\r\n"
    "    name: 测试区公安局   # 登记名称\r\n"
    "    code: 11419001MB03847296\r\n"
    "classification:\r\n"
    "    group: 人口基础信息资源\r\n"
    "    class: 基础信息资源\r\n"
    "abstract: 辖区户籍人口的迁入、迁出、出生和死亡变动记录。\r\n"
    "format: {type: oracle, category: 数据库}\r\n"
    "# 信息项按数据库字段顺序\r\n"
    "items:\r\n"
    "    -   name: 公民身份号码\r\n"
    "        basic: true\r\n"
    "        data_type: C\r\n"
    "        length: 18\r\n"
    "        identifier: 公民身份号码\r\n"
    "        personal_info: 个人信息\r\n"
    "    -   data_type: C\r\n"
    "        name: 姓名\r\n"
    "        length: 50\r\n"
    "        basic: true\r\n"
    "        personal_info: 个人信息\r\n"
    "sharing:\r\n"
    "    methods: [接口, 核验]\r\n"
    "    type: 无条件共享\r\n"
    "opening: {type: 不予开放, basis: [pipl]}\r\n"
    "security_level: 一般数据3级\r\n"
    "update_cycle: 实时\r\n"
    'release_date: "2023-05-01"\r\n'
    "source_system: 人口信息管理系统\r\n"
    "# 汇聚到数据中台\r\n"
    "aggregation:\r\n"
    "    mode: 实时汇聚\r\n"
    "data_subject: 自然人\r\n"
)
RESOURCE = "catalogs/gongan/101002-000002.yaml"


def _data(raw: bytes) -> object:
    loaded = load_yaml(raw.decode("utf-8-sig"))
    assert isinstance(loaded, tuple)
    return loaded[0]


def test_fmt_check_lists_then_fmt_formats_once(
    instance: Callable[..., Path], govdata: Callable[..., CliResult]
) -> None:
    root = instance({RESOURCE: ""})
    (root / RESOURCE).write_bytes(MESSY.encode("utf-8"))
    before = (root / RESOURCE).read_bytes()

    checked = govdata("fmt", "--check", cwd=root)
    assert checked.exit_code == 1
    assert RESOURCE in checked.stdout
    assert (root / RESOURCE).read_bytes() == before

    formatted = govdata("fmt", cwd=root)
    assert formatted.exit_code == 0, formatted.stdout + formatted.stderr
    after = (root / RESOURCE).read_bytes()
    assert _data(after) == _data(before)
    assert_golden("fmt-messy-resource.yaml", after.decode("utf-8"))
    for comment in ("# 户籍人口变动信息", "# 登记名称", "# 信息项按数据库字段顺序", "# 汇聚到数据中台"):
        assert comment in after.decode("utf-8")

    again = govdata("fmt", cwd=root)
    assert again.exit_code == 0 and "✓" in again.stdout
    assert (root / RESOURCE).read_bytes() == after
    assert govdata("fmt", "--check", cwd=root).exit_code == 0
    assert govdata("validate", cwd=root).exit_code == 0


def test_unreadable_file_is_reported_and_left_alone(
    instance: Callable[..., Path], govdata: Callable[..., CliResult]
) -> None:
    broken = 'code: "101002/000002"\nname: 户籍: 人口\n'
    root = instance({RESOURCE: broken})
    result = govdata("fmt", cwd=root)
    assert result.exit_code == 1
    assert re.search(rf"{re.escape(RESOURCE)}:2:\d+: YAML 语法错误", result.stdout)
    assert (root / RESOURCE).read_text(encoding="utf-8") == broken


def test_paths_outside_the_instance_are_usage_errors(
    instance: Callable[..., Path], govdata: Callable[..., CliResult], tmp_path: Path
) -> None:
    root = instance()
    result = govdata("fmt", str(tmp_path), cwd=root)
    assert result.exit_code == 2
    assert "不在实例目录" in result.stderr


def _corpus() -> list[pytest.param]:
    found = []
    for file in sorted((REPO_ROOT / "tests" / "rules").rglob("*.yaml")):
        match = re.search(r"/((?:registry|catalogs|grants|responsibility)/.+|govdata\.yaml)$", file.as_posix())
        if match:
            found.append(pytest.param(match.group(1), file, id=file.relative_to(REPO_ROOT).as_posix()))
    for folder in ("catalogs", "registry", "grants", "responsibility"):
        for file in sorted((REPO_ROOT / folder).rglob("*.yaml")):
            found.append(pytest.param(file.relative_to(REPO_ROOT).as_posix(), file, id=f"reference/{file.name}"))
    return found


@pytest.mark.parametrize(("path", "file"), _corpus())
def test_formatting_is_idempotent_and_keeps_meaning(path: str, file: Path) -> None:
    raw = file.read_bytes()
    first = format_bytes(path, raw)
    if isinstance(first, FormatProblem):  # the GD001 cases: not YAML, so never touched
        return
    assert _data(first.encode("utf-8")) == _data(raw)
    assert format_bytes(path, first.encode("utf-8")) == first


def test_cache_skips_unchanged_files_but_not_changed_ones(
    instance: Callable[..., Path], govdata: Callable[..., CliResult]
) -> None:
    root = instance()
    assert govdata("fmt", cwd=root).exit_code == 0
    cache = json.loads((root / ".govdata-cache" / "fmt.json").read_text(encoding="utf-8"))
    assert RESOURCE.replace("000002", "000001") in cache["files"]
    # A hand edit after the cached run is noticed: the content hash no longer matches.
    base = root / "catalogs/gongan/101002-000001.yaml"
    base.write_text(base.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")  # modeline removed
    assert govdata("fmt", "--check", cwd=root).exit_code == 1
    assert govdata("fmt", "--check", "--no-cache", cwd=root).exit_code == 1
    # A cache written by another version or model is ignored.
    (root / ".govdata-cache" / "fmt.json").write_text('{"stamp": "other", "files": {}}', encoding="utf-8")
    assert govdata("fmt", cwd=root).exit_code == 0
    assert govdata("fmt", "--check", cwd=root).exit_code == 0
