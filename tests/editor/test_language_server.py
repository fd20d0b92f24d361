"""The editor and the CI agree: a real yaml-language-server (npm, offline, over stdio) on the
generated schemas completes every top-level key and every vocabulary value, hovers in Chinese,
and finds the schema errors of a broken file at the lines ``govdata validate`` reports."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from govdata.model.kinds import FILE_KINDS, FileKind
from govdata.rules.gd005_schema_modeline import modeline_for
from govdata.schema.generate import schema_for
from tests.conftest import BASE_INSTANCE, REPO_ROOT, CliResult
from tests.editor.lsp import SERVER, LanguageServer

SAMPLE_PATHS = {
    "config": "govdata.yaml",
    "departments": "registry/departments.yaml",
    "legal-bases": "registry/legal-bases.yaml",
    "classification": "registry/classification.yaml",
    "demands": "catalogs/gongan/demands.yaml",
    "resource": "catalogs/gongan/new.yaml",
    "grant": "grants/minzheng/new.yaml",
    "responsibility": "responsibility/gongan.yaml",
    "case": "cases/2026/new.yaml",
    "project": "projects/new.yaml",
    "security": "security/gongan/2026.yaml",
    "audit-mapping": "audit/hub.yaml",
}
KINDS_WITHOUT_VOCABULARY = {"project", "security", "audit-mapping", "classification"}
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("editor") / "instance"
    shutil.copytree(BASE_INSTANCE, root)
    shutil.copytree(REPO_ROOT / "schemas", root / "schemas")
    return root


@pytest.fixture(scope="module")
def server(workspace: Path) -> Iterator[LanguageServer]:
    assert SERVER.is_file(), "run bash .ci/system-deps to install yaml-language-server"
    running = LanguageServer(workspace)
    yield running
    running.shutdown()


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = {**schema["$defs"][node["$ref"].rsplit("/", 1)[-1]], **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _vocabularies(schema: dict[str, Any], node: dict[str, Any], path: tuple[str, ...] = ()) -> Iterator[Any]:
    """(path, values) of every enum reachable through properties and array items; ``*`` is a list."""
    node = _resolve(schema, node)
    if len(path) > 6:
        return
    values = [value for value in node.get("enum", []) if isinstance(value, str)]
    if values:
        yield path, values
    for branch in node.get("anyOf", []):
        yield from _vocabularies(schema, branch, path)
    for key, child in node.get("properties", {}).items():
        yield from _vocabularies(schema, child, (*path, key))
    if isinstance(node.get("items"), dict):
        yield from _vocabularies(schema, node["items"], (*path, "*"))


def _document_to(path: tuple[str, ...]) -> tuple[str, int, int]:
    """YAML lines leading to ``path`` with the cursor where its value goes: text, line, column."""
    lines: list[str] = []
    column, dash = 0, False
    for index, segment in enumerate(path):
        if segment == "*":
            if index == len(path) - 1:
                lines.append(" " * column + "- ")
            dash = True
            continue
        prefix = " " * column + ("- " if dash else "")
        key_column = len(prefix)
        dash = False
        last = index == len(path) - 1
        lines.append(prefix + segment + (": " if last else ":"))
        column = key_column + 2
    return "\n".join(lines) + "\n", len(lines) - 1, len(lines[-1])


def _kind_ids(kind: FileKind) -> str:
    return kind.name


@pytest.mark.parametrize("kind", FILE_KINDS, ids=_kind_ids)
def test_every_top_level_key_and_vocabulary_value_is_offered(
    server: LanguageServer, workspace: Path, kind: FileKind
) -> None:
    relative = SAMPLE_PATHS[kind.name]
    modeline = modeline_for(relative)
    schema = schema_for(kind)
    uri = server.open(workspace / (relative + ".keys"), f"{modeline}\n\n")
    try:
        offered = server.completion(uri, 1, 0)
    finally:
        server.close(uri)
    assert set(schema["properties"]) <= set(offered), set(schema["properties"]) - set(offered)
    checked = 0
    for number, (path, values) in enumerate(_vocabularies(schema, schema)):
        body, line, column = _document_to(path)
        uri = server.open(workspace / f"{relative}.{number}", f"{modeline}\n{body}")
        try:
            labels = server.completion(uri, line + 1, column)
        finally:
            server.close(uri)
        assert set(values) <= {label.strip("\"'") for label in labels}, (path, values, labels)
        checked += 1
    # every kind but these offers at least one controlled vocabulary; the set stays honest both ways
    assert (checked > 0) is (kind.name not in KINDS_WITHOUT_VOCABULARY), kind.name


def test_hover_shows_the_chinese_title_of_every_top_level_key(server: LanguageServer, workspace: Path) -> None:
    path = workspace / "catalogs/gongan/101002-000001.yaml"
    text = path.read_text(encoding="utf-8")
    uri = server.open(path, text)
    properties = schema_for(next(k for k in FILE_KINDS if k.name == "resource"))["properties"]
    try:
        for number, line in enumerate(text.split("\n")):
            key = line.split(":", 1)[0]
            if not line or line[0] in " #-" or key not in properties:
                continue
            shown = server.hover(uri, number, 1)
            assert properties[key]["title"] in shown and CJK.search(shown), (key, shown)
    finally:
        server.close(uri)


def test_a_broken_file_has_its_errors_on_the_same_lines_in_editor_and_ci(
    server: LanguageServer, workspace: Path, tmp_path: Path, govdata: Callable[..., CliResult]
) -> None:
    root = tmp_path / "instance"
    shutil.copytree(workspace, root)
    target = root / "catalogs/gongan/101002-000001.yaml"
    broken = (
        target.read_text(encoding="utf-8")
        .replace("  type: 无条件共享", "  type: 有条件")
        .replace("update_cycle: 实时", "update_cycle: 每两天")
        .replace("    length: 18\n", "    length: 十八\n", 1)
    )
    target.write_text(broken, encoding="utf-8")
    result = govdata("validate", "--format", "json", cwd=root)
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["diagnostics"]
    ci_lines = sorted({f["line"] for f in findings if f["rule"] == "GD002"})
    uri = server.open(target, broken)
    try:
        diagnostics = server.wait_diagnostics(uri)
    finally:
        server.close(uri)
    editor_lines = sorted({d["range"]["start"]["line"] + 1 for d in diagnostics if d.get("severity", 1) == 1})
    assert ci_lines == editor_lines and len(ci_lines) == 3, (ci_lines, editor_lines, diagnostics, findings)
