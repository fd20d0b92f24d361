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
)

RULES: tuple[type[RuleInfo], ...] = tuple(sorted((*BUILTIN, *CATALOG_RULES), key=lambda rule: rule.id))


def by_id(key: str) -> type[RuleInfo]:
    """A rule by id (``GD010``, any case) or name (``resource-code-grammar``)."""
    for rule in RULES:
        if key.upper() == rule.id or key == rule.name:
            return rule
    raise UsageError(Text(f"未知规则“{key}”；运行 govdata rules 查看全部规则", f"unknown rule {key!r}; see govdata rules"))


def matches(rule: type[RuleInfo], selector: str) -> bool:
    """Whether ``selector`` (an id, an id prefix such as ``GD01``, a name or a tag) picks ``rule``."""
    return (
        rule.id.startswith(selector.upper())
        or selector == rule.name
        or selector in rule.tags
    )
