"""What a cold run spends on each file, on one core: the floor of every run that reads them all.

    python benchmarks/per_file_costs.py INSTANCE [--sample 500]

Times, over ``--sample`` resource files spread evenly over the instance (every department),
each cost a cold command pays once per file, and prints seconds per file as JSON:

- ``parse``: rapidyaml's parse and JSON read by orjson (``plainyaml.rapidyaml_reading``), of the decoded
  text alone: the compiled parser govdata reads with;
- ``job``: ``validate``'s whole per-file job, a ``FileChecker`` built as ``engine.validate``
  builds it (the registries loaded first), as a worker process runs it;
- ``outline``: ``log``'s outline of a file an import commit adds (``gitops.outline``);
- ``proof``: ``fmt --check``'s proof from libyaml's events that the file is canonical.

Each is timed after one untimed call (lazy imports, cached lookups), with the cyclic collector
paused as the engine pauses it, the files already read into memory (``job`` reads its own, from
the page cache, as the engine does). Run in a fresh interpreter by ``province_floors``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from govdata.fmt.canonical import key_order
from govdata.fmt.fast_check import is_canonical
from govdata.gitops.outline import outline
from govdata.instance import discover, open_instance
from govdata.io.plainyaml import rapidyaml_reading
from govdata.io.tree import WorkingTree
from govdata.model.kinds import RESOURCE, kind_of
from govdata.rules.gd005_schema_modeline import modeline_for
from govdata.settings import RuleSettings
from govdata.validation.batch import gc_paused
from govdata.validation.engine import load_catalog
from govdata.validation.jobs import REGISTRY_KINDS, FileChecker


def sample(paths: Sequence[str], count: int) -> list[str]:
    """``count`` resource files of ``paths``, evenly spread over the sorted list."""
    resources = sorted(path for path in paths if kind_of(path) is RESOURCE)
    return resources[:: max(1, len(resources) // count)][:count]


def checker(root: Path) -> FileChecker:
    """The per-file job as ``engine.validate`` builds it, and as its worker processes run it."""
    instance = open_instance(root)
    read = WorkingTree(instance.root)
    paths = discover(instance.root)
    registries = [path for path in paths if kind_of(path) in REGISTRY_KINDS]
    config_path = instance.relative(instance.config_path)
    base, _ = load_catalog(instance.config, registries, read, config_path=config_path)
    settings = RuleSettings.from_config(instance.config)
    job = FileChecker(base, settings, read, keep_data=False, today=dt.date.today())
    job.share_texts = False  # as in a worker: the parent interns the facts on arrival
    return job


def per_file(call: Callable[[Any], Any], items: Sequence[Any]) -> tuple[float, list[Any]]:
    """Seconds per item of ``call`` over ``items`` (after one untimed call), and the results."""
    call(items[0])
    with gc_paused():
        started = time.perf_counter()
        results = [call(item) for item in items]
        spent = time.perf_counter() - started
    return spent / len(items), results


def costs(root: Path, count: int) -> dict[str, Any]:
    picked = sample(discover(root), count)
    data = {path: (root / path).read_bytes() for path in picked}
    texts = [data[path].decode("utf-8") for path in picked]
    job = checker(root)
    order = key_order(RESOURCE.model)
    parse, _ = per_file(rapidyaml_reading, texts)
    checked, results = per_file(lambda path: job(path, RESOURCE), picked)
    outlined, outlines = per_file(lambda path: outline(path, data[path]), picked)
    proof, proven = per_file(lambda path: is_canonical(data[path], modeline_for(path), order), picked)
    return {
        "files": len(picked),
        "parse": parse,
        "job": checked,
        "outline": outlined,
        "proof": proof,
        # What each path did: a file refused early would make its cost look like a floor it is not.
        "loaded": sum(1 for result in results if result.loaded),
        "outlined": sum(1 for found in outlines if found is not None),
        "proven": sum(1 for found in proven if found),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("instance", type=Path)
    parser.add_argument("--sample", type=int, default=500, help="resource files to time (default 500)")
    args = parser.parse_args()
    print(json.dumps(costs(args.instance.resolve(), args.sample)))


if __name__ == "__main__":
    main()
