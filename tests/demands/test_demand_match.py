"""Matching demands to the catalog: by the named resource, or by provider and item names."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from govdata.demands.match import State, gaps, match_all, normalise
from govdata.instance import open_instance
from govdata.validation.engine import validate

FAMILY = (
    Path(__file__).resolve().parents[1]
    / "rules"
    / "GD301"
    / "fail"
    / "not-shared-item-requested"
    / "catalogs"
    / "gongan"
    / "307002-000002.yaml"
)
GONGAN = "11419001MB03847296"
SHICHANG = "11419001MB17641093"


def _demand(
    demand_id: str, title: str, items: list[str], *, provider: str = GONGAN, resource: str | None = None
) -> str:
    lines = [
        f"  - id: {demand_id}",
        f"    title: {title}",
        f"    provider: {provider}",
        "    scenario: 最低生活保障审核",
        "    duty_basis: 《社会救助暂行办法》第十一条规定的审核确认职责",
        f"    items: [{', '.join(items)}]",
    ]
    if resource:
        lines.append(f'    resource: "{resource}"')
        lines.append("    status: 已匹配")
    return "\n".join(lines)


DEMANDS = (
    "\n".join(
        [
            "# yaml-language-server: $schema=../../schemas/demands.schema.json",
            "demands:",
            _demand("MZ-01", "户籍人口基本信息", ["公民身份号码", "姓名"], resource="101002/000001"),
            _demand("MZ-02", "户籍人口出生日期", ["公民身份号码", "出生日期"]),
            _demand("MZ-03", "家庭成员关系", ["与户主关系", "迁入原因"]),
            _demand("MZ-04", "户籍人口婚姻状况", ["公民身份号码", "婚姻状况"]),
            _demand("MZ-05", "企业登记信息", ["统一社会信用代码", "法定代表人"], provider=SHICHANG),
            _demand("MZ-06", "家庭户号", ["户号", "与户主关系"], resource="101002/000001"),
        ]
    )
    + "\n"
)


@pytest.fixture
def matches(instance: Callable[..., Path]) -> dict[str, object]:
    root = instance(
        {
            "catalogs/minzheng/demands.yaml": DEMANDS,
            "catalogs/gongan/307002-000002.yaml": FAMILY.read_text(encoding="utf-8"),
        }
    )
    catalog = validate(open_instance(root), keep_models=True).catalog
    return {m.demand.id: m for m in match_all(catalog)}


def test_states(matches: dict[str, object]) -> None:
    states = {key: match.state for key, match in matches.items()}  # type: ignore[attr-defined]
    assert states == {
        "MZ-01": State.MET,
        "MZ-02": State.SUGGESTED,  # 101002/000001 holds both items
        "MZ-03": State.PARTIAL,  # 与户主关系 is there, 迁入原因 is 不予共享
        "MZ-04": State.UNMET,  # only the identity key is found anywhere: not a partial match
        "MZ-05": State.UNMET,  # the provider has no resources at all
        "MZ-06": State.UNMET,  # the named resource is the provider's but holds neither item
    }


def test_details(matches: dict[str, object]) -> None:
    suggested = matches["MZ-02"]
    assert suggested.resource == "101002/000001"  # type: ignore[attr-defined]
    partial = matches["MZ-03"]
    assert partial.not_shared == ("迁入原因",) and partial.missing == ()  # type: ignore[attr-defined]
    assert partial.candidates[0].code == "307002/000002"  # type: ignore[attr-defined]
    unmet = matches["MZ-04"]
    assert unmet.missing == ("婚姻状况",)  # type: ignore[attr-defined]
    gap_list = gaps(list(matches.values()))  # type: ignore[arg-type]
    assert sorted(gap_list) == [GONGAN, SHICHANG]
    assert [m.demand.id for m in gap_list[GONGAN]] == ["MZ-03", "MZ-04", "MZ-06"]


def test_named_resource_of_another_provider_is_broken(instance: Callable[..., Path]) -> None:
    demands = (
        "demands:\n"
        + _demand("MZ-01", "企业登记信息", ["公民身份号码"], provider=SHICHANG, resource="101002/000001")
        + "\n"
    )
    root = instance({"catalogs/minzheng/demands.yaml": demands})
    [match] = match_all(validate(open_instance(root), keep_models=True).catalog)
    assert match.state is State.BROKEN


def test_item_names_match_across_width_and_spacing() -> None:
    assert normalise("公民身份号码 ") == normalise("公民身份号码")
    assert normalise("ＩＣ卡号") == normalise("IC 卡号")
    assert normalise("出生日期") != normalise("死亡日期")


def test_a_resource_that_serves_everything_outranks_one_that_holds_it_closed(instance: Callable[..., Path]) -> None:
    base = Path(__file__).resolve().parents[1] / "rules" / "_base" / "catalogs" / "gongan" / "101002-000001.yaml"
    closed = (
        base.read_text(encoding="utf-8")
        .replace('code: "101002/000001"', 'code: "307002/000009"')
        .replace("name: 户籍人口基本信息", "name: 户籍人口基本信息（涉密）")
        .replace("type: 无条件共享", "type: 不予共享")
    )
    demands = "demands:\n" + _demand("MZ-07", "户籍人口基本信息", ["公民身份号码", "姓名"]) + "\n"
    root = instance({"catalogs/gongan/307002-000009.yaml": closed, "catalogs/minzheng/demands.yaml": demands})
    [match] = match_all(validate(open_instance(root), keep_models=True).catalog)
    assert (match.state, match.resource) == (State.SUGGESTED, "101002/000001")
    assert [c.code for c in match.candidates] == ["101002/000001", "307002/000009"]
