"""Review levels: who must approve a change, and whether it breaks what others rely on.

- ``department``: the owning department's review suffices (its own metadata and items).
- ``authority``: the data authority must approve — any change of a sharing or opening type,
  basis or terms; a resource entering, leaving or changing department in the zone catalog;
  the registries, the configuration, schemas and CI files; grant decisions, and any edit of a
  grant that is no longer a pending request (申请中): its items, resource, method, scenario,
  duty basis, period or conditions are what the authority approved (Art. 7, 9, 17, 19, 33,
  36, 40). Fail closed: a file that cannot be read or compared (fails its schema on either
  side, a symlink, a kind govdata does not know) needs the authority too, and counts as
  breaking since nobody can tell what it removes.
- ``breaking`` (on top of either level): the change removes or restricts something that an
  active grant (status 已批准, or 已暂停 since it may be resumed) or a published catalog relies on. A resource is *published*
  when at the base revision it is shared (sharing type other than 不予共享) or open (opening
  type other than 不予开放): it is then in the share catalog (Art. 33) or the open catalog
  (Art. 40) and consumers may depend on its items and attributes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from govdata.gitops.changes import Change, ChangeKind
from govdata.i18n import Text
from govdata.model.catalog import Catalog
from govdata.model.grant import IN_FORCE, INITIAL
from govdata.model.resource import Resource


class Level(StrEnum):
    DEPARTMENT = "department"
    AUTHORITY = "authority"


@dataclass(frozen=True, slots=True)
class Review:
    level: Level
    breaking: bool = False
    reason: Text | None = None  # why the authority must approve
    articles: tuple[str, ...] = ()
    relied_on: tuple[Text, ...] = ()  # what relies on what this change removes or restricts


_SHARING = (
    Text(
        "共享属性由数据主管部门审核，并据以发布共享目录",
        "the authority reviews sharing attributes and publishes the share catalog",
    ),
    ("Art. 14", "Art. 32", "Art. 33"),
)
_OPENING = (
    Text(
        "开放属性由数据主管部门审核，并据以发布开放目录",
        "the authority reviews opening attributes and publishes the open catalog",
    ),
    ("Art. 38", "Art. 39", "Art. 40"),
)
_CATALOG = (
    Text(
        "信息资源的增删和提供方变更由数据主管部门审核、汇总全区目录",
        "the authority reviews and compiles the zone catalog",
    ),
    ("Art. 17", "Art. 19"),
)
_REGISTRY = (
    Text("名录与实例配置由数据主管部门维护", "the authority keeps the registries and the configuration"),
    ("Art. 4", "Art. 17"),
)
_GRANT = (
    Text("是否共享及共享方式由数据主管部门决定", "the authority decides whether and how data is shared"),
    ("Art. 7", "Art. 9", "Art. 36"),
)
_APPROVED_GRANT = (
    Text(
        "已获批（或已结束）的共享授权的内容由数据主管部门决定，申请部门不能自行修改",
        "the authority decided this grant; the applicant may not change what was approved",
    ),
    ("Art. 7", "Art. 9", "Art. 36"),
)
_UNREADABLE = (
    Text(
        "无法读取或比较此文件，按最严格的审批处理：所属部门和数据主管部门均须批准",
        "the file cannot be read or compared, so it needs the strictest approval: its owner and the authority",
    ),
    ("Art. 4",),
)
_UNKNOWN_EFFECT = Text("无法判断此变更影响什么", "what this change affects cannot be determined")
_CASE = (
    Text(
        "办理事项只追加记录；删除事项、改写已有记录或事项内容须经数据主管部门同意，由数据主管部门记录的事件亦然",
        "cases are append-only: removing one, rewriting its record or header, and the events the authority "
        "records need the authority",
    ),
    ("Art. 8", "Art. 19", "Art. 24", "Art. 40", "Art. 41", "Art. 55"),
)
_FILES = (
    Text("数据规范、CI 与仓库文件由数据主管部门维护", "the authority keeps schemas, CI and repository files"),
    ("Art. 4",),
)

AUTHORITY_KINDS: dict[ChangeKind, tuple[Text, tuple[str, ...]]] = {
    ChangeKind.RESOURCE_ADDED: _CATALOG,
    ChangeKind.RESOURCE_REMOVED: _CATALOG,
    ChangeKind.PROVIDER_CHANGED: _CATALOG,
    ChangeKind.SHARING_LOOSENED: _SHARING,
    ChangeKind.SHARING_TIGHTENED: _SHARING,
    ChangeKind.SHARING_BASIS_CHANGED: _SHARING,
    ChangeKind.SHARING_TERMS_CHANGED: _SHARING,
    ChangeKind.OPENING_LOOSENED: _OPENING,
    ChangeKind.OPENING_TIGHTENED: _OPENING,
    ChangeKind.OPENING_BASIS_CHANGED: _OPENING,
    ChangeKind.OPENING_TERMS_CHANGED: _OPENING,
    ChangeKind.DEPARTMENT_ADDED: _REGISTRY,
    ChangeKind.DEPARTMENT_REMOVED: _REGISTRY,
    ChangeKind.DEPARTMENT_CHANGED: _REGISTRY,
    ChangeKind.LEGAL_BASIS_ADDED: _REGISTRY,
    ChangeKind.LEGAL_BASIS_REMOVED: _REGISTRY,
    ChangeKind.LEGAL_BASIS_CHANGED: _REGISTRY,
    ChangeKind.CONFIG_CHANGED: _REGISTRY,
    ChangeKind.CLASSIFICATION_CHANGED: _REGISTRY,
    ChangeKind.GRANT_DECIDED: _GRANT,
    ChangeKind.GRANT_REMOVED: _GRANT,
    ChangeKind.FILE_INVALID: _UNREADABLE,
    ChangeKind.FILE_UNREADABLE: _UNREADABLE,
    ChangeKind.CASE_CHANGED: _CASE,
    ChangeKind.CASE_REMOVED: _CASE,
}
# Changes whose effect cannot be judged: breaking, whatever relies on what.
UNJUDGED_KINDS = frozenset({ChangeKind.FILE_INVALID, ChangeKind.FILE_UNREADABLE})
_PUBLISHED = Text("已发布的共享/开放目录", "the published share/open catalog")


def _folder(path: str | None) -> str:
    return "/".join((path or "").split("/")[:2])


def active_grants(catalog: Catalog) -> list[tuple[str, str, tuple[str, ...]]]:
    """``(grant id, resource code, item names)`` of each grant in force (已批准, or 已暂停 since it may resume)."""
    return [
        (d.model.id, d.model.resource, tuple(d.model.item_names()))
        for d in catalog.grants
        if d.model.status in IN_FORCE
    ]


def is_published(resource: Resource) -> bool:
    """Shared or open: in the share or open catalog, so consumers may rely on it."""
    return resource.sharing.type != "不予共享" or resource.opening.type != "不予开放"


def _relied_on(
    change: Change,
    base: Catalog,
    grants: Iterable[tuple[str, str, tuple[str, ...]]],
    published: Mapping[str, bool],
) -> tuple[Text, ...]:
    reliance: list[Text] = []
    if change.kind in UNJUDGED_KINDS or change.kind is ChangeKind.FILE_CHANGED:
        return ()
    if change.subject in published:
        in_catalog = published[change.subject]
    else:
        resource = base.resource(change.subject)
        in_catalog = resource is not None and is_published(resource)
    if in_catalog:
        reliance.append(_PUBLISHED)
    # For an item change, a grant relies on it if it lists that item (by its old name) or no items at all.
    item = change.old if change.kind in (ChangeKind.ITEM_RENAMED, ChangeKind.ITEM_REMOVED) else change.item
    for grant_id, code, items in grants:
        if code == change.subject and (item is None or not items or item in items):
            reliance.append(Text(f"共享授权 {grant_id}", f"grant {grant_id}"))
    return tuple(reliance)


def _grant_status(base: Catalog, grant_id: str) -> str | None:
    return next((d.model.status for d in base.grants if d.model.id == grant_id), None)


def review(
    change: Change,
    base: Catalog,
    *,
    grants: list[tuple[str, str, tuple[str, ...]]] | None = None,
    department_owns: Callable[[str], bool] = lambda path: False,
    published: Mapping[str, bool] | None = None,
) -> Review:
    """The review ``change`` needs, judged against the ``base`` revision's catalog.

    ``department_owns(path)`` tells whether a department (not the authority) owns a file that
    is no catalog document (a note in ``catalogs/<dept>/``): the department's file of a kind
    govdata cannot read still needs the authority (fail closed), the others are the authority's.
    ``published`` says, by code, whether base resources that ``base`` holds no model of were
    published (a deleted file described by :mod:`govdata.gitops.outline`).
    """
    in_force = active_grants(base) if grants is None else grants
    relied = _relied_on(change, base, in_force, published or {}) if change.restricts else ()
    kind = change.kind
    authority = AUTHORITY_KINDS.get(kind)
    if kind is ChangeKind.RESOURCE_MOVED and _folder(change.old) != _folder(change.new):
        authority = _CATALOG
    if kind is ChangeKind.FILE_CHANGED:
        authority = _UNREADABLE if department_owns(change.path) else _FILES
    if kind is ChangeKind.GRANT_CHANGED and _grant_status(base, change.subject) != INITIAL:
        authority = _APPROVED_GRANT
    if kind in (ChangeKind.CASE_OPENED, ChangeKind.CASE_EVENT_ADDED) and change.department is None:
        authority = _CASE  # the ownership table of govdata.cases gives this event to the authority
    if kind in UNJUDGED_KINDS:
        return Review(Level.AUTHORITY, True, _UNREADABLE[0], _UNREADABLE[1], (_UNKNOWN_EFFECT,))
    if authority is None:
        return Review(Level.DEPARTMENT, bool(relied), relied_on=relied)
    return Review(Level.AUTHORITY, bool(relied), authority[0], authority[1], relied)
