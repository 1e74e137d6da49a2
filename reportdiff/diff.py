"""Diff two reports section pair by section pair: text changes, figure deltas, summary.

:func:`diff` takes the section alignment (:func:`reportdiff.align`), diffs the
text of every aligned pair word by word (:func:`reportdiff.textdiff.word_diff`),
pairs the figures of both sides (:func:`reportdiff.figures.figure_deltas`) and
sums it up in a :class:`DiffSummary`.

Which text belongs to which pair
    Alignment links come at several levels (chapters and the topics inside
    them).  Each character of a report is compared exactly once, in the
    *finest* link whose sections contain it: a chapter whose topics are all
    linked keeps only its heading and lead text, the topics carry the rest.  A
    topic moved to another chapter is thus compared with its new place and
    not counted again as deleted from one chapter and inserted in the other.
    When two links claim the same section at the same level the first one in
    the alignment keeps it.

    The aligner links units (chapters or topics); a part's own text outside
    its units (heading, preamble, closing paragraphs) would be left out.
    That text gets a pair of its own: parts are paired when each is the
    other's most frequent partner over the alignment's links (relation
    ``same``, score the share of the links touching either part that join the
    two), else the part is ``dropped`` / ``new``.  These part pairs are not
    listed in :attr:`DiffSummary.new` / ``dropped``, which report the
    alignment's own links.  Text before the first section is not compared.

Share of text unchanged
    ``2·E / (A + B)``: ``E`` the characters in equal operations, ``A`` and
    ``B`` the characters compared on the old and the new side, line breaks not
    counted.  A pair present on one side only (new, dropped) has share 0; the
    summary share is the same formula summed over all pairs.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from .errors import UsageError
from .report import Report
from .textdiff import Op, Tokenizer, op_counts, unchanged_share, word_diff

__all__ = ["SCHEMA", "Diff", "DiffSummary", "PairDiff", "diff"]

#: Value of the ``schema`` key of :meth:`Diff.to_dict`.
SCHEMA = "reportdiff.diff/1"

_LEVELS = ("word", "char")


@dataclass(frozen=True)
class PairDiff:
    """The diff of one aligned pair of sections.

    Attributes
    ----------
    old_ids, new_ids : tuple of str
        Section ids on each side (empty for a new / dropped section).
    relation : str
        ``same``, ``moved``, ``split``, ``merged``, ``new`` or ``dropped``.
    score : float
        The aligner's similarity score.
    old_title, new_title : str
        Section titles, joined with `` / `` when the pair has several.
    ops : tuple of (op, text)
        The text diff (see :func:`~reportdiff.textdiff.word_diff`).
    figure_deltas : tuple
        :class:`~reportdiff.figures.FigureDelta` items of the figures in this pair.
    unchanged_share : float
        ``2·E / (A + B)`` for this pair (see the module docstring).
    old_span, new_span : (int, int) or None
        Span in ``source_text`` from the first to the last character compared
        on that side; ``None`` when nothing was compared there.
    """

    old_ids: tuple[str, ...]
    new_ids: tuple[str, ...]
    relation: str
    score: float
    old_title: str
    new_title: str
    ops: tuple[tuple[Op, str], ...]
    figure_deltas: tuple[Any, ...]
    unchanged_share: float
    old_span: tuple[int, int] | None = None
    new_span: tuple[int, int] | None = None

    @property
    def counts(self) -> dict[str, int]:
        """Characters per operation (``equal``, ``delete``, ``insert``), line breaks not counted."""
        return op_counts(self.ops)

    @property
    def changed(self) -> bool:
        """Whether the text differs (figure deltas alone do not count)."""
        return any(op != "equal" for op, _ in self.ops)

    @property
    def changed_figures(self) -> tuple[Any, ...]:
        """The figure deltas whose value changed or that cannot be compared."""
        return tuple(d for d in self.figure_deltas
                     if not getattr(d, "comparable", True) or getattr(d, "abs_change", 0) != 0)

    @property
    def label(self) -> str:
        """``"2.3 → 2.4"``, ``"+ 3.5"`` (new) or ``"− 1.2"`` (dropped)."""
        old = "+".join(self.old_ids)
        new = "+".join(self.new_ids)
        if not old:
            return f"+ {new}"
        if not new:
            return f"− {old}"
        return f"{old} → {new}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "old": list(self.old_ids),
            "new": list(self.new_ids),
            "relation": self.relation,
            "score": round(float(self.score), 4),
            "old_title": self.old_title,
            "new_title": self.new_title,
            "unchanged_share": round(self.unchanged_share, 4),
            "ops": [[op, text] for op, text in self.ops],
            "old_span": list(self.old_span) if self.old_span else None,
            "new_span": list(self.new_span) if self.new_span else None,
            "figure_deltas": [_delta_dict(d) for d in self.figure_deltas],
        }


@dataclass(frozen=True)
class DiffSummary:
    """What changed overall.

    Attributes
    ----------
    unchanged_share : float
        ``2·E / (A + B)`` summed over all pairs.
    most_changed : tuple of PairDiff
        The pairs present on both sides with the lowest unchanged share
        (ties: more changed characters first), skipping pairs shorter than
        ``min_chars`` characters on both sides together (headings).
    new, dropped : tuple of str
        Ids of the sections linked as new / dropped; a section whose parent
        is listed too is left out.
    moved : tuple of (old ids, new ids)
        Links with relation ``moved``.
    equal_chars, old_chars, new_chars : int
        The counts behind ``unchanged_share``.
    """

    unchanged_share: float
    most_changed: tuple[PairDiff, ...]
    new: tuple[str, ...]
    dropped: tuple[str, ...]
    moved: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    equal_chars: int = 0
    old_chars: int = 0
    new_chars: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "unchanged_share": round(self.unchanged_share, 4),
            "most_changed": [
                {"old": list(p.old_ids), "new": list(p.new_ids),
                 "unchanged_share": round(p.unchanged_share, 4)}
                for p in self.most_changed
            ],
            "new": list(self.new),
            "dropped": list(self.dropped),
            "moved": [{"old": list(o), "new": list(n)} for o, n in self.moved],
        }


@dataclass(frozen=True)
class Diff:
    """Two reports compared pair by pair.

    Attributes
    ----------
    old, new : Report
    level : {"word", "char"}
    pairs : tuple of PairDiff
        In alignment order; pairs with no text on either side are left out.
    summary : DiffSummary
    """

    old: Report
    new: Report
    level: str
    pairs: tuple[PairDiff, ...]
    summary: DiffSummary

    def __len__(self) -> int:
        return len(self.pairs)

    def __iter__(self) -> Iterator[PairDiff]:
        return iter(self.pairs)

    @property
    def changed_pairs(self) -> tuple[PairDiff, ...]:
        """Pairs whose text differs or whose figures changed."""
        return tuple(p for p in self.pairs if p.changed or p.changed_figures)

    def to_dict(self) -> dict[str, Any]:
        """The JSON of ``reportdiff diff --format json`` (schema ``reportdiff.diff/1``)."""
        return {
            "schema": SCHEMA,
            "old": _report_dict(self.old),
            "new": _report_dict(self.new),
            "options": {"level": self.level},
            "summary": self.summary.to_dict(),
            "pairs": [p.to_dict() for p in self.pairs],
        }

    def to_pandas(self) -> Any:
        """One row per pair: the reports, ids, relation, score, titles, share, counts, spans.

        Columns start with ``old_source``, ``old_year``, ``new_source``,
        ``new_year`` (see ``docs/output.md``); ids are comma-joined; spans are
        ``old_span_start`` … ``new_span_end`` in each report's ``source_text``.
        """
        import pandas as pd

        head = {"old_source": self.old.source.path, "old_year": self.old.year,
                "new_source": self.new.source.path, "new_year": self.new.year}
        rows = []
        for p in self.pairs:
            c = p.counts
            rows.append(head | {
                "old_ids": ",".join(p.old_ids),
                "new_ids": ",".join(p.new_ids),
                "relation": p.relation,
                "score": float(p.score) if p.old_ids and p.new_ids else None,
                "old_title": p.old_title,
                "new_title": p.new_title,
                "unchanged_share": p.unchanged_share,
                "equal_chars": c["equal"],
                "deleted_chars": c["delete"],
                "inserted_chars": c["insert"],
                "figure_deltas": len(p.figure_deltas),
                "old_span_start": p.old_span[0] if p.old_span else None,
                "old_span_end": p.old_span[1] if p.old_span else None,
                "new_span_start": p.new_span[0] if p.new_span else None,
                "new_span_end": p.new_span[1] if p.new_span else None,
            })
        columns = [*head, "old_ids", "new_ids", "relation", "score", "old_title", "new_title",
                   "unchanged_share", "equal_chars", "deleted_chars", "inserted_chars",
                   "figure_deltas", "old_span_start", "old_span_end", "new_span_start",
                   "new_span_end"]
        df = pd.DataFrame(rows, columns=columns)
        df["score"] = df["score"].astype("float64")
        for col in ("old_year", "new_year", *columns[-4:]):
            df[col] = df[col].astype("Int64")
        return df

    def _repr_html_(self) -> str:
        """A compact, escaped HTML table for notebooks (summary plus the first section pairs)."""
        from .render.html import diff_repr_html

        return diff_repr_html(self.to_dict())

    def __repr__(self) -> str:
        return (f"Diff({_name(self.old)!r} → {_name(self.new)!r}, pairs={len(self.pairs)}, "
                f"unchanged_share={self.summary.unchanged_share:.3f})")


# -- building ---------------------------------------------------------------


def diff(old: Report | str | os.PathLike[str], new: Report | str | os.PathLike[str], *,
         level: str = "word", tokenizer: Tokenizer | None = None, alignment: Any = None,
         top: int = 5, min_chars: int = 40, check: bool = True, engine: str = "auto") -> Diff:
    """Compare two reports: text diff and figure deltas of every aligned section pair.

    Parameters
    ----------
    old, new : Report or path
        The earlier and the later report (paths are loaded with :func:`reportdiff.load`).
    level : {"word", "char"}
        Diff units: jieba words or characters.
    tokenizer : object with ``cut(text)``, optional
        Word segmenter for ``level="word"`` (default: the project tokenizer).
    alignment : Alignment or sequence of links, optional
        Precomputed :func:`reportdiff.align` result (anything with ``.links``,
        or the links themselves); computed when omitted.
    top : int
        How many pairs :attr:`DiffSummary.most_changed` lists.
    min_chars : int
        Pairs shorter than this (both sides together) are not ranked as most changed.
    check : bool
        For paths: refuse files that do not look like a work report
        (see :func:`reportdiff.load`).
    engine : {"auto", "fast", "pure"}
        diff-match-patch implementation (see :func:`~reportdiff.textdiff.word_diff`);
        never time-limited.

    Returns
    -------
    Diff

    Examples
    --------
    >>> import warnings
    >>> from reportdiff.align import Link
    >>> with warnings.catch_warnings():  # tiny texts: no plan part, a StructureWarning
    ...     warnings.simplefilter("ignore")
    ...     old = Report.from_text("一、工作回顾\\n过去一年，经济运行稳中向好。", check=False)
    ...     new = Report.from_text("一、工作回顾\\n过去一年，经济运行保持在合理区间。", check=False)
    >>> part = Link((old.sections[0].id,), (new.sections[0].id,), "same", 0.8)
    >>> d = diff(old, new, alignment=[part], level="char")
    >>> d.pairs[0].ops  # doctest: +NORMALIZE_WHITESPACE
    (('equal', '一、工作回顾\\n过去一年，经济运行'), ('delete', '稳中向好'),
     ('insert', '保持在合理区间'), ('equal', '。'))
    >>> round(d.summary.unchanged_share, 3)  # 2 × 16 / (20 + 23), line break not counted
    0.744
    """
    if level not in _LEVELS:
        raise UsageError(f"unknown diff level {level!r}: use 'word' or 'char'")
    if top < 0:
        raise UsageError(f"top must be 0 or more, not {top}")
    old_r, new_r = _as_report(old, check=check), _as_report(new, check=check)
    if alignment is None:
        alignment = _align(old_r, new_r, tokenizer=tokenizer)
    links = tuple(getattr(alignment, "links", alignment))
    _check_ids(old_r, [i for lk in links for i in lk.old], "old")
    _check_ids(new_r, [i for lk in links for i in lk.new], "new")
    if level == "word" and tokenizer is None:
        from .textdiff import _fallback_tokenizer

        tokenizer = _fallback_tokenizer()

    every = _in_part_order(new_r, links, _part_links(old_r, new_r, links))
    weak = {i for i, lk in enumerate(every) if isinstance(lk, _PartLink)}
    old_owner = _owners(old_r, [tuple(lk.old) for lk in every], weak=weak)
    new_owner = _owners(new_r, [tuple(lk.new) for lk in every], weak=weak)
    old_runs = _runs(old_owner, len(every))
    new_runs = _runs(new_owner, len(every))
    old_figs = _figures_by_link(old_r, old_owner, len(every))
    new_figs = _figures_by_link(new_r, new_owner, len(every))

    pairs: list[PairDiff] = []
    for i, lk in enumerate(every):
        a_runs, b_runs = old_runs[i], new_runs[i]
        if not a_runs and not b_runs:
            continue
        a = "".join(old_r.text[s:e] for s, e in a_runs)
        b = "".join(new_r.text[s:e] for s, e in b_runs)
        ops = word_diff(a, b, tokenizer=tokenizer, level=level,  # type: ignore[arg-type]
                        engine=engine)
        pairs.append(PairDiff(
            old_ids=tuple(lk.old),
            new_ids=tuple(lk.new),
            relation=str(lk.relation),
            score=float(getattr(lk, "score", 0.0) or 0.0),
            old_title=_titles(old_r, lk.old),
            new_title=_titles(new_r, lk.new),
            ops=ops,
            figure_deltas=_deltas(old_figs[i], new_figs[i]),
            unchanged_share=unchanged_share(ops),
            old_span=old_r.to_source(a_runs[0][0], a_runs[-1][1]) if a_runs else None,
            new_span=new_r.to_source(b_runs[0][0], b_runs[-1][1]) if b_runs else None,
        ))
    return Diff(old=old_r, new=new_r, level=level, pairs=tuple(pairs),
                summary=_summarize(pairs, links, top=top, min_chars=min_chars))


def _as_report(x: Report | str | os.PathLike[str], *, check: bool) -> Report:
    if isinstance(x, Report):
        return x
    from .load import load

    return load(x, check=check)


def _check_ids(report: Report, ids: Iterable[str], side: str) -> None:
    for sid in ids:
        try:
            report.section(sid)
        except KeyError:
            raise UsageError(
                f"the alignment names {side} section {sid!r}, which the {side} report "
                f"({_name(report)}) does not have: align these two reports again"
            ) from None


def _align(old: Report, new: Report, *, tokenizer: Any = None) -> Any:
    """The chapter-level alignment; the tokenizer is shared when it can do the aligner's job."""
    from .align import align

    return align(old, new, tokenizer=tokenizer if hasattr(tokenizer, "terms") else None)


