"""One walk lists an instance's files and its leftover temporaries exactly as the two separate
walks did (``discover``'s rules for files, ``stray_temporaries``' for temporaries)."""

from __future__ import annotations

from pathlib import Path

from govdata.instance import INSTANCE_FOLDERS, discover, scan
from govdata.io.atomic import stray_temporaries
from govdata.validation.layout import leftover_diagnostics
from tests.conftest import build_instance

TEMPORARIES = (
    ".govdata.yaml.a1b2c3.govdata.tmp",  # at the root
    "catalogs/gongan/.101002-000001.yaml.k2j3h4.govdata.tmp",
    "catalogs/gongan/.101002-000001.yaml.x8y7z6.tmp",  # an earlier version's name
    "catalogs/.hidden/.x.yaml.q1w2e3.govdata.tmp",  # in a hidden folder: still a leftover
    "grants/2026/deep/.g.yaml.r4t5y6.govdata.tmp",
)
NOT_LISTED = (
    "catalogs/.hidden/101002-000009.yaml",  # in a hidden folder
    "catalogs/gongan/.draft.yaml",  # a hidden file
    "catalogs/gongan/.git/config.yaml",  # git's own
    "catalogs/gongan/notes.txt",
)


def _instance(tmp_path: Path) -> Path:
    root = build_instance(tmp_path / "instance")
    for path in (*TEMPORARIES, *NOT_LISTED, "catalogs/gongan/UPPER.YAML"):
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text("x: 1\n", encoding="utf-8")
    return root


def test_one_walk_finds_what_the_two_walks_found(tmp_path: Path) -> None:
    root = _instance(tmp_path)
    walked = scan(root)
    assert walked.temporaries == sorted(TEMPORARIES)
    assert walked.temporaries == [p.relative_to(root).as_posix() for p in stray_temporaries(root, INSTANCE_FOLDERS)]
    assert walked.files == discover(root) == sorted(walked.files)
    assert "catalogs/gongan/UPPER.YAML" in walked.files
    assert not set(walked.files) & {*NOT_LISTED, *TEMPORARIES}


def test_leftovers_reported_from_the_walk_are_those_found_by_their_own(tmp_path: Path) -> None:
    root = _instance(tmp_path)
    from_walk = leftover_diagnostics(root, scan(root).temporaries)
    assert [d.location.path for d in from_walk] == sorted(TEMPORARIES)
    assert from_walk == leftover_diagnostics(root)
