"""Measure ``govdata import`` on ~90,000 synthetic listing records from 52 portal-style sources.

    python benchmarks/bench_import.py DIR [--sources 52] [--records 90000] [--seed 7] [--dry-run-only]

Writes the corpus (``listing_corpus.py``) to DIR/corpus once, then for a fresh copy of the
test instance (``tests/rules/_base`` with a code template) times, as separate processes:
a dry run with the JSON loss report, the import that writes the files (it ends with
``govdata validate``), and ``govdata validate`` on the result. Wall time and peak memory of
each process. Never commit DIR.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from listing_corpus import write_corpus
from measure import run

HERE = Path(__file__).resolve().parent
BASE = HERE.parent / "tests" / "rules" / "_base"
GOVDATA = str(Path(sys.executable).parent / "govdata")
TEMPLATE = '  template: "{class}{group}{dept}/{seq:06d}"\n  group_codes: {部门信息资源: "07"}\n'
DEFAULTS = """sharing: {type: 有条件共享, condition: 仅限履行法定职责使用, basis: [gov-info-sharing-measures-2016], methods: [接口]}
aggregation: {mode: 非实时汇聚, filing: 测数备〔2026〕1号}
data_subject: 事项和事件
security_level: 一般数据2级
opening: {type: 不予开放, basis: [gov-info-sharing-measures-2016]}
"""


def instance(folder: Path) -> Path:
    root = folder / "instance"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(BASE, root)
    config = root / "govdata.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  example: 307002/000001\n", "  example: 307002/000001\n" + TEMPLATE), "utf-8")
    (folder / "defaults.yaml").write_text(DEFAULTS, encoding="utf-8")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--sources", type=int, default=52)
    parser.add_argument("--records", type=int, default=90_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--dry-run-only", action="store_true", help="time only the dry run")
    arguments = parser.parse_args()
    folder: Path = arguments.folder.resolve()
    corpus = folder / "corpus"
    if not corpus.exists():
        write_corpus(corpus, arguments.sources, arguments.records, arguments.seed)
    root = instance(folder)
    defaults = str(folder / "defaults.yaml")
    common = [GOVDATA, "import", str(corpus), "-d", defaults, "--no-progress"]
    steps = (
        ("import --dry-run -o report.json", [*common, "--dry-run", "-o", str(folder / "report.json")]),
        ("import (write + validate)", [*common, "-o", str(folder / "report-write.json")]),
        ("validate", [GOVDATA, "validate", "--format", "json", "--no-progress"]),
    )
    if arguments.dry_run_only:
        steps = steps[:1]
    print(f"load average at start: {os.getloadavg()[0]:.1f} (2 cores shared)")
    for number, (label, command) in enumerate(steps):
        done = run(command, root, folder / f"out-{number}.txt", folder / f"err-{number}.txt")
        print(
            f"{label:34} {done.wall:8.1f} s wall  {done.cpu:8.1f} s CPU  {done.peak_mib:7.0f} MiB  exit {done.exit_code}"
        )
    files = sum(1 for _ in root.glob("catalogs/*/*.yaml"))
    print(f"resource files: {files}; report: {(folder / 'report.json').stat().st_size / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
