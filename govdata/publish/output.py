"""Writing a publication: each file atomically, and files an earlier publish wrote but this one
does not are removed, so the output folder never keeps a stray page of a withdrawn dataset."""

from __future__ import annotations

from pathlib import Path

from govdata.io.roundtrip import atomic_write

MANIFEST = ".govdata-publish"


def _previous(out: Path) -> set[str]:
    manifest = out / MANIFEST
    if not manifest.is_file():
        return set()
    return {line for line in manifest.read_text(encoding="utf-8").splitlines() if line}


def write_publication(out: Path, files: dict[str, bytes]) -> tuple[int, int]:
    """Write ``files`` under ``out``; returns (files written or changed, stale files removed)."""
    changed = 0
    for name, content in sorted(files.items()):
        target = out / name
        if target.is_file() and target.read_bytes() == content:
            continue
        atomic_write(target, content)
        changed += 1
    removed = 0
    for name in sorted(_previous(out) - set(files)):
        stale = out / name
        if stale.is_file() and not stale.is_symlink():
            stale.unlink()
            removed += 1
    atomic_write(out / MANIFEST, "".join(f"{name}\n" for name in sorted(files)))
    return changed, removed
