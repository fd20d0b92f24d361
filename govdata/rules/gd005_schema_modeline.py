"""GD005: each file names its schema for the YAML language server."""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Iterator

from govdata.diagnostics import Severity
from govdata.i18n import Text
from govdata.model.catalog import Document
from govdata.model.kinds import kind_of
from govdata.rules.base import Finding, Rule, RuleContext, Scope


def expected_schema_ref(path: str) -> str | None:
    """The relative ``$schema`` reference a file at ``path`` should carry."""
    kind = kind_of(path)
    if kind is None:
        return None
    return _relative(kind.schema_file, posixpath.dirname(path) or ".")


@functools.cache
def _relative(schema_file: str, folder: str) -> str:
    # Asked for every file of every job: a catalog has few folders, relpath is not cheap.
    return posixpath.relpath(f"schemas/{schema_file}", folder)


def modeline_for(path: str) -> str:
    return f"# yaml-language-server: $schema={expected_schema_ref(path)}"


class SchemaModeline(Rule):
    """A file does not name its schema for editors.

    ## What it checks
    The first lines of each instance file hold
    `# yaml-language-server: $schema=<relative path to schemas/KIND.schema.json>`, and the
    path is the right one for the file's kind and folder.

    ## Why
    Department staff edit catalogs by hand; with the modeline, VS Code, JetBrains and other
    editors using the YAML language server show each field's Chinese name and description,
    complete the controlled vocabularies (Art. 14) and flag mistakes before a pull request.

    ## How to fix
    Put the line the message gives at the top of the file. `govdata init` writes it for
    new instances.
    """

    explanation_zh = """
    文件没有为编辑器声明所用的数据规范。

    ## 检查什么
    每个实例文件开头要有一行
    `# yaml-language-server: $schema=<指向 schemas/类型.schema.json 的相对路径>`，并且路径要与文件的类型和所在文件夹相符。

    ## 为什么
    部门工作人员是手工编辑目录的。有了这一行，VS Code、JetBrains 等使用 YAML 语言服务器的编辑器就能显示每个字段的
    中文名称和说明，补全受控词表（第十四条），在提交合并请求之前就指出错误。

    ## 如何修改
    把提示信息给出的那一行放到文件最上面。新实例由 `govdata init` 自动写好。
    """

    id = "GD005"
    name = "schema-modeline"
    title = Text("文件未声明数据规范", "file does not name its schema")
    article = "Art. 14"
    severity = Severity.WARNING
    tags = frozenset({"editor", "layout"})

    scope = Scope.FILE

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        catalog = ctx.catalog
        documents: list[Document] = [
            *catalog.resources,
            *catalog.demand_lists,
            *catalog.grants,
            *catalog.responsibility_lists,
        ]  # type: ignore[list-item]
        documents += [
            d for d in (catalog.departments_doc, catalog.legal_bases_doc, catalog.classification_doc) if d is not None
        ]
        for document in documents:
            expected = expected_schema_ref(document.path)
            if expected is None or document.schema_ref == expected:
                continue
            found = document.schema_ref
            yield Finding(
                document.path,
                (),
                Text(
                    f"文件首行应声明数据规范“{modeline_for(document.path)}”" + (f"，实为“{found}”" if found else ""),
                    f"the file should start with {modeline_for(document.path)!r}"
                    + (f", found {found!r}" if found else ""),
                ),
            )
