"""Rule settings of an instance: severity overrides, options, waivers, and --select/--ignore."""

from __future__ import annotations

import datetime as dt
import fnmatch
from dataclasses import dataclass, field, replace

from pydantic import ValidationError

from govdata.diagnostics import Diagnostic, Severity
from govdata.errors import ConfigError, UsageError
from govdata.i18n import Text
from govdata.model.config import InstanceConfig, Waiver
from govdata.rules import RULES, by_id, matches
from govdata.rules.base import RuleInfo, RuleOptions


@dataclass(frozen=True)
class Selection:
    """Which rules a run reports: ``select`` (empty means all) minus ``ignore``."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for selector in (*self.select, *self.ignore):
            if not any(matches(rule, selector) for rule in RULES):
                raise ConfigError(
                    Text(f"--select/--ignore 中的“{selector}”不对应任何规则", f"{selector!r} matches no rule")
                )

    def picks(self, rule: type[RuleInfo]) -> bool:
        chosen = not self.select or any(matches(rule, s) for s in self.select)
        return chosen and not any(matches(rule, s) for s in self.ignore)


@dataclass(frozen=True)
class RuleSettings:
    """Effective severity and options of every rule for one instance."""

    severities: dict[str, Severity | None]
    options: dict[str, RuleOptions]
    waivers: tuple[Waiver, ...] = field(default=())

    @classmethod
    def from_config(cls, config: InstanceConfig) -> RuleSettings:
        severities: dict[str, Severity | None] = {rule.id: rule.severity for rule in RULES}
        options: dict[str, RuleOptions] = {rule.id: rule.Options() for rule in RULES}
        for key, setting in config.rules.items():
            try:
                rule = by_id(key)
            except UsageError as error:
                raise ConfigError(
                    Text(
                        f"govdata.yaml: rules 中的“{key}”不是已知规则", f"govdata.yaml: rules.{key} is not a known rule"
                    )
                ) from error
            if setting.severity is not None:
                severities[rule.id] = None if setting.severity == "off" else Severity(setting.severity)
            try:
                options[rule.id] = rule.Options.model_validate(setting.options)
            except ValidationError as error:
                problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
                raise ConfigError(
                    Text(
                        f"govdata.yaml: 规则 {rule.id} 的选项有误：{problems}",
                        f"govdata.yaml: options of {rule.id}: {problems}",
                    )
                ) from error
        for index, waiver in enumerate(config.waivers):
            try:
                by_id(waiver.rule)
            except UsageError as error:
                raise ConfigError(
                    Text(
                        f"govdata.yaml: 第 {index + 1} 个豁免的规则“{waiver.rule}”不存在",
                        f"govdata.yaml: waiver {index + 1} names unknown rule {waiver.rule!r}",
                    )
                ) from error
        return cls(severities, options, tuple(config.waivers))

    def settled(self, diagnostics: list[Diagnostic], selection: Selection) -> list[Diagnostic]:
        """Findings at their configured severity, without rules switched off or not selected."""
        rules = {rule.id: rule for rule in RULES}
        settled = []
        for diagnostic in diagnostics:
            severity = self.severities[diagnostic.rule_id]
            if severity is None or not selection.picks(rules[diagnostic.rule_id]):
                continue
            settled.append(diagnostic if severity is diagnostic.severity else replace(diagnostic, severity=severity))
        return settled

    def waived(self, rule_id: str, path: str, today: dt.date) -> bool:
        for waiver in self.waivers:
            if waiver.expires is not None and waiver.expires < today:
                continue
            if by_id(waiver.rule).id != rule_id:
                continue
            if waiver.path is None or fnmatch.fnmatchcase(path, waiver.path):
                return True
        return False
