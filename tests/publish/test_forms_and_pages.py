"""The public issue forms (FORMS.md contract with `cases from-issue`) and the Pages templates."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import REPO_ROOT

FORMS = {
    "correction": {
        "label": "correction-request",
        "fields": {
            "resource_code": True,
            "items": False,
            "correction": True,
            "requester": True,
            "contact": True,
            "evidence": False,
        },
    },
    "open-application": {
        "label": "open-application",
        "fields": {"resource_code": True, "items": False, "purpose": True, "requester": True, "contact": True},
    },
}


def _check_jsonschema(*args: str) -> subprocess.CompletedProcess[str]:
    found = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    assert found, "check-jsonschema is missing: pip install -e '.[test]'"
    return subprocess.run([found, *args], capture_output=True, text=True, check=False)


def test_github_issue_forms_follow_the_contract() -> None:
    for name, spec in FORMS.items():
        form = yaml.safe_load((REPO_ROOT / ".github/ISSUE_TEMPLATE" / f"{name}.yml").read_text(encoding="utf-8"))
        assert form["labels"] == [spec["label"]]
        fields = {f["id"]: f["validations"]["required"] for f in form["body"] if "id" in f}
        assert fields == spec["fields"], name
    forms = sorted(str(p) for p in (REPO_ROOT / ".github/ISSUE_TEMPLATE").glob("*.yml"))
    completed = _check_jsonschema("--builtin-schema", "vendor.github-issue-forms", *forms)
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_gitlab_issue_templates_follow_the_contract() -> None:
    for name, spec in FORMS.items():
        text = (REPO_ROOT / ".gitlab/issue_templates" / f"{name}.md").read_text(encoding="utf-8")
        ids = re.findall(r"^### \S.*? \(([a-z_]+)\)$", text, flags=re.MULTILINE)
        assert ids == list(spec["fields"]), name
        assert f"/label ~{spec['label']}" in text


def test_gitlab_pages_template_passes_the_gitlab_schema() -> None:
    template = REPO_ROOT / "govdata/templates/gitlab-pages.yml"
    completed = _check_jsonschema("--builtin-schema", "vendor.gitlab-ci", str(template))
    assert completed.returncode == 0, completed.stdout + completed.stderr
    job = yaml.safe_load(template.read_text(encoding="utf-8"))["pages"]
    assert "public" in job["artifacts"]["paths"] and "build/publish/open" in job["artifacts"]["paths"]


def test_pages_workflow_deploys_only_the_site() -> None:
    workflow = yaml.safe_load((REPO_ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    assert workflow[True]["push"]["branches"] == ["main"]  # PyYAML reads the key `on` as True
    steps = workflow["jobs"]["build"]["steps"]
    uploads = {s["uses"].split("@")[0]: s["with"]["path"] for s in steps if "with" in s and "path" in s["with"]}
    assert uploads["actions/upload-pages-artifact"] == "public/site"
    assert "public/share" in uploads["actions/upload-artifact"]
    assert any(s.get("run") == "python -m pip install ." for s in steps)
