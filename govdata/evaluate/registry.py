"""The indicator registry: every indicator, listed by hand. Cases indicators sit in case_indicators."""

from __future__ import annotations

from govdata.errors import ConfigError
from govdata.evaluate.base import Indicator
from govdata.evaluate.case_indicators import CasesOnTime
from govdata.evaluate.catalog_indicators import MetadataQuality, OpenRatio, RestrictedSharingBasis, UnconditionalSharing
from govdata.evaluate.duty_indicators import (
    DemandsMet,
    GrantsUsed,
    ResponsibilityFulfilment,
    SecurityRecords,
    UpdateCycle,
)
from govdata.evaluate.timeliness import CatalogUpdatesInTime
from govdata.i18n import Text
from govdata.model.config import Evaluation

INDICATORS: tuple[type[Indicator], ...] = (
    MetadataQuality,
    CatalogUpdatesInTime,
    UpdateCycle,
    UnconditionalSharing,
    RestrictedSharingBasis,
    OpenRatio,
    GrantsUsed,
    DemandsMet,
    ResponsibilityFulfilment,
    SecurityRecords,
    CasesOnTime,
)


def weighted_indicators(methodology: Evaluation) -> list[tuple[Indicator, float]]:
    """The indicators the methodology weighs, in registry order; an unknown id stops the run."""
    known = {indicator.id: indicator for indicator in INDICATORS}
    unknown = sorted(set(methodology.weights) - set(known))
    if unknown:
        raise ConfigError(
            Text(
                f"govdata.yaml evaluation.weights 中的指标不存在：{'、'.join(unknown)}；可用：{'、'.join(known)}",
                f"unknown indicators in govdata.yaml evaluation.weights: {', '.join(unknown)}; "
                f"known: {', '.join(known)}",
            )
        )
    return [(i(), methodology.weights[i.id]) for i in INDICATORS if methodology.weights.get(i.id, 0) > 0]
