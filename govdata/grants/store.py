"""Where grant files live and how they are named: ``grants/<applicant slug>/<id>.yaml``."""

from __future__ import annotations

import re
from typing import TypeVar

from govdata.errors import UsageError
from govdata.i18n import Text
from govdata.model.base import Model
from govdata.model.catalog import Catalog, Document
from govdata.model.grant import Grant
from govdata.model.registry import Department

M = TypeVar("M", bound=Model)


def grant_path(slug: str, grant_id: str) -> str:
    return f"grants/{slug}/{grant_id}.yaml"


def find_grant(catalog: Catalog, grant_id: str, present: list[str]) -> Document[Grant]:
    """The loaded grant ``grant_id``; a usage error naming the reason when there is none.

    ``present`` lists the instance's grant files, so that a file which exists but failed its
    schema is told apart from an id that does not exist.
    """
    return find_document(catalog.grants, grant_id, present, Text("授权", "grant"))


def find_document(documents: list[Document[M]], ident: str, present: list[str], noun: Text) -> Document[M]:
    """The document whose model's ``id`` is ``ident`` among ``documents`` (grants, cases, …).

    A file in ``present`` named after ``ident`` that did not load is told apart from an id
    that does not exist; both are usage errors saying what to do.
    """
    for document in documents:
        if getattr(document.model, "id", None) == ident:
            return document
    broken = [path for path in present if path.endswith(f"/{ident}.yaml")]
    if broken:
        raise UsageError(
            Text(
                f"{noun.zh}文件 {broken[0]} 无法读取或不符合数据规范；请先运行 govdata validate {broken[0]} 并修正",
                f"the {noun.en} file {broken[0]} does not load; run govdata validate {broken[0]} and fix it first",
            )
        )
    known = sorted(str(getattr(document.model, "id", "")) for document in documents)
    raise UsageError(
        Text(
            f"没有编号为“{ident}”的{noun.zh}" + (f"；已有：{'、'.join(known[:8])}" if known else ""),
            f"no {noun.en} with id {ident!r}" + (f"; known: {', '.join(known[:8])}" if known else ""),
        )
    )


def department(catalog: Catalog, key: str) -> Department:
    """A department by slug or 统一社会信用代码; a usage error listing the slugs otherwise."""
    found = catalog.department_by_slug.get(key) or catalog.department_by_code.get(key)
    if found is None:
        slugs = "、".join(sorted(catalog.department_by_slug))
        raise UsageError(
            Text(
                f"部门名录中没有“{key}”；可用的部门：{slugs}", f"no department {key!r} in the registry; known: {slugs}"
            )
        )
    return found


def next_grant_id(catalog: Catalog, slug: str, year: int, present: list[str]) -> str:
    """``<slug>-<year>-NNN``, one past the highest number used that year (ids and file names)."""
    pattern = re.compile(rf"^{re.escape(slug)}-{year}-(\d+)$")
    used = [d.model.id for d in catalog.grants] + [path.rsplit("/", 1)[-1].removesuffix(".yaml") for path in present]
    numbers = [int(m.group(1)) for name in used if (m := pattern.match(name))]
    return f"{slug}-{year}-{max(numbers, default=0) + 1:03d}"


__all__ = ["department", "find_document", "find_grant", "grant_path", "next_grant_id"]
