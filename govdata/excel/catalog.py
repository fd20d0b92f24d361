"""The catalog as the workbook sees it: resource files by code, and the registries' lists."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govdata.errors import UsageError
from govdata.excel.write import Registries
from govdata.i18n import Text
from govdata.io.fastyaml import YamlProblem, load_yaml
from govdata.io.source import DecodeProblem, decode
from govdata.model.kinds import RESOURCE


@dataclass(frozen=True)
class CatalogFile:
    path: str  # instance-relative, POSIX
    data: dict[str, Any]


def _plain(root: Path, path: str) -> Any:
    """The data of a YAML file; None when it cannot be read (validate reports why)."""
    try:
        text = decode((root / path).read_bytes())
    except OSError:
        return None
    if isinstance(text, DecodeProblem):
        return None
    loaded = load_yaml(text)
    return None if isinstance(loaded, YamlProblem) else loaded[0]


def resource_files(root: Path, departments: list[str] | None = None) -> list[CatalogFile]:
    """The resource files under ``catalogs/`` (of ``departments`` only, when given), by path."""
    found = []
    for file in sorted((root / "catalogs").glob("*/*.yaml")):
        path = file.relative_to(root).as_posix()
        if not RESOURCE.matches(path) or (departments and file.parent.name not in departments):
            continue
        data = _plain(root, path)
        if isinstance(data, dict):
            found.append(CatalogFile(path, data))
    return found


def departments(root: Path) -> list[dict[str, Any]]:
    data = _plain(root, "registry/departments.yaml")
    entries = data.get("departments") if isinstance(data, dict) else None
    return [d for d in entries or [] if isinstance(d, dict)]


def class_names(root: Path) -> dict[str, str]:
    """Each name and synonym in registry/classification.yaml to the node's name (人口 → 人口基础信息资源);
    empty when the instance keeps no classification registry or it does not load (validate says why)."""
    from pydantic import ValidationError

    from govdata.model.classification import ClassificationRegistry, walk

    data = _plain(root, "registry/classification.yaml")
    try:
        registry = ClassificationRegistry.model_validate(data)
    except ValidationError:
        return {}
    names: dict[str, str] = {}
    for _path, node, _parent in walk(registry.nodes):
        for name in (node.name, *node.synonyms):
            names.setdefault(name, node.name)
    return names


def legal_bases(root: Path) -> list[dict[str, Any]]:
    data = _plain(root, "registry/legal-bases.yaml")
    entries = data.get("legal_bases") if isinstance(data, dict) else None
    return [b for b in entries or [] if isinstance(b, dict)]


def registries(root: Path) -> Registries:
    depts = departments(root)
    bases = legal_bases(root)
    return Registries(
        tuple(str(d.get("code", "")) for d in depts),
        tuple(str(d.get("name", "")) for d in depts),
        tuple(str(b.get("id", "")) for b in bases),
        tuple(str(b.get("title", "")) for b in bases),
    )


def check_departments(root: Path, slugs: list[str]) -> None:
    """Refuse a department that is not in the registry (exit 2), rather than export nothing."""
    known = {str(d.get("slug")) for d in departments(root)}
    unknown = [slug for slug in slugs if slug not in known]
    if unknown:
        raise UsageError(
            Text(
                f"部门名录中没有这些部门：{'、'.join(unknown)}；可用的部门文件夹名：{'、'.join(sorted(known))}",
                f"department not found: {', '.join(unknown)}; known: {', '.join(sorted(known))}",
            )
        )
