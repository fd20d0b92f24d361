"""Options left unset skip typer's pydantic coercion (issue 12, item 5).

typer 0.29 converts every option's value through a pydantic ``TypeAdapter``, built the first
time the option is processed, even when the value is None and the adapter is never used:
``RuntimeParam.coerce`` returns None (or ``()`` for a repeatable option) before asking it.
Building it imports pydantic (≈ 0.1 s), which ``govdata rules`` needs for nothing else. Here an
unset option is processed with a stand-in that cannot convert anything; a value that is given
still goes through typer's own adapter. Guarded like ``help_format``: another typer version
only loses the shortcut.
"""

from __future__ import annotations

from typing import Any


def install() -> None:
    """Patch typer's parameters once; a no-op when typer's internals are not what we expect."""
    try:
        from typer._coercion import PassThroughRuntimeParam
        from typer.core import _TyperParameter
    except ImportError:  # pragma: no cover - another typer
        return
    if getattr(_TyperParameter, "_govdata_unset", False) or not hasattr(_TyperParameter, "get_runtime_param"):
        return
    original = _TyperParameter.process_value

    def process_value(self: Any, ctx: Any, value: Any) -> Any:
        if value is not None or getattr(self, "_runtime_param", None) is not None:
            return original(self, ctx, value)
        descriptor = self.type_descriptor
        # Never asked to convert: coerce returns before it for None. Dropped afterwards, so a
        # later value given to the same parameter is converted by typer's own adapter.
        self._runtime_param = PassThroughRuntimeParam(
            parameter_info=descriptor.parameter_info, annotation=descriptor.annotation
        )
        try:
            return original(self, ctx, value)
        finally:
            self._runtime_param = None

    _TyperParameter.process_value = process_value  # type: ignore[method-assign]
    _TyperParameter._govdata_unset = True  # type: ignore[attr-defined]
