"""From a met demand to a grant request in 申请中 (``govdata demands draft-grant``)."""

from __future__ import annotations

import datetime as dt

from govdata.demands.match import Match, State, match_demand, normalise
from govdata.errors import UsageError
from govdata.grants.edit import Request
from govdata.i18n import Text
from govdata.model.catalog import Catalog


def find_demand(catalog: Catalog, slug: str, demand_id: str) -> Match:
    """The match of demand ``demand_id`` in ``catalogs/<slug>/demands.yaml``."""
    path = f"catalogs/{slug}/demands.yaml"
    document = next((d for d in catalog.demand_lists if d.path == path), None)
    if document is None:
        raise UsageError(Text(f"{path} 不存在或无法读取", f"{path} does not exist or does not load"))
    for index, demand in enumerate(document.model.demands):
        if demand.id == demand_id:
            return match_demand(catalog, slug, path, index, demand)
    known = "、".join(d.id for d in document.model.demands)
    raise UsageError(
        Text(f"{path} 中没有需求“{demand_id}”；已有：{known}", f"no demand {demand_id!r} in {path}; known: {known}")
    )


def grant_request(
    catalog: Catalog,
    match: Match,
    *,
    method: str,
    valid_from: dt.date,
    valid_until: dt.date,
    date: dt.date,
    by: str = "",
    grant_id: str | None = None,
    batch_reason: str | None = None,
    justifications: tuple[tuple[str, str], ...] = (),
) -> Request:
    """The request that asks for exactly what the demand needs, from the resource that meets it."""
    if not match.met or match.resource is None:
        reasons = "；".join(
            filter(
                None,
                [
                    "缺少 " + "、".join(match.missing) if match.missing else "",
                    "不予共享 " + "、".join(match.not_shared) if match.not_shared else "",
                ],
            )
        )
        raise UsageError(
            Text(
                f"需求 {match.demand.id} 尚不能满足（{match.state.value}{('：' + reasons) if reasons else ''}），不能起草授权申请；"
                "运行 govdata demands 查看候选资源",
                f"demand {match.demand.id} is not met ({match.state.name.lower()}); no grant can be drafted. "
                "Run govdata demands to see candidate resources",
            )
        )
    demand = match.demand
    resource = catalog.resource(match.resource)
    assert resource is not None  # a met demand's resource exists
    # The grant names items exactly as the catalog does, whatever width or spacing the demand used.
    names = {normalise(item.name): item.name for item in resource.items}
    items = tuple(names.get(normalise(name), name) for name in demand.items)
    return Request(
        title=demand.title,
        applicant=match.department,
        resource=match.resource,
        items=items,
        scenario=demand.scenario,
        duty_basis=demand.duty_basis,
        method=method,
        valid_from=valid_from,
        valid_until=valid_until,
        by=by,
        date=date,
        id=grant_id,
        batch_reason=batch_reason,
        justifications=justifications,
        demand=demand.id,
    )


__all__ = ["State", "find_demand", "grant_request"]
