"""Tests for govdata.identifiers.uscc (统一社会信用代码, GB 32100-2015)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.cn import uscc as stdnum_uscc

from govdata.identifiers.uscc import (
    ALPHABET,
    DEPARTMENTS,
    UsccProblem,
    describe_uscc,
    is_valid_uscc,
    make_uscc,
    org_code_check_digit,
    uscc_check_digit,
    validate_uscc,
)

# Published codes (collected in python-stdnum's test suite from public registers), chosen to
# cover: 事业单位 (1 2), 个体工商户 (9 2), "MA"/"L" new-style bodies, "X" as the org-code check
# digit (pos 17) and "0" as the final check digit.
REAL_CODES = [
    "121200004013590816",
    "91110000600037341L",
    "91110000710926094P",
    "91120224064012553U",
    "911522010783710635",
    "911522010783762860",
    "9115220107837757XE",
    "9115220107837941X1",
    "91310115MA1K3BTP2B",
    "91340600MA2PBP2120",
    "91620105L015101280",
    "91620105MA73NBBLXE",
    "9144030071526726XG",
    "92340602MA2PBMEM24",
    "92340604MA2PENA300",
    "92340621MA2PBN0KXX",
    "92340621MA2UJT9WXP",
]
VALID = "91110000600037341L"
PAIRS = [(d, c) for d, (_, cats) in DEPARTMENTS.items() for c in cats]


def _weighted_sum(first17: str) -> int:
    return sum(ALPHABET.index(ch) * pow(3, i, 31) for i, ch in enumerate(first17))


def _codes(problems: list[UsccProblem]) -> list[tuple[str, int | None]]:
    return [(p.code, p.position) for p in problems]


@pytest.mark.parametrize("code", REAL_CODES)
def test_real_codes_valid_and_stdnum_agrees(code: str) -> None:
    assert validate_uscc(code) == ()
    assert stdnum_uscc.is_valid(code)
    # Rebuilding from the parts must reproduce both published check digits.
    assert make_uscc(code[0], code[1], code[2:8], code[8:16]) == code


def test_known_check_digits() -> None:
    assert uscc_check_digit("91110000600037341") == "L"
    assert org_code_check_digit("60003734") == "1"
    assert org_code_check_digit("07837757") == "X"  # 11 - 1 = 10 -> X
    assert org_code_check_digit("L0151012") == "8"


def test_org_code_check_eleven_maps_to_zero() -> None:
    # Σ ≡ 0 (mod 11) gives 11, which is written "0".
    assert org_code_check_digit("00000000") == "0"
    assert org_code_check_digit("MA2PENA3") == "0"  # from real code 92340604MA2PENA300


def test_table_shape() -> None:
    assert len(ALPHABET) == 31 and not set("IOZSV") & set(ALPHABET)
    assert len(PAIRS) == 36
    assert set(DEPARTMENTS["9"][1]) == {"1", "2", "3"}  # 工商 has no "9 其他"
    assert set(DEPARTMENTS["Y"][1]) == {"1"}


@pytest.mark.parametrize(("dept", "cat"), PAIRS)
def test_make_uscc_every_pair(dept: str, cat: str) -> None:
    code = make_uscc(dept, cat, "110105", "MA01AB3C")
    assert len(code) == 18 and code[:2] == dept + cat
    assert validate_uscc(code) == ()
    name, cats = DEPARTMENTS[dept]
    assert describe_uscc(code) == (name, cats[cat])
    # stdnum only accepts digits in the first 8 positions, so it rejects A, N and Y.
    assert stdnum_uscc.is_valid(code) is dept.isdigit()


@pytest.mark.parametrize("dept", ["A", "N", "Y"])
def test_stdnum_rejects_letter_departments_we_accept(dept: str) -> None:
    code = make_uscc(dept, "1", "440300", "12345678")
    assert is_valid_uscc(code)
    assert not stdnum_uscc.is_valid(code)


def test_describe() -> None:
    assert describe_uscc("121200004013590816") == ("机构编制", "事业单位")
    assert describe_uscc("92340602MA2PBMEM24") == ("工商", "个体工商户")
    assert describe_uscc(make_uscc("N", "2", "330102", "00000001")) == ("农业", "村级集体经济组织")
    assert describe_uscc(VALID[:-1] + "N") is None


def test_mod31_zero_edge_case() -> None:
    # Σ ≡ 0 (mod 31): the correct digit is "0"; 31 - Σ % 31 without the outer % 31 is 31.
    code = make_uscc("9", "1", "110000", "00000045")
    assert code == "911100000000004570"
    assert _weighted_sum(code[:17]) % 31 == 0
    assert uscc_check_digit(code[:17]) == "0"
    assert is_valid_uscc(code) and stdnum_uscc.is_valid(code)
    assert _weighted_sum("91152201078376286") % 31 == 0  # a real published code, too
    assert is_valid_uscc("911522010783762860")


def test_length() -> None:
    problems = validate_uscc(VALID[:-1])
    assert _codes(problems) == [("length", None)]
    assert "17" in problems[0].zh and "17" in problems[0].en
    assert _codes(validate_uscc("")) == [("length", None)]
    assert _codes(validate_uscc(VALID + "0")) == [("length", None)]


def test_length_also_reports_charset_but_no_checks() -> None:
    assert _codes(validate_uscc("9111000060003I")) == [("length", None), ("charset", 14)]


def test_lower_case_is_charset_with_hint() -> None:
    problems = validate_uscc(VALID.lower())
    assert _codes(problems) == [("charset", 18)]
    assert "大写" in problems[0].zh and "upper-case" in problems[0].en
    assert "“L”" in problems[0].zh


@pytest.mark.parametrize(("pos", "ch"), [(9, "I"), (10, "O"), (11, "Z"), (12, "S"), (18, "V")])
def test_excluded_letters(pos: int, ch: str) -> None:
    code = VALID[: pos - 1] + ch + VALID[pos:]
    problems = validate_uscc(code)
    assert _codes(problems) == [("charset", pos)]
    assert f"第{pos}位" in problems[0].zh and "大写" not in problems[0].zh


def test_charset_suppresses_check_digits_but_keeps_positional_checks() -> None:
    code = "B111000060003734I" + "L"  # bad department and bad charset at 17
    assert _codes(validate_uscc(code)) == [("charset", 17), ("department", 1)]


def test_whitespace_not_stripped() -> None:
    assert _codes(validate_uscc(" " + VALID)) == [("length", None), ("charset", 1)]
    assert _codes(validate_uscc("91 110000600037341")) == [("charset", 3)]


def test_region_must_be_digits() -> None:
    code = make_uscc("9", "1", "110000", "60003734")
    bad = code[:4] + "AB" + code[6:]
    problems = validate_uscc(bad)
    assert _codes(problems)[:2] == [("region", 5), ("region", 6)]
    assert _codes(problems)[2:] == [("check-digit", 18)]
    with pytest.raises(ValueError, match="region"):
        make_uscc("9", "1", "11AB00", "60003734")


def test_unknown_department() -> None:
    code = "B" + VALID[1:17]
    code += uscc_check_digit(code)
    problems = validate_uscc(code)
    assert _codes(problems) == [("department", 1)]
    assert "“B”" in problems[0].zh


@pytest.mark.parametrize(("dept", "cat"), [("9", "9"), ("Y", "9"), ("1", "4"), ("A", "2")])
def test_category_not_allowed_for_department(dept: str, cat: str) -> None:
    first17 = dept + cat + VALID[2:17]
    problems = validate_uscc(first17 + uscc_check_digit(first17))
    assert _codes(problems) == [("category", 2)]
    assert DEPARTMENTS[dept][0] in problems[0].zh
    with pytest.raises(ValueError, match="category"):
        make_uscc(dept, cat, "110000", "60003734")


def test_org_check_only() -> None:
    # Swap the embedded org-code check digit but keep the final check digit consistent.
    first17 = VALID[:16] + "2"
    problems = validate_uscc(first17 + uscc_check_digit(first17))
    assert _codes(problems) == [("org-check", 17)]
    assert "应为“1”，实为“2”" in problems[0].zh


def test_final_check_digit_message() -> None:
    problems = validate_uscc(VALID[:17] + "3")
    assert _codes(problems) == [("check-digit", 18)]
    assert problems[0].zh == "第18位校验码应为“L”，实为“3”"
    assert problems[0].en == "position 18: check digit should be 'L', found '3'"


def test_all_layers_reported_together() -> None:
    first17 = "9911000060003734" + "2"
    problems = validate_uscc(first17 + "0")
    assert {p.code for p in problems} == {"category", "org-check", "check-digit"}


def test_check_digit_helpers_reject_bad_input() -> None:
    with pytest.raises(ValueError):
        uscc_check_digit(VALID)
    with pytest.raises(ValueError):
        uscc_check_digit(VALID[:16] + "I")
    with pytest.raises(ValueError):
        org_code_check_digit("6000373")
    with pytest.raises(ValueError):
        org_code_check_digit("6000373a")
    with pytest.raises(ValueError):
        make_uscc("9", "1", "110000", "6000373I")


def test_problem_is_frozen() -> None:
    problem = validate_uscc(VALID[:17] + "3")[0]
    with pytest.raises(AttributeError):
        problem.code = "x"  # type: ignore[misc]


_symbol = st.sampled_from(ALPHABET)
_bodies = st.text(alphabet=ALPHABET, min_size=8, max_size=8)
_regions = st.text(alphabet="0123456789", min_size=6, max_size=6)


@settings(max_examples=300, database=None)
@given(st.sampled_from(PAIRS), _regions, _bodies, st.integers(0, 17), st.data())
def test_property_single_substitution_detected(
    pair: tuple[str, str], region: str, body: str, index: int, data: st.DataObject
) -> None:
    code = make_uscc(pair[0], pair[1], region, body)
    assert validate_uscc(code) == ()
    replacement = data.draw(_symbol.filter(lambda s: s != code[index]))
    mutated = code[:index] + replacement + code[index + 1 :]
    assert not is_valid_uscc(mutated)
    # Every weight 3^i mod 31 is a unit, so the final check digit alone catches it.
    assert "check-digit" in {p.code for p in validate_uscc(mutated)}


def test_problems_are_remembered_and_no_caller_can_change_them() -> None:
    """Thousands of files name the same providers: the answer is kept, so it must be immutable."""
    wrong = VALID[:-1] + ("0" if VALID[-1] != "0" else "1")
    first = validate_uscc(wrong)
    assert isinstance(first, tuple) and first
    assert validate_uscc(wrong) is first
