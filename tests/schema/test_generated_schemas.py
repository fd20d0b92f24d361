"""The published schemas: fresh, valid Draft 2020-12, and GB-style on every property."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from govdata.cli.generated import stale_files
from govdata.schema.generate import all_schemas
from tests.conftest import REPO_ROOT


def test_committed_schemas_are_fresh() -> None:
    stale = stale_files(REPO_ROOT / "schemas", all_schemas(), exhaustive=True)
    assert not stale, "run `govdata schemas`:\n" + "\n".join(stale.values())


def _properties(schema: dict[str, Any], where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    for name, body in schema.get("properties", {}).items():
        yield f"{where}.{name}", body
    for def_name, body in schema.get("$defs", {}).items():
        yield from _properties(body, f"$defs.{def_name}")


@pytest.mark.parametrize("name", sorted(all_schemas()))
def test_schema_is_gb_style(name: str) -> None:
    schema = json.loads(all_schemas()[name])
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith("/" + name)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in schema["title"])
    for where, body in _properties(schema):
        for key in ("title", "description"):
            assert any("\u4e00" <= ch <= "\u9fff" for ch in body.get(key, "")), f"{name} {where} lacks a Chinese {key}"
