"""Flat rows of audits and diffs: the one tabular shape behind CSV, SQLite and pandas.

Each function takes the JSON-ready dict of a result (``Audit.to_dict()`` /
``Diff.to_dict()``) and returns a list of flat dicts with a fixed key order, so
a CSV column, a SQLite column and a DataFrame column carry the same name and
the same value.  ``Audit.to_pandas()`` is ``pandas.DataFrame(promise_rows(d))``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .common import fmt_outcome, fmt_target, verdict_style

__all__ = [
    "FIGURE_COLUMNS",
    "PROMISE_COLUMNS",
    "delta_rows",
    "evidence_rows",
    "figure_rows",
    "pair_rows",
    "promise_rows",
    "section_rows",
]

#: Column order of :func:`promise_rows` (and of ``--format csv`` for an audit).
PROMISE_COLUMNS: tuple[str, ...] = (
    "id", "section", "kind", "metric", "strength", "quote", "span_start", "span_end",
    "target", "target_op", "target_value", "target_low", "target_high", "target_unit",
    "verdict", "verdict_label", "outcome", "outcome_value", "outcome_unit", "attainment",
    "confidence", "rule", "evidence_count", "evidence",
)


def _span(span: Iterable[int] | None) -> tuple[int | None, int | None]:
    if not span:
        return None, None
    start, end = list(span)[:2]
    return start, end


def promise_rows(audit: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per audited promise, in the audit's order.

    ``evidence`` joins the evidence quotes with a newline; the quotes with
    their spans are in :func:`evidence_rows`.

    >>> rows = promise_rows({"promises": [{"promise": {"id": "p1", "quote": "增长6%",
    ...     "span": [3, 7], "metric": "GDP", "target": {"op": ">=", "value": 6, "unit": "%"}},
    ...     "verdict": "kept", "outcome": {"value": 6.1, "unit": "%"}, "evidence": []}]})
    >>> rows[0]["target"], rows[0]["outcome"], rows[0]["verdict_label"]
    ('≥6%', '6.1%', 'kept')
    """
    out = []
    for item in audit.get("promises", []):
        p = item.get("promise") or {}
        target = p.get("target") or {}
        outcome = item.get("outcome") or {}
        start, end = _span(p.get("span"))
        evidence = item.get("evidence") or []
        verdict = item.get("verdict") or "unclear"
        out.append({
            "id": p.get("id"),
            "section": p.get("section"),
            "kind": p.get("kind"),
            "metric": p.get("metric"),
            "strength": p.get("strength"),
            "quote": p.get("quote"),
            "span_start": start,
            "span_end": end,
            "target": fmt_target(target or None),
            "target_op": target.get("op"),
            "target_value": target.get("value"),
            "target_low": target.get("low"),
            "target_high": target.get("high"),
            "target_unit": target.get("unit"),
            "verdict": verdict,
            "verdict_label": verdict_style(verdict).label,
            "outcome": fmt_outcome(outcome or None),
            "outcome_value": outcome.get("value"),
            "outcome_unit": outcome.get("unit"),
            "attainment": item.get("attainment"),
            "confidence": item.get("confidence"),
            "rule": item.get("rule"),
            "evidence_count": len(evidence),
            "evidence": "\n".join(str(e.get("quote", "")) for e in evidence),
        })
    return out


