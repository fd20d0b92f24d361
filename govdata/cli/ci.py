"""``govdata ci render HOST``: write the CI files (validation, review, merge gate) for a host."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from govdata.ci.render import CiHost

app = typer.Typer(
    no_args_is_help=True,
    help="CI 文件：校验、审查与合并闸门 / CI files: validation, review and the merge gate.",
)

WheelsOption = Annotated[
    str | None,
    typer.Option(
        "--wheels",
        help="离线安装：仓库内存放 wheel 的目录，如 .govdata/wheels / install offline from wheels in the repository",
    ),
]
IndexOption = Annotated[
    str | None,
    typer.Option("--index-url", help="内部 PyPI 镜像地址 / install from an internal package index"),
]


@app.command("render")
def render(
    host: Annotated[CiHost, typer.Argument(help="github、gitlab 或 gitea")],
    directory: Annotated[
        Path | None,
        typer.Option("--dir", help="仓库根目录（默认：当前 git 仓库的根目录）/ repository top", show_default=False),
    ] = None,
    wheels: WheelsOption = None,
    index_url: IndexOption = None,
    check: Annotated[bool, typer.Option("--check", help="只检查是否过期 / fail if the files are stale")] = False,
) -> None:
    """写入 CI 文件，安装固定版本的 govdata-catalog（PyPI、仓库内 wheel 或内部镜像）。

    Write the CI files for HOST with the install step filled in: the pinned release of the
    govdata-catalog distribution from PyPI, from wheels committed to the repository (--wheels,
    for a network without any index), or from an internal index (--index-url). GitHub gets
    .github/workflows/validate.yml and review.yml, GitLab .gitlab-ci.yml, Gitea
    .gitea/workflows/review.yml; each runs the merge gate (govdata gate) as the check to require.
    With --check, write nothing and exit 1 when a file differs.

    [bold]Examples[/]

      govdata ci render github
      govdata ci render gitlab --wheels .govdata/wheels
      govdata ci render gitea --index-url https://pypi.internal.example/simple
    """
    from govdata.ci.render import InstallSource, ci_files
    from govdata.cli.generated import write_or_check
    from govdata.cli.owners import repository_top
    from govdata.errors import UsageError
    from govdata.i18n import Text

    if wheels and index_url:
        raise UsageError(Text("--wheels 与 --index-url 只能选一个", "choose either --wheels or --index-url"))
    top = directory if directory is not None else repository_top(Path.cwd())[0]
    files = ci_files(host, InstallSource(wheels, index_url))
    write_or_check(top, files, check, f"CI ({host.value})", owns_folder=False)
