"""Render similarity tables and alignments as plain text, CSV and HTML.

Plain text is padded by display width (a Chinese character takes two
columns) and does not depend on the terminal, so CLI output is stable.
"""

from __future__ import annotations

import csv
import html
import io
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..align import Alignment
    from ..similarity import SimilarityTable

__all__ = [
    "alignment_html",
    "alignment_text",
    "display_width",
    "similarity_csv",
    "similarity_html",
    "similarity_text",
]


def display_width(s: str) -> int:
    """Columns ``s`` takes in a terminal.

    >>> display_width("ab中文")
    6
    """
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _pad(s: str, width: int, right: bool = False) -> str:
    fill = " " * max(0, width - display_width(s))
    return fill + s if right else s + fill


def _grid(header: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> str:
    widths = [max(display_width(r[k]) for r in [header, *rows]) for k in range(len(header))]
    lines = []
    for r in [header, *rows]:
        lines.append("  ".join(_pad(c, widths[k], k in right) for k, c in enumerate(r)).rstrip())
    return "\n".join(lines) + "\n"


def _fmt(x: float | None) -> str:
    """A score with three decimals; blank for a unit with no counterpart (``None``)."""
    return "" if x is None else f"{x:.3f}"


def similarity_text(table: SimilarityTable) -> str:
    """The pairs (and, at chapter/topic level, the unit rows) and the matrix as text."""
    ms = list(table.measures)
    out = [f"similarity ({table.level} level)\n"]
    rows = [[p.old, p.new, *(_fmt(dict(p.scores)[m]) for m in ms)] for p in table.pairs]
    out.append(_grid(["old", "new", *ms], rows, set(range(2, 2 + len(ms)))))
    if table.units:
        out.append("\n")
        urows = [[u.old, u.new, ",".join(u.old_ids) or "-", ",".join(u.new_ids) or "-",
                  u.relation or "", *(_fmt(dict(u.scores)[m]) for m in ms)] for u in table.units]
        out.append(_grid(["old", "new", "old ids", "new ids", "relation", *ms], urows,
                         set(range(5, 5 + len(ms)))))
    if table.matrix:
        out.append(f"\nmatrix ({table.matrix_measure})\n")
        mrows = [[lab, *(_fmt(v) for v in row)] for lab, row in zip(table.labels, table.matrix)]
        out.append(_grid(["", *table.labels], mrows, set(range(1, 1 + len(table.labels)))))
    return "".join(out)


def similarity_csv(table: SimilarityTable) -> str:
    """One CSV row per pair and per unit row: old,new,level,old_ids,new_ids,relation,measures."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    ms = list(table.measures)
    w.writerow(["old", "new", "level", "old_ids", "new_ids", "relation", *ms])
    for r in [*table.pairs, *table.units]:
        sc = dict(r.scores)
        w.writerow([r.old, r.new, r.level, " ".join(r.old_ids), " ".join(r.new_ids),
                    r.relation or "", *("" if sc[m] is None else f"{sc[m]:.6f}" for m in ms)])
    return buf.getvalue()


def similarity_html(table: SimilarityTable) -> str:
    """An HTML table of the pairs (used by ``SimilarityTable._repr_html_``)."""
    ms = list(table.measures)
    head = "".join(f"<th>{html.escape(m)}</th>" for m in ["old", "new", *ms])
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in
                         [p.old, p.new, *(_fmt(dict(p.scores)[m]) for m in ms)]) + "</tr>"
        for p in table.pairs)
    return (f"<table><caption>similarity ({html.escape(table.level)} level)</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def _titles(report: object, ids: Sequence[str], width: int = 24) -> str:
    parts = []
    for i in ids:
        t = report.section(i).title or f"[{report.section(i).kind}]"  # type: ignore[attr-defined]
        parts.append(t if len(t) <= width else t[:width - 1] + "…")
    return " + ".join(parts)


def alignment_text(al: Alignment) -> str:
    """Links and review links, one per line, with section ids and titles."""
    counts = ", ".join(f"{n} {r}" for r, n in al.counts().items() if n)
    out = [f"{len(al.links)} links at {al.level} level ({counts})\n"]
    for lk in al.links:
        old = ",".join(lk.old) or "-"
        new = ",".join(lk.new) or "-"
        left = f"{old} {_titles(al.old, lk.old)}".rstrip() if lk.old else "-"
        right = f"{new} {_titles(al.new, lk.new)}".rstrip() if lk.new else "-"
        out.append(f"  {lk.relation:<7} {lk.score:.3f}  {left}  ->  {right}\n")
    out.append(f"\n{len(al.review_links)} review links (new review -> old plan)\n")
    for rl in al.review_links:
        out.append(f"  {rl.score:.3f}  {','.join(rl.review)} {_titles(al.new, rl.review)}  ->  "
                   f"{','.join(rl.plan)} {_titles(al.old, rl.plan)}\n")
    return "".join(out)


def alignment_html(al: Alignment) -> str:
    """An HTML table of the links (used by ``Alignment._repr_html_``)."""
    rows = []
    for lk in al.links:
        cells = [",".join(lk.old), _titles(al.old, lk.old), lk.relation, _fmt(lk.score),
                 ",".join(lk.new), _titles(al.new, lk.new)]
        rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th>{h}</th>" for h in
                   ["old", "old title", "relation", "score", "new", "new title"])
    return (f"<table><caption>alignment ({html.escape(al.level)} level)</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")
