"""The province benchmark runs every row at a tiny size and reports each; not a timed test.

``benchmarks/bench_province.py --scale small`` (200 and 1,000 resources) is run as a user runs
it: the report must hold every row of issue 12's table with a result and, where one is measured,
its floor; the spoiled copy's findings must all be located, and the pull-request branch must change
exactly the files it says.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPT = REPO_ROOT / "benchmarks" / "bench_province.py"
MEASURES = (  # the first column of every row, at the small scale
    "`validate`, 200 resources, cold",
    "check-jsonschema on the same 200 files",
    "every finding located (spoiled copy of 200, `--invalid-rate 0.1`)",
    "`validate`, 1,000 resources, cold",
    "re-check after a pull request changing 10 of 1,000 files",
    "pre-commit on one staged file in 200",
    "`govdata --version`",
    "`govdata --help`",
    "`govdata rules`",
    "`govdata validate` on an empty instance",
    "`fmt --check --no-cache`, 200 files, cold",
    "`fmt --check`, 200 files, warm",
    "`log --format json`, whole history: 200-file import + 20 commits",
)
KEYS = (  # the same rows' keys, in the same order
    "validate-10k",
    "check-jsonschema",
    "located",
    "validate-100k",
    "pr-recheck",
    "pre-commit",
    "version",
    "help",
    "rules",
    "validate-empty",
    "fmt-cold",
    "fmt-warm",
    "log",
)
NO_FLOOR = {"check-jsonschema", "located", "fmt-warm"}  # the first has a ceiling instead


def bench(folder: Path, *options: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(SCRIPT), str(folder), "--scale", "small", "--rounds", "1", *options]
    return subprocess.run(command, capture_output=True, text=True, cwd=REPO_ROOT, timeout=600)


@pytest.fixture(scope="module")
def small_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, subprocess.CompletedProcess[str]]:
    folder = tmp_path_factory.mktemp("province")
    done = bench(folder, "--cj-sample", "5", "--report", str(folder / "report.md"))
    return folder, (folder / "report.md").read_text(encoding="utf-8"), done


def test_every_row_is_reported_with_a_result(small_run: tuple[Path, str, subprocess.CompletedProcess[str]]) -> None:
    folder, report, done = small_run
    assert done.returncode == 0, done.stderr[-3000:] + report[report.find("Notes:") :]
    rows = [line for line in report.splitlines() if line.startswith("| ")]
    for measure in MEASURES:
        found = [row for row in rows if row.startswith(f"| {measure}")]
        assert len(found) == 1, f"{measure!r} not in the table:\n{report}"
        assert "not run" not in found[0] and "failed" not in found[0], report[report.index("Notes:") :]
    assert "**scaled**: timed on 5 of 200 files" in report
    assert "**Findings without a line number: 0**" in report
    assert "Spoiled files without a finding: 0." in report
    runs = json.loads((folder / "report.md.json").read_text(encoding="utf-8"))["runs"]
    assert {key.split("/")[0] for key in runs} >= {"validate-10k", "validate-100k", "log", "help"}
    assert all(run["wall"] > 0 and run["peak_mib"] > 0 for measured in runs.values() for run in measured)


def test_every_row_shows_its_floor_and_why(small_run: tuple[Path, str, subprocess.CompletedProcess[str]]) -> None:
    """A positive floor in the table for every row that has one, "—" for the others, a why in the
    notes, and the same floors with the parts they are computed from in the JSON."""
    folder, report, _ = small_run
    assert "floor part not timed" not in report, report[report.index("Notes:") :]
    rows = [line for line in report.splitlines() if line.startswith("| ")]
    floors = json.loads((folder / "report.md.json").read_text(encoding="utf-8"))["floors"]
    assert set(floors) == set(KEYS) - NO_FLOOR
    for measure, key in zip(MEASURES, KEYS, strict=True):
        [row] = [row for row in rows if row.startswith(f"| {measure}")]
        cell = row.rstrip(" |").rsplit(" | ", 1)[1]
        if key == "check-jsonschema":  # a speed-up: the most govdata could reach, its time over validate's floor
            ceiling = float(cell.removeprefix("≤ ").removesuffix("×"))
            assert ceiling > 0 and f"- check-jsonschema ceiling {ceiling:.1f}×: " in report, row
            continue
        if key in NO_FLOOR:
            assert cell == "—", row
            continue
        assert cell.endswith(" s") and float(cell[:-2]) > 0, row
        assert f"- {key} floor {cell}: " in report, report[report.index("Notes:") :]
        assert floors[key]["seconds"] > 0 and floors[key]["why"]
        assert all(value > 0 for value in floors[key]["parts"].values()), floors[key]
    # The cold rows' floors are their parts' sum as the notes say: start-up + files × the cost
    # with every core busy ÷ cores; that cost was timed apart from the one-core cost.
    for key, cost in (("validate-10k", "job"), ("validate-100k", "job"), ("fmt-cold", "proof"), ("log", "outline")):
        parts = floors[key]["parts"]
        busy = parts[f"{cost} s per file, every core busy"]
        spread = parts["start-up s"] + parts["files"] * busy / parts["cores"]
        assert floors[key]["seconds"] == pytest.approx(spread), floors[key]
        assert parts[f"{cost} s per file, one core alone"] > 0
        if parts["cores"] > 1:
            assert f"with all {parts['cores']} busy" in report, report[report.index("Notes:") :]
    assert floors["validate-100k"]["parts"]["files"] == 1000
    alone = floors["validate-10k"]["parts"]
    assert 0 < alone["parse s per file, one core alone"] < alone["job s per file, one core alone"]


def test_the_pull_request_changes_the_files_it_says(
    small_run: tuple[Path, str, subprocess.CompletedProcess[str]],
) -> None:
    folder, _, _ = small_run
    repo = folder / "pr-10x100-s1-10files"
    changed = subprocess.run(
        ["git", "diff", "--name-only", "main", "pr"], cwd=repo, capture_output=True, text=True, check=True
    ).stdout.split()
    assert len(changed) == 10
    assert all(path.startswith("catalogs/") and path.endswith(".yaml") for path in changed)
    assert subprocess.run(["git", "status", "--porcelain"], cwd=repo, capture_output=True, text=True).stdout == ""


def test_every_pull_request_round_checks_the_changed_files_again(
    small_run: tuple[Path, str, subprocess.CompletedProcess[str]],
) -> None:
    """Each round re-checks the branch against main's cache: the previous round's results for the
    branch's files (in the recent file) must not make the next round a run of cache hits."""
    from govdata.instance import open_instance
    from govdata.validation.engine import validate

    sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
    from province_rows import ROWS, Variant, pristine

    folder, _, _ = small_run
    repo = folder / "pr-10x100-s1-10files"
    [row] = [row for row in ROWS if row.key == "pr-recheck"]
    assert row.prepare is not None
    now = Variant("now", [sys.executable, "-m", "govdata"], None, True)
    try:
        for round_ in (1, 2):
            row.prepare(repo, now, round_)
            result = validate(open_instance(repo))
            read_first = 1 + len(list((repo / "registry").glob("*.yaml")))  # the config and registries
            assert result.files_checked - result.files_from_cache == 10 + read_first
    finally:
        pristine(repo)


