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
from govdata.io.positions import positions_of
from govdata.io.source import DecodeProblem, decode
from govdata.model.base import DATE_PATTERN, Model
from govdata.model.catalog import Document
from govdata.model.kinds import RESOURCE, FileKind
from govdata.rules.builtin import LoadError, SchemaViolation
from govdata.schema.validate import SchemaIssue, validate_document

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


def unreadable_file(path: str, error: OSError) -> Diagnostic:
    """A file listed in the instance that cannot be read (a link to nothing, no permission)."""
    reason = error.strerror or type(error).__name__
    return _whole_file_error(
        LoadError.id,
        path,
        Text(f"无法读取此文件：{reason}", f"cannot read this file: {reason}"),
        Text(
            "检查文件是否存在、是否为指向不存在位置的链接，以及是否有读取权限",
            "Check that the file exists, is not a link to nothing, and may be read",
        ),
    )


def _whole_file_error(rule_id: str, path: str, message: Text, hint: Text) -> Diagnostic:
    """An error about a file as a whole, placed at its first line."""
    return Diagnostic(
        rule_id=rule_id, severity=Severity.ERROR, message=message, location=Location(path, 1, 1), hint=hint
    )


def locate(path: str, source_map: SourceMap | None, pointer: Pointer, at_key: bool) -> Location:
    if source_map is None:
        return Location(path, pointer=pointer)
    line, column = source_map.locate(pointer, prefer_key=at_key)
    return Location(path, line, column, pointer)


def _drift_diagnostics(path: str, error: ValidationError, source_map: SourceMap | None) -> list[Diagnostic]:
    # Only reachable where the schema lets a value through that the model refuses (a YAML float
    # such as ``5.0`` is an integer to JSON Schema; ``0000-01-01`` has the form of a date): say
    # what is wrong with the value, in both languages, and that the two disagree.
    return [
        Diagnostic(
            SchemaViolation.id,
            Severity.ERROR,
            _model_message(item),
            locate(path, source_map, tuple(item["loc"]), False),
            hint=Text(
                "数据规范未能发现此问题，数据模型拒绝了它：请修改此值，并把此文件报告给 govdata 维护者",
                "The schema let this value through and the model refused it: correct the value, "
                "and report this file to the govdata maintainers",
            ),
        )
        for item in error.errors()
    ]


def _model_message(item: Any) -> Text:
    """A model error (pydantic's ``errors()`` entry) as a bilingual message about the value."""
    kind, value, detail = item["type"], item.get("input"), item["msg"]
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return Text(
            f"应为整数（不带小数点），现为 {value!r}", f"must be a whole number (no decimal point), not {value!r}"
        )
    if isinstance(value, str) and re.fullmatch(DATE_PATTERN, value):
        return Text(f"“{value}”不是有效的日期", f"{value!r} is not a valid date")
    if kind == "string_pattern_mismatch":
        return Text(f"“{value}”不符合规定的格式", f"{value!r} does not have the required form")
    return Text(f"取值不符合数据模型：{value!r}", f"the value {value!r} does not fit the data model ({detail})")


def document_issues(kind: FileKind, raw: Any) -> list[SchemaIssue]:
    """What keeps a parsed document from loading: the schema's findings, else the one rule the
    schema cannot state (unique item names). Every loader asks this, so a file loads the same
    in ``validate``, in a diff and in ``log``."""
    return validate_document(kind, raw) or _repeated_items(kind, raw)


def _repeated_items(kind: FileKind, raw: Any) -> list[SchemaIssue]:
    """Information items of one resource that share a name.

    Everything that names an item (grants, demands, ``diff``) finds it by name, so a second
    item of the same name would be silently confused with the first.
    """
    if kind is not RESOURCE:
        return []
    first: dict[str, int] = {}
    issues = []
    for index, item in enumerate(raw.get("items") or []):
        name = str(item.get("name", "")).strip()
        if name in first:
            issues.append(
                SchemaIssue(
                    ("items", index, "name"),
                    Text(
                        f"信息项名称“{name}”重复（与第 {first[name] + 1} 个信息项相同）",
                        f"item name {name!r} repeats item {first[name] + 1}",
                    ),
                    Text("一个信息资源内信息项名称须唯一：删除重复项或改名", "Item names are unique within a resource"),
                )
            )
        else:
            first[name] = index
    return issues


@dataclass(frozen=True, slots=True)
class ParsedFile:
    """A file read and checked against its schema, not yet modelled: cheap to send between processes."""

    path: str
    data: Any
    schema_ref: str | None
    diagnostics: list[Diagnostic]


def internal_error(path: str, error: Exception, rule_id: str = LoadError.id) -> Diagnostic:
    """An unexpected exception while reading or checking ``path``, as a finding: the run goes on."""
    detail = f"{type(error).__name__}: {error}"[:300]
    what = (
        Text("读取此文件", "reading this file")
        if rule_id == LoadError.id
        else Text(f"规则 {rule_id} 检查", f"rule {rule_id}")
    )
    return _whole_file_error(
        rule_id,
        path,
        Text(f"{what.zh}时发生内部错误（{detail}）", f"internal error in {what.en} ({detail})"),
        Text(
            "其余文件照常检查；请把此文件和本消息报告给 govdata 维护者",
            "The other files are checked as usual; please report this file and message to the govdata maintainers",
        ),
    )


def parse_file(path: str, kind: FileKind, data: bytes) -> ParsedFile:
    """Decode, parse and schema-check one file. Never raises: even a bug becomes a finding."""
    try:
        return _parse_file(path, kind, data)
    except Exception as error:  # noqa: BLE001 - any input must give a located finding, never a traceback
        return ParsedFile(path, None, None, [internal_error(path, error)])


def _parse_file(path: str, kind: FileKind, data: bytes) -> ParsedFile:
    text = decode(data)
    if isinstance(text, DecodeProblem):
        return ParsedFile(path, None, None, [_load_diagnostic(path, text)])
    loaded = load_yaml(text)
    if isinstance(loaded, YamlProblem):
        return ParsedFile(path, None, None, [_load_diagnostic(path, loaded)])
    raw: Any = loaded[0]
    issues = document_issues(kind, raw)
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
    except Exception as error:  # noqa: BLE001 - a bug becomes a finding naming the file
        return LoadOutcome(None, [internal_error(parsed.path, error)])
    return LoadOutcome(Document(parsed.path, model, parsed.schema_ref), [])


def load_file(path: str, kind: FileKind, data: bytes) -> LoadOutcome:
    """Decode, parse, schema-check and model one file. Never raises on bad content."""
    return model_file(parse_file(path, kind, data), kind, lambda _path: data)
