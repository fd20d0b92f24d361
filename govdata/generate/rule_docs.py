"""docs/rules/: one Markdown page per rule and an index table, generated from the registry."""

from __future__ import annotations

from govdata.i18n import Lang, article_text
from govdata.rules import RULES
from govdata.rules.base import RuleInfo


def rule_page(rule: type[RuleInfo]) -> str:
    body = rule.documentation().split("\n", 1)
    summary, rest = body[0], (body[1].strip() if len(body) > 1 else "")
    facts = [
        f"- **Id:** `{rule.id}`",
        f"- **Name:** `{rule.name}`",
        f"- **中文名称:** {rule.title.zh}",
        f"- **Article:** {rule.article or '—'}",
        f"- **Default severity:** {rule.severity.value}",
        f"- **Tags:** {', '.join(sorted(rule.tags)) or '—'}",
    ]
    options = rule.Options.model_fields
    if options:
        facts.append("- **Options:** " + ", ".join(f"`{name}`" for name in options))
    return f"# {rule.id} {rule.name}\n\n{summary}\n\n" + "\n".join(facts) + f"\n\n{rest}\n"


_SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def rule_page_zh(rule: type[RuleInfo]) -> str:
    """The page for ``rules show --lang zh-CN``: the facts in Chinese, then the rule's explanation.

    The explanation sections are kept in one language (English) in the rule's docstring; the
    Chinese page says so rather than pretending to a translation.
    """
    facts = [
        f"- **编号：** `{rule.id}`",
        f"- **名称：** {rule.title.zh}（`{rule.name}`）",
        f"- **条款：** {article_text(rule.article, Lang.ZH) or '—'}（《济源示范区政务数据共享管理暂行办法》）",
        f"- **默认级别：** {_SEVERITY_ZH.get(rule.severity.value, rule.severity.value)}",
        f"- **标签：** {'、'.join(sorted(rule.tags)) or '—'}",
    ]
    options = rule.Options.model_fields
    if options:
        facts.append("- **选项：** " + "、".join(f"`{name}`" for name in options))
    return (
        f"# {rule.id} {rule.title.zh}\n\n"
        + "\n".join(facts)
        + "\n\n## 说明（英文）/ Explanation\n\n"
        + rule.documentation()
        + "\n"
    )


def index_page() -> str:
    lines = [
        "# Rules",
        "",
        "Generated from the rule registry by `govdata rules docs`; do not edit by hand.",
        "",
        "| Id | Name | 名称 | Article | Severity | What it checks |",
        "|---|---|---|---|---|---|",
    ]
    for rule in RULES:
        lines.append(
            f"| [{rule.id}]({rule.id}.md) | `{rule.name}` | {rule.title.zh} | {rule.article or '—'} "
            f"| {rule.severity.value} | {rule.summary()} |"
        )
    return "\n".join(lines) + "\n"


def rule_docs() -> dict[str, str]:
    """``{path relative to docs/rules: content}`` for every rule and the index."""
    pages = {f"{rule.id}.md": rule_page(rule) for rule in RULES}
    pages["index.md"] = index_page()
    return pages
