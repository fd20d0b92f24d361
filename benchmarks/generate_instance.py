"""Write a deterministic synthetic govdata instance for benchmarks.

    python benchmarks/generate_instance.py DIR --departments 50 --resources 200 [--seed 1] [--invalid-rate 0.1]

N departments × M resources each (5-200 information items per resource, log-uniform, ≈ 10 KB per
file), plus govdata.yaml and the two registries. The instance is valid for govdata's models and
rules; with ``--invalid-rate R`` a deterministic fraction R of the resource files gets one
realistic mistake (see :mod:`instance_mistakes`), so the error path can be measured too. The
same arguments always give the same bytes. Run ``govdata schemas`` inside DIR to add the JSON
Schemas (check-jsonschema needs them; govdata validate does not). Never commit the output.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import get_args

from instance_items import Picked, pick_items
from instance_mistakes import spoil
from instance_resources import Department, Planned, render, unique_names
from instance_vocabulary import (
    DEPARTMENTS,
    DIVISION_CODE,
    LEGAL_BASES,
    LIBRARY_CORE,
    REGION,
    TOWN_OBJECTS,
    TOWNS,
    DepartmentSpec,
)

from govdata.identifiers.uscc import make_uscc
from govdata.model.vocab import KNOWN_THEMES, BaseLibrary

MAX_DEPARTMENTS = 999  # the department segment of a resource code has three digits
CODE_PATTERN = r"^(?P<class>[1-3])(?P<group>[0-9]{2})(?P<dept>[0-9]{3})/(?P<seq>[0-9]{6})$"
LIBRARIES: tuple[str, ...] = get_args(BaseLibrary)
CLASS_DIGITS = {"基础信息资源": "1", "主题信息资源": "2", "部门信息资源": "3"}
DEPARTMENT_GROUP = "07"
# Base libraries that hold a data subject's identity (人口 for 自然人 …): first choice as a source.
SUBJECT_LIBRARIES = (
    "人口基础信息资源",
    "法人单位基础信息资源",
    "自然资源和空间地理基础信息资源",
)  # 省（自治区、直辖市）及其下各级政务部门, the guide's list position


@dataclass
class Generated:
    root: Path
    files: int = 0
    resources: list[str] = field(default_factory=list)
    invalid: dict[str, str] = field(default_factory=dict)  # path -> kind of mistake
    bytes: int = 0
    seconds: float = 0.0


def _spec(index: int) -> tuple[DepartmentSpec, str]:
    """The index-th department: named bureaus, then townships, then numbered branches.

    Business objects carry the town or branch name, so that their items are each one's own data.
    """
    towns = (DepartmentSpec(n, s, "政府部门", "11", (), tuple(n + o for o in TOWN_OBJECTS)) for n, s in TOWNS)
    named = [*DEPARTMENTS, *towns]
    spec = named[index % len(named)]
    batch = index // len(named)
    if batch == 0:
        return spec, spec.name
    branch = f"第{batch + 1}分局"
    objects = tuple(branch + obj for obj in spec.objects)
    return spec._replace(slug=f"{spec.slug}-{batch + 1}", leads=(), objects=objects), spec.name + branch


def departments(count: int) -> list[Department]:
    result = []
    for index in range(count):
        spec, name = _spec(index)
        head = spec.uscc_head
        code = make_uscc(head[0], head[1], DIVISION_CODE, f"MB{index * 7919 % 1_000_000:06d}")
        result.append(
            Department(
                REGION + name,
                name,
                spec.slug,
                spec.kind,
                code,
                f"{index + 1:03d}",
                spec.leads,
                spec.objects,
            )
        )
    return result


def plan_department(dept: Department, count: int, seed: int) -> list[Planned]:
    rng = random.Random(f"{seed}/plan/{dept.slug}")
    libraries = [lead for lead in dept.leads if lead in LIBRARY_CORE]
    themes = [lead for lead in dept.leads if lead in KNOWN_THEMES]
    names = iter(unique_names(dept.objects, count, rng))
    plans: list[Planned] = []
    for seq in range(1, count + 1):
        roll = rng.random()
        if libraries and seq == 1:
            library = libraries[0]
            name, obj = library.removesuffix("资源"), dept.objects[0]
            class_name, group, digits = (
                "基础信息资源",
                library,
                f"{LIBRARIES.index(library) + 1:02d}",
            )
        else:
            name, obj = next(names)
            if libraries and roll < 0.1:
                class_name, group = "基础信息资源", libraries[0]
                digits = f"{LIBRARIES.index(group) + 1:02d}"
            elif themes and roll < 0.2:
                class_name, group = "主题信息资源", rng.choice(themes)
                digits = f"{KNOWN_THEMES.index(group) + 1:02d}"
            else:
                class_name, group, digits = (
                    "部门信息资源",
                    f"{dept.name}政务数据目录",
                    DEPARTMENT_GROUP,
                )
        code = f"{CLASS_DIGITS[class_name]}{digits}{dept.catalog_code}/{seq:06d}"
        plans.append(Planned(dept, seq, code, name, class_name, group, obj))
    return plans


def _config(authority: Department) -> str:
    return (
        "# yaml-language-server: $schema=schemas/config.schema.json\n"
        "# 基准测试用的合成实例（样例数据，由 benchmarks/generate_instance.py 生成）\n"
        f'region:\n  name: {REGION}\n  division_code: "{DIVISION_CODE}"\n'
        f"authority: {authority.code}\nlanguage: zh-CN\nsample_data: true\n"
        f"resource_code:\n  pattern: '{CODE_PATTERN}'\n  example: 307001/000001\n"
        "rules: {}\nwaivers: []\n"
    )


def _registry(depts: list[Department]) -> str:
    out = ["# yaml-language-server: $schema=../schemas/departments.schema.json", "departments:"]
    for index, dept in enumerate(depts):
        roles = ["数据主管部门", "数据生产部门", "数据应用部门"] if index == 0 else ["数据生产部门", "数据应用部门"]
        out += [
            f"  - code: {dept.code}",
            f"    name: {dept.name}",
            f"    slug: {dept.slug}",
            f"    kind: {dept.kind}",
            f"    roles: [{', '.join(roles)}]",
        ]
        if dept.leads:
            out.append(f"    leads: [{', '.join(dept.leads)}]")
        out += [
            f'    catalog_code: "{dept.catalog_code}"',
            f'    maintainers: ["@bench/{dept.slug}"]',
        ]
    return "\n".join(out) + "\n"


def _legal_bases() -> str:
    out = ["# yaml-language-server: $schema=../schemas/legal-bases.schema.json", "legal_bases:"]
    for key, (title, issuer, number, date, level) in LEGAL_BASES.items():
        out += [f"  - id: {key}", f"    title: {title}", f"    issuer: {issuer}"]
        if number is not None:
            out.append(f"    number: {number}")
        out += [f'    date: "{date}"', f"    level: {level}"]
    return "\n".join(out) + "\n"


def _sources(plans: list[Planned], picks: list[Picked]) -> list[dict[str, str]]:
    """Per resource, the items it obtains from another department, with that source's code.

    One data, one source (Art. 20): the first department to collect an item about a subject is
    its source, and every other department obtains it. Base-library resources go first, those of
    the subject's own library before the rest, so 公民身份号码 comes from the 人口 library's lead.
    """

    def priority(index: int) -> tuple[int, int]:
        plan = plans[index]
        if plan.class_name != "基础信息资源":
            return (2, index)
        return (0 if plan.group in SUBJECT_LIBRARIES else 1, index)

    owners: dict[tuple[str, str], tuple[str, str]] = {}  # (subject, item) -> (department, code)
    for index in sorted(range(len(plans)), key=priority):
        for name in picks[index].names:
            owners.setdefault((picks[index].subject, name), (plans[index].department.slug, plans[index].code))
    sources = []
    for plan, picked in zip(plans, picks, strict=True):
        owned = (owners[(picked.subject, name)] for name in picked.names)
        sources.append(
            {name: code for name, (slug, code) in zip(picked.names, owned, strict=True) if slug != plan.department.slug}
        )
    return sources


def benchmark_instance(
    description: str,
    resources: int = 100,
    options: Mapping[str, int] | None = None,
    prepare: Callable[[Path, argparse.Namespace], None] | None = None,
) -> tuple[Path, argparse.Namespace]:
    """A benchmark's command line (DIR --departments --resources --runs, plus integer ``options``
    such as ``{"cases": 5000}``); the instance in DIR is generated, then ``prepare``d, unless DIR
    exists already, so that repeated measurements reuse it."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("directory", type=Path)
    parser.add_argument("--departments", type=int, default=10)
    parser.add_argument("--resources", type=int, default=resources)
    for name, default in (options or {}).items():
        parser.add_argument(f"--{name}", type=int, default=default)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    root: Path = args.directory
    if not root.exists():
        generate(root, args.departments, args.resources)
        if prepare is not None:
            prepare(root, args)
    return root, args


