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
