"""GD106: resources about persons or organisations carry their national identity key."""

from __future__ import annotations

from collections.abc import Iterator

from govdata.i18n import Text
from govdata.rules.base import Finding, Rule, RuleContext, Scope

# Art. 20: natural persons by 公民身份号码 (GB 11643), legal persons by 统一社会信用代码 (GB 32100).
IDENTITY_KEY: dict[str, str] = {"自然人": "公民身份号码", "法人和其他组织": "统一社会信用代码"}


class IdentityKeyPresent(Rule):
    """A resource about persons or organisations lacks its identity key item.

    ## What it checks
    A resource that lists items and whose `data_subject` is 自然人 has an item with
    `identifier: 公民身份号码`; one whose `data_subject` is 法人和其他组织 has an item with
    `identifier: 统一社会信用代码`. Resources without items (documents, images) are left
    to GD109, which asks structured formats for their items.

    ## Why
    Art. 20 makes the 公民身份号码 the key of data about natural persons and the
    统一社会信用代码 the key of data about legal persons and other organisations. Without
    the key, records cannot be matched across departments, shared data cannot be verified
    against the base libraries, and "one data, one source" cannot be enforced.

    ## How to fix
    Add the key as an item (for instance `name: 公民身份号码`, `data_type: C`, `length: 18`,
    `identifier: 公民身份号码`), or mark the existing key item with `identifier:`. If the
    resource is not really about persons or organisations, correct `data_subject`.
    """

    explanation_zh = """
    关于人或单位的资源缺少作为标识的信息项。

    ## 检查什么
    列出了信息项的资源，`data_subject` 为“自然人”的，要有一个 `identifier: 公民身份号码` 的信息项；为“法人和其他组织”的，
    要有一个 `identifier: 统一社会信用代码` 的信息项。没有信息项的资源（文档、图片）交给 GD109，它要求结构化格式列出信息项。

    ## 为什么
    第二十条规定，自然人数据以公民身份号码、法人和其他组织数据以统一社会信用代码作为关联标识。没有标识，
    记录就无法在部门之间对应，共享来的数据无法与基础库核对，“一数一源”也无从落实。

    ## 如何修改
    把标识作为信息项加上（例如 `name: 公民身份号码`、`data_type: C`、`length: 18`、`identifier: 公民身份号码`），
    或给已有的标识信息项加上 `identifier:`。如果资源其实不是关于人或单位的，请改正 `data_subject`。
    """

    id = "GD106"
    name = "identity-key-present"
    title = Text("缺少数据主体标识信息项", "identity key item missing")
    article = "Art. 20"
    tags = frozenset({"identifier", "catalog"})

    scope = Scope.FILE

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for document in ctx.catalog.resources:
            resource = document.model
            key = IDENTITY_KEY.get(resource.data_subject)
            if key is None or not resource.items:
                continue
            if any(item.identifier == key for item in resource.items):
                continue
            yield Finding(
                document.path,
                ("data_subject",),
                Text(
                    f"数据主体为“{resource.data_subject}”，但没有标识角色为“{key}”的信息项",
                    f"the data subject is {resource.data_subject}, but no item has identifier: {key}",
                ),
                Text(
                    f"增加“{key}”信息项并标注 identifier: {key}，或为已有的该信息项补上 identifier",
                    f"add a {key} item with identifier: {key}, or mark the existing one",
                ),
            )