def generate(root: Path, n_departments: int, n_resources: int, seed: int = 1, invalid_rate: float = 0.0) -> Generated:
    """Write the instance under ``root`` (which must be empty or absent)."""
    started = time.perf_counter()
    result = Generated(root)
    depts = departments(n_departments)
    by_department = [plan_department(dept, n_resources, seed) for dept in depts]
    plans = [plan for department_plans in by_department for plan in department_plans]
    picks = [pick_items(plan, random.Random(f"{seed}/items/{plan.department.slug}/{plan.seq}")) for plan in plans]
    sources = _sources(plans, picks)
    (root / "registry").mkdir(parents=True, exist_ok=True)
    fixed = {
        "govdata.yaml": _config(depts[0]),
        "registry/departments.yaml": _registry(depts),
        "registry/legal-bases.yaml": _legal_bases(),
    }
    for path, text in fixed.items():
        result.bytes += (root / path).write_bytes(text.encode("utf-8"))
    result.files = len(fixed)
    other_codes = [d.catalog_code for d in depts]
    for dept in depts:
        (root / "catalogs" / dept.slug).mkdir(parents=True, exist_ok=True)
    for index, plan in enumerate(plans):
        earlier = by_department[depts.index(plan.department)][: plan.seq - 1]
        text = render(
            plan,
            picks[index],
            sources[index],
            earlier,
            random.Random(f"{seed}/{plan.department.slug}/{plan.seq}"),
        )
        # A separate stream decides the mistakes, so the valid files are the same at any rate.
        chance = random.Random(f"{seed}/invalid/{plan.department.slug}/{plan.seq}")
        if invalid_rate > 0 and chance.random() < invalid_rate:
            text, kind = spoil(text, plan, other_codes, chance)
            result.invalid[plan.path] = kind
        result.bytes += (root / plan.path).write_bytes(text.encode("utf-8"))
        result.resources.append(plan.path)
    result.files += len(result.resources)
    result.seconds = time.perf_counter() - started
    return result


