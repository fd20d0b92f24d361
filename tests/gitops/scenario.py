"""A realistic catalog repository with pull requests, for the diff, ownership and history tests.

main:  初始目录 (公安 resource, 民政 resource, an approved grant of 民政 on 公安's data)
       └─ 数据局 adds a legal basis on main while the pull request is open
gongan-update (公安's pull request, forked from the first commit):
       1. renames an item the grant relies on, and opens the resource conditionally
       2. adds a new resource
       3. loosens the sharing of 民政's resource (another department's folder)
       4. adds a maintainer in the registry and touches a schema
       then merges main back in
"""

from __future__ import annotations

from collections.abc import Callable

from tests.gitops.conftest import GitRepo, base_files

GONGAN = "catalogs/gongan/101002-000001.yaml"
GONGAN_NEW = "catalogs/gongan/101002-000002.yaml"
MINZHENG = "catalogs/minzheng/307004-000001.yaml"
GRANT = "grants/minzheng/minzheng-2026-001.yaml"
ZHANGSAN = "张三 <zhangsan@gongan.example>"
LISI = "李四 <lisi@minzheng.example>"
DASHUJU = "王五 <wangwu@dashuju.example>"

GRANT_TEXT = """\
# yaml-language-server: $schema=../../schemas/grant.schema.json
id: minzheng-2026-001
title: 低保申请人户籍信息核验
applicant: 11419001MB0539268D
resource: "101002/000001"
items:
  - name: 公民身份号码
  - name: 出生日期
scenario: 最低生活保障申请受理时核验申请人户籍身份
duty_basis: 《社会救助暂行办法》第十一条规定的最低生活保障审核确认职责
method: 核验
valid_from: "2026-01-01"
valid_until: "2026-12-31"
status: 已批准
decision:
  outcome: 批准
  decided_by: 测试区政务服务和大数据管理局
  date: "2025-12-20"
  reason: 履职需要，核验方式最少够用
history:
  - date: "2025-12-15"
    status: 申请中
    by: 测试区民政局社会救助科
  - date: "2025-12-20"
    status: 已批准
    by: 测试区政务服务和大数据管理局
"""


def replace(text: str, *pairs: tuple[str, str]) -> str:
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def minzheng_resource(base: str) -> str:
    return replace(
        base,
        ('code: "101002/000001"', 'code: "307004/000001"'),
        ("name: 户籍人口基本信息", "name: 最低生活保障对象信息"),
        ("code: 11419001MB03847296\n  name: 测试区公安局", "code: 11419001MB0539268D\n  name: 测试区民政局"),
        ("class: 基础信息资源\n  group: 人口基础信息资源", "class: 部门信息资源\n  group: 测试区民政局"),
        (
            "  type: 无条件共享\n",
            "  type: 有条件共享\n  condition: 仅向社会救助相关部门共享\n  basis: [gov-info-sharing-measures-2016]\n",
        ),
    )


def initial_files() -> dict[str, str]:
    files = base_files()
    files[MINZHENG] = minzheng_resource(files[GONGAN])
    files[GRANT] = GRANT_TEXT
    return files


def pull_request_repo(git_repo: Callable[..., GitRepo]) -> GitRepo:
    g = git_repo(initial_files())
    g.branch("gongan-update")
    gongan = replace(
        g.text(GONGAN),
        ("name: 出生日期", "name: 出生年月日"),
        ("  type: 不予开放\n", "  type: 有条件开放\n  condition: 脱敏后向科研机构开放\n"),
    )
    g.commit({GONGAN: gongan}, "公安：出生日期更名，有条件开放", author=ZHANGSAN)
    new = replace(
        g.text(GONGAN),
        ('code: "101002/000001"', 'code: "101002/000002"'),
        ("name: 户籍人口基本信息", "name: 户籍迁移登记信息"),
    )
    g.commit({GONGAN_NEW: new}, "公安：新增户籍迁移登记信息", author=ZHANGSAN)
    minzheng = replace(
        g.text(MINZHENG),
        (
            "  type: 有条件共享\n  condition: 仅向社会救助相关部门共享\n  basis: [gov-info-sharing-measures-2016]\n",
            "  type: 无条件共享\n",
        ),
    )
    g.commit({MINZHENG: minzheng}, "顺手放宽民政低保信息的共享", author=ZHANGSAN)
    registry = g.text("registry/departments.yaml").replace('["@test/gongan"]', '["@test/gongan", "@zhangsan"]')
    g.commit({"registry/departments.yaml": registry, "schemas/README.md": "schemas\n"}, "登记维护人", author=ZHANGSAN)
    g.switch("main")
    bases = g.text("registry/legal-bases.yaml") + (
        "  - id: social-assistance-measures\n    title: 社会救助暂行办法\n    issuer: 国务院\n"
        '    number: 国务院令第649号\n    date: "2014-02-21"\n    level: 行政法规\n'
    )
    g.commit({"registry/legal-bases.yaml": bases}, "数据局：登记社会救助暂行办法", author=DASHUJU)
    g.switch("gongan-update")
    g.merge("main", "合并 main", author=ZHANGSAN)
    return g


def recoded(text: str, code: str) -> str:
    """A copy of the public security bureau's resource file under another code."""
    return replace(text, ('code: "101002/000001"', f'code: "{code}"'))


def imported_resources(files: dict[str, str]) -> dict[str, str]:
    """250 resource files, copies of the public security bureau's with codes 101002/000100…349:
    above the count that goes to worker processes."""
    return {f"catalogs/gongan/101002-{n:06d}.yaml": recoded(files[GONGAN], f"101002/{n:06d}") for n in range(100, 350)}
