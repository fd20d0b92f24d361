"""The validation cache reuses exactly the per-file results whose inputs did not change.

Each test makes a change and checks two things: the warm run reports what a run without the
cache reports, and it re-checked just the files it had to (``files_from_cache``). The
repositories are real git repositories, so content ids come from git's index where it vouches
for them.
"""

from __future__ import annotations

import datetime as dt
import marshal
import os
import struct
import subprocess
import tempfile
from pathlib import Path

import pytest

from govdata.instance import discover, open_instance
from govdata.validation import cache, main_file
from govdata.validation.blobs import blob_id, content_ids, read_index, tracked_under
from govdata.validation.engine import RunResult, load_catalog, validate
from tests.conftest import BASE_INSTANCE, build_instance

TODAY = dt.date(2026, 11, 25)
RESOURCE = "catalogs/gongan/101002-000001.yaml"
RESOURCE_TEXT = (BASE_INSTANCE / RESOURCE).read_text(encoding="utf-8")


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


def _repository(tmp_path: Path, extra: dict[str, str] | None = None) -> Path:
    root = build_instance(tmp_path / "instance", extra)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "catalog")
    return root


def _run(root: Path, **options: object) -> RunResult:
    return validate(open_instance(root), today=TODAY, **options)  # type: ignore[arg-type]


def _findings(result: RunResult) -> list[str]:
    return [f"{d.location} {d.rule_id} {d.message.en}" for d in result.diagnostics]


def _assert_same_as_uncached(root: Path, warm: RunResult) -> None:
    assert _findings(warm) == _findings(_run(root, use_cache=False))


def _files(root: Path) -> int:
    return len([p for p in discover(root) if p.startswith("catalogs/") or p.startswith("grants/")])


def _assert_one_edit_checked_alone(root: Path) -> None:
    """Run, edit one resource, run again: only that file is checked again, and the findings
    are those of a run without the cache."""
    _run(root)
    (root / RESOURCE).write_text(RESOURCE_TEXT + "\n", encoding="utf-8")
    warm = _run(root)
    assert warm.files_from_cache == _files(root) - 1
    _assert_same_as_uncached(root, warm)


def test_content_ids_are_git_blob_ids_and_follow_unstaged_edits(tmp_path: Path) -> None:
    root = _repository(tmp_path)
    (root / RESOURCE).write_text(RESOURCE_TEXT + "\n", encoding="utf-8")  # edited, not staged
    (root / "catalogs/gongan/101002-000009.yaml").write_text(RESOURCE_TEXT, encoding="utf-8")  # untracked
    paths = discover(root)
    ids = content_ids(paths, lambda p: (root / p).read_bytes(), read_index(root))
    for path in paths:
        listed = subprocess.run(
            ["git", "-C", str(root), "hash-object", path], check=True, capture_output=True, text=True
        ).stdout.strip()
        assert ids[path] == listed == blob_id((root / path).read_bytes())


@pytest.mark.parametrize("object_format", ["sha1", "sha256"])
def test_the_index_is_read_as_git_lists_it(tmp_path: Path, object_format: str) -> None:
    """The ids are git's own, for either length of id; a symlink and an edited file get none
    (they are hashed), and tracked files are found by folder."""
    root = build_instance(tmp_path / "instance")
    _git(root, "init", "-q", f"--object-format={object_format}")
    (root / "catalogs/gongan/link.yaml").symlink_to("101002-000001.yaml")
    _git(root, "add", "-A")
    _git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "catalog")
    (root / RESOURCE).write_text(RESOURCE_TEXT + "\n", encoding="utf-8")
    listing = subprocess.run(["git", "-C", str(root), "ls-files", "-s"], check=True, capture_output=True, text=True)
    expected = {}
    for line in listing.stdout.splitlines():
        meta, _, path = line.partition("\t")
        mode, blob, _stage = meta.split()
        if mode == "100644" and path != RESOURCE:
            expected[path] = blob
    index = read_index(root)
    assert index.ids == expected
    assert len(next(iter(index.ids.values()))) == (40 if object_format == "sha1" else 64)
    assert tracked_under(index, "registry") == sorted(p for p in expected if p.startswith("registry/"))
    assert tracked_under(index, cache.FOLDER) == []


