"""One file from bytes to a validated model, or to located load and schema diagnostics."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from govdata.diagnostics import Diagnostic, Location, Pointer, Severity
from govdata.i18n import Text
from govdata.io.fastyaml import SourceMap, YamlProblem, load_yaml
from govdata.io.source import DecodeProblem, decode
from govdata.model.base import Model
from govdata.model.catalog import Document
from govdata.model.kinds import FileKind
from govdata.rules.builtin import LoadError, SchemaViolation
from govdata.schema.validate import validate_document

Reader = Callable[[str], bytes]
_MODELINE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S+)", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class LoadOutcome:
    document: Document[Model] | None
    diagnostics: list[Diagnostic]


def _load_diagnostic(path: str, problem: DecodeProblem | YamlProblem) -> Diagnostic:
    return Diagnostic(
        rule_id=LoadError.id,
        severity=Severity.ERROR,
        message=problem.message,
        location=Location(path, problem.line, problem.column),
        hint=problem.hint,
    )


def locate(path: str, source_map: SourceMap | None, pointer: Pointer, at_key: bool) -> Location:
    if source_map is None:
        return Location(path, pointer=pointer)
    line, column = source_map.locate(pointer, prefer_key=at_key)
    return Location(path, line, column, pointer)


def positions_of(text: str) -> SourceMap | None:
    loaded = load_yaml(text, positions=True)
    return None if isinstance(loaded, YamlProblem) else loaded[1]


def _drift_diagnostics(path: str, error: ValidationError, source_map: SourceMap | None) -> list[Diagnostic]:
    # Only reachable if a model and its generated schema disagree; say so rather than crash.
    return [
        Diagnostic(
            SchemaViolation.id,
            Severity.ERROR,
            Text(f"数据模型校验失败：{item['msg']}", f"model validation failed: {item['msg']}"),
            locate(path, source_map, tuple(item["loc"]), False),
        )
        for item in error.errors()
    ]


@dataclass(frozen=True, slots=True)
class ParsedFile:
    """A file read and checked against its schema, not yet modelled: cheap to send between processes."""

    path: str
    data: Any
    schema_ref: str | None
    diagnostics: list[Diagnostic]


def parse_file(path: str, kind: FileKind, data: bytes) -> ParsedFile:
    """Decode, parse and schema-check one file. Never raises on bad content."""
    text = decode(data)
    if isinstance(text, DecodeProblem):
        return ParsedFile(path, None, None, [_load_diagnostic(path, text)])
    loaded = load_yaml(text)
    if isinstance(loaded, YamlProblem):
        return ParsedFile(path, None, None, [_load_diagnostic(path, loaded)])
    raw: Any = loaded[0]
    issues = validate_document(kind, raw)
    if issues:
        source_map = positions_of(text)
        diagnostics = []
        for issue in issues:
            location = locate(path, source_map, issue.pointer, issue.at_key)
            shown = issue.as_written(text, location.line, location.column)
            diagnostics.append(
                Diagnostic(
                    SchemaViolation.id,
                    Severity.ERROR,
                    shown.message,
                    location,
                    hint=shown.hint,
                    article=SchemaViolation.article,
                )
            )
        return ParsedFile(path, None, None, diagnostics)
    modeline = _MODELINE.search(text[:2048])
    return ParsedFile(path, raw, modeline.group(1) if modeline else None, [])


def model_file(parsed: ParsedFile, kind: FileKind, reader: Reader) -> LoadOutcome:
    """The model of a schema-valid parsed file (its data and schema agree, so this succeeds)."""
    if parsed.data is None:
        return LoadOutcome(None, parsed.diagnostics)
    try:
        model = kind.model.model_validate(parsed.data)
    except ValidationError as error:
        text = decode(reader(parsed.path))
        source_map = positions_of(text) if isinstance(text, str) else None
        return LoadOutcome(None, _drift_diagnostics(parsed.path, error, source_map))
    return LoadOutcome(Document(parsed.path, model, parsed.schema_ref), [])


def load_file(path: str, kind: FileKind, data: bytes) -> LoadOutcome:
    """Decode, parse, schema-check and model one file. Never raises on bad content."""
    return model_file(parse_file(path, kind, data), kind, lambda _path: data)
