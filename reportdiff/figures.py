"""Extract figures — numbers with unit, metric, qualifier — from a report.

A *figure* is a quantity the report states about something it measures:
``国内生产总值增长6.6%``, ``新增市场主体1.97万户``, ``位居中心城区第三``.
Years, dates, plan names (十三五), slogans (一带一路, 两个维护), ordinals
(第七届), grades (Ⅳ类), codes (5G, 722所, P158) and idioms (一批, 进一步)
are never figures.

Rules (regular expressions and word lists, no segmenter):

1. A number token is an Arabic numeral (``1,361``, ``6.5``), a Chinese
   numeral (``三百二十``, ``两万``, ``千亿``), a percentage in words
   (``百分之六点五``) or a fraction (``三分之一``), optionally followed by
   ``多``/``余``, a magnitude (万, 亿, 万亿 …) and a unit from
   :data:`reportdiff.metrics.UNITS`.  Ranges (``6%-6.5%``, ``6至6.5%``) and
   changes with both ends (``由22家调减为12家``) become one figure.
2. A token is a figure only when it carries a unit or a magnitude; a number
   stuck to Latin letters (5G, PM2.5, P158), after ``第`` (an ordinal), a
   Chinese numeral below ten with a classifier (两个维护, 八项规定), a
   three-digit code before ``所`` and a threshold inside a counted item
   (``5000万元以上项目120个``: only 120 is a figure) are not.
3. Ranks are read from ``位居/居/排名 … 第N`` (``分别位居第三和第二`` gives two)
   and from a scope alone (``总量全市第三``); tiers (``第一方阵``) are not ranks.
4. The metric is the phrase before the number in its clause, cleaned by
   :func:`reportdiff.metrics.strip_metric`; ``metric_key`` maps it through the
   synonym table.

This module holds the results (:class:`Figure`, :class:`Figures`) and the
extraction loop; number tokens and the rules that reject them are in
:mod:`reportdiff.figure_tokens`, the metric, kind and qualifier rules in
:mod:`reportdiff.figure_metrics`, figure deltas in :mod:`reportdiff.deltas`.

>>> [(f.metric, f.value, f.unit, f.kind) for f in extract_figures_from_text(
...     "国内生产总值增长6.6%，新增市场主体1.97万户。")]
[('国内生产总值增长', 6.6, '%', 'growth'), ('新增市场主体', 1.97, '万户', 'count')]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from .deltas import FigureDelta, FigureDeltas, compare_figures, figure_deltas
from .figure_metrics import (
    _COMPARATIVE,
    _RATE_AFTER,
    _TARGET_AFTER,
    _TARGET_TAIL,
    _TIMES_EARLIER,
    _beyond_metric,
    _clause,
    _complete_metric,
    _distribute,
    _is_rate,
    _kind,
    _metric,
    _qualifiers,
    _rank_metric,
    _sentence_start,
)
from .figure_tokens import (
    _MAX_METRIC,
    _fractions,
    _keep,
    _listed,
    _merge_changes,
    _negatives,
    _ranks,
    _share_units,
    _Tok,
    _tokens,
)
from .metrics import JUNK_METRICS, balance_marks, dimension, metric_key, strip_metric, to_base

# The deltas live in their own module; they are part of this module's API.
from .results import ResultTuple

# Names this module held or imported before its rules moved to figure_metrics: still importable.
from .figure_metrics import (  # noqa: F401  # isort: skip
    _BARE_VERBS, _CLOSE_OF, _COMPARISON, _LAST_YEAR_BEFORE, _MAX_NOUN, _NOT_NOUNS, _RATE_NOUNS,
    _SUBJECTLESS, _noun_after, _shared_tail)
from .figure_tokens import (  # noqa: F401  # isort: skip
    _CJK, _CLAUSE_QUALIFIERS, _MAG, _PREFIX_QUALIFIERS, _SETTLE, _SUBCLAUSE_END,
    _SUFFIX_QUALIFIERS, _TO_FORMS, _UNIT, _WHEN, _clause_end, _is_break)
from .metrics import COUNT_UNITS, DIRECTIONS  # noqa: F401  # isort: skip

if TYPE_CHECKING:  # pragma: no cover
    from .report import Report

__all__ = [
    "FIGURE_COLUMNS",
    "Figure",
    "FigureDelta",
    "FigureDeltas",
    "Figures",
    "Kind",
    "compare_figures",
    "extract_figures",
    "extract_figures_from_text",
    "report_figures",
    "figure_deltas",
]

Kind = Literal["level", "growth", "share", "rank", "count", "change"]

# -- results -------------------------------------------------------------------

@dataclass(frozen=True)
class Figure:
    """One stated quantity.

    Attributes
    ----------
    quote : str
        The clause that states the figure, ``source_text[span[0]:span[1]]``.
    span : tuple of int
        The clause's span in the source text (or in the string given to
        :func:`extract_figures_from_text`).
    value_span : tuple of int
        The span of the number with its unit (a range or a change: both ends).
    metric : str
        What is measured, as written (``地区生产总值增长``, ``新建道路``).
    metric_key : str
        Canonical key via the synonym table (``gdp_growth``) or the metric itself.
    value : float
        The number as written (``1.97`` of ``1.97万户``); the lower end of a
        range, the new value of a change with both ends.
    unit : str
        The unit as written, magnitude included (``万户``, ``%``, ``个百分点``).
    base_value, base_unit : float, str
        The value in the unit's base unit (``19700.0``, ``户``).
    kind : {"level", "growth", "share", "rank", "count", "change"}
    qualifier : str
        左右, 以上, 近, 约, 多, 预计 …, joined with ``、`` ("" if none).
    low, high : float or None
        Both ends of a stated range (``6%-6.5%``), in the written unit.
    from_value : float or None
        The starting value of a change with both ends (``由22家调减为12家``: 22).
    direction : str
        增长, 下降, 提高 … ("" if none).
    section : str or None
        Outline id of the deepest section (level ≤ 4) holding the figure.
    role : str
        ``review``, ``plan`` or ``other`` (from the section).
    """

    quote: str
    span: tuple[int, int]
    value_span: tuple[int, int]
    metric: str
    metric_key: str
    value: float
    unit: str
    base_value: float
    base_unit: str
    kind: Kind
    qualifier: str = ""
    low: float | None = None
    high: float | None = None
    from_value: float | None = None
    direction: str = ""
    section: str | None = None
    role: str = "other"

    @property
    def value_text(self) -> str:
        """The number as a short display string (``6-6.5``, ``22→12``, ``1.97``)."""
        if self.low is not None and self.high is not None:
            return f"{_fmt(self.low)}-{_fmt(self.high)}"
        if self.from_value is not None:
            return f"{_fmt(self.from_value)}→{_fmt(self.value)}"
        return _fmt(self.value)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict in a stable field order."""
        return {
            "metric": self.metric,
            "metric_key": self.metric_key,
            "value": self.value,
            "unit": self.unit,
            "base_value": self.base_value,
            "base_unit": self.base_unit,
            "kind": self.kind,
            "qualifier": self.qualifier,
            "low": self.low,
            "high": self.high,
            "from_value": self.from_value,
            "direction": self.direction,
            "section": self.section,
            "role": self.role,
            "quote": self.quote,
            "span": list(self.span),
            "value_span": list(self.value_span),
        }


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


