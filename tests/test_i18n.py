"""Article numbers as Chinese readers cite them, and English counts that read right."""

from __future__ import annotations

import pytest

from govdata.i18n import Lang, article_text, chinese_number, plural


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (1, "一"),
        (10, "十"),
        (14, "十四"),
        (20, "二十"),
        (57, "五十七"),
        (100, "一百"),
        (105, "一百零五"),
        (110, "一百一十"),
    ],
)
def test_chinese_numbers(number: int, words: str) -> None:
    assert chinese_number(number) == words


def test_articles_in_chinese_and_english() -> None:
    assert article_text("Art. 14, 57(1)", Lang.ZH) == "第十四条、第五十七条第（一）项"
    assert article_text("Art. 14, 57(1)", Lang.EN) == "Art. 14, 57(1)"
    assert article_text(None, Lang.ZH) == ""


def test_plural() -> None:
    assert [plural(n, "file") for n in (0, 1, 2)] == ["0 files", "1 file", "2 files"]
