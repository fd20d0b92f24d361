"""The git layer on real temporary repositories: revisions, trees, changed paths, blobs, history."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from multiprocessing.queues import Queue
from pathlib import Path

import pytest

from govdata.gitops.blobs import BlobPipe
from govdata.gitops.compare import compare
from govdata.gitops.repo import RepositoryError, open_repository
from govdata.gitops.revisions import resolve_range
from govdata.gitops.snapshot import RevisionReader
from tests.gitops.conftest import GitRepo, base_files

RESOURCE = "catalogs/gongan/101002-000001.yaml"


def test_not_a_repository_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RepositoryError) as raised:
        open_repository(tmp_path)
    assert "不在 git 仓库中" in raised.value.text.zh


def test_unknown_revision_is_a_clear_error(git_repo: Callable[..., GitRepo]) -> None:
    repo = open_repository(git_repo(base_files()).root)
    with pytest.raises(RepositoryError) as raised:
        repo.resolve("no-such-branch")
    assert "no-such-branch" in raised.value.text.en


def test_tree_changed_paths_and_blobs_in_one_batch(git_repo: Callable[..., GitRepo]) -> None:
    g = git_repo(base_files())
    first = g.head()
    g.commit(
        {RESOURCE: None, "catalogs/gongan/中文 名.yaml": "a: 1\n", "registry/departments.yaml": "x: 1\n"}, "change"
    )
    repo = open_repository(g.root)
    assert repo.changed_paths(first, g.head()) == [
        "catalogs/gongan/101002-000001.yaml",
        "catalogs/gongan/中文 名.yaml",
        "registry/departments.yaml",
    ]
    tree = repo.tree(g.head(), "catalogs/")
    assert list(tree) == ["catalogs/gongan/中文 名.yaml"]
    assert repo.read_blobs(tree.values()) == {tree["catalogs/gongan/中文 名.yaml"]: b"a: 1\n"}


def test_blobs_read_in_one_batch_are_byte_exact(git_repo: Callable[..., GitRepo]) -> None:
    # Contents that could confuse a reader of cat-file's stream: empty, no final newline, a
    # line like a header, CR LF, bytes that are no UTF-8, and more than a pipe's buffer.
    contents = {
        "a.bin": b"",
        "b.bin": b"no newline",
        "c.bin": b"0123456789012345678901234567890123456789 blob 5\nmissing\n",
        "d.bin": b"\r\n\r\n\xff\xfe\x00",
        "e.bin": bytes(range(256)) * 700,
    }
    g = git_repo({"govdata.yaml": "x: 1\n"})
    for name, data in contents.items():
        (g.root / name).write_bytes(data)
    g.commit({}, "binary")
    repo = open_repository(g.root)
    tree = repo.tree(g.head())
    shas = [tree[name] for name in contents] * 2  # asked twice: read once
    assert repo.read_blobs(shas) == {tree[name]: data for name, data in contents.items()}
    assert repo.read_blobs([]) == {}


def test_a_blob_git_does_not_have_is_an_error(git_repo: Callable[..., GitRepo]) -> None:
    g = git_repo(base_files())
    repo = open_repository(g.root)
    known = next(iter(repo.tree(g.head()).values()))
    with pytest.raises(RepositoryError) as raised:
        repo.read_blobs([known, "1" * 40])
    assert "1" * 40 in raised.value.text.en and "1" * 40 in raised.value.text.zh


def _binary_blobs(g: GitRepo, count: int) -> dict[str, bytes]:
    """``count`` committed files of awkward bytes (one larger than a pipe's buffer), by blob id."""
    contents = {f"{n:03d}.bin": f"{n}\n".encode() * (n % 7) + b"\xff\r\n" for n in range(count)}
    contents["big.bin"] = bytes(range(256)) * 700
    for name, data in contents.items():
        (g.root / name).write_bytes(data)
    g.commit({}, "binary")
    tree = open_repository(g.root).tree(g.head())
    return {tree[name]: data for name, data in contents.items()}


def _read_in_child(pipe: BlobPipe, shas: list[str], answer: Queue[tuple[list[bytes], int]]) -> None:
    found = pipe.read(shas)
    assert pipe._process is not None
    answer.put((found, pipe._process.pid))


def test_a_blob_pipe_reads_in_rounds_and_each_process_through_its_own(git_repo: Callable[..., GitRepo]) -> None:
    g = git_repo({"govdata.yaml": "x: 1\n"})
    contents = _binary_blobs(g, 2 * BlobPipe.ROUND + 5)  # three rounds
    shas = [*contents, *list(contents)[:3]]  # asked twice: given twice, in order
    pipe = BlobPipe(g.root)
    assert pipe.read(shas) == [contents[sha] for sha in shas]
    parent_git = pipe._process
    assert parent_git is not None and parent_git.poll() is None  # kept open for the next read
    # A forked process handed the open pipe reads through a git of its own.
    answer: Queue[tuple[list[bytes], int]] = multiprocessing.get_context("fork").Queue()
    child = multiprocessing.get_context("fork").Process(target=_read_in_child, args=(pipe, shas[:70], answer))
    child.start()
    found, child_git = answer.get(timeout=60)
    assert found == [contents[sha] for sha in shas[:70]]
    assert child_git != parent_git.pid
    child.join(timeout=60)
    assert child.exitcode == 0
    assert pipe.read(shas[-2:]) == [contents[sha] for sha in shas[-2:]]  # the parent's, unharmed
    pipe.close()
    assert parent_git.returncode == 0  # ended, not left behind


def test_a_blob_pipe_names_the_blob_git_does_not_have(git_repo: Callable[..., GitRepo]) -> None:
    g = git_repo(base_files())
    repo = open_repository(g.root)
    known = next(iter(repo.tree(g.head()).values()))
    pipe = BlobPipe(repo.root)
    with pytest.raises(RepositoryError) as raised:
        pipe.read([known, "1" * 40])
    assert "1" * 40 in raised.value.text.en and "1" * 40 in raised.value.text.zh
    assert pipe.read([known]) == list(repo.read_blobs([known]).values())  # a new git after the failure
    pipe.close()


def test_working_tree_changes_include_untracked_files(git_repo: Callable[..., GitRepo]) -> None:
    g = git_repo(base_files())
    g.write({"catalogs/minzheng/new.yaml": "a: 1\n", "registry/legal-bases.yaml": "b: 2\n"})
    repo = open_repository(g.root)
    assert repo.changed_paths(g.head(), None) == ["catalogs/minzheng/new.yaml", "registry/legal-bases.yaml"]


def test_default_range_is_merge_base_with_main_to_working_tree(git_repo: Callable[..., GitRepo]) -> None:
    g = git_repo(base_files())
    fork = g.head()
    g.branch("feature")
    g.commit({"catalogs/gongan/README.md": "x\n"}, "feature work")
    g.switch("main")
    g.commit({"catalogs/minzheng/README.md": "y\n"}, "main moves on")
    g.switch("feature")
    span = resolve_range(open_repository(g.root), None, None)
    assert (span.base, span.head) == (fork, None)
    three_dots = resolve_range(open_repository(g.root), "main...feature", None)
    assert (three_dots.base, three_dots.head) == (fork, g.head())
    two_dots = resolve_range(open_repository(g.root), "main..feature", None)
    assert two_dots.base == g.git("rev-parse", "main")


def test_history_lists_commits_with_blob_ids_and_skips_merge_diffs(git_repo: Callable[..., GitRepo]) -> None:
    g = git_repo(base_files())
    g.branch("feature")
    g.commit({RESOURCE: g.text(RESOURCE).replace("实时", "每日")}, "每日更新", author="李四 <lisi@example.invalid>")
    g.switch("main")
    g.merge("feature", "合并 feature")
    history = list(open_repository(g.root).history(["catalogs/"]))
    # The merge brings nothing its first parent lacks under catalogs/: git leaves it out, and the
    # change is credited to the commit that made it.
    assert [info.subject for info, _ in history] == ["每日更新", "初始目录 / initial catalog"]
    edit, first = (files for _, files in history)
    assert [(f.status, f.path) for f in edit] == [("M", RESOURCE)]
    assert edit[0].old_blob == first[0].new_blob and first[0].old_blob is None
    assert history[0][0].author == "李四"


def test_rename_detection_on_request(git_repo: Callable[..., GitRepo]) -> None:
    g = git_repo(base_files())
    before = g.head()
    g.commit({RESOURCE: None, "catalogs/minzheng/101002-000001.yaml": g.text(RESOURCE)}, "move")
    repo = open_repository(g.root)
    assert repo.renamed_from(before, g.head(), "catalogs/minzheng/101002-000001.yaml", [RESOURCE]) == RESOURCE


def test_instance_in_a_subfolder_of_the_repository(git_repo: Callable[..., GitRepo]) -> None:
    g = git_repo({f"city/{p}": t for p, t in base_files().items()})
    first = g.head()
    text = g.text(f"city/{RESOURCE}").replace("update_cycle: 实时", "update_cycle: 每日")
    g.commit({f"city/{RESOURCE}": text, "README.md": "outside\n"}, "edit")
    reader = RevisionReader.for_instance(open_repository(g.root), g.root / "city")
    assert reader.prefix == "city/"
    result = compare(reader, g.root / "city", first, g.head(), ("a", "b"))
    line = text.splitlines().index("update_cycle: 每日") + 1
    assert [(e.change.kind.value, e.location.path, e.location.line) for e in result.entries] == [
        ("update-cycle-changed", RESOURCE, line)
    ]
    assert result.prefix == "city/"
