"""Shared vocabulary of the renderers: verdict labels, number and target formatting.

Every output format (HTML, Markdown, CSV, SQLite) shows the same words for a
verdict and the same spelling of a number, so a journalist who copies a value
from the CSV finds it verbatim in the HTML report.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "CONTEXT",
    "VERDICTS",
    "VerdictStyle",
    "as_dict",
    "complete_sides",
    "delta_cells",
    "elide",
    "fmt_attainment",
    "fmt_ids",
    "fmt_number",
    "fmt_outcome",
    "fmt_share",
    "fmt_target",
    "reports_of",
    "side_name",
    "source_of",
    "verdict_style",
]


@dataclass(frozen=True)
class VerdictStyle:
    """How a verdict is shown: a word, an icon-like letter and a colour pair.

    The colours are for the badge background and text; the pair has a contrast
    ratio above 7:1 (WCAG AAA), and the word and the icon carry the meaning on
    their own, so the badge is readable in greyscale print.
    """

    key: str
    label: str
    icon: str
    fg: str
    bg: str


#: The verdicts of an audit, in the order they are listed in summaries.
VERDICTS: tuple[VerdictStyle, ...] = (
    VerdictStyle("kept", "kept", "✓", "#0a4d1c", "#d9f2df"),
    VerdictStyle("partial", "partly kept", "◐", "#5c3d00", "#fbe9c2"),
    VerdictStyle("in_progress", "in progress", "→", "#0b3d6e", "#dcebfa"),
    VerdictStyle("missed", "missed", "✗", "#7a0d0d", "#fadcdc"),
    VerdictStyle("not_mentioned", "not mentioned", "∅", "#333333", "#e8e8e8"),
    VerdictStyle("unclear", "unclear", "?", "#4a1f66", "#eee0f7"),
)
_BY_KEY = {v.key: v for v in VERDICTS}


def verdict_style(key: str) -> VerdictStyle:
    """The style of verdict ``key``; an unknown verdict gets a neutral badge with its own name.

    >>> verdict_style("kept").label
    'kept'
    >>> verdict_style("surprise").label
    'surprise'
    """
    if key in _BY_KEY:
        return _BY_KEY[key]
    return VerdictStyle(key, str(key).replace("_", " "), "•", "#333333", "#e8e8e8")


def fmt_number(value: Any) -> str:
    """Spell a number the same way everywhere: integers without ``.0``, floats by ``repr``.

    >>> fmt_number(6.0), fmt_number(6.5), fmt_number(1200), fmt_number(None)
    ('6', '6.5', '1200', '')
    >>> fmt_number(0.1 + 0.2)
    '0.3'
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return str(value)
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return format(round(value, 10), ".10g")
    return str(value)


_OPS = {
    ">=": "≥", "≥": "≥", "at_least": "≥", "min": "≥", "ge": "≥",
    "<=": "≤", "≤": "≤", "at_most": "≤", "max": "≤", "le": "≤",
    ">": ">", "gt": ">", "<": "<", "lt": "<",
    "~": "≈", "≈": "≈", "approx": "≈", "about": "≈", "around": "≈",
    "=": "", "==": "", "eq": "",
}


def fmt_target(target: dict[str, Any] | None) -> str:
    """A target as a short phrase: ``≥6.5%``, ``6–6.5%``, ``≈1100万人``.

    >>> fmt_target({"op": ">=", "value": 6.5, "low": None, "high": None, "unit": "%"})
    '≥6.5%'
    >>> fmt_target({"op": "range", "value": None, "low": 6.0, "high": 6.5, "unit": "%"})
    '6–6.5%'
    >>> fmt_target({"op": "~", "value": 3, "unit": "%", "direction": "down"})
    'cut ≈3%'
    >>> fmt_target(None)
    ''
    """
    if not target:
        return ""
    unit = target.get("unit") or ""
    low, high = target.get("low"), target.get("high")
    cut = "cut " if target.get("direction") == "down" else ""
    if low is not None and high is not None and low != high:
        return f"{cut}{fmt_number(low)}–{fmt_number(high)}{unit}"
    value = target.get("value")
    if value is None:
        value = low if low is not None else high
    if value is None:
        return str(target.get("op") or "")
    op = target.get("op")
    sym = _OPS.get(str(op), "" if op is None else f"{op} ")
    return f"{cut}{sym}{_fraction(value) if not unit else fmt_number(value)}{unit}"


def _fraction(value: Any) -> str:
    """A unitless share such as 三分之一 (stored as 0.333333) as ``1/3``.

    Only proper fractions with a denominator up to 10 that match to 6
    decimals; anything else is spelled by :func:`fmt_number`.

    >>> _fraction(0.333333), _fraction(0.5), _fraction(0.7), _fraction(0.123), _fraction(12)
    ('1/3', '1/2', '7/10', '0.123', '12')
    """
    if isinstance(value, float) and 0 < value < 1:
        from fractions import Fraction

        frac = Fraction(value).limit_denominator(10)
        if abs(float(frac) - value) < 1e-6 and frac.denominator > 1:
            return f"{frac.numerator}/{frac.denominator}"
    return fmt_number(value)


