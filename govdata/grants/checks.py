"""Is a grant file, as it would be written, acceptable? Schema first, then the grant rules.

A lifecycle step is validated in the context of the whole catalog: the edited text replaces
the file in memory, the grant rules (tag ``grant``) run, and only findings on that file count.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from govdata.diagnostics import Diagnostic, Severity
from govdata.model.catalog import Catalog
from govdata.model.kinds import GRANT, FileKind
from govdata.settings import RuleSettings, Selection
from govdata.validation.engine import run_rules
from govdata.validation.loading import load_file

_GRANT_RULES = Selection(("grant",))


def grant_findings(root: Path, catalog: Catalog, path: str, data: bytes | None, *, today: dt.date) -> list[Diagnostic]:
    """Errors and warnings on the grant at ``path`` with content ``data`` (None: as on disk).

    Load and schema problems are returned alone: rules need a valid model.
    """
    return file_findings(root, catalog, path, data, today=today, kind=GRANT, documents="grants", rules=_GRANT_RULES)


def file_findings(
    root: Path,
    catalog: Catalog,
    path: str,
    data: bytes | None,
    *,
    today: dt.date,
    kind: FileKind,
    documents: str,
    rules: Selection,
) -> list[Diagnostic]:
    """Findings of ``rules`` on the file at ``path`` of ``kind`` with content ``data`` (None: as on disk).

    The edited file replaces its old version in the catalog list ``documents`` (``"grants"``,
    ``"cases"``) before the rules run; load and schema problems are returned alone.
    """
    read = lambda p: data if p == path and data is not None else (root / p).read_bytes()  # noqa: E731
    if data is not None:
        outcome = load_file(path, kind, data)
        if outcome.document is None:
            return outcome.diagnostics
        others = [d for d in getattr(catalog, documents) if d.path != path]
        replacement: dict[str, Any] = {documents: [*others, outcome.document]}
        catalog = dataclasses.replace(catalog, **replacement)
    settings = RuleSettings.from_config(catalog.config)
    return [d for d in run_rules(catalog, settings, rules, read, today=today) if d.location.path == path]


def errors(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.severity is Severity.ERROR]


def introduced(before: Iterable[Diagnostic], after: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Errors in ``after`` that ``before`` did not have (same rule at the same place)."""
    known = {(d.rule_id, d.location.pointer) for d in errors(before)}
    return [d for d in errors(after) if (d.rule_id, d.location.pointer) not in known]


__all__ = ["errors", "file_findings", "grant_findings", "introduced"]
