"""Cases in the merge gate: each appended event needs the party the cases' ownership table names
(govdata.cases.ownership), not the authority for everything. Real git repositories."""

from __future__ import annotations

import json
from collections.abc import Callable

from tests.conftest import CliResult
from tests.gate.test_bypasses import gate, pull_request
from tests.gitops.conftest import GitRepo

Run = Callable[..., CliResult]
CASE = "cases/2026/problem-data-2026-001.yaml"
CASE_TEXT = """\
# yaml-language-server: $schema=../../schemas/case.schema.json
id: problem-data-2026-001
kind: problem-data
title: 户籍出生日期与出生医学证明不一致
department: gongan
reporter: minzheng
resource: "101002/000001"
description: 低保审核中发现申请人户籍出生日期与出生医学证明不一致
evidence:
  - 比对清单
events:
  - date: "2026-09-28"
    type: received
    by: 民政局 赵丽
"""
DISPATCHED = '  - date: "2026-09-29"\n    type: dispatched\n    by: 数据资源科 李娜\n'
DECIDED = '  - date: "2026-10-12"\n    type: decided\n    by: 公安局户政科 张伟\n    outcome: 更正\n    reason: 核实为历史补录错误\n'


def missing_parties(result: CliResult) -> set[str]:
    return {str(m["party_name"]) for m in json.loads(result.stdout)["missing"]}


def test_the_producer_records_its_decision_with_its_own_review(catalog_repo: GitRepo, govdata: Run) -> None:
    catalog_repo.commit({CASE: CASE_TEXT + DISPATCHED}, "case dispatched")
    pull_request(catalog_repo, {CASE: CASE_TEXT + DISPATCHED + DECIDED}, author="张三 <zhangsan@gongan.example>")
    assert gate(govdata, catalog_repo, "@zhangsan", "@xiaoming").exit_code == 0
    # 民政 (the reporter) cannot stand in for 公安 (the producer that decides)
    refused = gate(govdata, catalog_repo, "@zhangsan", "@lisi", extra=("--format", "json"))
    assert refused.exit_code == 1
    assert missing_parties(refused) == {"测试区公安局"}


def test_a_department_recording_the_authoritys_dispatch_needs_the_authority(
    catalog_repo: GitRepo, govdata: Run
) -> None:
    catalog_repo.commit({CASE: CASE_TEXT}, "case received")
    pull_request(catalog_repo, {CASE: CASE_TEXT + DISPATCHED})
    refused = gate(govdata, catalog_repo, "@lisi", "@xiaohong", extra=("--format", "json"))
    assert refused.exit_code == 1
    assert missing_parties(refused) == {"测试区政务服务和大数据管理局"}
    assert gate(govdata, catalog_repo, "@lisi", "@wangwu").exit_code == 0