def test_only_runs_the_rows_asked_and_reuses_the_data(
    small_run: tuple[Path, str, subprocess.CompletedProcess[str]],
) -> None:
    folder, _, _ = small_run
    manifest = folder / "empty.json"
    built = manifest.stat().st_mtime_ns
    done = bench(folder, "--only", "help,rules")
    assert done.returncode == 0, done.stderr[-3000:]
    assert manifest.stat().st_mtime_ns == built  # reused, not built again
    table = [line for line in done.stdout.splitlines() if line.startswith("| `")]
    assert [line.split(" | ")[0] for line in table] == ["| `govdata --help`", "| `govdata rules`"]


def test_an_unknown_row_is_a_usage_error(tmp_path: Path) -> None:
    done = bench(tmp_path, "--only", "validate-1m")
    assert done.returncode == 2
    assert "unknown rows validate-1m" in done.stderr


RECHECK = REPO_ROOT / "benchmarks" / "bench_recheck.py"


def test_the_recheck_phases_are_timed_on_the_pull_request(
    small_run: tuple[Path, str, subprocess.CompletedProcess[str]],
) -> None:
    """bench_recheck.py re-checks the small pull request from the base branch's cache and times
    every phase; the repository is left on its base branch without a recent-results file."""
    folder, _, _ = small_run
    [repository] = [path for path in folder.glob("pr-*") if path.is_dir()]
    done = subprocess.run(
        [sys.executable, str(RECHECK), str(repository), "--rounds", "1"],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    for label in (
        "git's listings waited for and told against the cache's (else parsed whole): the files",
        "cross-file rules",
        "marshal.loads of the cache",
    ):
        assert f"| {label}" in done.stdout, done.stdout
    changed = subprocess.run(
        ["git", "-C", str(repository), "diff", "--name-only", "main", "pr"], capture_output=True, text=True, check=True
    ).stdout.split()
    # The changed files, and the configuration and registries that every run reads.
    always = 1 + len(list((repository / "registry").glob("*.yaml")))
    assert f"files read again: {len(changed) + always})" in done.stdout, done.stdout
    head = subprocess.run(
        ["git", "-C", str(repository), "branch", "--show-current"], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert head == "main"
    assert not list((repository / ".govdata-cache").glob("*.recent.marshal"))
