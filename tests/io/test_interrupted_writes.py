"""``kill -9`` at random moments of writing commands: no torn file, no stray file git would
commit or validate would miss, and the next run says how far the killed one got and finishes it."""

from __future__ import annotations

import json
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from govdata.generate.instance import InstanceSeed, instance_files
from govdata.io.atomic import TEMP_SUFFIX, stray_temporaries
from govdata.io.fastyaml import YamlProblem, load_yaml
from govdata.io.transaction import JOURNAL_FILE
from tests.conftest import REPO_ROOT

GOVDATA = Path(sys.executable).with_name("govdata")
TRIALS = 4


def _gitignore() -> str:
    seed = InstanceSeed("测试区", "419001", "11419001MB1957349M", "测试区政务服务和大数据管理局", "dashuju")
    return instance_files(seed)[".gitignore"]


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference instance without its responsibility lists, in a git repository."""
    root = tmp_path_factory.mktemp("reference") / "instance"
    root.mkdir()
    for name in ("govdata.yaml", "registry", "catalogs", "grants"):
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy(source, root / name)
    (root / ".gitignore").write_text(_gitignore(), encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    return root


def _killed_at_random(root: Path, args: tuple[str, ...], rng: random.Random, on_journal: bool) -> None:
    """Run govdata ``args`` and SIGKILL it: at a random moment, or just as it starts writing."""
    with subprocess.Popen([str(GOVDATA), *args], cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as p:
        deadline = time.monotonic() + 30
        if on_journal:
            while not (root / JOURNAL_FILE).exists() and p.poll() is None and time.monotonic() < deadline:
                time.sleep(0.001)
            time.sleep(rng.uniform(0, 0.03))
        else:
            time.sleep(rng.uniform(0.2, 1.5))
        p.send_signal(signal.SIGKILL)
        p.wait(timeout=30)


def _run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(GOVDATA), *args], cwd=root, capture_output=True, text=True, check=False)


def _lists(root: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted((root / "responsibility").glob("*"))}


def test_kill_9_during_responsibility_build(reference: Path, tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    shutil.copytree(reference, clean)
    assert _run(clean, "responsibility", "build").returncode == 0
    finished = _lists(clean)
    assert len(finished) > 10
    rng = random.Random(seed := random.randrange(1 << 30))
    journals = 0
    for index in range(TRIALS):
        root = tmp_path / f"trial-{index}"
        shutil.copytree(reference, root)
        _killed_at_random(root, ("responsibility", "build"), rng, on_journal=index % 2 == 0)
        for path in (root / "responsibility").glob("*.yaml") if (root / "responsibility").is_dir() else ():
            assert not isinstance(load_yaml(path.read_text(encoding="utf-8")), YamlProblem), (seed, path)
        strays = stray_temporaries(root, ("responsibility",))
        if strays:  # ignored by git; validate reports them (the test below)
            ignored = subprocess.run(
                ["git", "check-ignore", *[str(s) for s in strays]], cwd=root, capture_output=True, text=True
            )
            assert ignored.returncode == 0 and len(ignored.stdout.splitlines()) == len(strays), (seed, ignored)
        interrupted = (root / JOURNAL_FILE).exists()
        journals += interrupted
        again = _run(root, "responsibility", "build")
        assert again.returncode == 0, (seed, again.stderr)
        if interrupted:
            assert "中断" in again.stderr, (seed, again.stderr)
        assert _lists(root) == finished, seed  # the same lists as an uninterrupted build
        assert not (root / JOURNAL_FILE).exists()
        assert not stray_temporaries(root, ("responsibility",))
        assert not list(root.rglob(f"*{TEMP_SUFFIX}"))
    print(f"seed {seed}: {journals} of {TRIALS} runs killed mid-write")


def test_validate_reports_a_stray_temporary_file_and_git_ignores_it(reference: Path, tmp_path: Path) -> None:
    root = tmp_path / "instance"
    shutil.copytree(reference, root)
    stray = root / "catalogs/gongan/.101002-000001.yaml.k2j3h4.govdata.tmp"
    stray.write_text("half a file", encoding="utf-8")
    legacy = root / "catalogs/gongan/.101002-000001.yaml.x8y7z6.tmp"
    legacy.write_text("half a file", encoding="utf-8")
    report = _run(root, "validate")
    for name in (stray, legacy):
        relative = name.relative_to(root).as_posix()
        line = next(line for line in report.stdout.splitlines() if f"临时文件：{relative}" in line)
        assert "GD003" in line, report.stdout
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"], cwd=root, capture_output=True, text=True, check=True
    )
    assert ".tmp" not in status.stdout


def test_validate_reports_an_unfinished_multi_file_write(reference: Path, tmp_path: Path) -> None:
    root = tmp_path / "instance"
    shutil.copytree(reference, root)
    journal = {
        "label": "responsibility build",
        "files": [{"path": "responsibility/a.yaml", "before": None, "after": "0"}],
    }
    (root / JOURNAL_FILE).parent.mkdir(exist_ok=True)
    (root / JOURNAL_FILE).write_text(json.dumps(journal), encoding="utf-8")
    report = _run(root, "validate")
    line = next(line for line in report.stdout.splitlines() if "中断" in line)
    assert "GD003" in line and "0/1" in line, report.stdout


def _swap_code_and_name(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    code = next(i for i, line in enumerate(lines) if line.startswith("code:"))
    name = next(i for i, line in enumerate(lines) if line.startswith("name:"))
    lines[code], lines[name] = lines[name], lines[code]
    path.write_text("\n".join(lines), encoding="utf-8")


def test_kill_9_during_fmt(reference: Path, tmp_path: Path) -> None:
    """fmt rewrites many files in one transaction: killed while writing, every file still holds
    its data (old or new text), leftovers are ignored, and the next fmt finishes the job."""
    rng = random.Random(seed := random.randrange(1 << 30))
    folders = ("catalogs/gongan", "catalogs/minzheng")
    for index in range(2):
        root = tmp_path / f"trial-{index}"
        shutil.copytree(reference, root)
        resources = sorted(p for folder in folders for p in (root / folder).glob("*.yaml") if p.name != "demands.yaml")
        data = {}
        for path in resources:
            loaded = load_yaml(path.read_text(encoding="utf-8"))
            assert isinstance(loaded, tuple)
            data[path] = loaded[0]
            _swap_code_and_name(path)
        _killed_at_random(root, ("fmt", "--no-cache", *folders), rng, on_journal=index == 0)
        for path in resources:
            loaded = load_yaml(path.read_text(encoding="utf-8"))
            assert isinstance(loaded, tuple) and loaded[0] == data[path], (seed, path)
        strays = stray_temporaries(root, ("catalogs",))
        if strays:
            ignored = subprocess.run(
                ["git", "check-ignore", *map(str, strays)], cwd=root, capture_output=True, text=True
            )
            assert len(ignored.stdout.splitlines()) == len(strays), (seed, ignored)
        assert _run(root, "fmt", "--no-cache", *folders).returncode == 0, seed
        assert _run(root, "fmt", "--check", "--no-cache", *folders).returncode == 0, seed
        assert not stray_temporaries(root, ("catalogs",)) and not (root / JOURNAL_FILE).exists()
