"""GD108: not aggregating needs a legal exemption and an interface; late aggregation is filed."""

from __future__ import annotations

from collections.abc import Iterator

from govdata.i18n import Text
from govdata.model.vocab import LegalLevel
from govdata.rules.base import Finding, Rule, RuleContext, RuleOptions, Scope
from govdata.rules.legal_levels import AGGREGATION_LEVELS, basis_shortfall, levels_text


class AggregationBasisOptions(RuleOptions):
    levels: tuple[LegalLevel, ...] = AGGREGATION_LEVELS
    """Levels of a legal basis that can exempt data from aggregation."""


class AggregationBasis(Rule):
    """A resource is exempt from aggregation without basis or interface, or aggregates late unfiled.

    ## What it checks
    Every resource states `aggregation.mode` (the schema requires it: 实时汇聚, 非实时汇聚
    or 不汇聚). For 不汇聚, `aggregation.exemption_basis` cites at least one registry entry of
    level 法律, 行政法规, 地方性法规 or 党中央国务院政策, and `aggregation.interface` names the
    interface service offered to the data hub instead. For 非实时汇聚, `aggregation.filing`
    gives the number of its filing (备案) with the data authority.

    A basis id that is not in the registry is reported by GD015; a list holding one is
    judged here only once it resolves.

    ## Why
    Departments aggregate their data to the data hub in real time and in full (Art. 8, 26).
    Only laws, regulations and Party Central Committee / State Council policy can exempt
    data, with evidence, and exempt data is still offered through an interface service
    (Art. 8). Aggregation that cannot be real-time is filed with the authority (Art. 26).

    ## How to fix
    Aggregate in real time, or cite the exempting law under `aggregation.exemption_basis`
    and name the interface under `aggregation.interface`; for non-real-time aggregation,
    file it with the data authority and write the filing number under `aggregation.filing`.

    ## Options
    `levels`: the levels of a basis that can exempt (default 法律, 行政法规, 地方性法规,
    党中央国务院政策).
    """

    explanation_zh = """
    资源免于汇聚却没有依据或接口，或者非实时汇聚未备案。

    ## 检查什么
    每条资源都要写明 `aggregation.mode`（数据规范要求：实时汇聚、非实时汇聚或不汇聚）。选“不汇聚”的，
    `aggregation.exemption_basis` 要引用至少一条层级为法律、行政法规、地方性法规或党中央国务院政策的名录条目，
    并在 `aggregation.interface` 中写明改为向共享平台提供的接口服务。选“非实时汇聚”的，`aggregation.filing`
    要写明在数据主管部门的备案号。

    依据编号不在名录中的，由 GD015 报告；含有这种编号的列表，要等编号能找到后才在这里判断。

    ## 为什么
    部门要把数据实时、全量汇聚到共享平台（第八条、第二十六条）。只有法律、法规和党中央、国务院政策才能让数据免于汇聚，
    而且要有证明；免于汇聚的数据仍要通过接口服务提供（第八条）。不能实时汇聚的，要向主管部门备案（第二十六条）。

    ## 如何修改
    改为实时汇聚；或在 `aggregation.exemption_basis` 下引用免于汇聚的法律依据，并在 `aggregation.interface` 中写明接口；
    非实时汇聚的，向数据主管部门备案后把备案号写到 `aggregation.filing`。

    ## 选项
    `levels`：可以作为免于汇聚依据的层级（默认：法律、行政法规、地方性法规、党中央国务院政策）。
    """

    id = "GD108"
    name = "aggregation-basis"
    title = Text("汇聚方式缺少依据或备案", "aggregation exemption or filing missing")
    article = "Art. 8, 26"
    tags = frozenset({"aggregation", "legal-basis"})
    Options = AggregationBasisOptions

    scope = Scope.FILE

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        assert isinstance(ctx.options, AggregationBasisOptions)
        for document in ctx.catalog.resources:
            aggregation = document.model.aggregation
            if aggregation.mode == "不汇聚":
                shortfall = basis_shortfall(ctx.catalog, aggregation.exemption_basis, ctx.options.levels)
                if shortfall is not None:
                    yield Finding(
                        document.path,
                        ("aggregation", "exemption_basis") if aggregation.exemption_basis else ("aggregation", "mode"),
                        Text(
                            "汇聚方式为“不汇聚”，但免于汇聚的依据：", "aggregation mode is 不汇聚, but its exemption: "
                        )
                        + shortfall,
                        levels_text(ctx.options.levels)
                        + Text("，写在 aggregation.exemption_basis 中", " in aggregation.exemption_basis"),
                        at_key=True,
                    )
                if aggregation.interface is None:
                    yield Finding(
                        document.path,
                        ("aggregation", "mode"),
                        Text(
                            "不汇聚的数据须以接口服务方式提供，但未写明接口服务（aggregation.interface）",
                            "data not aggregated must be offered as an interface service; aggregation.interface is missing",
                        ),
                        Text(
                            "在 aggregation.interface 中写明向数据中台提供的接口服务名称",
                            "name the interface service in aggregation.interface",
                        ),
                    )
            elif aggregation.mode == "非实时汇聚" and aggregation.filing is None:
                yield Finding(
                    document.path,
                    ("aggregation", "mode"),
                    Text(
                        "非实时汇聚须向数据主管部门备案，但未写明备案编号（aggregation.filing）",
                        "non-real-time aggregation must be filed with the authority; aggregation.filing is missing",
                    ),
                    Text("备案后在 aggregation.filing 中写明备案编号", "write the filing number in aggregation.filing"),
                )