def fmt_outcome(outcome: dict[str, Any] | None) -> str:
    """An outcome as ``value`` + ``unit`` (empty when there is none).

    >>> fmt_outcome({"value": 6.6, "unit": "%"})
    '6.6%'
    """
    if not outcome or outcome.get("value") is None:
        return ""
    return f"{fmt_number(outcome['value'])}{outcome.get('unit') or ''}"


def fmt_attainment(value: float | None) -> str:
    """Attainment as a percentage, one decimal: ``1.015`` → ``101.5%``.

    >>> fmt_attainment(1.015), fmt_attainment(None)
    ('101.5%', '')
    """
    if value is None:
        return ""
    return f"{value * 100:.1f}%"


def fmt_share(value: float | None) -> str:
    """A share in ``[0, 1]`` as a whole percentage.

    >>> fmt_share(0.4251)
    '43%'
    """
    if value is None:
        return ""
    return f"{value * 100:.0f}%"


def fmt_ids(ids: Any) -> str:
    """Section ids as text: a list is joined with commas, a single id kept.

    >>> fmt_ids(["2.1", "2.2"]), fmt_ids("3"), fmt_ids(None)
    ('2.1,2.2', '3', '')
    """
    if ids is None:
        return ""
    if isinstance(ids, (list, tuple)):
        return ",".join(str(i) for i in ids)
    return str(ids)


#: Characters of unchanged text kept on each side of a change (terminal and Markdown diffs).
CONTEXT = 12
_ELLIPSIS = "…"


def elide(ops: Sequence[Sequence[str]], *, context: int = CONTEXT) -> list[tuple[str, str]]:
    """Cut the equal stretches of ``ops`` to ``context`` characters beside each change.

    >>> elide([("equal", "一二三四五六七八九十"), ("insert", "新"), ("equal", "甲乙丙丁戊己庚")],
    ...       context=3)
    [('equal', '…八九十'), ('insert', '新'), ('equal', '甲乙丙…')]
    """
    out: list[tuple[str, str]] = []
    n = len(ops)
    for k, (op, text) in enumerate(ops):
        if op != "equal":
            out.append((op, text))
            continue
        first, last = k == 0, k == n - 1
        if first and last:
            out.append((op, text))
        elif first:
            out.append((op, text if len(text) <= context else _ELLIPSIS + text[-context:]))
        elif last:
            out.append((op, text if len(text) <= context else text[:context] + _ELLIPSIS))
        elif len(text) <= 2 * context + 1:
            out.append((op, text))
        else:
            out.append((op, f"{text[:context]} {_ELLIPSIS} {text[-context:]}"))
    return out


def _g(x: float) -> str:
    """Compact number: ``-0.3``, ``1383``, ``-5240``."""
    return f"{x:.4g}" if abs(x) < 1e15 else f"{x:.3e}"


