"""Terminal (rich) rendering of a :class:`~reportdiff.diff.Diff`.

The terminal form marks deletions ``[-…-]`` (red, struck through) and
insertions ``{+…+}`` (green), so it reads the same without colour; unchanged
stretches are cut to a few characters of context on each side.  rich does the
line wrapping by display cells, so CJK text (two cells a character) stays
within the console width.  Markdown and the file formats go through
:func:`reportdiff.render.write_diff`.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .common import CONTEXT, delta_cells, elide

if TYPE_CHECKING:  # pragma: no cover
    from rich.console import Console

    from ..diff import Diff, PairDiff

__all__ = ["CONTEXT", "diff_text", "elide", "make_console", "print_diff"]


def make_console(*, file: Any = None, width: int = 100, no_color: bool = False,
                 force_terminal: bool | None = None) -> Console:
    """A rich console as the CLI uses it: fixed width, no auto-highlighting.

    ``NO_COLOR`` in the environment is respected by rich itself.
    """
    from rich.console import Console

    return Console(file=file, width=width, no_color=True if no_color else None, highlight=False,
                   soft_wrap=False, emoji=False, force_terminal=force_terminal)


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


# -- terminal -----------------------------------------------------------------


def print_diff(diff: Diff, console: Console, *, context: int = CONTEXT) -> None:
    """Print the summary, then every changed pair, on a rich console."""
    from rich.text import Text

    s = diff.summary
    from ..diff import _name

    console.print(Text(f"{_name(diff.old)} → {_name(diff.new)}", style="bold"))
    console.print(Text(
        f"Unchanged text: {_pct(s.unchanged_share)} "
        f"(2 × {s.equal_chars} equal / ({s.old_chars} + {s.new_chars}) characters, "
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
            metric, old, new, change, rel = delta_cells(d.to_dict() if hasattr(d, "to_dict")
                                                        else d)
            change = f"{change}, {rel}" if rel else change
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
