"""An instance as it was at a git revision (or as it is in the working tree), as a Catalog.

The files are read from git in one batch and loaded through the same path as validation
(:func:`govdata.validation.engine.load_catalog`), so a file means the same thing at every revision. A
snapshot may hold only some files (the changed ones plus the context every diff needs):
what is not loaded is, by construction, the same on both sides of a diff.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

from pydantic import ValidationError

from govdata.diagnostics import Diagnostic, Location, Pointer
from govdata.errors import ConfigError
from govdata.gitops.repo import Repository
from govdata.i18n import Text
from govdata.instance import CONFIG_NAME
from govdata.io.fastyaml import SourceMap
from govdata.io.positions import positions_until
from govdata.io.source import DecodeProblem, decode
from govdata.model.catalog import Catalog, Document
from govdata.model.config import InstanceConfig
from govdata.model.kinds import CONFIG, kind_of
from govdata.validation.loading import document_issues, locate

# Files every semantic diff loads whether or not they changed: the registries name
# departments and legal bases, grants say what consumers rely on.
CONTEXT_PREFIXES = ("registry/", "grants/")


Piece = tuple[str, Document[Any]]  # a Catalog field name and a document that goes there


@dataclass
class LoadCache:
    """Loaded files and source maps by content, shared by the many small snapshots of a history:
    a blob that is the new side of one commit is the old side of the next, and is parsed once.
    Both tables keep only the ``limit`` most recently used entries, so memory stays bounded."""

    limit: int = 512
    pieces: OrderedDict[tuple[str, bytes], tuple[list[Piece], list[Diagnostic]]] = field(default_factory=OrderedDict)
    maps: OrderedDict[bytes, SourceMap | None] = field(default_factory=OrderedDict)
    # Maps whose walk stopped at the last pointer asked for (Snapshot.prepare): right for the
    # pointers they hold, the others need the whole map.
    partial: OrderedDict[bytes, SourceMap] = field(default_factory=OrderedDict)

    def keep(self, table: OrderedDict[Any, Any], key: Any, value: Any) -> None:
        table[key] = value
        table.move_to_end(key)
        if len(table) > self.limit:
            table.popitem(last=False)


@dataclass
class Snapshot:
    """A catalog at one revision, with the bytes behind it for line numbers."""

    rev: str | None  # commit id; None is the working tree
    catalog: Catalog
    diagnostics: list[Diagnostic]
    blobs: dict[str, bytes]  # instance-relative path → content, for every loaded path
    cache: LoadCache = field(default_factory=LoadCache, repr=False)
    # Paths this revision has but the snapshot holds no model nor bytes of (described by an
    # outline, see build_snapshot): their changes are the whole file's.
    outlined: Collection[str] = ()

    def locate(self, path: str, pointer: Pointer) -> Location:
        """File, line and column of ``pointer`` in ``path`` at this revision."""
        if not pointer and (path in self.blobs or path in self.outlined):
            return Location(path, 1, 1)  # the whole document: its first line, no parse needed
        if path not in self.blobs:
            return Location(path)
        data = self.blobs[path]
        source_map = self.cache.maps.get(data)
        if source_map is None and (partial := self.cache.partial.get(data)) is not None and tuple(pointer) in partial:
            source_map = partial  # the pointer itself is placed: where the whole map has it
        if source_map is None:
            source_map, _ = self._positions(data, ())
        return locate(path, source_map, pointer, True)

    def prepare(self, path: str, pointers: Collection[Pointer]) -> None:
        """Read the line map of ``path`` only as far as the last of ``pointers`` (all that
        :meth:`locate` will be asked): changes near the top of a file are placed without reading
        its rest (46 % of the nodes of the maps this history needs, issue 12). Only for a file
        that loaded, whose changes these are (see :func:`~govdata.io.positions.positions_until`)."""
        data = self.blobs.get(path)
        wanted = [tuple(p) for p in pointers if p]
        if data is None or not wanted or self.cache.maps.get(data) is not None:
            return
        partial = self.cache.partial.get(data)
        if partial is None or not all(p in partial for p in wanted):
            self._positions(data, wanted)

    def _positions(self, data: bytes, wanted: Collection[Pointer]) -> tuple[SourceMap | None, bool]:
        """The map of ``data`` (up to ``wanted``; none: whole), kept in the cache's table for it."""
        text = decode(data)
        source_map, whole = (None, True) if isinstance(text, DecodeProblem) else positions_until(text, wanted)
        if whole or source_map is None:
            self.cache.keep(self.cache.maps, data, source_map)
        else:
            self.cache.keep(self.cache.partial, data, source_map)
        return source_map, whole


