"""jsonschema (the reference), jsonschema_rs (the hot path) and pydantic agree on every document.

The models are the source of the schemas, but pydantic and a JSON Schema validator can still
read the same shape differently (lax coercion, formats, nullability). Each fixture and each
systematic mutation of it must be accepted or refused by all three alike, and jsonschema and
jsonschema_rs must find the same failing locations.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema_rs
import pytest
from pydantic import ValidationError

from govdata.io.fastyaml import YamlProblem, load_yaml
from govdata.io.source import decode
from govdata.model.kinds import FileKind, kind_of
from govdata.schema.generate import schema_for
from tests.conftest import REPO_ROOT

MUTATIONS: list[Any] = [None, "", "文本", 0, -1, 1.5, True, [], {}, ["x"], {"unknown": 1}, "2023-02-30", "20230501"]


def _fixture_documents() -> Iterator[tuple[str, FileKind, Any]]:
    roots = [REPO_ROOT / "catalogs", REPO_ROOT / "registry", REPO_ROOT / "tests" / "rules"]
    for root in roots:
        for path in sorted(root.rglob("*.yaml")):
            kind = _kind_for(path)
            if kind is None:
                continue
            text = decode(path.read_bytes())
            if isinstance(text, str):
                loaded = load_yaml(text)
                if not isinstance(loaded, YamlProblem):
                    yield path.relative_to(REPO_ROOT).as_posix(), kind, loaded[0]


def _kind_for(path: Path) -> FileKind | None:
    parts = path.parts
    for anchor in ("catalogs", "registry"):
        if anchor in parts:
            return kind_of("/".join(parts[parts.index(anchor) :]))
    return kind_of(path.name)


def _mutants(document: Any) -> Iterator[Any]:
    """The document with each scalar or container replaced in turn by each mutation (bounded)."""
    paths = list(_leaf_paths(document))[:40]
    for path in paths:
        for value in MUTATIONS:
            mutant = copy.deepcopy(document)
            target = mutant
            for part in path[:-1]:
                target = target[part]
            target[path[-1]] = value
            yield mutant
        if isinstance(path[-1], str):
            mutant = copy.deepcopy(document)
            target = mutant
            for part in path[:-1]:
                target = target[part]
            del target[path[-1]]
            yield mutant


def _leaf_paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(value, dict):
        for key, child in value.items():
            yield (*prefix, key)
            yield from _leaf_paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value[:2]):
            yield (*prefix, index)
            yield from _leaf_paths(child, (*prefix, index))


def _verdicts(kind: FileKind, document: Any) -> tuple[set[str], set[str], bool]:
    schema = schema_for(kind)
    reference = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    fast = jsonschema_rs.Draft202012Validator(schema, validate_formats=True)
    reference_paths = {json.dumps(list(e.absolute_path)) for e in reference.iter_errors(document)}
    fast_paths = {json.dumps(list(e.instance_path)) for e in fast.iter_errors(document)}
    try:
        kind.model.model_validate(document)
        pydantic_ok = True
    except ValidationError:
        pydantic_ok = False
    return reference_paths, fast_paths, pydantic_ok


DOCUMENTS = list(_fixture_documents())
# Mutating every document would take minutes with the pure-Python reference validator;
# a few documents of each kind cover every property shape.
MUTATED_PER_KIND = 3


def _mutation_subjects() -> list[tuple[str, FileKind, Any]]:
    chosen: dict[str, list[tuple[str, FileKind, Any]]] = {}
    for entry in DOCUMENTS:
        bucket = chosen.setdefault(entry[1].name, [])
        if len(bucket) < MUTATED_PER_KIND:
            bucket.append(entry)
    return [entry for bucket in chosen.values() for entry in bucket]


def test_fixtures_were_found() -> None:
    kinds = {kind.name for _, kind, _ in DOCUMENTS}
    assert {"resource", "departments", "legal-bases", "config"} <= kinds


@pytest.mark.parametrize(("name", "kind", "document"), DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_three_engines_agree_on_fixture(name: str, kind: FileKind, document: Any) -> None:
    reference, fast, pydantic_ok = _verdicts(kind, document)
    assert reference == fast, name
    assert (not reference) == pydantic_ok, (name, reference)


@pytest.mark.parametrize(
    ("name", "kind", "document"), _mutation_subjects(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_three_engines_agree_on_mutations(name: str, kind: FileKind, document: Any) -> None:
    for candidate in _mutants(document):
        reference, fast, pydantic_ok = _verdicts(kind, candidate)
        assert reference == fast, (name, candidate)
        assert (not reference) == pydantic_ok, (name, reference, candidate)