def add_instance_options(parser: argparse.ArgumentParser, invalid_rate: float) -> None:
    """The options that shape an instance; shared with run_validate.py."""
    parser.add_argument("--departments", type=int, default=50, help="departments, 1-999 (default 50)")
    parser.add_argument("--resources", type=int, default=200, help="resources per department (default 200)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--invalid-rate",
        type=float,
        default=invalid_rate,
        help=f"share of resource files with a mistake, 0-1 (default {invalid_rate})",
    )


def check_instance_options(parser: argparse.ArgumentParser, args: argparse.Namespace, folder: Path | None) -> None:
    if not 1 <= args.departments <= MAX_DEPARTMENTS:
        parser.error(f"--departments must be 1-{MAX_DEPARTMENTS}: catalog codes have three digits")
    if args.resources < 1 or args.resources > 999_999:
        parser.error("--resources must be 1-999999: sequence codes have six digits")
    if not 0.0 <= args.invalid_rate <= 1.0:
        parser.error("--invalid-rate must be between 0 and 1")
    if folder is not None and folder.exists() and any(folder.iterdir()):
        parser.error(f"{folder} is not empty; choose a new folder")


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path, help="where to write the instance (empty or absent)")
    add_instance_options(parser, invalid_rate=0.0)
    args = parser.parse_args(argv)
    check_instance_options(parser, args, args.directory)
    return args


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    result = generate(args.directory, args.departments, args.resources, args.seed, args.invalid_rate)
    print(
        f"wrote {result.files} files ({result.bytes / 1e6:.1f} MB, {len(result.invalid)} resources with a mistake) "
        f"to {result.root} in {result.seconds:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