def is_instance_file(path: str) -> bool:
    return kind_of(path) is not None


def diff_paths(changed: Iterable[str], available: Iterable[str]) -> list[str]:
    """The instance files a diff loads: the changed ones and the context (registries, grants)."""
    wanted = set(changed) | {p for p in available if p == CONFIG_NAME or p.startswith(CONTEXT_PREFIXES)}
    return sorted(p for p in wanted if is_instance_file(p))


def load_config(data: bytes | None, rev_label: str, fallback: InstanceConfig | None) -> InstanceConfig:
    """The govdata.yaml of a revision; ``fallback`` when the revision has none."""
    from govdata.validation.loading import load_file

    if data is None:
        if fallback is None:
            raise ConfigError(Text(f"{rev_label} 中没有 {CONFIG_NAME}", f"{rev_label} has no {CONFIG_NAME}"))
        return fallback
    outcome = load_file(CONFIG_NAME, CONFIG, data)
    if outcome.document is None:
        lines = "; ".join(f"{d.location}: {d.message.zh}" for d in outcome.diagnostics)
        lines_en = "; ".join(f"{d.location}: {d.message.en}" for d in outcome.diagnostics)
        raise ConfigError(
            Text(f"{rev_label} 的 {CONFIG_NAME} 有误：{lines}", f"{CONFIG_NAME} at {rev_label} is invalid: {lines_en}")
        )
    config = outcome.document.model
    assert isinstance(config, InstanceConfig)
    return config


def _pieces(catalog: Catalog) -> dict[str, list[Piece]]:
    """The documents of ``catalog`` by path, each with the Catalog field that holds it."""
    found: dict[str, list[Piece]] = {}
    for spec in fields(catalog):
        value = getattr(catalog, spec.name)
        for document in value if isinstance(value, list) else [value]:
            if isinstance(document, Document):
                found.setdefault(document.path, []).append((spec.name, document))
    return found


def _assemble(config: InstanceConfig, pieces: Iterable[Piece]) -> Catalog:
    catalog = Catalog(config, config_path=CONFIG_NAME)
    for name, document in pieces:
        slot = getattr(catalog, name)
        if isinstance(slot, list):
            slot.append(document)
        else:
            setattr(catalog, name, document)
    return catalog


@lru_cache(maxsize=1)
def _slot_of_model() -> dict[type, str]:
    """Which Catalog field holds documents of each model, read from Catalog's annotations."""
    slots: dict[type, str] = {}
    for name, hint in get_type_hints(Catalog).items():
        for arg in (hint, *get_args(hint), *(a for h in get_args(hint) for a in get_args(h))):
            if get_origin(arg) is Document:
                slots[get_args(arg)[0]] = name
    return slots


def clean_model(path: str, data: bytes, positions: bool = False) -> tuple[str, Any, SourceMap | None] | None:
    """The Catalog field, model and (with ``positions``) line map of a file that loads cleanly
    on the fast path: decoded, read, free of document issues (the schema, unique item names)
    and modelled. None: anything else, which :func:`govdata.validation.engine.load_catalog`
    words as located diagnostics."""
    from govdata.io.fastyaml import YamlProblem, load_yaml

    kind = kind_of(path)
    slot = _slot_of_model().get(kind.model) if kind is not None else None
    if kind is None or slot is None:
        return None
    text = decode(data)
    if isinstance(text, DecodeProblem):
        return None
    loaded = load_yaml(text, positions=positions)
    if isinstance(loaded, YamlProblem) or document_issues(kind, loaded[0]):
        return None
    try:
        model = kind.model.model_validate(loaded[0])
    except ValidationError:
        return None  # model and schema disagree: load_catalog words it
    return slot, model, loaded[1]


