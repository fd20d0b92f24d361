"""``log`` describes resource files added or deleted whole from outlines, not models (issue 12):
its output must be the one of loading every file as a model, in one process or in workers."""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from govdata.cli.owners import working_registry
from govdata.gitops.blobs import Blobs
from govdata.gitops.history import HistoryStep, history, trace_all
from govdata.gitops.outline import Outliner
from govdata.gitops.repo import Repository, RepositoryError, open_repository
from govdata.gitops.snapshot import LoadCache, RevisionReader, build_snapshot
from govdata.i18n import Lang
from govdata.instance import open_instance
from govdata.model.config import InstanceConfig
from govdata.report.diff_base import DiffOptions
from govdata.report.history import json_report, text_report
from tests.gitops.conftest import GitRepo
from tests.gitops.scenario import GONGAN, GONGAN_NEW, GRANT, MINZHENG, imported_resources, initial_files, recoded

MOVED = "catalogs/gongan/307004-000001.yaml"
BROKEN = "catalogs/gongan/101002-000003.yaml"
TWIN = ("catalogs/gongan/101002-000004.yaml", "catalogs/minzheng/101002-000004.yaml")


def _steps(g: GitRepo, **options: Any) -> list[HistoryStep]:
    """The history of the whole instance, as ``log`` walks it."""
    instance = open_instance(g.root, None)
    reader = RevisionReader.for_instance(open_repository(g.root), g.root)
    names = {d.code: d.name for d in working_registry(instance).departments}
    return history(reader, trace_all(), instance.config, names, **options)


def _outputs(g: GitRepo, outline: bool) -> tuple[str, str]:
    """``log --format json`` and the text ``log`` of the whole instance, from the library."""
    steps = _steps(g, outline=outline)
    as_json, as_text = io.StringIO(), io.StringIO()
    json_report("*", steps, Lang.ZH, as_json, DiffOptions(None))
    text_report("*", steps, Lang.EN, as_text)
    return as_json.getvalue(), as_text.getvalue()


def instance_config(g: GitRepo) -> InstanceConfig:
    return open_instance(g.root, None).config


def _imported(git_repo: Callable[..., GitRepo]) -> tuple[GitRepo, Repository, list[tuple[str, str]]]:
    """A repository whose last commit is :func:`imported_resources`, and that commit's (path, blob) jobs."""
    files = initial_files()
    g = git_repo(files)
    g.commit(imported_resources(files), "导入 250 个信息资源")
    repo = open_repository(g.root)
    tree = repo.tree(g.head())
    return g, repo, [(path, tree[path]) for path in imported_resources(files)]


def test_added_deleted_moved_twin_and_broken_files_give_the_entries_of_full_models(
    git_repo: Callable[..., GitRepo],
) -> None:
    g = git_repo(initial_files())
    base = g.text(GONGAN)
    grant = g.text(GRANT).replace("title: 低保申请人户籍信息核验", "title: 低保申请人户籍信息核验（续）")
    g.commit(
        {
            GONGAN: None,  # published, and a grant in force relies on it (the grant is edited too)
            GRANT: grant,
            GONGAN_NEW: recoded(base, "101002/000002"),
            MINZHENG: None,  # the same code added elsewhere: a move, compared model to model
            MOVED: g.text(MINZHENG),
            BROKEN: recoded(base, "101002/000003").replace("update_cycle: 实时", "update_cycle: 每刻"),
            TWIN[0]: recoded(base, "101002/000004"),
            TWIN[1]: recoded(base, "101002/000004").replace("name: 户籍人口基本信息", "name: 重名"),
        },
        "一次提交里的增、删、移、坏、重",
    )
    outlined, modelled = _outputs(g, True), _outputs(g, False)
    assert outlined == modelled
    changes = json.loads(outlined[0])["commits"][0]["changes"]
    by_kind = {(c["kind"], c["path"]): c for c in changes}
    removed = by_kind["resource-removed", GONGAN]
    assert removed["breaking"] and len(removed["relied_on"]) == 2, removed  # the published catalog and the grant
    assert ("resource-added", GONGAN_NEW) in by_kind and ("resource-moved", MOVED) in by_kind
    assert ("file-invalid", BROKEN) in by_kind
    assert ("resource-added", TWIN[0]) in by_kind and ("resource-added", TWIN[1]) not in by_kind  # first path wins


def test_outliner_reads_only_clean_resource_files(git_repo: Callable[..., GitRepo]) -> None:
    files = initial_files()
    files[BROKEN] = recoded(files[GONGAN], "101002/000003").replace("update_cycle: 实时", "update_cycle: 每刻")
    blobs = {path: text.encode() for path, text in files.items()}
    with Outliner(Blobs(known=blobs), LoadCache()) as outliner:
        found = outliner.outlines("c", [(path, path) for path in blobs])
    assert sorted(found) == [GONGAN, MINZHENG]  # not the broken one, the grant or the registries
    assert found[GONGAN].code == "101002/000001" and found[GONGAN].published
    assert found[MINZHENG].provider == "11419001MB0539268D"


