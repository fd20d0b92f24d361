"""The reference instance holds realistic grants in every status, each one clean under the grant rules."""

from __future__ import annotations

import datetime as dt
from typing import get_args

from govdata.instance import open_instance
from govdata.model.grant import GrantStatus
from govdata.settings import Selection
from govdata.validation.engine import validate
from tests.conftest import REPO_ROOT


def test_every_status_is_represented_and_clean() -> None:
    # The date the reference grants were written; GD308 depends on "today".
    result = validate(open_instance(REPO_ROOT), selection=Selection(("grant",)), today=dt.date(2026, 11, 25))
    statuses = {document.model.status for document in result.catalog.grants}
    assert statuses == set(get_args(GrantStatus))
    assert [d for d in result.diagnostics if d.location.path.startswith("grants/") and d.rule_id != "GD308"] == []
    assert all(len(document.model.history) >= 1 for document in result.catalog.grants)
