"""GD012: a resource file lives in its provider's folder and is named after its code."""

from __future__ import annotations

from collections.abc import Iterator

from govdata.i18n import Text
from govdata.model.kinds import resource_file_name
from govdata.rules.base import Finding, Rule, RuleContext, Scope


def _suggested_code(file_name: str, code: str, holders: dict[str, str]) -> str:
    """The code a copied file should take: the one its name gives, if free; else the next free one."""
    from govdata.generate.resource_skeleton import next_free_code

    named = file_name.removesuffix(".yaml").replace("-", "/", 1)
    if named.split("/")[0] == code.split("/")[0] and named not in holders:
        return named
    return next_free_code(code.split("/")[0], holders)


class ResourcePath(Rule):
    """A resource file is not where its provider and code say it belongs.

    ## What it checks
    A resource at `catalogs/<folder>/<name>.yaml` has a provider whose registered `slug`
    is `<folder>`, and `<name>.yaml` is its code with `/` replaced by `-`.

    ## Why
    Each department owns and reviews its own folder (Art. 14, 16); CODEOWNERS and the
    approval workflow rely on the folder telling whose resource a file is. A resource
    filed under another department would be approved by the wrong people.

    ## How to fix
    Move the file to `catalogs/<provider slug>/` and rename it after the code, or correct
    `provider` if the file is in the right place. If another file already holds the code (this one was
    copied from it), give this file a code of its own: the message names the next free one.
    """

    explanation_zh = """
    资源文件所在位置与它的提供方或代码不符。

    ## 检查什么
    位于 `catalogs/<文件夹>/<文件名>.yaml` 的资源，其提供方在名录中登记的 `slug` 必须是 `<文件夹>`，
    `<文件名>.yaml` 必须是它的代码（`/` 换成 `-`）。

    ## 为什么
    每个部门负责并审核自己的文件夹（第十四条、第十六条）；CODEOWNERS 和审批流程都靠文件夹判断文件属于哪个部门。
    放在别的部门下的资源会由不该审批的人审批。

    ## 如何修改
    把文件移到 `catalogs/<提供方 slug>/` 下并按代码改名；如果文件位置没错，就改正 `provider`。如果已有别的文件用着这个代码
    （这个文件是从那里复制来的），请给本文件分配自己的代码：提示信息会给出下一个可用的代码。
    """

    id = "GD012"
    name = "resource-path"
    title = Text("文件路径与提供方或代码不符", "file path disagrees with provider or code")
    article = "Art. 14"
    tags = frozenset({"integrity", "layout"})

    scope = Scope.FILE  # the folder needs only the registry; the name part needs every code

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        departments = ctx.catalog.department_by_code
        for document in ctx.catalog.resources:
            provider = departments.get(document.model.provider.code)
            folder = document.path.rpartition("/")[0]
            if provider is not None and folder.rpartition("/")[2] != provider.slug:
                yield Finding(
                    document.path,
                    ("provider", "code"),
                    Text(
                        f"提供方“{provider.name}”的目录是 catalogs/{provider.slug}/，文件却在 {folder}/",
                        f"the provider {provider.name} files under catalogs/{provider.slug}/, "
                        f"but this file is in {folder}/",
                    ),
                    Text(f"移动到 catalogs/{provider.slug}/", f"move it to catalogs/{provider.slug}/"),
                )

    def check_index(self, ctx: RuleContext) -> Iterator[Finding]:
        resources = ctx.catalog.resource_facts
        misnamed = [resource for resource in resources if not resource.named_after_code]
        if not misnamed:  # the usual case: one pass over the facts, nothing built
            return
        # The file named after its code is the code's owner.
        holders = {resource.code: resource.path for resource in resources if resource.named_after_code}
        for resource in misnamed:
            file_name, expected = resource.path.rpartition("/")[2], resource_file_name(resource.code)
            holder = holders.get(resource.code)
            if holder is not None:
                # Another file holds this code: this one was copied; renaming it would only
                # make a second file with the same code. Give it a code of its own.
                free = _suggested_code(file_name, resource.code, holders)
                yield Finding(
                    resource.path,
                    ("code",),
                    Text(
                        f"代码 {resource.code} 已由 {holder} 使用，本文件像是复制来的：请把代码改为 {free}",
                        f"code {resource.code} is already used by {holder}; this file looks copied: change its code to {free}",
                    ),
                    Text(f"{free} 是下一个空闲代码", f"{free} is the next free code"),
                )
            else:
                yield Finding(
                    resource.path,
                    ("code",),
                    Text(
                        f"文件名应为“{expected}”（由信息资源代码得出），实为“{file_name}”",
                        f"the file should be named {expected!r} after its code, not {file_name!r}",
                    ),
                )
