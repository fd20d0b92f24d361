"""Reporters: one module per output format, chosen by :class:`OutputFormat`."""

from __future__ import annotations

import os
from enum import StrEnum
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govdata.report.base import Reporter


class OutputFormat(StrEnum):
    AUTO = "auto"
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    CODECLIMATE = "codeclimate"
    JUNIT = "junit"
    MARKDOWN = "markdown"


# Module and class of each reporter, imported only when chosen: the CLI names OutputFormat in its
# option types, and `govdata --help` must not pay for six reporters (issue 12, start-up).
REPORTERS: dict[OutputFormat, tuple[str, str]] = {
    OutputFormat.TEXT: ("govdata.report.text", "TextReporter"),
    OutputFormat.JSON: ("govdata.report.json", "JsonReporter"),
    OutputFormat.GITHUB: ("govdata.report.github", "GithubReporter"),
    OutputFormat.CODECLIMATE: ("govdata.report.codeclimate", "CodeClimateReporter"),
    OutputFormat.JUNIT: ("govdata.report.junit", "JunitReporter"),
    OutputFormat.MARKDOWN: ("govdata.report.markdown", "MarkdownReporter"),
}


def resolved(output_format: OutputFormat) -> OutputFormat:
    """The format ``auto`` stands for: ``github`` inside GitHub Actions, else ``text``."""
    if output_format is OutputFormat.AUTO:
        in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
        return OutputFormat.GITHUB if in_actions else OutputFormat.TEXT
    return output_format


def reporter_for(output_format: OutputFormat) -> Reporter:
    """The reporter for a format (``auto``: see ``resolved``)."""
    module_name, class_name = REPORTERS[resolved(output_format)]
    reporter_class: type[Reporter] = getattr(import_module(module_name), class_name)
    return reporter_class()
