"""``govdata init`` scaffolds an instance that validates clean; help teaches; rules are listed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from govdata.identifiers.uscc import make_uscc
from tests.conftest import CliResult

Run = Callable[..., CliResult]
AUTHORITY = make_uscc("1", "1", "410100", "MB000123")
ARGS = (
    "--region",
    "某市",
    "--division-code",
    "410100",
    "--authority-name",
    "某市大数据管理局",
    "--authority-code",
    AUTHORITY,
)


def test_init_then_validate_is_clean(govdata: Run, tmp_path: Path) -> None:
    created = govdata("init", "city", *ARGS, cwd=tmp_path)
    assert created.exit_code == 0, created.stderr
    root = tmp_path / "city"
    for name in (
        "govdata.yaml",
        "registry/departments.yaml",
        "registry/legal-bases.yaml",
        "schemas/resource.schema.json",
        ".github/workflows/validate.yml",
    ):
        assert (root / name).is_file(), name
    assert (root / "govdata.yaml").read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=schemas/")
    assert (
        (root / "registry/departments.yaml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=../schemas/departments.schema.json")
    )
    validated = govdata("validate", "--format", "json", cwd=root)
    assert validated.exit_code == 0, validated.stdout


def test_init_never_overwrites(govdata: Run, tmp_path: Path) -> None:
    assert govdata("init", "city", *ARGS, cwd=tmp_path).exit_code == 0
    config = (tmp_path / "city" / "govdata.yaml").read_bytes()
    again = govdata("init", "city", *ARGS, cwd=tmp_path)
    assert again.exit_code == 2 and "govdata.yaml" in again.stderr
    assert (tmp_path / "city" / "govdata.yaml").read_bytes() == config


def test_init_rejects_an_invalid_authority_code(govdata: Run, tmp_path: Path) -> None:
    bad = list(ARGS)
    bad[-1] = AUTHORITY[:-1] + ("0" if AUTHORITY[-1] != "0" else "1")
    result = govdata("init", "city", *bad, cwd=tmp_path)
    assert result.exit_code == 2 and "校验码" in result.stderr
    assert not (tmp_path / "city").exists()


def test_help_teaches(govdata: Run, tmp_path: Path) -> None:
    result = govdata("validate", "--help", cwd=tmp_path)
    assert result.exit_code == 0
    for words in ("--format", "--select", "Examples", "govdata validate catalogs/gongan"):
        assert words in result.stdout


def test_rules_list_and_show(govdata: Run, tmp_path: Path) -> None:
    listing = govdata("rules", cwd=tmp_path)
    assert listing.exit_code == 0 and "GD014" in listing.stdout and "第二十条" in listing.stdout
    assert "检查什么" in listing.stdout and "统一社会信用代码未通过" in listing.stdout.replace("\n", "")
    english = govdata("rules", "--lang", "en", cwd=tmp_path)
    assert "Art. 20" in english.stdout and "What it checks" in english.stdout
    shown = govdata("rules", "show", "uscc-valid", cwd=tmp_path)
    assert shown.exit_code == 0 and "条款： 第二十条" in shown.stdout and "检查什么" in shown.stdout
    assert "What it checks" not in shown.stdout and "说明（英文）" not in shown.stdout
    shown_en = govdata("rules", "show", "uscc-valid", "--lang", "en", cwd=tmp_path)
    assert "Article: Art. 20" in shown_en.stdout and "What it checks" in shown_en.stdout
    assert "检查什么" not in shown_en.stdout
    unknown = govdata("rules", "show", "GD999", cwd=tmp_path)
    assert unknown.exit_code == 2 and "GD999" in unknown.stderr


def test_init_seeds_laws_exactly_as_the_reference_registry_has_them() -> None:
    from govdata.io.fastyaml import load_yaml
    from tests.conftest import REPO_ROOT

    def entries(path: Path) -> list[dict[str, object]]:
        loaded = load_yaml(path.read_text(encoding="utf-8"))
        assert isinstance(loaded, tuple)
        return list(loaded[0]["legal_bases"])

    reference = {entry["id"]: entry for entry in entries(REPO_ROOT / "registry" / "legal-bases.yaml")}
    for seeded in entries(REPO_ROOT / "govdata" / "templates" / "legal-bases.yaml"):
        recorded = reference[str(seeded["id"])]
        assert {key: recorded.get(key) for key in seeded} == seeded
