"""A semantic diff as a pull-request comment: an overview, one table per department, details.

Each change links to its file and line (relative to the repository, or under ``--link-base``).
The first line is a hidden marker so that a CI job can find and update its earlier comment.
"""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING, TextIO

from govdata.gitops.review import Level
from govdata.i18n import Lang, Text
from govdata.report.diff_base import DiffOptions, colon, file_link, listing, paren, subject_of, where
from govdata.report.diff_base import articles as _articles
from govdata.report.markdown import cell

if TYPE_CHECKING:
    from govdata.gitops.compare import DiffResult, Entry

MARKER = "<!-- govdata-diff -->"
_AUTHORITY = Text("🏛️ 数据主管部门", "🏛️ authority")
_DEPARTMENT = Text("🗂️ 部门", "🗂️ department")
_BREAKING = Text("⚠️ 破坏性", "⚠️ breaking")


def _badge(entry: Entry, lang: Lang) -> str:
    badge = (_AUTHORITY if entry.review.level is Level.AUTHORITY else _DEPARTMENT).get(lang)
    return badge + (f" · **{_BREAKING.get(lang)}**" if entry.review.breaking else "")


def _link(entry: Entry, result: DiffResult, options: DiffOptions) -> str:
    return f"[{cell(where(entry, result))}]({file_link(entry, result, options)})"


def _overview(result: DiffResult, lang: Lang, groups: list[tuple[str, list[Entry]]]) -> list[str]:
    total, authority, breaking = len(result.entries), result.count(Level.AUTHORITY), result.count(breaking=True)
    lines = [
        MARKER,
        "## " + Text("govdata 目录变更审查", "govdata catalog change review").get(lang),
        "",
        Text(
            f"`{result.base_label}` → `{result.head_label}`：共 **{total}** 项变更，"
            f"**{authority}** 项须数据主管部门批准，**{breaking}** 项为破坏性变更。",
            f"`{result.base_label}` → `{result.head_label}`: **{total}** changes, "
            f"**{authority}** need the authority's approval, **{breaking}** breaking.",
        ).get(lang),
        "",
    ]
    if breaking:
        lines += [
            "> [!WARNING]",
            "> "
            + Text(
                "破坏性变更删除或收紧了已发布目录或有效共享授权所依赖的内容，合并前请与依赖方确认。",
                "Breaking changes remove or restrict what the published catalog or an active grant relies on; "
                "agree them with the consumers before merging.",
            ).get(lang),
            "",
        ]
    head = Text("| 部门 | 变更 | 须主管部门批准 | 破坏性 |", "| department | changes | authority | breaking |")
    lines += [head.get(lang), "|---|---:|---:|---:|"]
    for name, entries in groups:
        n_auth = sum(1 for e in entries if e.review.level is Level.AUTHORITY)
        n_break = sum(1 for e in entries if e.review.breaking)
        lines.append(f"| {cell(name)} | {len(entries)} | {n_auth} | {n_break} |")
    return lines


def _department_table(
    name: str, entries: list[Entry], result: DiffResult, lang: Lang, options: DiffOptions
) -> list[str]:
    head = Text("| 审批 | 变更 | 对象 | 位置 |", "| review | change | subject | location |")
    lines = ["", f"### {cell(name)}", "", head.get(lang), "|---|---|---|---|"]
    for entry in entries:
        lines.append(
            f"| {_badge(entry, lang)} | {cell(entry.text.get(lang))} | `{cell(subject_of(entry))}` | {_link(entry, result, options)} |"
        )
    return lines


def _details(result: DiffResult, lang: Lang, options: DiffOptions, ordered: list[Entry]) -> list[str]:
    """Why the authority must approve (one bullet per reason), and who relies on each breaking change."""
    reasons: dict[Text, list[Entry]] = {}
    for entry in ordered:
        if entry.review.reason is not None:
            reasons.setdefault(entry.review.reason, []).append(entry)
    breaking = [e for e in ordered if e.review.relied_on]
    if not reasons and not breaking:
        return []
    summary = Text("为什么需要这些审批 / 谁依赖被改动的内容", "Why these approvals, and who relies on what changed")
    lines = ["", f"<details><summary>{summary.get(lang)}</summary>", ""]
    for reason, entries in reasons.items():
        articles = _articles(dict.fromkeys(a for e in entries for a in e.review.articles), lang)
        links = listing(list(dict.fromkeys(_link(e, result, options) for e in entries)), lang)
        lines.append(f"- 🏛️ {reason.get(lang)}{paren(articles, lang)}{colon(lang)}{links}")
    for entry in breaking:
        relied = listing([r.get(lang) for r in entry.review.relied_on], lang)
        word = Text("依赖方", "relied on by").get(lang) + colon(lang) + relied
        lines.append(
            f"- {_BREAKING.get(lang)} {cell(entry.text.get(lang))}{paren(word, lang)}{colon(lang)}{_link(entry, result, options)}"
        )
    return [*lines, "", "</details>"]


def _problems(result: DiffResult, lang: Lang) -> list[str]:
    if not result.problems:
        return []
    paths = sorted({d.location.path for d in result.problems})
    note = Text(
        f"以下 {len(paths)} 个文件未通过校验，无法比较，须所属部门和数据主管部门批准；请先修正 `govdata validate` 报告的问题：",
        f"{len(paths)} files fail validation and cannot be compared, so they need their owner and the authority; "
        "fix what `govdata validate` reports first:",
    )
    return ["", "> [!CAUTION]", "> " + note.get(lang), *(f"> - `{result.prefix}{p}`" for p in paths)]


class DiffMarkdownReporter:
    def report(self, result: DiffResult, lang: Lang, stream: TextIO, options: DiffOptions) -> None:
        def department(entry: Entry) -> str:
            return result.department_name(entry.change.department)

        ordered = sorted(result.entries, key=lambda e: (department(e), e.location.path, e.location.line or 0))
        groups = [(name, list(group)) for name, group in groupby(ordered, key=department)]
        if not result.entries:
            lines = [
                MARKER,
                "## " + Text("govdata 目录变更审查", "govdata catalog change review").get(lang),
                "",
                Text(
                    f"`{result.base_label}` → `{result.head_label}`：没有语义变更。",
                    f"`{result.base_label}` → `{result.head_label}`: no semantic changes.",
                ).get(lang),
            ]
        else:
            lines = _overview(result, lang, groups)
            for name, entries in groups:
                lines += _department_table(name, entries, result, lang, options)
            lines += _details(result, lang, options, ordered)
        lines += _problems(result, lang)
        stream.write("\n".join(lines) + "\n")
