"""CI files: workflows pass actionlint, templates and hooks call real govdata commands and options."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import typer
import yaml

from govdata.cli import app
from tests.conftest import REPO_ROOT, CliResult

WORKFLOWS = sorted((REPO_ROOT / ".github" / "workflows").glob("*.yml"))
TEMPLATES = REPO_ROOT / "govdata" / "templates"
# Templates in GitHub Actions syntax (Gitea Actions reads the same); gitlab-ci.yml is GitLab's own.
ACTIONS_TEMPLATES = [TEMPLATES / "validate.yml", TEMPLATES / "github-review.yml", TEMPLATES / "gitea-review.yml"]
CI_TEXTS = [*WORKFLOWS, *ACTIONS_TEMPLATES, TEMPLATES / "gitlab-ci.yml", REPO_ROOT / ".pre-commit-hooks.yaml"]
COMMAND = re.compile(r"\bgovdata ((?:[a-z][a-z-]*)(?: [a-z][a-z-]*)?)((?: [^|>&;\n]*)?)")


def actionlint() -> str:
    """The actionlint binary from the test extra (pyproject ``test``); missing is a failure, not a skip."""
    found = shutil.which("actionlint") or shutil.which("actionlint", path=str(Path(sys.executable).parent))
    assert found, "actionlint is missing: pip install -e '.[test]' installs it (see pyproject.toml)"
    return found


def test_there_are_workflows_to_check() -> None:
    assert {p.name for p in WORKFLOWS} >= {"validate.yml", "review.yml"}


@pytest.mark.parametrize(
    "workflow", [*WORKFLOWS, *ACTIONS_TEMPLATES], ids=lambda p: p.relative_to(REPO_ROOT).as_posix()
)
def test_workflow_passes_actionlint(workflow: Path) -> None:
    completed = subprocess.run(
        [actionlint(), "-no-color", workflow.as_posix()], cwd=REPO_ROOT, capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_actionlint_does_find_mistakes(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.evnt.x }}\n"
    )
    completed = subprocess.run([actionlint(), "-no-color", bad.as_posix()], capture_output=True, text=True, check=False)
    assert completed.returncode == 1 and "evnt" in completed.stdout


def _options(command: Any) -> set[str]:
    return {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)}


@pytest.mark.parametrize("path", CI_TEXTS, ids=lambda p: p.relative_to(REPO_ROOT).as_posix())
def test_ci_files_call_existing_commands_and_options(path: Path) -> None:
    root: Any = typer.main.get_command(app)
    code = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if not line.strip().startswith("#"))
    calls = COMMAND.findall(code)
    assert calls, f"{path} calls no govdata command"
    for name, rest in calls:
        words = name.split()
        command = root.commands.get(words[0])
        if hasattr(command, "commands") and len(words) > 1:
            command = command.commands.get(words[1])
        assert command is not None, f"{path}: govdata {name} is not a command"
        used = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", rest))
        unknown = used - _options(command) - {"--help"}
        assert not unknown, f"{path}: govdata {name} has no option {sorted(unknown)}"


def test_gitlab_template_reports_code_quality_and_junit() -> None:
    config = yaml.safe_load((TEMPLATES / "gitlab-ci.yml").read_text(encoding="utf-8"))
    reports = config["validate"]["artifacts"]["reports"]
    assert reports == {"codequality": "gl-code-quality-report.json", "junit": "govdata-junit.xml"}
    assert {job["stage"] for name, job in config.items() if isinstance(job, dict) and "script" in job} <= set(
        config["stages"]
    )


def test_pre_commit_hooks_run_on_the_files_pre_commit_passes(
    instance: Callable[..., Path], govdata: Callable[..., CliResult]
) -> None:
    hooks = {
        hook["id"]: hook for hook in yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    }
    assert set(hooks) == {"govdata-validate", "govdata-owners"}
    validate = hooks["govdata-validate"]
    pattern = re.compile(validate["files"])
    staged = ["catalogs/gongan/101002-000001.yaml", "registry/departments.yaml", "README.md", "city/catalogs/x/y.yaml"]
    assert [p for p in staged if pattern.search(p)] == [staged[0], staged[1], staged[3]]
    root = instance()
    entry = validate["entry"].split()[1:]
    assert govdata(*entry, "catalogs/gongan/101002-000001.yaml", cwd=root).exit_code == 0
    resource = root / "catalogs/gongan/101002-000001.yaml"
    resource.write_text(
        resource.read_text(encoding="utf-8").replace("update_cycle: 实时", "update_cycle: 每时"), encoding="utf-8"
    )
    failed = govdata(*entry, "catalogs/gongan/101002-000001.yaml", cwd=root)
    assert failed.exit_code == 1 and "101002-000001.yaml" in failed.stdout
    owners = hooks["govdata-owners"]
    assert owners["pass_filenames"] is False and govdata(*owners["entry"].split()[1:], cwd=root).exit_code == 1


def test_this_repositorys_codeowners_match_its_registry(govdata: Callable[..., CliResult]) -> None:
    result = govdata("owners", "--check", cwd=REPO_ROOT)
    assert result.exit_code == 0, (
        "run `govdata owners` and commit .github/CODEOWNERS and .gitlab/CODEOWNERS\n" + result.stdout
    )
