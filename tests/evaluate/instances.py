"""Small hand-made instances whose indicator values are known exactly."""

from __future__ import annotations

from tests.conftest import BASE_INSTANCE

GONGAN = "11419001MB03847296"
# A second 公安 resource with every recommended field filled and its items described:
# all six metadata checks pass (the base resource passes 3 of 6: no keywords, no business
# items, items undescribed). Shared and opened unconditionally.
FULL_RESOURCE = f"""# yaml-language-server: $schema=../../schemas/resource.schema.json
code: "101002/000002"
name: 户籍人口迁移信息
provider:
  code: {GONGAN}
  name: 测试区公安局
classification:
  class: 基础信息资源
  group: 人口基础信息资源
abstract: 户籍人口迁入迁出的登记信息。
keywords: [户籍, 迁移]
format:
  category: 数据库
  type: oracle
items:
  - name: 迁移日期
    data_type: D
    length: 8
    description: 办理迁移登记的日期
  - name: 迁移类型
    data_type: C
    length: 10
    description: 迁入或迁出
sharing:
  type: 无条件共享
  methods: [接口]
opening:
  type: 无条件开放
update_cycle: 实时
release_date: "2023-05-01"
source_system: 人口信息管理系统
business_items: [户口迁移登记]
aggregation:
  mode: 实时汇聚
data_subject: 事项和事件
security_level: 一般数据2级
"""

SECURITY_NO_DRILL = f"""# yaml-language-server: $schema=../../schemas/security.schema.json
department: {GONGAN}
year: 2025
risk_assessments:
  - date: 2025-04-10
    scope: 汇聚、共享、开放、应用
    assessor: 测试区网络安全测评中心
emergency_plan:
  title: 测试区公安局政务数据安全事件应急预案
  adopted: 2024-06-01
"""

DEMANDS = """# yaml-language-server: $schema=../../schemas/demands.schema.json
demands:
  - id: GA-1
    title: 户籍人口基本信息
    provider: 11419001MB03847296
    scenario: 治安管理中的人员身份核对
    duty_basis: 治安管理处罚法规定的职责
    items: [公民身份号码, 姓名]
    resource: "101002/000001"
    status: 已匹配
  - id: GA-2
    title: 婚姻登记信息
    provider: 11419001MB0539268D
    scenario: 户籍登记中的婚姻状况核对
    duty_basis: 户口登记条例规定的职责
    items: [男方姓名, 女方姓名]
"""

SMALL = {
    "catalogs/gongan/101002-000002.yaml": FULL_RESOURCE,
    "security/gongan/2025.yaml": SECURITY_NO_DRILL,
    "catalogs/gongan/demands.yaml": DEMANDS,
}

BASE_RESOURCE = (BASE_INSTANCE / "catalogs" / "gongan" / "101002-000001.yaml").read_text(encoding="utf-8")

# 每月 entries judged on 2025-12-31: the first is aggregated and due again in January (on time,
# fulfilled); the second was last aggregated in October and was due in November (late, not fulfilled).
RESPONSIBILITY = f"""# yaml-language-server: $schema=../schemas/responsibility.schema.json
department: {GONGAN}
name: 测试区公安局
resources:
  - code: "101002/000001"
    name: 户籍人口基本信息
    aggregation_mode: 非实时汇聚
    update_cycle: 每月
    next_due: 2026-01-05
    due_note: 每月更新
    status: 已汇聚
    last_aggregated: 2025-12-05
  - code: "101002/000002"
    name: 户籍人口迁移信息
    aggregation_mode: 非实时汇聚
    update_cycle: 每月
    next_due: 2025-11-03
    due_note: 每月更新
    status: 已汇聚
    last_aggregated: 2025-10-01
"""
