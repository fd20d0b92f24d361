"""How fast the validation cache's file reads back, in the formats it could have used.

    .venv/bin/python benchmarks/bench_cache_format.py INSTANCE

INSTANCE must have been validated once (its ``.govdata-cache/validate-*.marshal`` exists). The
same entries are read back as marshal (what govdata uses), pickle, JSON and one SQLite row per
file; median of 5 reads each, the collector paused, in one process.
"""

from __future__ import annotations

import gc
import json
import marshal
import pickle
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from floors import cache_file

from govdata.validation.main_file import decode_entries, load_main


def _median(read: Callable[[], object]) -> float:
    times = []
    for _ in range(5):
        started = time.perf_counter()
        read()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(root: Path) -> None:
    saved = cache_file(root)
    assert saved is not None, f"no validation cache in {root}: validate it once"
    raw = saved.read_bytes()
    entries = decode_entries(raw)
    pickled = pickle.dumps(entries, protocol=5)
    as_json = json.dumps([[list(key), value] for key, value in entries.items()]).encode()
    database = sqlite3.connect(":memory:")
    database.execute("create table results (path text, blob text, value blob)")
    rows = [(key[0], key[1], marshal.dumps(value)) for key, value in entries.items()]
    database.executemany("insert into results values (?, ?, ?)", rows)

    def from_sqlite() -> object:
        query = "select path, blob, value from results"
        return {(path, blob): marshal.loads(value) for path, blob, value in database.execute(query)}

    gc.disable()
    print(f"{len(entries):,} entries")
    print("| format | size | read |")
    print("|---|---:|---:|")
    for name, size, read in (
        ("marshal: first part of three, as a run reads it (govdata)", len(raw), lambda: load_main(raw)),
        ("pickle, protocol 5", len(pickled), lambda: pickle.loads(pickled)),
        ("JSON", len(as_json), lambda: json.loads(as_json)),
        ("SQLite, a row per file", sum(len(r[2]) for r in rows), from_sqlite),
    ):
        print(f"| {name} | {size / 1e6:.1f} MB | {_median(read):.3f} s |")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