@dataclass(frozen=True)
class _PartLink:
    """A link between two top-level parts, rolled up from the alignment's links."""

    old: tuple[str, ...]
    new: tuple[str, ...]
    relation: str
    score: float


def _part_of(report: Report, sid: str) -> str | None:
    start = report.section(sid).nspan[0]
    for part in report.sections:
        if part.id == sid or part.nspan[0] <= start < part.nspan[1]:
            return part.id
    return None


def _part_links(old: Report, new: Report, links: Sequence[Any]) -> list[_PartLink]:
    """Links between parts for the text of a part outside its aligned units.

    Parts are paired when each is the other's most frequent partner over the
    alignment's links (ties: the earlier part); the score is the share of the
    links touching either part that join the two.  Parts left unpaired get a
    ``dropped`` / ``new`` link.  Nothing here measures similarity: it only
    rolls the aligner's links up to the parts.
    """
    weight: dict[tuple[str, str], int] = {}
    touching: dict[tuple[str, str], int] = {}
    for lk in links:
        po = {p for p in (_part_of(old, i) for i in lk.old) if p is not None}
        pn = {p for p in (_part_of(new, i) for i in lk.new) if p is not None}
        for p in po:
            touching[("old", p)] = touching.get(("old", p), 0) + 1
        for q in pn:
            touching[("new", q)] = touching.get(("new", q), 0) + 1
        for p in po:
            for q in pn:
                weight[(p, q)] = weight.get((p, q), 0) + 1
    old_parts = [p.id for p in old.sections]
    new_parts = [p.id for p in new.sections]

    def best(p: str, cands: list[str], key: Any) -> str | None:
        scored = [(key(p, c), -k, c) for k, c in enumerate(cands) if key(p, c) > 0]
        return max(scored)[2] if scored else None

    best_new = {p: best(p, new_parts, lambda a, b: weight.get((a, b), 0)) for p in old_parts}
    best_old = {q: best(q, old_parts, lambda a, b: weight.get((b, a), 0)) for q in new_parts}
    out: list[_PartLink] = []
    paired_new: set[str] = set()
    for p in old_parts:
        q = best_new[p]
        if q is not None and best_old[q] == p:
            w = weight[(p, q)]
            score = w / (touching[("old", p)] + touching[("new", q)] - w)
            out.append(_PartLink((p,), (q,), "same", score))
            paired_new.add(q)
        else:
            out.append(_PartLink((p,), (), "dropped", 0.0))
    out.extend(_PartLink((), (q,), "new", 0.0) for q in new_parts if q not in paired_new)
    return out


