"""The public's way in: a filled issue form (correction request, open-data application) as a new case.

The input is JSON, in either shape the forms contract (FORMS.md, issue 13) allows:

- the parsed form: ``{"form": "correction"|"open-application", "fields": {id: value}, "number",
  "url", "created_at"}``;
- the raw GitHub or GitLab issue object: ``body`` made of ``### <label>`` sections, ``labels``
  naming the form (``correction-request`` / ``open-application``).

A heading is matched to a field id by an id in parentheses (``### 信息资源代码 (resource_code)``,
the GitLab templates), else by the labels of the instance's own issue forms
(``.github/ISSUE_TEMPLATE/*.yml``), else by the built-in Chinese labels. Whatever cannot be
read is refused with the field named; nothing is guessed. The case is received on the day the
issue was opened, in China Standard Time (UTC+8), since the form is how the request arrived.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from govdata.cases.edit import Event, NewCase
from govdata.errors import UsageError
from govdata.i18n import Text
from govdata.model.catalog import Catalog

CHINA = dt.timezone(dt.timedelta(hours=8))
# form -> (case kind, the label that names it on GitHub and GitLab, the field holding the request text)
FORMS = {
    "correction": ("correction", "correction-request", "correction"),
    "open-application": ("open-application", "open-application", "purpose"),
}
REQUIRED = {
    "correction": ("resource_code", "correction", "requester", "contact"),
    "open-application": ("resource_code", "purpose", "requester", "contact"),
}
# Labels a form may use for each field, besides those read from the instance's templates.
LABELS = {
    "resource_code": ("信息资源代码", "资源代码", "Resource code"),
    "items": ("信息项", "涉及的信息项", "Items"),
    "correction": ("更正内容", "需更正的内容", "异议内容", "Correction"),
    "purpose": ("使用场景", "用途", "申请用途", "Purpose"),
    "requester": ("申请人", "申请人名称", "Requester"),
    "contact": ("联系方式", "Contact"),
    "evidence": ("佐证材料", "证明材料", "Evidence"),
}
_HEADING = re.compile(r"^###\s+(.+?)\s*$", re.MULTILINE)
_ID_IN_HEADING = re.compile(r"[(（]\s*([a-z_]+)\s*[)）]\s*$")
_EMPTY = {"_No response_", "None", ""}


@dataclass(frozen=True)
class Submission:
    form: str
    fields: dict[str, str]
    number: int | None
    url: str | None
    created: dt.date


def _bad(zh: str, en: str) -> UsageError:
    return UsageError(Text(zh, en))


def _template_labels(root: Path) -> dict[str, str]:
    """Label -> field id, from the instance's GitHub issue forms (when it has them)."""
    found: dict[str, str] = {}
    for path in sorted((root / ".github" / "ISSUE_TEMPLATE").glob("*.y*ml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError):
            continue
        for element in (data or {}).get("body", []) if isinstance(data, dict) else []:
            if isinstance(element, dict) and element.get("id") and isinstance(element.get("attributes"), dict):
                label = element["attributes"].get("label")
                if isinstance(label, str):
                    found[label.strip()] = str(element["id"])
    return found


def _field_id(heading: str, templates: dict[str, str]) -> str | None:
    match = _ID_IN_HEADING.search(heading)
    if match and match.group(1) in LABELS:
        return match.group(1)
    if heading in templates:
        return templates[heading]
    return next((key for key, labels in LABELS.items() if heading in labels), None)


def parse_body(body: str, templates: dict[str, str]) -> dict[str, str]:
    """The ``### <label>`` sections of an issue body as field id -> text (unknown headings dropped)."""
    fields: dict[str, str] = {}
    headings = list(_HEADING.finditer(body))
    for index, heading in enumerate(headings):
        end = headings[index + 1].start() if index + 1 < len(headings) else len(body)
        key = _field_id(heading.group(1), templates)
        value = body[heading.end() : end].strip()
        if key is not None and value not in _EMPTY:
            fields[key] = value
    return fields


def _created(value: Any) -> dt.date:
    if not isinstance(value, str):
        raise _bad("缺少议题创建时间 created_at", "created_at is missing")
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise _bad(f"created_at“{value}”不是 ISO 8601 时间", f"created_at {value!r} is not ISO 8601") from None
    return moment.astimezone(CHINA).date() if moment.tzinfo else moment.date()


def _labels(issue: dict[str, Any]) -> set[str]:
    labels = issue.get("labels") or []
    return {label["name"] if isinstance(label, dict) else str(label) for label in labels}


def read_submission(data: Any, root: Path) -> Submission:
    """A submission from the parsed form or the raw issue; a usage error naming what is missing."""
    if not isinstance(data, dict):
        raise _bad("输入应为 JSON 对象", "the input must be a JSON object")
    if "form" in data:
        form, fields = data["form"], data.get("fields")
        if not isinstance(fields, dict):
            raise _bad("fields 应为对象", "fields must be an object")
        fields = {str(k): str(v).strip() for k, v in fields.items() if v is not None and str(v).strip() not in _EMPTY}
    else:
        named = [name for name, (_, label, _) in FORMS.items() if label in _labels(data)]
        if len(named) != 1:
            raise _bad(
                "无法从标签判断表单：应有 correction-request 或 open-application 之一",
                "the labels do not name one form: correction-request or open-application",
            )
        form = named[0]
        text = data.get("body") or data.get("description") or ""  # GitHub says body, GitLab description
        fields = parse_body(str(text), _template_labels(root))
    if form not in FORMS:
        raise _bad(f"未知表单“{form}”；可用：correction、open-application", f"unknown form {form!r}")
    missing = [key for key in REQUIRED[form] if not fields.get(key)]
    if missing:
        raise _bad(f"表单缺少必填项：{'、'.join(missing)}", f"the form lacks required fields: {', '.join(missing)}")
    number = data.get("number", data.get("iid"))
    url = data.get("url") if "form" in data else data.get("html_url") or data.get("web_url") or data.get("url")
    return Submission(form, fields, number if isinstance(number, int) else None, url, _created(data.get("created_at")))


def _lines(text: str | None) -> tuple[str, ...]:
    return tuple(line.strip().lstrip("-*").strip() for line in (text or "").splitlines() if line.strip())


def draft_case(submission: Submission, catalog: Catalog) -> NewCase:
    """The new case: routed to the resource's provider, received on the day the issue was opened."""
    kind, _, text_field = FORMS[submission.form]
    fields = submission.fields
    code = fields["resource_code"].strip()
    resource = catalog.resource(code)
    if resource is None:
        raise UsageError(
            Text(
                f"目录中没有信息资源“{code}”，无法确定承办部门；请在议题中答复申请人",
                f"no resource {code} in the catalog, so no department to answer; reply on the issue",
            )
        )
    provider = catalog.department_by_code.get(resource.provider.code)
    if provider is None:
        raise UsageError(
            Text(
                f"资源 {code} 的提供方 {resource.provider.code} 未在部门名录中登记",
                f"the provider {resource.provider.code} of {code} is not registered",
            )
        )
    where = f"（议题 #{submission.number}）" if submission.number is not None else ""
    verb = "申请更正" if kind == "correction" else "申请开放"
    return NewCase(
        kind=kind,
        title=f"{fields['requester']}{verb}“{resource.name}”",
        department=provider.slug,
        first=Event("received", submission.created, f"开放平台{where}"),
        requester=(fields["requester"], fields["contact"]),
        resource=code,
        items=_lines(fields.get("items")),
        description=fields[text_field],
        evidence=_lines(fields.get("evidence")),
        source=submission.url,
    )


def load_submission(path: Path, root: Path) -> Submission:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise _bad(f"无法读取 {path}：{error.strerror}", f"cannot read {path}: {error.strerror}") from error
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise _bad(f"{path} 不是有效的 JSON：{error}", f"{path} is not valid JSON: {error}") from error
    return read_submission(data, root)


__all__ = ["Submission", "draft_case", "load_submission", "parse_body", "read_submission"]
