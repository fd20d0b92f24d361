"""What the hostile-input checks and the write transactions cost (docs/performance.md).

    python benchmarks/bench_safe_writes.py INSTANCE_DIR [--repeat 5]

1. Reading: the YAML read of every file of the instance (``fastyaml.load_yaml``), best of
   ``--repeat``, with the checks this package added (YAML 1.2 core agreement of plain scalars,
   full-width commas in flow lists) and with them switched off.
2. Writing: ``Transaction.commit`` of N small files under the instance lock (re-read and
   compare each, journal, atomic replace) against ``atomic_write`` of the same files alone.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from govdata.instance import discover
from govdata.io import fastyaml
from govdata.io.atomic import atomic_write
from govdata.io.transaction import Transaction


def _best(action: Callable[[], Any], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.disable()
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
        gc.enable()
    return best


def _read_all(texts: list[str]) -> None:
    for text in texts:
        fastyaml.load_yaml(text)


def _checks(enabled: bool, saved: tuple[Any, Any]) -> None:
    if enabled:
        fastyaml.core_disagreement = saved[0]
        fastyaml._Builder._check_commas = staticmethod(saved[1])  # type: ignore[method-assign]
    else:
        fastyaml.core_disagreement = lambda _text, _value: None  # type: ignore[assignment]
        fastyaml._Builder._check_commas = staticmethod(lambda _node: None)  # type: ignore[method-assign]


def reading(root: Path, repeat: int) -> tuple[int, float, float]:
    """Best wall time of reading every file with and without the checks, rounds interleaved."""
    texts = [(root / path).read_text(encoding="utf-8") for path in discover(root)]
    saved = (fastyaml.core_disagreement, fastyaml._Builder._check_commas)
    best = {True: float("inf"), False: float("inf")}
    try:
        for _ in range(repeat):
            for enabled in (True, False):
                _checks(enabled, saved)
                best[enabled] = min(best[enabled], _best(lambda: _read_all(texts), 1))
    finally:
        _checks(True, saved)
    return len(texts), best[True], best[False]


def writing(files: int, repeat: int) -> tuple[float, float]:
    folder = Path(tempfile.mkdtemp(prefix="bench-writes-"))
    try:
        names = [f"responsibility/list-{index}.yaml" for index in range(files)]
        for name in names:
            atomic_write(folder / name, "a: 0\n")

        def plain() -> None:
            for name in names:
                atomic_write(folder / name, "a: 1\n")

        def transactional() -> None:
            transaction = Transaction(folder, "bench")
            for name in names:
                transaction.read(name)
            transaction.commit(
                {name: "a: 2\n" if (folder / name).read_text() != "a: 2\n" else "a: 3\n" for name in names}
            )

        return _best(plain, repeat), _best(transactional, repeat)
    finally:
        shutil.rmtree(folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("instance", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--files", type=int, default=17, help="files per commit (the reference has 17 lists)")
    options = parser.parse_args()
    count, with_checks, without = reading(options.instance, options.repeat)
    print(f"read {count} files: {with_checks:.3f} s with the checks, {without:.3f} s without "
          f"(+{(with_checks / without - 1) * 100:.1f} %)")  # fmt: skip
    plain, transactional = writing(options.files, options.repeat)
    print(
        f"write {options.files} files: atomic_write {plain * 1000:.1f} ms, Transaction.commit {transactional * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
