"""What each department collects (GD107's sums) is kept in the cache and brought up to date.

A cached run starts from the main file's sums and corrects them by the files whose content
differs. After every kind of change GD107 cares about (an item collected, then obtained, a
citation to nothing, a data subject, a provider, an element id, a file deleted or moved), the
sums the cached run used equal those counted from every file, its findings are those of a run
without the cache, and it did not count from every file. Both ways the cache saves a change are
run: beside the main file, and in a new main file.
"""

from __future__ import annotations

import datetime as dt
import marshal
import random
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest

from govdata.instance import open_instance
from govdata.model.collected import Collected
from govdata.validation import cache, main_file
from govdata.validation.engine import RunResult, validate
from govdata.validation.item_table import ItemTable
from tests.conftest import BASE_INSTANCE, build_instance

TODAY = dt.date(2026, 11, 25)
GONGAN = "catalogs/gongan/101002-000001.yaml"
GONGAN_TEXT = (BASE_INSTANCE / GONGAN).read_text(encoding="utf-8")
MINZHENG = "catalogs/minzheng/307004-000001.yaml"
SHICHANG = "catalogs/shichang/203001-000001.yaml"
DEPARTMENTS = {
    "minzheng": ("11419001MB0539268D", "测试区民政局"),
    "shichang": ("11419001MB17641093", "测试区市场监督管理局"),
}
Item = tuple[str, str | None, str | None]  # name, the resource it is obtained from, element id


def _resource(code: str, department: str, items: list[Item], subject: str = "自然人") -> str:
    provider, name = DEPARTMENTS[department]
    lines = [
        f'code: "{code}"',
        f"name: 登记信息{code[-1]}",
        f"provider:\n  code: {provider}\n  name: {name}",
        f"classification:\n  class: 部门信息资源\n  group: {name}政务数据目录",
        "abstract: 登记的当事人和登记日期。",
        "format:\n  category: 数据库\n  type: mysql",
        "items:",
    ]
    for item, source, element in items:
        lines.append(f"  - name: {item}\n    data_type: C\n    length: 50\n    personal_info: 个人信息")
        if element is not None:
            lines.append(f"    element_id: {element}")
        if source is not None:
            lines.append(f'    obtained_from: {{resource: "{source}", item: {item}}}')
    lines += [
        "sharing:\n  type: 无条件共享\n  methods: [接口]",
        "opening:\n  type: 不予开放\n  basis: [pipl]",
        'update_cycle: 每日\nrelease_date: "2024-03-15"\naggregation:\n  mode: 实时汇聚',
        f"data_subject: {subject}\nsecurity_level: 一般数据2级\n",
    ]
    return "\n".join(lines)


def _write(root: Path, path: str, text: str) -> None:
    (root / path).parent.mkdir(parents=True, exist_ok=True)
    (root / path).write_text(text, encoding="utf-8")


def _changes(root: Path) -> Iterator[tuple[str, str | None]]:
    """Each change made in ``root``, with the rule the changed instance should show (or None)."""
    base: list[Item] = [("公民身份号码", "101002/000001", None), ("婚姻登记日期", None, None)]
    _write(root, MINZHENG, _resource("307004/000001", "minzheng", [*base, ("姓名", None, None)]))
    yield "姓名 collected by two departments", "GD107"
    _write(root, MINZHENG, _resource("307004/000001", "minzheng", [*base, ("姓名", "101002/000001", None)]))
    yield "姓名 obtained from the source", None
    _write(root, MINZHENG, _resource("307004/000001", "minzheng", [*base, ("曾用名", "101002/000001", None)]))
    yield "a citation of an item the source lacks", "GD107"
    _write(root, MINZHENG, _resource("307004/000001", "minzheng", [*base, ("姓名", None, None)], "法人和其他组织"))
    yield "another data subject: 姓名 no longer the same data", None
    _write(root, SHICHANG, _resource("203001/000001", "shichang", [("婚姻登记日期", None, "DE0001")]))
    _write(root, MINZHENG, _resource("307004/000001", "minzheng", [*base, ("登记日期", None, "DE0001")]))
    yield "one element id collected by two departments", "GD107"
    (root / SHICHANG).unlink()
    yield "a file deleted", None
    moved = "catalogs/shichang/307004-000001.yaml"
    (root / MINZHENG).rename(root / moved)
    yield "a file moved to another department's folder", "GD012"
    _write(root, moved, _resource("307004/000001", "shichang", [*base, ("姓名", None, None)]))
    yield "its provider changed to that department", "GD107"
    _write(root, moved, _resource("307004/000001", "shichang", [*base, ("姓名", "101002/000001", None)]))
    yield "姓名 obtained again", None
    _write(root, GONGAN, GONGAN_TEXT.replace("  - name: 公民身份号码\n", "  - name: 身份证号码\n"))
    yield "the cited item renamed in the source", "GD107"