def _imported_then_deleted(git_repo: Callable[..., GitRepo], deleted: int) -> tuple[GitRepo, dict[str, str]]:
    """A repository with :func:`imported_resources` committed, then the first ``deleted`` of them removed."""
    files = initial_files()
    many = imported_resources(files)
    g = git_repo(files)
    g.commit(many, "导入 250 个信息资源")
    g.commit(dict.fromkeys(list(many)[:deleted]), f"删除 {deleted} 个")
    return g, many


def test_a_large_commit_is_read_in_workers_with_the_same_result(git_repo: Callable[..., GitRepo]) -> None:
    g, many = _imported_then_deleted(git_repo, 220)
    jobs = [(path, path) for path in many]
    blobs = {path: text.encode() for path, text in many.items()}
    with Outliner(Blobs(known=blobs), LoadCache(), processes=2) as outliner:
        outliner.read_ahead("import", jobs)
        assert "import" in outliner.pending  # went to the workers
        in_workers = outliner.outlines("import", jobs)
    with Outliner(Blobs(known=blobs), LoadCache(), processes=1) as outliner:
        outliner.read_ahead("import", jobs)
        assert not outliner.pending
        assert outliner.outlines("import", jobs) == in_workers
    assert len(in_workers) == 250
    outlined = _outputs(g, True)
    assert outlined == _outputs(g, False)
    commits = json.loads(outlined[0])["commits"]
    assert [len(c["changes"]) for c in commits[:2]] == [220, 250]


def test_files_an_import_shares_with_later_edits_are_outlined_from_their_models(
    git_repo: Callable[..., GitRepo],
) -> None:
    files = initial_files()
    many = imported_resources(files)
    edited = list(many)[:3]
    g = git_repo(files)
    g.commit(many, "导入 250 个信息资源")
    g.commit({p: many[p].replace("name: 户籍人口基本信息", "name: 改名") for p in edited}, "改 3 个")
    outlined = _outputs(g, True)
    assert outlined == _outputs(g, False)
    commits = json.loads(outlined[0])["commits"]
    assert [len(c["changes"]) for c in commits[:2]] == [3, 250]

    jobs = [(path, path) for path in many]
    blobs = {path: text.encode() for path, text in many.items()}
    held = set(jobs[:3])
    with Outliner(Blobs(known=blobs), LoadCache(), processes=1) as outliner:
        everything = outliner.outlines("import", jobs)
    for noted in (False, True):  # held back: noted from a snapshot's models, or read here if none came first
        cache = LoadCache()
        with Outliner(Blobs(known=blobs), cache, processes=2) as outliner:
            outliner.read_ahead("import", jobs, held)
            assert outliner.sent["import"] == set(jobs) - held  # the workers do not read them
            if noted:
                snapshot = build_snapshot("c", {p: blobs[p] for p, _ in held}, instance_config(g), cache)
                outliner.note(snapshot.blobs)
                assert len(outliner.noted) == 3
            found = outliner.outlines("import", jobs)
        assert found == everything and list(found) == list(everything)
    # Files held back by a second large commit, after a first note: noted all the same.
    cache = LoadCache()
    with Outliner(Blobs(known=blobs), cache, processes=2) as outliner:
        outliner.read_ahead("import", jobs[:200], set(jobs[:3]))
        outliner.note(build_snapshot("c", {p: blobs[p] for p, _ in jobs[:3]}, instance_config(g), cache).blobs)
        outliner.read_ahead("more", jobs[200:], set(jobs[200:203]))
        outliner.note(build_snapshot("d", {p: blobs[p] for p, _ in jobs[200:203]}, instance_config(g), cache).blobs)
        assert len(outliner.noted) == 6
        assert {**outliner.outlines("import", jobs[:200]), **outliner.outlines("more", jobs[200:])} == everything


def test_workers_read_a_large_commits_blobs_themselves(git_repo: Callable[..., GitRepo]) -> None:
    _, repo, jobs = _imported(git_repo)
    blobs = Blobs(repo)
    with Outliner(blobs, LoadCache(), processes=2) as outliner:
        outliner.read_ahead("import", jobs)
        in_workers = outliner.outlines("import", jobs)
    assert not blobs.known  # this process read none of them
    with Outliner(Blobs(repo), LoadCache(), processes=1) as outliner:
        assert outliner.outlines("import", jobs) == in_workers
    assert len(in_workers) == 250 and in_workers[jobs[0][0]].code == "101002/000100"


