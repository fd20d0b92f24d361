"""Generate the JSON Schemas (Draft 2020-12) of every file kind from its pydantic model.

The models are the single source: schemas are generated, so the two cannot drift apart in
shape. ``schemas/`` holds the generated files for editors (YAML language server) and for other
tools; a test fails when they are stale, and ``tests/schema`` checks on every fixture that
jsonschema, jsonschema_rs and pydantic accept and refuse the same documents.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from govdata.model.kinds import FILE_KINDS, FileKind

SCHEMA_BASE_URI = "https://govdata.invalid/schemas/"
DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"


class _GbSchema(GenerateJsonSchema):
    """Pydantic's generator, with nullable fields folded into ``type``/``enum``.

    Pydantic writes ``X | None`` as ``anyOf: [X, {type: null}]``; validators then report
    "not valid under any of the given schemas" instead of the real problem with X.
    """

    def handle_ref_overrides(self, json_schema: JsonSchemaValue) -> JsonSchemaValue:
        # Pydantic drops a field's title beside a $ref when the referenced model has the same
        # one; editors show the property's own title on hover, so every property keeps it.
        kept: dict[str, Any] = {key: json_schema[key] for key in ("title", "description") if key in json_schema}
        return {**super().handle_ref_overrides(json_schema), **kept}

    def dict_schema(self, schema: core_schema.DictSchema) -> JsonSchemaValue:
        # Pydantic writes a pattern on a mapping's keys as ``patternProperties``, which lets any
        # other key through, and the model refuses it: ``additionalProperties: false`` beside
        # it makes the schema refuse what the model refuses (``extensions``' keys).
        generated = super().dict_schema(schema)
        if "patternProperties" in generated and "additionalProperties" not in generated:
            generated["additionalProperties"] = False
        return generated

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        inner = self.generate_inner(schema["schema"])
        if "$ref" in inner or "anyOf" in inner:
            return super().nullable_schema(schema)
        folded = dict(inner)
        if "enum" in folded:
            folded["enum"] = [*folded["enum"], None]
            folded.pop("type", None)
        elif isinstance(folded.get("type"), str):
            folded["type"] = [folded["type"], "null"]
        else:
            return super().nullable_schema(schema)
        return folded


def _without_null_defaults(node: Any) -> Any:
    """The schema without ``"default": null``: it says nothing (an absent key is absent), and
    yaml-language-server stops offering a mapping's keys in completion when it meets one."""
    if isinstance(node, dict):
        return {
            key: _without_null_defaults(value)
            for key, value in node.items()
            if not (key == "default" and value is None)
        }
    if isinstance(node, list):
        return [_without_null_defaults(value) for value in node]
    return node


@cache
def schema_for(kind: FileKind) -> dict[str, Any]:
    """The JSON Schema of one file kind, as published in ``schemas/``."""
    body = _without_null_defaults(kind.model.model_json_schema(schema_generator=_GbSchema, by_alias=True))
    header = {
        "$schema": DRAFT_2020_12,
        "$id": SCHEMA_BASE_URI + kind.schema_file,
        "title": kind.title,
        "description": kind.description,
    }
    body.pop("title", None)
    body.pop("description", None)
    return {**header, **body}


def render(kind: FileKind) -> str:
    return json.dumps(schema_for(kind), ensure_ascii=False, indent=2) + "\n"


def all_schemas() -> dict[str, str]:
    """``{file name: JSON text}`` for every file kind."""
    return {kind.schema_file: render(kind) for kind in FILE_KINDS}
