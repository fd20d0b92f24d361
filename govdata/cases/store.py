"""Where case files live and how they are named: ``cases/<year>/<kind>-<year>-NNN.yaml``."""

from __future__ import annotations

import re

from govdata.grants.store import find_document
from govdata.i18n import Text
from govdata.instance import Instance, discover
from govdata.io.transaction import Transaction
from govdata.model.case import Case
from govdata.model.catalog import Catalog, Document
from govdata.model.kinds import CASE, RESOURCE, kind_of


def case_path(case_id: str) -> str:
    """``cases/<year>/<id>.yaml``: the year is the one in the id."""
    year = re.search(r"-([0-9]{4})-[0-9]+$", case_id)
    return f"cases/{year.group(1) if year else '0000'}/{case_id}.yaml"


def next_case_id(kind: str, year: int, present: list[str]) -> str:
    """``<kind>-<year>-NNN``, one past the highest number of that kind used that year."""
    pattern = re.compile(rf"^{re.escape(kind)}-{year}-(\d+)$")
    names = [path.rsplit("/", 1)[-1].removesuffix(".yaml") for path in present]
    numbers = [int(m.group(1)) for name in names if (m := pattern.match(name))]
    return f"{kind}-{year}-{max(numbers, default=0) + 1:03d}"


def find_case(catalog: Catalog, case_id: str, present: list[str]) -> Document[Case]:
    """The loaded case ``case_id``; a usage error saying why there is none."""
    return find_document(catalog.cases, case_id, present, Text("事项", "case"))


def load_cases(
    instance: Instance,
    extra_codes: tuple[str, ...] = (),
    case_id: str | None = None,
    transaction: Transaction | None = None,
) -> tuple[Catalog, list[str]]:
    """Registries, every case and the resources the cases (and ``extra_codes``) name; all case paths.

    Case rules need nothing else. Resources are found by file name (their code, GD012); when
    one is not found that way, the whole instance is read, so a missing file is never taken for
    a missing resource. With ``case_id``, only the files named after it are read (show and event
    need no other case; a copy under the same id is still read, so GD407 still sees it).
    """
    from govdata.grants.lifecycle import load_all

    paths = discover(instance.root)
    case_paths = [path for path in paths if kind_of(path) is CASE]
    wanted_cases = [p for p in case_paths if case_id and p.endswith(f"/{case_id}.yaml")] or case_paths
    reader = transaction.read if transaction is not None else None
    catalog, _ = load_all(instance, [p for p in paths if p.startswith("registry/") or p in wanted_cases], paths, reader)
    by_name: dict[str, list[str]] = {}
    for path in paths:
        if kind_of(path) is RESOURCE:
            by_name.setdefault(path.rsplit("/", 1)[-1], []).append(path)
    codes = {d.model.resource for d in catalog.cases if d.model.resource} | set(extra_codes)
    wanted = {code: by_name.get(code.replace("/", "-") + ".yaml", []) for code in codes}
    if not all(wanted.values()):
        everything, _ = load_all(instance, every=paths, reader=reader)
        return everything, case_paths
    resources, _ = load_all(instance, sorted({path for found in wanted.values() for path in found}), paths)
    catalog.resources.extend(resources.resources)
    catalog.unloaded.extend(resources.unloaded)
    return catalog, case_paths


__all__ = ["case_path", "find_case", "load_cases", "next_case_id"]
