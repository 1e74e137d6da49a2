"""Terminal tables of promises and audits, and the demo's text and Markdown.

The plain tables (used whenever stdout is not a terminal, so the output is
deterministic) count wide characters as two columns; on a terminal the
``print_*`` functions draw the same rows with rich.  Other audit formats
(json, md, csv, html, sqlite) go through :func:`reportdiff.render.write_audit`.

>>> from reportdiff.promises import Promise, Promises, Target
>>> p = Promise(id="P001", quote="城镇新增就业1100万人以上", span=(0, 15), metric="城镇新增就业",
...             kind="quantitative", target=Target(op=">=", value=1100.0, unit="万人"),
...             section="2.1", strength="确保")
>>> print(promises_text(Promises([p])), end="")
id    kind          metric        target        strength  section  quote
P001  quantitative  城镇新增就业  >= 1100 万人  确保      2.1      城镇新增就业1100万人以上
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .outline import plain_table, shorten

if TYPE_CHECKING:  # pragma: no cover
    from ..audit import Audit, AuditItem
    from ..demo import Demo
    from ..promises import Promise

__all__ = [
    "AUDIT_COLUMNS",
    "PROMISE_COLUMNS",
    "audit_summary_line",
    "audit_text",
    "demo_markdown",
    "demo_text",
    "print_audit",
    "print_promises",
    "promises_csv",
    "promises_text",
]

PROMISE_COLUMNS = ("id", "kind", "metric", "target", "strength", "section", "quote")
AUDIT_COLUMNS = ("id", "promise", "verdict", "outcome", "attainment", "evidence")
PROMISE_CSV_COLUMNS = ("id", "kind", "metric", "metric_key", "op", "value", "low", "high",
                       "unit", "direction", "strength", "due", "section", "span_start",
                       "span_end", "quote")

_QUOTE = 40
_METRIC = 26


def _fmt(x: float | None, unit: str | None = "%") -> str:
    """A number as the other renderers spell it; a unitless share as ``1/2``."""
    from .common import _fraction, fmt_number

    if x is None:
        return ""
    return _fraction(float(x)) if not unit else fmt_number(float(x))


#: A line break between two Chinese characters (a PDF or a hard-wrapped text file
#: breaks lines mid-sentence): joined without a space when the quote is shown on one line.
_CJK_BREAK = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])[^\S\n]*\n\s*"
                        r"(?=[\u3000-\u9fff\uff00-\uffef])")


def _one_line(text: str, width: int) -> str:
    """A quote on one line for a table cell, shortened to ``width`` columns.

    >>> _one_line("棚户区住\\n房改造620多万套", 40), _one_line("启动 13所中小学", 40)
    ('棚户区住房改造620多万套', '启动 13所中小学')
    """
    text = _CJK_BREAK.sub("", text.replace("\u200b", ""))
    return shorten(" ".join(text.split()), width)


def promise_rows(promises: Sequence[Promise]) -> list[tuple[str, ...]]:
    """The cells of the promise table, one tuple per promise."""
    return [(p.id, p.kind, shorten(p.metric, _METRIC),
             p.target.describe() if p.target else "-", p.strength or "-",
             p.section or "-", _one_line(p.quote, _QUOTE)) for p in promises]


def promises_text(promises: Sequence[Promise]) -> str:
    """The promises as a plain aligned table (header line first)."""
    return plain_table(PROMISE_COLUMNS, promise_rows(promises))


def print_promises(promises: Sequence[Promise], *, title: str | None = None) -> None:
    """Draw the promise table with rich (for a terminal)."""
    _rich(PROMISE_COLUMNS, promise_rows(promises), title)


def promises_csv(promises: Sequence[Promise], *, excel: bool = False) -> str:
    """The promises as CSV (one row per promise, target fields flattened)."""
    from .csvout import rows_to_csv

    rows = []
    for p in promises:
        d = p.to_dict()
        t = d.pop("target") or {}
        d.update({k: t.get(k) for k in ("op", "value", "low", "high", "unit", "direction")})
        d["span_start"], d["span_end"] = p.span
        rows.append({c: d.get(c) for c in PROMISE_CSV_COLUMNS})
    return rows_to_csv(rows, columns=PROMISE_CSV_COLUMNS, excel=excel)


def _outcome(i: AuditItem) -> str:
    if i.outcome is None or i.outcome.value is None:
        return "-"
    return f"{_fmt(i.outcome.value, i.outcome.unit)} {i.outcome.unit or ''}".strip()


def audit_rows(audit: Audit) -> list[tuple[str, ...]]:
    """The cells of the audit table, one tuple per promise."""
    return [(i.promise.id, shorten(i.promise.describe(), 34), i.verdict, _outcome(i),
             f"{i.attainment:.0%}" if i.attainment is not None else "-",
             _one_line(i.evidence[0].quote, 34) if i.evidence else "-")
            for i in audit.items]


def audit_summary_line(audit: Audit) -> str:
    """``2018 → 2019: 20 promises: kept 9, missed 0, …`` (zero counts left out)."""
    counts = ", ".join(f"{v} {n}" for v, n in audit.summary.items() if n)
    return (f"{audit.old_year} promises checked against the {audit.new_year} report: "
            f"{len(audit.items)} promises: {counts or 'none'}")


def audit_text(audit: Audit) -> str:
    """The audit as a plain table plus a summary line."""
    return plain_table(AUDIT_COLUMNS, audit_rows(audit)) + "\n" + audit_summary_line(audit) + "\n"


def print_audit(audit: Audit) -> None:
    """Draw the audit table with rich (for a terminal), verdicts coloured."""
    colours = {"kept": "green", "partial": "yellow", "in_progress": "cyan", "missed": "red",
               "unclear": "magenta", "not_mentioned": "dim"}
    rows = [(*r[:2], f"[{colours.get(r[2], 'white')}]{r[2]}[/]", *r[3:])
            for r in audit_rows(audit)]
    _rich(AUDIT_COLUMNS, rows, None)
    from rich.console import Console

    Console().print(audit_summary_line(audit), markup=False)


def _rich(columns: Sequence[str], rows: Sequence[Sequence[str]], title: str | None) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, header_style="bold")
    for col in columns:
        table.add_column(col, overflow="fold" if col in ("quote", "evidence") else "ellipsis")
    for r in rows:
        table.add_row(*r)
    Console().print(table)


# -- demo -------------------------------------------------------------------------

def _topic_rows(d: Demo) -> list[tuple[str, ...]]:
    return [(shorten(t.metric, _METRIC), _fmt(t.outcome.value) + " " + (t.outcome.unit or ""),
             t.target.target.describe() if t.target.target else "-", t.target.id)
            for t in d.topics]


def demo_text(d: Demo, *, markdown_path: str | None = None) -> str:
    """The demo for a terminal: ledger, outcomes beside targets, next command."""
    title = (f"Promise ledger of {d.source} — {d.plan_year} targets, awaiting "
             f"next year's report ({len(d.ledger)} promises)")
    out = [title, ""]
    out.append(promises_text(d.ledger))
    out.append(f"{d.review_year} outcomes beside {d.plan_year} targets, topic by topic "
               f"({len(d.topics)} topics)")
    out.append("")
    out.append(plain_table(("metric", f"{d.review_year} outcome", f"{d.plan_year} target",
                            "promise"),
                           _topic_rows(d)))
    if markdown_path:
        out.append(f"Markdown written to {markdown_path}")
    out.append("When the next report is at hand, run the full audit:")
    out.append(f"  {d.next_command}")
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    return " ".join(text.split()).replace("\u200b", "").replace("|", "\\|")


def _md_text(text: str) -> str:
    """Report text for a Markdown cell: escaped like every Markdown export (``md_escape``)."""
    from .markdown import md_escape

    return md_escape(_CJK_BREAK.sub("", text.replace("\u200b", "")))


def demo_markdown(d: Demo) -> str:
    """The demo as a Markdown document (deterministic)."""
    intro = (f"Source: `{d.source}`. Every promise of the plan part, awaiting the review "
             f"in next year's report.")
    lines = [f"# Promise ledger: {d.plan_year} targets", "", intro, "",
             "| id | kind | metric | target | strength | section | quote | span |",
             "|---|---|---|---|---|---|---|---|"]
    for p in d.ledger:
        lines.append(f"| {p.id} | {p.kind} | {_md_text(p.metric)} | "
                     f"{_md(p.target.describe()) if p.target else ''} | {p.strength or ''} | "
                     f"{p.section or ''} | {_md_text(p.quote)} | {p.span[0]}-{p.span[1]} |")
    lines += ["", f"## {d.review_year} outcomes beside {d.plan_year} targets", "",
              f"| metric | {d.review_year} outcome | evidence | {d.plan_year} target | promise |",
              "|---|---|---|---|---|"]
    for t in d.topics:
        lines.append(f"| {_md_text(t.metric)} | {_fmt(t.outcome.value)} {t.outcome.unit or ''} | "
                     f"{_md_text(t.outcome.quote)} | "
                     f"{_md(t.target.target.describe()) if t.target.target else ''} | "
                     f"{t.target.id} |")
    lines += ["", "## Next step", "", "When the next report is at hand, run the full audit:",
              "", "```", d.next_command, "```", ""]
    return "\n".join(lines)


def as_rows(audit: Audit) -> list[dict[str, Any]]:
    """Flat dict rows of the audit table (for tests and notebooks)."""
    return [dict(zip(AUDIT_COLUMNS, r)) for r in audit_rows(audit)]
