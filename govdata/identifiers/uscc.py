"""统一社会信用代码 (Unified Social Credit Code, GB 32100-2015) validation.

Layout of the 18 characters (1-based positions):

* 1      登记管理部门代码 (registration department)
* 2      机构类别代码 (entity category, allowed set depends on position 1)
* 3-8    登记管理机关行政区划码 (GB/T 2260 region, 6 digits)
* 9-17   主体标识码 = 组织机构代码 (GB 11714); position 17 is its own check digit
* 18     check digit over positions 1-17 (ISO 7064-style, modulus 31)

We do not use ``stdnum.cn.uscc``: it rejects the valid departments A, N and Y
and never verifies the embedded organisation-code check digit.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 symbols: no I, O, Z, S, V
_INDEX = {ch: i for i, ch in enumerate(ALPHABET)}
_USCC_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))  # 1 3 9 27 19 26 16 17 ...
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_ORG_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # GB 11714 values: int(c, 36)

# 登记管理部门 -> (name, {机构类别 -> name})
DEPARTMENTS: dict[str, tuple[str, dict[str, str]]] = {
    "1": (
        "机构编制",
        {"1": "机关", "2": "事业单位", "3": "编办直接管理机构编制的群众团体", "9": "其他"},
    ),
    "2": ("外交", {"1": "外国常驻新闻机构", "9": "其他"}),
    "3": (
        "司法行政",
        {
            "1": "律师执业机构",
            "2": "公证处",
            "3": "基层法律服务所",
            "4": "司法鉴定机构",
            "5": "仲裁委员会",
            "9": "其他",
        },
    ),
    "4": ("文化", {"1": "外国在华文化中心", "9": "其他"}),
    "5": ("民政", {"1": "社会团体", "2": "民办非企业单位", "3": "基金会", "9": "其他"}),
    "6": (
        "旅游",
        {
            "1": "外国旅游部门常驻代表机构",
            "2": "港澳台地区旅游部门常驻内地（大陆）代表机构",
            "9": "其他",
        },
    ),
    "7": ("宗教", {"1": "宗教活动场所", "2": "宗教院校", "9": "其他"}),
    "8": ("工会", {"1": "基层工会", "9": "其他"}),
    "9": ("工商", {"1": "企业", "2": "个体工商户", "3": "农民专业合作社"}),
    "A": ("中央军委改革和编制办公室", {"1": "军队事业单位", "9": "其他"}),
    "N": (
        "农业",
        {"1": "组级集体经济组织", "2": "村级集体经济组织", "3": "乡镇级集体经济组织", "9": "其他"},
    ),
    "Y": ("其他", {"1": "其他"}),
}


@dataclass(frozen=True, slots=True)
class UsccProblem:
    """One thing wrong with a candidate code, in both languages."""

    code: str  # "length", "charset", "region", "org-check", "check-digit", "department", "category"
    position: int | None  # 1-based position of the offending character, if any
    zh: str
    en: str


def uscc_check_digit(first17: str) -> str:
    """Return the 18th character for the first 17 characters of a code."""
    if len(first17) != 17 or any(ch not in _INDEX for ch in first17):
        raise ValueError(f"need 17 characters from {ALPHABET!r}, got {first17!r}")
    total = sum(_INDEX[ch] * w for ch, w in zip(first17, _USCC_WEIGHTS, strict=True))
    # The outer "% 31" matters: when total ≡ 0 the check digit is "0", not index 31.
    return ALPHABET[(31 - total % 31) % 31]


def org_code_check_digit(body8: str) -> str:
    """Return the 9th character of a GB 11714 organisation code for its first 8."""
    if len(body8) != 8 or any(ch not in _ORG_CHARS for ch in body8):
        raise ValueError(f"need 8 characters from 0-9A-Z, got {body8!r}")
    total = sum(int(ch, 36) * w for ch, w in zip(body8, _ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def _charset_problem(pos: int, ch: str) -> UsccProblem:
    if ch.upper() in _INDEX and ch != ch.upper():
        # Lower case is a common transcription error; say so instead of a bare "invalid".
        zh = f"第{pos}位字符“{ch}”为小写，统一社会信用代码只使用大写字母（应为“{ch.upper()}”）"
        en = f"position {pos}: '{ch}' is lower case; codes use upper-case letters ('{ch.upper()}')"
    else:
        zh = f"第{pos}位字符“{ch}”不在统一社会信用代码字符集内（不使用I、O、Z、S、V）"
        en = f"position {pos}: '{ch}' is not allowed (0-9 and A-Y except I, O, S, V)"
    return UsccProblem("charset", pos, zh, en)


@lru_cache(maxsize=4096)
def validate_uscc(value: str) -> tuple[UsccProblem, ...]:
    """Every problem found in ``value``; none means the code is valid. Remembered: a catalog
    names the same few hundred providers in thousands of files, each checked as its own job."""
    return tuple(_problems(value))


def _problems(value: str) -> list[UsccProblem]:
    problems = [_charset_problem(i, ch) for i, ch in enumerate(value, 1) if ch not in _INDEX]
    if len(value) != 18:
        # Positions are meaningless when characters are missing or extra, so stop here.
        length = UsccProblem(
            "length",
            None,
            f"长度应为18位，实为{len(value)}位",
            f"length should be 18 characters, found {len(value)}",
        )
        return [length, *problems]

    for pos in range(3, 9):
        ch = value[pos - 1]
        if ch in _INDEX and not ch.isdigit():  # charset errors are already reported
            problems.append(
                UsccProblem(
                    "region",
                    pos,
                    f"第{pos}位应为行政区划码数字，实为“{ch}”",
                    f"position {pos}: region code must be a digit, found '{ch}'",
                )
            )

    dept, cat = value[0], value[1]
    if dept in _INDEX and dept not in DEPARTMENTS:
        problems.append(
            UsccProblem(
                "department",
                1,
                f"第1位登记管理部门代码“{dept}”未定义",
                f"position 1: registration department '{dept}' is not defined",
            )
        )
    elif dept in DEPARTMENTS and cat in _INDEX and cat not in DEPARTMENTS[dept][1]:
        name, cats = DEPARTMENTS[dept]
        allowed = "、".join(cats)
        problems.append(
            UsccProblem(
                "category",
                2,
                f"第2位机构类别代码“{cat}”不适用于登记管理部门“{name}”（允许：{allowed}）",
                f"position 2: category '{cat}' is not defined for department '{dept}' (allowed: {', '.join(cats)})",
            )
        )

    if any(p.code == "charset" for p in problems):
        return problems  # check digits are undefined over characters outside the set

    checks = (
        ("org-check", 17, "组织机构代码校验码", "organisation-code check digit",
         org_code_check_digit(value[8:16])),
        ("check-digit", 18, "校验码", "check digit", uscc_check_digit(value[:17])),
    )  # fmt: skip
    for code, pos, zh_name, en_name, want in checks:
        got = value[pos - 1]
        if got != want:  # each check is independent: report both when both are wrong
            problems.append(
                UsccProblem(
                    code,
                    pos,
                    f"第{pos}位{zh_name}应为“{want}”，实为“{got}”",
                    f"position {pos}: {en_name} should be '{want}', found '{got}'",
                )
            )
    return problems


def is_valid_uscc(value: str) -> bool:
    """True when ``value`` is a fully valid code (see :func:`validate_uscc`)."""
    return not validate_uscc(value)


def make_uscc(department: str, category: str, region: str, org_body8: str) -> str:
    """Build a valid code, computing both check digits; raise ValueError on bad parts."""
    head = department + category + region + org_body8
    if len(department) != 1 or len(category) != 1 or len(region) != 6 or len(org_body8) != 8:
        raise ValueError("need 1 + 1 + 6 + 8 characters for department, category, region, body")
    if any(ch not in _INDEX for ch in head):
        raise ValueError(f"characters outside the symbol set in {head!r}")
    first17 = head + org_code_check_digit(org_body8)
    code = first17 + uscc_check_digit(first17)
    problems = validate_uscc(code)  # catches region and department/category errors
    if problems:
        raise ValueError("; ".join(p.en for p in problems))
    return code


def describe_uscc(value: str) -> tuple[str, str] | None:
    """Return (登记管理部门, 机构类别) names for a valid code, else None."""
    if not is_valid_uscc(value):
        return None
    name, cats = DEPARTMENTS[value[0]]
    return name, cats[value[1]]
