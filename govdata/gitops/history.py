"""The semantic history of a file, a resource or a department: who changed what, when, in which commit.

Fast on long histories because no commit's whole instance is ever loaded:
  1. one ``git log --raw --no-renames -z`` over the instance lists every commit with the blob
     ids of the files it changed (merge commits list none: a change is credited to the commit
     that made it);
  2. rename detection runs only where the tracked thing gains a path in a commit that also
     deleted files (``git diff -M`` limited to those paths), and the old path joins the trace;
  3. the blobs of the kept commits are read in one ``cat-file --batch`` (those of a large
     commit's added or deleted files by the workers that outline them, see
     :mod:`govdata.gitops.outline`), and each commit's changed files alone become the two
     small catalogs the semantic diff compares.
A resource is traced by its code: its file name (``<code with - for />.yaml``) in any
department folder, so a move between departments stays in its history.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from govdata.gitops.blobs import Blobs
from govdata.gitops.changes import Side
from govdata.gitops.compare import DiffResult, build_result
from govdata.gitops.outline import Outliner
from govdata.gitops.repo import CommitInfo, FileChange
from govdata.gitops.snapshot import LoadCache, RevisionReader, Snapshot, build_snapshot, is_instance_file, load_config
from govdata.instance import CONFIG_NAME
from govdata.model.config import InstanceConfig
from govdata.validation.batch import gc_paused

REGISTRY = "registry/departments.yaml"


@dataclass
class Trace:
    """What is followed through history, and which of a commit's changes belong to it."""

    label: str
    paths: set[str] = field(default_factory=set)  # exact instance paths (grows with renames)
    names: set[str] = field(default_factory=set)  # file names in any department folder (a resource code)
    folders: tuple[str, ...] = ()  # path prefixes (a department)
    subject: str | None = None  # keep only changes of this resource code or department code
    everything: bool = False

    def follows(self, path: str) -> bool:
        if self.everything or path in self.paths or path.startswith(self.folders):
            return True
        return path.startswith("catalogs/") and PurePosixPath(path).name in self.names

    def keeps(self, subject: str, department: str | None) -> bool:
        return self.subject is None or self.subject in (subject, department)


def trace_path(path: str) -> Trace:
    return Trace(path, paths={path})


def trace_folder(folder: str) -> Trace:
    """Every file under ``folder`` (instance-relative)."""
    return Trace(folder, folders=(folder.rstrip("/") + "/",))


def trace_resource(code: str) -> Trace:
    return Trace(code, names={code.replace("/", "-") + ".yaml"}, subject=code)


def trace_department(code: str, slug: str) -> Trace:
    folders = (f"catalogs/{slug}/", f"grants/{slug}/", f"responsibility/{slug}.yaml")
    return Trace(slug, paths={REGISTRY}, folders=folders, subject=code)


def trace_all() -> Trace:
    return Trace("*", everything=True)


@dataclass
class _Told:
    """How many changed files are described, for a progress bar: this process counts its own
    and, on the pool's result thread, the workers' (each count written by one thread only)."""

    tick: Callable[[int, int], None] | None
    total: int
    here: int = 0
    in_workers: int = 0

    def add_here(self, count: int) -> None:
        self.here += count
        self._tell()

    def add_in_workers(self, count: int) -> None:
        self.in_workers += count
        self._tell()

    def _tell(self) -> None:
        if self.tick is not None:
            self.tick(self.here + self.in_workers, self.total)


@dataclass
class HistoryStep:
    commit: CommitInfo
    result: DiffResult


def _strip(reader: RevisionReader, files: list[FileChange]) -> list[FileChange]:
    cut = len(reader.prefix)
    return [
        FileChange(f.status, f.path[cut:], f.old_blob, f.new_blob) for f in files if f.path.startswith(reader.prefix)
    ]


def _kept(reader: RevisionReader, trace: Trace, max_count: int | None) -> Iterator[tuple[CommitInfo, list[FileChange]]]:
    """Commits touching the trace, newest first, with the files that belong to it."""
    found = 0
    for commit, raw in reader.repo.history([reader.prefix or "."]):
        files = _strip(reader, raw)
        kept = [f for f in files if trace.follows(f.path) and is_instance_file(f.path)]
        if not kept:
            continue
        gone = [f for f in files if f.status == "D" and not trace.follows(f.path)]
        for added in [f for f in kept if f.status == "A"]:
            if gone and commit.parents and not trace.everything:
                source = reader.repo.renamed_from(
                    commit.parents[0], commit.sha, reader.prefix + added.path, [reader.prefix + g.path for g in gone]
                )
                if source is not None:
                    trace.paths.add(source[len(reader.prefix) :])
                    kept += [g for g in gone if reader.prefix + g.path == source]
        yield commit, kept
        found += 1
        if max_count is not None and found >= max_count:
            return


