"""Pair the figures of two reports and compute their change: :func:`figure_deltas`.

Figures are paired by ``(metric_key, kind)`` — growth with growth, level with
level — through the synonym table of :mod:`reportdiff.metrics`, so
国内生产总值 in one report meets 地区生产总值 in the other.  Values are
compared in their common base unit; units of different kinds (``%`` and
``个百分点``, ``亿元`` and ``万人``) are refused with a note, or with
:class:`~reportdiff.errors.IncomparableError` from :func:`compare_figures`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from .errors import IncomparableError
from .results import ResultTuple

if TYPE_CHECKING:  # pragma: no cover
    from .figures import Figure
    from .report import Report

__all__ = ["DELTA_COLUMNS", "FigureDelta", "FigureDeltas", "compare_figures", "figure_deltas"]

@dataclass(frozen=True)
class FigureDelta:
    """A metric stated in two reports, with its change.

    Attributes
    ----------
    metric : str
        The ``metric_key`` both figures share.
    kind : str
    old, new : Figure
    old_value, new_value : float or None
        Both values in the common base unit (``None`` when the units cannot be compared).
    unit : str
        The common base unit ("" when the units cannot be compared).
    abs_change, rel_change : float or None
        ``new - old`` and ``(new - old) / old`` (``None`` if old is 0 or not comparable).
    comparable : bool
        ``False`` when the units differ in kind, or when either figure covers
        several years (年均, 五年, 累计, a 五年来 paragraph): a one-year figure
        against a five-year one is not a change.
    note : str
        Why the pair is not comparable ("cannot compare % with 个百分点", "the old
        figure covers several years (年均/五年/累计): not a one-year change"), a
        caveat ("range compared at its midpoint: new 6-6.5"), or "".
    """

    metric: str
    kind: str
    old: Figure
    new: Figure
    old_value: float | None
    new_value: float | None
    unit: str
    abs_change: float | None
    rel_change: float | None
    comparable: bool
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "metric": self.metric,
            "kind": self.kind,
            "old_value": self.old_value,
            "new_value": self.new_value,
            "unit": self.unit,
            "abs_change": self.abs_change,
            "rel_change": self.rel_change,
            "comparable": self.comparable,
            "note": self.note,
            "old": self.old.to_dict(),
            "new": self.new.to_dict(),
        }


class FigureDeltas(ResultTuple):
    """A tuple of :class:`FigureDelta` with ``to_dict``, ``to_pandas`` and ``_repr_html_``.

    ``old_source``/``old_year`` and ``new_source``/``new_year`` (the reports'
    paths and plan years, ``None`` when figures were given without a report)
    label the rows of :meth:`to_pandas`.
    """

    labels = ("old_source", "old_year", "new_source", "new_year")
    old_source: str | None
    old_year: int | None
    new_source: str | None
    new_year: int | None

    def to_pandas(self) -> Any:
        """One row per delta, in the columns :data:`DELTA_COLUMNS` (see ``docs/output.md``)."""
        import pandas as pd

        head = {"old_source": self.old_source, "old_year": self.old_year,
                "new_source": self.new_source, "new_year": self.new_year}
        rows = []
        for d in self:
            row = head | {k: v for k, v in d.to_dict().items() if k not in ("old", "new")}
            for side, f in (("old", d.old), ("new", d.new)):
                row |= {f"{side}_quote": f.quote, f"{side}_section": f.section,
                        f"{side}_span_start": f.span[0], f"{side}_span_end": f.span[1]}
            rows.append(row)
        df = pd.DataFrame(rows, columns=list(DELTA_COLUMNS))
        for c in ("old_year", "new_year"):
            df[c] = df[c].astype("Int64")
        return df

    def _repr_html_(self) -> str:
        from html import escape

        cols = ("metric", "kind", "old_value", "new_value", "unit", "abs_change", "note")
        head = "".join(f"<th>{c}</th>" for c in cols)
        body = "".join("<tr>" + "".join(f"<td>{escape(str(getattr(d, c)))}</td>" for c in cols)
                       + "</tr>" for d in self)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_figure_deltas, (tuple(self), self.old_source, self.old_year, self.new_source,
                                 self.new_year))


def _figure_deltas(items: tuple[FigureDelta, ...], old_source: str | None, old_year: int | None,
                   new_source: str | None, new_year: int | None) -> FigureDeltas:
    """Unpickle a :class:`FigureDeltas` (keyword-only arguments do not pickle directly)."""
    return FigureDeltas(items, old_source=old_source, old_year=old_year,
                        new_source=new_source, new_year=new_year)


#: The columns of :meth:`FigureDeltas.to_pandas`, in order.
DELTA_COLUMNS: tuple[str, ...] = (
    "old_source", "old_year", "new_source", "new_year", "metric", "kind", "old_value",
    "new_value", "unit", "abs_change", "rel_change", "comparable", "note",
    "old_quote", "old_section", "old_span_start", "old_span_end",
    "new_quote", "new_section", "new_span_start", "new_span_end")


def _incomparable_note(a: Figure, b: Figure) -> str:
    da, db = a.base_unit, b.base_unit
    if da == db:
        return ""
    ua = a.unit or "(no unit)"
    ub = b.unit or "(no unit)"
    return f"cannot compare {ua} with {ub}"


def _point(f: Figure) -> float:
    """The value a delta compares: a range's midpoint (``6%-6.5%`` → 6.25), else the value."""
    from .metrics import to_base

    if f.low is not None and f.high is not None:
        return to_base(float(f"{(f.low + f.high) / 2:.12g}"), f.unit)[0]
    return f.base_value


def _range_note(a: Figure, b: Figure) -> str:
    ends = [f"{w} {f.value_text}" for w, f in (("old", a), ("new", b))
            if f.low is not None and f.high is not None]
    return ("range compared at its midpoint: " + ", ".join(ends)) if ends else ""


def _delta(a: Figure, b: Figure, key: str) -> FigureDelta:
    note = _incomparable_note(a, b)
    if note:
        return FigureDelta(key, b.kind, a, b, None, None, "", None, None, False, note)
    ov, nv = _point(a), _point(b)
    diff = float(f"{nv - ov:.12g}")
    rel = float(f"{diff / ov:.12g}") if ov else None
    return FigureDelta(key, b.kind, a, b, ov, nv, a.base_unit, diff, rel, True, _range_note(a, b))


def compare_figures(old: Figure, new: Figure) -> FigureDelta:
    """Compare two figures directly; :class:`IncomparableError` if their units differ in kind.

    >>> from reportdiff.figures import extract_figures_from_text
    >>> a, = extract_figures_from_text("增长6.6%")
    >>> b, = extract_figures_from_text("提高0.5个百分点")
    >>> compare_figures(a, b)
    Traceback (most recent call last):
    ...
    reportdiff.errors.IncomparableError: cannot compare % with 个百分点: ...
    """
    note = _incomparable_note(old, new)
    if note:
        raise IncomparableError(
            f"{note}: {old.quote!r} and {new.quote!r} measure different things; "
            "compare figures of the same unit family")
    return _delta(old, new, new.metric_key)


def figure_deltas(
    old: Report | Iterable[Figure],
    new: Report | Iterable[Figure],
    *,
    part: str = "review",
) -> FigureDeltas:
    """Pair figures of the same metric and kind across two reports and compute the change.

    Parameters
    ----------
    old, new : Report or iterable of Figure
        For Reports, the figures of ``part`` (``review`` by default: the
        outcomes each report states; ``"all"`` for every figure).
    part : {"review", "plan", "all"}

    Returns
    -------
    FigureDeltas
        A tuple of :class:`FigureDelta` with ``to_dict``, ``to_pandas`` and
        ``_repr_html_``, in the order of the new report's figures; the first
        figure of each ``(metric_key, kind)`` in each report is used, one-year
        figures before multi-year ones (年均, 五年, 累计).  Pairs whose units
        cannot be compared, or where either figure covers several years, are
        kept with ``comparable=False`` and a ``note``.

    >>> from reportdiff.figures import extract_figures_from_text
    >>> old = extract_figures_from_text("国内生产总值增长6.9%。")
    >>> new = extract_figures_from_text("国内生产总值增长6.6%。")
    >>> d, = figure_deltas(old, new)
    >>> (d.metric, d.old_value, d.new_value, d.abs_change)
    ('gdp_growth', 6.9, 6.6, -0.3)

    A range is compared at its midpoint, and the note says so:

    >>> old = extract_figures_from_text("国内生产总值增长6.5%左右。")
    >>> new = extract_figures_from_text("国内生产总值增长6%－6.5%。")
    >>> d, = figure_deltas(old, new)
    >>> (d.old_value, d.new_value, d.abs_change, d.note)
    (6.5, 6.25, -0.25, 'range compared at its midpoint: new 6-6.5')
    """
    a = _figures_of(old, part)
    b = _figures_of(new, part)
    first_old = _first_by_key(a, _multi_year_paragraphs(old, a))
    first_new = _first_by_key(b, _multi_year_paragraphs(new, b))
    out: list[FigureDelta] = []
    for key, (f, new_multi) in first_new.items():
        if key in first_old:
            g, old_multi = first_old[key]
            d = _delta(g, f, f.metric_key)
            if d.comparable and (old_multi or new_multi):
                # 年均7.1% against 6.6%, or a five-year count against a one-year one: not a change
                which = "both figures cover" if old_multi and new_multi else (
                    f"the {'old' if old_multi else 'new'} figure covers")
                multi = f"{which} several years (年均/五年/累计): not a one-year change"
                d = replace(d, abs_change=None, rel_change=None, comparable=False,
                            note="; ".join(n for n in (multi, d.note) if n))
            out.append(d)
    (old_source, old_year), (new_source, new_year) = _label(old), _label(new)
    return FigureDeltas(out, old_source=old_source, old_year=old_year,
                        new_source=new_source, new_year=new_year)


def _label(x: Report | Iterable[Figure]) -> tuple[str | None, int | None]:
    """The path and plan year of a Report, or of :class:`~reportdiff.figures.Figures`."""
    if hasattr(x, "source_text") and hasattr(x, "norm"):
        return x.source.path, x.year  # type: ignore[union-attr]
    return getattr(x, "source", None), getattr(x, "year", None)


_MULTI_YEAR = ("年均", "五年", "累计", "多年", "过去五年")
_MULTI_YEAR_OPENING = re.compile(r"^[^。]{0,6}(?:[二三四五六七八九十几多]年来|"
                                 r"过去[二三四五十几]年|本届政府)")


_ANNOUNCES = re.compile(r"(?:以下|如下)[^。；]{0,12}[。：:]?$")


def _multi_year_paragraphs(x: Report | Iterable[Figure], figs: Sequence[Figure]) -> set[int]:
    """Indexes of the figures that speak of several years (Reports only).

    A figure speaks of several years when its section (a paragraph, a topic)
    opens with 五年来/过去五年/本届政府, or when it lies under a chapter
    announced by such a paragraph (``五年来，我们……主要做了以下工作。``
    followed by ``（一）…（九）``): the announcement covers the headed sections
    right after it, up to the next plain paragraph.
    """
    if not (hasattr(x, "source_text") and hasattr(x, "norm")):
        return set()
    report: Report = x  # type: ignore[assignment]
    announced = _announced_multi_year(report)
    out: set[int] = set()
    for i, f in enumerate(figs):
        if f.section is None:
            continue
        try:
            sec = report.section(f.section)
        except KeyError:
            continue
        if (_MULTI_YEAR_OPENING.match(report.section_text(sec))
                or any(f.section == a or f.section.startswith(a + ".") for a in announced)):
            out.add(i)
    return out


def _announced_multi_year(report: Report) -> list[str]:
    """Ids of headed sections announced by a 五年来 …以下工作 paragraph just before them.

    Only outside the plan part: a plan paragraph citing past years announces this year's tasks.
    """
    out: list[str] = []
    for sec in report.walk():
        if sec.role == "plan":  # 结合过去十年…的体会，对今年工作提出以下建议: this year's tasks
            continue
        on = False
        for child in sec.children:
            if child.level >= 4:
                text = report.section_text(child).rstrip()
                on = bool(_MULTI_YEAR_OPENING.match(text) and _ANNOUNCES.search(text))
            elif on:
                out.append(child.id)
    return out


def _first_by_key(figs: Sequence[Figure],
                  multi: set[int] | frozenset[int] = frozenset(),
                  ) -> dict[tuple[str, str], tuple[Figure, bool]]:
    """The first figure of each (metric_key, kind), preferring one-year figures.

    A report that reviews five years states both 年均增长7.1% and 增长6.9%
    (or 城镇新增就业6600万人 under 五年来 and 1351万人 under 刚刚过去的2017年):
    the annual figure is the one to compare with the next report's.
    """
    out: dict[tuple[str, str], tuple[Figure, bool]] = {}
    rank: dict[tuple[str, str], tuple[bool, bool]] = {}
    for i, f in enumerate(figs):
        if not f.metric_key:
            continue
        key = (f.metric_key, f.kind)
        is_multi = i in multi or any(w in f.metric or w in f.quote for w in _MULTI_YEAR)
        # 由上年下降2.3%转为增长8.5%: the 2.3% is last year's; the 8.5% stands for the year
        last_year = "上年" in f.qualifier.split("、")
        if key not in out or (last_year, is_multi) < rank[key]:
            out[key] = (f, is_multi)
            rank[key] = (last_year, is_multi)
    return dict(sorted(out.items(), key=lambda kv: kv[1][0].value_span))


def _figures_of(x: Report | Iterable[Figure], part: str) -> tuple[Figure, ...]:
    if hasattr(x, "source_text") and hasattr(x, "norm"):
        figs: tuple[Figure, ...] = x.figures  # type: ignore[union-attr]
        if part != "all":
            chosen = tuple(f for f in figs if f.role == part)
            return chosen if chosen or part != "review" else figs
        return figs
    return tuple(x)  # type: ignore[arg-type]
