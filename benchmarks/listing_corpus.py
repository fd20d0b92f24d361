"""Synthetic portal listings in the shapes of ``variants.md``: five portal styles, no real records.

    python benchmarks/listing_corpus.py DIR [--sources 52] [--records 90000] [--seed 7]

Each source is one portal style: A (JSON array, Chinese labels), B (two JSON arrays written one
after another, English labels, epoch-millisecond dates, Python-repr formats, HTML abstracts),
C (JSON Lines, notes appended to update cycles, 可开放 with free-text conditions, exact
duplicates), D (CSV in GBK, comma-text formats, dashed place prefixes), E (XLSX, date cells,
codes). Spellings are drawn with the weights measured on real listings. Providers name the
departments of the test instance (``tests/rules/_base``, region 测试区) in every form seen:
full names, bare names, decorated places, other places' departments, places and an account.
The same seed gives the same bytes. Used by the benchmark and by ``tests/imports``.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

CYCLES = [
    ("每年", 41951), ("年", 1873), ("实时", 14161), ("即时", 220), ("不定期", 11186), ("不定时", 961),
    ("不定期更新", 361), ("每月", 4459), ("每日", 1935), ("每天", 1915), ("其他", 1330), ("其它", 449),
    ("自定义", 1), ("每季度", 1194), ("季度", 31), ("每半年", 1059), ("半年", 58), ("不更新", 748),
    ("静态数据", 364), ("每周", 519), ("小时级", 19), ("分钟级", 5), ("每半月", 4),
]  # fmt: skip
CYCLE_NOTES = [
    "不更新(更新说明:暂无新业务数据产生)",
    "不定期(更新说明:随业务办理更新)",
    "每月(更新说明:每月10日前更新)",
]
OPENINGS = [
    ("完全开放", 4313), ("无条件", 4021), ("有条件", 3358), ("依申请开放", 695), ("申请开放", 496),
    ("申请后开放", 36), ("登录开放", 3932),
]  # fmt: skip
CONDITIONS = [
    ("开放网站", 3449), ("开放数据平台", 1387), ("用于数据校验", 97), ("暂无", 131), ("依托于开放网站", 60),
    ("需提交申请并经审核", 300), ("无", 131), ("请补充开放条件", 5),
]  # fmt: skip
THEMES = ["公共服务", "社会保障", "生态环保", "城乡建设", "教育科技", "交通出行", "默认主题", "暂无", "无", "财税金融"]
INDUSTRIES = [
    "公共管理、社会保障和社会组织",
    "S 公共管理、社会保障和社会组织",
    "交通运输、仓储和邮政业",
    "教育",
    "P 教育",
]
FORMAT_WORDS = ["csv", "xls", "xlsx", "json", "xml", "rdf", "pdf", "api", "mysql", "oracle", "jpg", "WP", "WT"]
FORMAT_TYPED = ["数据库-oracle", "电子表格-xls", "电子文件:pdf", "服务接口/api", "03,0310", "02,0201", "数据库:mysql"]
NAMES = ["道路运输经营许可", "企业登记", "社会组织登记", "养老机构", "学校名录", "公交线路", "空气质量监测",
         "建设工程规划许可", "医疗机构执业登记", "残疾人证发放", "婚姻登记", "低保对象", "特种设备", "食品经营许可"]  # fmt: skip
SUFFIXES = ["信息", "数据", "名录", "统计", "目录", "清单"]
DEPARTMENTS = ["公安局", "市场监督管理局", "民政局", "政务服务和大数据管理局"]
OTHER_DEPARTMENTS = ["统计局", "交通运输局", "教育局", "住房和城乡建设局", "卫生健康委员会", "文化广电和旅游局"]
DISTRICTS = ["承留镇", "玉泉街道", "高新区", "坡头镇"]


def pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    return rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


def provider(rng: random.Random) -> str:
    """A provider text in one of the forms real listings use."""
    form = rng.random()
    if form < 0.45:
        return "测试区" + rng.choice(DEPARTMENTS)
    if form < 0.6:
        return "区" + rng.choice(DEPARTMENTS)
    if form < 0.7:
        return "【测试区】" + rng.choice(DEPARTMENTS)
    if form < 0.78:
        return "测试区-" + rng.choice(DEPARTMENTS)
    if form < 0.93:
        return rng.choice(["市", "区", "县"]) + rng.choice(OTHER_DEPARTMENTS)
    if form < 0.97:
        return rng.choice(["大竹县", "汶川县", "高新区"])
    return "地区管理员"


def date_text(rng: random.Random, shape: str) -> Any:
    day = 1_600_000_000 + rng.randrange(0, 90_000_000)
    import datetime as dt

    moment = dt.datetime.fromtimestamp(day, dt.timezone(dt.timedelta(hours=8)))
    return {
        "iso": moment.strftime("%Y-%m-%d"),
        "time": moment.strftime("%Y-%m-%d %H:%M:%S"),
        "slash": moment.strftime("%Y/%m/%d %H:%M:%S"),
        "newline": moment.strftime("%Y-%m-%d\n%H:%M"),
        "epoch": day * 1000,
        "cell": moment.replace(tzinfo=None),
    }[shape]


def base(rng: random.Random, number: int) -> dict[str, Any]:
    name = rng.choice(NAMES) + rng.choice(SUFFIXES) + f"（{number}）"
    return {"name": name, "abstract": name if rng.random() < 0.35 else f"{name}，包括名称、地址、状态和日期等字段。"}


def style_a(rng: random.Random, n: int) -> dict[str, Any]:
    b = base(rng, n)
    return {
        "数据集名称": b["name"], "摘要": b["abstract"], "数据提供方": provider(rng),
        "首次发布日期": date_text(rng, "iso"), "更新日期": date_text(rng, "time"), "更新频度": pick(rng, CYCLES),
        "开放属性": pick(rng, OPENINGS), "数据格式": rng.sample(FORMAT_WORDS, rng.randint(1, 3)),
        "数据标签": "\n".join(rng.sample(["人口", "企业", "许可", "交通", "暂无"], 2)) + "\t",
        "数据领域": rng.choice(THEMES), "行业分类": rng.choice(INDUSTRIES), "联系电话": f"0391-66{n % 100000:05d}",
        "部门邮箱": f"open{n % 50}@example.gov.cn", "数据量": str(rng.randint(0, 500000)),
        "详情页网址": f"https://data.example.gov.cn/dataset/{n}",
    }  # fmt: skip


def style_b(rng: random.Random, n: int) -> dict[str, Any]:
    b = base(rng, n)
    abstract = f"<p>{b['abstract']}</p>" if rng.random() < 0.2 else b["abstract"]
    return {
        "subjectBaseName": b["name"], "tableRemark": abstract, "orgName": provider(rng),
        "releaseTime": date_text(rng, "epoch"), "updateTime": date_text(rng, "slash"), "frequency": pick(rng, CYCLES),
        "openTypeName": pick(rng, OPENINGS), "dataType": repr(rng.sample(FORMAT_WORDS, rng.randint(1, 4))),
        "label": rng.choice(["人口,户籍", "企业", "暂无"]), "industry": rng.choice(INDUSTRIES),
        "orgPhone": f"0391-{n % 10000000:07d}", "orgEmail": f"org{n % 30}@example.gov.cn",
        "dataNumSum": rng.randint(0, 100000),
    }  # fmt: skip


def style_c(rng: random.Random, n: int) -> dict[str, Any]:
    b = base(rng, n)
    cycle = rng.choice(CYCLE_NOTES) if rng.random() < 0.2 else pick(rng, CYCLES)
    return {
        "资源名称": b["name"], "资源描述": b["abstract"], "提供部门": provider(rng),
        "发布时间": date_text(rng, "newline"), "更新周期": cycle, "开放类型": "可开放",
        "开放条件": pick(rng, CONDITIONS), "资源格式": rng.choice(FORMAT_TYPED), "所属区县": rng.choice(DISTRICTS),
        "关键字": "暂无", "主题名称": rng.choice(THEMES),
    }  # fmt: skip


def style_d(rng: random.Random, n: int) -> dict[str, Any]:
    b = base(rng, n)
    return {
        "目录名称": b["name"], "目录摘要": b["abstract"], "来源部门": provider(rng),
        "创建时间": date_text(rng, rng.choice(["iso", "time"])), "资源更新日期": date_text(rng, "iso"),
        "更新频率": pick(rng, CYCLES), "开放状态": pick(rng, OPENINGS),
        "格式类型": ",".join(rng.sample(FORMAT_WORDS, rng.randint(1, 3))), "联系人": "张三",
        "联系方式": "0391-1234567", "版本号": f"v{n % 5}.0", "场景分类": rng.choice(["便民服务", "营商环境"]),
        "国家主题分类": rng.choice(["公共服务", "社会保障", "信用体系"]),
    }  # fmt: skip


def style_e(rng: random.Random, n: int) -> dict[str, Any]:
    b = base(rng, n)
    return {
        "信息资源名称": b["name"], "信息资源摘要": b["abstract"], "信息资源提供方": provider(rng),
        "发布日期": date_text(rng, "cell"), "更新周期": pick(rng, CYCLES), "开放等级": pick(rng, OPENINGS),
        "资源格式": rng.choice(FORMAT_TYPED), "所属行业": rng.choice(INDUSTRIES), "数据条数": rng.randint(0, 90000),
    }  # fmt: skip


STYLES: dict[str, Callable[[random.Random, int], dict[str, Any]]] = {
    "a": style_a, "b": style_b, "c": style_c, "d": style_d, "e": style_e,
}  # fmt: skip


def _records(rng: random.Random, style: str, count: int, start: int) -> list[dict[str, Any]]:
    records = [STYLES[style](rng, start + i) for i in range(count)]
    if style == "c":  # exact duplicates, as one portal repeats records
        for index in range(0, len(records) - 1, 30):
            records[index + 1] = dict(records[index])
        # one provider name reused across districts: same name and provider, another district
        for index in range(10, len(records) - 1, 40):
            records[index + 1] = {**records[index], "所属区县": "另一区县", "发布时间": "2023-01-01"}
    return records


def write_source(folder: Path, style: str, number: int, count: int, rng: random.Random, start: int) -> Path:
    records = _records(rng, style, count, start)
    stem = folder / f"portal-{number:02d}-{style}"
    if style == "a":
        path = stem.with_suffix(".json")
        path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    elif style == "b":
        half = len(records) // 2  # two arrays, one after the other
        text = json.dumps(records[:half], ensure_ascii=False) + json.dumps(records[half:], ensure_ascii=False)
        path = stem.with_suffix(".json")
        path.write_text(text, encoding="utf-8")
    elif style == "c":
        path = stem.with_suffix(".jsonl")
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    elif style == "d":
        path = stem.with_suffix(".csv")
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(records[0]))
        writer.writeheader()
        writer.writerows(records)
        path.write_bytes(buffer.getvalue().encode("gb18030"))
    else:
        from openpyxl import Workbook

        path = stem.with_suffix(".xlsx")
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("目录")
        sheet.append(list(records[0]))
        for record in records:
            sheet.append(list(record.values()))
        workbook.save(path)
    return path


def write_corpus(folder: Path, sources: int = 52, records: int = 90_000, seed: int = 7) -> list[Path]:
    """``sources`` listing files of about ``records`` records in all, styles in turn, plus one empty file."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    styles = list(STYLES)
    per_source = max(1, records // sources)
    paths = []
    for number in range(1, sources + 1):
        count = per_source + (records - per_source * sources if number == sources else 0)
        paths.append(write_source(folder, styles[(number - 1) % len(styles)], number, count, rng, number * 1_000_000))
    empty = folder / "portal-00-empty.json"
    empty.write_bytes(b"")
    return [empty, *paths]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--sources", type=int, default=52)
    parser.add_argument("--records", type=int, default=90_000)
    parser.add_argument("--seed", type=int, default=7)
    arguments = parser.parse_args()
    paths = write_corpus(arguments.folder, arguments.sources, arguments.records, arguments.seed)
    print(f"{len(paths)} files in {arguments.folder}")


if __name__ == "__main__":
    main()
