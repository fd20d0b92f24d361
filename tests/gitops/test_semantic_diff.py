"""The pure semantic diff and review levels on in-memory catalogs (no git)."""

from __future__ import annotations

from govdata.gitops.changes import Change, ChangeKind, describe
from govdata.gitops.diff import semantic_diff
from govdata.gitops.diff_items import pair_renamed
from govdata.gitops.review import Level, review
from govdata.gitops.snapshot import build_snapshot, load_config
from govdata.i18n import Lang
from govdata.model.catalog import Catalog
from govdata.model.resource import Item
from tests.gitops.conftest import base_files
from tests.gitops.scenario import GRANT_TEXT as GRANT

RESOURCE = "catalogs/gongan/101002-000001.yaml"
GRANT_PATH = "grants/minzheng/minzheng-2026-001.yaml"
DEMANDS = "catalogs/minzheng/demands.yaml"
BASE = base_files()


def catalog(edits: dict[str, str | None] | None = None) -> Catalog:
    """The base instance with files replaced (``{path: text}``) or removed (``{path: None}``)."""
    files = dict(BASE)
    for path, text in (edits or {}).items():
        if text is None:
            files.pop(path, None)
        else:
            files[path] = text
    blobs = {p: t.encode() for p, t in files.items()}
    snapshot = build_snapshot("x", blobs, load_config(blobs["govdata.yaml"], "x", None))
    assert snapshot.diagnostics == [], snapshot.diagnostics
    return snapshot.catalog


def edited(*pairs: tuple[str, str]) -> str:
    text = BASE[RESOURCE]
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def kinds(changes: list[Change]) -> list[tuple[ChangeKind, str | None, str | None]]:
    return [(c.kind, c.old, c.new) for c in changes]


R: dict[str, str | None] = {RESOURCE: None}


def with_resource(text: str) -> Catalog:
    return catalog({RESOURCE: text})


def test_identical_catalogs_have_no_changes() -> None:
    assert semantic_diff(catalog(), catalog()) == []


def test_items_reordered_is_no_change_because_items_match_by_name() -> None:
    swapped = edited(
        ("  - name: 姓名\n    data_type: C\n    length: 50\n    basic: true\n    personal_info: 个人信息\n", ""),
        (
            "  - name: 出生日期",
            "  - name: 姓名\n    data_type: C\n    length: 50\n    basic: true\n    personal_info: 个人信息\n  - name: 出生日期",
        ),
    )
    assert semantic_diff(catalog(), with_resource(swapped)) == []


def test_resource_removed_is_breaking_authority_change_when_published() -> None:
    old, new = catalog(), catalog(R)
    (change,) = semantic_diff(old, new)
    assert (change.kind, change.subject, change.old, change.side.value) == (
        ChangeKind.RESOURCE_REMOVED,
        "101002/000001",
        "户籍人口基本信息",
        "old",
    )
    verdict = review(change, old)
    assert verdict.level is Level.AUTHORITY and verdict.breaking
    assert "Art. 17" in verdict.articles


def test_resource_added_needs_the_authority_but_breaks_nothing() -> None:
    (change,) = semantic_diff(catalog(R), catalog())
    assert change.kind is ChangeKind.RESOURCE_ADDED
    verdict = review(change, catalog(R))
    assert (verdict.level, verdict.breaking) == (Level.AUTHORITY, False)


def test_resource_moved_to_another_department_with_its_provider() -> None:
    moved = edited(("code: 11419001MB03847296\n  name: 测试区公安局", "code: 11419001MB0539268D\n  name: 测试区民政局"))
    new = catalog({**R, "catalogs/minzheng/101002-000001.yaml": moved})
    changes = semantic_diff(catalog(), new)
    assert kinds(changes) == [
        (ChangeKind.RESOURCE_MOVED, RESOURCE, "catalogs/minzheng/101002-000001.yaml"),
        (ChangeKind.PROVIDER_CHANGED, "测试区公安局（11419001MB03847296）", "测试区民政局（11419001MB0539268D）"),
    ]
    assert all(review(c, catalog()).level is Level.AUTHORITY for c in changes)


def test_file_renamed_within_its_folder_is_a_department_matter() -> None:
    new = catalog({**R, "catalogs/gongan/hukou.yaml": BASE[RESOURCE]})
    (change,) = semantic_diff(catalog(), new)
    assert change.kind is ChangeKind.RESOURCE_MOVED
    assert review(change, catalog()).level is Level.DEPARTMENT


