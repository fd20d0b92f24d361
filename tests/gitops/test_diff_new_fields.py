"""The diff of the fields real catalogs carry: extensions per key, notes, formats, item conditions."""

from __future__ import annotations

from govdata.gitops.changes import ChangeKind
from govdata.gitops.diff import semantic_diff
from tests.gitops.test_semantic_diff import BASE, RESOURCE, catalog, edited


def _fields(text: str) -> list[tuple[ChangeKind, str | None, str | None, str | None]]:
    return [(c.kind, c.field, c.old, c.new) for c in semantic_diff(catalog(), catalog({RESOURCE: text}))]


def test_each_extension_key_is_its_own_change_and_kept_verbatim() -> None:
    before = BASE[RESOURCE] + "extensions:\n  sh:数据领域: 公共安全\n  import:来源: A\n"
    after = BASE[RESOURCE] + "extensions:\n  sh:数据领域: 公共安全\n  import:来源: B\n  gz:标签: [x, y]\n"
    changes = semantic_diff(catalog({RESOURCE: before}), catalog({RESOURCE: after}))
    assert [(c.kind, c.field, c.old, c.new) for c in changes] == [
        (ChangeKind.METADATA_CHANGED, "extensions.gz:标签", None, "x、y"),
        (ChangeKind.METADATA_CHANGED, "extensions.import:来源", "A", "B"),
    ]


def test_slower_cycle_other_with_note_restricts() -> None:
    text = edited(("update_cycle: 实时", "update_cycle: 其他\nupdate_note: 按季度与省平台同步"))
    changes = semantic_diff(catalog(), catalog({RESOURCE: text}))
    cycle = next(c for c in changes if c.kind == ChangeKind.UPDATE_CYCLE_CHANGED)
    assert (cycle.old, cycle.new, cycle.restricts) == ("实时", "其他", True)
    assert (ChangeKind.METADATA_CHANGED, "update_note", None, "按季度与省平台同步") in [
        (c.kind, c.field, c.old, c.new) for c in changes
    ]


def test_added_format_and_contact_are_metadata_changes() -> None:
    text = BASE[RESOURCE] + "other_formats:\n  - category: 电子文件\n    type: csv\ncontact:\n  phone: 0391-1\n"
    found = _fields(text)
    assert (ChangeKind.METADATA_CHANGED, "other_formats", None, '{"category": "电子文件", "type": "csv"}') in found
    assert (ChangeKind.METADATA_CHANGED, "contact", None, '{"phone": "0391-1"}') in found


TREE = """nodes:
  - code: "1"
    name: 基础信息资源
    children:
      - code: "101"
        name: 人口基础信息资源
        synonyms: [人口]
"""


def test_classification_tree_changes_are_registry_changes_by_code_chain() -> None:
    old = catalog({"registry/classification.yaml": TREE})
    new = catalog(
        {
            "registry/classification.yaml": TREE.replace("synonyms: [人口]", "synonyms: [人口, 人口库]")
            + '      - code: "102"\n        name: 法人单位基础信息资源\n'
        }
    )
    changes = semantic_diff(old, new)
    assert [(c.kind, c.subject, c.field, c.old, c.new) for c in changes] == [
        (ChangeKind.CLASSIFICATION_CHANGED, "1/101", "synonyms", "人口", "人口、人口库"),
        (ChangeKind.CLASSIFICATION_CHANGED, "1/102", "node", None, "法人单位基础信息资源"),
    ]
    assert changes[0].pointer == ("nodes", 0, "children", 0, "synonyms")