def _in_part_order(new: Report, links: Sequence[Any],
                   part_links: Sequence[_PartLink]) -> list[Any]:
    """The alignment's links, each part link placed before the first link into its new part.

    Part links without a new side go last.
    """
    new_index = {p.id: k for k, p in enumerate(new.sections)}

    def position(lk: Any) -> int | None:
        parts = [new_index.get(_part_of(new, i) or "", -1) for i in lk.new]
        return min(parts) if parts else None

    out: list[Any] = list(links)
    positions = [position(lk) for lk in links]
    for pl in part_links:
        mine = position(pl)
        at = len(out)
        if mine is not None:
            for k, pos in enumerate(positions):
                if pos is not None and pos >= mine:
                    at = k
                    break
        out.insert(at, pl)
        positions.insert(at, mine)
    return out


def _owners(report: Report, id_lists: Sequence[tuple[str, ...]], *,
            weak: AbstractSet[int] = frozenset()) -> list[int]:
    """For each character of ``report.text`` the index of the finest link holding it (-1: none).

    At equal depth a link of the alignment wins over a ``weak`` (part) link,
    and an earlier link over a later one.
    """
    items: list[tuple[int, bool, int, int, int]] = []
    for i, ids in enumerate(id_lists):
        for sid in ids:
            sec = report.section(sid)
            items.append((sec.level, i not in weak, -i, sec.nspan[0], sec.nspan[1]))
    owner = [-1] * len(report.text)
    # Coarse levels first, finer ones paint over them; at one level, earlier links last (win).
    for _level, _strong, neg_i, s, e in sorted(items):
        if e > s:
            owner[s:e] = [-neg_i] * (e - s)
    return owner