def _short(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _figure_text(fig: Any, value: Any, unit: str) -> str:
    """A figure as written (``6-6.5%``, ``1.8万亿元（左右）``).

    ``value``/``unit`` when it has none.
    """
    fig = fig if isinstance(fig, dict) else {}
    if fig.get("value") is None:
        return "—" if value is None else f"{fmt_number(value)}{unit}"
    if fig.get("low") is not None and fig.get("high") is not None:
        text = f"{_short(fig['low'])}-{_short(fig['high'])}"
    elif fig.get("from_value") is not None:
        text = f"{_short(fig['from_value'])}→{_short(fig['value'])}"
    else:
        text = _short(fig["value"])
    qual = f"（{fig['qualifier']}）" if fig.get("qualifier") else ""
    return f"{text}{fig.get('unit') or ''}{qual}"


def delta_cells(delta: dict[str, Any]) -> tuple[str, str, str, str, str]:
    """(metric, old, new, change, relative) of one figure delta dict, as the renderers show it.

    The figures are spelled as the reports write them.  The change is in
    percentage points (``pp``) between two percentages (no relative change
    then), otherwise in the new figure's written unit; a delta that cannot be
    compared shows its note as the change.

    >>> delta_cells({"metric": "gdp_growth", "unit": "%", "abs_change": -0.3,
    ...     "comparable": True, "old": {"metric": "国内生产总值增长", "value": 6.9, "unit": "%"},
    ...     "new": {"metric": "国内生产总值增长", "value": 6.6, "unit": "%"}})
    ('国内生产总值增长', '6.9%', '6.6%', '-0.3 pp', '')
    >>> delta_cells({"metric": "收入", "unit": "亿元", "old_value": 12.5, "new_value": 13.0,
    ...     "abs_change": 0.5, "rel_change": 0.04, "comparable": True})
    ('收入', '12.5亿元', '13亿元', '+0.5亿元', '+4.0%')
    """
    old = delta.get("old") if isinstance(delta.get("old"), dict) else {}
    new = delta.get("new") if isinstance(delta.get("new"), dict) else {}
    unit = delta.get("unit") or ""
    metric = new.get("metric") or old.get("metric") or delta.get("metric") or ""
    abs_change, rel = delta.get("abs_change"), delta.get("rel_change")
    relative = ""
    if not delta.get("comparable"):
        change = delta.get("note") or "not comparable"
    elif abs_change is None:
        change = ""
    elif unit == "%":
        change = f"{'+' if abs_change >= 0 else ''}{_g(abs_change)} pp"
    else:
        amount, shown = abs_change, unit
        scale = new["base_value"] / new["value"] if new.get("value") and \
            new.get("base_value") else 0.0
        if scale:
            amount, shown = abs_change / scale, new.get("unit") or unit
        change = f"{'+' if amount >= 0 else ''}{_g(amount)}{shown}"
        relative = "" if rel is None else f"{rel * 100:+.1f}%"
    return (str(metric), _figure_text(old, delta.get("old_value"), unit),
            _figure_text(new, delta.get("new_value"), unit), change, relative)


def as_dict(result: Any) -> dict[str, Any]:
    """The JSON-ready dict of a result object (its ``to_dict()``) or the dict itself."""
    if isinstance(result, dict):
        return result
    to_dict = getattr(result, "to_dict", None)
    if to_dict is None:
        raise TypeError(f"cannot render {type(result).__name__}: it has no to_dict()")
    data = to_dict()
    if not isinstance(data, dict):
        raise TypeError(f"{type(result).__name__}.to_dict() returned {type(data).__name__}")
    return data


def source_of(side: dict[str, Any] | None) -> dict[str, Any]:
    """The ``source`` of an ``old``/``new`` entry as a dict (a bare path string is accepted).

    >>> source_of({"source": "a.txt"})
    {'path': 'a.txt', 'sha256': None, 'format': None}
    """
    src = (side or {}).get("source")
    if isinstance(src, dict):
        return {"path": src.get("path"), "sha256": src.get("sha256"), "format": src.get("format"),
                **{k: v for k, v in src.items() if k not in ("path", "sha256", "format")}}
    return {"path": None if src is None else str(src), "sha256": None, "format": None}


def side_name(side: dict[str, Any] | None, role: str = "report") -> str:
    """A short name of an ``old``/``new`` entry: its title, else the file name and year.

    >>> side_name({"source": {"path": "/data/national/wuhan.txt"}, "year": 2018})
    'wuhan.txt (2018)'
    >>> side_name({"title": "2019年政府工作报告", "year": 2019})
    '2019年政府工作报告'
    """
    side = side or {}
    year = side.get("year")
    title = side.get("title")
    if not title:
        path = source_of(side).get("path")
        title = str(path).replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] if path else role
    if year is not None and str(year) not in str(title):
        return f"{title} ({year})"
    return str(title)


def complete_sides(data: dict[str, Any], result: Any, old: Any = None,
                   new: Any = None) -> dict[str, Any]:
    """``data`` with full ``old``/``new`` entries (source dict, year, title).

    Missing facts are taken from the result object (``old_source``,
    ``old_year`` ...) or the reports; ``data`` itself is not changed.
    """
    out = dict(data)
    for role, report in (("old", old), ("new", new)):
        side = dict(out.get(role) or {})
        src = source_of(side)
        obj = getattr(result, f"{role}_source", None) or getattr(report, "source", None)
        if obj is not None and hasattr(obj, "to_dict"):
            for key, value in obj.to_dict().items():
                if src.get(key) is None:
                    src[key] = value
        side["source"] = src
        if side.get("year") is None:
            year = getattr(result, f"{role}_year", None) or getattr(report, "year", None)
            if year is not None:
                side["year"] = year
        if not side.get("title") and getattr(report, "title", None):
            side["title"] = report.title
        out[role] = side
    return out


def _reload(source: Any) -> Any:
    """Load a report again from its recorded path when the file still has the same sha256."""
    path = getattr(source, "path", None)
    digest = getattr(source, "sha256", None)
    if not path or not digest or "://" in str(path):
        return None
    import os

    if not os.path.isfile(path):
        return None
    from ..errors import ReportDiffError
    from ..load import load

    try:
        report = load(path, check=False)
    except (ReportDiffError, OSError):  # unreadable now: render without the texts
        return None
    return report if report.source.sha256 == digest else None


def reports_of(result: Any, old: Any = None, new: Any = None, *,
               reload: bool = False) -> tuple[Any, Any]:
    """The two :class:`~reportdiff.report.Report` objects behind a result, when it keeps them.

    Explicit ``old``/``new`` win; otherwise the attributes ``old_report`` /
    ``new_report`` (or ``old`` / ``new`` when they are reports) are used.  With
    ``reload=True`` a result that records only its sources (``old_source`` /
    ``new_source``) has them loaded again from their paths, provided the files
    still hash to the recorded sha256.
    """
    from ..report import Report

    found = []
    for given, names in ((old, ("old_report", "old")), (new, ("new_report", "new"))):
        if given is None:
            for name in names:
                candidate = getattr(result, name, None)
                if isinstance(candidate, Report):
                    given = candidate
                    break
        if given is None and reload:
            given = _reload(getattr(result, f"{names[1]}_source", None))
        found.append(given)
    return found[0], found[1]
