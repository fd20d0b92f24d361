"""Writing a publication: each file atomically, and files an earlier publish wrote but this one
does not are removed, so the output folder never keeps a stray page of a withdrawn dataset."""

from __future__ import annotations

from pathlib import Path

from govdata.errors import WriteError
from govdata.i18n import Text
from govdata.io.roundtrip import atomic_write

MANIFEST = ".govdata-publish"


def _previous(out: Path) -> set[str]:
    manifest = out / MANIFEST
    if not manifest.is_file():
        return set()
    return {line for line in manifest.read_text(encoding="utf-8").splitlines() if line}


def write_publication(out: Path, files: dict[str, bytes]) -> tuple[int, int]:
    """Write ``files`` under ``out``; returns (files written or changed, stale files removed)."""
    if out.exists() and not out.is_dir():
        raise WriteError(Text(f"输出位置 {out} 不是目录", f"the output {out} is not a folder"))
    try:
        return _write(out, files)
    except OSError as error:  # a folder that cannot be made (a file in the way, no permission)
        raise WriteError(
            Text(
                f"无法写入 {error.filename or out}：{error.strerror}",
                f"cannot write {error.filename or out}: {error.strerror}",
            )
        ) from error


def _write(out: Path, files: dict[str, bytes]) -> tuple[int, int]:
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
