"""``govdata publish``: write the share and open catalogs, the DCAT-AP export and the open-data site."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import typer

from govdata.cli.common import ConfigOption, LangOption, early_lang, resolve_lang
from govdata.errors import UsageError
from govdata.i18n import Text
from govdata.model.patterns import URL_PATTERN

_URL = re.compile(URL_PATTERN)


def _url(value: str | None, option: str, *, trailing_slash: bool) -> str | None:
    if value is None:
        return None
    if not _URL.match(value) or value.endswith("/") is not trailing_slash:
        shape = "以 / 结尾" if trailing_slash else "不以 / 结尾"
        raise UsageError(
            Text(
                f"{option} 应为 http(s) 网址且{shape}，而不是“{value}”",
                f"{option} must be an http(s) address {'ending' if trailing_slash else 'not ending'} in /, not {value!r}",
            )
        )
    return value


def publish(
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="输出目录（默认 实例目录/build/publish）/ output folder"),
    ] = None,
    site: Annotated[bool, typer.Option("--site", help="同时生成开放数据网站（site/）/ also build the site")] = False,
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url", help="网站公开地址，以 / 结尾；默认取 govdata.yaml 的 publish.base_url / public address"
        ),
    ] = None,
    repository_url: Annotated[
        str | None,
        typer.Option(
            "--repository-url",
            help="仓库地址，用于“申请更正”“申请开放”链接；默认取 publish.repository_url / repository",
        ),
    ] = None,
    rev: Annotated[
        str | None,
        typer.Option(
            "--rev", help="发布该 git 版本中提交的目录（如 HEAD），而非工作区 / publish the catalog as committed at REV"
        ),
    ] = None,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """由实例生成共享目录、开放目录（JSON、CSV、XLSX）、DCAT-AP 3.0 导出，及开放数据网站。

    Write the share catalog (Art. 33) and the open catalog (Art. 37, 40) as JSON, CSV (UTF-8 with BOM) and XLSX, the open catalog as DCAT-AP 3.0 (Turtle and JSON-LD, checked against the project's SHACL shapes), and with --site a static open-data site. Same catalog, same bytes. The open catalog holds only 无条件开放 and 有条件开放 resources and their open items; personal information only where the resource says how it is desensitised. The run refuses (exit 1) when the instance has validation errors or the export fails its shapes; nothing is written then.

    [bold]Examples[/]

      govdata publish                                  写入 build/publish / write build/publish
      govdata publish --site --out public              含网站 / with the site
      govdata publish --site --base-url https://data.example.gov.cn/open/
      govdata publish --rev HEAD                       只发布已提交的内容 / only what is committed
    """
    from govdata.diagnostics import Severity
    from govdata.instance import open_instance
    from govdata.publish import PLACEHOLDER_BASE, PublishError, PublishOptions
    from govdata.publish import publish as build
    from govdata.publish.output import write_publication
    from govdata.validation.engine import validate

    early_lang(lang)
    instance = open_instance(Path.cwd(), config)
    chosen = resolve_lang(lang, instance.config.language)
    base = _url(base_url, "--base-url", trailing_slash=True)
    repository = _url(repository_url, "--repository-url", trailing_slash=False)
    if rev is not None:
        from govdata.publish.revision import instance_at

        instance, paths, reader = instance_at(instance, rev)
        result = validate(instance, reader=reader, paths=paths, keep_models=True)
    else:
        result = validate(instance, keep_models=True)
    base = base or instance.config.publish.base_url
    repository = repository or instance.config.publish.repository_url
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    if errors:
        for diagnostic in errors[:20]:
            typer.echo(f"{diagnostic.location}: {diagnostic.message.get(chosen)} [{diagnostic.rule_id}]", err=True)
        raise PublishError(
            Text(
                f"实例有 {len(errors)} 个错误，未发布；请先用 govdata validate 修正（发布不完整的目录可能漏掉或错开数据）",
                f"the instance has {len(errors)} errors; nothing published. Fix them first (govdata validate)",
            )
        )
    if base is None:
        typer.echo(
            Text(
                f"提示：未设置网站地址（publish.base_url 或 --base-url），DCAT 标识使用占位地址 {PLACEHOLDER_BASE}",
                f"note: no site address (publish.base_url or --base-url); DCAT identifiers use {PLACEHOLDER_BASE}",
            ).get(chosen),
            err=True,
        )
    options = PublishOptions(base_url=base or PLACEHOLDER_BASE, repository_url=repository, site=site)
    publication = build(result.catalog, options)
    target = out if out is not None else instance.root / "build" / "publish"
    changed, removed = write_publication(target, publication.files)
    typer.echo(
        Text(
            f"✓ 已发布到 {target}：共享目录 {publication.share_count} 个资源，开放目录 {publication.open_count} 个资源；"
            f"{len(publication.files)} 个文件，其中 {changed} 个有变化，删除 {removed} 个过期文件",
            f"✓ published to {target}: share catalog {publication.share_count} resources, open catalog "
            f"{publication.open_count}; {len(publication.files)} files, {changed} changed, {removed} stale removed",
        ).get(chosen)
    )