class Figures(ResultTuple):
    """A tuple of :class:`Figure` with ``to_dict``, ``to_pandas`` and ``_repr_html_``.

    ``source`` (the report's path) and ``year`` (its plan year) label the rows of
    :meth:`to_pandas`, so frames of many reports stack with ``pd.concat``.
    """

    labels = ("source", "year")
    source: str | None
    year: int | None

    def to_pandas(self) -> Any:
        """One row per figure: ``source``, ``year``, ``span_start``, ``span_end`` first.

        The columns are :data:`FIGURE_COLUMNS` (the convention of ``docs/output.md``);
        the number's own span is ``value_span_start``/``value_span_end``.
        """
        import pandas as pd

        rows = []
        for f in self:
            d = f.to_dict()
            span, vspan = d.pop("span"), d.pop("value_span")
            rows.append({"source": self.source, "year": self.year,
                         "span_start": span[0], "span_end": span[1], **d,
                         "value_span_start": vspan[0], "value_span_end": vspan[1]})
        df = pd.DataFrame(rows, columns=list(FIGURE_COLUMNS))
        df["year"] = df["year"].astype("Int64")
        return df

    def _repr_html_(self) -> str:
        from html import escape

        head = "".join(f"<th>{h}</th>" for h in ("metric", "value", "unit", "qualifier", "kind",
                                                  "section", "quote"))
        body = "".join(
            "<tr>" + "".join(f"<td>{escape(str(v))}</td>" for v in (
                f.metric, f.value_text, f.unit, f.qualifier, f.kind, f.section or "", f.quote))
            + "</tr>" for f in self)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_figures, (tuple(self), self.source, self.year))


def _figures(items: tuple[Figure, ...], source: str | None, year: int | None) -> Figures:
    """Unpickle a :class:`Figures` (keyword-only arguments do not pickle directly)."""
    return Figures(items, source=source, year=year)


