"""The scalable engine finds exactly what every rule finds over the whole catalog held at once.

The engine runs per-file rules in each file's job (against the registries alone), keeps facts
instead of models, and runs the cross-file rules over those facts; the reference here loads
every model and runs every rule over the whole catalog, as the engine used to. Both must give
the same findings, at the same places, on every rule case, the reference instance and a
generated instance full of realistic mistakes; so must a second, cached run.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from govdata.diagnostics import Diagnostic, sort_diagnostics
from govdata.instance import Instance, discover, open_instance
from govdata.io.tree import WorkingTree
from govdata.model.kinds import kind_of
from govdata.settings import RuleSettings, Selection
from govdata.validation.engine import load_catalog, run_rules, validate
from govdata.validation.jobs import REGISTRY_KINDS, FileChecker
from govdata.validation.layout import leftover_diagnostics
from govdata.validation.loading import Reader
from tests.conftest import REPO_ROOT, build_instance
from tests.rules.test_rule_cases import TODAY, _cases

sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
from generate_instance import generate  # noqa: E402


def whole_catalog_findings(instance: Instance, today: dt.date) -> list[Diagnostic]:
    """Every model loaded, every rule over the whole catalog: the engine before issue 12."""
    settings = RuleSettings.from_config(instance.config)
    root = instance.root

    def read(path: str) -> bytes:
        return (root / path).read_bytes()

    reader: Reader = read
    catalog, diagnostics = load_catalog(
        instance.config, discover(root), reader, config_path=instance.relative(instance.config_path)
    )
    diagnostics += leftover_diagnostics(root)
    diagnostics += run_rules(catalog, settings, Selection(), reader, today=today)
    kept = []
    for d in diagnostics:
        severity = settings.severities[d.rule_id]
        if severity is None or settings.waived(d.rule_id, d.location.path, today):
            continue
        kept.append(Diagnostic(d.rule_id, severity, d.message, d.location, d.hint, d.article, d.related))
    return sort_diagnostics(kept)


def _shown(diagnostics: list[Diagnostic]) -> list[tuple[object, ...]]:
    rows = (
        (d.rule_id, d.severity, str(d.location), d.location.pointer, d.message, d.hint, d.article, d.related)
        for d in diagnostics
    )
    return sorted(rows, key=repr)


def assert_engines_agree(root: Path, today: dt.date) -> None:
    instance = open_instance(root)
    expected = _shown(whole_catalog_findings(instance, today))
    cold = validate(instance, today=today)
    assert cold.files_from_cache == 0
    assert _shown(cold.diagnostics) == expected
    warm = validate(open_instance(root), today=today)
    assert warm.files_from_cache > 0 or not cold.catalog.resource_facts
    assert _shown(warm.diagnostics) == expected
    kept = validate(open_instance(root), today=today, keep_models=True, use_cache=False)
    assert _shown(kept.diagnostics) == expected
    assert [f.path for f in kept.catalog.resource_facts] == [f.path for f in cold.catalog.resource_facts]
    assert cold.summary == kept.summary
    # Models wanted after a cached run: the cache keeps facts only, so resources are read again.
    kept_warm = validate(open_instance(root), today=today, keep_models=True)
    assert _shown(kept_warm.diagnostics) == expected
    assert [d.path for d in kept_warm.catalog.resources] == [f.path for f in cold.catalog.resource_facts]


@pytest.mark.parametrize(("rule_id", "outcome", "case"), _cases())
def test_rule_case(rule_id: str, outcome: str, case: Path, tmp_path: Path) -> None:
    assert_engines_agree(build_instance(tmp_path / "instance", case), TODAY)


def test_reference_instance(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "reference"
    for name in ("govdata.yaml", "registry", "catalogs", "grants", "responsibility", "cases", "projects", "security"):
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        elif source.is_file():
            root.mkdir(exist_ok=True)
            shutil.copy(source, root / name)
    assert_engines_agree(root, dt.date(2026, 11, 25))


def test_generated_instance_with_mistakes(tmp_path: Path) -> None:
    # 240 resources: past the threshold where jobs run in worker processes.
    root = generate(tmp_path / "generated", 6, 40, seed=7, invalid_rate=0.25).root
    assert_engines_agree(root, dt.date(2026, 11, 25))


def test_file_jobs_do_not_depend_on_the_day(tmp_path: Path) -> None:
    """Per-file results are cached across days: a per-file rule that read the day would go stale.

    Each job is given the run's day; every file's job must give the same findings on any day.
    """
    root = generate(tmp_path / "generated", 3, 10, seed=3, invalid_rate=0.3).root
    instance = open_instance(root)
    settings = RuleSettings.from_config(instance.config)
    paths = discover(root)
    registries = [path for path in paths if kind_of(path) in REGISTRY_KINDS]
    base, _ = load_catalog(instance.config, registries, lambda p: (root / p).read_bytes())
    jobs = [(path, kind) for path in paths if (kind := kind_of(path)) is not None and path not in registries]
    assert len(jobs) > 30

    def findings(day: dt.date) -> list[tuple[str, tuple[Diagnostic, ...]]]:
        checker = FileChecker(base, settings, WorkingTree(root), keep_data=False, today=day)
        return [(path, checker(path, kind).diagnostics) for path, kind in jobs if kind.name != "config"]

    early, late = findings(dt.date(2000, 1, 1)), findings(dt.date(2099, 1, 1))
    assert any(found for _, found in early)  # the spoiled files do have per-file findings
    assert early == late
