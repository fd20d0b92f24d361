"""Reporters: one module per output format, chosen by :class:`OutputFormat`."""

from __future__ import annotations

import os
from enum import StrEnum

from govdata.report.base import Reporter
from govdata.report.codeclimate import CodeClimateReporter
from govdata.report.github import GithubReporter
from govdata.report.json import JsonReporter
from govdata.report.junit import JunitReporter
from govdata.report.markdown import MarkdownReporter
from govdata.report.text import TextReporter


class OutputFormat(StrEnum):
    AUTO = "auto"
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    CODECLIMATE = "codeclimate"
    JUNIT = "junit"
    MARKDOWN = "markdown"


REPORTERS: dict[OutputFormat, type[Reporter]] = {
    OutputFormat.TEXT: TextReporter,
    OutputFormat.JSON: JsonReporter,
    OutputFormat.GITHUB: GithubReporter,
    OutputFormat.CODECLIMATE: CodeClimateReporter,
    OutputFormat.JUNIT: JunitReporter,
    OutputFormat.MARKDOWN: MarkdownReporter,
}


def reporter_for(output_format: OutputFormat) -> Reporter:
    """The reporter for a format; ``auto`` is ``github`` inside GitHub Actions, else ``text``."""
    if output_format is OutputFormat.AUTO:
        in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
        output_format = OutputFormat.GITHUB if in_actions else OutputFormat.TEXT
    return REPORTERS[output_format]()
