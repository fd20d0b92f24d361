"""Small SVG charts built by hand: horizontal bars and a line, with text the PDF keeps as text."""

from __future__ import annotations

from html import escape

FONT = "Noto Sans CJK SC, Noto Sans CJK, sans-serif"


def bar_chart(rows: list[tuple[str, float | None]], width: int = 640, maximum: float = 100) -> str:
    """One horizontal bar per (label, value); None is drawn as 无数据 without a bar."""
    label_w, row_h, pad = 190, 22, 6
    height = pad * 2 + row_h * len(rows)
    plot_w = width - label_w - 60
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="{FONT}" font-size="11">'
    ]
    for index, (label, value) in enumerate(rows):
        y = pad + index * row_h
        parts.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{escape(label)}</text>')
        if value is None:
            parts.append(f'<text x="{label_w + 4}" y="{y + 15}" fill="#888">无数据</text>')
            continue
        w = max(1.0, plot_w * min(value, maximum) / maximum)
        parts.append(f'<rect x="{label_w}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}" fill="#2f6fb0"/>')
        parts.append(f'<text x="{label_w + w + 4:.1f}" y="{y + 15}">{value:.1f}</text>')
    parts.append("</svg>")
    return "".join(parts)


def line_chart(
    points: list[tuple[str, float | None]], width: int = 640, height: int = 220, maximum: float = 100
) -> str:
    """A line through the values, labelled on the x axis; points without a value are skipped."""
    left, right, top, bottom = 40, 20, 16, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / max(1, len(points) - 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="{FONT}" font-size="10">',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#444"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="#444"/>',
    ]
    for tick in (0, 25, 50, 75, 100):
        y = top + plot_h - plot_h * tick / 100
        parts.append(f'<text x="{left - 4}" y="{y + 3:.1f}" text-anchor="end">{tick * maximum / 100:g}</text>')
    coords = []
    for index, (label, value) in enumerate(points):
        x = left + step * index if len(points) > 1 else left + plot_w / 2
        parts.append(f'<text x="{x:.1f}" y="{top + plot_h + 14}" text-anchor="middle">{escape(label)}</text>')
        if value is not None:
            y = top + plot_h - plot_h * min(value, maximum) / maximum
            coords.append(f"{x:.1f},{y:.1f}")
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#c0392b"/>')
            parts.append(f'<text x="{x:.1f}" y="{y - 6:.1f}" text-anchor="middle">{value:.1f}</text>')
    if len(coords) > 1:
        parts.append(f'<polyline points="{" ".join(coords)}" fill="none" stroke="#c0392b" stroke-width="1.5"/>')
    parts.append("</svg>")
    return "".join(parts)