def test_second_run_reads_nothing_and_finds_the_same(tmp_path: Path) -> None:
    root = _repository(tmp_path)
    cold = _run(root)
    warm = _run(root)
    assert cold.files_from_cache == 0 and warm.files_from_cache == _files(root)
    assert _findings(warm) == _findings(cold)


def test_an_edited_file_is_checked_again_alone(tmp_path: Path) -> None:
    root = _repository(tmp_path)
    _run(root)
    (root / RESOURCE).write_text(RESOURCE_TEXT.replace("sharing:\n  type: 无条件共享", "sharing:\n  type: 无条件"))
    warm = _run(root)
    assert warm.files_from_cache == _files(root) - 1
    assert any(d.location.path == RESOURCE and d.rule_id == "GD002" for d in warm.diagnostics)
    _assert_same_as_uncached(root, warm)


def _cache_files(root: Path) -> dict[str, bytes]:
    return {saved.name.split(".", 1)[1]: saved.read_bytes() for saved in (root / ".govdata-cache").glob("validate-*")}


def _copies(count: int) -> dict[str, str]:
    """``count`` more resources of the same department, each with its own code and name."""
    return {
        f"catalogs/gongan/101002-{n:06d}.yaml": RESOURCE_TEXT.replace("101002/000001", f"101002/{n:06d}").replace(
            "户籍人口基本信息", f"户籍人口基本信息{n}"
        )
        for n in range(2, count + 2)
    }


def test_a_small_change_is_saved_beside_the_main_file(tmp_path: Path) -> None:
    """One edited file does not rewrite the whole cache: its result goes to the recent file."""
    root = _repository(tmp_path, _copies(8))
    _run(root)
    before = _cache_files(root)
    assert set(before) == {"marshal"}
    (root / RESOURCE).write_text(RESOURCE_TEXT + "# 备注\n", encoding="utf-8")
    _run(root)
    after = _cache_files(root)
    assert set(after) == {"marshal", "recent.marshal"} and after["marshal"] == before["marshal"]
    [(path, blob)] = marshal.loads(after["recent.marshal"]).keys()
    assert (path, blob) == (RESOURCE, blob_id((root / RESOURCE).read_bytes()))
    warm = _run(root)
    assert warm.files_from_cache == _files(root)
    _assert_same_as_uncached(root, warm)


def test_a_large_change_rewrites_the_main_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past an eighth of the main file (here: any change), everything goes into a new main file."""
    monkeypatch.setattr(cache, "RECENT_FLOOR", 0)
    root = _repository(tmp_path, _copies(8))
    _run(root)
    resources = sorted((root / "catalogs").rglob("*.yaml"))[:3]
    for resource in resources:
        resource.write_text(resource.read_text(encoding="utf-8") + "# 备注\n", encoding="utf-8")
    _run(root)
    saved = _cache_files(root)
    assert set(saved) == {"marshal"}
    keys = main_file.decode_entries(saved["marshal"]).keys()
    assert len(keys) == _files(root)
    for resource in resources:
        assert (resource.relative_to(root).as_posix(), blob_id(resource.read_bytes())) in keys
    warm = _run(root)
    assert warm.files_from_cache == _files(root)
    _assert_same_as_uncached(root, warm)


def test_a_file_edited_twice_then_a_large_change_keeps_one_content_per_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The recent file holds both edits of one file; the new main file holds its current one."""
    root = _repository(tmp_path, _copies(8))
    _run(root)
    for comment in ("# 一\n", "# 二\n"):
        (root / RESOURCE).write_text(RESOURCE_TEXT + comment, encoding="utf-8")
        _run(root)
    assert len(marshal.loads(_cache_files(root)["recent.marshal"])) == 2
    monkeypatch.setattr(cache, "RECENT_FLOOR", 0)
    other = sorted((root / "catalogs").rglob("*.yaml"))[-1]
    other.write_text(other.read_text(encoding="utf-8") + "# 三\n", encoding="utf-8")
    _run(root)
    saved = _cache_files(root)
    assert set(saved) == {"marshal"}
    entries = main_file.decode_entries(saved["marshal"])
    assert [blob for path, blob in entries if path == RESOURCE] == [blob_id((root / RESOURCE).read_bytes())]
    warm = _run(root)
    assert warm.files_from_cache == _files(root)
    _assert_same_as_uncached(root, warm)


