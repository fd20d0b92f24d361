"""Where validation time goes, without a profiler: each stage timed alone over all files.

    python benchmarks/stage_times.py INSTANCE_DIR [--repeat 2]

cProfile charges every small Python call (millions of YAML nodes) and so exaggerates the
pure-Python parts; this times the same stages plainly, in one process, the garbage collector
paused as the engine pauses it, each the best of ``--repeat`` runs: read, decode, libyaml's
composition alone, the whole YAML read, JSON Schema, pydantic, then every rule on the loaded
catalog, and finally ``engine.validate`` as a whole (one process, and as the CLI runs it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Stage = tuple[str, float]
RULES_SHOWN = 8


def _best(action: Callable[[], Any], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.disable()
        started = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - started)
        del result
        gc.enable()
        gc.collect()
    return best


def _load_stages(root: Path, paths: list[str], repeat: int) -> list[Stage]:
    from govdata.io import fastyaml
    from govdata.io.source import decode
    from govdata.model.kinds import kind_of
    from govdata.schema.validate import validate_document

    blobs = [(root / path).read_bytes() for path in paths]
    texts = [decode(blob) for blob in blobs]
    kinds = [kind_of(path) for path in paths]
    stages = [
        ("read bytes", _best(lambda: [(root / path).read_bytes() for path in paths], repeat)),
        ("decode", _best(lambda: [decode(blob) for blob in blobs], repeat)),
    ]
    parser_class = getattr(fastyaml, "_Parser", None)  # private: the row goes if the reader changes
    if parser_class is not None:

        def compose(text: str) -> object:
            parser = parser_class(text)
            try:
                return parser.get_single_node()
            finally:
                parser.dispose()

        stages.append(("  of which libyaml builds its node tree", _best(lambda: [compose(t) for t in texts], repeat)))
    stages.insert(
        2, ("parse YAML (io.fastyaml.load_yaml)", _best(lambda: [fastyaml.load_yaml(t) for t in texts], repeat))
    )
    loaded = [fastyaml.load_yaml(text) for text in texts]
    pairs = [(kind, doc[0]) for kind, doc in zip(kinds, loaded, strict=True) if isinstance(doc, tuple)]
    valid = [(kind, data) for kind, data in pairs if not validate_document(kind, data)]  # models need valid data
    stages += [
        ("JSON Schema (validate_document)", _best(lambda: [validate_document(k, d) for k, d in pairs], repeat)),
        ("pydantic (model_validate)", _best(lambda: [k.model.model_validate(d) for k, d in valid], repeat)),  # type: ignore[union-attr]
    ]
    return stages


def _rule_stages(root: Path, repeat: int) -> list[Stage]:
    from govdata.instance import discover, open_instance
    from govdata.rules import CATALOG_RULES
    from govdata.rules.base import RuleContext
    from govdata.settings import RuleSettings
    from govdata.validation.engine import load_catalog

    instance = open_instance(root)
    catalog, _ = load_catalog(instance.config, discover(root), lambda p: (root / p).read_bytes())
    settings = RuleSettings.from_config(instance.config)
    times = []
    for rule in CATALOG_RULES:
        context = RuleContext(catalog, settings.options[rule.id], dt.date.today())
        times.append((f"  rule {rule.id} {rule.name}", _best(lambda r=rule, c=context: list(r().check(c)), repeat)))
    times.sort(key=lambda stage: -stage[1])
    rest = times[RULES_SHOWN:]
    folded = [(f"  {len(rest)} other rules", sum(seconds for _, seconds in rest))] if rest else []
    return [("all rules", sum(seconds for _, seconds in times)), *times[:RULES_SHOWN], *folded]


def stage_times(root: Path, repeat: int = 2) -> tuple[list[Stage], int]:
    """The stages, and the number of files they covered."""
    from govdata.instance import discover, open_instance
    from govdata.validation.engine import validate

    paths = [path for path in discover(root) if path != "govdata.yaml"]
    stages = _load_stages(root, paths, repeat) + _rule_stages(root, repeat)
    instance = open_instance(root)

    def serial_reader(path: str) -> bytes:  # not parallel_safe: the engine stays in one process
        return (root / path).read_bytes()

    # The engine manages the collector itself: time it as it runs, not through _best.
    for label, options in (
        ("engine.validate, one process", {"reader": serial_reader}),
        ("engine.validate, as the CLI runs it", {}),
    ):
        best = float("inf")
        for _ in range(repeat):
            started = time.perf_counter()
            validate(instance, **options)  # type: ignore[arg-type]
            best = min(best, time.perf_counter() - started)
        stages.append((label, best))
    return stages, len(paths)


def markdown(stages: list[Stage], files: int, repeat: int) -> str:
    lines = [
        f"Stages timed alone over {files:,} files, no profiler, best of {repeat}:",
        "",
        "| stage | s | ms per file |",
        "|---|---:|---:|",
    ]
    lines += [f"| {label} | {seconds:.2f} | {seconds * 1000 / files:.2f} |" for label, seconds in stages]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("instance", type=Path, help="folder with govdata.yaml")
    parser.add_argument("--repeat", type=int, default=2, help="runs per stage, best kept (default 2)")
    args = parser.parse_args(argv)
    stages, files = stage_times(args.instance.resolve(), args.repeat)
    print(markdown(stages, files, args.repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
