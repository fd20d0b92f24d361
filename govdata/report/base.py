"""The reporter interface: a validation result in, text on a stream out."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, TextIO

from govdata.i18n import Lang

if TYPE_CHECKING:
    from govdata.validation.engine import RunResult


class Reporter(Protocol):
    def report(self, result: RunResult, lang: Lang, stream: TextIO) -> None:
        """Write ``result`` to ``stream`` in this reporter's format and ``lang``."""