def test_a_copied_code_is_reported_in_the_untouched_file_too(tmp_path: Path) -> None:
    """GD011 is cross-file: the original file comes from the cache, and is still reported."""
    root = _repository(tmp_path)
    assert not _findings(_run(root))
    copy = "catalogs/gongan/101002-000009.yaml"
    (root / copy).write_text(RESOURCE_TEXT, encoding="utf-8")
    warm = _run(root)
    assert warm.files_from_cache == _files(root) - 1
    duplicated = {d.location.path for d in warm.diagnostics if d.rule_id == "GD011"}
    assert duplicated == {RESOURCE, copy}
    _assert_same_as_uncached(root, warm)


def test_a_copied_file_is_told_apart_from_a_misnamed_one_whatever_was_cached(tmp_path: Path) -> None:
    """GD012's name part is cross-file: a file not named after its code is "copied" while another
    file holds the code, and merely misnamed once that file is gone, though it comes from the cache."""
    root = _repository(tmp_path)
    copy = "catalogs/gongan/101002-000009.yaml"
    (root / copy).write_text(RESOURCE_TEXT, encoding="utf-8")
    _run(root)
    (root / RESOURCE).unlink()
    warm = _run(root)
    assert warm.files_from_cache == _files(root)  # the copy's job result is the cached one
    (named,) = [d.message.en for d in warm.diagnostics if d.rule_id == "GD012"]
    assert "should be named '101002-000001.yaml'" in named
    _assert_same_as_uncached(root, warm)
    (root / RESOURCE).write_text(RESOURCE_TEXT, encoding="utf-8")
    (copied,) = [d.message.en for d in _run(root).diagnostics if d.rule_id == "GD012"]
    assert "looks copied" in copied


def test_a_registry_change_makes_every_file_cold(tmp_path: Path) -> None:
    """Per-file rules read the registries (GD013 compares the provider's registered name)."""
    root = _repository(tmp_path)
    _run(root)
    registry = root / "registry/departments.yaml"
    registry.write_text(registry.read_text(encoding="utf-8").replace("公安局", "公安分局"), encoding="utf-8")
    warm = _run(root)
    assert warm.files_from_cache == 0
    assert any(d.rule_id == "GD013" and d.location.path == RESOURCE for d in warm.diagnostics)
    _assert_same_as_uncached(root, warm)


def test_rule_settings_make_every_file_cold(tmp_path: Path) -> None:
    root = _repository(tmp_path)
    _run(root)
    config = root / "govdata.yaml"
    # A rule option a per-file rule reads: the cached result said "no placeholder" for this file.
    option = "rules:\n  GD109:\n    options:\n      placeholders: [人口信息管理系统]\n"
    config.write_text(config.read_text(encoding="utf-8").replace("rules: {}\n", option), encoding="utf-8")
    warm = _run(root)
    assert warm.files_from_cache == 0
    assert [d.location.path for d in warm.diagnostics if d.rule_id == "GD109"] == [RESOURCE]
    _assert_same_as_uncached(root, warm)


def test_the_day_is_judged_at_every_run(tmp_path: Path) -> None:
    """GD109's release date after today reads the day over the facts, never from the cache."""
    root = _repository(tmp_path)
    (root / RESOURCE).write_text(RESOURCE_TEXT.replace('release_date: "2023-05-01"', 'release_date: "2099-01-01"'))
    early = validate(open_instance(root), today=TODAY)
    late = validate(open_instance(root), today=dt.date(2100, 1, 1))
    assert late.files_from_cache == _files(root)
    assert [d.rule_id for d in early.diagnostics if d.location.path == RESOURCE] == ["GD109"]
    assert not [d for d in late.diagnostics if d.rule_id == "GD109"]


