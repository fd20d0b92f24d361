"""The floor beside each row of the province benchmark: what its command cannot go below, measured
in the same run.

After each round's rows (so under the same load) the parts are timed again, each in a fresh
interpreter running the govdata under test (the current code):

- the per-file costs of a cold run (``per_file_costs.py`` on ``--floor-sample`` resource files of
  the first data set built among 10k, 100k and log: the same generator wrote them all);
- start-up: a new interpreter importing what the command runs (``floors.new_interpreter``):
  the engine and ``validate``, ``fmt``, ``log``; for the start-up rows, ``floors.FLOORS``
  (``Scale.short_repeat`` times a round, as those rows run);
- the cache a warm run reads: ``marshal.loads`` of the validation cache and git's two index
  listings (``floors``), on the 100k set after the pull-request row, on the 10k set after
  pre-commit.

A row's floor is computed from the medians of its parts over the rounds it ran in:

- a cold run over N files (``validate``, ``fmt --no-cache``, ``log``'s import commit): start-up
  + N × the cost of one file with every core busy ÷ the usable cores (``spread``). The cost with
  every core busy is timed by running ``per_file_costs.py`` once per core at the same time:
  vCPUs that share a physical core (the 2 here give 1.5–1.7× one core's work) each run slower
  when all are busy, and dividing the one-core cost by the cores would give a floor no run can
  reach.
- a warm run (the pull request, pre-commit): the larger of start-up + ``marshal.loads`` and
  git's listings (``validate`` starts git before its imports, and it runs beside them and the
  read) + the changed files' jobs ÷ cores (``cached``), at the same cost with every core busy.

check-jsonschema, located and fmt-warm have no floor ("—"): nothing measured sensibly bounds them.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import floors
from measure import median
from province_data import DataSet, Scale

HERE = Path(__file__).resolve().parent
FMT_IMPORTS = "import govdata.cli.fmt, govdata.fmt.run, govdata.instance"
LOG_IMPORTS = "import govdata.cli.log, govdata.gitops.history, govdata.report.history"


@dataclass(frozen=True)
class Cold:
    """A cold run over every file of a data set: start-up, then one cost per file."""

    cost: str  # a key of per_file_costs' output
    size: str  # "ten" or "hundred": how many files (the Scale's)
    imports: str
    task: str  # what each file must go through
    start: str  # what the start-up imports


@dataclass(frozen=True)
class Warm:
    """A run from the validation cache: start-up, the cache read whole, the changed files' jobs."""

    data: str  # the data set whose cache it reads
    changed: Callable[[Scale], int]  # how many files it checks again


COLD = {
    "validate-10k": Cold("job", "ten", floors.ENGINE_IMPORTS, "parsed and modelled", "the engine and `validate`"),
    "validate-100k": Cold("job", "hundred", floors.ENGINE_IMPORTS, "parsed and modelled", "the engine and `validate`"),
    "fmt-cold": Cold("proof", "ten", FMT_IMPORTS, "proven canonical from libyaml's events", "`fmt`"),
    # The import commit adds every file of a 10k instance; the 200 later commits are left out.
    "log": Cold("outline", "ten", LOG_IMPORTS, "outlined (parsed, audited and modelled)", "`log` and the history"),
}
WARM = {"pr-recheck": Warm("hundred", lambda scale: scale.pr_files), "pre-commit": Warm("ten", lambda _: 1)}
START_UP = {  # row → (label in floors.FLOORS, what it is)
    "version": ("python", "Python itself"),
    "help": ("--help floor", "typer's help renderer"),
    "rules": ("rules floor", "typer and rich's table"),
    "validate-empty": ("validate floor", "typer and the validation machinery"),
}
COSTS = ("parse", "job", "outline", "proof")


def spread(files: int, per_file: float, cores: int, start_up: float) -> float:
    """Start-up, then every file's cost shared perfectly over the cores."""
    return start_up + files * per_file / cores


def cached(start_up: float, unmarshal: float, listings: float, changed: int, per_file: float, cores: int) -> float:
    """Start-up and the cache read, with git's listings beside both when there is a second core
    (``validate`` starts git before it imports the engine); then the changed files' jobs."""
    ready = max(start_up + unmarshal, listings) if cores > 1 else start_up + unmarshal + listings
    return ready + changed * per_file / cores