def _run(root: Path, **options: object) -> RunResult:
    return validate(open_instance(root), today=TODAY, **options)  # type: ignore[arg-type]


def _findings(result: RunResult) -> list[str]:
    return [f"{d.location} {d.rule_id} {d.message.en}" for d in result.diagnostics]


def _counting(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How often the sums are counted from every file, and how many item facts are decoded."""
    calls = {"counted": 0, "decoded": 0}
    count, decode = Collected.of.__func__, ItemTable.decode  # type: ignore[attr-defined]

    def counted(cls: type[Collected], *args: object) -> Collected:
        calls["counted"] += 1
        return count(cls, *args)  # type: ignore[no-any-return]

    def decoded(self: ItemTable, data: bytes) -> object:
        calls["decoded"] += 1
        return decode(self, data)

    monkeypatch.setattr(Collected, "of", classmethod(counted))
    monkeypatch.setattr(ItemTable, "decode", decoded)
    return calls


@pytest.mark.parametrize("saved", ["beside the main file", "in a new main file"])
def test_the_sums_follow_every_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, saved: str) -> None:
    if saved == "in a new main file":
        monkeypatch.setattr(cache, "RECENT_FLOOR", 0)
    root = build_instance(tmp_path / "instance")
    _run(root)
    calls = _counting(monkeypatch)
    for change, rule in _changes(root):
        calls["counted"] = 0
        warm = _run(root)
        assert calls["counted"] == 0, f"{change}: counted from every file"
        uncached = _run(root, use_cache=False)
        assert _findings(warm) == _findings(uncached), change
        assert warm.catalog.collected == uncached.catalog.collection(), change
        found = {d.rule_id for d in warm.diagnostics}
        assert rule is None or rule in found, change
        assert ("GD107" in found) == (rule == "GD107"), change


def _copies(count: int) -> dict[str, str]:
    return {
        f"catalogs/gongan/101002-{n:06d}.yaml": GONGAN_TEXT.replace("101002/000001", f"101002/{n:06d}")
        for n in range(2, count + 2)
    }


def test_a_change_reads_the_items_of_the_files_it_touches_not_of_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nine resources of one department, one of another obtaining from the first: an edited
    resource has its old item facts taken out of the sums, and the cited resource is read to
    resolve the citation; the other eight are not read."""
    minzheng = _resource("307004/000001", "minzheng", [("姓名", "101002/000001", None)])
    root = build_instance(tmp_path / "instance", {**_copies(8), MINZHENG: minzheng})
    _run(root)
    edited = root / "catalogs/gongan/101002-000005.yaml"
    edited.write_text(edited.read_text(encoding="utf-8") + "# 备注\n", encoding="utf-8")
    calls = _counting(monkeypatch)
    warm = _run(root)
    assert warm.files_from_cache == 9
    assert calls == {"counted": 0, "decoded": 2}
    assert _findings(warm) == _findings(_run(root, use_cache=False))


def test_damaged_sums_are_counted_again_from_every_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sums that disagree with the main file's results (here: a department's tally emptied) are
    not trusted: the run counts from every file, finds what a run without the cache finds, and
    writes a new main file with the sums it counted."""
    minzheng = _resource("307004/000001", "minzheng", [("姓名", None, None)])
    root = build_instance(tmp_path / "instance", {**_copies(8), MINZHENG: minzheng})  # one edit: not stale
    _run(root)
    [main] = [p for p in (root / ".govdata-cache").glob("validate-*.marshal") if ".recent." not in p.name]
    entries = main_file.decode_entries(main.read_bytes())
    main.write_bytes(main_file.encode_entries(entries, Collected()))
    _write(root, MINZHENG, minzheng + "# 备注\n")
    calls = _counting(monkeypatch)
    warm = _run(root)
    assert calls["counted"] == 1
    assert any(d.rule_id == "GD107" for d in warm.diagnostics)
    assert _findings(warm) == _findings(_run(root, use_cache=False))
    # The run wrote a new main file with sums it counted: the next run trusts them again.
    assert warm.catalog.collected == cache.Collected.from_tuple(main_file.load_main(main.read_bytes()).collected)
    calls["counted"] = 0
    again = _run(root)
    assert calls["counted"] == 0 and _findings(again) == _findings(warm)


def test_damaged_item_facts_are_read_from_the_file_again(tmp_path: Path) -> None:
    """Item numbers that do not fit the table (the table emptied, the sums dropped): the
    files are read again, nothing is lost."""
    root = build_instance(
        tmp_path / "instance", {MINZHENG: _resource("307004/000001", "minzheng", [("姓名", None, None)])}
    )
    cold = _run(root)
    [main] = [p for p in (root / ".govdata-cache").glob("validate-*.marshal") if ".recent." not in p.name]
    data = main.read_bytes()
    header = struct.Struct("<QQQ")  # the lengths of the main file's three parts (``validation.main_file``)
    first, second, third = header.unpack_from(data)
    parts = [data[header.size : header.size + first], data[header.size + first : -third or None], data[-third:]]
    paths, blobs, facts, others, _, base = marshal.loads(parts[0])
    _, offsets = marshal.loads(parts[1])
    parts[:2] = marshal.dumps((paths, blobs, facts, others, None, base)), marshal.dumps(((), offsets))
    main.write_bytes(header.pack(*map(len, parts)) + b"".join(parts))
    warm = _run(root)
    assert warm.files_from_cache == len(paths)
    assert _findings(warm) == _findings(cold) and any(d.rule_id == "GD107" for d in warm.diagnostics)


DEMANDS = BASE_INSTANCE.parent / "GD110/fail/item-names-as-the-office-calls-them/catalogs/minzheng/demands.yaml"


def test_files_of_every_kind_in_the_recent_file_go_into_a_new_main_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A demand list and a resource edited (saved beside the main file), then a change large
    enough to write a new main file: both recent results are in it, and a later run reads
    every file from the cache and finds what a run without it finds."""
    minzheng = _resource("307004/000001", "minzheng", [("姓名", "101002/000001", None)])
    root = build_instance(tmp_path / "instance", {MINZHENG: minzheng})
    _run(root)
    demands = "catalogs/minzheng/demands.yaml"
    _write(root, demands, DEMANDS.read_text(encoding="utf-8"))
    _write(root, MINZHENG, minzheng + "# 备注\n")
    assert _run(root).files_from_cache == 1
    monkeypatch.setattr(cache, "RECENT_FLOOR", 0)
    _write(root, GONGAN, GONGAN_TEXT + "# 备注\n")
    _run(root)
    saved = [p.name for p in (root / ".govdata-cache").glob("validate-*.marshal")]
    assert len(saved) == 1 and ".recent." not in saved[0]
    keys = {path for path, _ in main_file.decode_entries((root / ".govdata-cache" / saved[0]).read_bytes())}
    assert keys == {GONGAN, MINZHENG, demands}
    calls = _counting(monkeypatch)
    warm = _run(root)
    assert warm.files_from_cache == 3 and calls["counted"] == 0
    assert _findings(warm) == _findings(_run(root, use_cache=False))
    assert any(d.rule_id == "GD110" for d in warm.diagnostics)


