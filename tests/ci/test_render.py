"""``govdata ci render`` and ``govdata init``: CI files with the real version filled in, the gate as
the check to require, and an install step that works offline from a wheel built from this repository."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import sysconfig
import venv
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from govdata import DISTRIBUTION, __version__
from govdata.ci.render import CiHost, InstallSource, ci_files
from govdata.identifiers.uscc import make_uscc
from tests.ci.test_ci_files import actionlint
from tests.conftest import REPO_ROOT, CliResult

Run = Callable[..., CliResult]
ARGS = ("--region", "某市", "--division-code", "410100", "--authority-name", "某市大数据管理局")
AUTHORITY = make_uscc("1", "1", "410100", "MB000123")
PINNED = f'"{DISTRIBUTION}=={__version__}"'


@pytest.mark.parametrize("host", list(CiHost))
@pytest.mark.parametrize(
    "source",
    [InstallSource(), InstallSource(wheels=".govdata/wheels"), InstallSource(index_url="https://pypi.internal/simple")],
)
def test_rendered_files_pin_our_distribution_and_run_the_gate(host: CiHost, source: InstallSource) -> None:
    files = ci_files(host, source)
    text = "\n".join(files.values())
    assert "__GOVDATA" not in text and '"govdata==' not in text
    installs = re.findall(r"pip install (?:-q )?(.+)", text)
    assert installs and set(installs) == {source.pip_arguments()} and PINNED in installs[0]
    assert "govdata gate " in text


@pytest.mark.parametrize("host", [CiHost.GITHUB, CiHost.GITEA])
def test_rendered_actions_workflows_pass_actionlint_and_rerun_on_reviews(host: CiHost, tmp_path: Path) -> None:
    for name, content in ci_files(host).items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
        done = subprocess.run([actionlint(), "-no-color", str(target)], capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stdout
        if name.endswith("review.yml"):
            workflow = yaml.safe_load(content)
            assert set(workflow[True]["pull_request_review"]["types"]) >= {"submitted", "dismissed"}
            assert "gate" in workflow["jobs"]


def test_this_repositorys_review_workflow_runs_the_gate_unconditionally() -> None:
    workflow = yaml.safe_load((REPO_ROOT / ".github/workflows/review.yml").read_text(encoding="utf-8"))
    gate = workflow["jobs"]["gate"]
    assert "if" not in gate and any("govdata gate" in step.get("run", "") for step in gate["steps"])
    assert "GOVDATA_CHECK_AUTHORSHIP" not in (REPO_ROOT / ".github/workflows/review.yml").read_text(encoding="utf-8")


def test_render_writes_then_checks(govdata: Run, tmp_path: Path) -> None:
    assert govdata("ci", "render", "gitlab", "--dir", str(tmp_path), cwd=tmp_path).exit_code == 0
    assert PINNED in (tmp_path / ".gitlab-ci.yml").read_text(encoding="utf-8")
    assert govdata("ci", "render", "gitlab", "--dir", str(tmp_path), "--check", cwd=tmp_path).exit_code == 0
    stale = govdata("ci", "render", "gitlab", "--dir", str(tmp_path), "--wheels", "w", "--check", cwd=tmp_path)
    assert stale.exit_code == 1
    both = govdata("ci", "render", "gitea", "--wheels", "w", "--index-url", "https://x", cwd=tmp_path)
    assert both.exit_code == 2


@pytest.mark.parametrize("host", list(CiHost))
def test_init_writes_codeowners_ci_and_gitignore(govdata: Run, tmp_path: Path, host: CiHost) -> None:
    created = govdata("init", "city", *ARGS, "--authority-code", AUTHORITY, "--ci", host.value, cwd=tmp_path)
    assert created.exit_code == 0, created.stderr
    root = tmp_path / "city"
    for name in (".github/CODEOWNERS", ".gitlab/CODEOWNERS", *ci_files(host)):
        assert (root / name).is_file(), name
    assert (root / ".gitignore").read_text(encoding="utf-8").splitlines()[1:] == [".*.tmp", ".govdata-cache/"]
    assert govdata("owners", "--check", cwd=root).exit_code == 0
    assert govdata("validate", "--no-progress", cwd=root).exit_code == 0
    assert govdata("ci", "render", host.value, "--dir", str(root), "--check", cwd=root).exit_code == 0


def _dependencies_only(tmp_path: Path) -> Path:
    """This test environment's installed packages without govdata itself, as one folder of links."""
    site = Path(sysconfig.get_paths()["purelib"])
    shelf = tmp_path / "deps"
    shelf.mkdir()
    for entry in site.iterdir():
        if "govdata" not in entry.name.lower() and entry.suffix != ".pth":
            (shelf / entry.name).symlink_to(entry)
    return shelf


def test_a_scaffolded_instance_installs_offline_from_a_wheel_on_a_clean_clone(govdata: Run, tmp_path: Path) -> None:
    wheels = ".govdata/wheels"
    assert (
        govdata("init", "city", *ARGS, "--authority-code", AUTHORITY, "--wheels", wheels, cwd=tmp_path).exit_code == 0
    )
    city = tmp_path / "city"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(REPO_ROOT),
            "-w",
            str(city / wheels),
            "--no-deps",
            "--no-build-isolation",
            "-q",
        ],
        check=True,
        capture_output=True,
    )
    for command in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "instance"]):
        subprocess.run(["git", *command], cwd=city, check=True)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(city), str(clone)], check=True)
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=False)  # this pip installs into it (--python): no ensurepip, faster
    python = environment / "bin" / "python"
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    )
    # The dependencies are already there (no network); govdata itself must come from the wheel.
    Path(site.stdout.strip(), "deps.pth").write_text(str(_dependencies_only(tmp_path)) + "\n", encoding="utf-8")
    workflow = yaml.safe_load((clone / ".github/workflows/validate.yml").read_text(encoding="utf-8"))
    (install,) = [s["run"] for s in workflow["jobs"]["validate"]["steps"] if s.get("name") == "Install govdata"]
    assert install.startswith("python -m pip install --no-index --find-links .govdata/wheels ")
    offline = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")} | {"PIP_CONFIG_FILE": os.devnull}
    argv = [sys.executable, "-m", "pip", "--python", str(python), *shlex.split(install)[3:]]
    done = subprocess.run(argv, cwd=clone, env=offline, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    where = subprocess.run(
        [python, "-c", "import govdata; print(govdata.__file__)"], capture_output=True, text=True, check=True
    )
    assert where.stdout.startswith(str(environment))
    for step in ("govdata validate --no-progress", "govdata owners --check"):
        ran = subprocess.run(
            [environment / "bin" / step.split()[0], *step.split()[1:]],
            cwd=clone,
            env=offline,
            capture_output=True,
            text=True,
            check=False,
        )
        assert ran.returncode == 0, ran.stdout + ran.stderr
