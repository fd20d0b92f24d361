"""The files of a new, empty instance (``govdata init``), as ``{path: content}``."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files

from govdata import __version__
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


def instance_files(seed: InstanceSeed) -> dict[str, str]:
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
        ".github/workflows/validate.yml": _template("validate.yml").replace("__GOVDATA_VERSION__", __version__),
        ".gitignore": ".govdata-cache/\n",
    }
    result.update({f"schemas/{name}": text for name, text in all_schemas().items()})
    return result
