"""The rule contract: metadata as class variables, typed options, and a ``check`` generator."""

from __future__ import annotations

import datetime as dt
import inspect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, ClassVar

from pydantic import BaseModel, ConfigDict

from govdata.diagnostics import Pointer, Severity
from govdata.i18n import Lang, Text

if TYPE_CHECKING:
    from govdata.model.catalog import Catalog

DOC_SECTIONS = ("## What it checks", "## Why", "## How to fix")
DOC_SECTIONS_ZH = ("## 检查什么", "## 为什么", "## 如何修改")
_HAN_OR_FULL_WIDTH = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
_BLOCK_START = re.compile(r"\s*([-*#]|\d+\.|$)")


def join_chinese_lines(text: str) -> str:
    """Join a paragraph's wrapped lines where the break follows a Han character or full-width mark.

    Markdown renders a line break inside a paragraph as a space, which Chinese text does not have.
    """
    lines: list[str] = []
    for line in text.splitlines():
        previous = lines[-1] if lines else ""
        joinable = previous and not previous.lstrip().startswith("#") and _HAN_OR_FULL_WIDTH.match(previous[-1])
        if joinable and not _BLOCK_START.match(line):
            # Han meets Han directly; Han meets Latin text or `code` across one space.
            glue = "" if _HAN_OR_FULL_WIDTH.match(line.strip()) else " "
            lines[-1] = previous + glue + line.strip()
        else:
            lines.append(line)
    return "\n".join(lines)


class RuleOptions(BaseModel):
    """Options of a rule, set under ``rules: {ID: {options: …}}`` in govdata.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule found, before the engine places it on a line and applies settings."""

    path: str
    pointer: Pointer
    message: Text
    hint: Text | None = None
    at_key: bool = False
    related: tuple[tuple[str, Pointer], ...] = ()


@dataclass(frozen=True, slots=True)
class RuleContext:
    catalog: Catalog
    options: RuleOptions
    today: dt.date
    """The day deadlines and dates are judged on (``validate --today``; default the real date)."""


class RuleInfo:
    """What every rule declares. The docstring is its user documentation (Markdown).

    The first docstring line is the summary; the sections in ``DOC_SECTIONS`` follow in
    that order (a test enforces them), then optionally ``## Options`` and ``## References``.

    ``explanation_zh`` is the same documentation in Chinese, in the same shape: a summary
    line, then the sections in ``DOC_SECTIONS_ZH`` (and optionally ``## 选项`` / ``## 参考``).
    It is a class attribute written directly under the docstring rather than a second
    docstring-like module constant or a translation catalog: Python keeps one docstring per
    class, a named ``ClassVar`` is typed and read without parsing source, and keeping both
    languages side by side in the rule's own module means a reviewer sees the Chinese whenever
    the English (or the check itself) changes. Articles are cited as 第十四条, never "Art. 14".
    """

    id: ClassVar[str]
    name: ClassVar[str]
    title: ClassVar[Text]
    article: ClassVar[str | None] = None
    severity: ClassVar[Severity] = Severity.ERROR
    tags: ClassVar[frozenset[str]] = frozenset()
    Options: ClassVar[type[RuleOptions]] = RuleOptions
    explanation_zh: ClassVar[str] = ""

    @classmethod
    def summary(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "").splitlines()[0]

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary_zh(cls) -> str:
        return cls.documentation_zh().splitlines()[0] if cls.explanation_zh.strip() else ""

    @classmethod
    def documentation_zh(cls) -> str:
        return join_chinese_lines(inspect.cleandoc(cls.explanation_zh))

    @classmethod
    def summary_in(cls, lang: Lang) -> str:
        """The one-line summary in ``lang``; English when no Chinese explanation is written."""
        return (cls.summary_zh() or cls.summary()) if lang is Lang.ZH else cls.summary()


class BuiltinRule(RuleInfo):
    """A check the engine itself performs (loading, schema, file layout); no ``check``."""


class Scope(Enum):
    """What a rule's findings for one file depend on; the engine runs and caches it accordingly."""

    FILE = "file"
    """Only that file, the registries and ``govdata.yaml``: ``check`` sees a catalog holding the
    registries and that one document, in the worker that read it, and its findings are cached
    with the file's content. It must not read ``ctx.today``: the day goes to ``check_index``."""
    CATALOG = "catalog"
    """Other files too: ``check`` runs once over the whole catalog, where resources may be
    present only as their facts (``catalog.resource_facts``; ``catalog.resource(code)`` loads one)."""


class Rule(RuleInfo):
    """A check over the catalog; see :class:`Scope` for what ``check`` is given."""

    scope: ClassVar[Scope] = Scope.CATALOG

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        raise NotImplementedError

    def check_index(self, ctx: RuleContext) -> Iterator[Finding]:
        """The part of a per-file rule that needs the day or other files, over the whole catalog's facts."""
        return iter(())