def test_a_damaged_cache_is_a_miss(tmp_path: Path) -> None:
    root = _repository(tmp_path)
    cold = _run(root)
    for saved in (root / ".govdata-cache").glob("validate-*.marshal"):
        saved.write_bytes(b"\x00garbage")
    again = _run(root)
    assert again.files_from_cache == 0 and _findings(again) == _findings(cold)
    assert _run(root).files_from_cache == _files(root)


def test_a_damaged_entry_is_a_miss_and_the_others_are_hits(tmp_path: Path) -> None:
    """One entry's facts and another's findings replaced by numbers: those two files are
    checked again, every other file comes from the cache, and the findings are a cold run's."""
    root = _repository(tmp_path, _copies(3))
    cold = _run(root)
    [main] = [p for p in (root / ".govdata-cache").glob("validate-*.marshal") if ".recent." not in p.name]
    entries = main_file.decode_entries(main.read_bytes())
    resources = [key for key, value in entries.items() if value[2] is not None]
    first, second = resources[:2]
    entries[first] = (entries[first][0], True, 7, *entries[first][3:])  # facts: not a tuple
    entries[second] = (5, *entries[second][1:])  # findings: not a tuple
    main.write_bytes(main_file.encode_entries(entries))
    again = _run(root)
    assert again.files_from_cache == _files(root) - 2
    assert _findings(again) == _findings(cold)


def test_a_cut_main_file_is_a_miss_and_written_whole_again(tmp_path: Path) -> None:
    """A main file cut short (a disk filled up, a cache restored halfway) reads as no cache."""
    root = _repository(tmp_path, _copies(3))
    cold = _run(root)
    [main] = [p for p in (root / ".govdata-cache").glob("validate-*.marshal") if ".recent." not in p.name]
    data = main.read_bytes()
    entries = main_file.decode_entries(data)
    assert len(entries) == _files(root)
    main.write_bytes(data[: -len(data) // 3])
    again = _run(root)
    assert again.files_from_cache == 0 and _findings(again) == _findings(cold)
    assert main_file.decode_entries(main.read_bytes()).keys() == entries.keys()


def test_outside_git_the_content_is_hashed(tmp_path: Path) -> None:
    root = build_instance(tmp_path / "plain")
    _assert_one_edit_checked_alone(root)


def test_without_a_temporary_folder_the_content_is_hashed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """git's listings go to temporary files; when there is nowhere to put them, the files are
    hashed instead, and the cache still works."""
    root = _repository(tmp_path)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no such folder"))
    assert read_index(root).ids == {}
    _assert_one_edit_checked_alone(root)


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    root = _repository(tmp_path)
    _run(root, use_cache=False)
    assert not (root / ".govdata-cache").exists()


def test_a_committed_cache_is_not_trusted(tmp_path: Path) -> None:
    """A pull request could commit a cache that calls a broken file clean: it is ignored and named."""
    root = _repository(tmp_path)
    _run(root)
    broken = RESOURCE_TEXT.replace("sharing:\n  type: 无条件共享", "sharing:\n  type: 无条件").encode()
    # The forgery: the clean file's results filed under the broken file's content id.
    forged = next((root / ".govdata-cache").glob("validate-*.marshal"))
    entries = main_file.decode_entries(forged.read_bytes())
    [clean] = [key for key in entries if key[0] == RESOURCE]
    entries[(RESOURCE, blob_id(broken))] = entries.pop(clean)
    forged.write_bytes(main_file.encode_entries(entries))
    (root / RESOURCE).write_bytes(broken)
    _git(root, "add", "-f", RESOURCE, forged.relative_to(root).as_posix())
    _git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "forged")
    result = _run(root)
    assert result.files_from_cache == 0
    assert any(d.rule_id == "GD002" and d.location.path == RESOURCE for d in result.diagnostics)
    committed = [d for d in result.diagnostics if d.location.path.startswith(".govdata-cache/")]
    assert [d.rule_id for d in committed] == ["GD003"] and "must not be committed" in committed[0].message.en


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path: Path) -> None:
    root = build_instance(tmp_path / "plain")
    (root / ".govdata-cache").write_text("not a folder", encoding="utf-8")
    first, second = _run(root), _run(root)
    assert first.files_from_cache == second.files_from_cache == 0
    assert _findings(first) == _findings(second) == _findings(_run(root, use_cache=False))


