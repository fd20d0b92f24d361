"""One handler per field: source values in, the field's value and one event per value out."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from govdata.imports.events import Action
from govdata.imports.tables import (
    OPENING_SEE_CONDITION_FOLDED,
    OPENING_TYPES_FOLDED,
    SHARING_METHODS_FOLDED,
    SHARING_TYPES_FOLDED,
    folded,
    is_placeholder,
    spelling_key,
)
from govdata.imports.values import (
    EMAIL,
    URL,
    as_text,
    clean_text,
    opening_from_condition,
    parse_bytes,
    parse_count,
    parse_cycle,
    parse_date,
    parse_formats,
)
from govdata.model.patterns import SPACE

_SPACE_ENDS = re.compile(f"^[{SPACE}]+|[{SPACE}]+$")
_SPACE_RUN = re.compile(f"[{SPACE}]+")


@dataclass(slots=True)
class Draft:
    """The resource being built from one record, and what happened to each value."""

    namespace: str
    values: dict[str, Any] = field(default_factory=dict)  # dotted field → value
    extensions: dict[str, Any] = field(default_factory=dict)
    events: list[tuple[str, str, str | None, Action, str | None, str | None]] = field(default_factory=list)
    # (label, value, field, action, to, note)

    def note(
        self, label: str, raw: Any, target: str | None, action: Action, to: Any = None, why: str | None = None
    ) -> None:
        shown = None if to is None else (to if isinstance(to, str) else as_text(to))
        self.events.append((label, as_text(raw), target, action, shown, why))

    def extension_key(self, label: str) -> str:
        """``<namespace>:<label>``, the label's white space (a portal's "浏 览量", a BOM before a
        CSV's first header) dropped at its ends and written ``_`` inside: an extension key holds
        none (the schema's and the model's pattern), and a record must not be refused for its
        header. The loss report shows the label as written beside the key."""
        name = _SPACE_RUN.sub("_", _SPACE_ENDS.sub("", label))
        return f"{self.namespace}:{name or '_'}"

    def keep(self, label: str, raw: Any, action: Action, why: str) -> None:
        """Keep a value no field takes under ``extensions`` (nothing is lost), and say why."""
        key = self.extension_key(label)
        self.extensions[key] = clean_text(raw, one_line=False).value
        self.note(label, raw, f"extensions.{key}", action, None, why)

    def take(self, target: str, label: str, raw: Any, value: Any, source_text: str | None = None) -> None:
        """Set ``target`` to ``value``: mapped when the source wrote exactly that, else normalised."""
        self.values[target] = value
        exact = (as_text(raw).strip() if source_text is None else source_text) == str(value)
        self.note(label, raw, target, Action.MAPPED if exact else Action.NORMALISED, None if exact else value)

    def set_text(self, target: str, label: str, raw: Any, *, one_line: bool = True) -> bool:
        cleaned = clean_text(raw, one_line=one_line)
        if is_placeholder(cleaned.value):
            self.note(label, raw, target, Action.DROPPED, None, "占位文字")
            return False
        self.values[target] = cleaned.value
        if cleaned.note:
            self.note(label, raw, target, Action.NORMALISED, cleaned.value, cleaned.note)
        else:
            self.note(label, raw, target, Action.MAPPED)
        return True


Values = list[tuple[str, Any]]  # (label, raw) of every label mapped to the field, in source order
Handler = Callable[[Draft, Values, dict[str, str]], None]


def _first_then_keep(handle: Callable[[Draft, str, Any, dict[str, str]], bool]) -> Handler:
    """Run ``handle`` on each value until one sets the field; keep later ones as extensions."""

    def run(draft: Draft, values: Values, table: dict[str, str]) -> None:
        done = False
        for label, raw in values:
            if done:
                draft.keep(label, raw, Action.MAPPED, "同一字段已由前一标签取值，本值保留在扩展元数据")
            else:
                done = handle(draft, label, raw, table)

    return run


def _text(target: str, one_line: bool = True) -> Handler:
    return _first_then_keep(lambda d, label, raw, _t: d.set_text(target, label, raw, one_line=one_line))


def _cycle(draft: Draft, label: str, raw: Any, table: dict[str, str]) -> bool:
    cycle = parse_cycle(raw, table)
    if cycle.cycle is None:
        draft.keep(label, raw, Action.UNKNOWN, "无法识别的更新周期")
        return False
    draft.values["update_cycle"] = cycle.cycle
    if cycle.note:
        draft.values["update_note"] = cycle.note
    shown = cycle.cycle + (f"；更新说明：{cycle.note}" if cycle.note else "")
    why = f"更新说明“{cycle.note_dropped}”为占位文字，已舍弃" if cycle.note_dropped else None
    if as_text(raw).strip() == cycle.cycle:
        draft.note(label, raw, "update_cycle", Action.MAPPED)
    else:
        draft.note(label, raw, "update_cycle", Action.NORMALISED, shown, why)
    return True


def _formats(draft: Draft, label: str, raw: Any, table: dict[str, str]) -> bool:
    parsed = parse_formats(raw, table)
    if not parsed.found:
        draft.keep(label, raw, Action.UNKNOWN, "无法识别的格式")
        return False
    entries = [{"category": c, **({"type": t} if t else {})} for c, t in parsed.found]
    draft.values["format"] = entries[0]
    if len(entries) > 1:
        draft.values["other_formats"] = entries[1:]
    shown = "、".join(f"{c}-{t}" if t else c for c, t in parsed.found)
    why = f"未识别的部分：{'、'.join(parsed.unknown)}（原值保留在扩展元数据）" if parsed.unknown else None
    if parsed.unknown:
        draft.extensions[draft.extension_key(label)] = as_text(raw)
    draft.note(label, raw, "format", Action.NORMALISED, shown, why)
    return True


def _split_list(target: str) -> Handler:
    def run(draft: Draft, values: Values, _table: dict[str, str]) -> None:
        found: list[str] = list(draft.values.get(target, []))
        for label, raw in values:
            parts = raw if isinstance(raw, list) else re.split(r"[,，、;；|\n\t]+", as_text(raw))
            kept = [clean_text(p).value for p in parts]
            kept = [p for p in kept if p and not is_placeholder(p)]
            if not kept:
                draft.note(label, raw, target, Action.DROPPED, None, "占位文字")
                continue
            new = [p for p in kept if p not in found]
            found.extend(new)
            exact = isinstance(raw, list) or as_text(raw).strip() == kept[0] and len(kept) == 1
            draft.note(
                label, raw, target, Action.MAPPED if exact else Action.NORMALISED, None if exact else "、".join(kept)
            )
        if found:
            draft.values[target] = found

    return run


def _checked(target: str, pattern: re.Pattern[str], what: str) -> Handler:
    def handle(draft: Draft, label: str, raw: Any, _table: dict[str, str]) -> bool:
        text = clean_text(raw).value
        if is_placeholder(text):
            draft.note(label, raw, target, Action.DROPPED, None, "占位文字")
            return False
        if not pattern.match(text):
            draft.keep(label, raw, Action.UNKNOWN, f"不是有效的{what}")
            return False
        draft.values[target] = text
        draft.note(
            label,
            raw,
            target,
            Action.MAPPED if text == as_text(raw) else Action.NORMALISED,
            text if text != as_text(raw) else None,
        )
        return True

    return _first_then_keep(handle)


def _parsed(
    target: str, parse: Callable[[Any], Any], what: str, written: Callable[[Any], Any] = lambda v: v
) -> Handler:
    """A value read by ``parse`` (a date, a count); what it cannot read is kept and reported."""

    def handle(draft: Draft, label: str, raw: Any, _table: dict[str, str]) -> bool:
        if is_placeholder(as_text(raw)):
            draft.note(label, raw, target, Action.DROPPED, None, "占位文字")
            return False
        parsed = parse(raw)
        if parsed is None:
            draft.keep(label, raw, Action.UNKNOWN, f"无法识别的{what}")
            return False
        draft.take(target, label, raw, written(parsed))
        return True

    return _first_then_keep(handle)


_INDUSTRY = re.compile(r"^(?P<code>[A-T](?:\d{2}(?:\d{1,2})?)?)[\s\-:：、.]*(?P<name>.*)$")


def _industry(draft: Draft, label: str, raw: Any, _table: dict[str, str]) -> bool:
    text = clean_text(raw).value
    if is_placeholder(text):
        draft.note(label, raw, "industry", Action.DROPPED, None, "占位文字")
        return False
    match = _INDUSTRY.match(text)
    if match and match.group("name"):
        draft.values["industry"] = {"code": match.group("code"), "name": match.group("name")}
        draft.note(label, raw, "industry", Action.NORMALISED, f"{match.group('code')} {match.group('name')}")
    else:
        draft.values["industry"] = {"name": text}
        draft.note(label, raw, "industry.name", Action.MAPPED if text == as_text(raw) else Action.NORMALISED)
    return True


def _extension(name: str) -> Handler:
    """A concept the model has no field for (theme): kept under extensions by its concept name."""

    def run(draft: Draft, values: Values, _table: dict[str, str]) -> None:
        for label, raw in values:
            text = clean_text(raw).value
            if is_placeholder(text):
                draft.note(label, raw, f"extensions.{draft.extension_key(name)}", Action.DROPPED, None, "占位文字")
                continue
            key = draft.extension_key(name)
            draft.extensions.setdefault(key, text)
            draft.note(
                label,
                raw,
                f"extensions.{key}",
                Action.MAPPED if text == as_text(raw) else Action.NORMALISED,
                None if text == as_text(raw) else text,
            )

    return run


def opening(draft: Draft, types: Values, conditions: Values, table: dict[str, str]) -> None:
    """开放类型 and 开放条件 together: the type from its spelling, or read from the condition."""
    lookup = {**OPENING_TYPES_FOLDED, **folded(table)} if table else OPENING_TYPES_FOLDED
    chosen: str | None = None
    deferred: list[tuple[str, Any]] = []
    for label, raw in types:
        key = spelling_key(clean_text(raw).value)
        if chosen is not None:
            draft.keep(label, raw, Action.MAPPED, "开放类型已由前一标签取值，本值保留在扩展元数据")
        elif key in lookup:
            chosen = lookup[key]
            exact = as_text(raw).strip() == chosen
            draft.note(
                label, raw, "opening.type", Action.MAPPED if exact else Action.NORMALISED, None if exact else chosen
            )
        elif key in OPENING_SEE_CONDITION_FOLDED or is_placeholder(key):
            deferred.append((label, raw))
        else:
            draft.keep(label, raw, Action.UNKNOWN, "无法识别的开放类型")
    for label, raw in conditions:
        text = clean_text(raw).value
        if is_placeholder(text):
            draft.note(label, raw, "opening.condition", Action.DROPPED, None, "占位文字")
            continue
        read = opening_from_condition(text)
        if chosen is None and read is not None:
            chosen = read
            if read == "有条件开放":
                draft.values["opening.condition"] = text
            else:
                draft.extensions[draft.extension_key(label)] = text
            draft.note(label, raw, "opening.type", Action.NORMALISED, read, "由开放条件读出开放类型")
        elif chosen == "有条件开放" and "opening.condition" not in draft.values:
            draft.values["opening.condition"] = text
            draft.note(label, raw, "opening.condition", Action.MAPPED)
        elif chosen is not None:
            draft.keep(label, raw, Action.MAPPED, f"开放类型为{chosen}，开放条件原样保留在扩展元数据")
        else:
            draft.keep(label, raw, Action.UNKNOWN, "开放条件中读不出开放类型")
    for label, raw in deferred:
        if is_placeholder(as_text(raw)):
            draft.note(label, raw, "opening.type", Action.DROPPED, None, "占位文字")
        elif chosen is not None:
            draft.note(label, raw, "opening.type", Action.NORMALISED, chosen, "类型取自开放条件")
        else:
            draft.keep(label, raw, Action.UNKNOWN, "“可开放”须看开放条件，但开放条件中读不出开放类型")
    if chosen is not None:
        draft.values["opening.type"] = chosen


def _sharing_type(draft: Draft, label: str, raw: Any, table: dict[str, str]) -> bool:
    text = clean_text(raw).value
    lookup = {**SHARING_TYPES_FOLDED, **folded(table)} if table else SHARING_TYPES_FOLDED
    found = lookup.get(spelling_key(text))
    if found is None:
        draft.keep(label, raw, Action.UNKNOWN, "无法识别的共享类型")
        return False
    draft.take("sharing.type", label, raw, found, text)
    return True


def _sharing_methods(draft: Draft, values: Values, table: dict[str, str]) -> None:
    lookup = {**SHARING_METHODS_FOLDED, **folded(table)} if table else SHARING_METHODS_FOLDED
    found: list[str] = []
    for label, raw in values:
        tokens = [t for t in re.split(r"[,，、;；|\s]+", clean_text(raw).value) if t]
        # 共享平台-接口, 共享平台方式/文件: the type follows the category.
        known = [lookup.get(spelling_key(re.split(r"[-:：/]", t)[-1])) for t in tokens]
        if not any(known):
            draft.keep(label, raw, Action.UNKNOWN, "无法识别的共享方式")
            continue
        found.extend(m for m in known if m and m not in found)
        missed = [t for t, m in zip(tokens, known, strict=True) if m is None]
        if missed:
            draft.extensions[draft.extension_key(label)] = as_text(raw)
        why = f"未识别的部分：{'、'.join(missed)}（原值保留在扩展元数据）" if missed else None
        draft.note(label, raw, "sharing.methods", Action.NORMALISED, "、".join(found), why)
    if found:
        draft.values["sharing.methods"] = found


HANDLERS: dict[str, Handler] = {
    "name": _text("name"),
    "abstract": _text("abstract", one_line=False),
    "release_date": _parsed("release_date", parse_date, "日期", lambda day: day.isoformat()),
    "last_updated": _parsed("last_updated", parse_date, "日期", lambda day: day.isoformat()),
    "update_cycle": _first_then_keep(_cycle),
    "format": _first_then_keep(_formats),
    "keywords": _split_list("keywords"),
    "scenes": _split_list("scenes"),
    "theme": _extension("主题"),
    "national_theme": _extension("国家主题分类"),
    "industry": _first_then_keep(_industry),
    "contact.phone": _text("contact.phone"),
    "contact.email": _checked("contact.email", EMAIL, "电子邮箱"),
    "contact.person": _text("contact.person"),
    "data_volume.records": _parsed("data_volume.records", parse_count, "数据量"),
    "data_volume.bytes": _parsed("data_volume.bytes", parse_bytes, "存储量"),
    "district": _text("district"),
    "version": _text("version"),
    "detail_url": _checked("detail_url", URL, "网址"),
    "source_system": _text("source_system"),
    "sharing.type": _first_then_keep(_sharing_type),
    "sharing.condition": _text("sharing.condition", one_line=False),
    "sharing.methods": _sharing_methods,
}
