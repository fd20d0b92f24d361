"""The fast canonical check of ``fmt --check`` (issue 12) never says "canonical" where ruamel would rewrite.

A file the fast path proves canonical skips the ruamel round trip; any other file goes through
it as before. So the verdicts of ``fmt`` stay those of the round trip if, and only if, every
proof holds: checked here on the reference instance, every YAML fixture of the suite, and
variants of a canonical file made to trip each exclusion.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from govdata.fmt.canonical import format_bytes, key_order
from govdata.fmt.fast_check import is_canonical
from govdata.fmt.run import format_many
from govdata.model.kinds import kind_of
from govdata.rules.gd005_schema_modeline import modeline_for
from tests.conftest import REPO_ROOT

SAMPLE = "catalogs/gongan/101002-000002.yaml"


def instance_path(file: Path) -> str | None:
    """The instance-relative path of a fixture (the tail that names a kind), None if it has none."""
    parts = file.parts
    return next(("/".join(parts[i:]) for i in range(len(parts)) if kind_of("/".join(parts[i:]))), None)


def proven(path: str, data: bytes) -> bool:
    kind = kind_of(path)
    assert kind is not None
    return is_canonical(data, modeline_for(path), key_order(kind.model))


def ruamel_keeps(path: str, data: bytes) -> bool:
    result = format_bytes(path, data)
    return isinstance(result, str) and result.encode("utf-8") == data


def yaml_files() -> list[tuple[str, Path]]:
    found = []
    for folder in ("catalogs", "registry", "grants", "responsibility", "demands", "cases", "tests"):
        for file in sorted((REPO_ROOT / folder).rglob("*.y*ml")):
            path = instance_path(file.relative_to(REPO_ROOT))
            if path is not None:
                found.append((path, file))
    found += [("govdata.yaml", REPO_ROOT / "govdata.yaml")]
    return [(path, file) for path, file in found if file.is_file()]


def test_every_file_proven_canonical_is_kept_by_ruamel() -> None:
    files = yaml_files()
    checked = 0
    for path, file in files:
        data = file.read_bytes()
        if proven(path, data):
            assert ruamel_keeps(path, data), file
            checked += 1
    # The fast path must do real work on a kept catalog, or it saves nothing.
    reference = [f for p, f in files if f.is_relative_to(REPO_ROOT / "catalogs")]
    assert checked >= len(reference) * 0.9
    assert len(files) > 300


def _variants(text: str) -> dict[str, str]:
    """A canonical resource changed in one way each; most of them ruamel would rewrite."""
    first = re.search(r"^name: .+\n", text, re.M).group(0)  # type: ignore[union-attr]
    code = re.search(r'^code: "(.+)"\n', text, re.M).group(0)  # type: ignore[union-attr]
    provider = re.search(r"^  code: .+$", text, re.M).group(0)  # type: ignore[union-attr]
    keywords = re.search(r"^keywords: \[(.+)\]$", text, re.M).group(1)  # type: ignore[union-attr]
    item = re.search(r"^  - name: .+$", text, re.M).group(0)  # type: ignore[union-attr]
    value = first.split(": ", 1)[1].rstrip("\n")
    return {
        "null": text.replace(first, first + "note: null\n"),
        "tilde": text.replace(first, first + "note: ~\n"),
        "True": text.replace("basic: true", "basic: True", 1),
        "float": text.replace("length: 18\n", "length: 18.50\n", 1),
        "octal": text.replace(item, item + "\n    length_hint: 0o22", 1),
        "keys out of order": text.replace(code + first, first + code),
        "comment": text.replace(first, first + "# 备注\n"),
        "end comment": text.replace(first, first.rstrip("\n") + "  # 备注\n"),
        "blank line": text.replace(first, first + "\n"),
        "trailing space": text.replace(first, first.rstrip("\n") + " \n"),
        "indent 4": text.replace(provider, "  " + provider),
        "dash at 0": text.replace(item, item[2:]),
        "single quotes": text.replace(code, code.replace('"', "'")),
        "escaped quote": text.replace(code, code.replace("/", "\\u002F")),
        "flow spacing": text.replace(keywords, keywords.replace(", ", ",", 1)),
        "flow mapping": text.replace(first, first + "extra: {a: 1}\n"),
        "anchor": text.replace("data_type: ", "data_type: &t ", 1),
        "block scalar": text.replace(first, f"name: |\n  {value}\n"),
        "folded plain": text.replace(first, f"name: {value[:2]}\n  {value[2:]}\n"),
        "explicit start": text.replace(code, "---\n" + code, 1),
        "no final newline": text.rstrip("\n"),
        "CRLF": text.replace("\n", "\r\n"),
        "no modeline": text.split("\n", 1)[1],
        "second modeline": text.replace("\n", "\n" + modeline_for(SAMPLE) + "\n", 1),
        "long line": text.replace(first, "name: " + "长" * 5000 + "\n"),
        "tab": text.replace(first, "name:\t" + value + "\n"),
    }


@pytest.mark.parametrize("name", list(_variants((REPO_ROOT / SAMPLE).read_text(encoding="utf-8"))))
def test_variants_are_proven_only_when_ruamel_keeps_them(name: str) -> None:
    original = (REPO_ROOT / SAMPLE).read_bytes()
    assert proven(SAMPLE, original)
    data = _variants(original.decode("utf-8"))[name].encode("utf-8")
    assert data != original
    if proven(SAMPLE, data):
        assert ruamel_keeps(SAMPLE, data)
    else:
        assert name not in ("single quotes",)  # a kept style the fast path does vouch for


def test_format_many_results_equal_the_round_trip_in_order() -> None:
    text = (REPO_ROOT / SAMPLE).read_text(encoding="utf-8")
    jobs = [(SAMPLE, (REPO_ROOT / SAMPLE).read_bytes())]
    jobs += [(SAMPLE, variant.encode("utf-8")) for variant in _variants(text).values()]
    assert list(format_many(jobs)) == [format_bytes(path, data) for path, data in jobs]
