"""``govdata schemas``: write the JSON Schemas into the instance's ``schemas/`` folder."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from govdata.cli.common import ConfigOption


def schemas(
    check: Annotated[bool, typer.Option("--check", help="只检查是否过期，过期则以 1 退出 / fail if stale")] = False,
    config: ConfigOption = None,
) -> None:
    """把各类文件的 JSON Schema 写入实例的 schemas/ 目录，供编辑器和其他工具使用。

    Write the JSON Schema of every file kind into the instance's schemas/ folder (for editors
    and other tools). With --check, exit 1 when the folder is out of date with this govdata.
    """
    from govdata.cli.generated import write_or_check
    from govdata.instance import find_config
    from govdata.schema.generate import all_schemas

    root = find_config(Path.cwd(), config).parent
    write_or_check(root / "schemas", all_schemas(), check, "schemas", fix="govdata schemas")