def history(
    reader: RevisionReader,
    trace: Trace,
    head_config: InstanceConfig,
    names: dict[str, str],
    max_count: int | None = None,
    outline: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> list[HistoryStep]:
    """The semantic history of ``trace``, newest first; ``names`` maps department codes to names.

    ``outline`` False loads every changed file as a model (the reference the tests compare with).
    ``progress`` is told (files described, files changed) as the walk goes, from two threads.
    """
    commits = list(_kept(reader, trace, max_count))
    blobs = Blobs(reader.repo)
    steps: list[HistoryStep] = []
    cache = LoadCache()
    told = _Told(progress, sum(len(files) for _, files in commits))
    # Many small acyclic objects (nodes, dicts, models), as in validate: full collector passes
    # over the growing heap cost 3x the parsing on a 10k-file import commit (issue 12).
    with gc_paused(), Outliner(blobs, cache, on_read=told.add_in_workers) as outliner:
        if outline:  # a large import commit, oldest, is read while the newer ones are diffed
            modelled = _in_place(commits)
            for commit, files in commits:
                outliner.read_ahead(commit.sha, _whole(files), modelled)
        in_workers = dict(outliner.sent)  # by commit; the outliner forgets each once read
        blobs.load(  # but for those the workers read themselves
            sha
            for commit, files in commits
            for f in files
            for sha in (f.old_blob, f.new_blob)
            if sha is not None and (f.path, sha) not in in_workers.get(commit.sha, ())
        )
        for commit, files in commits:
            context = _Commit(commit, files, blobs, cache, head_config, reader.prefix, names)
            result = context.result(outliner if outline else None)
            result.entries = [e for e in result.entries if trace.keeps(e.change.subject, e.change.department)]
            if result.entries:
                steps.append(HistoryStep(commit, result))
            told.add_here(len(files) - len(in_workers.get(commit.sha, ())))
    return steps


def _in_place(commits: list[tuple[CommitInfo, list[FileChange]]]) -> set[tuple[str, str]]:
    """(path, blob) of both sides of every file changed in place: the snapshots load them as models."""
    return {
        (f.path, sha)
        for _, files in commits
        for f in files
        if f.old_blob is not None and f.new_blob is not None
        for sha in (f.old_blob, f.new_blob)
    }


def _whole(files: list[FileChange]) -> list[tuple[str, str]]:
    """(path, blob) of the files added or deleted whole."""
    return [
        (f.path, sha)
        for f in files
        if (f.old_blob is None) != (f.new_blob is None) and (sha := f.new_blob or f.old_blob) is not None
    ]


@dataclass
class _Commit:
    """One commit's changed files, to be diffed."""

    commit: CommitInfo
    files: list[FileChange]
    blobs: Blobs
    cache: LoadCache
    head_config: InstanceConfig
    prefix: str
    names: dict[str, str]

    def result(self, outliner: Outliner | None) -> DiffResult:
        """The commit's semantic changes. Resource files added or deleted whole are outlined
        (no model kept) unless their code is also elsewhere in the commit (a move, a duplicate):
        those, like every other file, are loaded into the two snapshots the diff compares."""
        found = outliner.outlines(self.commit.sha, _whole(self.files)) if outliner is not None else {}
        old, new = self.snapshots(found)
        if outliner is not None:
            outliner.note(old.blobs)
            outliner.note(new.blobs)
        seen = Counter(d.model.code for s in (old, new) for d in s.catalog.resources)
        seen.update(o.code for o in found.values())
        shared = {p for p, o in found.items() if seen[o.code] > 1}
        if shared:  # one pass suffices: the codes of the files added back were already counted
            found = {p: o for p, o in found.items() if p not in shared}
            old, new = self.snapshots(found)
        sides = {f.path: Side.NEW if f.new_blob is not None else Side.OLD for f in self.files}
        outlined = [o.change(sides[p]) for p, o in found.items()]
        published = {o.code: o.published for p, o in found.items() if sides[p] is Side.OLD}
        parents = self.commit.parents
        return build_result(
            old,
            new,
            [f.path for f in self.files],
            {f.path for f in self.files if f.old_blob is not None},
            {f.path for f in self.files if f.new_blob is not None},
            (parents[0][:10] if parents else "∅", self.commit.sha[:10]),
            self.prefix,
            self.names,
            outlined=outlined,
            published=published,
        )

    def snapshots(self, outlined: Collection[str]) -> tuple[Snapshot, Snapshot]:
        """Both sides of the commit, the ``outlined`` paths not loaded (nor read)."""
        loaded = [f for f in self.files if f.path not in outlined]
        self.blobs.load(sha for f in loaded for sha in (f.old_blob, f.new_blob) if sha is not None)
        old_blobs = {f.path: self.blobs[f.old_blob] for f in loaded if f.old_blob is not None}
        new_blobs = {f.path: self.blobs[f.new_blob] for f in loaded if f.new_blob is not None}
        label = self.commit.sha[:12]
        old_config = load_config(old_blobs.get(CONFIG_NAME), label, self.head_config)
        new_config = load_config(new_blobs.get(CONFIG_NAME), label, self.head_config)
        # Parsed without line maps (the plain reader, ~5x faster): Snapshot.locate makes a file's
        # map when one of its changes is shown at a line, about one side in two of a file changed
        # in place, never an added or deleted one (line 1).
        parent = self.commit.parents[0] if self.commit.parents else None
        old_outlined = {f.path for f in self.files if f.old_blob is not None and f.path in outlined}
        new_outlined = {f.path for f in self.files if f.new_blob is not None and f.path in outlined}
        old = build_snapshot(parent, old_blobs, old_config, self.cache, (), old_outlined)
        new = build_snapshot(self.commit.sha, new_blobs, new_config, self.cache, (), new_outlined)
        return old, new
