"""Findings of a workbook import: located as ``sheet!cell`` and named by the column's Chinese title."""

from __future__ import annotations

from dataclasses import dataclass, field

from govdata.diagnostics import Diagnostic, Location, Severity
from govdata.i18n import Text

# Import findings are about the workbook, not the instance, so they are not rules of the
# engine; their ids say which kind of mistake it is.
BAD_VALUE = "XL001"  # a value the column does not allow
DRAG_FILL = "XL002"  # 名称1, 名称2 … copied down with the fill handle
NEAR_DUPLICATE = "XL003"  # names that differ only by spaces or punctuation
CODE_SHAPE = "XL004"  # a code of the wrong length or form
CLASS_PAIR = "XL005"  # 类 and 项 that do not belong together
FORMAT_METHOD = "XL006"  # a format that cannot be shared the chosen way
CELL_TYPE = "XL007"  # a number in a text column, or text in a number column
UNPLACED = "XL008"  # a row or column the import cannot place
MODEL = "XL009"  # the resource the row describes is not valid


@dataclass
class Findings:
    """The findings of one import, in the order they were found."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(
        self, rule: str, where: str, message: Text, severity: Severity = Severity.ERROR, hint: Text | None = None
    ) -> None:
        self.items.append(Diagnostic(rule, severity, message, Location(where), hint))

    @property
    def errors(self) -> int:
        return sum(1 for d in self.items if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.items if d.severity is Severity.WARNING)


def column_text(title: str, message: Text) -> Text:
    """A message that starts with the column's Chinese name, as the clerk sees it in the header."""
    return Text(f"“{title}”：", f"“{title}”: ") + message


__all__ = ["Findings", "column_text"]
