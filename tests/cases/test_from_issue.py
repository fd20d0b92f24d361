"""``govdata cases from-issue``: the public forms (FORMS.md) as cases, in every shape a workflow passes them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from govdata.io.fastyaml import load_yaml
from tests.conftest import CliResult

GITHUB_BODY = """### 信息资源代码

101002/000001

### 信息项

出生日期
姓名

### 更正内容

开放目录把出生日期的格式写成 YYYYMM，应为 YYYYMMDD

### 申请人

济源某信息技术有限公司

### 联系方式

0391-6000000

### 佐证材料

_No response_
"""
GITLAB_BODY = """### 信息资源代码 (resource_code)

101002/000001

### 使用场景 (purpose)

婴幼儿照护服务需求测算，只需按乡镇汇总的出生人数

### 申请人 (requester)

济源市某研究院

### 联系方式 (contact)

0391-6111111

/label ~open-application
"""


def _run(govdata: Callable[..., CliResult], root: Path, data: object) -> CliResult:
    file = root / "issue.json"
    file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return govdata("cases", "from-issue", str(file), "--format", "json", cwd=root)


def _case(root: Path, path: str) -> dict:  # type: ignore[type-arg]
    loaded = load_yaml((root / path).read_text(encoding="utf-8"))
    assert isinstance(loaded, tuple)
    return loaded[0]  # type: ignore[no-any-return]


def test_raw_github_issue_becomes_a_correction_case(
    instance: Callable[..., Path], govdata: Callable[..., CliResult]
) -> None:
    root = instance()
    issue = {
        "number": 42,
        "html_url": "https://github.com/example/catalog/issues/42",
        "created_at": "2026-11-19T18:30:00Z",  # 2026-11-20 02:30 in China: received on the 20th
        "labels": [{"name": "correction-request"}],
        "body": GITHUB_BODY,
    }
    result = _run(govdata, root, issue)
    assert result.exit_code == 0, result.stderr
    made = json.loads(result.stdout)
    assert made == {"id": "correction-2026-001", "path": "cases/2026/correction-2026-001.yaml", "state": "办理中"}
    case = _case(root, made["path"])
    assert case["department"] == "gongan"  # the resource's provider answers (Art. 40)
    assert case["requester"] == {"name": "济源某信息技术有限公司", "contact": "0391-6000000"}
    assert case["items"] == ["出生日期", "姓名"] and "evidence" not in case
    assert case["source"] == issue["html_url"]
    assert case["events"] == [{"date": "2026-11-20", "type": "received", "by": "开放平台（议题 #42）"}]
    again = _run(govdata, root, issue)
    assert again.exit_code == 0 and json.loads(again.stdout)["id"] == "correction-2026-002"


def test_gitlab_issue_and_parsed_form_become_open_applications(
    instance: Callable[..., Path], govdata: Callable[..., CliResult]
) -> None:
    root = instance()
    gitlab = {"iid": 7, "web_url": "https://gitlab.example/x/-/issues/7", "created_at": "2026-11-18T09:00:00.000+08:00",
              "labels": ["open-application"], "description": GITLAB_BODY}  # fmt: skip
    made = _run(govdata, root, gitlab)
    assert made.exit_code == 0, made.stderr
    case = _case(root, json.loads(made.stdout)["path"])
    assert case["kind"] == "open-application" and case["description"].startswith("婴幼儿照护")
    form = {
        "form": "open-application",
        "fields": {
            "resource_code": "101002/000001",
            "purpose": "科研",
            "requester": "某大学",
            "contact": "x@example.edu",
        },
        "number": 8,
        "url": "https://github.com/example/catalog/issues/8",
        "created_at": "2026-11-18T01:00:00Z",
    }
    parsed = _run(govdata, root, form)
    assert parsed.exit_code == 0, parsed.stderr
    assert json.loads(parsed.stdout)["id"] == "open-application-2026-002"


def test_headings_follow_the_instances_own_forms(
    instance: Callable[..., Path], govdata: Callable[..., CliResult]
) -> None:
    root = instance()
    forms = root / ".github" / "ISSUE_TEMPLATE"
    forms.mkdir(parents=True)
    (forms / "correction.yml").write_text(
        "name: 申请更正\nbody:\n  - type: input\n    id: resource_code\n    attributes:\n      label: 目录条目代码\n",
        encoding="utf-8",
    )
    body = GITHUB_BODY.replace("### 信息资源代码", "### 目录条目代码")
    issue = {
        "number": 3,
        "created_at": "2026-11-19T01:00:00Z",
        "labels": [{"name": "correction-request"}],
        "body": body,
    }
    assert _run(govdata, root, issue).exit_code == 0


def test_what_cannot_be_read_is_refused_and_nothing_written(
    instance: Callable[..., Path], govdata: Callable[..., CliResult]
) -> None:
    root = instance()
    base = {"number": 1, "created_at": "2026-11-19T01:00:00Z", "labels": [{"name": "correction-request"}]}
    missing = _run(govdata, root, {**base, "body": GITHUB_BODY.split("### 申请人")[0]})
    assert missing.exit_code == 2 and "requester" in missing.stderr and "contact" in missing.stderr
    unknown = _run(govdata, root, {**base, "body": GITHUB_BODY.replace("101002/000001", "101002/000099")})
    assert unknown.exit_code == 2 and "101002/000099" in unknown.stderr
    unlabelled = _run(govdata, root, {**base, "labels": [], "body": GITHUB_BODY})
    assert unlabelled.exit_code == 2 and "correction-request" in unlabelled.stderr
    (root / "broken.json").write_text("{", encoding="utf-8")
    broken = govdata("cases", "from-issue", "broken.json", cwd=root)
    assert broken.exit_code == 2 and "JSON" in broken.stderr
    assert not (root / "cases").exists()
