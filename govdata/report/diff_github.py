"""A semantic diff as GitHub Actions annotations, one per change on its file and line."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from govdata.gitops.changes import Side
from govdata.gitops.review import Level
from govdata.i18n import Lang
from govdata.report.diff_base import BREAKING, DiffOptions, level_word, listing, paren, repo_path
from govdata.report.diff_base import articles as _articles
from govdata.report.diff_text import headline
from govdata.report.github import _escape_data, _escape_property

if TYPE_CHECKING:
    from govdata.gitops.compare import DiffResult, Entry


def _command(entry: Entry) -> str:
    if entry.review.breaking:
        return "error"
    return "warning" if entry.review.level is Level.AUTHORITY else "notice"


class DiffGithubReporter:
    def report(self, result: DiffResult, lang: Lang, stream: TextIO, options: DiffOptions) -> None:
        for entry in result.entries:
            title = level_word(entry).get(lang) + (f" · {BREAKING.get(lang)}" if entry.review.breaking else "")
            properties = [f"title={_escape_property(f'govdata diff: {title}')}"]
            # Annotations attach to the head revision; a removal is shown on the file without a line.
            properties.insert(0, f"file={_escape_property(repo_path(entry, result))}")
            if entry.location.line is not None and entry.change.side is Side.NEW:
                properties.insert(1, f"line={entry.location.line}")
            message = entry.text.get(lang)
            if entry.review.reason is not None:
                message += "\n" + entry.review.reason.get(lang) + paren(_articles(entry.review.articles, lang), lang)
            if entry.review.relied_on:
                message += "\n" + listing([r.get(lang) for r in entry.review.relied_on], lang)
            stream.write(f"::{_command(entry)} {','.join(properties)}::{_escape_data(message)}\n")
        stream.write(headline(result, lang).get(lang) + "\n")