def test_a_large_commits_broken_twin_and_later_deleted_files_give_the_entries_of_full_models(
    git_repo: Callable[..., GitRepo],
) -> None:
    files = initial_files()
    base = files[GONGAN]
    many = imported_resources(files)
    broken, twin, deleted = "catalogs/gongan/101002-000100.yaml", "catalogs/minzheng/101002-000101.yaml", list(many)[5]
    many[broken] = many[broken].replace("update_cycle: 实时", "update_cycle: 每刻")  # outlined as nothing
    many[twin] = recoded(base, "101002/000101")  # its code twice in the commit: both loaded as models
    g = git_repo(files)
    g.commit(many, "导入 251 个信息资源")
    g.commit({deleted: None}, "删除 1 个")
    outlined = _outputs(g, True)
    assert outlined == _outputs(g, False)
    commits = json.loads(outlined[0])["commits"]
    kinds = {(c["kind"], c["path"]) for c in commits[1]["changes"]}
    assert ("file-invalid", broken) in kinds and ("resource-added", twin) not in kinds
    assert [c["kind"] for c in commits[0]["changes"]] == ["resource-removed"]


def test_a_blob_a_worker_cannot_read_stops_the_walk_with_a_clear_error(git_repo: Callable[..., GitRepo]) -> None:
    _, repo, jobs = _imported(git_repo)
    jobs[-1] = (jobs[-1][0], "1" * 40)  # git has no such object (a shallow or damaged clone)
    with Outliner(Blobs(repo), LoadCache(), processes=2) as outliner:
        outliner.read_ahead("import", jobs)
        with pytest.raises(RepositoryError) as raised:  # from the worker, whole: not a hang
            for part in outliner.pending["import"]:
                part.get(timeout=120)
    assert "1" * 40 in raised.value.text.zh and "1" * 40 in raised.value.text.en


def _cat_files_in(root: Path) -> list[int]:
    """Live ``git cat-file`` processes working in ``root`` (from Linux's /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        with contextlib.suppress(OSError):
            if (
                entry.name.isdigit()
                and b"cat-file" in (entry / "cmdline").read_bytes()
                and (entry / "cwd").resolve() == root.resolve()
            ):
                found.append(int(entry.name))
    return found


def test_the_workers_gits_end_with_the_walk(git_repo: Callable[..., GitRepo]) -> None:
    g, repo, jobs = _imported(git_repo)
    with Outliner(Blobs(repo), LoadCache(), processes=2) as outliner:
        outliner.read_ahead("import", jobs)
        assert len(outliner.outlines("import", jobs)) == 250
        assert len(_cat_files_in(g.root)) == 2  # one per worker, kept open between its tasks
        assert outliner.pool is not None
        workers = list(outliner.pool._pool)  # type: ignore[attr-defined]
    # The workers ended normally (not killed), so each closed its git and waited for it.
    assert [w.exitcode for w in workers] == [0, 0]
    assert _cat_files_in(g.root) == []


def test_a_file_with_repeated_item_names_is_invalid_in_log_as_in_validate(git_repo: Callable[..., GitRepo]) -> None:
    # validate refuses two items of one name (everything finds an item by its name); log and its
    # outlines had loaded such a file and compared its items, the second confused with the first.
    files = initial_files()
    repeated = "  - name: 公民身份号码\n"
    g = git_repo(files)
    g.commit({GONGAN: files[GONGAN].replace("  - name: 姓名\n", repeated)}, "第二个信息项改成与第一个同名")
    many = imported_resources(files)
    added = list(many)[7]
    many[added] = many[added].replace("  - name: 姓名\n", repeated)
    g.commit(many, "导入 250 个信息资源，其一有重名信息项")
    outlined = _outputs(g, True)
    assert outlined == _outputs(g, False)
    imported, edited = json.loads(outlined[0])["commits"][:2]
    assert [(c["kind"], c["path"]) for c in edited["changes"]] == [("file-invalid", GONGAN)]
    kinds = {c["path"]: c["kind"] for c in imported["changes"]}
    assert kinds[added] == "file-invalid" and len(kinds) == 250


def test_progress_counts_each_changed_file_once_from_both_threads(git_repo: Callable[..., GitRepo]) -> None:
    g, _ = _imported_then_deleted(git_repo, 3)
    told: list[tuple[int, int]] = []
    steps = _steps(g, progress=lambda done, total: told.append((done, total)))
    changed = sum(len(step.result.changed) for step in steps)
    assert {total for _, total in told} == {changed} and changed >= 253
    assert max(done for done, _ in told) == changed  # every file, none twice
    assert len(told) >= len(steps) + 250 // 64  # the workers' chunks told as they came back
