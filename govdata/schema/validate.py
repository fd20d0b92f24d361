"""Validate raw documents against the generated schemas; say what is wrong in the user's words.

jsonschema_rs serves the hot path (about 180× faster than the jsonschema package on catalog
files, ``../shared/bench``); ``jsonschema`` stays the reference for what a schema means, and
``tests/schema`` proves the two agree on every fixture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

import jsonschema_rs

from govdata.diagnostics import Pointer
from govdata.i18n import Text
from govdata.model.kinds import FileKind
from govdata.schema.generate import schema_for
from govdata.schema.messages import describe_errors


@dataclass(frozen=True, slots=True)
class SchemaIssue:
    """One schema violation at a pointer; ``at_key`` places it on the key rather than the value."""

    pointer: Pointer
    message: Text
    hint: Text | None = None
    at_key: bool = False
    # A date that breaks the pattern also fails the format check: one finding per mistake.
    shadowed_by_pattern: bool = False
    found: Any = None  # the value a type error found, to show as it was written

    def as_written(self, text: str, line: int | None, column: int | None) -> SchemaIssue:
        """This issue showing a number as the file spells it: ``010``, not ``10``.

        YAML reads ``010`` as the number 10; a clerk who typed 010 must see 010 and be told
        to quote it.
        """
        if isinstance(self.found, bool) or not isinstance(self.found, int | float) or line is None or column is None:
            return self
        lines = text.split("\n")
        if line > len(lines):
            return self
        written = re.match(r"[^\s,\]}#]+", lines[line - 1][column - 1 :])
        if written is None or written.group(0) == str(self.found):
            return self
        raw, read = written.group(0), str(self.found)
        message = Text(self.message.zh.replace(f"“{read}”", f"“{raw}”"), self.message.en.replace(repr(read), repr(raw)))
        hint = Text(
            f'不加引号时 {raw} 被读作数字 {read}；请写作 "{raw}"',
            f'unquoted, {raw} reads as the number {read}; write "{raw}"',
        )
        return replace(self, message=message, hint=hint)


@cache
def _validator(kind: FileKind) -> Any:
    return jsonschema_rs.Draft202012Validator(schema_for(kind), validate_formats=True)


def validate_document(kind: FileKind, document: Any) -> list[SchemaIssue]:
    """Every schema violation of ``document`` (empty when it conforms)."""
    validator = _validator(kind)
    if validator.is_valid(document):  # the cheap path; collecting errors costs more
        return []
    schema = schema_for(kind)
    issues = [issue for error in validator.iter_errors(document) for issue in describe_errors(schema, error, document)]
    unique = {(issue.pointer, issue.message): issue for issue in issues}
    patterned = {issue.pointer for issue in issues if not issue.shadowed_by_pattern}
    return [i for i in unique.values() if not (i.shadowed_by_pattern and i.pointer in patterned)]


__all__ = ["SchemaIssue", "validate_document"]
