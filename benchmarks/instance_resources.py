"""Render one synthetic resource file (信息资源) as YAML text, consistent with govdata's rules.

The text is written by hand rather than through a YAML library: it is ten times faster, the
output is byte-for-byte deterministic, and the generator then imports nothing heavy. Every
value written here is a safe plain scalar (Chinese text without ``: `` or `` #``) or quoted.

What keeps a resource valid beyond its schema, mirroring the regulation's rules:
basic items only in base-library resources, which are unconditionally shared (Art. 15, 32(2));
restricted sharing or opening cites a law, a regulation or central policy (Art. 32(1), 39);
identifier items that another department leads name their authoritative source (Art. 20);
personal information raises the security level and keeps the data from unconditional opening.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from instance_items import Picked, item_spec, item_text
from instance_vocabulary import (
    ASPECTS,
    DB_TYPES,
    LIBRARY_CORE,
    PURPOSES,
    QUALIFIERS,
    REGION,
    SECRECY_BASES,
    SHARING_BASES,
)

MODELINE = "# yaml-language-server: $schema=../../schemas/resource.schema.json\n"
UPDATE_CYCLES = ("实时", "每日", "每周", "每月", "每季度", "每半年", "每年", "不定期")
UPDATE_WEIGHTS = (10, 25, 8, 25, 12, 5, 10, 5)
UNITS = ("办公室", "政策法规科", "行政审批科", "信息中心", "综合执法大队", "业务管理科", "统计科")


@dataclass(frozen=True, slots=True)
class Department:
    name: str  # full name, with the region
    short: str  # without the region, for prose
    slug: str
    kind: str
    code: str  # 统一社会信用代码
    catalog_code: str
    leads: tuple[str, ...]
    objects: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Planned:
    """One resource before rendering: what the department's other files need to know of it."""

    department: Department
    seq: int
    code: str
    name: str
    class_name: str  # 基础信息资源 / 主题信息资源 / 部门信息资源
    group: str
    obj: str

    @property
    def path(self) -> str:
        return f"catalogs/{self.department.slug}/{self.code.replace('/', '-')}.yaml"


def unique_names(objects: tuple[str, ...], count: int, rng: random.Random) -> list[tuple[str, str]]:
    """``count`` distinct (name, object) pairs for one department's resources."""
    base = [(obj + aspect, obj) for obj in objects for aspect in ASPECTS]
    rng.shuffle(base)
    names = list(base)
    for qualifier in QUALIFIERS:
        if len(names) >= count:
            break
        names += [(name + qualifier, obj) for name, obj in base]
    for round_ in range(2, count + 2):  # only for absurd sizes: numbered batches
        if len(names) >= count:
            break
        names += [(f"{name}（第{round_}批）", obj) for name, obj in base]
    return names[:count]


def _flow(values: list[str] | tuple[str, ...]) -> str:
    return "[" + ", ".join(values) + "]"


def _sharing(plan: Planned, rng: random.Random, category: str, sensitive: bool) -> tuple[str, list[str]]:
    if category == "电子表格":
        methods = ["文件"]
    elif category == "服务接口":
        methods = ["接口", "核验"][: rng.randint(1, 2)]
    else:
        methods = sorted(
            rng.sample(["数据库", "接口", "核验"], rng.randint(1, 2)),
            key=["数据库", "接口", "核验"].index,
        )
    if plan.class_name == "基础信息资源":
        return "无条件共享", ["  type: 无条件共享", f"  methods: {_flow(methods)}"]
    roll = rng.random()
    if roll < 0.05:
        reason = f"  condition: 涉及国家秘密，依法不予共享，确需使用的由{plan.department.short}按保密规定个案提供"
        return "不予共享", ["  type: 不予共享", reason, f"  basis: [{SECRECY_BASES[0]}]"]
    if sensitive or roll < 0.45:
        condition = (
            f"  condition: 仅向承担{plan.obj}相关管理职责的部门提供，用于{rng.choice(PURPOSES)}，"
            f"使用部门须经{plan.department.short}审核同意并按最少够用原则申请信息项"
        )
        return "有条件共享", [
            "  type: 有条件共享",
            condition,
            f"  basis: [{rng.choice(SHARING_BASES)}]",
            f"  methods: {_flow(methods)}",
        ]
    return "无条件共享", ["  type: 无条件共享", f"  methods: {_flow(methods)}"]