def test_an_instance_in_a_subfolder_of_the_repository(tmp_path: Path) -> None:
    """git lists paths relative to the folder it runs in: the ids are still the instance's files'."""
    repository = tmp_path / "repository"
    root = build_instance(repository / "zone")
    _git(repository, "init", "-q", "-b", "main")
    _git(repository, "add", "-A")
    _git(repository, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "catalog")
    assert set(read_index(root).ids) == set(discover(root))  # from git's index, instance-relative
    ids = content_ids(discover(root), lambda p: (root / p).read_bytes(), read_index(root))
    assert ids == {path: blob_id((root / path).read_bytes()) for path in discover(root)}
    _assert_one_edit_checked_alone(root)


def test_a_file_that_cannot_be_read_is_a_located_finding_every_time(tmp_path: Path) -> None:
    root = build_instance(tmp_path / "plain")
    broken = root / "catalogs/gongan/101002-000009.yaml"
    broken.symlink_to(root / "nowhere.yaml")  # a link to nothing: listed, never readable
    for _ in range(2):  # cold, then with the cache: no id, so checked (and reported) again
        result = _run(root)
        found = [d for d in result.diagnostics if d.location.path == "catalogs/gongan/101002-000009.yaml"]
        assert [d.rule_id for d in found] == ["GD001"] and found[0].location.line == 1
        assert found[0].message.zh.startswith("无法读取此文件") and "No such file" in found[0].message.en


def test_a_file_that_cannot_be_read_when_every_model_is_loaded(tmp_path: Path) -> None:
    """publish and evaluate load every model (``load_catalog``): the same finding, no traceback."""
    root = build_instance(tmp_path / "plain")
    (root / "catalogs/gongan/101002-000009.yaml").symlink_to(root / "nowhere.yaml")
    result = _run(root, keep_models=True, use_cache=False)
    assert [d.rule_id for d in result.diagnostics if d.location.path.endswith("101002-000009.yaml")] == ["GD001"]
    instance = open_instance(root)
    _, problems = load_catalog(instance.config, discover(root), lambda p: (root / p).read_bytes())
    assert [d.message.zh[:7] for d in problems if d.location.path.endswith("101002-000009.yaml")] == ["无法读取此文件"]


def _facts_order(result: RunResult) -> list[tuple[object, ...]]:
    return [tuple(facts) for facts in result.catalog.resource_facts]


def test_the_facts_are_in_path_order_whatever_came_from_the_cache(tmp_path: Path) -> None:
    """Unchanged resources come back as their facts alone, changed and new ones as results:
    the cross-file rules see them in the order a run without the cache gives them."""
    root = _repository(tmp_path, _copies(6))
    _run(root)
    (root / "catalogs/gongan/101002-000004.yaml").write_text(RESOURCE_TEXT.replace("101002/000001", "101002/000004"))
    new = _copies(9)["catalogs/gongan/101002-000010.yaml"]
    (root / "catalogs/gongan/101002-000000.yaml").write_text(new.replace("000010", "000000"), encoding="utf-8")
    warm = _run(root)
    assert warm.files_from_cache == _files(root) - 2
    cold = _run(root, use_cache=False)
    assert _facts_order(warm) == _facts_order(cold)
    assert [facts[0] for facts in _facts_order(warm)] == sorted(facts[0] for facts in _facts_order(warm))
    _assert_same_as_uncached(root, warm)