@dataclass(frozen=True)
class Floor:
    seconds: float
    why: str
    parts: dict[str, float]  # the medians it is computed from: seconds, or a count


@dataclass(frozen=True)
class Floors:
    rows: dict[str, Floor]  # by row key; a row missing has no floor
    how: list[str]  # where the parts were timed, and any part that could not be


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


class FloorTimer:
    """Times the parts after each round and computes each row's floor from their medians."""

    def __init__(self, sets: dict[str, DataSet], scale: Scale, python: str, scratch: Path, sample: int) -> None:
        self.sets, self.scale, self.python, self.scratch, self.sample = sets, scale, python, scratch, sample
        self.cores = len(os.sched_getaffinity(0))
        self.parts: dict[str, list[float]] = defaultdict(list)
        self.cache_mb: dict[str, float] = {}
        self.problems: list[str] = []
        self.cost_set = next((name for name in ("ten", "hundred", "log") if name in sets), None)
        self.sampled = ""  # "N files of FOLDER", once the per-file costs are timed
        self.refused: dict[str, int] = {}

    def measure(self, ran: set[str]) -> None:
        """The parts of the floors of the rows that ``ran`` in this round."""
        if ran & (COLD.keys() | WARM.keys()):
            self._guarded("per-file costs", self._costs)
        imports = {COLD[key].imports for key in ran & COLD.keys()}
        if ran & WARM.keys():
            imports.add(floors.ENGINE_IMPORTS)
        for code in sorted(imports):
            self._guarded(code, self._start_up, code)
        codes = dict(floors.FLOORS)
        for _ in range(self.scale.short_repeat):
            for key in sorted(ran & START_UP.keys()):
                self._guarded(key, self._start_up, codes[START_UP[key][0]])
        for key in sorted(ran & WARM.keys()):
            self._guarded(f"the cache of {key}", self._cache, WARM[key].data)

    def _guarded(self, part: str, measure: Callable[..., None], *args: str) -> None:
        """A part that cannot be timed is named in the report; it never stops the benchmark."""
        try:
            measure(*args)
        except (subprocess.CalledProcessError, OSError, ValueError, AssertionError) as error:
            detail = getattr(error, "stderr", None) or error
            self.problems.append(f"{part}: {str(detail).strip()[-300:]}")

    def _start_up(self, code: str) -> None:
        self.parts[code].append(floors.new_interpreter(code, self.python, self.scratch))

    def _costs(self) -> None:
        assert self.cost_set is not None
        root = self.sets[self.cost_set].root
        argv = [self.python, str(HERE / "per_file_costs.py"), str(root), "--sample", str(self.sample)]
        found = json.loads(subprocess.run(argv, check=True, capture_output=True, text=True).stdout)
        for cost in COSTS:
            self.parts[cost].append(found[cost])
        if self.cores > 1:  # the same, once per core at the same time: each core's cost when all are busy
            together = [subprocess.Popen(argv, stdout=subprocess.PIPE, text=True) for _ in range(self.cores)]
            printed = [process.communicate()[0] for process in together]
            if failed := [process.returncode for process in together if process.returncode]:
                raise subprocess.CalledProcessError(failed[0], argv)
            outputs = [json.loads(text) for text in printed]
            for cost in COSTS:
                self.parts[f"{cost} busy"].append(median([output[cost] for output in outputs]))
        self.sampled = f"{found['files']} files of {root.name}"
        self.refused = {
            k: found["files"] - found[k] for k in ("loaded", "outlined", "proven") if found[k] < found["files"]
        }

    def _cache(self, data: str) -> None:
        root = self.sets[data].root
        path = floors.cache_file(root)
        assert path is not None, f"no validation cache in {root}"
        self.cache_mb[data] = path.stat().st_size / 1e6
        self.parts[f"unmarshal {data}"].append(floors.unmarshal_in_child(path, self.python))
        self.parts[f"listings {data}"].append(floors.listings(root))

    def _median(self, part: str) -> float | None:
        return median(self.parts[part]) if self.parts.get(part) else None

    def result(self) -> Floors:
        found: dict[str, Floor] = {}
        for key, cold in COLD.items():
            if (floor := self._cold(cold)) is not None:
                found[key] = floor
        for key, warm in WARM.items():
            if (floor := self._warm(warm)) is not None:
                found[key] = floor
        codes = dict(floors.FLOORS)
        for key, (label, what) in START_UP.items():
            code = codes[label]
            if (seconds := self._median(code)) is not None:
                why = f'a new interpreter running `python -c "{code}"`: {what}, which no start-up change removes'
                found[key] = Floor(seconds, why, {"start-up s": seconds})
        return Floors(found, self._how())

    def _busy(self, cost: str) -> tuple[float, dict[str, float], str] | None:
        """A per-file cost with every core busy, its parts, and how it was found; None when not timed."""
        alone, busy = self._median(cost), self._median(f"{cost} busy")
        if alone is None:
            return None
        parts = {f"{cost} s per file, one core alone": alone}
        if busy is None:  # one core: nothing runs beside it
            return alone, parts | {f"{cost} s per file, every core busy": alone}, f"{_ms(alone)} per file on one core"
        work = self.cores * alone / busy
        how = (
            f"{_ms(alone)} per file on one core alone, {_ms(busy)} with all {self.cores} busy "
            f"(together {work:.1f}× one core's work)"
        )
        return busy, parts | {f"{cost} s per file, every core busy": busy}, how

    def _cold(self, cold: Cold) -> Floor | None:
        cost, start_up = self._busy(cold.cost), self._median(cold.imports)
        if cost is None or start_up is None:
            return None
        per_file, costs, how = cost
        files = self.scale.files(getattr(self.scale, cold.size))
        parts = {"start-up s": start_up, **costs, "files": files, "cores": self.cores}
        why = (
            f"each file must be {cold.task}: {how} × {files:,} files ÷ "
            f"{self.cores} cores, after {start_up:.2f} s of start-up (a new interpreter importing {cold.start})"
        )
        parse = self._median("parse")
        if cold.cost == "job" and parse is not None:
            parts["parse s per file, one core alone"] = parse
            alone = costs["job s per file, one core alone"]
            why += f"; the parse alone (rapidyaml + orjson) is {_ms(parse)} of its {_ms(alone)} ({parse / alone:.0%})"
        return Floor(spread(files, per_file, self.cores, start_up), why, parts)

    def _warm(self, warm: Warm) -> Floor | None:
        start_up, cost = self._median(floors.ENGINE_IMPORTS), self._busy("job")
        unmarshal, listings = self._median(f"unmarshal {warm.data}"), self._median(f"listings {warm.data}")
        if start_up is None or cost is None or unmarshal is None or listings is None:
            return None
        job, costs, how = cost
        changed = warm.changed(self.scale)
        parts = {"start-up s": start_up, "marshal.loads s": unmarshal, "git listings s": listings}
        parts |= {**costs, "changed files": changed, "cores": self.cores}
        why = (
            f"a new process imports the engine and `validate` ({start_up:.2f} s) and reads every file's facts "
            f"from the first part of the cache's main file (`main_file.read_main`; item facts are read when asked), "
            f"a {self.cache_mb[warm.data]:,.1f} MB file, {unmarshal:.2f} s (git's listings of the "
            f"files, {listings:.2f} s, started before the imports and run beside them and the read); then the job of each changed file, {how} "
            f"× {changed} ÷ {self.cores} cores"
        )
        return Floor(cached(start_up, unmarshal, listings, changed, job, self.cores), why, parts)

    def _how(self) -> list[str]:
        if not self.parts and not self.problems:
            return []  # no row with a floor ran
        rounds = max((len(v) for v in self.parts.values()), default=0)
        how = [
            f"floors: medians of the parts timed after each round's rows (samples per part: up to {rounds}), each in a "
            f"fresh interpreter; {self.cores} usable cores (`os.sched_getaffinity`)"
            + (f"; per-file costs on {self.sampled}" if self.sampled else "")
        ]
        how += [f"floor: {refused} of the sampled files not {what}" for what, refused in self.refused.items()]
        return how + [f"floor part not timed: {problem}" for problem in self.problems]
