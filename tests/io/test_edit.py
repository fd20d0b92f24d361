"""Lossless edits: reordering keys, inserting keys, appending entries keep every comment in place."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from govdata.io.edit import KeyOrder, append, load_for_edit, quoted, reorder, set_key, update
from govdata.io.fastyaml import load_yaml
from govdata.io.roundtrip import dump_round_trip, load_round_trip

ORDER = KeyOrder(
    ("id", "status", "provider", "items", "history"),
    {
        "provider": KeyOrder(("code", "name")),
        "items": KeyOrder(("name", "justification")),
    },
)


def _edit(text: str, change) -> str:  # type: ignore[no-untyped-def]
    tree = load_round_trip(text)
    change(tree)
    return dump_round_trip(tree)


def test_reorder_moves_introducing_comments_with_their_keys() -> None:
    text = (
        "# header\n"
        "status: 申请中  # set by the command\n"
        "\n"
        "# who provides it\n"
        "provider:\n"
        "  name: 测试区公安局\n"
        "  # the credit code\n"
        "  code: 11419001MB03847296\n"
        "# the id comes first\n"
        "id: a-1  # never reused\n"
        "# end of file\n"
    )
    result = _edit(text, lambda tree: reorder(tree, ORDER))
    assert result == (
        "# header\n"
        "# the id comes first\n"
        "id: a-1  # never reused\n"
        "status: 申请中  # set by the command\n"
        "\n"
        "# who provides it\n"
        "provider:\n"
        "  # the credit code\n"
        "  code: 11419001MB03847296\n"
        "  name: 测试区公安局\n"
        "# end of file\n"
    )


def test_reorder_leaves_ordered_text_byte_identical() -> None:
    text = "id: a  # x\n# about status\nstatus: 申请中\nitems:\n  - name: 姓名\n    justification: 核对\n"
    assert _edit(text, lambda tree: reorder(tree, ORDER)) == text


def test_undeclared_key_stays_after_the_key_it_followed() -> None:
    text = "status: 申请中\nstatsu: typo\nid: a\n"
    assert _edit(text, lambda tree: reorder(tree, ORDER)) == "id: a\nstatus: 申请中\nstatsu: typo\n"


def test_set_key_inserts_at_declared_place_and_keeps_comments() -> None:
    text = "id: a\n# the record\nhistory:\n  - date: 2026-01-01  # first\n# trailing\n"
    result = _edit(text, lambda tree: set_key(tree, "status", "已批准", ORDER))
    assert result == "id: a\nstatus: 已批准\n# the record\nhistory:\n  - date: 2026-01-01  # first\n# trailing\n"


def test_append_keeps_comment_after_the_list() -> None:
    text = "history:\n  - status: 申请中  # filed\n# kept at the end\n"
    result = _edit(
        text, lambda tree: append(tree["history"], {"status": "已批准", "date": quoted(dt.date(2026, 2, 1))})
    )
    assert result == (
        'history:\n  - status: 申请中  # filed\n  - status: 已批准\n    date: "2026-02-01"\n# kept at the end\n'
    )


KEYS = ("id", "status", "provider", "items", "history", "zzz_unknown")


@st.composite
def _documents(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A mapping of ORDER's keys in any order, with comment lines and end-of-line comments anywhere."""
    keys = draw(st.permutations(KEYS))
    lines: list[str] = []
    comments: list[str] = []
    for index, key in enumerate(keys):
        # (a comment above the first key is the file's header and stays at the top)
        if index and draw(st.booleans()):
            comments.append(f"# before {key} {index}")
            lines.append(comments[-1])
        eol = f"  # eol {key}" if draw(st.booleans()) else ""
        if key == "provider":
            lines += [f"provider:{eol}", "  name: 名称", "  code: X1"]
        elif key == "items":
            lines += [f"items:{eol}", "  - justification: 因为", "    name: 姓名", "  - name: 性别"]
        else:
            lines.append(f"{key}: v-{index}{eol}")
        if eol:
            comments.append(eol.strip())
        if draw(st.booleans()):
            lines.append("")
    return "\n".join(lines) + "\n", comments


@settings(max_examples=150)
@given(_documents())
def test_reorder_property(document: tuple[str, list[str]]) -> None:
    text, comments = document
    result = _edit(text, lambda tree: reorder(tree, ORDER))
    before, after = load_yaml(text), load_yaml(result)
    assert isinstance(before, tuple) and isinstance(after, tuple)
    assert before[0] == after[0]
    top = [line.split(":")[0] for line in result.splitlines() if line and line[0].isalpha()]
    declared = [key for key in top if key in ORDER.keys]
    assert declared == list(ORDER.keys)
    for comment in comments:
        assert result.count(comment) == 1, (comment, result)
    assert _edit(result, lambda tree: reorder(tree, ORDER)) == result  # idempotent
    for key in KEYS:  # a comment introducing a key still sits right above it
        marker = next((c for c in comments if c.startswith(f"# before {key} ")), None)
        if marker is not None:
            lines = result.splitlines()
            position = lines.index(marker)
            following = next(line for line in lines[position + 1 :] if line.strip() and not line.startswith("#"))
            assert following.startswith(f"{key}:"), (marker, result)


def test_update_changes_only_what_differs_and_keeps_comments() -> None:
    text = (
        "# 清单\n"
        "name: 甲  # 名称\n"
        "# 条目\n"
        "entries:\n"
        "  - code: a\n"
        "    note: 一  # 保留\n"
        "  # 乙的说明\n"
        "  - code: b\n"
        "    note: 二\n"
        "  # 丙的说明\n"
        "  - code: c\n"
        "    note: 三\n"
        "# 结尾\n"
        "extra: 删除\n"
    )
    tree = load_for_edit(text)
    new = {
        "name": "甲",
        "entries": [{"code": "a", "note": "一"}, {"code": "c", "note": "叁"}, {"code": "d", "note": "四"}],
    }
    update(tree, new, KeyOrder(("name", "entries", "extra"), {"entries": KeyOrder(("code", "note"))}))
    result = dump_round_trip(tree)
    for comment in ("# 清单", "# 名称", "# 条目", "# 保留", "# 丙的说明"):
        assert comment in result, result
    assert "extra" not in result and "code: b" not in result
    assert result.index("# 丙的说明") < result.index("code: c") < result.index("code: d")
    assert load_for_edit(result) == new


def test_a_block_scalar_replaced_by_one_line_keeps_both_comments() -> None:
    tree = load_for_edit('a: "1"\nvalid_until: >-  # 按协议\n  2026-12-31\n# 下一项\nstatus: 已批准\n')
    set_key(tree, "valid_until", quoted(dt.date(2027, 6, 30)), KeyOrder(("a", "valid_until", "status")))
    assert dump_round_trip(tree) == 'a: "1"\nvalid_until: "2027-06-30"  # 按协议\n# 下一项\nstatus: 已批准\n'
