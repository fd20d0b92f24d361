"""Writing imported resources and new departments: house YAML style, atomic, never over a file.

New resource files are written block by block, each scalar quoted by libyaml (the round-trip
writer serves ~18 files/s, far too slow for 90,000 new files, and a new file has no comments to
keep), in the layout ``govdata fmt`` produces: sequences indented under their key, keys in the
model's order. Files are written by a few threads: each atomic write waits on its fsync. The department
registry, which has comments, is edited through the round-trip helpers of :mod:`govdata.io`.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

from govdata.fmt.canonical import format_text
from govdata.imports.providers import NewDepartment
from govdata.io.edit import load_for_edit
from govdata.io.roundtrip import dump_round_trip
from govdata.model.kinds import DEPARTMENTS, resource_file_name
from govdata.rules.gd005_schema_modeline import modeline_for

# libyaml's emitter when PyYAML has it (as fastyaml reads with libyaml); Python's otherwise.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _scalar(value: Any) -> str:
    """One scalar as libyaml writes it (plain where it can, quoted where it must)."""
    if isinstance(value, str) and ("\n" in value or "\r" in value):
        return json.dumps(value, ensure_ascii=False)  # a double-quoted YAML scalar, on one line
    text: str = yaml.dump(value, Dumper=_DUMPER, allow_unicode=True, width=4096)
    return text.removesuffix("\n...\n").rstrip("\n")


def _block(mapping: dict[str, Any], indent: str, lines: list[str]) -> None:
    """``mapping`` in block style, list items indented under their key, as ``govdata fmt`` writes."""
    for key, value in mapping.items():
        head = f"{indent}{_scalar(key)}:"
        if isinstance(value, dict) and value:
            lines.append(head)
            _block(value, indent + "  ", lines)
        elif isinstance(value, list) and value:
            lines.append(head)
            for item in value:
                if isinstance(item, dict) and item:
                    nested: list[str] = []
                    _block(item, indent + "    ", nested)
                    lines.append(f"{indent}  - {nested[0].lstrip()}")
                    lines.extend(nested[1:])
                else:
                    lines.append(f"{indent}  - {_scalar(item)}")
        else:
            lines.append(f"{head} {_scalar(value)}")


def _ordered(resource: dict[str, Any]) -> dict[str, Any]:
    from govdata.model.resource import Resource

    return Resource.model_validate(resource).model_dump(mode="json", by_alias=True, exclude_defaults=True)


def resource_text(path: str, resource: dict[str, Any], origin: str) -> str:
    """The file text of one imported resource, its modeline first and its origin in a comment."""
    lines = [modeline_for(path), f"# 由 govdata import 导入：{origin}"]
    _block(_ordered(resource), "", lines)
    return "\n".join(lines) + "\n"


def resource_path(slug: str, code: str) -> str:
    return f"catalogs/{slug}/{resource_file_name(code)}"


def registry_text(current: str, departments: list[NewDepartment], division_note: str) -> str:
    """registry/departments.yaml with ``departments`` appended (comments kept), each marked needs_uscc."""
    tree = load_for_edit(current)
    entries = tree["departments"]
    for department in departments:
        entries.append(
            {
                "code": department.code,
                "name": department.name,
                "slug": department.slug,
                "kind": "政府部门",
                "roles": ["数据生产部门"],
                "catalog_code": department.catalog_code,
                "needs_uscc": True,
            }
        )
        entries.yaml_set_comment_before_after_key(
            len(entries) - 1,
            before=f"由 govdata import 登记（首见于 {department.first_seen}）；{division_note}",
            indent=2,
        )
    text = dump_round_trip(tree)
    formatted = format_text(DEPARTMENTS_PATH, text, DEPARTMENTS)
    return formatted if isinstance(formatted, str) else text


DEPARTMENTS_PATH = "registry/departments.yaml"