NAMES = ("姓名", "性别", "婚姻登记日期", "登记机关", "联系电话")


def _random_resource(rng: random.Random, number: int) -> tuple[str, str]:
    """A resource of a random department, data subject and items: collected, obtained from the
    base library, with an element id, or citing an item the library lacks."""
    department = rng.choice(list(DEPARTMENTS))
    prefix = {"minzheng": "307004", "shichang": "203001"}[department]
    code = f"{prefix}/{number:06d}"
    items: list[Item] = []
    for name in rng.sample(NAMES, rng.randint(1, len(NAMES))):
        source = rng.choice([None, None, "101002/000001"])
        element = rng.choice([None, None, None, "DE0001", "DE0002"]) if source is None else None
        items.append((name, source, element))
    subject = rng.choice(["自然人", "法人和其他组织"])
    return f"catalogs/{department}/{code.replace('/', '-')}.yaml", _resource(code, department, items, subject)


@pytest.mark.parametrize("seed", range(4))
def test_the_sums_follow_random_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int) -> None:
    """Random resources written, rewritten and deleted over a dozen runs, half of them saved in
    a new main file: the sums a cached run starts from always equal those counted from every file."""
    rng = random.Random(seed)
    root = build_instance(tmp_path / "instance")
    written: dict[int, str] = {}
    found = 0  # runs where GD107 finds something: the sums are put to use
    for step in range(12):
        monkeypatch.setattr(cache, "RECENT_FLOOR", 0 if rng.random() < 0.5 else 256)
        for _ in range(rng.randint(1, 3)):
            number = rng.randint(1, 6)
            if number in written and rng.random() < 0.3:
                (root / written.pop(number)).unlink()
                continue
            if number in written:
                (root / written.pop(number)).unlink()  # moved: another department, another file
            path, text = _random_resource(rng, number)
            _write(root, path, text)
            written[number] = path
        warm = _run(root)
        uncached = _run(root, use_cache=False)
        assert _findings(warm) == _findings(uncached), f"seed {seed}, step {step}"
        assert warm.catalog.collected == uncached.catalog.collection(), f"seed {seed}, step {step}"
        found += any(d.rule_id == "GD107" for d in warm.diagnostics)
    assert found
