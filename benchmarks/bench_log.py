"""Measure ``govdata log`` on a generated repository with thousands of commits.

    python benchmarks/bench_log.py DIR [--commits 2000] [--departments 20] [--resources 50] [--runs 3]

Builds (once; reused when DIR exists) a git repository: a generated instance as the first
commit, then ``--commits`` commits, each editing one to three resources the way departments
do (update cycle, an item renamed or added, the abstract reworded, now and then a resource
moved to another department's folder), with a side branch merged every 100 commits. Then
times ``govdata log`` for the whole instance, one resource, one path and one department
(wall time and peak memory of the process, median of ``--runs``). Deterministic for a seed.
Never commit DIR.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

from measure import median, run

HERE = Path(__file__).resolve().parent
GOVDATA = Path(sys.executable).parent / "govdata"
CYCLES = ("实时", "每日", "每周", "每月", "每季度", "每年")


def git(repo: Path, *args: str, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, text=True, env={**os.environ, **(env or {})}
    )
    return done.stdout


def stamp(number: int, author: str) -> dict[str, str]:
    date = f"@{1_767_225_600 + number * 3600} +0800"  # one commit an hour from 2026-01-01
    return {
        "GIT_AUTHOR_NAME": author,
        "GIT_AUTHOR_EMAIL": f"{author}@example.invalid",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_NAME": author,
        "GIT_COMMITTER_EMAIL": f"{author}@example.invalid",
        "GIT_COMMITTER_DATE": date,
    }


def edit(text: str, rng: random.Random, number: int) -> tuple[str, str]:
    """One realistic edit of a resource file, and the commit message for it."""
    roll = rng.random()
    if roll < 0.4:
        old = re.search(r"^update_cycle: (\S+)$", text, re.M)
        new = rng.choice([c for c in CYCLES if not old or c != old.group(1)])
        return re.sub(r"^update_cycle: \S+$", f"update_cycle: {new}", text, count=1, flags=re.M), f"更新周期改为{new}"
    if roll < 0.6:
        names = re.findall(r"^  - name: (.+)$", text, re.M)
        name = rng.choice(names)
        renamed = name[:-3] if name.endswith("（修订）") else name + "（修订）"
        return text.replace(f"  - name: {name}\n", f"  - name: {renamed}\n", 1), f"信息项“{name}”更名"
    if roll < 0.75:
        item = (
            f"  - name: 补充字段{number}\n    data_type: C\n    length: 20\n    basic: false\n    personal_info: 无\n"
        )
        return text.replace("items:\n", "items:\n" + item, 1), "新增信息项"
    return re.sub(
        r"^abstract: (.*)$", lambda m: f"abstract: {m.group(1)}（第{number}次修订）", text, count=1, flags=re.M
    ), "修订摘要"


def build(repo: Path, commits: int, departments: int, resources: int, seed: int) -> None:
    subprocess.run(
        [
            sys.executable,
            HERE / "generate_instance.py",
            repo,
            "--departments",
            str(departments),
            "--resources",
            str(resources),
            "--seed",
            str(seed),
        ],
        check=True,
        capture_output=True,
    )
    git(repo, "init", "-q", "-b", "main")
    # No automatic gc while building: past 6,700 loose objects a commit starts one in the background,
    # and the final ``git gc`` then fails on its lock ("gc is already running").
    git(repo, "config", "gc.auto", "0")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "初始目录", env=stamp(0, "dashuju"))
    rng = random.Random(seed)
    files = sorted(
        p.relative_to(repo).as_posix() for p in (repo / "catalogs").glob("*/*.yaml") if p.name != "demands.yaml"
    )
    folders = sorted({f.split("/")[1] for f in files})
    number = 0
    started = time.perf_counter()
    while number < commits:
        branch = number % 100 == 50
        if branch:
            git(repo, "switch", "-q", "-c", f"pr-{number}")
        for _ in range(3 if branch else 1):
            number += 1
            touched = []
            for _ in range(rng.choice((1, 1, 2, 3))):
                index = rng.randrange(len(files))
                path = files[index]
                text, message = edit((repo / path).read_text(encoding="utf-8"), rng, number)
                if rng.random() < 0.02:  # a resource moves to another department's folder
                    target = f"catalogs/{rng.choice(folders)}/{Path(path).name}"
                    if not (repo / target).exists():
                        (repo / path).unlink()
                        touched.append(path)
                        path = files[index] = target
                        message = "职责调整，资源划转"
                (repo / path).write_text(text, encoding="utf-8")
                touched.append(path)
            git(repo, "add", "-A", "--", *touched)
            git(repo, "commit", "-q", "-m", message, env=stamp(number, path.split("/")[1]))
        if branch:
            git(repo, "switch", "-q", "main")
            git(
                repo,
                "merge",
                "-q",
                "--no-ff",
                "-m",
                f"合并 pr-{number}",
                f"pr-{number - 3}",
                env=stamp(number, "dashuju"),
            )
        if number % 500 < 3:
            print(f"  {number} commits ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    git(repo, "gc", "-q")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--commits", type=int, default=2000)
    parser.add_argument("--departments", type=int, default=20)
    parser.add_argument("--resources", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    repo: Path = args.directory.resolve()
    if not (repo / ".git").is_dir():
        build(repo, args.commits, args.departments, args.resources, args.seed)
    total = int(git(repo, "rev-list", "--count", "HEAD"))
    busiest = git(repo, "log", "--format=", "--name-only", "--", "catalogs/")
    path = max(set(busiest.split()), key=busiest.split().count)
    code = (
        re.search(r'^code: "(.+)"$', (repo / path).read_text(encoding="utf-8"), re.M)
        if (repo / path).exists()
        else None
    )
    cases = [("whole instance", []), ("one department", [path.split("/")[1]])]
    if code:
        cases += [("one resource (busiest)", [code.group(1)]), ("one path (busiest)", [path])]
    print(f"repository: {total} commits, {len(list((repo / 'catalogs').glob('*/*.yaml')))} files")
    print("| command | commits shown | wall (median) | peak RSS |\n|---|---:|---:|---:|")
    for label, target in cases:
        argv = [str(GOVDATA), "log", *target, "--format", "json"]
        results = [run(argv, repo, repo / ".git/bench.out", repo / ".git/bench.err") for _ in range(args.runs)]
        shown = (repo / ".git/bench.out").read_text(encoding="utf-8").count('"sha":')
        assert all(r.exit_code == 0 for r in results), (repo / ".git/bench.err").read_text(encoding="utf-8")
        print(
            f"| `govdata log {' '.join(target)}` ({label}) | {shown} | {median([r.wall for r in results]):.2f} s "
            f"| {max(r.peak_mib for r in results):.0f} MiB |"
        )


if __name__ == "__main__":
    main()
