"""Targets-versus-outcomes chart as inline SVG.

One row per promise that has both a numeric target and an outcome in the same
unit.  Because the promises measure different things (%, 亿元, 人), each row
shows the outcome *as a share of its target* (a bar), with a line at 100 %;
the target and the outcome themselves are written next to the row, and the
verdict is spelled out in words, so the chart never relies on colour alone.

matplotlib (Agg, imported lazily) draws the chart with ``svg.fonttype='none'``
so Chinese labels stay text (searchable, copyable; the browser picks a CJK
font), a fixed ``svg.hashsalt`` and no date metadata, so the same audit gives
the same SVG bytes on the same machine.  Without matplotlib,
:func:`targets_chart_svg` draws the same chart by hand.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from .common import fmt_outcome, fmt_target, verdict_style

__all__ = ["ChartRow", "chart_rows", "targets_chart_svg"]

#: The CJK-capable font stack written into the SVG (first available wins).
FONT_FAMILY = ["Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "PingFang SC",
               "Microsoft YaHei", "DejaVu Sans", "sans-serif"]


@dataclass(frozen=True)
class ChartRow:
    """One promise on the chart."""

    id: str
    label: str
    target: str
    outcome: str
    ratio: float
    verdict: str


def _reference(target: dict[str, Any]) -> float | None:
    value = target.get("value")
    if value is None:
        low, high = target.get("low"), target.get("high")
        if low is not None and high is not None:
            value = (low + high) / 2
        else:
            value = low if low is not None else high
    if value is None or value == 0:
        return None
    return float(value)


def chart_rows(audit: dict[str, Any], *, limit: int = 40) -> list[ChartRow]:
    """Promises that can be charted: numeric target and outcome in the same unit.

    The ratio is ``outcome / target`` where the target is its value, or the
    middle of a range.  At most ``limit`` rows, in the audit's order.

    >>> rows = chart_rows({"promises": [{"promise": {"id": "p1", "metric": "GDP",
    ...     "target": {"op": ">=", "value": 5, "unit": "%"}}, "verdict": "kept",
    ...     "outcome": {"value": 6, "unit": "%"}}]})
    >>> rows[0].ratio, rows[0].target, rows[0].outcome
    (1.2, '≥5%', '6%')
    """
    out = []
    for item in audit.get("promises", []):
        p = item.get("promise") or {}
        target, outcome = p.get("target"), item.get("outcome")
        if not target or not outcome or outcome.get("value") is None:
            continue
        if (target.get("unit") or "") != (outcome.get("unit") or ""):
            continue
        ref = _reference(target)
        if ref is None:
            continue
        out.append(ChartRow(
            id=str(p.get("id")),
            label=str(p.get("metric") or p.get("quote") or p.get("id")),
            target=fmt_target(target),
            outcome=fmt_outcome(outcome),
            ratio=float(outcome["value"]) / ref,
            verdict=str(item.get("verdict") or "unclear"),
        ))
        if len(out) >= limit:
            break
    return out


def _clip(text: str, n: int = 14) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _text_width(text: str, size: float) -> float:
    """Estimated width of ``text`` at font ``size``: wide (CJK) characters one em, others 0.6.

    >>> _text_width("启动新的三年棚改攻坚计划开工", 9), _text_width("GDP", 10)
    (126, 18.0)
    """
    import unicodedata

    return sum(size if unicodedata.east_asian_width(ch) in "WF" else 0.6 * size for ch in text)


def _strip_prolog(svg: str) -> str:
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else svg


def _matplotlib_svg(rows: list[ChartRow], title: str) -> str:
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    rc = {
        "svg.fonttype": "none",
        "svg.hashsalt": "reportdiff",
        "font.family": "sans-serif",
        "font.sans-serif": FONT_FAMILY,
        "font.size": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
    hatches = {"kept": "", "partial": "//", "in_progress": "..", "missed": "xx",
               "not_mentioned": "", "unclear": "\\\\"}
    with matplotlib.rc_context(rc), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # missing CJK glyphs only affect text metrics
        height = 0.9 + 0.32 * len(rows)
        fig = Figure(figsize=(7.2, height))
        # room for the longest tick label (9 pt) plus the tick and its padding
        label_pt = max(_text_width(_clip(r.label), 9) for r in rows) + 12
        left = min(max(0.24, label_pt / (7.2 * 72)), 0.34)
        ax = fig.add_axes((left, 0.5 / height + 0.02, 0.74 - left, 1 - 0.85 / height))
        ys = list(range(len(rows)))[::-1]
        cap = 2.0
        for y, row in zip(ys, rows):
            style = verdict_style(row.verdict)
            ax.barh(y, min(row.ratio, cap), height=0.62, color=style.bg, edgecolor=style.fg,
                    linewidth=0.8, hatch=hatches.get(row.verdict, ""))
            mark = "▸" if row.ratio > cap else ""
            ax.text(cap * 1.03, y, f"{row.outcome} / {row.target}{mark}  {style.label}",
                    va="center", ha="left", fontsize=8, color="#222222", clip_on=False)
        ax.axvline(1.0, color="#222222", linewidth=1, linestyle="--")
        ax.set_yticks(ys, [_clip(r.label) for r in rows])
        ax.set_xlim(0, cap)
        ax.set_xticks([0, 0.5, 1.0, 1.5, 2.0], ["0", "50%", "100%", "150%", "≥200%"])
        ax.set_xlabel("outcome as a share of the target (dashed line: target met exactly)")
        ax.set_title(title, fontsize=10, loc="left")
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    return _strip_prolog(buf.getvalue())


def _plain_svg(rows: list[ChartRow], title: str) -> str:
    """The same chart drawn by hand (no matplotlib): bars, a 100 % line, labels."""
    row_h, left, width, right = 24, 180, 300, 230  # left: 14 wide characters at 12 px
    top = 34
    h = top + row_h * len(rows) + 40
    w = left + width + right
    cap = 2.0
    x100 = left + width / cap
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" '
              f'width="{w}" height="{h}" role="img" font-family="{", ".join(FONT_FAMILY)}" '
              f'font-size="12">'),
             f'<text x="4" y="18" font-size="13">{escape(title)}</text>']
    for i, row in enumerate(rows):
        style = verdict_style(row.verdict)
        y = top + i * row_h
        bw = width * min(row.ratio, cap) / cap
        parts.append(f'<text x="{left - 6}" y="{y + 16}" text-anchor="end">'
                     f'{escape(_clip(row.label))}</text>')
        parts.append(f'<rect x="{left}" y="{y + 4}" width="{bw:.1f}" height="16" '
                     f'fill="{style.bg}" stroke="{style.fg}"/>')
        mark = "▸" if row.ratio > cap else ""
        parts.append(f'<text x="{left + width + 6}" y="{y + 16}">'
                     f'{escape(row.outcome)} / {escape(row.target)}{mark}  '
                     f'{escape(style.label)}</text>')
    bottom = top + row_h * len(rows)
    parts.append(f'<line x1="{x100:.1f}" y1="{top}" x2="{x100:.1f}" y2="{bottom}" '
                 f'stroke="#222" stroke-dasharray="4 3"/>')
    for frac, label in ((0, "0"), (0.5, "50%"), (1.0, "100%"), (1.5, "150%"), (2.0, "≥200%")):
        x = left + width * frac / cap
        parts.append(f'<text x="{x:.1f}" y="{bottom + 16}" text-anchor="middle">{label}</text>')
    parts.append(f'<text x="{left}" y="{bottom + 34}">outcome as a share of the target '
                 f'(dashed line: target met exactly)</text></svg>')
    return "\n".join(parts)


def targets_chart_svg(audit: dict[str, Any], *, title: str = "Targets versus outcomes",
                      engine: str = "auto") -> str:
    """The chart as an ``<svg>`` element string, or ``""`` when no promise can be charted.

    ``engine`` is ``"matplotlib"``, ``"plain"`` (hand-made SVG) or ``"auto"``
    (matplotlib when it is installed).  All text in the SVG is XML-escaped.
    """
    rows = chart_rows(audit)
    if not rows:
        return ""
    if engine == "auto":
        import importlib.util

        engine = "matplotlib" if importlib.util.find_spec("matplotlib") else "plain"
    if engine == "matplotlib":
        return _matplotlib_svg(rows, title)
    return _plain_svg(rows, title)
