"""Export then import changes no byte; LibreOffice's re-save imports the same; edits keep comments."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook

from govdata.model.kinds import RESOURCE
from tests.conftest import CliResult
from tests.excel.sheets import edit, last_row, libreoffice_resave, reference_instance, snapshot

Run = Callable[..., CliResult]


def test_export_then_import_changes_no_byte(govdata: Run, tmp_path: Path) -> None:
    root = reference_instance(tmp_path / "jiyuan")
    before = snapshot(root)
    count = sum(RESOURCE.matches(p.relative_to(root).as_posix()) for p in root.glob("catalogs/*/*.yaml"))
    exported = govdata("excel", "export", "-o", str(tmp_path / "all.xlsx"), cwd=root)
    assert exported.exit_code == 0 and f"已导出 {count} 个信息资源" in exported.stdout
    imported = govdata("excel", "import", str(tmp_path / "all.xlsx"), cwd=root)
    assert imported.exit_code == 0, imported.stdout
    assert "已写入 0 个文件" in imported.stdout and f"{count} 个信息资源没有变化" in imported.stdout
    assert snapshot(root) == before


def test_libreoffice_resaved_workbook_imports_to_the_same_yaml(govdata: Run, tmp_path: Path) -> None:
    root = reference_instance(tmp_path / "jiyuan")
    before = snapshot(root)
    assert govdata("excel", "export", "-o", str(tmp_path / "all.xlsx"), cwd=root).exit_code == 0
    resaved = libreoffice_resave(tmp_path / "all.xlsx", tmp_path / "lo")
    assert resaved.read_bytes() != (tmp_path / "all.xlsx").read_bytes()  # really written by Calc
    imported = govdata("excel", "import", str(resaved), cwd=root)
    assert imported.exit_code == 0, imported.stdout
    assert "已写入 0 个文件" in imported.stdout
    assert snapshot(root) == before


def test_an_edit_changes_only_its_lines_and_keeps_comments(govdata: Run, tmp_path: Path) -> None:
    root = reference_instance(tmp_path / "jiyuan")
    path = root / "catalogs/renshe/203005-000001.yaml"
    text = path.read_text(encoding="utf-8").replace("abstract:", "# 摘要由社保中心审定\nabstract:")
    path.write_text(text, encoding="utf-8")
    workbook = tmp_path / "renshe.xlsx"
    assert govdata("excel", "export", "renshe", "-o", str(workbook), cwd=root).exit_code == 0
    book = load_workbook(workbook)
    items_after = last_row(book["信息项"]) + 1
    edit(
        workbook,
        {
            "信息资源": {(4, "name"): "社会保险参保登记信息", (4, "update_cycle"): "每周"},
            "信息项": {
                (4, "length"): 20,
                (items_after, "resource"): "203005/000001",
                (items_after, "name"): "参保登记日期",
                (items_after, "data_type"): "D",
            },
        },
    )
    dry = govdata("excel", "import", str(workbook), "--dry-run", cwd=root)
    assert dry.exit_code == 0, dry.stdout
    assert "信息资源名称：社会保险参保信息 → 社会保险参保登记信息" in dry.stdout
    assert "新增信息项“参保登记日期”" in dry.stdout
    assert path.read_text(encoding="utf-8") == text  # a dry run writes nothing
    done = govdata("excel", "import", str(workbook), cwd=root)
    assert done.exit_code == 0 and "已写入 1 个文件" in done.stdout
    after = path.read_text(encoding="utf-8")
    removed = [line for line in text.splitlines() if line not in after.splitlines()]
    assert removed == ["name: 社会保险参保信息", "    length: 18", "update_cycle: 实时"]
    assert "# 摘要由社保中心审定\nabstract:" in after
    assert "  - name: 参保登记日期\n    data_type: D\n" in after
    assert govdata("validate", "catalogs/renshe", cwd=root).exit_code == 0


def test_a_new_resource_from_the_template_lands_as_a_valid_file(
    govdata: Run, instance: Callable[..., Path], tmp_path: Path
) -> None:
    root = instance()
    template = tmp_path / "模板.xlsx"
    made = govdata("excel", "template", "-o", str(template), cwd=root)
    assert made.exit_code == 0, made.stderr
    untouched = govdata("excel", "import", str(template), cwd=root)
    assert untouched.exit_code == 0 and "检查了 0 个信息资源" in untouched.stdout  # the example row is not imported
    book = load_workbook(template)
    resources, items = book["信息资源"], book["信息项"]
    row = last_row(resources) + 1
    example = {cell.column: cell.value for cell in resources[4]}
    for col, value in example.items():
        resources.cell(row, col, value)
    keys = [cell.value for cell in resources[1]]
    resources.cell(row, keys.index("code") + 1, "307002/000009")
    resources.cell(row, keys.index("name") + 1, "犯罪记录查询结果信息")
    resources.cell(row, keys.index("provider.code") + 1, "11419001MB03847296")
    resources.cell(row, keys.index("provider.name") + 1, "测试区公安局")
    resources.cell(row, keys.index("classification.group") + 1, "测试区公安局")
    example_items = [[cell.value for cell in row] for row in items.iter_rows(min_row=4, max_row=last_row(items))]
    for values in example_items:  # the clerk copies the example's items for the new resource
        target = last_row(items) + 1
        for col, value in enumerate(values, start=1):
            items.cell(target, col, value)
        items.cell(target, 1, "307002/000009")
    item_row = last_row(items) + 1
    items.cell(item_row, 1, "307002/000009")
    items.cell(item_row, 2, "查询编号")
    items.cell(item_row, 3, "C")
    book.save(template)
    imported = govdata("excel", "import", str(template), cwd=root)
    assert imported.exit_code == 0, imported.stdout
    created = root / "catalogs/gongan/307002-000009.yaml"
    text = created.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/resource.schema.json\n")
    assert 'code: "307002/000009"' in text and "  - name: 查询编号\n" in text
    validated = govdata("validate", "--format", "json", "catalogs/gongan", cwd=root)
    assert validated.exit_code == 0, validated.stdout


def test_template_offers_every_vocabulary_as_a_drop_down(
    govdata: Run, instance: Callable[..., Path], tmp_path: Path
) -> None:
    from govdata.excel.columns import item_columns, resource_columns

    root = instance()
    template = tmp_path / "t.xlsx"
    assert govdata("excel", "template", "-o", str(template), cwd=root).exit_code == 0
    book = load_workbook(template)
    assert book["_govdata"].sheet_state == "hidden" and book["_govdata"]["B1"].value == "1"
    assert "填写说明" in book.sheetnames and "代码表" in book.sheetnames
    for sheet_name, columns in (("信息资源", resource_columns()), ("信息项", item_columns())):
        sheet = book[sheet_name]
        assert sheet.row_dimensions[1].hidden
        letters = {cell.column_letter: cell.value for cell in sheet[1]}
        covered = {
            key
            for dv in sheet.data_validations.dataValidation
            for ref in dv.sqref.ranges
            for key in [letters.get(ref.coord.split(":")[0].rstrip("0123456789"))]
        }
        wanted = {c.key for c in columns if c.choices or c.kind == "bool"}
        assert wanted <= covered, wanted - covered
        headers = [cell.value for cell in sheet[2]]
        assert any(h == "信息项名称*" or h == "信息资源代码*" for h in headers)
    resources = book["信息资源"]
    assert "provider.code" in {cell.value for cell in resources[1]}
    assert resources.cell(4, 2).value.startswith("（示例）")
