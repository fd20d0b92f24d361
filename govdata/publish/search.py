"""The site's offline full-text index: Han text as single characters and overlapping pairs.

A query of two or more Han characters matches a dataset whose text holds each of its pairs,
so 医保 finds 医保 and not every text with 医 and 保 apart. Common abbreviations are indexed
beside their full forms (a text with 医疗保障 is also found by 医保). ``search.js`` tokenises
the query the same way; :func:`matches` is the reference implementation the tests compare with.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
WORD = re.compile(r"[0-9a-z]+")
# 简称 → 全称: government abbreviations the public types, indexed where the full form appears.
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "医保": ("医疗保障", "医疗保险"),
    "社保": ("社会保险", "社会保障"),
    "低保": ("最低生活保障",),
    "公积金": ("住房公积金",),
    "不动产": ("不动产登记",),
    "户口": ("户籍",),
}


def _han_tokens(run: str, *, query: bool) -> list[str]:
    if query and len(run) > 1:
        return [run[i : i + 2] for i in range(len(run) - 1)]
    return [*run, *(run[i : i + 2] for i in range(len(run) - 1))]


def tokens(text: str, *, query: bool = False) -> list[str]:
    """Index tokens of ``text`` (a document), or the tokens a query must all match."""
    lowered = text.lower()
    found: list[str] = []
    for run in HAN.findall(lowered):
        found.extend(_han_tokens(run, query=query))
    found.extend(WORD.findall(lowered))
    return found


def document_tokens(texts: Iterable[str], context: Iterable[str] = ()) -> set[str]:
    """Tokens of a dataset's own ``texts`` with their abbreviations, and of ``context`` as written.

    Context (the provider's name) is searchable, but 人力资源和社会保障局 does not make every
    dataset of that department a 社保 dataset.
    """
    joined = "\n".join(texts)
    found = set(tokens(joined)) | set(tokens("\n".join(context)))
    for short, full_forms in ABBREVIATIONS.items():
        if any(form in joined for form in full_forms):
            found.update(tokens(short))
    return found


def build_index(documents: list[list[str]], context: list[list[str]] | None = None) -> dict[str, list[int]]:
    """Postings: token → sorted numbers of the documents (in list order) that contain it."""
    postings: dict[str, list[int]] = {}
    for number, texts in enumerate(documents):
        for token in document_tokens(texts, context[number] if context else ()):
            postings.setdefault(token, []).append(number)
    return {token: postings[token] for token in sorted(postings)}


def matches(index: dict[str, list[int]], query: str, count: int) -> list[int]:
    """Documents holding every token of ``query``; all documents for an empty query."""
    wanted = tokens(query, query=True)
    selected = set(range(count))
    for token in wanted:
        selected &= set(index.get(token, ()))
    return sorted(selected)


def index_script(index: dict[str, list[int]]) -> str:
    """The index as a script that sets a global: a file:// page cannot fetch JSON, but can load a script."""
    payload = json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"window.GOVDATA_SEARCH={payload};\n"
