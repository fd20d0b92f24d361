"""docs/rules/: one Markdown page per rule (Chinese first, English below) and an index table."""

from __future__ import annotations

from govdata.i18n import Lang, article_text
from govdata.rules import RULES
from govdata.rules.base import RuleInfo

_SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
_REGULATION_ZH = "《济源示范区政务数据共享管理暂行办法》"


def severity_text(value: str, lang: Lang) -> str:
    return _SEVERITY_ZH.get(value, value) if lang is Lang.ZH else value


def _split(documentation: str) -> tuple[str, str]:
    """``(summary line, the sections after it)``."""
    head, _, rest = documentation.partition("\n")
    return head, rest.strip()


def _facts_en(rule: type[RuleInfo]) -> list[str]:
    facts = [
        f"- **Id:** `{rule.id}`",
        f"- **Name:** `{rule.name}`",
        f"- **中文名称:** {rule.title.zh}",
        f"- **Article:** {rule.article or '—'}",
        f"- **Default severity:** {rule.severity.value}",
        f"- **Tags:** {', '.join(sorted(rule.tags)) or '—'}",
    ]
    if rule.Options.model_fields:
        facts.append("- **Options:** " + ", ".join(f"`{name}`" for name in rule.Options.model_fields))
    return facts


def _facts_zh(rule: type[RuleInfo]) -> list[str]:
    article = article_text(rule.article, Lang.ZH)
    facts = [
        f"- **编号：** `{rule.id}`",
        f"- **名称：** {rule.title.zh}（`{rule.name}`）",
        f"- **条款：** {article + _REGULATION_ZH if article else '—'}",
        f"- **默认级别：** {_SEVERITY_ZH.get(rule.severity.value, rule.severity.value)}",
        f"- **标签：** {'、'.join(sorted(rule.tags)) or '—'}",
    ]
    if rule.Options.model_fields:
        facts.append("- **选项：** " + "、".join(f"`{name}`" for name in rule.Options.model_fields))
    return facts


def rule_page(rule: type[RuleInfo]) -> str:
    """The English page (``rules show --lang en``)."""
    summary, rest = _split(rule.documentation())
    return f"# {rule.id} {rule.name}\n\n{summary}\n\n" + "\n".join(_facts_en(rule)) + f"\n\n{rest}\n"


def rule_page_zh(rule: type[RuleInfo]) -> str:
    """The Chinese page (``rules show --lang zh-CN``): facts and explanation in Chinese."""
    summary, rest = _split(rule.documentation_zh())
    return f"# {rule.id} {rule.title.zh}\n\n{summary}\n\n" + "\n".join(_facts_zh(rule)) + f"\n\n{rest}\n"


def rule_page_both(rule: type[RuleInfo]) -> str:
    """docs/rules/<ID>.md: the Chinese page first, then the English one below a rule."""
    return rule_page_zh(rule) + "\n---\n\n" + rule_page(rule).replace("# ", "## English: ", 1)


def index_page() -> str:
    lines = [
        "# 规则 / Rules",
        "",
        "由 `govdata rules docs` 根据规则注册表生成，请勿手工修改。",
        "Generated from the rule registry by `govdata rules docs`; do not edit by hand.",
        "",
        "| 编号 Id | 名称 | Name | 条款 Article | 级别 Severity | 检查什么 | What it checks |",
        "|---|---|---|---|---|---|---|",
    ]
    for rule in RULES:
        lines.append(
            f"| [{rule.id}]({rule.id}.md) | {rule.title.zh} | `{rule.name}` "
            f"| {article_text(rule.article, Lang.ZH) or '—'} {rule.article or ''} "
            f"| {_SEVERITY_ZH.get(rule.severity.value, rule.severity.value)} {rule.severity.value} "
            f"| {rule.summary_zh()} | {rule.summary()} |"
        )
    return "\n".join(lines) + "\n"


def rule_docs() -> dict[str, str]:
    """``{path relative to docs/rules: content}`` for every rule and the index."""
    pages = {f"{rule.id}.md": rule_page_both(rule) for rule in RULES}
    pages["index.md"] = index_page()
    return pages
