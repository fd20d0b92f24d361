"""Is a case file, as it would be written, acceptable? Schema first, then the case rules (tag ``case``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from govdata.diagnostics import Diagnostic
from govdata.engine import run_rules
from govdata.loading import load_file
from govdata.model.catalog import Catalog
from govdata.model.kinds import CASE
from govdata.settings import RuleSettings, Selection

_CASE_RULES = Selection(("case",))


def case_findings(root: Path, catalog: Catalog, path: str, data: bytes | None, *, today: dt.date) -> list[Diagnostic]:
    """Errors and warnings on the case at ``path`` with content ``data`` (None: as on disk).

    Load and schema problems are returned alone: rules need a valid model.
    """
    read = lambda p: data if p == path and data is not None else (root / p).read_bytes()  # noqa: E731
    if data is not None:
        outcome = load_file(path, CASE, data)
        if outcome.document is None:
            return outcome.diagnostics
        cases = [d for d in catalog.cases if d.path != path] + [outcome.document]
        catalog = dataclasses.replace(catalog, cases=cases)  # type: ignore[arg-type]
    settings = RuleSettings.from_config(catalog.config)
    return [d for d in run_rules(catalog, settings, _CASE_RULES, read, today=today) if d.location.path == path]


__all__ = ["case_findings"]
