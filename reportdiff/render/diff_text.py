"""Terminal (rich) and Markdown rendering of a :class:`~reportdiff.diff.Diff`.

The terminal form marks deletions ``[-…-]`` (red, struck through) and
insertions ``{+…+}`` (green), so it reads the same without colour; unchanged
stretches are cut to a few characters of context on each side.  rich does the
line wrapping by display cells, so CJK text (two cells a character) stays
within the console width.  The Markdown form writes deletions ``~~…~~`` and
insertions ``**…**`` with Markdown specials of the report text escaped.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from rich.console import Console

    from ..diff import Diff, PairDiff

__all__ = ["diff_markdown", "diff_text", "elide", "make_console", "md_escape", "print_diff"]

#: Characters of unchanged text kept on each side of a change.
CONTEXT = 12
ELLIPSIS = "…"


def make_console(*, file: Any = None, width: int = 100, no_color: bool = False,
                 force_terminal: bool | None = None) -> Console:
    """A rich console as the CLI uses it: fixed width, no auto-highlighting.

    ``NO_COLOR`` in the environment is respected by rich itself.
    """
    from rich.console import Console

    return Console(file=file, width=width, no_color=True if no_color else None, highlight=False,
                   soft_wrap=False, emoji=False, force_terminal=force_terminal)


def elide(ops: Sequence[tuple[str, str]], *, context: int = CONTEXT) -> list[tuple[str, str]]:
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
            out.append((op, text if len(text) <= context else ELLIPSIS + text[-context:]))
        elif last:
            out.append((op, text if len(text) <= context else text[:context] + ELLIPSIS))
        else:
            if len(text) <= 2 * context + 1:
                out.append((op, text))
            else:
                out.append((op, text[:context] + " " + ELLIPSIS + " " + text[-context:]))
    return out


def _pct(x: float) -> str:
    return f"{x * 100:.1f}%"


def _ids(ids: Sequence[str]) -> str:
    return "+".join(ids) if ids else "—"


def _header(p: PairDiff) -> str:
    title = p.new_title or p.old_title
    if p.old_title and p.new_title and p.old_title != p.new_title:
        title = f"{p.old_title} → {p.new_title}"
    head = f"{p.label}  {p.relation}, {_pct(p.unchanged_share)} unchanged"
    return f"{head}  {title}" if title else head


def _g(x: float) -> str:
    """Compact number: ``-0.3``, ``1383``, ``-5240``."""
    return f"{x:.4g}" if abs(x) < 1e15 else f"{x:.3e}"


def _fig(f: Any) -> str:
    qual = f"（{f.qualifier}）" if getattr(f, "qualifier", "") else ""
    return f"{f.value_text}{f.unit}{qual}"


def _delta_row(d: Any) -> tuple[str, str, str, str]:
    """(metric, old, new, change) strings of one :class:`~reportdiff.figures.FigureDelta`.

    The change is given in percentage points (``pp``) between two percentages,
    otherwise in the new figure's written unit with the relative change.
    """
    old, new = d.old, d.new
    metric = new.metric or d.metric
    if not d.comparable:
        change = d.note or "not comparable"
    elif d.abs_change is None:
        change = ""
    elif d.unit == "%":
        change = f"{'+' if d.abs_change >= 0 else ''}{_g(d.abs_change)} pp"
    else:
        scale = new.base_value / new.value if new.value else 1.0
        amount = d.abs_change / scale if scale else d.abs_change
        change = f"{'+' if amount >= 0 else ''}{_g(amount)}{new.unit}"
        if d.rel_change is not None:
            change += f", {d.rel_change * 100:+.1f}%"
    return metric, _fig(old), _fig(new), change


# -- terminal -----------------------------------------------------------------


def print_diff(diff: Diff, console: Console, *, context: int = CONTEXT) -> None:
    """Print the summary, then every changed pair, on a rich console."""
    from rich.text import Text

    s = diff.summary
    from ..diff import _name

    console.print(Text(f"{_name(diff.old)} → {_name(diff.new)}", style="bold"))
    console.print(Text(
        f"Unchanged text: {_pct(s.unchanged_share)} "
        f"(2 × {s.equal_chars} equal / {s.old_chars} + {s.new_chars} characters, "
        f"{diff.level} level)"))
    changed = diff.changed_pairs
    console.print(Text(f"Pairs: {len(diff.pairs)} compared, {len(changed)} changed, "
                       f"{len(s.new)} new, {len(s.dropped)} dropped, {len(s.moved)} moved"))
    if s.most_changed:
        console.print(Text("Most changed:"))
        for p in s.most_changed:
            title = p.new_title or p.old_title
            console.print(Text(f"  {_pct(p.unchanged_share):>6}  {p.label}  {title}".rstrip()))
    if s.new:
        console.print(Text("New: " + ", ".join(s.new)))
    if s.dropped:
        console.print(Text("Dropped: " + ", ".join(s.dropped)))
    if s.moved:
        console.print(Text("Moved: " + ", ".join(f"{_ids(o)} → {_ids(n)}" for o, n in s.moved)))
    for p in changed:
        console.print()
        console.print(Text(_header(p), style="bold cyan"))
        if p.changed:
            body = Text()
            for op, text in elide(p.ops, context=context):
                if op == "delete":
                    body.append("[-" + text + "-]", style="red strike")
                elif op == "insert":
                    body.append("{+" + text + "+}", style="green")
                else:
                    body.append(text)
            console.print(body)
        for d in p.figure_deltas:
            metric, old, new, change = _delta_row(d)
            line = f"  # {metric}: {old} → {new}"
            console.print(Text(line + (f" ({change})" if change else ""), style="yellow"))


def diff_text(diff: Diff, *, width: int = 100, color: bool = False,
              context: int = CONTEXT) -> str:
    """The terminal rendering as a string (plain text unless ``color``)."""
    buf = io.StringIO()
    console = make_console(file=buf, width=width, no_color=not color,
                           force_terminal=True if color else None)
    print_diff(diff, console, context=context)
    return buf.getvalue()


# -- Markdown -------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_MD_BULLET = re.compile(r"^(\s*)([-+])(?=\s|$)", re.MULTILINE)
_MD_NUMBERED = re.compile(r"^(\s*\d+)\.(?=\s|$)", re.MULTILINE)


def md_escape(text: str) -> str:
    r"""Escape Markdown specials in report text.

    >>> md_escape("增长*6.5%*_[注]")
    '增长\\*6.5%\\*\\_\\[注\\]'
    >>> md_escape("1. 第一\n- 第二")
    '1\\. 第一\n\\- 第二'
    """
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_BULLET.sub(r"\1\\\2", text)
    return _MD_NUMBERED.sub(r"\1\\.", text)


def _punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


def _flanks(inner: str, before: str, after: str) -> bool:
    """Would ``~~inner~~`` / ``**inner**`` between ``before`` and ``after`` be emphasis?

    CommonMark's flanking rules: a delimiter run next to punctuation inside
    must have white space or punctuation outside (``增长**，推进**`` is not bold).
    """
    if not inner or inner[0].isspace() or inner[-1].isspace():
        return False
    left_ok = not _punct(inner[0]) or not before or before.isspace() or _punct(before)
    right_ok = not _punct(inner[-1]) or not after or after.isspace() or _punct(after)
    return left_ok and right_ok


def _md_ops(ops: Sequence[tuple[str, str]]) -> str:
    """``~~deleted~~`` and ``**inserted**``; ``<del>`` / ``<ins>`` where the marks would not work."""
    pieces = [(op, md_escape(text)) for op, text in ops]
    out: list[str] = []
    for k, (op, text) in enumerate(pieces):
        if op == "equal":
            out.append(text.replace("\n", "\n\n"))
            continue
        mark, tag = ("~~", "del") if op == "delete" else ("**", "ins")
        before = out[-1][-1:] if out and out[-1] else ""
        if k + 1 == len(pieces):
            after = ""
        else:  # a following change opens with its own mark (punctuation)
            after = pieces[k + 1][1][:1] if pieces[k + 1][0] == "equal" else "*"
        lines = text.split("\n")
        wrapped = []
        for i, line in enumerate(lines):
            if not line.strip():
                wrapped.append(line)
                continue
            b = before if i == 0 else ""
            a = after if i == len(lines) - 1 else ""
            wrapped.append(f"{mark}{line}{mark}" if _flanks(line, b, a)
                           else f"<{tag}>{line}</{tag}>")
        out.append("\n\n".join(wrapped))
    return "".join(out)


def _md_cell(text: str) -> str:
    return md_escape(text).replace("\n", " ")


def diff_markdown(diff: Diff, *, context: int | None = CONTEXT) -> str:
    """The diff as Markdown: summary table, then each changed pair and its figure deltas.

    ``context=None`` keeps every unchanged stretch whole.
    """
    from ..diff import _name

    s = diff.summary
    lines = [
        f"# {md_escape(_name(diff.old))} → {md_escape(_name(diff.new))}",
        "",
        "| | |",
        "|---|---|",
        f"| Unchanged text | {_pct(s.unchanged_share)} |",
        f"| Equal / old / new characters | {s.equal_chars} / {s.old_chars} / {s.new_chars} |",
        f"| Level | {diff.level} |",
        f"| Pairs compared | {len(diff.pairs)} |",
        f"| Pairs changed | {len(diff.changed_pairs)} |",
        f"| New sections | {_md_cell(', '.join(s.new)) or '—'} |",
        f"| Dropped sections | {_md_cell(', '.join(s.dropped)) or '—'} |",
        "| Moved sections | "
        + (_md_cell(", ".join(f"{_ids(o)} → {_ids(n)}" for o, n in s.moved)) or "—") + " |",
        "",
        "Unchanged share = 2 × equal characters / (old + new characters), line breaks not counted.",
        "",
    ]
    if s.most_changed:
        lines += ["## Most changed", "", "| Old | New | Unchanged | Title |",
                  "|---|---|---:|---|"]
        for p in s.most_changed:
            lines.append(f"| {_ids(p.old_ids)} | {_ids(p.new_ids)} | {_pct(p.unchanged_share)} "
                         f"| {_md_cell(p.new_title or p.old_title)} |")
        lines.append("")
    lines += ["## Changes", ""]
    for p in diff.changed_pairs:
        lines += [f"### {md_escape(_header(p))}", ""]
        if p.changed:
            ops = p.ops if context is None else elide(p.ops, context=context)
            lines += [_md_ops(ops), ""]
        if p.figure_deltas:
            lines += ["| Metric | Old | New | Change |", "|---|---|---|---|"]
            for d in p.figure_deltas:
                lines.append("| " + " | ".join(_md_cell(c) for c in _delta_row(d)) + " |")
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