def evidence_rows(audit: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per evidence quote: ``promise_id``, ``n`` (1-based), ``quote``, span.

    Evidence quotes index the *new* report's source text.
    """
    out = []
    for item in audit.get("promises", []):
        pid = (item.get("promise") or {}).get("id")
        for n, ev in enumerate(item.get("evidence") or [], start=1):
            start, end = _span(ev.get("span"))
            out.append({"promise_id": pid, "n": n, "quote": ev.get("quote"),
                        "span_start": start, "span_end": end})
    return out


#: Column order of :func:`figure_rows`.
FIGURE_COLUMNS: tuple[str, ...] = ("report", "n", "metric", "value", "unit", "kind", "section",
                                   "span_start", "span_end", "quote")


def figure_rows(old: Any, new: Any) -> list[dict[str, Any]]:
    """One row per figure of the old, then the new :class:`~reportdiff.report.Report`.

    ``report`` is ``"old"`` or ``"new"``; a report given as ``None`` adds no
    rows.  Figures are read through their attributes (``metric``, ``value``,
    ``unit``, ``kind``, ``section``, ``span``, ``quote``); a missing attribute
    gives ``None``.
    """
    out = []
    for role, report in (("old", old), ("new", new)):
        if report is not None:
            out += _figure_rows(report, role=role)
    return out


def _figure_rows(report: Any, *, role: str) -> list[dict[str, Any]]:
    out = []
    for n, fig in enumerate(report.figures, start=1):
        start, end = _span(getattr(fig, "span", None))
        out.append({
            "report": role,
            "n": n,
            "metric": getattr(fig, "metric", None),
            "value": getattr(fig, "value", None),
            "unit": getattr(fig, "unit", None),
            "kind": getattr(fig, "kind", None),
            "section": getattr(fig, "section", None),
            "span_start": start,
            "span_end": end,
            "quote": getattr(fig, "quote", None),
        })
    return out


def section_rows(report: Any, *, role: str) -> list[dict[str, Any]]:
    """One row per section of a report (every level), in document order."""
    out = []
    for s in report.walk():
        out.append({
            "report": role,
            "id": s.id,
            "level": s.level,
            "kind": s.kind,
            "title": s.title,
            "role": s.role,
            "year": s.year,
            "span_start": s.span[0],
            "span_end": s.span[1],
        })
    return out


def _ops_counts(ops: Iterable[Any]) -> tuple[int, int, int]:
    """Equal, inserted and deleted characters, line breaks not counted (as ``unchanged_share``)."""
    from ..textdiff import op_counts

    c = op_counts([(op[0], op[1]) for op in ops])
    return c["equal"], c["insert"], c["delete"]


def pair_rows(diff: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per aligned section pair of a diff, with character counts of its edits.

    >>> pair_rows({"pairs": [{"old": ["1"], "new": ["1"], "relation": "same",
    ...     "ops": [["equal", "ab"], ["insert", "c"]]}]})[0]["inserted_chars"]
    1
    """
    out = []
    for n, pair in enumerate(diff.get("pairs", []), start=1):
        equal, inserted, deleted = _ops_counts(pair.get("ops") or [])
        os_, oe = _span(pair.get("old_span"))
        ns, ne = _span(pair.get("new_span"))
        out.append({
            "n": n,
            "old": ",".join(pair.get("old") or []),
            "new": ",".join(pair.get("new") or []),
            "relation": pair.get("relation"),
            "score": pair.get("score"),
            "old_title": pair.get("old_title"),
            "new_title": pair.get("new_title"),
            "unchanged_share": pair.get("unchanged_share"),
            "equal_chars": equal,
            "inserted_chars": inserted,
            "deleted_chars": deleted,
            "old_span_start": os_,
            "old_span_end": oe,
            "new_span_start": ns,
            "new_span_end": ne,
        })
    return out


_DELTA_KEYS = ("metric", "kind", "old_value", "new_value", "unit", "abs_change", "rel_change",
               "comparable", "note")


def _figure_side(fig: Any) -> dict[str, Any]:
    """``old``/``new`` of a delta: a figure dict (quote, span, section) or missing."""
    fig = fig if isinstance(fig, dict) else {}
    start, end = _span(fig.get("span"))
    return {"quote": fig.get("quote"), "section": fig.get("section"),
            "span_start": start, "span_end": end}


def delta_rows(diff: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per figure delta, with the pair it belongs to (``pair`` = 1-based index,
    ``old_ids``/``new_ids`` its section ids).

    The figures on both sides (``old``/``new`` figure dicts) become
    ``old_quote``, ``old_span_start``... columns; keys beyond the documented
    ones are kept after them, in sorted order, lists joined into strings, so
    every row has the same columns.

    >>> rows = delta_rows({"pairs": [{"old": ["1"], "new": ["1"], "figure_deltas": [
    ...     {"metric": "GDP", "old_value": 6.5, "new_value": 6.6, "unit": "%",
    ...      "old": {"quote": "增长6.5%", "span": [3, 9]}}]}]})
    >>> rows[0]["old_quote"], rows[0]["old_span_start"], rows[0]["new_quote"]
    ('增长6.5%', 3, None)
    """
    raw = []
    extra: set[str] = set()
    for n, pair in enumerate(diff.get("pairs", []), start=1):
        for d in pair.get("figure_deltas") or []:
            raw.append((n, pair, d))
            extra.update(k for k in d if k not in _DELTA_KEYS and k not in ("old", "new"))
    extras = sorted(extra)
    out = []
    for n, pair, d in raw:
        row: dict[str, Any] = {
            "pair": n,
            "old_ids": ",".join(str(i) for i in pair.get("old") or []),
            "new_ids": ",".join(str(i) for i in pair.get("new") or []),
        }
        for key in _DELTA_KEYS:
            row[key] = d.get(key)
        for side in ("old", "new"):
            for key, value in _figure_side(d.get(side)).items():
                row[f"{side}_{key}"] = value
        for key in extras:
            value = d.get(key)
            if isinstance(value, (list, tuple)):
                value = ",".join(str(v) for v in value)
            elif isinstance(value, dict):
                value = ";".join(f"{k}={v}" for k, v in value.items())
            row[key] = value
        out.append(row)
    return out
