"""``govdata responsibility``: lists derived from the catalog, hand-kept fields kept, --check, status."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from govdata.io.fastyaml import load_yaml
from tests.cli.golden import assert_golden
from tests.conftest import CliResult
from tests.demands.test_demand_match import FAMILY

LIST = "responsibility/gongan.yaml"
MONTHLY = (
    (Path(__file__).resolve().parents[1] / "rules" / "_base" / "catalogs" / "gongan" / "101002-000001.yaml")
    .read_text(encoding="utf-8")
    .replace('code: "101002/000001"', 'code: "307002/000003"')
    .replace("name: 户籍人口基本信息", "name: 户籍人口月度统计")
    .replace("class: 基础信息资源\n  group: 人口基础信息资源", "class: 部门信息资源\n  group: 测试区公安局政务数据目录")
    .replace("    basic: true\n", "")
    .replace("update_cycle: 实时", "update_cycle: 每月")
)


def _list(root: Path) -> dict:  # type: ignore[type-arg]
    loaded = load_yaml((root / LIST).read_text(encoding="utf-8"))
    assert isinstance(loaded, tuple)
    return loaded[0]  # type: ignore[no-any-return]


def _entries(root: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    return {entry["code"]: entry for entry in _list(root)["resources"]}


def _keep_by_hand(root: Path, code: str, status: str, last: str, notes: str) -> None:
    text = (root / LIST).read_text(encoding="utf-8")
    head, sep, rest = text.partition(f'code: "{code}"')
    entry, nxt, tail = rest.partition("  - code:")
    entry = entry.replace("status: 未汇聚", f'status: {status}\n    last_aggregated: "{last}"\n    notes: {notes}')
    (root / LIST).write_text(head + sep + entry + nxt + tail, encoding="utf-8")


def test_build_derives_lists_and_keeps_hand_fields(
    instance: Callable[..., Path], govdata: Callable[..., CliResult]
) -> None:
    root = instance(
        {
            "catalogs/gongan/307002-000002.yaml": FAMILY.read_text(encoding="utf-8"),
            "catalogs/gongan/307002-000003.yaml": MONTHLY,
        }
    )
    built = govdata("responsibility", "build", cwd=root)
    assert built.exit_code == 0, built.stderr
    lists = {p.name: p.read_text(encoding="utf-8") for p in (root / "responsibility").iterdir()}
    registry = (root / "registry/departments.yaml").read_text(encoding="utf-8")
    assert {f"{slug}.yaml" for slug in re.findall(r"^\s+slug: (\S+)$", registry, re.MULTILINE)} == set(lists)
    # every registered department has its list; only 公安 has anything to collect yet
    assert [name for name, text in lists.items() if "resources: []" not in text] == ["gongan.yaml"]
    entries = _entries(root)
    family = entries["307002/000002"]
    assert "公民身份号码" not in family["collect"] and family["obtained"] == ["公民身份号码"]
    assert "next_due" not in family and "实时" in family["due_note"]  # 实时: no due date
    never = entries["307002/000003"]  # monthly, never aggregated: due since its release on Labour Day
    assert never["next_due"] == "2023-05-04" and "尚无汇聚记录" in never["due_note"]
    assert entries["101002/000001"]["identifiers"] == ["公民身份号码"]
    assert govdata("validate", cwd=root).exit_code == 0
    assert govdata("fmt", "--check", "--no-cache", "responsibility", cwd=root).exit_code == 0  # written canonical

    # A department records its aggregation; the rebuild recomputes the due date and keeps the record.
    _keep_by_hand(root, "307002/000003", "已汇聚", "2026-09-01", "九月数据已汇聚")
    assert govdata("responsibility", "build", "--check", cwd=root).exit_code == 1
    assert govdata("responsibility", "build", cwd=root).exit_code == 0
    monthly = _entries(root)["307002/000003"]
    assert (monthly["status"], monthly["last_aggregated"], monthly["notes"]) == (
        "已汇聚",
        "2026-09-01",
        "九月数据已汇聚",
    )
    assert monthly["next_due"] == "2026-10-08"  # 2026-10-01 falls in the National Day holiday
    assert "顺延至下一工作日 2026-10-08" in monthly["due_note"]
    assert_golden("responsibility-gongan.yaml", (root / LIST).read_text(encoding="utf-8"))

    # The catalog changes: the list is stale until rebuilt, and the hand-kept fields survive.
    (root / "catalogs/gongan/307002-000002.yaml").unlink()
    stale = govdata("responsibility", "build", "--check", cwd=root)
    assert stale.exit_code == 1 and "307002/000002" in stale.stdout
    assert govdata("responsibility", "build", cwd=root).exit_code == 0
    assert sorted(_entries(root)) == ["101002/000001", "307002/000003"]
    assert _entries(root)["307002/000003"]["notes"] == "九月数据已汇聚"
    assert govdata("responsibility", "build", "--check", cwd=root).exit_code == 0


def test_unknown_calendar_year_is_left_empty_until_configured(
    instance: Callable[..., Path], govdata: Callable[..., CliResult]
) -> None:
    root = instance({"catalogs/gongan/307002-000003.yaml": MONTHLY})
    assert govdata("responsibility", "build", cwd=root).exit_code == 0
    _keep_by_hand(root, "307002/000003", "已汇聚", "2026-12-20", "十二月数据已汇聚")
    assert govdata("responsibility", "build", cwd=root).exit_code == 0
    monthly = _entries(root)["307002/000003"]
    assert "next_due" not in monthly
    assert "2027-01-20" in monthly["due_note"] and "2027 年工作日历未知" in monthly["due_note"]
    config = (root / "govdata.yaml").read_text(encoding="utf-8")
    (root / "govdata.yaml").write_text(
        config + 'calendar:\n  holidays: ["2027-01-01"]\n  workdays: []\n', encoding="utf-8"
    )
    assert govdata("responsibility", "build", "--check", cwd=root).exit_code == 1
    assert govdata("responsibility", "build", cwd=root).exit_code == 0
    assert _entries(root)["307002/000003"]["next_due"] == "2027-01-20"


def test_broken_list_is_never_overwritten(instance: Callable[..., Path], govdata: Callable[..., CliResult]) -> None:
    root = instance()
    assert govdata("responsibility", "build", cwd=root).exit_code == 0
    broken = (root / LIST).read_text(encoding="utf-8").replace("status: 未汇聚", "status: 汇聚完成")
    (root / LIST).write_text(broken, encoding="utf-8")
    result = govdata("responsibility", "build", cwd=root)
    assert result.exit_code == 2
    assert f"{LIST}:" in result.stderr and "未重新生成" in result.stderr
    assert (root / LIST).read_text(encoding="utf-8") == broken


def test_status_table_and_json(instance: Callable[..., Path], govdata: Callable[..., CliResult]) -> None:
    root = instance({"catalogs/gongan/307002-000003.yaml": MONTHLY})
    assert govdata("responsibility", "build", cwd=root).exit_code == 0
    _keep_by_hand(root, "307002/000003", "已汇聚", "2026-09-01", "九月数据已汇聚")
    _keep_by_hand(root, "101002/000001", "已汇聚", "2026-11-01", "实时汇聚运行正常")
    assert govdata("responsibility", "build", cwd=root).exit_code == 0
    early = json.loads(
        govdata("responsibility", "status", "--today", "2026-10-08", "--format", "json", cwd=root).stdout
    )
    [row] = early["departments"]
    assert (row["total"], row["aggregated"], row["overdue"], row["fulfilled"], row["rate"]) == (2, 2, 0, 2, 1.0)
    late = govdata("responsibility", "status", "--today", "2026-10-09", cwd=root)
    assert late.exit_code == 0
    assert "测试区公安局" in late.stdout and "50%" in late.stdout
    (root / "catalogs/gongan/307002-000003.yaml").unlink()
    stale = govdata("responsibility", "status", "--lang", "en", cwd=root)
    assert stale.exit_code == 1 and "stale" in stale.stdout


def test_reference_lists_are_in_sync_with_the_reference_catalog() -> None:
    from govdata.cli.generated import stale_files
    from govdata.generate.responsibility import FOLDER, responsibility_lists
    from govdata.instance import open_instance
    from govdata.validation.engine import validate
    from govdata.workdays import calendar_for
    from tests.conftest import REPO_ROOT

    instance = open_instance(REPO_ROOT)
    catalog = validate(instance, keep_models=True).catalog
    stale = stale_files(
        REPO_ROOT / FOLDER, responsibility_lists(catalog, calendar_for(instance.config)), exhaustive=True
    )
    assert not stale, "run `govdata responsibility build`:\n" + "\n".join(stale.values())


def test_comments_are_kept_and_unchanged_lists_not_rewritten(
    instance: Callable[..., Path], govdata: Callable[..., CliResult]
) -> None:
    root = instance(
        {
            "catalogs/gongan/307002-000002.yaml": FAMILY.read_text(encoding="utf-8"),
            "catalogs/gongan/307002-000003.yaml": MONTHLY,
        }
    )
    assert govdata("responsibility", "build", cwd=root).exit_code == 0
    text = (root / LIST).read_text(encoding="utf-8")
    noted = (
        text.replace("resources:\n", "resources:\n  # 户籍：由户籍科负责\n", 1)
        .replace('  - code: "307002/000003"\n', '  # 月度统计：统计科负责\n  - code: "307002/000003"\n', 1)
        .replace("    name: 户籍人口月度统计\n", "    name: 户籍人口月度统计  # 名称随目录\n", 1)
    )
    assert noted.count("#") == text.count("#") + 3
    (root / LIST).write_text(noted, encoding="utf-8")
    before = (root / LIST).stat().st_mtime_ns

    # Same data, comments added: nothing to write, not stale.
    assert govdata("responsibility", "build", "--check", cwd=root).exit_code == 0
    assert govdata("responsibility", "build", cwd=root).exit_code == 0
    assert (root / LIST).read_text(encoding="utf-8") == noted and (root / LIST).stat().st_mtime_ns == before

    # The data changes (a hand-kept record, and a resource leaves the catalog): comments stay.
    _keep_by_hand(root, "307002/000003", "已汇聚", "2026-09-01", "九月数据已汇聚")
    (root / "catalogs/gongan/307002-000002.yaml").unlink()
    assert govdata("responsibility", "build", cwd=root).exit_code == 0
    after = (root / LIST).read_text(encoding="utf-8")
    for comment in ("# 户籍：由户籍科负责", "# 月度统计：统计科负责", "# 名称随目录"):
        assert comment in after, after
    assert sorted(_entries(root)) == ["101002/000001", "307002/000003"]
    assert _entries(root)["307002/000003"]["next_due"] == "2026-10-08"
    assert govdata("responsibility", "build", "--check", cwd=root).exit_code == 0
    assert govdata("validate", cwd=root).exit_code == 0
