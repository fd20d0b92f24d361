"""Validate raw documents against the generated schemas; say what is wrong in the user's words.

jsonschema_rs serves the hot path (about 180× faster than the jsonschema package on catalog
files, ``../shared/bench``); ``jsonschema`` stays the reference for what a schema means, and
``tests/schema`` proves the two agree on every fixture.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import jsonschema_rs

from govdata.diagnostics import Pointer
from govdata.i18n import Text
from govdata.model.kinds import FileKind
from govdata.schema.generate import schema_for
from govdata.schema.messages import describe_error


@dataclass(frozen=True, slots=True)
class SchemaIssue:
    """One schema violation at a pointer; ``at_key`` places it on the key rather than the value."""

    pointer: Pointer
    message: Text
    hint: Text | None = None
    at_key: bool = False


@cache
def _validator(kind: FileKind) -> Any:
    return jsonschema_rs.Draft202012Validator(schema_for(kind), validate_formats=True)


def validate_document(kind: FileKind, document: Any) -> list[SchemaIssue]:
    """Every schema violation of ``document`` (empty when it conforms)."""
    validator = _validator(kind)
    if validator.is_valid(document):  # the cheap path; collecting errors costs more
        return []
    schema = schema_for(kind)
    issues = [describe_error(schema, error, document) for error in validator.iter_errors(document)]
    unique = {(issue.pointer, issue.message): issue for issue in issues}
    return list(unique.values())


__all__ = ["SchemaIssue", "validate_document"]