def _opening(sharing_type: str, personal: str, rng: random.Random) -> list[str]:
    if sharing_type == "不予共享":
        return ["  type: 不予开放", f"  basis: [{SECRECY_BASES[0]}]"]
    if personal == "敏感个人信息" or (personal == "个人信息" and rng.random() < 0.6):
        return ["  type: 不予开放", "  basis: [pipl]"]
    if personal == "个人信息":
        return [
            "  type: 有条件开放",
            "  condition: 经脱敏处理后向具有相应研究或者服务需求的单位开放统计结果",
            "  basis: [pipl]",
            "  desensitisation: 姓名保留姓氏，证件号码和联系电话仅保留首末两位",
        ]
    roll = rng.random()
    if roll < 0.5 and sharing_type == "无条件共享":  # opening is never wider than sharing
        return ["  type: 无条件开放"]
    if roll < 0.8:
        return [
            "  type: 有条件开放",
            "  condition: 通过开放平台注册实名账号并签订数据使用协议后开放",
            "  basis: [gov-info-disclosure-regulation]",
        ]
    return ["  type: 不予开放", f"  basis: [{SECRECY_BASES[1]}]"]


def _aggregation(plan: Planned, rng: random.Random) -> list[str]:
    roll = rng.random()
    if roll < 0.65 or plan.class_name == "基础信息资源":
        return ["  mode: 实时汇聚"]
    if roll < 0.95:
        return [
            "  mode: 非实时汇聚",
            f"  filing: 测数汇备〔{rng.randint(2021, 2025)}〕{rng.randint(1, 300)}号",
        ]
    return [
        "  mode: 不汇聚",
        f"  exemption_basis: [{SECRECY_BASES[0]}]",
        f"  interface: {plan.name}核验服务接口",
    ]


def _security(personal: str, rng: random.Random) -> str:
    if personal == "敏感个人信息":
        return "重要数据" if rng.random() < 0.1 else "一般数据4级"
    return "一般数据3级" if personal == "个人信息" else rng.choice(("一般数据1级", "一般数据2级"))


def render(
    plan: Planned,
    picked: Picked,
    sources: dict[str, str],
    earlier: list[Planned],
    rng: random.Random,
) -> str:
    """The YAML text of ``plan``. ``sources`` maps item names to the code of the resource they are obtained from."""
    dept, names = plan.department, picked.names
    core = set(LIBRARY_CORE.get(plan.group, ())) if plan.class_name == "基础信息资源" else set()
    levels = {item_spec(name).personal_info for name in names}
    personal = next((p for p in ("敏感个人信息", "个人信息") if p in levels), "无")
    category = rng.choices(("数据库", "电子表格", "服务接口"), (80, 15, 5))[0]
    fmt_type = {"数据库": rng.choice(DB_TYPES), "电子表格": "xlsx", "服务接口": "REST"}[category]
    sharing_type, sharing = _sharing(plan, rng, category, personal == "敏感个人信息")
    abstract = (
        f"{dept.name}在{plan.obj}相关工作中形成的{plan.name}，主要包括{'、'.join(names[:4])}等"
        f"{len(names)}个信息项，数据覆盖{REGION}全域，可用于{rng.choice(PURPOSES)}。"
    )
    out = [
        MODELINE.rstrip("\n"),
        f'code: "{plan.code}"',
        f"name: {plan.name}",
        "provider:",
        f"  code: {dept.code}",
        f"  name: {dept.name}",
    ]
    if rng.random() < 0.5:
        out.append(f"  internal_unit: {rng.choice(UNITS)}")
    out += ["classification:", f"  class: {plan.class_name}", f"  group: {plan.group}"]
    if rng.random() < 0.3:
        out.append(f"  category: {plan.obj}")
    out += [
        f"abstract: {abstract}",
        f"keywords: {_flow(list(dict.fromkeys((plan.obj, dept.short))))}",
        "format:",
        f"  category: {category}",
        f"  type: {fmt_type}",
        "items:",
    ]
    body = "\n".join(out) + "\n" + "".join(item_text(name, name in core, sources.get(name)) for name in names)
    tail = [
        "sharing:",
        *sharing,
        "opening:",
        *_opening(sharing_type, personal, rng),
        f"update_cycle: {rng.choices(UPDATE_CYCLES, UPDATE_WEIGHTS)[0]}",
        f'release_date: "{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"',
    ]
    if earlier and rng.random() < 0.3:
        related = rng.sample(earlier, min(len(earlier), rng.randint(1, 2)))
        tail.append("related_codes: [" + ", ".join(f'"{r.code}"' for r in related) + "]")
    tail.append(f"source_system: {plan.obj}管理信息系统")
    if rng.random() < 0.4:
        verbs = rng.sample(
            ("登记", "变更登记", "注销登记", "审批", "备案", "年度核验", "信息查询"),
            rng.randint(1, 3),
        )
        tail.append(f"business_items: {_flow([plan.obj + verb for verb in verbs])}")
    tail += [
        "aggregation:",
        *_aggregation(plan, rng),
        f"data_subject: {picked.subject}",
        f"security_level: {_security(personal, rng)}",
    ]
    return body + "\n".join(tail) + "\n"
