"""Measure ``govdata gate`` on a pull request against a generated instance.

    python benchmarks/bench_gate.py DIR [--departments 20] [--resources 50] [--edits 40] [--runs 3]

Builds (once; reused when DIR exists) a git repository holding a generated instance on
``main`` and a branch ``pr`` whose one commit edits ``--edits`` resource files of the first
department (the abstract reworded; every fifth also loosens or tightens its sharing) and the
department registry. Then times the gate as a separate process (wall time and peak memory,
median of ``--runs``), with the owner's approval only (not mergeable: the authority is
missing) and with the owner's and the authority's (mergeable). Never commit DIR.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

from measure import machine, median, run

HERE = Path(__file__).resolve().parent
GOVDATA = Path(sys.executable).parent / "govdata"


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.invalid"}
    env |= {"GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.invalid"}
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True, env=env).stdout


def build(repo: Path, departments: int, resources: int, edits: int) -> tuple[str, str]:
    """The repository; returns the edited department's folder and the authority's folder."""
    if not (repo / ".git").is_dir():
        subprocess.run(
            [
                sys.executable,
                str(HERE / "generate_instance.py"),
                str(repo),
                "--departments",
                str(departments),
                "--resources",
                str(resources),
            ],
            check=True,
        )
        git(repo, "init", "-q", "-b", "main")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", "instance")
        git(repo, "switch", "-q", "-c", "pr")
        owner, _ = slugs(repo)
        for index, path in enumerate(sorted((repo / "catalogs" / owner).glob("*.yaml"))[:edits]):
            text = path.read_text(encoding="utf-8")
            text = re.sub(r"^abstract: ", "abstract: 修订：", text, count=1, flags=re.M)
            if index % 5 == 0:
                text = text.replace("  type: 无条件共享", "  type: 有条件共享\n  condition: 仅供履职使用", 1)
            path.write_text(text, encoding="utf-8")
        registry = repo / "registry/departments.yaml"
        registry.write_text(registry.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        git(repo, "commit", "-q", "-am", "pull request")
        git(repo, "switch", "-q", "main")
    return slugs(repo)


def slugs(repo: Path) -> tuple[str, str]:
    """The first department folder that is not the authority's, and the authority's."""
    import yaml

    authority = yaml.safe_load((repo / "govdata.yaml").read_text(encoding="utf-8"))["authority"]
    registry = yaml.safe_load((repo / "registry/departments.yaml").read_text(encoding="utf-8"))["departments"]
    own = next(d["slug"] for d in registry if d["code"] == authority)
    folders = sorted(p.name for p in (repo / "catalogs").iterdir() if p.is_dir() and p.name != own)
    return folders[0], own


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("repo", type=Path)
    parser.add_argument("--departments", type=int, default=20)
    parser.add_argument("--resources", type=int, default=50)
    parser.add_argument("--edits", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    owner, authority = build(options.repo, options.departments, options.resources, options.edits)
    print(machine())
    cases = {
        "owner only (exit 1)": [f"@bench/{owner}"],
        "owner and authority (exit 0)": [f"@bench/{owner}", f"@bench/{authority}"],
    }
    for label, approvers in cases.items():
        argv = [str(GOVDATA), "gate", "main", "pr", "--author", "@someone", "--format", "json"]
        for handle in approvers:
            argv += ["--approved-by", handle]
        out, err = options.repo / ".bench-gate.out", options.repo / ".bench-gate.err"
        runs = [run(argv, options.repo, out, err) for _ in range(options.runs)]
        codes = {r.exit_code for r in runs}
        print(
            f"{label}: wall {median([r.wall for r in runs]):.2f} s (median of {len(runs)}), "
            f"peak {max(r.peak_mib for r in runs):.0f} MiB, exit {sorted(codes)}, "
            f"load {median([r.load for r in runs]):.1f}"
        )
        out.unlink(missing_ok=True)
        err.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
