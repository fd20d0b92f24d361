"""Match each demand of every demand list to the catalog.

A demand that names its ``resource`` is checked against it: the resource exists, is the named
provider's, has every requested item, and none of them is 不予共享. A demand without a
resource is matched by provider and item names: the provider's resources are ranked by how
many requested items they hold (then by how close their name is to the demand's title); the
best one that holds every item, all shareable, meets the demand as a suggestion.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from govdata.model.catalog import Catalog
from govdata.model.demand import Demand
from govdata.model.resource import Resource


class State(StrEnum):
    MET = "已满足"  # the named resource serves every item
    SUGGESTED = "可满足"  # no resource named, but one of the provider's serves every item
    PARTIAL = "部分满足"  # some items are missing or not shared
    UNMET = "未满足"  # nothing in the provider's catalog serves it
    BROKEN = "资源有误"  # the named resource does not exist or is another department's


@dataclass(frozen=True)
class Candidate:
    """A resource of the provider that could serve a demand, and how well."""

    code: str
    name: str
    covered: tuple[str, ...]
    missing: tuple[str, ...]
    not_shared: tuple[str, ...]
    keys: int = 0  # how many covered items are only identifiers (公民身份号码 …), which most resources hold

    @property
    def substance(self) -> int:
        """Covered items that are data, not just the key to join on."""
        return len(self.covered) - self.keys

    @property
    def serves_all(self) -> bool:
        return not self.missing and not self.not_shared


@dataclass(frozen=True)
class Match:
    """What the catalog can do for one demand."""

    department: str  # slug of the department whose demand list it is
    path: str
    index: int
    demand: Demand
    state: State
    resource: str | None = None
    missing: tuple[str, ...] = ()
    not_shared: tuple[str, ...] = ()
    candidates: tuple[Candidate, ...] = field(default=())

    @property
    def met(self) -> bool:
        return self.state in (State.MET, State.SUGGESTED)


def normalise(name: str) -> str:
    """Item names compared without width, case, spaces or punctuation differences."""
    folded = unicodedata.normalize("NFKC", name).lower()
    return re.sub(r"[\s\W_]+", "", folded)


def _candidate(resource: Resource, items: list[str]) -> Candidate:
    by_name = {normalise(item.name): item for item in resource.items}
    covered, missing, not_shared = [], [], []
    keys = 0
    for wanted in items:
        item = by_name.get(normalise(wanted))
        if item is None:
            missing.append(wanted)
        elif (item.sharing_type or resource.sharing.type) == "不予共享":
            not_shared.append(wanted)
        else:
            covered.append(wanted)
            keys += item.identifier is not None
    return Candidate(resource.code, resource.name, tuple(covered), tuple(missing), tuple(not_shared), keys)


def _ranked(catalog: Catalog, demand: Demand) -> list[Candidate]:
    resources = [d.model for d in catalog.resources if d.model.provider.code == demand.provider]
    scored = []
    for resource in resources:
        candidate = _candidate(resource, demand.items)
        likeness = difflib.SequenceMatcher(None, demand.title, resource.name).ratio()
        if candidate.covered or candidate.not_shared or likeness >= 0.5:
            # Serving everything first, then data items served, then data held though not shared
            # (which tells the requester where the data is), then keys, then the name.
            held = candidate.substance + len(candidate.not_shared)
            rank = (candidate.serves_all, candidate.substance, held, len(candidate.covered), likeness)
            scored.append((rank, candidate))
    scored.sort(key=lambda entry: (tuple(-value for value in entry[0]), entry[1].code))
    return [candidate for _, candidate in scored]


def match_demand(catalog: Catalog, slug: str, path: str, index: int, demand: Demand) -> Match:
    def made(state: State, **found: Any) -> Match:
        return Match(slug, path, index, demand, state, **found)

    if demand.resource is not None:
        resource = catalog.resource(demand.resource)
        if resource is None or resource.provider.code != demand.provider:
            return made(State.BROKEN, resource=demand.resource, candidates=tuple(_ranked(catalog, demand)[:3]))
        candidate = _candidate(resource, demand.items)
        state = State.MET if candidate.serves_all else State.PARTIAL if candidate.substance else State.UNMET
        return made(state, resource=resource.code, missing=candidate.missing, not_shared=candidate.not_shared)
    ranked = _ranked(catalog, demand)
    best = ranked[0] if ranked else None
    if best is not None and best.serves_all:
        return made(State.SUGGESTED, resource=best.code, candidates=tuple(ranked[:3]))
    if best is not None and best.substance:
        return made(State.PARTIAL, missing=best.missing, not_shared=best.not_shared, candidates=tuple(ranked[:3]))
    return made(
        State.UNMET,
        missing=tuple(demand.items) if best is None else best.missing,
        not_shared=() if best is None else best.not_shared,
        candidates=tuple(ranked[:3]),
    )


def match_all(catalog: Catalog, department: str | None = None) -> list[Match]:
    """Every demand of every demand list (or of one department's, by slug), matched."""
    matches = []
    for document in sorted(catalog.demand_lists, key=lambda d: d.path):
        slug = document.path.split("/")[1]
        if department is not None and slug != department:
            continue
        matches += [match_demand(catalog, slug, document.path, i, d) for i, d in enumerate(document.model.demands)]
    return matches


def gaps(matches: list[Match]) -> dict[str, list[Match]]:
    """Demands the catalog does not meet, by provider code (the gap list)."""
    by_provider: dict[str, list[Match]] = {}
    for match in matches:
        if not match.met:
            by_provider.setdefault(match.demand.provider, []).append(match)
    return dict(sorted(by_provider.items()))


__all__ = ["Candidate", "Match", "State", "gaps", "match_all", "match_demand", "normalise"]