def _runs(owner: list[int], n: int) -> list[list[tuple[int, int]]]:
    """Per link, the maximal runs ``(start, end)`` of characters it owns, in text order."""
    from itertools import groupby

    runs: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    start = 0
    for cur, group in groupby(owner):
        end = start + len(list(group))
        if cur >= 0:
            runs[cur].append((start, end))
        start = end
    return runs


def _figures_by_link(report: Report, owner: list[int], n: int) -> list[list[Any]]:
    out: list[list[Any]] = [[] for _ in range(n)]
    try:
        figures = report.figures
    except ImportError:  # the figures module is optional for the diff
        return out
    for fig in figures:
        nspan = getattr(fig, "nspan", None)
        if nspan is None:
            nspan = report.norm.to_norm(*getattr(fig, "value_span", fig.span))
        pos = nspan[0]
        if 0 <= pos < len(owner) and owner[pos] >= 0:
            out[owner[pos]].append(fig)
    return out


def _deltas(old_figs: list[Any], new_figs: list[Any]) -> tuple[Any, ...]:
    if not old_figs or not new_figs:
        return ()
    from .figures import figure_deltas

    return tuple(figure_deltas(tuple(old_figs), tuple(new_figs)))


def _titles(report: Report, ids: Iterable[str]) -> str:
    return " / ".join(t for t in (report.section(i).title for i in ids) if t)


