"""Shared vocabulary of the renderers: verdict labels, number and target formatting.

Every output format (HTML, Markdown, CSV, SQLite) shows the same words for a
verdict and the same spelling of a number, so a journalist who copies a value
from the CSV finds it verbatim in the HTML report.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

__all__ = [
    "VERDICTS",
    "VerdictStyle",
    "verdict_style",
    "fmt_number",
    "fmt_target",
    "fmt_outcome",
    "fmt_attainment",
    "fmt_share",
    "as_dict",
    "reports_of",
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
    >>> fmt_target(None)
    ''
    """
    if not target:
        return ""
    unit = target.get("unit") or ""
    low, high = target.get("low"), target.get("high")
    if low is not None and high is not None and low != high:
        return f"{fmt_number(low)}–{fmt_number(high)}{unit}"
    value = target.get("value")
    if value is None:
        value = low if low is not None else high
    if value is None:
        return str(target.get("op") or "")
    op = target.get("op")
    sym = _OPS.get(str(op), "" if op is None else f"{op} ")
    return f"{sym}{fmt_number(value)}{unit}"


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


def reports_of(result: Any, old: Any = None, new: Any = None) -> tuple[Any, Any]:
    """The two :class:`~reportdiff.report.Report` objects behind a result, when it keeps them.

    Explicit ``old``/``new`` win; otherwise the attributes ``old_report`` /
    ``new_report`` (or ``old`` / ``new`` when they are reports) are used.
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
        found.append(given)
    return found[0], found[1]
