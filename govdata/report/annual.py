"""The annual report (Art. 53-55): HTML from a Jinja2 template, PDF through WeasyPrint."""

from __future__ import annotations

from collections import Counter
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govdata.errors import GovdataError
from govdata.evaluate.registry import weighted_indicators
from govdata.i18n import Text
from govdata.report.charts import bar_chart, line_chart

if TYPE_CHECKING:
    from govdata.evaluate.base import Measure
    from govdata.evaluate.run import EvaluationRun
    from govdata.evaluate.trend import TrendPoint
    from govdata.instance import Instance


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _ratio(measure: Measure) -> str:
    if not measure.denominator:
        return "—"
    numerator = measure.numerator
    shown = f"{numerator:g}" if float(numerator).is_integer() else f"{numerator:.2f}"
    return f"{shown}/{measure.denominator:g}"


def _zone(run: EvaluationRun) -> dict[str, Any]:
    catalog = run.context.catalog
    resources = catalog.resources
    scores = [c.score for c in run.cards if c.score is not None]
    bands = Counter(c.band for c in run.cards if c.band)
    year_records = [d for d in catalog.security_records if d.model.year == run.year]
    return {
        "departments": len(catalog.departments),
        "resources": len(resources),
        "shared": f"{sum(r.model.sharing.type == '无条件共享' for r in resources)}",
        "opened": f"{sum(r.model.opening.type != '不予开放' for r in resources)}",
        "mean_score": _fmt(sum(scores) / len(scores)) if scores else "—",
        "bands": "，".join(f"{name} {count}" for name, count in bands.most_common()) or "—",
        "projects": f"{sum(p.model.approved is not None for p in catalog.projects)}"
        f" / {sum(p.model.accepted is not None for p in catalog.projects)}",
        "security": f"{len(year_records)} / {len(catalog.departments)}",
        "cases": _cases_figure(run),
    }


def _cases_figure(run: EvaluationRun) -> str:
    """Deadlines of cases falling due in the year met on time, over all departments (the cases indicator)."""
    measures = [r.measure for c in run.cards if (r := c.result("cases")) is not None]
    met, due = sum(m.numerator for m in measures), sum(m.denominator for m in measures)
    if not due:
        return "无数据（本年度没有到期的办件）/ n/a"
    return f"按时办结 {met:g} / {due:g}（{met / due:.0%}）"


def render_html(run: EvaluationRun, trend: list[TrendPoint], dept: str | None) -> str:
    from jinja2 import Environment, select_autoescape

    environment = Environment(autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True)
    template = environment.from_string(files("govdata.templates").joinpath("annual.html.j2").read_text("utf-8"))
    catalog = run.context.catalog
    region = catalog.config.region.name
    cards = [c for c in run.cards if dept is None or c.department.slug == dept]
    codes = {c.department.code for c in cards}
    items = [i for i in run.items if i.department_code in codes]
    subject = cards[0].department.name if dept is not None and cards else region
    return template.render(
        title=f"{subject} {run.year} 年度政务数据管理情况报告",
        title_en=f"{run.year} annual report on government data management" + (f" ({dept})" if dept else ""),
        run=run,
        note=run.note.zh if run.note else None,
        zone=_zone(run),
        cards=cards,
        items=items,
        names={d.code: d.name for d in catalog.departments},
        score_chart=bar_chart([(c.department.name.removeprefix(region), c.score) for c in cards]),
        trend=trend,
        trend_chart=line_chart([(p.label, p.mean_score) for p in trend]),
        trend_note="各时点为该年最后一次提交时的目录（历史不足三个年度时，补充报告年度内均匀选取的提交），按同一评价办法重新计算。"
        " / Each point is the catalog at that year's last commit (padded with commits spread over the report year "
        "when fewer than three year ends exist), scored by the same methodology.",
        methodology=run.context.methodology,
        indicators=weighted_indicators(run.context.methodology),
        fmt=_fmt,
        pct=_pct,
        ratio=_ratio,
    )


def write_pdf(html: str, target: Path) -> None:
    try:
        from weasyprint import HTML
    except ImportError as error:  # an optional engine: say how to get it
        raise GovdataError(
            Text(
                f"无法生成 PDF：缺少 WeasyPrint（pip install 'govdata[report]'）：{error}",
                f"cannot write the PDF: WeasyPrint is missing (pip install 'govdata[report]'): {error}",
            )
        ) from error
    HTML(string=html).write_pdf(target)


def write_annual(instance: Instance, run: EvaluationRun, dept: str | None, output: Path, pdf: bool) -> list[Path]:
    """Write OUTPUT/annual-YEAR[-DEPT].html (and .pdf); returns the paths written."""
    from govdata.evaluate.trend import trend
    from govdata.io.roundtrip import atomic_write

    points = trend(instance.root, instance.config, run.year, run.day, run.context.updates)
    html = render_html(run, points, dept)
    output.mkdir(parents=True, exist_ok=True)
    stem = f"annual-{run.year}" + (f"-{dept}" if dept else "")
    html_path = output / f"{stem}.html"
    atomic_write(html_path, html)
    written = [html_path]
    if pdf:
        pdf_path = output / f"{stem}.pdf"
        partial = pdf_path.with_suffix(".pdf.part")
        write_pdf(html, partial)
        partial.replace(pdf_path)
        written.append(pdf_path)
    return written
