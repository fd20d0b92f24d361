"""GD010: resource codes follow the region's grammar and agree with classification and provider."""

from __future__ import annotations

import re
from collections.abc import Iterator

from govdata.i18n import Text
from govdata.rules.base import Finding, Rule, RuleContext, Scope


class ResourceCodeGrammar(Rule):
    """A resource code does not follow the region's code grammar.

    ## What it checks
    Every 信息资源代码 matches `resource_code.pattern` in `govdata.yaml`. When the pattern
    has a named group `class`, its value must map (through `resource_code.class_codes`) to
    the resource's 类; when it has a group `dept`, its value must be the provider
    department's `catalog_code` in the registry.

    ## Why
    Art. 14 makes departments compile catalogs by the 2017 national guide, whose resource
    code is the classification code, `/`, and a sequence number; a code is the resource's
    permanent identity in the zone catalog the authority compiles (Art. 17).

    ## How to fix
    Rewrite the code by the grammar shown in the message (the example in `govdata.yaml`
    is a valid code), and rename the file to match. Never reuse the code of a retired
    resource.

    ## References
    政务信息资源目录编制指南（试行）, 发改高技〔2017〕1272号, §6 (classification and coding).
    """

    explanation_zh = """
    信息资源代码不符合本地区的编码规则。

    ## 检查什么
    每个信息资源代码都要符合 `govdata.yaml` 中的 `resource_code.pattern`。规则里有名为 `class` 的分组时，
    它的值要能（通过 `resource_code.class_codes`）对应到资源的“类”；有名为 `dept` 的分组时，它的值必须是部门名录中
    提供部门的 `catalog_code`。

    ## 为什么
    第十四条要求按 2017 年国家编制指南编制目录，指南规定资源代码由分类代码、`/` 和顺序号组成；在主管部门汇编的
    全区目录中（第十七条），代码就是这条资源永久的身份。

    ## 如何修改
    按提示中给出的规则重写代码（`govdata.yaml` 里的示例就是一个正确的代码），并把文件改成相同的名字。
    已撤销资源的代码不要再用。

    ## 参考
    《政务信息资源目录编制指南（试行）》（发改高技〔2017〕1272号）第 6 节（分类与编码）。
    """

    id = "GD010"
    name = "resource-code-grammar"
    title = Text("信息资源代码不符合编码规则", "resource code breaks the code grammar")
    article = "Art. 14"
    tags = frozenset({"integrity", "catalog"})

    scope = Scope.FILE

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        grammar = ctx.catalog.config.resource_code
        pattern = re.compile(grammar.pattern)
        for document in ctx.catalog.resources:
            resource = document.model
            match = pattern.fullmatch(resource.code)
            if match is None:
                yield Finding(
                    document.path,
                    ("code",),
                    Text(
                        f"信息资源代码“{resource.code}”不符合本区域编码规则",
                        f"resource code {resource.code!r} does not follow the region's grammar",
                    ),
                    Text(f"示例：{grammar.example}", f"for example {grammar.example}"),
                )
                continue
            groups = match.groupdict()
            expected_class = grammar.class_codes.get(groups.get("class") or "")
            if "class" in groups and expected_class != resource.classification.class_:
                yield Finding(
                    document.path,
                    ("code",),
                    Text(
                        f"代码的类编码“{groups['class']}”表示“{expected_class or '未定义'}”，"
                        f"与分类“{resource.classification.class_}”不一致",
                        f"the class digit {groups['class']!r} means {expected_class or 'nothing'}, "
                        f"but the classification is {resource.classification.class_}",
                    ),
                )
            provider = ctx.catalog.department_by_code.get(resource.provider.code)
            dept_code = groups.get("dept")
            if dept_code is not None and provider is not None and provider.catalog_code != dept_code:
                yield Finding(
                    document.path,
                    ("code",),
                    Text(
                        f"代码中的部门目录编码“{dept_code}”与提供方“{provider.name}”的编码"
                        f"“{provider.catalog_code or '未登记'}”不一致",
                        f"department segment {dept_code!r} differs from the provider's catalog code "
                        f"{provider.catalog_code or '(none registered)'!r}",
                    ),
                )
