"""The annual report rendered to HTML and PDF, then read back as a reader would: text, pages, charts, widths."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult
from tests.gitops.conftest import GitRepo


@pytest.fixture
def rendered(history: GitRepo, govdata: Callable[..., CliResult], tmp_path: Path) -> Path:
    out = tmp_path / "out"
    result = govdata("report", "annual", "--year", "2025", "--today", "2026-02-01", "-o", str(out), cwd=history.root)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.split() == [str(out / "annual-2025.html"), str(out / "annual-2025.pdf")]
    return out


def test_html_has_charts_tables_and_every_section(rendered: Path) -> None:
    html = (rendered / "annual-2025.html").read_text(encoding="utf-8")
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart"') == 2
    for heading in ("全区概况", "历年趋势", "部门评分卡", "整改清单（第六十条）", "评价办法"):
        assert heading in html
    # the trend has a point at the end of 2024 and one at the end of 2025, each with its commit
    assert re.search(r"<td>2024</td><td>[0-9a-f]{10}</td>", html)
    assert re.search(r"<td>2025</td><td>[0-9a-f]{10}</td>", html)
    assert "security/dashuju/2025.yaml" in html  # a rectification item, traced to its file


def test_pdf_reads_in_chinese_and_nothing_overflows(rendered: Path) -> None:
    pdf = rendered / "annual-2025.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for phrase in ("测试区 2025 年度政务数据管理情况报告", "测试区公安局", "目录更新及时率", "整改期限", "评价办法"):
        assert phrase in text.replace("\n", " ") or phrase in text
    # chart labels are text in the PDF: the bar chart's department names and the trend's year labels
    assert "公安局" in text and "2024" in text
    # every word lies inside the page: nothing overflows the width or the height
    bbox = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', bbox, re.S)
    assert pages
    for width, height, body in pages:
        for x_max, y_max in re.findall(r'xMax="([\d.]+)" yMax="([\d.]+)"', body):
            assert float(x_max) <= float(width) - 20 and float(y_max) <= float(height)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(rendered / "page")], check=True)
    images = sorted(rendered.glob("page-*.png"))
    assert len(images) == len(pages)
    assert all(image.stat().st_size > 2000 for image in images)  # drawn pages, not blank ones


def test_department_report_is_the_same_for_one_department(
    history: GitRepo, govdata: Callable[..., CliResult], tmp_path: Path
) -> None:
    out = tmp_path / "dept"
    result = govdata(
        "report",
        "annual",
        "--year",
        "2025",
        "--dept",
        "gongan",
        "--no-pdf",
        "--today",
        "2026-02-01",
        "-o",
        str(out),
        cwd=history.root,
    )
    assert result.exit_code == 0, result.stderr
    html = (out / "annual-2025-gongan.html").read_text(encoding="utf-8")
    assert "测试区公安局 2025 年度政务数据管理情况报告" in html
    assert "测试区民政局：" not in html and "security/minzheng/2025.yaml" not in html
    bad = govdata("report", "annual", "--year", "2025", "--dept", "nobody", "--no-pdf", cwd=history.root)
    assert bad.exit_code == 2 and "nobody" in bad.stderr