def test_sharing_loosened_and_tightened_follow_the_order_of_the_types() -> None:
    conditional = edited(("  type: 无条件共享\n", "  type: 有条件共享\n  condition: 仅限户籍业务\n  basis: [pipl]\n"))
    tightened = semantic_diff(catalog(), with_resource(conditional))
    assert [c.kind for c in tightened] == [
        ChangeKind.SHARING_TIGHTENED,
        ChangeKind.SHARING_BASIS_CHANGED,
        ChangeKind.SHARING_TERMS_CHANGED,
    ]
    assert tightened[0].restricts and review(tightened[0], catalog()).breaking
    loosened = semantic_diff(with_resource(conditional), catalog())
    assert loosened[0].kind is ChangeKind.SHARING_LOOSENED and not loosened[0].restricts
    verdict = review(loosened[0], with_resource(conditional))
    assert (verdict.level, verdict.breaking) == (Level.AUTHORITY, False)
    assert describe(loosened[0]).get(Lang.ZH) == "共享类型由 有条件共享 放宽为 无条件共享"


def test_opening_loosened_needs_the_authority() -> None:
    opened = edited(("  type: 不予开放\n", "  type: 有条件开放\n  condition: 脱敏后开放\n"))
    changes = semantic_diff(catalog(), with_resource(opened))
    assert kinds(changes)[0] == (ChangeKind.OPENING_LOOSENED, "不予开放", "有条件开放")
    assert {review(c, catalog()).level for c in changes} == {Level.AUTHORITY}


def test_item_level_sharing_override_is_reported_per_item() -> None:
    text = edited(("    length: 8\n", "    length: 8\n    sharing_type: 不予共享\n"))
    (change,) = semantic_diff(catalog(), with_resource(text))
    assert (change.kind, change.item, change.old, change.new) == (
        ChangeKind.SHARING_TIGHTENED,
        "出生日期",
        "无条件共享",
        "不予共享",
    )
    assert change.pointer == ("items", 2, "sharing_type")


def test_item_added_removed_retyped() -> None:
    text = edited(
        ("    length: 8\n", "    length: 10\n"),
        ("  - name: 公民身份号码\n", "  - name: 户籍地址\n    data_type: C\n    length: 200\n  - name: 公民身份号码\n"),
    )
    changes = semantic_diff(catalog(), with_resource(text))
    assert kinds(changes) == [(ChangeKind.ITEM_RETYPED, "D(8)", "D(10)"), (ChangeKind.ITEM_ADDED, None, "户籍地址")]
    removed = semantic_diff(with_resource(text), catalog())
    assert (ChangeKind.ITEM_REMOVED, "户籍地址", None) in kinds(removed)


def test_item_renamed_at_same_position_and_type() -> None:
    (change,) = semantic_diff(catalog(), with_resource(edited(("name: 姓名\n", "name: 姓名（中文）\n"))))
    assert (change.kind, change.old, change.new, change.item) == (
        ChangeKind.ITEM_RENAMED,
        "姓名",
        "姓名（中文）",
        "姓名（中文）",
    )
    assert change.restricts


def test_rename_heuristic_element_id_first_then_position_and_type() -> None:
    old = [
        Item(name="甲", data_type="C", element_id="DE01"),
        Item(name="乙", data_type="N"),
        Item(name="丙", data_type="D"),
    ]
    new = [
        Item(name="丙2", data_type="D"),
        Item(name="乙2", data_type="C"),
        Item(name="甲2", data_type="C", element_id="DE01"),
    ]
    # 甲→甲2 by element id wherever it stands; 乙 (N) and 乙2 (C) differ in type: not a rename;
    # 丙 stood at 2, the item now at 2 is 甲2 (taken): 丙 is removed and 丙2 added.
    assert pair_renamed(old, new) == {"甲": "甲2"}
    assert pair_renamed([Item(name="乙", data_type="N")], [Item(name="乙2", data_type="N")]) == {"乙": "乙2"}


def test_update_cycle_slower_restricts_and_metadata_is_department_level() -> None:
    text = edited(
        ("update_cycle: 实时", "update_cycle: 每月"),
        ("name: 户籍人口基本信息", "name: 户籍人口信息"),
        ("security_level: 一般数据3级", "security_level: 重要数据"),
    )
    changes = semantic_diff(catalog(), with_resource(text))
    assert kinds(changes) == [
        (ChangeKind.UPDATE_CYCLE_CHANGED, "实时", "每月"),
        (ChangeKind.SECURITY_LEVEL_CHANGED, "一般数据3级", "重要数据"),
        (ChangeKind.METADATA_CHANGED, "户籍人口基本信息", "户籍人口信息"),
    ]
    assert changes[0].restricts and not changes[2].restricts
    assert changes[2].label == "信息资源名称"
    assert {review(c, catalog()).level for c in changes} == {Level.DEPARTMENT}


