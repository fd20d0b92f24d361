"""Diff reporters: one module per output format, chosen by :class:`~govdata.report.diff_base.DiffFormat`."""

from __future__ import annotations

import os

from govdata.report.diff_base import DiffFormat, DiffReporter
from govdata.report.diff_github import DiffGithubReporter
from govdata.report.diff_json import DiffJsonReporter
from govdata.report.diff_markdown import DiffMarkdownReporter
from govdata.report.diff_text import DiffTextReporter

DIFF_REPORTERS: dict[DiffFormat, type[DiffReporter]] = {
    DiffFormat.TEXT: DiffTextReporter,
    DiffFormat.JSON: DiffJsonReporter,
    DiffFormat.MARKDOWN: DiffMarkdownReporter,
    DiffFormat.GITHUB: DiffGithubReporter,
}


def diff_reporter_for(output_format: DiffFormat) -> DiffReporter:
    """The reporter for a format; ``auto`` is ``github`` inside GitHub Actions, else ``text``."""
    if output_format is DiffFormat.AUTO:
        in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
        output_format = DiffFormat.GITHUB if in_actions else DiffFormat.TEXT
    return DIFF_REPORTERS[output_format]()