def _load_one(
    path: str, data: bytes, config: InstanceConfig, cache: LoadCache, positions: bool = True
) -> tuple[list[Piece], list[Diagnostic]]:
    """One file through the cache: parsed once, with its line map kept for :meth:`Snapshot.locate`.

    A clean file is parsed with positions in a single pass (the C parser's line map costs
    little) when ``positions``; without, no map is built and :meth:`Snapshot.locate` makes one
    only if a change in the file is ever placed. Anything else goes the usual way,
    :func:`govdata.validation.engine.load_catalog`, for its located diagnostics.
    """
    from govdata.validation.engine import load_catalog

    clean = clean_model(path, data, positions)
    if clean is not None:
        slot, model, source_map = clean
        if source_map is not None:
            cache.keep(cache.maps, data, source_map)
        return [(slot, Document(path, model))], []
    catalog, problems = load_catalog(config, [path], lambda _path: data, config_path=CONFIG_NAME)
    return _pieces(catalog).get(path, []), problems


def build_snapshot(
    rev: str | None,
    blobs: dict[str, bytes],
    config: InstanceConfig,
    cache: LoadCache | None = None,
    placed: Collection[str] | None = None,
    outlined: Collection[str] = (),
) -> Snapshot:
    """Load ``blobs`` (instance-relative path → bytes; the config excluded) into a snapshot.

    With a ``cache``, a file already loaded with the same content is not parsed again, and
    ``placed`` (None: all) names the paths whose changes will be shown at a line: the others
    are parsed without a line map (an added or deleted file is placed on line 1).
    ``outlined`` paths are described without models (:mod:`govdata.gitops.outline`): present
    at ``rev``, placed on line 1, and neither loaded nor in ``blobs``.
    """
    from govdata.validation.engine import load_catalog

    paths = sorted(p for p in blobs if p != CONFIG_NAME)
    if cache is None:
        catalog, diagnostics = load_catalog(config, paths, blobs.__getitem__, config_path=CONFIG_NAME)
        return Snapshot(rev, catalog, diagnostics, blobs, outlined=frozenset(outlined))
    entries = []
    for path in paths:
        key = (path, blobs[path])
        positions = placed is None or path in placed
        entry = cache.pieces.get(key) or _load_one(path, blobs[path], config, cache, positions)
        cache.keep(cache.pieces, key, entry)
        entries.append(entry)
    catalog = _assemble(config, (piece for found, _ in entries for piece in found))
    return Snapshot(rev, catalog, [d for _, problems in entries for d in problems], blobs, cache, frozenset(outlined))


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
        return {p[len(self.prefix) :]: sha for p, sha in found.items()}

    def special(self, rev: str) -> dict[str, str]:
        """Instance paths at ``rev`` that are symlinks or submodules (see :meth:`Repository.special_files`)."""
        found = self.repo.special_files(rev, self.prefix)
        return {p[len(self.prefix) :]: what for p, what in found.items()}

    def changed(self, base: str, head: str | None) -> list[str]:
        """Instance-relative paths that differ between ``base`` and ``head`` (None: working tree)."""
        found = self.repo.changed_paths(base, head, self.prefix)
        return [p[len(self.prefix) :] for p in found if p.startswith(self.prefix)]

    def snapshot(
        self,
        rev: str,
        select: Callable[[Iterable[str]], list[str]] | None = None,
        fallback: InstanceConfig | None = None,
        cache: LoadCache | None = None,
    ) -> Snapshot:
        """The instance at commit ``rev``; ``select`` picks the paths to load (all by default).

        With a ``cache`` shared between revisions, a file unchanged since one already loaded is not parsed again.
        """
        tree = self.tree(rev)
        paths = select(tree) if select else sorted(p for p in tree if is_instance_file(p))
        wanted = {p: tree[p] for p in {*paths, CONFIG_NAME} if p in tree}
        content = self.repo.read_blobs(wanted.values())
        blobs = {p: content[sha] for p, sha in wanted.items()}
        config = load_config(blobs.get(CONFIG_NAME), rev[:12], fallback)
        return build_snapshot(rev, blobs, config, cache)

    def worktree(self, root: Path, paths: Iterable[str]) -> Snapshot:
        """The working tree's files at ``paths`` (missing ones are absent, as if deleted)."""
        from govdata.instance import open_instance

        config = open_instance(root, root / CONFIG_NAME).config
        blobs = {p: (root / p).read_bytes() for p in {*paths, CONFIG_NAME} if (root / p).is_file()}
        return build_snapshot(None, blobs, config)
