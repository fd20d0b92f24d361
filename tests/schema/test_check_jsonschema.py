"""check-jsonschema, a consumer many catalogs' CI already runs, accepts every schema govdata writes.

It checks each pattern as an ECMA-262 regular expression in unicode mode, stricter than Python's
``re``: an escaped quote inside a character class once made it refuse the resource schema.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from govdata.instance import discover
from govdata.model.kinds import FILE_KINDS, kind_of
from tests.conftest import REPO_ROOT


def _check_jsonschema() -> str:
    found = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent)) or shutil.which("check-jsonschema")
    assert found, "check-jsonschema is missing: pip install -e '.[test]' installs it"
    return found


@pytest.mark.parametrize("kind", FILE_KINDS, ids=lambda kind: kind.name)
def test_check_jsonschema_accepts_the_schema_and_the_reference_files(kind: object) -> None:
    schema = REPO_ROOT / "schemas" / kind.schema_file  # type: ignore[attr-defined]
    files = [path for path in discover(REPO_ROOT) if kind_of(path) is kind][:20]
    # A kind the reference instance holds no file of: the schema itself must still be accepted.
    arguments = ["--schemafile", str(schema), *files] if files else ["--check-metaschema", str(schema)]
    completed = subprocess.run(
        [_check_jsonschema(), *arguments], cwd=REPO_ROOT, capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
