"""The rule registry: every rule, listed by hand, sorted by id. The only registry there is."""

from __future__ import annotations

from govdata.errors import UsageError
from govdata.i18n import Text
from govdata.rules.base import BuiltinRule, Rule, RuleInfo
from govdata.rules.builtin import LoadError, SchemaViolation, UnexpectedFile
from govdata.rules.gd004_waiver_expired import WaiverExpired
from govdata.rules.gd005_schema_modeline import SchemaModeline
from govdata.rules.gd010_resource_code_grammar import ResourceCodeGrammar
from govdata.rules.gd011_resource_code_unique import ResourceCodeUnique
from govdata.rules.gd012_resource_path import ResourcePath
from govdata.rules.gd013_provider_registered import ProviderRegistered
from govdata.rules.gd014_uscc_valid import UsccValid
from govdata.rules.gd015_legal_basis_resolves import LegalBasisResolves
from govdata.rules.gd016_registry_unique import RegistryUnique
from govdata.rules.gd017_classification_tree import ClassificationTree
from govdata.rules.gd101_restricted_sharing_basis import RestrictedSharingBasis
from govdata.rules.gd102_base_items_unconditional import BaseItemsUnconditional
from govdata.rules.gd103_restricted_opening_basis import RestrictedOpeningBasis
from govdata.rules.gd104_sharing_opening_consistent import SharingOpeningConsistent
from govdata.rules.gd105_security_level_exposure import SecurityLevelExposure
from govdata.rules.gd106_identity_key_present import IdentityKeyPresent
from govdata.rules.gd107_one_data_one_source import OneDataOneSource
from govdata.rules.gd108_aggregation_basis import AggregationBasis
from govdata.rules.gd109_metadata_complete import MetadataComplete
from govdata.rules.gd110_demand_resolves import DemandResolves
from govdata.rules.gd301_grant_items_requestable import GrantItemsRequestable
from govdata.rules.gd302_grant_conditions import GrantConditions
from govdata.rules.gd303_grant_batch_reason import GrantBatchReason
from govdata.rules.gd304_grant_duty_basis import GrantDutyBasis
from govdata.rules.gd305_grant_minimal_items import GrantMinimalItems
from govdata.rules.gd306_grant_own_data import GrantOwnData
from govdata.rules.gd307_grant_validity_period import GrantValidityPeriod
from govdata.rules.gd308_grant_past_end import GrantPastEnd
from govdata.rules.gd309_grant_catalog_drift import GrantCatalogDrift
from govdata.rules.gd310_grant_record_place import GrantRecordPlace
from govdata.rules.gd311_grant_history import GrantHistory
from govdata.rules.gd401_case_overdue import CaseOverdue
from govdata.rules.gd402_case_extension import CaseExtension
from govdata.rules.gd403_case_correction_period import CaseCorrectionPeriod
from govdata.rules.gd404_case_refusal_reasons import CaseRefusalReasons
from govdata.rules.gd405_case_events import CaseEvents
from govdata.rules.gd406_case_references import CaseReferences
from govdata.rules.gd407_case_header import CaseHeader
from govdata.rules.gd408_case_calendar_unknown import CaseCalendarUnknown
from govdata.rules.gd501_project_catalog_list import ProjectCatalogList
from govdata.rules.gd502_project_acceptance import ProjectAcceptance
from govdata.rules.gd503_record_place import RecordPlace
from govdata.rules.gd504_security_yearly_duties import SecurityYearlyDuties
from govdata.rules.gd505_security_incident_reported import SecurityIncidentReported

BUILTIN: tuple[type[BuiltinRule], ...] = (LoadError, SchemaViolation, UnexpectedFile)

CATALOG_RULES: tuple[type[Rule], ...] = (
    WaiverExpired,
    SchemaModeline,
    ResourceCodeGrammar,
    ResourceCodeUnique,
    ResourcePath,
    ProviderRegistered,
    UsccValid,
    LegalBasisResolves,
    RegistryUnique,
    ClassificationTree,
    RestrictedSharingBasis,
    BaseItemsUnconditional,
    RestrictedOpeningBasis,
    SharingOpeningConsistent,
    SecurityLevelExposure,
    IdentityKeyPresent,
    OneDataOneSource,
    AggregationBasis,
    MetadataComplete,
    DemandResolves,
    GrantItemsRequestable,
    GrantConditions,
    GrantBatchReason,
    GrantDutyBasis,
    GrantMinimalItems,
    GrantOwnData,
    GrantValidityPeriod,
    GrantPastEnd,
    GrantCatalogDrift,
    GrantRecordPlace,
    GrantHistory,
    CaseOverdue,
    CaseExtension,
    CaseCorrectionPeriod,
    CaseRefusalReasons,
    CaseEvents,
    CaseReferences,
    CaseHeader,
    CaseCalendarUnknown,
    ProjectCatalogList,
    ProjectAcceptance,
    RecordPlace,
    SecurityYearlyDuties,
    SecurityIncidentReported,
)

RULES: tuple[type[RuleInfo], ...] = tuple(sorted((*BUILTIN, *CATALOG_RULES), key=lambda rule: rule.id))


def by_id(key: str) -> type[RuleInfo]:
    """A rule by id (``GD010``, any case) or name (``resource-code-grammar``)."""
    for rule in RULES:
        if key.upper() == rule.id or key == rule.name:
            return rule
    raise UsageError(
        Text(f"未知规则“{key}”；运行 govdata rules 查看全部规则", f"unknown rule {key!r}; see govdata rules")
    )


def matches(rule: type[RuleInfo], selector: str) -> bool:
    """Whether ``selector`` (an id, an id prefix such as ``GD01``, a name or a tag) picks ``rule``."""
    return rule.id.startswith(selector.upper()) or selector == rule.name or selector in rule.tags
