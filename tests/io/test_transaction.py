"""Write transactions: compare-and-swap under the instance lock, modes, stray files, journal."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from govdata.errors import WriteError
from govdata.io.atomic import atomic_write, is_temporary, stray_temporaries
from govdata.io.transaction import (
    JOURNAL_FILE,
    ChangedSinceRead,
    Transaction,
    digest,
    instance_lock,
    interrupted_run,
)


def test_commit_writes_what_was_read_and_changed(tmp_path: Path) -> None:
    (tmp_path / "grants").mkdir()
    (tmp_path / "grants/a.yaml").write_text("a: 1\n", encoding="utf-8")
    transaction = Transaction(tmp_path, "test")
    assert transaction.read("grants/a.yaml") == b"a: 1\n"
    transaction.commit({"grants/a.yaml": "a: 2\n", "grants/new.yaml": "b: 1\n"})
    assert (tmp_path / "grants/a.yaml").read_text() == "a: 2\n"
    assert (tmp_path / "grants/new.yaml").read_text() == "b: 1\n"
    assert not (tmp_path / JOURNAL_FILE).exists()


def test_a_file_changed_since_read_stops_the_whole_commit(tmp_path: Path) -> None:
    (tmp_path / "grants").mkdir()
    for name in ("a", "b"):
        (tmp_path / f"grants/{name}.yaml").write_text(f"{name}: 1\n", encoding="utf-8")
    transaction = Transaction(tmp_path, "test")
    transaction.read("grants/a.yaml")
    transaction.read("grants/b.yaml")
    (tmp_path / "grants/b.yaml").write_text("b: edited\n", encoding="utf-8")  # someone else
    with pytest.raises(ChangedSinceRead) as raised:
        transaction.commit({"grants/a.yaml": "a: 2\n", "grants/b.yaml": "b: 2\n"})
    assert raised.value.exit_code == 2
    assert "已被他人修改" in raised.value.text.zh and "changed by someone else" in raised.value.text.en
    assert (tmp_path / "grants/a.yaml").read_text() == "a: 1\n"  # nothing written
    assert (tmp_path / "grants/b.yaml").read_text() == "b: edited\n"


def test_a_new_file_is_written_only_while_absent(tmp_path: Path) -> None:
    transaction = Transaction(tmp_path, "test")
    (tmp_path / "grants").mkdir()
    (tmp_path / "grants/n.yaml").write_text("taken\n", encoding="utf-8")
    with pytest.raises(ChangedSinceRead):
        transaction.commit({"grants/n.yaml": "mine\n"})  # never read: expected absent
    assert (tmp_path / "grants/n.yaml").read_text() == "taken\n"


def test_reading_a_file_again_after_it_changed_stops(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("1\n")
    transaction = Transaction(tmp_path, "test")
    transaction.read("a.yaml")
    (tmp_path / "a.yaml").write_text("2\n")
    with pytest.raises(ChangedSinceRead):
        transaction.read("a.yaml")


def test_the_lock_excludes_a_second_holder(tmp_path: Path) -> None:
    order: list[str] = []
    with instance_lock(tmp_path):
        waiter = threading.Thread(target=lambda: _hold(tmp_path, order))
        waiter.start()
        time.sleep(0.2)
        order.append("first released")
    waiter.join()
    assert order == ["first released", "second held"]


def _hold(root: Path, order: list[str]) -> None:
    with instance_lock(root):
        order.append("second held")


def test_new_files_get_the_umask_mode_and_existing_files_keep_theirs(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        atomic_write(tmp_path / "new.yaml", "x\n")
        assert stat.S_IMODE((tmp_path / "new.yaml").stat().st_mode) == 0o644
        (tmp_path / "old.yaml").write_text("x\n")
        os.chmod(tmp_path / "old.yaml", 0o664)
        atomic_write(tmp_path / "old.yaml", "y\n")
        assert stat.S_IMODE((tmp_path / "old.yaml").stat().st_mode) == 0o664
    finally:
        os.umask(mask)
    assert not [p for p in tmp_path.iterdir() if is_temporary(p.name)]


def test_a_failed_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    with pytest.raises(UnicodeEncodeError):
        atomic_write(tmp_path / "a.yaml", "\ud800")  # a lone surrogate cannot be written as UTF-8
    assert list(tmp_path.iterdir()) == []


def test_sigterm_during_a_write_removes_the_temporary_file(tmp_path: Path) -> None:
    script = (
        "import sys, time, govdata.io.atomic as a\n"
        "from pathlib import Path\n"
        "real = a.os.replace\n"
        "def slow(*args):\n"
        "    print('writing', flush=True); time.sleep(30); real(*args)\n"
        "a.os.replace = slow\n"
        f"a.atomic_write(Path({str(tmp_path / 'f.yaml')!r}), 'x\\n')\n"
    )
    with subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        assert process.stdout.readline() == "writing\n"
        assert [p for p in tmp_path.iterdir() if is_temporary(p.name)]  # the write is under way
        process.terminate()
        assert process.wait(timeout=20) == 128 + 15
    assert list(tmp_path.iterdir()) == []


def test_stray_temporaries_are_swept_by_the_next_commit(tmp_path: Path) -> None:
    (tmp_path / "grants/x").mkdir(parents=True)
    stray = tmp_path / "grants/x/.a.yaml.abc123.govdata.tmp"
    legacy = tmp_path / "grants/x/.a.yaml.q1w2e3.tmp"
    stray.write_text("half")
    legacy.write_text("half")
    assert stray_temporaries(tmp_path, ("grants",)) == sorted([stray, legacy])
    Transaction(tmp_path, "test").commit({"grants/x/b.yaml": "b: 1\n"})
    assert not stray.exists() and not legacy.exists()


def test_an_interrupted_multi_file_commit_says_how_far_it_got(tmp_path: Path) -> None:
    (tmp_path / "responsibility").mkdir()
    (tmp_path / "responsibility/a.yaml").write_text("new a\n")
    (tmp_path / "responsibility/b.yaml").write_text("old b\n")
    journal = {
        "label": "responsibility build",
        "files": [
            {"path": "responsibility/a.yaml", "before": digest(b"old a\n"), "after": digest(b"new a\n")},
            {"path": "responsibility/b.yaml", "before": digest(b"old b\n"), "after": digest(b"new b\n")},
        ],
    }
    (tmp_path / JOURNAL_FILE).parent.mkdir()
    (tmp_path / JOURNAL_FILE).write_text(json.dumps(journal))
    notice = interrupted_run(tmp_path)
    assert notice is not None and "1/2" in notice.zh and "1 of 2" in notice.en
    assert interrupted_run(tmp_path / "elsewhere") is None


def _journal_of(root: Path, files: dict[str, bytes]) -> Path:
    """A journal of a write of ``files`` (path to the bytes it wrote), as a killed run leaves it."""
    entries = [{"path": path, "before": None, "after": digest(data)} for path, data in files.items()]
    journal = root / JOURNAL_FILE
    journal.parent.mkdir(exist_ok=True)
    journal.write_text(json.dumps({"label": "responsibility build", "files": entries}))
    return journal


def test_a_journal_whose_writes_all_landed_is_stale_and_the_next_commit_removes_it(tmp_path: Path) -> None:
    # Killed between its last write and the journal's removal: the next run has nothing to
    # write, and the journal stayed for good (found by test_kill_9_during_responsibility_build).
    (tmp_path / "responsibility").mkdir()
    (tmp_path / "responsibility/a.yaml").write_text("new a\n")
    (tmp_path / "responsibility/b.yaml").write_text("new b\n")
    journal = _journal_of(tmp_path, {"responsibility/a.yaml": b"new a\n", "responsibility/b.yaml": b"new b\n"})
    assert interrupted_run(tmp_path) is None
    Transaction(tmp_path, "responsibility build").commit({})
    assert not journal.exists()


def test_a_commit_with_nothing_to_write_keeps_an_unfinished_or_damaged_journal(tmp_path: Path) -> None:
    (tmp_path / "responsibility").mkdir()
    (tmp_path / "responsibility/a.yaml").write_text("new a\n")
    journal = _journal_of(tmp_path, {"responsibility/a.yaml": b"new a\n", "responsibility/b.yaml": b"new b\n"})
    Transaction(tmp_path, "fmt").commit({})
    assert journal.exists() and interrupted_run(tmp_path) is not None  # b never landed: still said
    journal.write_text("{not json")
    Transaction(tmp_path, "fmt").commit({})
    assert journal.exists()  # damaged: named by validate, for a person to look at


def test_a_lock_that_cannot_be_created_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / ".govdata-cache").write_text("a file where the folder should be")
    with pytest.raises(WriteError) as raised, instance_lock(tmp_path):
        pass
    assert "写入锁" in raised.value.text.zh and "nothing was written" in raised.value.text.en