#: The columns of :meth:`Figures.to_pandas`, in order.
FIGURE_COLUMNS: tuple[str, ...] = (
    "source", "year", "span_start", "span_end", "metric", "metric_key", "value", "unit",
    "base_value", "base_unit", "kind", "qualifier", "low", "high", "from_value", "direction",
    "section", "role", "quote", "value_span_start", "value_span_end")


# -- extraction ----------------------------------------------------------------

def extract_figures(
    report: Report,
    *,
    nspan: tuple[int, int] | None = None,
    part: str = "all",
    synonyms: Mapping[str, Sequence[str]] | None = None,
) -> Figures:
    """Every figure of ``report`` (or of the normalised range ``nspan``), in text order.

    Parameters
    ----------
    report : Report
    nspan : (start, end), optional
        A range of ``report.text`` to read (a section's ``nspan``, a sentence).
        Spans of the result still index ``report.source_text``.
    part : {"all", "review", "plan"}
        Keep only figures in sections of this role.
    synonyms : mapping, optional
        Extra ``{metric_key: [names]}`` merged over :data:`reportdiff.metrics.SYNONYMS`.
    """
    from .errors import UsageError

    if part not in ("all", "review", "plan", "other"):
        raise UsageError(f"unknown part {part!r}: use review, plan or all")
    if nspan is None and synonyms is None:
        figs: Sequence[Figure] = report.figures  # read once per report, warnings included
    else:
        figs = _read_report(report, nspan, synonyms, None)
    if part != "all":
        figs = [f for f in figs if f.role == part]
    return Figures(figs, source=report.source.path, year=report.year)


def report_figures(report: Report) -> Figures:
    """Read every figure of ``report`` and warn about what could not be read.

    This is what :attr:`Report.figures <reportdiff.report.Report.figures>` caches:
    each :class:`~reportdiff.errors.FigureWarning` names the report's path and is
    issued once per report, however often its figures are used.  Partial
    readings (``extract_figures(report, nspan=...)``) do not repeat them.
    """
    problems: list[tuple[int, str, str]] = []
    figs = _read_report(report, None, None, problems)
    _warn_problems(problems, report.source.path or "the text", report.to_source)
    return Figures(figs, source=report.source.path, year=report.year)


def _warn_problems(problems: Sequence[tuple[int, str, str]], where: str,
                   to_source: Callable[[int, int], tuple[int, int]]) -> None:
    """One :class:`~reportdiff.errors.FigureWarning` per unreadable range, naming ``where``."""
    from ._warn import warn
    from .errors import FigureWarning

    seen: set[tuple[int, str]] = set()
    for pos, written, why in problems:
        if (pos, written) in seen:
            continue
        seen.add((pos, written))
        start = to_source(pos, pos + len(written))[0]
        warn(FigureWarning(
            f"{where}: range {written!r} not read as a figure: {why} (character {start}); "
            "check the text or write the range with both ends in one unit (6%-6.5%)"))


def _read_report(report: Report, nspan: tuple[int, int] | None,
                 synonyms: Mapping[str, Sequence[str]] | None,
                 problems: list[tuple[int, str, str]] | None) -> list[Figure]:
    text = report.text
    start, end = nspan if nspan is not None else (0, len(text))

    def section_of(pos: int) -> tuple[str | None, str]:
        sec = report.section_at(pos)
        return (sec.id, sec.role) if sec is not None else (None, "other")

    return _extract(text, start, end, report.to_source, report.source_text, section_of, synonyms,
                    problems)


def extract_figures_from_text(
    text: str,
    *,
    synonyms: Mapping[str, Sequence[str]] | None = None,
) -> Figures:
    """Figures of a plain string (a sentence, a clause); spans index ``text`` itself.

    The string is normalised first (full-width digits, ``％`` …), so raw
    source text works as well as normalised text.

    >>> f = extract_figures_from_text("城镇新增就业1361万人、调查失业率稳定在5%左右")
    >>> [(x.metric, x.value, x.unit, x.qualifier) for x in f]
    [('城镇新增就业', 1361.0, '万人', ''), ('调查失业率', 5.0, '%', '左右')]
    >>> f[1].quote == "城镇新增就业1361万人、调查失业率稳定在5%左右"
    True
    """
    from .normalize import normalize

    if not text:
        return Figures()
    norm = normalize(text)
    problems: list[tuple[int, str, str]] = []
    figs = _extract(norm.text, 0, len(norm.text), norm.to_source, text,
                    lambda pos: (None, "other"), synonyms, problems)
    _warn_problems(problems, "the text", norm.to_source)
    return Figures(figs)


