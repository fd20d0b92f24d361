"""Demand matches as records (JSON) and their one-line explanation (text tables)."""

from __future__ import annotations

from typing import Any

from govdata.demands.match import Match, State
from govdata.i18n import Text
from govdata.model.catalog import Catalog


def provider_name(catalog: Catalog, code: str) -> str:
    department = catalog.department_by_code.get(code)
    return department.name if department else code


def explain(match: Match) -> Text:
    """Why a demand has the state it has, and what to do next."""
    parts: list[Text] = []
    if match.state is State.BROKEN:
        parts.append(
            Text(
                f"资源 {match.resource} 不存在或不属于提供部门",
                f"resource {match.resource} is missing or another department's",
            )
        )
    if match.state is State.SUGGESTED:
        parts.append(Text(f"建议匹配 {match.resource}（填入 resource）", f"suggest {match.resource} (set resource)"))
    if match.missing:
        parts.append(Text("缺少：" + "、".join(match.missing), "missing: " + ", ".join(match.missing)))
    if match.not_shared:
        parts.append(Text("不予共享：" + "、".join(match.not_shared), "not shared: " + ", ".join(match.not_shared)))
    if match.state is not State.SUGGESTED and match.candidates and match.resource is None:
        codes = "、".join(f"{c.code} {c.name}" for c in match.candidates)
        parts.append(Text("候选：" + codes, "candidates: " + codes.replace("、", ", ")))
    if not parts:
        return Text("—", "—")
    return Text("；".join(p.zh for p in parts), "; ".join(p.en for p in parts))


def match_record(catalog: Catalog, match: Match) -> dict[str, Any]:
    demand = match.demand
    return {
        "department": match.department,
        "path": match.path,
        "id": demand.id,
        "title": demand.title,
        "provider": demand.provider,
        "provider_name": provider_name(catalog, demand.provider),
        "items": list(demand.items),
        "recorded_status": demand.status,
        "state": match.state.value,
        "met": match.met,
        "resource": match.resource,
        "missing": list(match.missing),
        "not_shared": list(match.not_shared),
        "candidates": [
            {"code": c.code, "name": c.name, "covered": list(c.covered), "missing": list(c.missing)}
            for c in match.candidates
        ],
    }


__all__ = ["explain", "match_record", "provider_name"]
