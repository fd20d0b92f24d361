"""One source record → one resource (a dict in the model's shape) and the events of its values."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from govdata.imports.defaults import ABSTRACT_FROM_NAME, Defaults, leaves
from govdata.imports.events import Action, RecordOutcome, ValueEvent
from govdata.imports.handlers import HANDLERS, Draft, opening
from govdata.imports.labels import IGNORE, Mapping
from govdata.imports.providers import ProviderResolver
from govdata.imports.sources import SourceRecord
from govdata.imports.values import as_text, clean_text
from govdata.model.resource import Resource

DEPARTMENT_CLASS = "部门信息资源"
PENDING_CODE = "PENDING/000000"  # stands in for the code until one is allocated
# Values no listing carries: only the defaults file gives them.
FROM_DEFAULTS_ONLY = ("sharing", "aggregation", "data_subject", "security_level")
# Values listings usually carry: the defaults file fills a record's gap.
FALLBACKS = ("abstract", "format", "update_cycle", "release_date", "opening")
# Sections a source may carry in part (a filled 1272 template has 共享类型): the unrestricted type of each.
ATTRIBUTE_SECTIONS = {"opening": "无条件开放", "sharing": "无条件共享"}
REQUIRED = (
    "name",
    "abstract",
    "provider.code",
    "format",
    "update_cycle",
    "release_date",
    "opening.type",
    "sharing.type",
    "aggregation",
    "data_subject",
    "security_level",
)
FIELD_WORDS = {
    "name": "资源名称",
    "abstract": "摘要",
    "provider.code": "提供方",
    "format": "格式",
    "update_cycle": "更新周期",
    "release_date": "发布日期",
    "opening.type": "开放类型",
    "sharing.type": "共享类型",
    "aggregation": "汇聚属性",
    "data_subject": "数据主体",
    "security_level": "数据安全级别",
}


def empty(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str | list | dict) and not (raw.strip() if isinstance(raw, str) else raw))


def _present(values: dict[str, Any]) -> set[str]:
    """Every field set, and its section: ``sharing.type`` makes both ``sharing`` and ``sharing.type``."""
    return {*values, *(dotted.partition(".")[0] for dotted in values)}


def _nest(flat: dict[str, Any]) -> dict[str, Any]:
    tree: dict[str, Any] = {}
    for dotted, value in flat.items():
        node = tree
        *parents, last = dotted.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    return tree


@dataclass
class Converter:
    mapping: Mapping
    defaults: Defaults
    resolver: ProviderResolver
    code_pattern: Any  # compiled resource_code.pattern

    def __post_init__(self) -> None:
        self._fields: dict[str, str | None] = {}  # label → field, computed once per label

    def _field_of(self, label: str) -> str | None:
        if label not in self._fields:
            self._fields[label] = self.mapping.field_of(label)
        return self._fields[label]

    def convert(self, record: SourceRecord) -> RecordOutcome:
        draft = Draft(self.mapping.namespace)
        grouped: dict[str, list[tuple[str, Any]]] = defaultdict(list)
        for label, raw in record.values.items():
            if empty(raw):
                continue
            target = self._field_of(label)
            if target == IGNORE:
                draft.note(label, raw, None, Action.DROPPED, None, "映射文件指定忽略该标签")
            elif target is None:
                draft.keep(label, raw, Action.UNKNOWN, "标签未映射，原样保留在扩展元数据")
            else:
                grouped[target].append((label, raw))
        tables = self.mapping.normalise
        for target, handler in HANDLERS.items():
            if target in grouped:
                handler(draft, grouped[target], tables.get(target, {}))
        opening(draft, grouped.get("opening", []), grouped.get("opening_condition", []), tables.get("opening", {}))
        self._code(draft, grouped.get("code", []))
        where = f"{record.file}:{record.record}"
        self._provider(draft, grouped.get("provider", []), where)
        self._defaults(draft)
        outcome = RecordOutcome(record.file, record.record)
        order = {label: index for index, label in enumerate(record.values)}
        events = sorted(draft.events, key=lambda e: order.get(e[0], len(order)))
        outcome.events = [ValueEvent(record.file, record.record, *event) for event in events]
        present = _present(draft.values)
        missing = [FIELD_WORDS[f] for f in REQUIRED if f not in present]
        if missing:
            outcome.skipped = f"缺少{'、'.join(missing)}（来源和默认值文件均未提供）"
            # Nothing is written: no default was used.
            outcome.events = [e for e in outcome.events if e.action is not Action.DEFAULTED]
            return outcome
        resource = self._resource(draft)
        try:
            Resource.model_validate({**resource, "code": resource.get("code", PENDING_CODE)})
        except ValidationError as error:
            first = error.errors()[0]
            outcome.skipped = f"不符合数据模型：{'.'.join(str(p) for p in first['loc'])} {first['msg']}"
            return outcome
        outcome.resource = resource
        outcome.department = draft.values["provider.code"]
        return outcome

    def _code(self, draft: Draft, values: list[tuple[str, Any]]) -> None:
        for label, raw in values:
            text = as_text(raw)
            code = "".join(text.split())
            if "code" in draft.values:
                draft.keep(label, raw, Action.MAPPED, "代码已由前一标签取值")
            elif self.code_pattern.fullmatch(code):
                draft.take("code", label, raw, code, text)
            else:
                draft.keep(label, raw, Action.UNKNOWN, "不符合本区域编码规则，另行分配代码；原代码保留在扩展元数据")

    def _provider(self, draft: Draft, values: list[tuple[str, Any]], where: str) -> None:
        district = draft.values.get("district")
        for label, raw in values:
            if "provider.code" in draft.values:
                draft.keep(label, raw, Action.MAPPED, "提供方已由前一标签取值")
                continue
            found = self.resolver.resolve(as_text(raw), district, where)
            if found.code is None:
                if found.how == "空":
                    draft.note(label, raw, "provider", Action.DROPPED, None, "占位文字")
                else:
                    draft.keep(label, raw, Action.UNKNOWN, found.flag or "无法识别的提供方")
                continue
            draft.values["provider.code"], draft.values["provider.name"] = found.code, found.name
            exact = clean_text(raw).value == found.name
            why = (
                None if exact else f"提供方{found.how}" + ("，待补登统一社会信用代码" if found.how == "新部门" else "")
            )
            draft.note(
                label,
                raw,
                "provider",
                Action.MAPPED if exact else Action.NORMALISED,
                None if exact else found.name,
                why,
            )
        if "provider.code" not in draft.values and self.mapping.provider:
            found = self.resolver.resolve(self.mapping.provider, district, where)
            if found.code is not None:
                draft.values["provider.code"], draft.values["provider.name"] = found.code, found.name
                draft.note("映射文件:provider", "", "provider", Action.DEFAULTED, found.name, "来源未给出可用的提供方")

    def _defaults(self, draft: Draft) -> None:
        present = _present(draft.values)
        for key in (*FALLBACKS, *FROM_DEFAULTS_ONLY):
            value = getattr(self.defaults, key)
            if value is None or (key in present and key not in ATTRIBUTE_SECTIONS):
                continue
            if key in ATTRIBUTE_SECTIONS:
                self._attribute_default(draft, key, value)
                continue
            if key == "abstract" and value == ABSTRACT_FROM_NAME:
                if "name" not in draft.values:
                    continue
                value = draft.values["name"]
            for dotted, leaf in leaves(key, value):
                draft.values[dotted] = leaf
                draft.note(f"默认值:{dotted}", "", dotted, Action.DEFAULTED, leaf)

    def _attribute_default(self, draft: Draft, section: str, value: Any) -> None:
        """The whole section where the source has no type; else only what the source's type lacks.

        A source that says 有条件共享 keeps its own condition; the defaults add the legal basis
        (for a restricted type) and the methods, never a condition written for another type.
        """
        unrestricted = ATTRIBUTE_SECTIONS[section]
        source_type = draft.values.get(f"{section}.type")
        for dotted, leaf in leaves(section, value):
            if dotted in draft.values:
                continue
            if source_type is not None and dotted not in (f"{section}.basis", f"{section}.methods"):
                continue
            if dotted.endswith(".basis") and (source_type or value.type) == unrestricted:
                continue
            draft.values[dotted] = leaf
            draft.note(f"默认值:{dotted}", "", dotted, Action.DEFAULTED, leaf)

    def _resource(self, draft: Draft) -> dict[str, Any]:
        values = dict(draft.values)
        values["classification.class"] = DEPARTMENT_CLASS
        values["classification.group"] = f"{values['provider.name']}政务数据目录"
        tree = _nest(values)
        if draft.extensions:
            tree["extensions"] = dict(draft.extensions)
        return tree
