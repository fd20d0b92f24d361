"""Concurrent editing commands in real processes: every success is kept, or a command refuses.

Each trial starts two ``govdata`` processes on the same instance a random few milliseconds
apart (the seed is printed on failure), waits for both, and checks the file: the history entry
of every command that printed ✓ is there, and every command that failed said why (the
compare-and-swap message, or a transition the now-current status does not allow).
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from govdata.io.fastyaml import load_yaml
from tests.cli.test_grant_lifecycle import NEW_REQUEST
from tests.conftest import BASE_INSTANCE

GOVDATA = Path(sys.executable).with_name("govdata")
GRANT = "grants/minzheng/minzheng-2025-001.yaml"
CHANGED = ("已被他人修改", "changed by someone else")
TRIALS = 3


@dataclass
class Run:
    args: tuple[str, ...]
    code: int
    out: str
    err: str


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["GOVDATA_LANG"] = "zh"
    return env


def _run(root: Path, *args: str) -> Run:
    done = subprocess.run([str(GOVDATA), *args], cwd=root, capture_output=True, text=True, env=_env(), check=False)
    return Run(args, done.returncode, done.stdout, done.stderr)


def _race(root: Path, first: tuple[str, ...], second: tuple[str, ...], rng: random.Random) -> list[Run]:
    """Start both commands, the second a random 0-40 ms after the first, and wait for both."""
    processes = []
    for index, args in enumerate((first, second)):
        if index:
            time.sleep(rng.uniform(0, 0.04))
        processes.append(
            subprocess.Popen(
                [str(GOVDATA), *args],
                cwd=root,
                env=_env(),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    runs = []
    for args, process in zip((first, second), processes, strict=True):
        out, err = process.communicate(timeout=120)
        runs.append(Run(args, process.returncode, out, err))
    return runs


def _data(path: Path) -> dict:  # type: ignore[type-arg]
    loaded = load_yaml(path.read_text(encoding="utf-8"))
    assert isinstance(loaded, tuple), loaded
    return loaded[0]  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Instances with one grant: pending, approved, and approved but not yet formatted."""
    base = tmp_path_factory.mktemp("prepared")
    pending = base / "pending"
    shutil.copytree(BASE_INSTANCE, pending)
    created = _run(pending, *NEW_REQUEST, "--scenario", "低保申请受理时核验申请人户籍身份")
    assert created.code == 0, created.err
    approved = base / "approved"
    shutil.copytree(pending, approved)
    done = _run(
        approved,
        "grant",
        "approve",
        "minzheng-2025-001",
        "--by",
        "王敏",
        "--reason",
        "依据充分",
        "--date",
        "2025-12-20",
    )
    assert done.code == 0, done.err
    unformatted = base / "unformatted"
    shutil.copytree(approved, unformatted)
    grant = unformatted / GRANT
    lines = grant.read_text(encoding="utf-8").splitlines(keepends=True)
    # Move the title below the scenario: fmt has something to rewrite.
    title = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    moved = lines.pop(title)
    scenario = next(i for i, line in enumerate(lines) if line.startswith("scenario:"))
    lines.insert(scenario + 1, moved)
    grant.write_text("".join(lines), encoding="utf-8")
    return {"pending": pending, "approved": approved, "unformatted": unformatted}


def _trial_root(prepared: Path, tmp_path: Path, index: int) -> Path:
    root = tmp_path / f"trial-{index}"
    shutil.copytree(prepared, root)
    return root


def _step(action: str, reason: str) -> tuple[str, ...]:
    return ("grant", action, "minzheng-2025-001", "--by", "王敏", "--reason", reason, "--date", "2026-02-01")


def _assert_each_kept_or_refused(runs: list[Run], file: Path, history_before: int) -> None:
    history = _data(file)["history"]
    reasons = [entry.get("reason") for entry in history]
    succeeded = [run for run in runs if run.code == 0]
    for run in runs:
        if run.code == 0:
            assert "✓" in run.out, run
            assert run.args[run.args.index("--reason") + 1] in reasons, (run, history)
        else:
            assert run.code == 2, run
            assert any(text in run.err for text in CHANGED) or "不能" in run.err, run
            assert "Traceback" not in run.err, run
    assert len(history) == history_before + len(succeeded), (runs, history)
    assert succeeded, runs


@pytest.mark.parametrize(
    ("state", "first", "second"),
    [
        ("approved", "suspend", "terminate"),
        ("pending", "approve", "reject"),
    ],
)
def test_two_steps_on_one_grant_never_lose_each_other(
    prepared: dict[str, Path], tmp_path: Path, state: str, first: str, second: str
) -> None:
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    refused = 0
    for index in range(TRIALS):
        root = _trial_root(prepared[state], tmp_path, index)
        before = len(_data(root / GRANT)["history"])
        order = [(first, f"{first}-理由-{index}"), (second, f"{second}-理由-{index}")]
        rng.shuffle(order)
        runs = _race(root, _step(*order[0]), _step(*order[1]), rng)
        _assert_each_kept_or_refused(runs, root / GRANT, before)
        refused += sum(1 for run in runs if any(text in run.err for text in CHANGED))
        assert not list((root / "grants").rglob("*.govdata.tmp")), f"seed {seed}"
    print(f"seed {seed}: {refused} compare-and-swap refusals in {TRIALS} trials")


def test_two_new_requests_take_distinct_ids(prepared: dict[str, Path], tmp_path: Path) -> None:
    rng = random.Random(seed := random.randrange(1 << 30))
    for index in range(TRIALS):
        root = _trial_root(prepared["pending"], tmp_path, index)
        scenarios = [f"场景甲-{index}：低保审核时核验户籍身份", f"场景乙-{index}：临时救助审核时核验户籍身份"]
        runs = _race(root, (*NEW_REQUEST, "--scenario", scenarios[0]), (*NEW_REQUEST, "--scenario", scenarios[1]), rng)
        assert all(run.code == 0 for run in runs), (seed, runs)
        written = {}
        for run, scenario in zip(runs, scenarios, strict=True):
            path = run.out.split("✓ ", 1)[1].split(":", 1)[0]
            written[path] = scenario
        assert len(written) == 2, (seed, runs)  # two different files
        for path, scenario in written.items():
            assert _data(root / path)["scenario"] == scenario
            assert oct((root / path).stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_fmt_during_a_grant_step_never_writes_older_content(prepared: dict[str, Path], tmp_path: Path) -> None:
    rng = random.Random(seed := random.randrange(1 << 30))
    for index in range(TRIALS):
        root = _trial_root(prepared["unformatted"], tmp_path, index)
        before = len(_data(root / GRANT)["history"])
        step = _step("suspend", f"暂停核查-{index}")
        pair = [("fmt", "--no-cache"), step]
        rng.shuffle(pair)
        runs = _race(root, pair[0], pair[1], rng)
        step_run = next(run for run in runs if run.args == step)
        fmt_run = next(run for run in runs if run.args[0] == "fmt")
        history = _data(root / GRANT)["history"]
        if step_run.code == 0:
            assert history[-1].get("reason") == f"暂停核查-{index}", (seed, runs)
            assert len(history) == before + 1
        else:
            assert any(text in step_run.err for text in CHANGED), (seed, step_run)
            assert len(history) == before
        if fmt_run.code != 0:
            assert fmt_run.code == 2 and any(text in fmt_run.err for text in CHANGED), (seed, fmt_run)
        assert step_run.code == 0 or fmt_run.code == 0, (seed, runs)
