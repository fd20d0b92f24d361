"""The clean-path reader against the full reader, on the same files (issue 12, item 3).

    python benchmarks/bench_reader.py INSTANCE_DIR [--rounds 5] [--candidates]

Reads every YAML file of the instance into memory, then times, round after round and
interleaved, the full reader alone (libyaml's composer and our builder: ``load_yaml`` as it was)
and ``load_yaml`` as it is (the clean path first). Prints files/s as the median of the rounds
and the share of files the clean path answered. ``--candidates`` also times the parsers that
were considered (each alone, without any of our checks): rapidyaml's reading as the clean path
does it, libyaml's event stream without nodes, and where installed ryaml (the clean path before
the fourteenth session) and yaml-rs.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from govdata.io import fastyaml
from govdata.io.plainyaml import rapidyaml_reading, read_plain


def _rounds(readers: dict[str, Callable[[str], Any]], texts: list[str], rounds: int) -> dict[str, float]:
    """Median files/s of each reader; the readers take turns within every round."""
    seconds: dict[str, list[float]] = {name: [] for name in readers}
    for _ in range(rounds):
        for name, read in readers.items():
            gc.collect()
            gc.disable()
            started = time.perf_counter()
            for text in texts:
                read(text)
            seconds[name].append(time.perf_counter() - started)
            gc.enable()
    return {name: len(texts) / statistics.median(times) for name, times in seconds.items()}


def _candidates() -> dict[str, Callable[[str], Any]]:
    found: dict[str, Callable[[str], Any]] = {}
    try:
        import ryaml

        found["ryaml.loads (alone)"] = ryaml.loads
    except ImportError:
        pass
    try:
        import yaml_rs

        found["yaml_rs.loads(parse_datetime=False) (alone)"] = lambda text: yaml_rs.loads(text, parse_datetime=False)
    except ImportError:
        pass
    # rapidyaml's parse and JSON read by orjson, as the clean path does it (without its checks)
    found["rapidyaml parse + JSON + orjson (alone; the clean path's parse)"] = rapidyaml_reading
    from yaml._yaml import CParser

    def events(text: str) -> None:
        parser = CParser(text)
        try:
            while parser.get_event() is not None:
                pass
        finally:
            parser.dispose()

    found["libyaml events, no nodes, no values (alone)"] = events
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("instance", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--candidates", action="store_true", help="also time the parsers considered")
    options = parser.parse_args()
    paths = sorted(options.instance.rglob("*.yaml"))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    answered = sum(read_plain(text, fastyaml.MAX_DEPTH, fastyaml._node_budget(text)) is not None for text in texts)
    print(f"{len(texts)} files, {megabytes:.1f} MB; the clean path answers {answered} ({answered / len(texts):.1%})")
    readers: dict[str, Callable[[str], Any]] = {
        "full reader (before)": lambda text: fastyaml._load_full(text, False),
        "load_yaml (after)": fastyaml.load_yaml,
    }
    if options.candidates:
        readers |= _candidates()
    rates = _rounds(readers, texts, options.rounds)
    before = rates["full reader (before)"]
    for name, rate in rates.items():
        print(f"{name:48s} {rate:8.0f} files/s  {1000 / rate:6.3f} ms/file  {rate / before:5.2f}×")


if __name__ == "__main__":
    main()
