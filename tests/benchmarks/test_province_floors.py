"""The province benchmark's floors: the arithmetic on given parts, and the parts' helpers on real files.

Not a timed test: the figures are given, or only checked to be measured at all.
"""

from __future__ import annotations

import marshal
import subprocess
import sys
from pathlib import Path

import pytest

from govdata.validation.main_file import decode_entries, encode_entries

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

import floors  # noqa: E402
from per_file_costs import sample  # noqa: E402
from province_floors import cached, spread  # noqa: E402


def test_a_cold_floor_is_start_up_then_every_file_shared_over_the_cores() -> None:
    # 10,000 files at 1.4 ms on one core, two cores, 0.4 s of start-up: 0.4 + 7.0 s.
    assert spread(10_000, 0.0014, 2, 0.4) == pytest.approx(7.4)
    assert spread(10_000, 0.0014, 1, 0.4) == pytest.approx(14.4)
    assert spread(0, 0.0014, 2, 0.4) == pytest.approx(0.4)


def test_a_warm_floor_reads_the_cache_with_git_beside_it() -> None:
    # Start-up 0.45 s; marshal.loads 0.7 s; git's listings (0.25 s) on the other core from the
    # start; 100 jobs of 1.4 ms.
    assert cached(0.45, 0.7, 0.25, 100, 0.0014, 2) == pytest.approx(0.45 + 0.7 + 0.07)
    # git slower than start-up and the reading together: git bounds it.
    assert cached(0.45, 0.1, 0.75, 1, 0.002, 2) == pytest.approx(0.75 + 0.001)
    # One core: nothing runs beside, so all count.
    assert cached(0.45, 0.7, 0.25, 100, 0.0014, 1) == pytest.approx(0.45 + 0.95 + 0.14)


def test_the_sample_is_resource_files_spread_over_every_department() -> None:
    paths = ["govdata.yaml", "registry/departments.yaml"]
    for department in ("a", "b", "c", "d"):
        paths += [f"catalogs/{department}/demands.yaml"]
        paths += [f"catalogs/{department}/r{number:02}.yaml" for number in range(50)]
    picked = sample(paths, 8)
    assert len(picked) == 8
    assert {path.split("/")[1] for path in picked} == {"a", "b", "c", "d"}
    assert not any(path.endswith("demands.yaml") for path in picked)
    assert sample(paths, 500) == sorted(p for p in paths if p.startswith("catalogs/") and "/r" in p)


def test_the_cache_file_is_the_main_one_and_unmarshalled_in_a_child(tmp_path: Path) -> None:
    folder = tmp_path / ".govdata-cache"
    folder.mkdir()
    assert floors.cache_file(tmp_path) is None
    main = folder / "validate-abc.marshal"
    items = (("姓名",), ("姓名",), (), (), ())
    entries = {(str(n), "id"): ((), True, None, items if n % 2 else None, {"n": n}, None) for n in range(10_000)}
    main.write_bytes(encode_entries(entries))
    (folder / "validate-abc.recent.marshal").write_bytes(marshal.dumps({}))
    assert floors.cache_file(tmp_path) == main
    assert floors.unmarshal_in_child(main) > 0
    assert decode_entries(main.read_bytes()) == entries


def test_git_listings_and_a_new_interpreter_are_timed(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    assert floors.listings(tmp_path) > 0
    assert floors.new_interpreter("pass", cwd=tmp_path) > 0
    with pytest.raises(subprocess.CalledProcessError):
        floors.new_interpreter("raise SystemExit(3)", cwd=tmp_path)