def _outermost(ids: Iterable[str]) -> tuple[str, ...]:
    """Ids in first-seen order, without those whose ancestor is listed.

    >>> _outermost(["3", "3.1", "4.2", "4.2.1", "5"])
    ('3', '4.2', '5')
    """
    seen: list[str] = []
    for i in ids:
        if i not in seen:
            seen.append(i)
    keep = set(seen)

    def has_ancestor(i: str) -> bool:
        parts = i.split(".")
        return any(".".join(parts[:k]) in keep for k in range(1, len(parts)))

    return tuple(i for i in seen if not has_ancestor(i))


def _summarize(pairs: Sequence[PairDiff], links: Sequence[Any], *, top: int,
               min_chars: int) -> DiffSummary:
    eq = old = new = 0
    for p in pairs:
        c = p.counts
        eq += c["equal"]
        old += c["equal"] + c["delete"]
        new += c["equal"] + c["insert"]
    share = 2 * eq / (old + new) if old + new else 1.0
    ranked = []
    for idx, p in enumerate(pairs):
        c = p.counts
        a, b = c["equal"] + c["delete"], c["equal"] + c["insert"]
        if a == 0 or b == 0 or a + b < min_chars or not p.changed:
            continue
        ranked.append((p.unchanged_share, -(c["delete"] + c["insert"]), idx, p))
    ranked.sort(key=lambda r: r[:3])
    return DiffSummary(
        unchanged_share=share,
        most_changed=tuple(r[3] for r in ranked[:top]),
        new=_outermost(i for lk in links if lk.relation == "new" for i in lk.new),
        dropped=_outermost(i for lk in links if lk.relation == "dropped" for i in lk.old),
        moved=tuple((tuple(lk.old), tuple(lk.new)) for lk in links if lk.relation == "moved"),
        equal_chars=eq,
        old_chars=old,
        new_chars=new,
    )


# -- small helpers shared with the renderers ----------------------------------


def _name(report: Report) -> str:
    if report.title:
        return f"{report.year} {report.title}" if report.year and str(report.year) not in \
            report.title else report.title
    if report.source.path:
        return os.path.basename(report.source.path)
    return f"report {report.year}" if report.year else "report"


def _report_dict(report: Report) -> dict[str, Any]:
    return {"source": report.source.to_dict(), "year": report.year, "title": report.title}


def _delta_dict(d: Any) -> Any:
    if hasattr(d, "to_dict"):
        return d.to_dict()
    return d


