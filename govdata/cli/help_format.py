"""Help that reads at 80 columns: Chinese text folds instead of ending in "…", types are words.

typer renders help with rich. A run of Chinese has no spaces to wrap at, so rich's default
overflow cuts it with an ellipsis; "fold" breaks it between characters, which is how Chinese
wraps. typer also prints Python type names (``<list[Path]>``, ``<str>``); we show what to type.
Both hooks are guarded so that another typer version only loses the polish, never the help.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_LIST = re.compile(r"^<list\[(\w+)\]>$")
_WORDS = {"str": "文本", "Path": "路径", "int": "整数", "float": "数字"}


def _readable_type(shown: str | None) -> str | None:
    if shown is None:
        return None
    if shown == "<bool>":
        return None  # a flag: its name says it all
    listed = _LIST.match(shown)
    if listed:
        return f"<{_WORDS.get(listed.group(1), listed.group(1))}>..."
    plain = shown.strip("<>")
    return f"<{_WORDS[plain]}>" if plain in _WORDS else shown


def _wrap_type(original: Callable[..., str | None]) -> Callable[..., str | None]:
    def display(self: Any, ctx: Any) -> str | None:
        return _readable_type(original(self, ctx))

    return display


def _wrap_text(original: Callable[..., Any]) -> Callable[..., Any]:
    def make(*args: Any, **kwargs: Any) -> Any:
        rendered = original(*args, **kwargs)
        if hasattr(rendered, "overflow"):
            rendered.overflow = "fold"
        return rendered

    return make


def install() -> None:
    """Adjust typer's rich help once, at import of the CLI."""
    try:
        from typer import core, rich_utils
    except ImportError:  # pragma: no cover - typer without rich
        return
    for cls_name in ("TyperOption", "TyperArgument"):
        cls = getattr(core, cls_name, None)
        if cls is not None and hasattr(cls, "display_type_rich") and not getattr(cls, "_govdata_help", False):
            cls.display_type_rich = _wrap_type(cls.display_type_rich)
            cls._govdata_help = True
    if hasattr(rich_utils, "_make_rich_text") and not getattr(rich_utils, "_govdata_help", False):
        rich_utils._make_rich_text = _wrap_text(rich_utils._make_rich_text)
        rich_utils._govdata_help = True
