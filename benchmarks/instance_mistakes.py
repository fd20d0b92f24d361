"""Realistic mistakes a department makes in a resource file, for the benchmark's error path.

Each turns a valid file into one govdata must report with its exact line: a value outside a
controlled vocabulary, an impossible or misformatted date, a missing required field, a key
written twice, a resource code copied from another department.
"""

from __future__ import annotations

import random

from instance_resources import Planned

KINDS = ("enum", "date", "missing", "duplicate", "code")


def _index(lines: list[str], prefix: str) -> int:
    return next(i for i, line in enumerate(lines) if line.startswith(prefix))


def _item_lines(lines: list[str], prefix: str) -> list[int]:
    return [i for i, line in enumerate(lines) if line.startswith(prefix)]


def _enum(lines: list[str], rng: random.Random) -> None:
    choice = rng.randrange(3)
    if choice == 0:  # 共享类型 shortened, as people say it
        at = _index(lines, "sharing:") + 1
        lines[at] = lines[at].replace("共享", "")
    elif choice == 1:  # 更新周期 in everyday words
        at = _index(lines, "update_cycle:")
        lines[at] = "update_cycle: " + rng.choice(("每天", "按月", "每个月", "随时"))
    else:  # the database column type instead of the guide's letter
        at = rng.choice(_item_lines(lines, "    data_type: "))
        lines[at] = "    data_type: " + rng.choice(("VARCHAR2", "字符型", "NUMBER", "date"))


def _date(lines: list[str], rng: random.Random) -> None:
    at = _index(lines, "release_date:")
    year = lines[at].split('"')[1][:4]
    lines[at] = "release_date: " + rng.choice(
        (f'"{year}-02-30"', f'"{year}/05/01"', f"{year}年5月1日", f'"{year}-13-01"')
    )


def _missing(lines: list[str], rng: random.Random) -> None:
    if rng.random() < 0.5:
        del lines[_index(lines, "abstract:")]
    else:
        del lines[rng.choice(_item_lines(lines, "    data_type: "))]


def _duplicate(lines: list[str], rng: random.Random) -> None:
    lengths = _item_lines(lines, "    length: ")
    if rng.random() < 0.5 or not lengths:  # a second update_cycle pasted further down
        lines.insert(_index(lines, "source_system:"), "update_cycle: 每年")
    else:  # an item's length written twice
        lines.insert(rng.choice(lengths) + 1, "    length: 100")


def _code(lines: list[str], plan: Planned, other_codes: list[str], rng: random.Random) -> None:
    at = _index(lines, "code:")
    others = [code for code in other_codes if code != plan.department.catalog_code]
    if others:  # the file was copied from another department and kept its segment
        wrong = plan.code[:3] + rng.choice(others) + plan.code[6:]
    else:  # the class digit disagrees with the classification
        wrong = ("3" if plan.code[0] != "3" else "1") + plan.code[1:]
    lines[at] = f'code: "{wrong}"'


def spoil(text: str, plan: Planned, other_codes: list[str], rng: random.Random) -> tuple[str, str]:
    """``text`` with one mistake, and the kind of mistake."""
    kind = rng.choice(KINDS)
    lines = text.split("\n")
    if kind == "enum":
        _enum(lines, rng)
    elif kind == "date":
        _date(lines, rng)
    elif kind == "missing":
        _missing(lines, rng)
    elif kind == "duplicate":
        _duplicate(lines, rng)
    else:
        _code(lines, plan, other_codes, rng)
    return "\n".join(lines), kind
