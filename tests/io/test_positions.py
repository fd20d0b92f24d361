"""The positions read from libyaml's events are the full reader's, wherever that reader accepts
the document: every value's line and column, and every key's.

The corpus is the clean path's (``test_plainyaml``): edge scalars in every place and style, the
hostile documents, 10,000 fuzz mutants, every YAML file of the repository and a generated
instance with mistakes. Where the full reader refuses a document, the walk may still place its
values (a refusal has its own position): only documents the parser itself refuses have no map.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from govdata.io import fastyaml, positions
from govdata.io.fastyaml import YamlProblem, load_yaml
from govdata.io.positions import positions_of, positions_until
from govdata.io.source import decode
from tests.conftest import REPO_ROOT
from tests.io.test_fuzz_loading import SEED, _mutate, _sources
from tests.io.test_plainyaml import HOSTILE, PLACES, SCALARS, _double, _single, _tracked_yaml, spoiled_instance


def _agree(text: str) -> bool:
    """Assert the walk places every value where the full reader does; True when it did the work."""
    full = load_yaml(text, positions=True)
    walked = positions_of(text)
    if isinstance(full, YamlProblem):
        return False
    assert walked is not None, text
    assert full[1] is not None
    assert walked._values == full[1]._values, text
    assert walked._keys == full[1]._keys, text
    return "&" not in text


def test_a_resource_is_placed_by_the_walk_not_the_full_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (REPO_ROOT / "catalogs/gongan/101002-000001.yaml").read_text(encoding="utf-8")
    monkeypatch.setattr(positions, "load_yaml", None)  # the full reader would fail if called
    placed = positions_of(text)
    assert placed is not None and placed.locate(("items", 1, "name")) > placed.locate(("items", 0, "name"))


@pytest.mark.parametrize("place", sorted(PLACES))
def test_edge_scalars_are_placed_alike_in_every_place_and_style(place: str) -> None:
    for scalar in SCALARS:
        for written in (scalar, _single(scalar), _double(scalar)):
            _agree(PLACES[place].format(s=written))


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_documents_are_placed_alike(text: str) -> None:
    _agree(text)


def test_keys_the_walk_leaves_to_the_full_reader() -> None:
    for text in ("? [a, b]\n: 1\n", "? {a: 1}\n: 2\n", "a: &x {b: 1}\nc: *x\n", ": 1\n"):
        _agree(text)


def test_what_the_parser_refuses_has_no_map() -> None:
    for text in ("a: [1, 2\n", "a: b: c\n", "\tx: 1\n", ""):
        assert positions_of(text) is None


def test_fuzz_mutants_are_placed_alike() -> None:
    sources = _sources()
    rng = random.Random(SEED)
    walked = 0
    for _ in range(10_000):
        _, original = rng.choice(sources)
        text = decode(_mutate(original.decode("utf-8"), rng).encode("utf-8", errors="surrogatepass"))
        if isinstance(text, str):
            walked += _agree(text)
    assert walked > 1_000


@pytest.mark.parametrize("name", _tracked_yaml())
def test_every_repository_yaml_file_is_placed_alike(name: str) -> None:
    text = decode((REPO_ROOT / name).read_bytes())
    if isinstance(text, str):
        _agree(text)


def test_a_generated_instance_with_mistakes_is_placed_alike(tmp_path: Path) -> None:
    paths = spoiled_instance(tmp_path)
    assert sum(_agree(path.read_text(encoding="utf-8")) for path in paths) > 0.8 * len(paths)


def test_the_full_reader_is_still_the_one_the_walk_is_held_to() -> None:
    # The walk must not become the reference it is compared with.
    assert fastyaml.load_yaml is load_yaml and positions.load_yaml is load_yaml


def _stops_alike(text: str, rng: random.Random) -> int:
    """A walk stopped at the last of a few pointers places each of them as the whole map does
    (value and key); the number of such walks that did stop early."""
    loaded = load_yaml(text, positions=True)
    if isinstance(loaded, YamlProblem) or loaded[1] is None or not len(loaded[1]):
        return 0  # only documents that load have changes to place
    whole = loaded[1]
    stopped = 0
    pointers = list(whole._values)
    for _ in range(3):
        wanted = rng.sample(pointers, min(len(pointers), rng.randint(1, 3)))
        partial, complete = positions_until(text, wanted)
        assert partial is not None, text
        for pointer in wanted:
            assert pointer in partial, (text, pointer)
            assert partial.locate(pointer, prefer_key=True) == whole.locate(pointer, prefer_key=True), (text, pointer)
            assert partial.locate(pointer) == whole.locate(pointer), (text, pointer)
        stopped += not complete
    return stopped


def test_a_walk_stopped_at_its_last_pointer_places_them_as_the_whole_map_does() -> None:
    rng = random.Random(SEED)
    text = (REPO_ROOT / "catalogs/gongan/101002-000001.yaml").read_text(encoding="utf-8")
    assert _stops_alike(text, rng) > 0
    partial, complete = positions_until(text, [("code",)])
    assert partial is not None and not complete and len(partial) == 2  # the document, then its first key
    absent, complete = positions_until(text, [("code",), ("no-such-key",)])  # not found: read to the end
    full = positions_of(text)
    assert complete and absent is not None and full is not None and absent._values == full._values
    stopped = sum(
        _stops_alike(t, rng)
        for name in _tracked_yaml()
        if isinstance(t := decode((REPO_ROOT / name).read_bytes()), str)
    )
    assert stopped > 100
