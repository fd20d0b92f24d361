"""Help that reads at 80 columns: Chinese text folds instead of ending in "…", types are words.

typer renders help with rich. A run of Chinese has no spaces to wrap at, so rich's default
overflow cuts it with an ellipsis; "fold" breaks it between characters, which is how Chinese
wraps. typer also prints Python type names (``<list[Path]>``, ``<str>``); we show what to type.
Both hooks are guarded so that another typer version only loses the polish, never the help.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import re
import sys
from collections.abc import Callable
from importlib.machinery import ModuleSpec
from types import ModuleType
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


# click's usage errors, in Chinese with the English after them.
_USAGE_ERRORS = (
    (re.compile(r"No such command '(.+)'\."), "没有命令“{0}”"),
    (re.compile(r"No such option: (\S+)"), "没有选项 {0}"),
    (re.compile(r"Missing argument '(.+)'\."), "缺少参数 {0}"),
    (re.compile(r"Missing option '(.+)'\."), "缺少选项 {0}"),
    (re.compile(r"Invalid value for '?([^':]+)'?: (.+)", re.S), "{0} 的值无效：{1}"),
    (re.compile(r"Got unexpected extra arguments? \((.+)\)"), "多余的参数：{0}"),
    (re.compile(r"Option '(.+)' requires an argument\."), "选项 {0} 需要一个值"),
)


def usage_error_text(message: str) -> str:
    """A click usage error as ``中文 / English``; an unknown one stays as click wrote it."""
    for pattern, chinese in _USAGE_ERRORS:
        found = pattern.match(message)
        if found:
            return f"{chinese.format(*found.groups())} / {message}"
    return message


def _wrap_error(original: Callable[..., None]) -> Callable[..., None]:
    def show(error: Any) -> None:
        english = error.format_message
        error.format_message = lambda: usage_error_text(english())
        original(error)

    return show


def _polish_rich_utils(rich_utils: Any) -> None:
    if hasattr(rich_utils, "_make_rich_text") and not getattr(rich_utils, "_govdata_help", False):
        rich_utils._make_rich_text = _wrap_text(rich_utils._make_rich_text)
        if hasattr(rich_utils, "rich_format_error"):
            rich_utils.rich_format_error = _wrap_error(rich_utils.rich_format_error)
        rich_utils.ERRORS_PANEL_TITLE = "错误 / Error"
        rich_utils.RICH_HELP = "运行 [blue]'{command_path} {help_option}'[/] 查看帮助 / run it for help"
        setattr(rich_utils, "_govdata_help", True)  # noqa: B010 - a marker typer does not declare


class _PolishOnImport(importlib.abc.MetaPathFinder):
    """Polishes ``typer.rich_utils`` the moment typer imports it.

    typer imports rich_utils (and with it rich.markdown, rich.traceback, ...) only to render help
    or an error; importing it ourselves at start-up cost every command ~30 ms (issue 12).
    """

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> ModuleSpec | None:
        if name != _RICH_UTILS:
            return None
        sys.meta_path.remove(self)  # once; also lets find_spec below use the ordinary finders
        spec = importlib.util.find_spec(name)
        loader = spec.loader if spec is not None else None
        if loader is None or not hasattr(loader, "exec_module"):  # pragma: no cover - unusual install
            return spec
        execute = loader.exec_module

        def exec_and_polish(module: ModuleType) -> None:
            execute(module)
            _polish_rich_utils(module)

        loader.exec_module = exec_and_polish  # type: ignore[method-assign]
        return spec


_RICH_UTILS = "typer.rich_utils"


def install() -> None:
    """Adjust typer's rich help once, at import of the CLI; rich_utils is polished when first imported."""
    from typer import core

    for cls_name in ("TyperOption", "TyperArgument"):
        cls = getattr(core, cls_name, None)
        if cls is not None and hasattr(cls, "display_type_rich") and not getattr(cls, "_govdata_help", False):
            cls.display_type_rich = _wrap_type(cls.display_type_rich)
            cls._govdata_help = True
    if _RICH_UTILS in sys.modules:
        _polish_rich_utils(sys.modules[_RICH_UTILS])
    elif not any(isinstance(finder, _PolishOnImport) for finder in sys.meta_path):
        sys.meta_path.insert(0, _PolishOnImport())
