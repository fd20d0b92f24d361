"""What a semantic diff yields: one :class:`Change` per regulatory fact that differs.

A change names its entity by id (resource code, department code, basis id, demand id), the
file and JSON pointer it sits at on one side, and old and new values already rendered as
text. ``restricts`` says whether it removes or narrows something a consumer could rely on;
whether anyone does is for :mod:`govdata.gitops.review` to judge.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from govdata.diagnostics import Pointer
from govdata.gitops.fields import FieldDifference
from govdata.i18n import Text


class Side(StrEnum):
    OLD = "old"
    NEW = "new"


class ChangeKind(StrEnum):
    RESOURCE_ADDED = "resource-added"
    RESOURCE_REMOVED = "resource-removed"
    RESOURCE_MOVED = "resource-moved"
    PROVIDER_CHANGED = "provider-changed"
    SHARING_LOOSENED = "sharing-loosened"
    SHARING_TIGHTENED = "sharing-tightened"
    SHARING_BASIS_CHANGED = "sharing-basis-changed"
    SHARING_TERMS_CHANGED = "sharing-terms-changed"
    OPENING_LOOSENED = "opening-loosened"
    OPENING_TIGHTENED = "opening-tightened"
    OPENING_BASIS_CHANGED = "opening-basis-changed"
    OPENING_TERMS_CHANGED = "opening-terms-changed"
    UPDATE_CYCLE_CHANGED = "update-cycle-changed"
    SECURITY_LEVEL_CHANGED = "security-level-changed"
    METADATA_CHANGED = "metadata-changed"
    ITEM_ADDED = "item-added"
    ITEM_REMOVED = "item-removed"
    ITEM_RENAMED = "item-renamed"
    ITEM_RETYPED = "item-retyped"
    ITEM_CHANGED = "item-changed"
    DEPARTMENT_ADDED = "department-added"
    DEPARTMENT_REMOVED = "department-removed"
    DEPARTMENT_CHANGED = "department-changed"
    LEGAL_BASIS_ADDED = "legal-basis-added"
    LEGAL_BASIS_REMOVED = "legal-basis-removed"
    LEGAL_BASIS_CHANGED = "legal-basis-changed"
    CONFIG_CHANGED = "config-changed"
    CLASSIFICATION_CHANGED = "classification-changed"
    DEMAND_ADDED = "demand-added"
    DEMAND_REMOVED = "demand-removed"
    DEMAND_CHANGED = "demand-changed"
    GRANT_ADDED = "grant-added"
    GRANT_REMOVED = "grant-removed"
    GRANT_CHANGED = "grant-changed"
    GRANT_DECIDED = "grant-decided"
    RESPONSIBILITY_ADDED = "responsibility-added"
    RESPONSIBILITY_REMOVED = "responsibility-removed"
    RESPONSIBILITY_CHANGED = "responsibility-changed"
    CASE_OPENED = "case-opened"
    CASE_EVENT_ADDED = "case-event-added"
    CASE_CHANGED = "case-changed"
    CASE_REMOVED = "case-removed"
    FILE_CHANGED = "file-changed"
    FILE_INVALID = "file-invalid"
    FILE_UNREADABLE = "file-unreadable"  # a symlink or submodule: git holds no file to read


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between two revisions of an instance."""

    kind: ChangeKind
    subject: str  # the entity's id: resource code, department code, basis id, demand or grant id, path
    path: str  # instance-relative file on ``side``
    pointer: Pointer = ()
    side: Side = Side.NEW
    department: str | None = None  # code of the department the change belongs to (None: the authority's)
    item: str | None = None  # information item name (the new name for renames)
    field: str | None = None  # dotted key of the changed field, e.g. ``sharing.condition``
    label: str | None = None  # the field's GB title, e.g. 共享条件
    old: str | None = None
    new: str | None = None
    restricts: bool = False  # removes or narrows something a consumer could rely on

    @classmethod
    def of_field(
        cls, kind: ChangeKind, subject: str, path: str, difference: FieldDifference, department: str | None
    ) -> Change:
        """The change of one field on the new side, as :func:`~govdata.gitops.fields.differences` found it."""
        return cls(
            kind,
            subject,
            path,
            difference.pointer,
            Side.NEW,
            department,
            field=difference.key,
            label=difference.label,
            old=difference.old,
            new=difference.new,
        )

    def sort_key(self) -> tuple[str, str, str]:
        # Stable sort: within one entity, changes keep the order the diff found them in.
        return (self.department or "", self.path, self.subject)


