"""Errors that stop a run. Each prints as one clear line and exits 2; findings are diagnostics."""

from __future__ import annotations

from govdata.i18n import Text


class GovdataError(Exception):
    """A failure that stops the run: bad usage, bad configuration, an unreadable instance."""

    exit_code = 2

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled whole, not through ``__init__`` (whose arguments subclasses change): an error
        raised in a worker process reaches the parent as itself, with both languages."""
        return _rebuilt, (type(self), self.__dict__)


def _rebuilt(cls: type[GovdataError], state: dict[str, object]) -> GovdataError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    Exception.__init__(error, error.text.en)
    return error


class UsageError(GovdataError):
    """The command line asks for something that cannot be done."""


class ConfigError(GovdataError):
    """``govdata.yaml`` is missing or invalid."""


class WriteError(GovdataError):
    """A file could not be written; the original is left untouched."""
