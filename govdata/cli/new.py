"""``govdata new``: a new resource file or a new department, one command each."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from govdata.cli.common import ConfigOption, LangOption, early_lang, resolve_lang
from govdata.errors import UsageError
from govdata.i18n import Lang, Text

REGISTRY = "registry/departments.yaml"

app = typer.Typer(
    help="新建：信息资源文件或部门登记。/ Start a new resource file or register a new department.",
    no_args_is_help=True,
)


def _ask(value: str | None, question: str, flag: str) -> str:
    """``value``, else a question on a terminal; without a terminal the flag is required."""
    if value:
        return value
    if sys.stdin.isatty():
        return str(typer.prompt(question)).strip()
    raise UsageError(Text(f"缺少 {flag}（非交互运行时必须给出）", f"{flag} is required when not run on a terminal"))


@app.command("resource")
def resource(
    department: Annotated[str, typer.Argument(metavar="部门", help="部门文件夹名，如 gongan / department folder")],
    name: Annotated[str | None, typer.Option("--name", help="信息资源名称 / resource name")] = None,
    abstract: Annotated[str | None, typer.Option("--abstract", help="信息资源摘要 / abstract")] = None,
    klass: Annotated[
        str, typer.Option("--class", help="类：基础信息资源、主题信息资源或部门信息资源 / class")
    ] = "部门信息资源",
    group: Annotated[
        str | None, typer.Option("--group", help="项：基础库或主题名称；部门信息资源默认为部门名称 / group")
    ] = None,
    code: Annotated[str | None, typer.Option("--code", help="指定信息资源代码；默认取下一个空闲代码 / code")] = None,
    format_category: Annotated[
        str, typer.Option("--format", help="格式分类；数据库、电子表格须再列出信息项 / format category")
    ] = "电子文件",
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """新建一个信息资源文件：下一个空闲代码、数据规范声明、每个字段的中文说明，且能通过校验。

    Write a new resource file with the department's next free code, the schema modeline and a
    Chinese comment on every field. The skeleton validates; change what does not fit.

    [bold]示例 / Example[/]

      govdata new resource gongan --name 犯罪记录查询信息 --abstract 无犯罪记录证明的查询结果
    """
    import datetime as dt

    from govdata.excel.catalog import departments, resource_files
    from govdata.generate.resource_skeleton import Skeleton, code_front, next_free_code, skeleton_text
    from govdata.instance import open_instance
    from govdata.io.transaction import Transaction
    from govdata.model.kinds import resource_file_name

    early_lang(lang)
    instance = open_instance(Path.cwd(), config)
    chosen = resolve_lang(lang, instance.config.language)
    entry = next((d for d in departments(instance.root) if d.get("slug") == department), None)
    if entry is None:
        raise UsageError(
            Text(
                f"部门名录中没有部门“{department}”（not found）", f"department {department!r} not found in the registry"
            )
        )
    name = _ask(name, "信息资源名称 / resource name", "--name")
    abstract = _ask(abstract, "信息资源摘要 / abstract", "--abstract")
    group = group or (
        str(entry.get("name")) if klass == "部门信息资源" else _ask(None, "项（基础库或主题）/ group", "--group")
    )
    taken = {str(f.data.get("code")) for f in resource_files(instance.root)}
    grammar = instance.config.resource_code
    if code is None:
        front = code_front(grammar.pattern, grammar.class_codes, klass, group, entry.get("catalog_code"))
        if front is None:
            raise UsageError(
                Text(
                    f"无法按编码规则推出“{klass}/{group}”的代码，请用 --code 指定，如 {grammar.example}",
                    f"cannot derive a code for {klass}/{group}; give --code, e.g. {grammar.example}",
                )
            )
        code = next_free_code(front, taken)
    elif code in taken:
        raise UsageError(
            Text(
                f"信息资源代码 {code} 已被使用；下一个空闲代码是 {next_free_code(code.split('/')[0], taken)}",
                f"code {code} is taken; the next free one is {next_free_code(code.split('/')[0], taken)}",
            )
        )
    path = f"catalogs/{department}/{resource_file_name(code)}"
    if (instance.root / path).exists():
        raise UsageError(Text(f"{path} 已存在，未做修改", f"{path} exists; nothing changed"))
    seed = Skeleton(code, name, abstract, str(entry.get("code")), str(entry.get("name")), klass, group, format_category)
    transaction = Transaction(instance.root, "new resource")
    transaction.saw(path, None)  # written only if still absent
    transaction.commit({path: skeleton_text(path, seed, dt.date.today())})
    typer.echo(Text(f"已新建 {path}（代码 {code}）", f"created {path} (code {code})").get(chosen))
    typer.echo(
        Text(
            f"下一步：编辑该文件，运行 govdata validate {path}，再运行 govdata responsibility build 更新采集责任清单",
            f"next: edit the file, run govdata validate {path}, then govdata responsibility build",
        ).get(chosen)
    )


@app.command("department")
def department(
    name: Annotated[str | None, typer.Option("--name", help="部门全称 / full name")] = None,
    code: Annotated[str | None, typer.Option("--code", help="18位统一社会信用代码 / USCC")] = None,
    slug: Annotated[str | None, typer.Option("--slug", help="目录文件夹名，如 wenlv / folder name")] = None,
    kind: Annotated[str, typer.Option("--kind", help="部门类别 / kind")] = "政府部门",
    catalog_code: Annotated[
        str | None, typer.Option("--catalog-code", help="三位部门目录编码；默认取下一个 / catalog code")
    ] = None,
    maintainers: Annotated[
        list[str] | None, typer.Option("--maintainer", help="目录维护人，如 @jiyuan-wenlv/catalog，可重复 / maintainer")
    ] = None,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """登记一个新部门：部门名录条目（校验统一社会信用代码）、目录文件夹、（空的）采集责任清单和 CODEOWNERS 行。

    Register a department: an entry appended to registry/departments.yaml (its unified social
    credit code checked), its folder catalogs/<slug>/, its (empty) collection responsibility
    list responsibility/<slug>.yaml, and its CODEOWNERS lines.

    [bold]示例 / Example[/]

      govdata new department --name 济源示范区文化广电和旅游局 --code 11419001MB0000019T \\
        --slug wenlv --maintainer @jiyuan-wenlv/catalog
    """
    from govdata.cli.generated import stale_files, write_or_check
    from govdata.cli.owners import repository_top, working_registry
    from govdata.generate.codeowners import codeowners_files
    from govdata.generate.department_entry import NewDepartment, next_catalog_code, problems_with, registry_with
    from govdata.generate.responsibility import FOLDER, list_text
    from govdata.instance import open_instance
    from govdata.io.edit import load_for_edit
    from govdata.io.transaction import Transaction

    early_lang(lang)
    instance = open_instance(Path.cwd(), config)
    chosen = resolve_lang(lang, instance.config.language)
    transaction = Transaction(instance.root, "new department")
    text = transaction.read(REGISTRY).decode("utf-8")
    entries = list(load_for_edit(text).get("departments") or [])
    entry = NewDepartment(
        _ask(code, "统一社会信用代码 / USCC", "--code").upper(),
        _ask(name, "部门全称 / full name", "--name"),
        _ask(slug, "目录文件夹名 / folder name", "--slug"),
        kind,
        catalog_code=catalog_code or next_catalog_code(entries),
        maintainers=tuple(maintainers or ()),
    )
    problems = problems_with(entry, entries)
    if problems:
        raise UsageError(
            Text(
                "；".join(p.zh for p in problems) + "；未做修改",
                "; ".join(p.en for p in problems) + "; nothing changed",
            )
        )
    top, prefix = repository_top(instance.root)
    owners_fresh = not stale_files(top, codeowners_files(working_registry(instance), prefix, 1))
    # The department's collection responsibility list (Art. 18) starts empty, as
    # `govdata responsibility build` writes it for a department with nothing to collect yet.
    list_path = f"{FOLDER}/{entry.slug}.yaml"
    transaction.saw(list_path, None)
    transaction.commit(
        {REGISTRY: registry_with(text, entry), list_path: list_text(entry.code, entry.name, entry.slug, [])}
    )
    folder = instance.root / "catalogs" / entry.slug
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ".gitkeep").touch()  # git keeps no empty folder
    say = lambda zh, en: typer.echo(Text(zh, en).get(chosen))  # noqa: E731
    say(
        f"已登记 {entry.name}（{entry.code}，目录编码 {entry.catalog_code}），新建 catalogs/{entry.slug}/ 和 {list_path}",
        f"registered {entry.name} ({entry.code}, catalog code {entry.catalog_code}); created catalogs/{entry.slug}/"
        f" and {list_path}",
    )
    if owners_fresh:
        write_or_check(
            top, codeowners_files(working_registry(instance), prefix, 1), False, "CODEOWNERS", owns_folder=False
        )
    else:
        say(
            "CODEOWNERS 原本就不是最新（或用了 --approvals），未自动更新；请运行 govdata owners",
            "CODEOWNERS was not up to date before; run govdata owners",
        )
    if chosen is Lang.ZH:
        say(f"下一步：govdata new resource {entry.slug}", "")
    else:
        say("", f"next: govdata new resource {entry.slug}")
