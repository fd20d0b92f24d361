"""Bilingual text. Every user-facing message exists in Chinese and English; reporters pick one."""

from __future__ import annotations

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
