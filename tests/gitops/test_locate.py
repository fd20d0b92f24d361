"""Line maps read only as far as a diff's changes need (issue 12): the places are the whole map's."""

from __future__ import annotations

from govdata.diagnostics import Location
from govdata.gitops.snapshot import LoadCache, Snapshot, build_snapshot, load_config
from tests.gitops.conftest import base_files

RESOURCE = "catalogs/gongan/101002-000001.yaml"
NAME = ("name",)
ITEM = ("items", 1, "name")
CYCLE = ("update_cycle",)  # below the items: its map is nearly the whole file's


def _snapshot() -> Snapshot:
    blobs = {p: t.encode() for p, t in base_files().items()}
    config = load_config(blobs["govdata.yaml"], "x", None)
    return build_snapshot("x", blobs, config, LoadCache(), placed=())


def test_prepared_maps_stop_at_the_last_change_and_place_it_as_the_whole_map() -> None:
    whole = _snapshot()  # not prepared: every locate reads the whole map
    expected = {p: whole.locate(RESOURCE, p) for p in (NAME, ITEM, CYCLE, ("items", 99, "name"))}
    assert (expected[ITEM].line or 0) > (expected[NAME].line or 0) > 0

    prepared = _snapshot()
    data = prepared.blobs[RESOURCE]
    prepared.prepare(RESOURCE, [NAME, ITEM])
    assert data in prepared.cache.partial and data not in prepared.cache.maps  # stopped early
    partial = prepared.cache.partial[data]
    assert NAME in partial and ITEM in partial and CYCLE not in partial
    assert prepared.locate(RESOURCE, NAME) == expected[NAME]
    assert prepared.locate(RESOURCE, ITEM) == expected[ITEM]
    # Asked for what the partial map does not hold (a later pointer, an absent one): the whole map.
    assert prepared.locate(RESOURCE, CYCLE) == expected[CYCLE]
    assert data in prepared.cache.maps
    assert prepared.locate(RESOURCE, ("items", 99, "name")) == expected["items", 99, "name"]


def test_prepare_reads_again_when_the_partial_map_stops_short() -> None:
    snapshot = _snapshot()
    data = snapshot.blobs[RESOURCE]
    snapshot.prepare(RESOURCE, [NAME])
    snapshot.prepare(RESOURCE, [NAME, ITEM])  # the next commit asks for more of the same blob
    assert ITEM in snapshot.cache.partial[data]
    snapshot.prepare(RESOURCE, [("no-such-key",)])  # never found: read to the end, kept whole
    assert data in snapshot.cache.maps
    assert snapshot.locate(RESOURCE, ()) == Location(RESOURCE, 1, 1)
    assert snapshot.locate("catalogs/none.yaml", NAME) == Location("catalogs/none.yaml")
