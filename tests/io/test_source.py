"""Bytes to text: what departments' editors actually produce."""

from __future__ import annotations

import codecs

from govdata.io.source import DecodeProblem, decode


def test_utf8_with_and_without_bom() -> None:
    assert decode("名称: 值\n".encode()) == "名称: 值\n"
    assert decode(codecs.BOM_UTF8 + "名称: 值\n".encode()) == "名称: 值\n"


def test_gbk_is_recognised_and_located() -> None:
    problem = decode("code: x\nname: 户籍人口\n".encode("gbk"))
    assert isinstance(problem, DecodeProblem)
    assert "GBK" in problem.message.zh and (problem.line, problem.column) == (2, 7)
    assert problem.hint is not None and "iconv" in problem.hint.zh


def test_utf16_is_refused_with_advice() -> None:
    problem = decode(codecs.BOM_UTF16_LE + "a: 1\n".encode("utf-16-le"))
    assert isinstance(problem, DecodeProblem) and "UTF-16" in problem.message.zh


def test_random_bytes_are_not_called_gbk() -> None:
    problem = decode(b"a: \xff\xfe\xfd\n")
    assert isinstance(problem, DecodeProblem)
    assert "GBK" not in problem.message.zh and problem.line == 1


def test_nul_and_size_bounds() -> None:
    nul = decode(b"a: 1\nb: \x00\n")
    assert isinstance(nul, DecodeProblem) and nul.line == 2
    big = decode(b"a: " + b"x" * 100 + b"\n", max_bytes=50)
    assert isinstance(big, DecodeProblem) and "过大" in big.message.zh
