"""An instance as it was at a git revision (or as it is in the working tree), as a Catalog.

The files are read from git in one batch and loaded through the same path as validation
(:func:`govdata.engine.load_catalog`), so a file means the same thing at every revision. A
snapshot may hold only some files (the changed ones plus the context every diff needs):
what is not loaded is, by construction, the same on both sides of a diff.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from govdata.diagnostics import Diagnostic, Location, Pointer
from govdata.errors import ConfigError
from govdata.gitops.repo import Repository
from govdata.i18n import Text
from govdata.instance import CONFIG_NAME
from govdata.io.fastyaml import SourceMap
from govdata.io.source import DecodeProblem, decode
from govdata.loading import locate, positions_of
from govdata.model.catalog import Catalog
from govdata.model.config import InstanceConfig
from govdata.model.kinds import CONFIG, kind_of

# Files every semantic diff loads whether or not they changed: the registries name
# departments and legal bases, grants say what consumers rely on.
CONTEXT_PREFIXES = ("registry/", "grants/")


@dataclass
class Snapshot:
    """A catalog at one revision, with the bytes behind it for line numbers."""

    rev: str | None  # commit id; None is the working tree
    catalog: Catalog
    diagnostics: list[Diagnostic]
    blobs: dict[str, bytes]  # instance-relative path → content, for every loaded path
    _maps: dict[str, SourceMap | None] = field(default_factory=dict, repr=False)

    def locate(self, path: str, pointer: Pointer) -> Location:
        """File, line and column of ``pointer`` in ``path`` at this revision."""
        if path not in self.blobs:
            return Location(path)
        if path not in self._maps:
            text = decode(self.blobs[path])
            self._maps[path] = None if isinstance(text, DecodeProblem) else positions_of(text)
        return locate(path, self._maps[path], pointer, True)


def is_instance_file(path: str) -> bool:
    return kind_of(path) is not None


def diff_paths(changed: Iterable[str], available: Iterable[str]) -> list[str]:
    """The instance files a diff loads: the changed ones and the context (registries, grants)."""
    wanted = set(changed) | {p for p in available if p == CONFIG_NAME or p.startswith(CONTEXT_PREFIXES)}
    return sorted(p for p in wanted if is_instance_file(p))


def load_config(data: bytes | None, rev_label: str, fallback: InstanceConfig | None) -> InstanceConfig:
    """The govdata.yaml of a revision; ``fallback`` when the revision has none."""
    from govdata.loading import load_file

    if data is None:
        if fallback is None:
            raise ConfigError(Text(f"{rev_label} 中没有 {CONFIG_NAME}", f"{rev_label} has no {CONFIG_NAME}"))
        return fallback
    outcome = load_file(CONFIG_NAME, CONFIG, data)
    if outcome.document is None:
        lines = "; ".join(f"{d.location}: {d.message.zh}" for d in outcome.diagnostics)
        lines_en = "; ".join(f"{d.location}: {d.message.en}" for d in outcome.diagnostics)
        raise ConfigError(Text(f"{rev_label} 的 {CONFIG_NAME} 有误：{lines}", f"{CONFIG_NAME} at {rev_label} is invalid: {lines_en}"))
    config = outcome.document.model
    assert isinstance(config, InstanceConfig)
    return config


def build_snapshot(
    rev: str | None, blobs: dict[str, bytes], config: InstanceConfig
) -> Snapshot:
    """Load ``blobs`` (instance-relative path → bytes; the config excluded) into a snapshot."""
    from govdata.engine import load_catalog

    paths = sorted(p for p in blobs if p != CONFIG_NAME)
    catalog, diagnostics = load_catalog(config, paths, blobs.__getitem__, config_path=CONFIG_NAME)
    return Snapshot(rev, catalog, diagnostics, blobs)


@dataclass(frozen=True)
class RevisionReader:
    """Reads instance files of revisions of one repository; the instance may sit in a subfolder."""

    repo: Repository
    prefix: str  # the instance folder relative to the repository top, '' or ending in '/'

    @classmethod
    def for_instance(cls, repo: Repository, instance_root: Path) -> RevisionReader:
        relative = repo.relative(instance_root)
        return cls(repo, f"{relative}/" if relative else "")

    def tree(self, rev: str) -> dict[str, str]:
        """``{instance path: blob sha}`` of the instance at ``rev``."""
        found = self.repo.tree(rev, self.prefix)
        return {p[len(self.prefix):]: sha for p, sha in found.items()}

    def changed(self, base: str, head: str | None) -> list[str]:
        """Instance-relative paths that differ between ``base`` and ``head`` (None: working tree)."""
        found = self.repo.changed_paths(base, head, self.prefix)
        return [p[len(self.prefix):] for p in found if p.startswith(self.prefix)]

    def snapshot(
        self,
        rev: str,
        select: Callable[[Iterable[str]], list[str]] | None = None,
        fallback: InstanceConfig | None = None,
    ) -> Snapshot:
        """The instance at commit ``rev``; ``select`` picks the paths to load (all by default)."""
        tree = self.tree(rev)
        paths = select(tree) if select else sorted(p for p in tree if is_instance_file(p))
        wanted = {p: tree[p] for p in {*paths, CONFIG_NAME} if p in tree}
        content = self.repo.read_blobs(wanted.values())
        blobs = {p: content[sha] for p, sha in wanted.items()}
        config = load_config(blobs.get(CONFIG_NAME), rev[:12], fallback)
        return build_snapshot(rev, blobs, config)

    def worktree(self, root: Path, paths: Iterable[str]) -> Snapshot:
        """The working tree's files at ``paths`` (missing ones are absent, as if deleted)."""
        from govdata.instance import open_instance

        config = open_instance(root, root / CONFIG_NAME).config
        blobs = {p: (root / p).read_bytes() for p in {*paths, CONFIG_NAME} if (root / p).is_file()}
        return build_snapshot(None, blobs, config)
