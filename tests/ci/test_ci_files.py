"""CI files: workflows pass actionlint, templates and hooks call real govdata commands and options."""

from __future__ import annotations

import os
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
ACTIONS_TEMPLATES = [
    TEMPLATES / "validate.yml",
    TEMPLATES / "github-review.yml",
    TEMPLATES / "github-pages.yml",
    TEMPLATES / "gitea-review.yml",
]
CI_TEXTS = [
    *WORKFLOWS,
    *ACTIONS_TEMPLATES,
    TEMPLATES / "gitlab-ci.yml",
    TEMPLATES / "gitlab-pages.yml",
    REPO_ROOT / ".pre-commit-hooks.yaml",
]
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


def _hooks() -> dict[str, dict[str, Any]]:
    return {
        hook["id"]: hook for hook in yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    }


def test_pre_commit_hooks_validate_the_whole_instance_and_have_offline_twins() -> None:
    hooks = _hooks()
    assert set(hooks) == {"govdata-validate", "govdata-owners", "govdata-validate-system", "govdata-owners-system"}
    for name in ("govdata-validate", "govdata-owners"):
        online, offline = hooks[name], hooks[f"{name}-system"]
        assert online["language"] == "python" and offline["language"] == "system"
        assert {k: v for k, v in online.items() if k not in ("id", "name", "description", "language")} == {
            k: v for k, v in offline.items() if k not in ("id", "name", "description", "language")
        }
        assert online["pass_filenames"] is False  # the whole instance, not only the staged names
    pre_commit = Path(sys.executable).parent / "pre-commit"
    manifest = subprocess.run(
        [str(pre_commit), "validate-manifest", str(REPO_ROOT / ".pre-commit-hooks.yaml")],
        capture_output=True,
        text=True,
    )
    assert manifest.returncode == 0, manifest.stdout + manifest.stderr
    pattern = re.compile(hooks["govdata-validate"]["files"])
    staged = ["catalogs/gongan/101002-000001.yaml", "registry/departments.yaml", "README.md", "city/schemas/x.json"]
    assert [p for p in staged if pattern.search(p)] == [staged[0], staged[1], staged[3]]


def test_pre_commit_offline_hook_reports_files_a_registry_change_breaks(
    instance: Callable[..., Path], tmp_path: Path
) -> None:
    """Real pre-commit, offline: ``repo: local`` with the system hooks, as docs/review-workflow.md shows."""
    root = instance()
    hooks = _hooks()
    local = [
        {k: v for k, v in hooks[f"{name}-system"].items() if k != "description"} | {"id": name}
        for name in ("govdata-validate", "govdata-owners")
    ]
    (root / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump({"repos": [{"repo": "local", "hooks": local}]}, allow_unicode=True), encoding="utf-8"
    )
    environment = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, env=environment)

    git("init", "-q", "-b", "main")
    subprocess.run(
        [sys.executable, "-m", "govdata", "owners"], cwd=root, check=True, capture_output=True, env=environment
    )
    git("add", "-A")
    git("commit", "-q", "-m", "instance")
    registry = root / "registry/departments.yaml"
    registry.write_text(registry.read_text(encoding="utf-8").replace('catalog_code: "002"', 'catalog_code: "009"'))
    git("add", "registry/departments.yaml")
    ran = subprocess.run(
        [str(Path(sys.executable).parent / "pre-commit"), "run"],
        cwd=root,
        capture_output=True,
        text=True,
        env=environment,
    )
    assert ran.returncode == 1, ran.stdout + ran.stderr
    # only the registry is staged; the resource it breaks is reported
    assert "catalogs/gongan/101002-000001.yaml" in ran.stdout and "GD010" in ran.stdout
    assert "govdata owners --check" in ran.stdout


def test_this_repositorys_codeowners_match_its_registry(govdata: Callable[..., CliResult]) -> None:
    result = govdata("owners", "--check", cwd=REPO_ROOT)
    assert result.exit_code == 0, (
        "run `govdata owners` and commit .github/CODEOWNERS and .gitlab/CODEOWNERS\n" + result.stdout
    )


def test_validate_jobs_keep_the_validation_cache() -> None:
    """CI restores .govdata-cache/ so a pull request re-checks only the files it changes (issue 12)."""
    github = yaml.safe_load((TEMPLATES / "validate.yml").read_text(encoding="utf-8"))
    steps = github["jobs"]["validate"]["steps"]
    names = [step.get("name") for step in steps]
    cache = next(step for step in steps if str(step.get("uses", "")).startswith("actions/cache@"))
    assert cache["with"]["path"] == ".govdata-cache" and "github.sha" in cache["with"]["key"]
    assert names.index(cache["name"]) < names.index("Validate")
    gitlab = yaml.safe_load((TEMPLATES / "gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["validate"]["cache"]["paths"] == [".govdata-cache/"]
    assert gitlab["validate"]["cache"]["fallback_keys"] == ["govdata-$CI_DEFAULT_BRANCH"]
