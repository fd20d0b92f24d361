"""Allocating resource codes by the instance's grammar (``resource_code.template`` in govdata.yaml)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from govdata.errors import UsageError
from govdata.i18n import Text
from govdata.model.config import ResourceCodeGrammar

_SEQ = re.compile(r"\{seq(?::[^}]*)?\}")


@dataclass
class CodeAllocator:
    """Hands out the next free code per prefix, never one the instance or this run already uses."""

    grammar: ResourceCodeGrammar
    used: set[str] = field(default_factory=set)
    _next: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        template = self.grammar.template
        if template is None or len(_SEQ.findall(template)) != 1:
            raise UsageError(
                Text(
                    "govdata.yaml 的 resource_code 缺少 template（含且仅含一个 {seq}），无法分配信息资源代码；"
                    '例如 template: "{class}{group}{dept}/{seq:06d}"，并在 group_codes 中给出项编码',
                    "resource_code in govdata.yaml needs a template with exactly one {seq} to allocate codes, "
                    'e.g. template: "{class}{group}{dept}/{seq:06d}" with group_codes for the 项',
                )
            )
        self._head, self._tail = _SEQ.split(template)
        self._seq = _SEQ.search(template).group(0)  # type: ignore[union-attr]

    def _fields(self, class_name: str, group: str, dept: str) -> dict[str, str]:
        class_code = next((code for code, name in self.grammar.class_codes.items() if name == class_name), None)
        group_code = self.grammar.group_codes.get(group) or self.grammar.group_codes.get(class_name)
        if class_code is None or group_code is None:
            raise UsageError(
                Text(
                    f"govdata.yaml 的 resource_code 未给出“{class_name}”的类编码或“{group}”的项编码（group_codes）",
                    f"resource_code in govdata.yaml gives no class code for {class_name} or 项 code for {group}",
                )
            )
        return {"class": class_code, "group": group_code, "dept": dept}

    def allocate(self, class_name: str, group: str, dept: str, wanted: str | None = None) -> str:
        """``wanted`` (the source's own code) when free, else the next sequence number after the used ones."""
        if wanted is not None and wanted not in self.used:
            self.used.add(wanted)
            return wanted
        fields = self._fields(class_name, group, dept)
        prefix = self._head.format(**fields)
        suffix = self._tail.format(**fields)
        if prefix not in self._next:
            numbers = [
                int(code[len(prefix) : len(code) - len(suffix)])
                for code in self.used
                if code.startswith(prefix)
                and code.endswith(suffix)
                and code[len(prefix) : len(code) - len(suffix) or None].isdigit()
            ]
            self._next[prefix] = max(numbers, default=0) + 1
        while True:
            number = self._next[prefix]
            self._next[prefix] += 1
            code = prefix + self._seq.format(seq=number) + suffix
            if code not in self.used:
                self.used.add(code)
                return code


def allocator_for(grammar: ResourceCodeGrammar, existing: Iterable[str]) -> CodeAllocator:
    return CodeAllocator(grammar, set(existing))
