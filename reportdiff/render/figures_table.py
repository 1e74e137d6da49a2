"""Terminal and CSV rendering of figures (``reportdiff figures``).

The plain table (used whenever stdout is not a terminal, so the output is
deterministic) has one line per figure: metric, value, unit, qualifier, kind,
section and the quote shortened to fit.  Widths count wide characters as two
columns.  On a terminal :func:`print_figures` draws the same table with rich.

>>> from reportdiff.figures import extract_figures_from_text
>>> print(figures_text(extract_figures_from_text("国内生产总值增长6.6%。")), end="")
metric            value  unit  qualifier  kind    section  quote
国内生产总值增长  6.6    %                growth  -        国内生产总值增长6.6%
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .outline import plain_table, shorten

if TYPE_CHECKING:  # pragma: no cover
    from ..figures import Figure

__all__ = [
    "FIGURE_COLUMNS",
    "figure_csv_rows",
    "figure_table_rows",
    "figures_csv",
    "figures_text",
    "print_figures",
]

#: Columns of the terminal table.
FIGURE_COLUMNS = ("metric", "value", "unit", "qualifier", "kind", "section", "quote")

#: Columns of ``--format csv`` (one row per figure).
CSV_COLUMNS = ("metric", "metric_key", "value", "unit", "base_value", "base_unit", "kind",
               "qualifier", "low", "high", "from_value", "direction", "section", "role",
               "span_start", "span_end", "quote")

_QUOTE_WIDTH = 40
_METRIC_WIDTH = 28


def figure_table_rows(figures: Sequence[Figure]) -> list[tuple[str, ...]]:
    """The cells of the terminal table, one tuple per figure."""
    rows = []
    for f in figures:
        rows.append((
            shorten(f.metric, _METRIC_WIDTH) or "-",
            f.value_text,
            f.unit,
            f.qualifier,
            f.kind,
            f.section or "-",
            shorten(" ".join(f.quote.split()), _QUOTE_WIDTH),
        ))
    return rows


def figures_text(figures: Sequence[Figure]) -> str:
    """The figures as a plain aligned table (header line first); "" stays a header only."""
    return plain_table(FIGURE_COLUMNS, figure_table_rows(figures))


def print_figures(figures: Sequence[Figure], *, title: str | None = None) -> None:
    """Draw the table with rich (for a terminal)."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False, header_style="bold")
    for col in FIGURE_COLUMNS:
        table.add_column(col, justify="right" if col == "value" else "left",
                         overflow="fold" if col == "quote" else "ellipsis")
    for row in figure_table_rows(figures):
        table.add_row(*row)
    Console().print(table)


def figure_csv_rows(figures: Sequence[Figure]) -> list[dict[str, Any]]:
    """One flat dict per figure, in :data:`CSV_COLUMNS` order."""
    out = []
    for f in figures:
        d = f.to_dict()
        d["span_start"], d["span_end"] = f.span
        out.append({c: d.get(c) for c in CSV_COLUMNS})
    return out


def figures_csv(figures: Sequence[Figure], *, excel: bool = False) -> str:
    """The figures as CSV text (RFC 4180, header line first)."""
    from .csvout import rows_to_csv

    return rows_to_csv(figure_csv_rows(figures), columns=CSV_COLUMNS, excel=excel)
