"""Terminal rendering of a report's section tree (``reportdiff outline``).

One line per section, indented two spaces per level: the id, the title (or,
for untitled sections, the opening words of the text) shortened to fit the
width, and the role and year as a tag::

    1  2019年工作回顾  [review 2019]
      1.1  坚持稳中求进，综合经济实力明显提升  [review 2019]

Widths count East Asian wide characters as two columns, so the lines line up
in a terminal.  Colour (rich) is used only when writing to a terminal and
``NO_COLOR`` is unset; otherwise the output is plain text and deterministic.

>>> display_width("政府ab")
6
>>> shorten("坚持稳中求进，综合经济实力明显提升", 12)
'坚持稳中求…'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ..report import Report, Section

__all__ = [
    "display_width",
    "outline_header",
    "outline_lines",
    "outline_text",
    "plain_table",
    "print_outline",
    "role_tag",
    "section_label",
    "shorten",
]

_ROLE_STYLE = {"review": "cyan", "plan": "green", "other": "dim"}


def display_width(text: str) -> int:
    """Terminal columns of ``text`` (wide and full-width characters count two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def shorten(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` columns, ending in ``…`` when cut."""
    if display_width(text) <= width:
        return text
    out: list[str] = []
    used = 0
    for c in text:
        w = 2 if unicodedata.east_asian_width(c) in "WF" else 1
        if used + w > width - 1:
            break
        out.append(c)
        used += w
    return "".join(out) + "…"


def plain_table(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Columns padded to the widest cell (wide characters count two), two spaces apart.

    >>> print(plain_table(("指标", "value"), [("增长", "6.6%")]), end="")
    指标  value
    增长  6.6%
    """
    allrows = [tuple(columns), *[tuple(r) for r in rows]]
    widths = [max(display_width(r[i]) for r in allrows) for i in range(len(columns))]
    lines = []
    for r in allrows:
        cells = [c + " " * (widths[i] - display_width(c)) for i, c in enumerate(r)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def role_tag(section: Section) -> str:
    """``[review 2019]``, ``[plan 2020]`` or ``[other]``."""
    return f"[{section.role} {section.year}]" if section.year is not None else f"[{section.role}]"


def section_label(report: Report, section: Section) -> str:
    """The title, or for untitled sections (opening, paragraphs) their first words."""
    if section.title:
        return section.title
    return report.section_text(section).replace("\n", " ").strip()


def _rows(report: Report, depth: int, width: int) -> list[tuple[str, str, str, str]]:
    rows: list[tuple[str, str, str, str]] = []
    for section in report.walk():
        if section.level > depth:
            continue
        indent = "  " * (section.level - 1)
        tag = role_tag(section)
        head = f"{indent}{section.id}  "
        room = max(8, width - display_width(head) - display_width(tag) - 2)
        rows.append((indent, section.id, shorten(section_label(report, section), room), tag))
    return rows


def outline_lines(report: Report, *, depth: int = 3, width: int = 80) -> list[str]:
    """The outline as plain text lines (sections of level ``<= depth``).

    Parameters
    ----------
    report : Report
    depth : int
        Deepest level shown: 1 parts, 2 chapters, 3 topics, 4 paragraphs, 5 sentences.
    width : int
        Line width in terminal columns; titles are shortened to fit.
    """
    return [f"{indent}{sid}  {title}  {tag}" for indent, sid, title, tag
            in _rows(report, depth, width)]


def outline_header(report: Report) -> str:
    """One line naming the report: path, title line, issuer, level and plan year."""
    bits = [report.source.path or "(text)"]
    if report.title:
        bits.append(report.title)
    who = report.issuer or "issuer unknown"
    if report.admin_level:
        who += f" ({report.admin_level})"
    bits.append(who)
    bits.append(f"plan year {report.year}" if report.year is not None else "plan year unknown")
    return " · ".join(bits)


def outline_text(report: Report, *, depth: int = 3, width: int = 80) -> str:
    """Header line, blank line and the outline lines, newline-terminated."""
    return "\n".join([outline_header(report), "", *outline_lines(report, depth=depth,
                                                                  width=width)]) + "\n"


def print_outline(report: Report, *, depth: int = 3, console: Any = None) -> None:
    """Print the outline in colour on a rich console (used when stdout is a terminal)."""
    from rich.console import Console
    from rich.text import Text

    console = console or Console()
    width = max(40, console.width)
    console.print(Text(outline_header(report), style="bold"), soft_wrap=True)
    console.print()
    for indent, sid, title, tag in _rows(report, depth, width):
        role = tag[1:].split(" ", 1)[0].rstrip("]")
        line = Text(indent)
        line.append(sid, style="dim")
        line.append("  ")
        line.append(title, style="bold" if not indent else "")
        line.append("  ")
        line.append(tag, style=_ROLE_STYLE.get(role, ""))
        console.print(line, soft_wrap=True)
