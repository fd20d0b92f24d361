"""Generated schemas stay friendly to editors' language servers."""

from __future__ import annotations

import json
from typing import Any

import pytest

from govdata.model.kinds import FILE_KINDS
from govdata.schema.generate import schema_for


def _defaults(node: Any, path: str = "") -> list[str]:
    if isinstance(node, dict):
        found = [path] if "default" in node and node["default"] is None else []
        return found + [p for key, value in node.items() for p in _defaults(value, f"{path}/{key}")]
    if isinstance(node, list):
        return [p for index, value in enumerate(node) for p in _defaults(value, f"{path}/{index}")]
    return []


@pytest.mark.parametrize("kind", FILE_KINDS, ids=lambda kind: kind.name)
def test_no_null_defaults_which_break_key_completion(kind: Any) -> None:
    schema = schema_for(kind)
    assert _defaults(schema) == []
    assert '"default": null' not in json.dumps(schema)
