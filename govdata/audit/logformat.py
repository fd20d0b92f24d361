"""The access-log format (docs/audit.md): its columns, the mapping file that adapts a hub's own
column names and values, and the SQL that turns raw log rows into the audit's ``access_log``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govdata.errors import UsageError
from govdata.i18n import Text

# Canonical column → whether a log must have it.
COLUMNS: dict[str, bool] = {
    "time": True,
    "consumer": True,
    "resource": True,
    "items": True,
    "method": True,
    "grant_id": False,
    "rows": True,
    "result": True,
    "request_id": True,
}
# The log says 批量; the grant says 批量交换 (Art. 9). Values the mapping file adds come first.
DEFAULT_VALUES: dict[str, dict[str, str]] = {"method": {"批量": "批量交换"}, "result": {}}
FILE_COLUMN = "_log_file"
ROW_COLUMN = "_log_row"


@dataclass(frozen=True)
class Mapping:
    columns: dict[str, str] = field(default_factory=lambda: {name: name for name in COLUMNS})
    values: dict[str, dict[str, str]] = field(default_factory=lambda: {k: dict(v) for k, v in DEFAULT_VALUES.items()})
    items_separator: str = ";"
    source: str = "（默认）/(default)"


def load_mapping(path: Path | None) -> Mapping:
    """The mapping file (model :class:`~govdata.model.audit.AuditMapping`, docs/audit.md), or the
    standard names when there is none; a usage error naming file, line and column otherwise."""
    if path is None:
        return Mapping()
    from govdata.model.audit import AuditMapping
    from govdata.model.kinds import AUDIT_MAPPING
    from govdata.validation.loading import load_file

    try:
        data = path.read_bytes()
    except OSError as error:
        raise UsageError(
            Text(f"无法读取映射文件 {path}：{error.strerror}", f"cannot read {path}: {error.strerror}")
        ) from None
    outcome = load_file(str(path), AUDIT_MAPPING, data)
    if outcome.document is None or not isinstance(outcome.document.model, AuditMapping):
        places = [f"{d.location.path}:{d.location.line or 1}:{d.location.column or 1}: " for d in outcome.diagnostics]
        zh = "\n".join(place + d.message.zh for place, d in zip(places, outcome.diagnostics, strict=True))
        en = "\n".join(place + d.message.en for place, d in zip(places, outcome.diagnostics, strict=True))
        raise UsageError(Text("映射文件有误：\n" + zh, "the mapping file is invalid:\n" + en))
    model = outcome.document.model
    columns = {name: name for name in COLUMNS}
    columns.update({name: value for name, value in model.columns.model_dump().items() if value is not None})
    values = {k: dict(v) for k, v in DEFAULT_VALUES.items()}
    values["method"] = dict(model.values.method) | values["method"]
    values["result"] = dict(model.values.result) | values["result"]
    return Mapping(columns, values, model.items_separator, str(path))


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _final(table: dict[str, str], value: str) -> str:
    """Follow the table to the end (BULK → 批量 → 批量交换), stopping at a cycle."""
    seen = {value}
    while value in table and table[value] not in seen:
        value = table[value]
        seen.add(value)
    return value


def _recode(expression: str, table: dict[str, str]) -> str:
    table = {key: _final(table, key) for key in table}
    if not table:
        return expression
    cases = " ".join(f"WHEN {_literal(k)} THEN {_literal(v)}" for k, v in table.items())
    return f"CASE {expression} {cases} ELSE {expression} END"


def staging_sql(mapping: Mapping, raw_columns: dict[str, str], source: str) -> str:
    """DuckDB-dialect SELECT from the raw table ``raw_logs`` to the canonical ``access_log``.

    ``raw_columns`` maps each raw column name to its type as the engine reports it, so that
    items given as text (CSV) are split and items given as a list are taken as they are.
    """
    lowered = {name.lower(): name for name in raw_columns}
    missing = [
        f"{name} ← {mapping.columns[name]}"
        for name, required in COLUMNS.items()
        if required and mapping.columns[name].lower() not in lowered
    ]
    if missing:
        raise UsageError(
            Text(
                f"{source}: 日志缺少必需的列：{'；'.join(missing)}（映射文件：{mapping.source}；现有列：{', '.join(raw_columns)}）",
                f"{source}: the logs lack required columns: {'; '.join(missing)} (mapping: {mapping.source}; columns present: {', '.join(raw_columns)})",
            )
        )

    def column(name: str) -> str:
        found = lowered.get(mapping.columns[name].lower())
        return _quote(found) if found else "NULL"

    items_raw = raw_columns[lowered[mapping.columns["items"].lower()]].upper()
    items = column("items")
    if "[]" not in items_raw and "ARRAY" not in items_raw and "LIST" not in items_raw:
        items = f"list_transform(string_split(CAST({items} AS VARCHAR), {_literal(mapping.items_separator)}), lambda s: trim(s))"
    method = f"COALESCE(trim(CAST({column('method')} AS VARCHAR)), '')"
    result = f"trim(CAST({column('result')} AS VARCHAR))"
    timestamp = f"CAST({column('time')} AS TIMESTAMP)"
    return f"""SELECT
    {FILE_COLUMN} AS log_file, CAST({ROW_COLUMN} AS BIGINT) AS log_row,
    {timestamp} AS ts, CAST({timestamp} AS DATE) AS day,
    trim(CAST({column("consumer")} AS VARCHAR)) AS consumer,
    trim(CAST({column("resource")} AS VARCHAR)) AS resource,
    {items} AS items,
    {_recode(method, mapping.values["method"])} AS method,
    CAST({column("grant_id")} AS VARCHAR) AS grant_id,
    CAST({column("rows")} AS BIGINT) AS rows,
    lower({_recode(result, mapping.values["result"])}) AS result,
    CAST({column("request_id")} AS VARCHAR) AS request_id
FROM raw_logs"""


def raw_types(pairs: list[tuple[str, Any]]) -> dict[str, str]:
    return {str(name): str(kind) for name, kind in pairs}


__all__ = ["COLUMNS", "FILE_COLUMN", "ROW_COLUMN", "Mapping", "load_mapping", "raw_types", "staging_sql"]
