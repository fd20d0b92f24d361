"""A catalog repository whose registry names people: the gate's bypass tests branch from its main.

Maintainers (at BASE): 数据局 @wangwu @zhaoliu, 公安 @zhangsan @xiaoming, 民政 @lisi @xiaohong.
main holds 公安's resource, 民政's resource (有条件共享), an approved grant of 民政 and a
pending one.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.gitops.conftest import GitRepo
from tests.gitops.scenario import GRANT, GRANT_TEXT, initial_files, replace

PENDING = "grants/minzheng/minzheng-2026-002.yaml"
PEOPLE = {
    '["@test/dashuju"]': '["@test/dashuju", "@wangwu", "@zhaoliu"]',
    '["@test/gongan"]': '["@test/gongan", "@zhangsan", "@xiaoming"]',
    '["@test/minzheng"]': '["@test/minzheng", "@lisi", "@xiaohong"]',
}


def pending_grant() -> str:
    text = replace(
        GRANT_TEXT,
        ("id: minzheng-2026-001", "id: minzheng-2026-002"),
        ("status: 已批准", "status: 申请中"),
        ("  - name: 公民身份号码\n", "  - name: 公民身份号码\n    justification: 核验申请人身份\n"),
        ("  - name: 出生日期\n", "  - name: 出生日期\n    justification: 核定年龄\n"),
    )
    text = text[: text.index("decision:")] + text[text.index("history:") :]
    return text[: text.index('  - date: "2025-12-20"')]


def gate_files() -> dict[str, str]:
    files = initial_files()
    registry = files["registry/departments.yaml"]
    for old, new in PEOPLE.items():
        registry = registry.replace(old, new)
    files["registry/departments.yaml"] = registry
    files[PENDING] = pending_grant()
    assert GRANT in files
    return files


@pytest.fixture
def catalog_repo(git_repo: Callable[..., GitRepo]) -> GitRepo:
    return git_repo(gate_files())
