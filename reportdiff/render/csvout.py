"""CSV export: one row per promise (audit), per section pair (diff) or per figure.

Named ``csvout`` so that it does not shadow the standard :mod:`csv` module.
The output uses ``\\r\\n`` line ends (RFC 4180) and, with ``excel=True``, starts
with a UTF-8 byte-order mark so that Excel opens Chinese text correctly.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from ..errors import UsageError
from .common import fmt_number
from .rows import (
    FIGURE_COLUMNS,
    PROMISE_COLUMNS,
    delta_rows,
    evidence_rows,
    figure_rows,
    pair_rows,
    promise_rows,
)

__all__ = ["AUDIT_ROWS", "DIFF_ROWS", "audit_csv", "diff_csv", "rows_to_csv"]

#: What one CSV row can stand for, per result type.
AUDIT_ROWS = ("promise", "evidence", "figure")
DIFF_ROWS = ("pair", "figure")

BOM = "\ufeff"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return fmt_number(value)
    return str(value)


def rows_to_csv(rows: Sequence[dict[str, Any]], *, columns: Sequence[str] | None = None,
                excel: bool = False) -> str:
    """Rows (dicts) as CSV text with a header line.

    >>> rows_to_csv([{"a": 1, "b": 0.5}, {"a": None, "b": "x,y"}])
    'a,b\\r\\n1,0.5\\r\\n,"x,y"\\r\\n'
    """
    if columns is None:
        columns = list(rows[0]) if rows else []
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return (BOM if excel else "") + buf.getvalue()


def audit_csv(audit: dict[str, Any], *, rows: str = "promise", excel: bool = False,
              old: Any = None, new: Any = None) -> str:
    """An audit as CSV: ``rows="promise"`` (default), ``"evidence"`` or ``"figure"``.

    Figure rows need the two :class:`~reportdiff.report.Report` objects
    (``old``/``new``); an audit that does not keep them raises
    :class:`~reportdiff.errors.UsageError`.
    """
    if rows == "promise":
        return rows_to_csv(promise_rows(audit), columns=PROMISE_COLUMNS, excel=excel)
    if rows == "evidence":
        return rows_to_csv(evidence_rows(audit),
                           columns=("promise_id", "n", "quote", "span_start", "span_end"),
                           excel=excel)
    if rows == "figure":
        if old is None or new is None:
            raise UsageError("figure rows need both reports; pass old= and new= "
                             "(or use rows='promise')")
        return rows_to_csv(figure_rows(old, new), columns=FIGURE_COLUMNS, excel=excel)
    raise UsageError(f"unknown CSV row type {rows!r} for an audit; "
                     f"use one of {', '.join(AUDIT_ROWS)}")


def diff_csv(diff: dict[str, Any], *, rows: str = "pair", excel: bool = False) -> str:
    """A diff as CSV: ``rows="pair"`` (one row per aligned section pair) or ``"figure"``."""
    if rows == "pair":
        return rows_to_csv(pair_rows(diff), columns=_PAIR_COLUMNS, excel=excel)
    if rows == "figure":
        table = delta_rows(diff)
        return rows_to_csv(table, columns=list(table[0]) if table else _DELTA_COLUMNS,
                           excel=excel)
    raise UsageError(f"unknown CSV row type {rows!r} for a diff; "
                     f"use one of {', '.join(DIFF_ROWS)}")


_PAIR_COLUMNS = ("n", "old", "new", "relation", "score", "old_title", "new_title",
                 "unchanged_share", "equal_chars", "inserted_chars", "deleted_chars",
                 "old_span_start", "old_span_end", "new_span_start", "new_span_end")
_DELTA_COLUMNS = ("pair", "old_ids", "new_ids", "metric", "kind", "old_value",
                  "new_value", "unit", "abs_change", "rel_change", "comparable", "note",
                  "old_quote", "old_section", "old_span_start", "old_span_end", "new_quote",
                  "new_section", "new_span_start", "new_span_end")
