"""Errors that stop a run cross process boundaries whole (a worker's error reaches the parent)."""

from __future__ import annotations

import pickle

from govdata.errors import GovdataError, UsageError
from govdata.gitops.repo import RepositoryError
from govdata.i18n import Text
from govdata.io.transaction import ChangedSinceRead


def test_errors_pickle_with_both_languages_whatever_their_arguments() -> None:
    for error in (
        UsageError(Text("中文", "English")),
        RepositoryError(Text("库", "repo")),
        ChangedSinceRead(["a.yaml"]),
    ):
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is type(error) and isinstance(again, GovdataError)
        assert again.text == error.text and str(again) == str(error) and again.exit_code == error.exit_code
    assert pickle.loads(pickle.dumps(ChangedSinceRead(["a.yaml"]))).paths == ["a.yaml"]