EMPTY = Text("（空）", "(empty)")


def _value(value: str | None) -> Text:
    if value is None or value == "":
        return EMPTY
    short = value if len(value) <= 80 else value[:77] + "…"
    return Text(short, short)


def _field(change: Change) -> Text:
    return Text(change.label or change.field or "", change.field or change.label or "")


def _item(change: Change) -> Text:
    return Text(f"信息项“{change.item}”的", f"item {change.item!r}: ") if change.item else Text("", "")


def describe(change: Change) -> Text:
    """One sentence saying what changed, in both languages."""
    old, new = _value(change.old), _value(change.new)
    kind, subject = change.kind, change.subject
    item, field = _item(change), _field(change)
    # Lambdas: only the sentence of this change is formatted (10,000 changes of an import
    # commit took 0.3 s when each call formatted all forty).
    sentences: dict[ChangeKind, Callable[[], Text]] = {
        ChangeKind.RESOURCE_ADDED: lambda: Text(
            f"新增信息资源 {subject}“{new.zh}”", f"resource {subject} added ({new.en})"
        ),
        ChangeKind.RESOURCE_REMOVED: lambda: Text(
            f"删除信息资源 {subject}“{old.zh}”", f"resource {subject} removed ({old.en})"
        ),
        ChangeKind.RESOURCE_MOVED: lambda: Text(
            f"信息资源 {subject} 由 {old.zh} 移至 {new.zh}", f"resource {subject} moved from {old.en} to {new.en}"
        ),
        ChangeKind.PROVIDER_CHANGED: lambda: Text(
            f"提供方由 {old.zh} 改为 {new.zh}", f"provider changed from {old.en} to {new.en}"
        ),
        ChangeKind.SHARING_LOOSENED: lambda: Text(
            f"{item.zh}共享类型由 {old.zh} 放宽为 {new.zh}", f"{item.en}sharing loosened from {old.en} to {new.en}"
        ),
        ChangeKind.SHARING_TIGHTENED: lambda: Text(
            f"{item.zh}共享类型由 {old.zh} 收紧为 {new.zh}", f"{item.en}sharing tightened from {old.en} to {new.en}"
        ),
        ChangeKind.SHARING_BASIS_CHANGED: lambda: Text(
            f"共享依据由 {old.zh} 改为 {new.zh}", f"sharing basis changed from {old.en} to {new.en}"
        ),
        ChangeKind.OPENING_LOOSENED: lambda: Text(
            f"{item.zh}开放类型由 {old.zh} 放宽为 {new.zh}", f"{item.en}opening loosened from {old.en} to {new.en}"
        ),
        ChangeKind.OPENING_TIGHTENED: lambda: Text(
            f"{item.zh}开放类型由 {old.zh} 收紧为 {new.zh}", f"{item.en}opening tightened from {old.en} to {new.en}"
        ),
        ChangeKind.OPENING_BASIS_CHANGED: lambda: Text(
            f"开放依据由 {old.zh} 改为 {new.zh}", f"opening basis changed from {old.en} to {new.en}"
        ),
        ChangeKind.UPDATE_CYCLE_CHANGED: lambda: Text(
            f"更新周期由 {old.zh} 改为 {new.zh}", f"update cycle changed from {old.en} to {new.en}"
        ),
        ChangeKind.SECURITY_LEVEL_CHANGED: lambda: Text(
            f"数据安全级别由 {old.zh} 改为 {new.zh}", f"security level changed from {old.en} to {new.en}"
        ),
        ChangeKind.ITEM_ADDED: lambda: Text(f"新增信息项“{change.item}”", f"item {change.item!r} added"),
        ChangeKind.ITEM_REMOVED: lambda: Text(f"删除信息项“{change.item}”", f"item {change.item!r} removed"),
        ChangeKind.ITEM_RENAMED: lambda: Text(
            f"信息项“{old.zh}”更名为“{new.zh}”", f"item {old.en!r} renamed to {new.en!r}"
        ),
        ChangeKind.ITEM_RETYPED: lambda: Text(
            f"{item.zh}数据类型由 {old.zh} 改为 {new.zh}", f"{item.en}data type changed from {old.en} to {new.en}"
        ),
        ChangeKind.DEPARTMENT_ADDED: lambda: Text(
            f"部门名录新增 {new.zh}（{subject}）", f"department {new.en} ({subject}) registered"
        ),
        ChangeKind.DEPARTMENT_REMOVED: lambda: Text(
            f"部门名录删除 {old.zh}（{subject}）", f"department {old.en} ({subject}) removed"
        ),
        ChangeKind.LEGAL_BASIS_ADDED: lambda: Text(
            f"法律依据名录新增 {subject}“{new.zh}”", f"legal basis {subject} added ({new.en})"
        ),
        ChangeKind.LEGAL_BASIS_REMOVED: lambda: Text(
            f"法律依据名录删除 {subject}“{old.zh}”", f"legal basis {subject} removed ({old.en})"
        ),
        ChangeKind.DEMAND_ADDED: lambda: Text(
            f"需求清单新增 {subject}“{new.zh}”", f"demand {subject} added ({new.en})"
        ),
        ChangeKind.DEMAND_REMOVED: lambda: Text(
            f"需求清单删除 {subject}“{old.zh}”", f"demand {subject} removed ({old.en})"
        ),
        ChangeKind.GRANT_ADDED: lambda: Text(
            f"新增共享授权申请 {subject}“{new.zh}”", f"grant {subject} requested ({new.en})"
        ),
        ChangeKind.GRANT_REMOVED: lambda: Text(
            f"删除共享授权 {subject}“{old.zh}”", f"grant {subject} removed ({old.en})"
        ),
        ChangeKind.CASE_OPENED: lambda: Text(f"新建办理事项 {subject}“{new.zh}”", f"case {subject} opened ({new.en})"),
        ChangeKind.CASE_EVENT_ADDED: lambda: Text(
            f"办理事项 {subject} 记录“{new.zh}”", f"case {subject}: {new.en} recorded"
        ),
        ChangeKind.CASE_REMOVED: lambda: Text(
            f"删除办理事项 {subject}“{old.zh}”", f"case {subject} removed ({old.en})"
        ),
        ChangeKind.RESPONSIBILITY_ADDED: lambda: Text(
            f"责任清单新增 {subject}“{new.zh}”", f"responsibility for {subject} added ({new.en})"
        ),
        ChangeKind.RESPONSIBILITY_REMOVED: lambda: Text(
            f"责任清单删除 {subject}“{old.zh}”", f"responsibility for {subject} removed ({old.en})"
        ),
        ChangeKind.GRANT_DECIDED: lambda: Text(
            f"共享授权 {subject} 的{field.zh}由 {old.zh} 改为 {new.zh}",
            f"grant {subject}: {field.en} changed from {old.en} to {new.en}",
        ),
        ChangeKind.FILE_INVALID: lambda: Text(
            f"{change.path} 在{'基线' if change.side is Side.OLD else '新'}版本中未通过数据规范校验，无法比较",
            f"{change.path} fails its schema at the {change.side.value} revision and cannot be compared",
        ),
        ChangeKind.FILE_UNREADABLE: lambda: Text(
            f"{change.path} 是{new.zh}，不是普通文件，无法读取",
            f"{change.path} is a {new.en}, not a file govdata can read",
        ),
    }
    if kind in sentences:
        return sentences[kind]()
    if kind is ChangeKind.FILE_CHANGED:
        verb = (
            Text("新增", "added")
            if change.old is None
            else Text("删除", "deleted")
            if change.new is None
            else Text("修改", "changed")
        )
        return Text(f"{verb.zh}文件 {change.path}", f"file {change.path} {verb.en}")
    owner = {
        ChangeKind.DEPARTMENT_CHANGED: lambda: Text(f"部门 {subject} 的", f"department {subject}: "),
        ChangeKind.LEGAL_BASIS_CHANGED: lambda: Text(f"法律依据 {subject} 的", f"legal basis {subject}: "),
        ChangeKind.CONFIG_CHANGED: lambda: Text("实例配置的", "configuration: "),
        ChangeKind.CLASSIFICATION_CHANGED: lambda: Text(f"分类节点 {subject} 的", f"classification node {subject}: "),
        ChangeKind.DEMAND_CHANGED: lambda: Text(f"需求 {subject} 的", f"demand {subject}: "),
        ChangeKind.GRANT_CHANGED: lambda: Text(f"共享授权 {subject} 的", f"grant {subject}: "),
        ChangeKind.CASE_CHANGED: lambda: Text(f"办理事项 {subject} 的", f"case {subject}: "),
        ChangeKind.RESPONSIBILITY_CHANGED: lambda: Text(f"责任清单中 {subject} 的", f"responsibility for {subject}: "),
    }.get(kind, lambda: item)()
    return Text(
        f"{owner.zh}{field.zh}由 {old.zh} 改为 {new.zh}", f"{owner.en}{field.en} changed from {old.en} to {new.en}"
    )
