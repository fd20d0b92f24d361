"""Bilingual text. Every user-facing message exists in Chinese and English; reporters pick one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Lang(StrEnum):
    ZH = "zh-CN"
    EN = "en"


@dataclass(frozen=True, slots=True)
class Text:
    """A message in both languages."""

    zh: str
    en: str

    def get(self, lang: Lang) -> str:
        return self.zh if lang is Lang.ZH else self.en

    def __add__(self, other: Text) -> Text:
        return Text(self.zh + other.zh, self.en + other.en)


def join(parts: list[Text], zh_sep: str = "；", en_sep: str = "; ") -> Text:
    return Text(zh_sep.join(p.zh for p in parts), en_sep.join(p.en for p in parts))


_DIGITS = "零一二三四五六七八九"
_ARTICLE = re.compile(r"(\d+)(?:\((\d+)\))?")


def chinese_number(number: int) -> str:
    """1 → 一, 14 → 十四, 57 → 五十七, 100 → 一百, 105 → 一百零五 (numbers below 1000)."""
    if not 0 < number < 1000:
        return str(number)
    hundreds, rest = divmod(number, 100)
    tens, ones = divmod(rest, 10)
    text = f"{_DIGITS[hundreds]}百" if hundreds else ""
    if tens:
        text += ("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十"
    elif hundreds and ones:
        text += "零"
    return text + (_DIGITS[ones] if ones else "")


def article_text(article: str | None, lang: Lang) -> str:
    """``Art. 14, 57(1)`` as Chinese readers cite it: 第十四条、第五十七条第（一）项."""
    if not article:
        return ""
    if lang is not Lang.ZH:
        return article
    parts = [
        f"第{chinese_number(int(number))}条" + (f"第（{chinese_number(int(item))}）项" if item else "")
        for number, item in _ARTICLE.findall(article)
    ]
    return "、".join(parts) or article


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 file``, ``2 files``: English counts that read right."""
    return f"{count} {word if count == 1 else many or word + 's'}"
