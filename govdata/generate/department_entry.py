"""A new entry of the department registry, appended without touching the entries or comments above it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from govdata.i18n import Text
from govdata.identifiers.uscc import validate_uscc
from govdata.io.edit import append, load_for_edit, quoted
from govdata.io.roundtrip import dump_round_trip


@dataclass(frozen=True)
class NewDepartment:
    code: str
    name: str
    slug: str
    kind: str = "政府部门"
    roles: tuple[str, ...] = ("数据生产部门", "数据应用部门")
    catalog_code: str | None = None
    maintainers: tuple[str, ...] = field(default=())


def next_catalog_code(entries: list[Any]) -> str:
    used = [int(e["catalog_code"]) for e in entries if isinstance(e, dict) and str(e.get("catalog_code", "")).isdigit()]
    return f"{max(used, default=0) + 1:03d}"


def problems_with(entry: NewDepartment, entries: list[Any]) -> list[Text]:
    """Why ``entry`` cannot join the registry: an invalid code, or a code, name, folder or catalog code in use."""
    found = [
        Text(f"统一社会信用代码“{entry.code}”无效：{p.zh}", f"invalid USCC {entry.code!r}: {p.en}")
        for p in validate_uscc(entry.code)
    ]
    for key, value, word in (
        ("code", entry.code, Text("统一社会信用代码", "code")),
        ("name", entry.name, Text("部门名称", "name")),
        ("slug", entry.slug, Text("目录文件夹名", "folder")),
        ("catalog_code", entry.catalog_code, Text("部门目录编码", "catalog code")),
    ):
        holder = next(
            (e for e in entries if isinstance(e, dict) and value is not None and str(e.get(key)) == value), None
        )
        if holder is not None:
            found.append(
                Text(
                    f"{word.zh}“{value}”已由“{holder.get('name')}”使用",
                    f"{word.en} {value!r} is already used by {holder.get('name')}",
                )
            )
    return found


def registry_with(text: str, entry: NewDepartment) -> str:
    """The registry text with ``entry`` appended as the last department."""
    tree = load_for_edit(text)
    departments = tree["departments"]
    data = CommentedMap(
        [
            ("code", entry.code),
            ("name", entry.name),
            ("slug", entry.slug),
            ("kind", entry.kind),
            ("roles", _flow(list(entry.roles))),
            ("leads", _flow([])),
            ("catalog_code", quoted(entry.catalog_code or "")),
            ("maintainers", _flow([quoted(m) for m in entry.maintainers])),
        ]
    )
    if not entry.maintainers:
        del data["maintainers"]
    append(departments, data)
    return dump_round_trip(tree)


def _flow(values: list[Any]) -> CommentedSeq:
    sequence = CommentedSeq(values)
    sequence.fa.set_flow_style()
    return sequence


__all__ = ["NewDepartment", "next_catalog_code", "problems_with", "registry_with"]
