"""The data of the province benchmark (``bench_province.py``), built once into a folder and reused.

Each data set lives in a folder whose name says its size and seed (``valid-50x200-s1`` …);
a ``NAME.json`` manifest beside it is written last, so a folder without one is an interrupted
build and is rebuilt. Generated with ``generate_instance.py`` (10 KB resources); the git
histories reuse ``bench_log.py``. Never commit any of it.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bench_log import build as build_history
from bench_log import edit, git, stamp
from generate_instance import Generated, generate

IGNORED = "# 缓存 / caches\n.govdata-cache/\n"
LOOSER, TIGHTER = (
    "  type: 无条件共享\n",
    (
        "  type: 有条件共享\n  condition: 仅向承担相关管理职责的部门提供，使用部门须经审核同意\n"
        "  basis: [gov-info-sharing-measures-2016]\n"
    ),
)


@dataclass(frozen=True)
class Scale:
    """Sizes of every data set; ``full`` is the issue's, ``small`` the smoke test's."""

    ten: tuple[int, int]  # departments × resources of the "10k" instance
    hundred: tuple[int, int]  # of the "100k" instance
    pr_files: int  # resource files the pull request changes
    commits: int  # commits after the import in the log repository
    invalid_rate: float = 0.1
    short_repeat: int = 5  # runs per round of the start-up rows

    def files(self, size: tuple[int, int]) -> int:
        return size[0] * size[1]


SCALES = {
    "full": Scale(ten=(50, 200), hundred=(100, 1000), pr_files=100, commits=200),
    "small": Scale(ten=(4, 50), hundred=(10, 100), pr_files=10, commits=20, short_repeat=1),
}


@dataclass(frozen=True)
class DataSet:
    root: Path
    facts: dict[str, Any]  # what was built: sizes, seed, spoiled files … (from JSON)


def _reused(folder: Path, name: str, build: Callable[[Path], dict[str, Any]]) -> DataSet:
    """``folder/name`` as built by ``build`` (which returns its facts), or as a previous run left it."""
    root, manifest = folder / name, folder / f"{name}.json"
    if manifest.is_file() and root.is_dir():
        return DataSet(root, json.loads(manifest.read_text(encoding="utf-8")))
    if root.exists():
        print(f"  {root}: no manifest (an interrupted build), building it again", file=sys.stderr, flush=True)
        shutil.rmtree(root)
    print(f"  building {root} …", file=sys.stderr, flush=True)
    facts = build(root)
    manifest.write_text(json.dumps(facts, ensure_ascii=False, indent=1), encoding="utf-8")
    return DataSet(root, facts)


def _generated(root: Path, size: tuple[int, int], seed: int, rate: float = 0.0) -> dict[str, Any]:
    made: Generated = generate(root, size[0], size[1], seed, rate)
    facts = asdict(made)
    facts["root"] = str(made.root)
    return facts


def _commit_all(root: Path, message: str, number: int) -> None:
    (root / ".gitignore").write_text(IGNORED, encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "gc.auto", "0")  # no gc started in the background during a timed run
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, env=stamp(number, "dashuju"))


def _schemas(root: Path, govdata: list[str]) -> None:
    """The JSON Schemas in ``schemas/``, as ``govdata init`` leaves them (check-jsonschema needs them)."""
    subprocess.run([*govdata, "schemas"], cwd=root, check=True, capture_output=True)


def instance(folder: Path, size: tuple[int, int], seed: int, govdata: list[str]) -> DataSet:
    """A valid generated instance committed as one import commit on ``main``."""

    def build(root: Path) -> dict[str, Any]:
        facts = _generated(root, size, seed)
        _schemas(root, govdata)
        _commit_all(root, "初始目录", 0)
        return facts

    return _reused(folder, f"valid-{size[0]}x{size[1]}-s{seed}", build)


def spoiled(folder: Path, size: tuple[int, int], seed: int, rate: float) -> DataSet:
    """The same instance with a share ``rate`` of its resources spoiled (no git: read as files)."""
    return _reused(folder, f"spoiled-{size[0]}x{size[1]}-s{seed}-r{rate}", lambda r: _generated(r, size, seed, rate))


def _pull_request(text: str, rng: random.Random, number: int) -> tuple[str, str]:
    """An edit as departments make them, and its kind; every fifth file tightens its sharing when it can."""
    if number % 5 == 0 and LOOSER in text:
        return text.replace(LOOSER, TIGHTER, 1), "sharing type"
    text, message = edit(text, rng, number)
    kinds = {"更名": "item renamed", "新增": "item added", "摘要": "abstract reworded", "更新周期": "update cycle"}
    return text, next((kind for word, kind in kinds.items() if word in message), message)


def pull_request(folder: Path, size: tuple[int, int], seed: int, changed: int, govdata: list[str]) -> DataSet:
    """An instance on ``main`` and a branch ``pr`` whose one commit edits ``changed`` resource files."""

    def build(root: Path) -> dict[str, Any]:
        made = generate(root, size[0], size[1], seed)
        _schemas(root, govdata)
        _commit_all(root, "初始目录", 0)
        git(root, "switch", "-q", "-c", "pr")
        rng = random.Random(f"{seed}/pull-request")
        kinds: dict[str, int] = {}
        for number, path in enumerate(sorted(rng.sample(made.resources, changed)), start=1):
            text, kind = _pull_request((root / path).read_text(encoding="utf-8"), rng, number)
            (root / path).write_text(text, encoding="utf-8")
            kinds[kind] = kinds.get(kind, 0) + 1
        git(root, "commit", "-q", "-am", f"修订 {changed} 项资源", env=stamp(1, "pr"))
        git(root, "switch", "-q", "main")
        # 100,000 paths: the manifest need not hold them
        return {
            "files": made.files,
            "bytes": made.bytes,
            "seconds": made.seconds,
            "pr_files": changed,
            "pr_edits": kinds,
        }

    return _reused(folder, f"pr-{size[0]}x{size[1]}-s{seed}-{changed}files", build)


def history(folder: Path, size: tuple[int, int], seed: int, commits: int) -> DataSet:
    """The import commit of a generated instance and ``commits`` later commits (``bench_log.build``)."""

    def build(root: Path) -> dict[str, Any]:
        build_history(root, commits, size[0], size[1], seed)
        total = int(git(root, "rev-list", "--count", "HEAD"))
        return {"departments": size[0], "per_department": size[1], "seed": seed, "commits": total}

    return _reused(folder, f"log-{size[0]}x{size[1]}-s{seed}-{commits}commits", build)


def empty(folder: Path, govdata: list[str]) -> DataSet:
    """``govdata init``: one department, no resources."""

    def build(root: Path) -> dict[str, Any]:
        argv = [*govdata, "init", str(root), "--region", "某市", "--division-code", "410100"]
        argv += ["--authority-name", "某市大数据管理局", "--authority-code", "11410100MB00000005"]
        subprocess.run(argv, check=True, capture_output=True)
        return {"files": len([p for p in root.rglob("*") if p.is_file()])}

    return _reused(folder, "empty", build)
