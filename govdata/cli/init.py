"""``govdata init DIR``: scaffold an empty instance that validates clean."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from govdata.ci.render import CiHost
from govdata.cli.ci import IndexOption, WheelsOption
from govdata.errors import UsageError
from govdata.i18n import Text


def init(
    directory: Annotated[Path, typer.Argument(help="新实例的目录（可不存在）/ folder of the new instance")],
    region: Annotated[str, typer.Option(prompt="区域名称 / region name", help="区域名称，如 济源示范区")],
    division_code: Annotated[
        str, typer.Option(prompt="行政区划代码 / division code", help="六位行政区划代码，如 419001")
    ],
    authority_name: Annotated[str, typer.Option(prompt="数据主管部门名称 / authority name", help="数据主管部门全称")],
    authority_code: Annotated[
        str, typer.Option(prompt="数据主管部门统一社会信用代码 / authority USCC", help="18位统一社会信用代码")
    ],
    authority_slug: Annotated[str, typer.Option(help="数据主管部门目录文件夹名 / folder name")] = "dashuju",
    ci: Annotated[CiHost, typer.Option("--ci", help="CI 平台：github、gitlab 或 gitea / the CI host")] = CiHost.GITHUB,
    wheels: WheelsOption = None,
    index_url: IndexOption = None,
) -> None:
    """新建一个空实例：配置、部门名录、法律依据名录、数据规范、CODEOWNERS、CI 与合并闸门。

    Scaffold an empty instance: govdata.yaml, registries, schemas, CODEOWNERS, .gitignore and
    the CI files for --ci (validation, review and the merge gate, installing the pinned
    govdata-catalog release; --wheels or --index-url for a network without PyPI). The new
    instance validates clean. Existing files are never overwritten.

    [bold]Example[/]

      govdata init my-city --region 某市 --division-code 410100 \\
        --authority-name 某市大数据管理局 --authority-code 11410100MB00000005
    """
    from govdata.ci.render import InstallSource
    from govdata.generate.instance import InstanceSeed, instance_files
    from govdata.identifiers.uscc import validate_uscc
    from govdata.io.roundtrip import atomic_write

    problems = validate_uscc(authority_code)
    if problems:
        details = "；".join(p.zh for p in problems)
        raise UsageError(Text(f"统一社会信用代码无效：{details}", f"invalid USCC: {'; '.join(p.en for p in problems)}"))
    if not (division_code.isdigit() and len(division_code) == 6):
        raise UsageError(Text("行政区划代码应为六位数字", "the division code is six digits"))
    seed = InstanceSeed(region, division_code, authority_code, authority_name, authority_slug)
    if wheels and index_url:
        raise UsageError(Text("--wheels 与 --index-url 只能选一个", "choose either --wheels or --index-url"))
    planned = instance_files(seed, ci, InstallSource(wheels, index_url))
    existing = [name for name in planned if (directory / name).exists()]
    if existing:
        raise UsageError(
            Text(
                f"{directory} 中已有文件，未做任何修改：{'、'.join(existing[:5])}",
                f"{directory} already has {', '.join(existing[:5])}; nothing changed",
            )
        )
    for name, content in planned.items():
        atomic_write(directory / name, content)
    typer.echo(f"已新建实例 / created instance: {directory} ({len(planned)} files)")
    typer.echo(f"下一步 / next: cd {directory} && govdata validate")
    typer.echo(
        "然后在 registry/departments.yaml 的 maintainers 中登记维护人，运行 govdata owners，并按 docs/review-workflow.md "
        "设置分支保护（必需检查 review / gate）/ then register maintainers in registry/departments.yaml, run "
        "govdata owners, and protect the main branch with the required check review / gate"
    )
