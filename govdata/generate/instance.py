"""The files of a new, empty instance (``govdata init``), as ``{path: content}``."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files

from govdata.ci.render import CiHost, InstallSource, ci_files
from govdata.io.roundtrip import dump_round_trip
from govdata.rules.gd005_schema_modeline import modeline_for
from govdata.schema.generate import all_schemas


@dataclass(frozen=True)
class InstanceSeed:
    region: str
    division_code: str
    authority_code: str
    authority_name: str
    authority_slug: str


def _yaml_file(path: str, comment: str, data: object) -> str:
    return f"{modeline_for(path)}\n# {comment}\n{dump_round_trip(data)}"


def _template(name: str) -> str:
    return files("govdata.templates").joinpath(name).read_text(encoding="utf-8")


# Temporary files of interrupted writes and govdata's caches never belong in the repository.
GITIGNORE = (
    "# govdata：写入中断留下的临时文件与缓存 / temporary files of interrupted writes, caches\n.*.tmp\n.govdata-cache/\n"
)


def _codeowners(files: dict[str, str]) -> dict[str, str]:
    """The CODEOWNERS files for the new registry (the same ``govdata owners`` writes and checks)."""
    from govdata.generate.codeowners import codeowners_files
    from govdata.gitops.snapshot import build_snapshot, load_config

    blobs = {name: files[name].encode() for name in ("govdata.yaml", "registry/departments.yaml")}
    catalog = build_snapshot(None, blobs, load_config(blobs["govdata.yaml"], "init", None)).catalog
    return codeowners_files(catalog)


def instance_files(
    seed: InstanceSeed, host: CiHost = CiHost.GITHUB, source: InstallSource | None = None
) -> dict[str, str]:
    """Every file of the new instance: configuration, registries, schemas, CODEOWNERS, CI for ``host``."""
    config = {
        "region": {"name": seed.region, "division_code": seed.division_code},
        "authority": seed.authority_code,
        "language": "zh-CN",
        "sample_data": False,
        "resource_code": {
            "pattern": "^(?P<class>[1-3])(?P<group>[0-9]{2})(?P<dept>[0-9]{3})/(?P<seq>[0-9]{6})$",
            "example": "307001/000001",
            # How govdata import allocates codes: class, 项 code, department catalog code, sequence.
            "template": "{class}{group}{dept}/{seq:06d}",
            "group_codes": {
                "人口基础信息资源": "01",
                "法人单位基础信息资源": "02",
                "自然资源和空间地理基础信息资源": "03",
                "社会信用基础信息资源": "04",
                "电子证照基础信息资源": "05",
                "部门信息资源": "07",
            },
        },
        "rules": {},
        "waivers": [],
    }
    departments = {
        "departments": [
            {
                "code": seed.authority_code,
                "name": seed.authority_name,
                "slug": seed.authority_slug,
                "kind": "政府部门",
                "roles": ["数据主管部门", "数据生产部门", "数据应用部门"],
                "catalog_code": "001",
                "maintainers": [],
            }
        ]
    }
    result = {
        "govdata.yaml": f"# yaml-language-server: $schema=schemas/config.schema.json\n"
        f"# {seed.region}政务数据目录 —— govdata 实例配置\n{dump_round_trip(config)}",
        "registry/departments.yaml": _yaml_file(
            "registry/departments.yaml", "政务部门名录：由数据主管部门维护", departments
        ),
        "registry/legal-bases.yaml": _template("legal-bases.yaml"),
        f"catalogs/{seed.authority_slug}/.gitkeep": "",
        ".gitignore": GITIGNORE,
    }
    result.update({f"schemas/{name}": text for name, text in all_schemas().items()})
    result.update(ci_files(host, source or InstallSource()))
    result.update(_codeowners(result))
    return result
