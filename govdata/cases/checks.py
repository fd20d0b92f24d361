"""Is a case file, as it would be written, acceptable? Schema first, then the case rules (tag ``case``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from govdata.diagnostics import Diagnostic
from govdata.grants.checks import file_findings
from govdata.model.catalog import Catalog
from govdata.model.kinds import CASE
from govdata.settings import Selection

_CASE_RULES = Selection(("case",))


def case_findings(root: Path, catalog: Catalog, path: str, data: bytes | None, *, today: dt.date) -> list[Diagnostic]:
    """Errors and warnings on the case at ``path`` with content ``data`` (None: as on disk)."""
    return file_findings(root, catalog, path, data, today=today, kind=CASE, documents="cases", rules=_CASE_RULES)


__all__ = ["case_findings"]
