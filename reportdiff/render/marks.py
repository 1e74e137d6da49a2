"""Cut texts into marked pieces for the HTML report: diff segments and annotated source text.

The templates receive plain strings plus a class name per piece and escape
every string themselves (Jinja2 autoescape); nothing here builds markup.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

__all__ = [
    "NUMBER_RE",
    "Annotated",
    "Mark",
    "Piece",
    "Segment",
    "annotate",
    "mark_figures",
    "merge_ops",
    "moved_texts",
    "segments",
]

#: A number with an optional unit: the fallback way to spot figures in diff text
#: when the reports (and their extracted figures) are not at hand.
NUMBER_RE = re.compile(
    r"[0-9０-９]+(?:[.,．][0-9０-９]+)*\s*"
    r"(?:%|％|‰|个百分点|倍|[万亿千百]?(?:美元|元|人次|人|户|吨|公里|千米|平方米|平方公里|亩|个|家|所|项|套|辆|"
    r"千瓦时|千瓦|立方米|张|座|条|件|台|年|月|天))?"
)

#: Shortest deleted/inserted text that counts as moved when it reappears elsewhere.
MIN_MOVED = 4


@dataclass(frozen=True)
class Piece:
    """A run of text; ``figure`` is true when it is (part of) a figure."""

    text: str
    figure: bool = False


@dataclass(frozen=True)
class Segment:
    """One diff operation: ``kind`` is equal, insert, delete, or moved (a delete or
    insert whose text appears on the other side elsewhere in the diff)."""

    kind: str
    pieces: tuple[Piece, ...]
    side: str = "both"


def merge_ops(ops: Iterable[Sequence[Any]]) -> list[tuple[str, str]]:
    """Join adjacent operations of the same kind; drop empty ones.

    >>> merge_ops([["equal", "a"], ["equal", "b"], ["insert", ""], ["delete", "c"]])
    [('equal', 'ab'), ('delete', 'c')]
    """
    out: list[tuple[str, str]] = []
    for op in ops:
        kind, text = str(op[0]), str(op[1])
        if not text:
            continue
        if out and out[-1][0] == kind:
            out[-1] = (kind, out[-1][1] + text)
        else:
            out.append((kind, text))
    return out


def moved_texts(all_ops: Iterable[Iterable[Sequence[Any]]]) -> frozenset[str]:
    """Texts (stripped, at least :data:`MIN_MOVED` characters) both deleted and inserted
    somewhere in the diff: the same words moved to another place.

    >>> sorted(moved_texts([[["delete", "保障改善民生"]], [["insert", "保障改善民生"]]]))
    ['保障改善民生']
    """
    deleted: set[str] = set()
    inserted: set[str] = set()
    for ops in all_ops:
        for kind, text in merge_ops(ops):
            key = text.strip()
            if len(key) < MIN_MOVED:
                continue
            if kind == "delete":
                deleted.add(key)
            elif kind == "insert":
                inserted.add(key)
    return frozenset(deleted & inserted)


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def mark_figures(text: str, quotes: Sequence[str] = ()) -> tuple[Piece, ...]:
    """Split ``text`` into pieces, flagging figures.

    With ``quotes`` (the quotes of the figures extracted from the report) the
    occurrences of those quotes are flagged (compared after NFKC, so ``％`` in
    a quote matches ``%`` in normalised text); without, :data:`NUMBER_RE` spots
    numbers with their units.

    >>> [p.text for p in mark_figures("增长6.5%左右") if p.figure]
    ['6.5%']
    >>> [p.text for p in mark_figures("收入增长5%，就业3000人", ["就业3000人"]) if p.figure]
    ['就业3000人']
    """
    if not text:
        return ()
    hits: list[tuple[int, int]] = []
    if quotes:
        folded = _nfkc(text)
        if len(folded) != len(text):  # NFKC changed lengths: positions would not map back
            folded = text
        for q in sorted({_nfkc(q).strip() for q in quotes if q and q.strip()}, key=len,
                        reverse=True):
            start = 0
            while (i := folded.find(q, start)) >= 0:
                hits.append((i, i + len(q)))
                start = i + len(q)
    else:
        hits = [m.span() for m in NUMBER_RE.finditer(text)]
    hits.sort()
    pieces: list[Piece] = []
    pos = 0
    for s, e in hits:
        if s < pos:
            continue
        if s > pos:
            pieces.append(Piece(text[pos:s]))
        pieces.append(Piece(text[s:e], figure=True))
        pos = e
    if pos < len(text):
        pieces.append(Piece(text[pos:]))
    return tuple(pieces)


def segments(ops: Iterable[Sequence[Any]], *, side: str, moved: frozenset[str] = frozenset(),
             quotes: Sequence[str] = ()) -> list[Segment]:
    """The segments of one side (``"old"`` shows equal + delete, ``"new"`` equal + insert)."""
    hidden = "insert" if side == "old" else "delete"
    out = []
    for kind, text in merge_ops(ops):
        if kind == hidden:
            continue
        if kind in ("insert", "delete") and text.strip() in moved:
            kind = "moved"
        out.append(Segment(kind=kind, pieces=mark_figures(text, quotes), side=side))
    return out


@dataclass(frozen=True)
class Mark:
    """A span of source text to highlight (``kind``: promise, evidence, figure), or
    only an ``anchor`` to link to (``kind="anchor"``, never highlighted)."""

    start: int
    end: int
    kind: str
    anchor: str = ""
    title: str = ""


@dataclass(frozen=True)
class Annotated:
    """A run of source text; ``mark`` is ``None`` for plain text.  ``anchors`` are
    the element ids that start here (links from the ledger land on them)."""

    text: str
    mark: Mark | None = None
    anchors: tuple[str, ...] = field(default=())


_PRIORITY = {"promise": 0, "evidence": 0, "figure": 1}


def annotate(text: str, marks: Iterable[Mark]) -> list[Annotated]:
    """Cut ``text`` into runs so that each mark is highlighted once.

    Overlapping marks cannot both be highlighted: promises and evidence win
    over figures, then the earlier, then the longer one.  Every mark's anchor
    is kept, placed at its start, so links still land on overlapped spans.

    >>> runs = annotate("abcdef", [Mark(1, 3, "figure", "f1"), Mark(2, 5, "promise", "p1")])
    >>> [(r.text, r.mark.kind if r.mark else None, r.anchors) for r in runs]
    [('a', None, ()), ('b', None, ('f1',)), ('cde', 'promise', ('p1',)), ('f', None, ())]
    """
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    ordered = sorted((m for m in marks if m.kind != "anchor"),
                     key=lambda m: (_PRIORITY.get(m.kind, 2), m.start, m.start - m.end))
    taken: list[Mark] = []
    for m in ordered:
        if all(m.end <= t.start or m.start >= t.end for t in taken):
            taken.append(m)
    taken.sort(key=lambda m: m.start)
    anchors: dict[int, list[str]] = {}
    for m in sorted(marks, key=lambda m: (m.start, m.anchor)):
        if m.anchor:
            anchors.setdefault(m.start, []).append(m.anchor)
    cuts = sorted({0, len(text), *anchors, *(t.start for t in taken), *(t.end for t in taken)})
    by_start = {t.start: t for t in taken}
    out: list[Annotated] = []
    active: Mark | None = None
    for a, b in pairwise(cuts):
        if a in by_start:
            active = by_start[a]
        mark = active if active is not None and active.start <= a < active.end else None
        if mark is not None and out and out[-1].mark is mark and a not in anchors:
            out[-1] = Annotated(out[-1].text + text[a:b], mark, out[-1].anchors)
        else:
            out.append(Annotated(text[a:b], mark, tuple(anchors.get(a, ()))))
    return out
