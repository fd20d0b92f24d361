"""The diff reporter interface, and what every diff format shares: words for levels, file links."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol, TextIO

from govdata.i18n import Lang, Text, article_text

if TYPE_CHECKING:
    from govdata.gitops.compare import DiffResult, Entry


class DiffFormat(StrEnum):
    AUTO = "auto"
    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    GITHUB = "github"


@dataclass(frozen=True)
class DiffOptions:
    """``link_base``: URL prefix for file links, e.g. ``https://git.example/org/repo/blob/{sha}/``.

    ``{sha}`` is replaced by the commit of the side a change belongs to (the base for removals,
    the head otherwise); without a base, links are relative to the repository top.
    """

    link_base: str | None = None


class DiffReporter(Protocol):
    def report(self, result: DiffResult, lang: Lang, stream: TextIO, options: DiffOptions) -> None:
        """Write ``result`` to ``stream`` in this reporter's format and ``lang``."""


AUTHORITY = Text("数据主管部门批准", "authority approval")
DEPARTMENT = Text("部门审核", "department review")
BREAKING = Text("破坏性", "breaking")


def level_word(entry: Entry) -> Text:
    from govdata.gitops.review import Level

    return AUTHORITY if entry.review.level is Level.AUTHORITY else DEPARTMENT


def repo_path(entry: Entry, result: DiffResult) -> str:
    return result.prefix + entry.location.path


def file_link(entry: Entry, result: DiffResult, options: DiffOptions) -> str:
    """Where a change can be seen: ``path#Lline``, under ``link_base`` when given."""
    from govdata.gitops.changes import Side

    target = repo_path(entry, result)
    if entry.location.line is not None:
        target += f"#L{entry.location.line}"
    if options.link_base is None:
        return target
    sha = result.base if entry.change.side is Side.OLD else (result.head or result.base)
    return options.link_base.replace("{sha}", sha).rstrip("/") + "/" + target


def where(entry: Entry, result: DiffResult) -> str:
    line = entry.location.line
    return repo_path(entry, result) + (f":{line}" if line is not None else "")


def subject_of(entry: Entry) -> str:
    change = entry.change
    return f"{change.subject} · {change.item}" if change.item else change.subject


def colon(lang: Lang) -> str:
    return "：" if lang is Lang.ZH else ": "


def paren(text: str, lang: Lang) -> str:
    return f"（{text}）" if lang is Lang.ZH else f" ({text})"


def listing(parts: list[str], lang: Lang) -> str:
    return ("、" if lang is Lang.ZH else ", ").join(parts)


def articles(cited: Iterable[str], lang: Lang) -> str:
    """Articles as the reader cites them: 第十四条、第三十二条 in Chinese, Art. 14, Art. 32 in English."""
    return ("、" if lang is Lang.ZH else ", ").join(article_text(a, lang) for a in cited)