def test_the_main_file_holds_the_usual_result_as_facts_alone(tmp_path: Path) -> None:
    """Resources without findings are rows of facts; a file with findings keeps its whole result."""
    root = _repository(tmp_path, _copies(2))
    (root / RESOURCE).write_text(RESOURCE_TEXT.replace("sharing:\n  type: 无条件共享", "sharing:\n  type: 无条件"))
    _run(root, processes=2)  # facts pickled back from workers, as in a large run
    [main] = [p for p in (root / ".govdata-cache").glob("validate-*.marshal") if ".recent." not in p.name]
    columns = main_file.load_main(main.read_bytes())
    assert list(columns.paths) == sorted(columns.paths)
    with_findings = {columns.paths[position] for position in columns.others}
    assert RESOURCE in with_findings and "catalogs/gongan/101002-000002.yaml" not in with_findings
    clean = [facts for facts in columns.facts if facts is not None]
    assert clean and all(facts[0] in columns.paths for facts in clean)
    # Each text is saved once: a row's path is the paths column's object, its department the others'.
    by_path = dict(zip(columns.paths, columns.facts, strict=True))
    assert all(by_path[path] is None or by_path[path][0] is path for path in columns.paths)  # type: ignore[index]
    assert len({id(facts[4]) for facts in clean}) == 1 < len(clean)


@pytest.mark.parametrize(
    "damage",
    [
        "nothing",
        "paths out of order",
        "a path twice",
        "a row of facts too short",
        "a gap without a result",
        "a base of text",
    ],
)
def test_a_main_file_of_another_shape_is_a_miss(tmp_path: Path, damage: str) -> None:
    """Part 1 is checked as a whole before any result is trusted from it."""
    root = _repository(tmp_path, _copies(3))
    cold = _run(root)
    [main] = [p for p in (root / ".govdata-cache").glob("validate-*.marshal") if ".recent." not in p.name]
    columns = main_file.load_main(main.read_bytes())
    paths, blobs, facts, others = list(columns.paths), columns.blobs, list(columns.facts), dict(columns.others)
    position = facts.index(next(row for row in facts if row is not None))
    base = None if columns.base is None else tuple(columns.base)
    if damage == "paths out of order":
        paths[0], paths[1] = paths[1], paths[0]
    elif damage == "a path twice":
        paths[1] = paths[0]
    elif damage == "a base of text":
        base = ("git's listing", ())
    elif damage == "a row of facts too short":
        facts[position] = facts[position][:-1]  # type: ignore[index]
    elif damage == "a gap without a result":
        facts[position] = None
    data = main.read_bytes()
    header = struct.Struct("<QQQ")
    first = header.unpack_from(data)[0]
    rest = data[header.size + first :]
    part = marshal.dumps((tuple(paths), blobs, tuple(facts), others, columns.collected, base))
    main.write_bytes(header.pack(len(part), *header.unpack_from(data)[1:]) + part + rest)
    again = _run(root)
    assert _findings(again) == _findings(cold)
    # Rewritten as it was, the file is used: the damage alone makes it a miss.
    assert again.files_from_cache == 0 if damage != "nothing" else again.files_from_cache > 0


def test_item_facts_of_a_main_file_replaced_during_the_run_are_refused(tmp_path: Path) -> None:
    """The item facts are read from the main file when first asked for: if another run has
    replaced the file since its first part was read, they are refused, not mixed."""
    root = _repository(tmp_path, _copies(2))
    _run(root)
    [main] = [p for p in (root / ".govdata-cache").glob("validate-*.marshal") if ".recent." not in p.name]
    context = main.name.removeprefix(cache.PREFIX).removesuffix(".marshal")
    reading = cache.ResultCache(root, context)
    assert reading.items(RESOURCE).items
    replacement = main.with_name("replacement")
    replacement.write_bytes(main.read_bytes())
    os.replace(replacement, main)  # the same bytes in a new file, as ``atomic_write`` leaves it
    with pytest.raises(ValueError, match="replaced"):
        reading.items(RESOURCE)
    assert cache.ResultCache(root, context).items(RESOURCE).items
