"""Resolving a listing's provider text to a registered department, or to a new one to register.

Real provider texts: full names, names without a place (市统计局, 县市场监管局), names with a
place decoration (【台州市】…, 衢州市-…), places that are not departments (大竹县, 高新区) and
account names (地区管理员). Resolution tries the registry's names and aliases, then the name
without its place, then the name with the instance's region or the record's district put in
front. A name that is a place or an account is flagged, never registered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from govdata.identifiers.uscc import make_uscc
from govdata.imports.tables import is_placeholder
from govdata.imports.values import clean_text
from govdata.model.catalog import Catalog

_DECORATION = re.compile(r"^[【\[（(]\s*(?P<place>[^】\])）]+?)\s*[】\])）]\s*")
_DASHED = re.compile(r"^(?P<place>[\u4e00-\u9fff]{2,12}?(?:省|市|县|区|州|盟|旗))\s*[-－—_·:：]\s*")
_PLACE_ONLY = re.compile(
    r"^[\u4e00-\u9fff]{1,12}(?:省|市|县|区|镇|乡|街道|新区|高新区|开发区|示范区|自治州|自治县|州|旗)$"
)
_DEPARTMENT_WORDS = re.compile(
    r"局|委|办|厅|院|所|中心|队|会|站|公司|部|署|处|馆|室|社|台|组|团|行|集团|银行|法院|检察"
)
_ACCOUNT = re.compile(r"管理员|admin|账号|用户名", re.IGNORECASE)
_LEADING_LEVEL = re.compile(r"^(市|区|县|省|州|镇|乡)")


@dataclass(frozen=True, slots=True)
class Provider:
    code: str | None  # the registry code (placeholder for a new department); None: unresolved
    name: str | None  # the registered (or to-be-registered) name
    how: str  # 登记名称 / 别名 / 去除地名 / 补全地名 / 新部门 / 地名 / 账号 / 空
    flag: str | None = None  # why it cannot be a provider


@dataclass(slots=True)
class NewDepartment:
    code: str
    name: str
    slug: str
    catalog_code: str
    first_seen: str  # file:record


@dataclass(slots=True)
class ProviderResolver:
    """Resolves provider texts for one import run; remembers the departments it had to add."""

    catalog: Catalog
    new: dict[str, NewDepartment] = field(default_factory=dict)
    _index: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # key → (code, name, how)
    _core: dict[str, tuple[str, str]] = field(default_factory=dict)  # name without region → (code, name)

    def __post_init__(self) -> None:
        region = self.catalog.config.region.name
        for department in self.catalog.departments:
            self._index.setdefault(department.name, (department.code, department.name, "登记名称"))
            for alias in department.aliases:
                self._index.setdefault(alias, (department.code, department.name, "别名"))
            core = _strip_region(department.name, region)
            if core != department.name:
                self._core.setdefault(core, (department.code, department.name))

    def resolve(self, raw: str, district: str | None, where: str) -> Provider:
        text = clean_text(raw).value
        if not text or is_placeholder(text):
            return Provider(None, None, "空", "提供方为空或占位文字")
        found = self._index.get(text)
        if found:
            return Provider(found[0], found[1], found[2])
        place, bare = _split_place(text)
        region = self.catalog.config.region.name
        for candidate in (bare, _strip_region(bare, region), _LEADING_LEVEL.sub("", bare)):
            if candidate in self._index:
                code, name, _ = self._index[candidate]
                return Provider(code, name, "去除地名")
            if candidate in self._core:
                code, name = self._core[candidate]
                return Provider(code, name, "补全地名")
        if _ACCOUNT.search(text):
            return Provider(None, None, "账号", f"“{text}”是平台账号名，不是部门")
        if _PLACE_ONLY.match(bare) and not _DEPARTMENT_WORDS.search(bare):
            return Provider(None, None, "地名", f"“{text}”是地名，不是部门")
        return self._register(_full_name(place, bare, district, region), where)

    def _register(self, name: str, where: str) -> Provider:
        if name in self.new:
            department = self.new[name]
        elif name in self._index:
            code, registered, _ = self._index[name]
            return Provider(code, registered, "补全地名")
        else:
            number = len(self.new) + 1
            department = NewDepartment(
                code=_placeholder_code(self.catalog.config.region.division_code, number),
                name=name,
                slug=_free_slug(self.catalog, number),
                catalog_code=_free_catalog_code(self.catalog, [d.catalog_code for d in self.new.values()]),
                first_seen=where,
            )
            self.new[name] = department
        return Provider(department.code, department.name, "新部门")


def _split_place(text: str) -> tuple[str | None, str]:
    for pattern in (_DECORATION, _DASHED):
        match = pattern.match(text)
        if match:
            return match.group("place"), text[match.end() :].strip()
    return None, text


def _strip_region(name: str, region: str) -> str:
    """``name`` without the region's name or its short forms in front (济源示范区, 济源市, 济源)."""
    short = re.sub(r"(示范区|自治州|自治县|新区|市|县|区|州)$", "", region)
    for prefix in sorted({region, short + "市", short + "县", short + "区", short}, key=len, reverse=True):
        if prefix and name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix) :]
    return name


def _full_name(place: str | None, bare: str, district: str | None, region: str) -> str:
    """The name a new department is registered under: its place in front, as the source gives it."""
    if place:
        return bare if bare.startswith(place) else place + bare
    level = _LEADING_LEVEL.match(bare)
    if level and district and district.endswith(level.group(1)):
        return district + bare[1:]
    if level and _strip_region(bare, region) == bare:
        return region + bare[1:]
    return bare


def _placeholder_code(division: str, number: int) -> str:
    # Y (其他) 1, the region, and PH (placeholder) + a serial: valid by GB 32100 so that the only
    # finding is the one that matters: needs_uscc (GD014).
    try:
        return make_uscc("Y", "1", division, f"PH{number:06d}")
    except ValueError:
        return make_uscc("Y", "1", "110000", f"PH{number:06d}")


def _free_slug(catalog: Catalog, number: int) -> str:
    used = {d.slug for d in catalog.departments}
    candidate = f"import-{number:03d}"
    while candidate in used:
        number += 1000
        candidate = f"import-{number:03d}"
    return candidate


def _free_catalog_code(catalog: Catalog, taken: list[str]) -> str:
    codes = [d.catalog_code for d in catalog.departments if d.catalog_code] + taken
    numeric = [int(c) for c in codes if c.isdigit()]
    width = max([3, *(len(c) for c in codes)])
    following = max(numeric, default=0) + 1
    return str(following).zfill(width)