def test_unpublished_resource_can_lose_items_without_breaking_anything() -> None:
    closed = edited(("  type: 无条件共享\n", "  type: 不予共享\n  condition: 涉及个人隐私\n  basis: [pipl]\n"))
    fewer = closed.replace(
        "  - name: 出生日期\n    data_type: D\n    length: 8\n    basic: true\n    personal_info: 个人信息\n", ""
    )
    (change,) = semantic_diff(with_resource(closed), with_resource(fewer))
    assert change.kind is ChangeKind.ITEM_REMOVED
    assert not review(change, with_resource(closed)).breaking


def test_active_grant_makes_removing_its_item_breaking_and_names_the_grant() -> None:
    closed = edited(("  type: 无条件共享\n", "  type: 不予共享\n  condition: 涉及个人隐私\n  basis: [pipl]\n"))
    fewer = closed.replace(
        "  - name: 出生日期\n    data_type: D\n    length: 8\n    basic: true\n    personal_info: 个人信息\n", ""
    )
    base = catalog({RESOURCE: closed, GRANT_PATH: GRANT})
    head = catalog({RESOURCE: fewer, GRANT_PATH: GRANT})
    (change,) = semantic_diff(base, head)
    verdict = review(change, base)
    assert verdict.breaking
    assert [r.zh for r in verdict.relied_on] == ["共享授权 minzheng-2026-001"]
    # The grant does not list 姓名: renaming it breaks nothing the grant relies on.
    renamed = closed.replace("name: 姓名\n", "name: 姓名全称\n")
    (rename,) = semantic_diff(base, catalog({RESOURCE: renamed, GRANT_PATH: GRANT}))
    assert not review(rename, base).breaking


def test_grant_decision_needs_the_authority_and_request_edits_do_not() -> None:
    pending = GRANT.replace("status: 已批准\n", "status: 申请中\n", 1)
    pending = pending[: pending.index("decision:")] + pending[pending.index("history:") :]
    pending = pending[: pending.index('  - date: "2025-12-20"')]
    old = catalog({GRANT_PATH: pending})
    new = catalog({GRANT_PATH: GRANT})
    changes = semantic_diff(old, new)
    assert {c.kind for c in changes} == {ChangeKind.GRANT_DECIDED}
    assert {review(c, old).level for c in changes} == {Level.AUTHORITY}
    assert {c.department for c in changes} == {"11419001MB0539268D"}
    edit = catalog({GRANT_PATH: pending.replace("最低生活保障申请受理时", "低保受理时")})
    (request,) = semantic_diff(old, edit)
    assert request.kind is ChangeKind.GRANT_CHANGED and review(request, old).level is Level.DEPARTMENT


def test_registries_and_config_are_authority_changes() -> None:
    registry = BASE["registry/departments.yaml"].replace('["@test/minzheng"]', '["@test/minzheng", "@lisi"]')
    bases = BASE["registry/legal-bases.yaml"].replace("  - id: henan-sharing-measures-2018", "  - id: henan-measures")
    config = BASE["govdata.yaml"].replace("language: zh-CN", "language: en")
    old = catalog()
    new = catalog({"registry/departments.yaml": registry, "registry/legal-bases.yaml": bases, "govdata.yaml": config})
    changes = semantic_diff(old, new)
    assert kinds(changes) == [
        (ChangeKind.CONFIG_CHANGED, "zh-CN", "en"),
        (ChangeKind.DEPARTMENT_CHANGED, "@test/minzheng", "@test/minzheng、@lisi"),
        (ChangeKind.LEGAL_BASIS_ADDED, None, "河南省政务信息资源共享管理暂行办法"),
        (ChangeKind.LEGAL_BASIS_REMOVED, "河南省政务信息资源共享管理暂行办法", None),
    ]
    assert {review(c, old).level for c in changes} == {Level.AUTHORITY}
    assert changes[1].subject == "11419001MB0539268D" and changes[1].field == "maintainers"


def test_demand_list_changes_belong_to_the_department() -> None:
    demands = """\
demands:
  - id: D001
    title: 户籍人口出生日期
    provider: 11419001MB03847296
    scenario: 高龄津贴发放
    duty_basis: 老年人权益保障法规定的职责
    items: [出生日期]
"""
    old = catalog()
    new = catalog({DEMANDS: demands})
    (added,) = semantic_diff(old, new)
    assert (added.kind, added.subject, added.department) == (ChangeKind.DEMAND_ADDED, "D001", "11419001MB0539268D")
    changed = semantic_diff(new, catalog({DEMANDS: demands.replace("[出生日期]", "[出生日期, 姓名]")}))
    assert kinds(changed) == [(ChangeKind.DEMAND_CHANGED, "出生日期", "出生日期、姓名")]
    assert review(changed[0], new).level is Level.DEPARTMENT


def test_skipped_files_are_not_read_as_removals() -> None:
    assert semantic_diff(catalog(), catalog(R), skip=[RESOURCE]) == []