def _extract(
    text: str,
    start: int,
    end: int,
    to_source: Callable[[int, int], tuple[int, int]],
    source_text: str,
    section_of: Callable[[int], tuple[str | None, str]],
    synonyms: Mapping[str, Sequence[str]] | None,
    problems: list[tuple[int, str, str]] | None = None,
) -> list[Figure]:
    toks = _tokens(text, start, end, problems)
    toks = _merge_changes(text, toks)
    toks = _share_units(text, toks)
    toks = _negatives(text, toks)
    toks = [t for t in toks if _keep(text, t, end)]
    toks.extend(_merge_changes(text, _ranks(text, start, end)))  # 从第六位上升到第四位: one rank
    toks.extend(_fractions(text, start, end))
    toks.sort(key=lambda t: (t.start, t.end))
    out: list[Figure] = []
    prev_tok: _Tok | None = None
    groups: list[list[tuple[int, int, int]]] = []
    cur_sentence = -1
    sentence_figs: list[Figure] = []
    nstarts: list[int] = []  # normalised start of each figure in ``out``
    beyond: set[int] = set()  # ids of figures saying by how much another beat a reference
    for t in toks:
        cs, ce = _clause(text, t.start, t.end, start, end)
        metric, direction, to_form = _metric(text, t, cs)
        if t.kind == "rank":
            metric = strip_metric(t.metric) + "排名" if t.metric else _rank_metric(out, text, cs, t)
            direction = ""
        percent = dimension(t.unit) == "%"
        after = _RATE_AFTER.match(text, t.end) if percent and not direction else None
        if after and (strip_metric(metric) in JUNK_METRICS or len(metric) <= 2):
            metric = _TARGET_TAIL.sub("", after.group("m"))  # 提出8%左右的国内生产总值增长目标
        rate = _is_rate(metric) or after is not None
        rate = rate or (dimension(t.unit) in ("倍", "番") and not direction
                        and bool(_TIMES_EARLIER.search(text, cs, t.start)))
        if t.kind == "fraction":
            kind = "growth" if (direction and not to_form) or rate else "share"
        else:
            kind = t.kind or _kind(t.unit, direction, to_form, chinese=t.chinese, rate=rate)
        if prev_tok is not None and _listed(text, prev_tok, t) and out:
            # "分别下降36.1%、28.6%和85.8%": the list shares metric, direction, kind
            last = out[-1]
            if last.base_unit == to_base(t.value, t.unit)[1] and t.kind in (None, "fraction"):
                metric, direction, kind = last.metric, last.direction, last.kind
                groups[-1].append((len(out), cs, t.start))
            else:
                groups.append([(len(out), cs, t.start)])
        else:
            groups.append([(len(out), cs, t.start)])
        prev_tok = t
        sent = _sentence_start(text, cs, start)
        if sent != cur_sentence:
            cur_sentence, sentence_figs = sent, []
        if percent and not direction and (metric in JUNK_METRICS | {""} or _COMPARATIVE.match(
                metric)) and _TARGET_AFTER.match(text, t.end):
            # 增长11.3%，低于13%左右的预期目标: the target of the figure before it
            prev = [f for f in sentence_figs if f.kind != "rank" and f.base_unit == "%"]
            if prev:
                metric, kind = prev[-1].metric, prev[-1].kind
                direction = direction or prev[-1].direction
        if t.kind != "rank":
            metric = _complete_metric(text, t, metric, direction,
                                      [f for f in sentence_figs if id(f) not in beyond])
        beyond_metric = metric
        if kind == "change" and dimension(t.unit) == "个百分点":
            beyond_metric = _beyond_metric(text, t, cs, metric, sentence_figs)
        is_beyond = beyond_metric != metric
        metric = balance_marks(beyond_metric)
        if metric in JUNK_METRICS:
            metric = ""  # 去年, 有, 还: a word, not a subject; say nothing rather than junk
        qualifier = _qualifiers(text, t, cs)
        metric = metric[-_MAX_METRIC:]
        base_value, base_unit = to_base(t.value, t.unit)
        sspan = to_source(cs, ce)
        vspan = to_source(t.start, t.end)
        sec, role = section_of(t.start)
        out.append(Figure(
            quote=source_text[sspan[0]:sspan[1]],
            span=sspan,
            value_span=vspan,
            metric=metric,
            metric_key=metric_key(metric, kind=kind, synonyms=synonyms),
            value=t.value,
            unit=t.unit,
            base_value=base_value,
            base_unit=base_unit,
            kind=kind,  # type: ignore[arg-type]
            qualifier="、".join(qualifier),
            low=t.low,
            high=t.high,
            from_value=t.from_value,
            direction=t.direction or direction,
            section=sec,
            role=role,
        ))
        sentence_figs.append(out[-1])
        if is_beyond:
            beyond.add(id(out[-1]))
        nstarts.append(t.start)
    for g in groups:
        if len(g) > 1:
            _distribute(text, out, g, synonyms, nstarts, start)
    return out
