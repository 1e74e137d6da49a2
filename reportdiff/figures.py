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
3. Ranks are read from ``位居/居/排名 … 第N`` (``分别位居第三和第二`` gives two).
4. The metric is the phrase before the number in its clause, cleaned by
   :func:`reportdiff.metrics.strip_metric`; ``metric_key`` maps it through the
   synonym table.

>>> [(f.metric, f.value, f.unit, f.kind) for f in extract_figures_from_text(
...     "国内生产总值增长6.6%，新增市场主体1.97万户。")]
[('国内生产总值增长', 6.6, '%', 'growth'), ('新增市场主体', 1.97, '万户', 'count')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from .figure_tokens import (
    _CJK,
    _CLAUSE_END,
    _CLAUSE_QUALIFIERS,
    _MAG,
    _MAX_METRIC,
    _PREFIX_QUALIFIERS,
    _SETTLE,
    _SUBCLAUSE_END,
    _SUFFIX_QUALIFIERS,
    _TO_FORMS,
    _UNIT,
    _clause_end,
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
from .metrics import COUNT_UNITS, DIRECTIONS, dimension, metric_key, strip_metric, to_base

if TYPE_CHECKING:  # pragma: no cover
    from .report import Report

__all__ = [
    "Figure",
    "FigureDelta",
    "FigureDeltas",
    "Figures",
    "Kind",
    "compare_figures",
    "extract_figures",
    "extract_figures_from_text",
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


class Figures(tuple):  # type: ignore[type-arg]
    """A tuple of :class:`Figure` with ``to_dict``, ``to_pandas`` and ``_repr_html_``."""

    __slots__ = ()

    def to_dict(self) -> list[dict[str, Any]]:
        return [f.to_dict() for f in self]

    def to_pandas(self) -> Any:
        """One row per figure (pandas imported here, not at module import)."""
        import pandas as pd

        rows = self.to_dict()
        cols = list(Figure.__dataclass_fields__)
        return pd.DataFrame(rows, columns=[c for c in _ROW_ORDER if c in cols] or None)

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
        return (Figures, (tuple(self),))


_ROW_ORDER = ("metric", "metric_key", "value", "unit", "base_value", "base_unit", "kind",
              "qualifier", "low", "high", "from_value", "direction", "section", "role", "quote",
              "span", "value_span")


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
    text = report.text
    start, end = nspan if nspan is not None else (0, len(text))

    def section_of(pos: int) -> tuple[str | None, str]:
        sec = report.section_at(pos)
        return (sec.id, sec.role) if sec is not None else (None, "other")

    figs = _extract(text, start, end, report.to_source, report.source_text, section_of, synonyms)
    if part != "all":
        figs = [f for f in figs if f.role == part]
    return Figures(figs)


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
    figs = _extract(norm.text, 0, len(norm.text), norm.to_source, text,
                    lambda pos: (None, "other"), synonyms)
    return Figures(figs)


def _extract(
    text: str,
    start: int,
    end: int,
    to_source: Callable[[int, int], tuple[int, int]],
    source_text: str,
    section_of: Callable[[int], tuple[str | None, str]],
    synonyms: Mapping[str, Sequence[str]] | None,
) -> list[Figure]:
    toks = _tokens(text, start, end)
    toks = _merge_changes(text, toks)
    toks = _share_units(text, toks)
    toks = _negatives(text, toks)
    toks = [t for t in toks if _keep(text, t, end)]
    toks.extend(_ranks(text, start, end))
    toks.extend(_fractions(text, start, end))
    toks.sort(key=lambda t: (t.start, t.end))
    out: list[Figure] = []
    prev_tok: _Tok | None = None
    groups: list[list[tuple[int, int, int]]] = []
    cur_sentence = -1
    sentence_figs: list[Figure] = []
    for t in toks:
        cs, ce = _clause(text, t.start, t.end, start, end)
        metric, direction, to_form = _metric(text, t, cs)
        if t.kind == "rank":
            metric = _rank_metric(out, text, cs, t)
            direction = ""
        if t.kind == "fraction":
            kind = "growth" if direction and not to_form else "share"
        else:
            kind = t.kind or _kind(t.unit, direction, to_form)
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
        if t.kind != "rank":
            metric = _complete_metric(text, t, metric, direction, sentence_figs)
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
    for g in groups:
        if len(g) > 1:
            _distribute(text, out, g, synonyms)
    return out


def _distribute(text: str, out: list[Figure], group: list[tuple[int, int, int]],
                synonyms: Mapping[str, Sequence[str]] | None) -> None:
    """``入室盗窃、抢劫、涉传警情分别下降36.1%、28.6%和85.8%``: one subject per value.

    ``group`` holds ``(index in out, clause start, number start)`` of a list of
    values; when the clause names as many subjects before 分别, each value gets
    its own.
    """
    from dataclasses import replace

    _, cs, num_start = group[0]
    head = text[cs:num_start]
    cut = head.rfind("分别")
    if cut < 0:
        return
    raw = re.split("[、和及与]", head[:cut])
    suffix = ""
    if "”" in raw[-1]:  # “马上办、网上办”比例: the noun after the quote belongs to every item
        raw[-1], suffix = raw[-1].rsplit("”", 1)
    items = [strip_metric(x.strip("“”") + suffix) for x in raw]
    items = [x for x in items if x]
    if len(items) != len(group) or any(len(x) > _MAX_METRIC for x in items):
        return
    for (idx, _, _), noun in zip(group, items, strict=True):
        f = out[idx]
        metric = noun + f.direction if f.direction and f.from_value is None else noun
        out[idx] = replace(f, metric=metric,
                           metric_key=metric_key(metric, kind=f.kind, synonyms=synonyms))


_SUBJECTLESS = frozenset(["", "年均", "平均", "同比", "比上年", "实际", "名义", "分别", "均", "都",
                          "总量", "同口径", "增速", "总额", "规模", "其中", "比重", "占比",
                          "比去年", "比上年", "比去年预算", "比上年预算"])


#: Verbs that leave the counted thing to be written after the number (新建5所学校).
_BARE_VERBS = ("新建", "新设", "建成", "设立", "组建", "推动", "引进", "培育", "完成", "开展", "建设",
               "新增", "净增", "惠及", "扶持", "为", "实施", "办理", "打造", "创建", "开工", "改造",
               "举办", "帮助", "带动", "吸引", "覆盖", "资助", "解决", "安置", "启动", "确保", "有",
               "设", "建", "使", "对", "在", "向", "给")
_COMPARISON = re.compile(r"^(?:比|较|与)[^，。；]{1,10}(?:相比)?$")


def _sentence_start(text: str, pos: int, start: int) -> int:
    i = pos
    while i > start and text[i - 1] not in "。！？\n":
        i -= 1
    return i


def _complete_metric(text: str, t: _Tok, metric: str, direction: str,
                     sentence: list[Figure]) -> str:
    """Give a subjectless metric its subject.

    ``国内生产总值从54万亿元增加到82.7万亿元，年均增长7.1%``: 年均增长 takes the
    subject of the sentence's previous figure.  ``新设14个国家自主创新示范区``:
    a bare verb takes the noun written after the number.
    """
    subject = metric[: -len(direction)] if direction and metric.endswith(direction) else metric
    comparison = bool(_COMPARISON.match(subject)) and subject not in _SUBJECTLESS
    if (subject in _SUBJECTLESS or comparison) and (subject or not _noun_after(text, t)):
        for f in reversed(sentence):
            if f.kind == "rank":
                continue
            fs = f.metric[: -len(f.direction)] if f.direction and f.metric.endswith(f.direction) \
                else f.metric
            if fs and fs not in _SUBJECTLESS and len(fs) > 1:
                if comparison or metric in ("分别", "其中"):
                    return fs + direction  # 比2009年提高92%: the comparison is not the metric
                return fs + metric
        if subject:
            return metric
    if direction and direction not in ("新增", "净增"):
        return metric
    if subject and not (len(subject) <= 8 and subject.endswith(_BARE_VERBS)):
        return metric
    noun = _noun_after(text, t)
    return metric + noun if noun else metric


def _noun_after(text: str, t: _Tok) -> str:
    """The noun phrase written right after a figure (``14个国家自主创新示范区``)."""
    j = t.end
    q = _SUFFIX_QUALIFIERS.match(text, j)
    if q:
        j = q.end()
    if text[j:j + 1] == "的":
        j += 1
    k = j
    while k < len(text) and k - j < 12 and _CJK.match(text[k]) and text[k] not in "的":
        k += 1
    return text[j:k]

def _clause(text: str, s: int, e: int, start: int, end: int) -> tuple[int, int]:
    i = s
    while i > start and text[i - 1] not in _CLAUSE_END:
        i -= 1
    j = _clause_end(text, e, end)
    # trim quotes and spaces so the clause is tight
    while i < j and text[i] in " “”\"——":
        i += 1
    return i, j


def _metric(text: str, t: _Tok, cs: int) -> tuple[str, str, bool]:
    """Metric phrase, direction word and whether it is a "to" form (提高到)."""
    s = cs
    i = t.start
    while i > cs:
        if text[i - 1] in _SUBCLAUSE_END:
            s = i
            break
        i -= 1
    # stop at the end of a previous number in the same subclause
    seg = text[s:t.start]
    m = list(re.finditer(rf"\d[\d.,]*(?:多|余)?(?:{_MAG}(?:{_UNIT})?|{_UNIT})(?:以上|左右|以内)?",
                         seg))
    if m:  # a figure earlier in the item ends the phrase ("2009年" is not one)
        seg = seg[m[-1].end():]
    if t.from_value is not None:
        k = max(seg.rfind("由"), seg.rfind("从"))
        seg = seg[:k] if k >= 0 and len(seg) - k <= 5 else seg
    phrase = seg
    for w in _PREFIX_QUALIFIERS:
        if phrase.endswith(w):
            phrase = phrase[: -len(w)]
            break
    to_form = False
    direction = ""
    core = phrase
    for w in _SETTLE:
        if core.endswith(w) and (len(core) > len(w) or len(w) > 1):
            if w in _TO_FORMS:
                to_form = True
            core = core[: -len(w)]
            break
    core = core.removesuffix("了")
    for d in DIRECTIONS:
        if core.endswith(d):
            direction = d
            break
    if to_form and direction:
        metric = strip_metric(core[: -len(direction)]) + direction
    elif direction:
        head = strip_metric(core[: -len(direction)])
        metric = head + direction if head else direction
    else:
        metric = strip_metric(core)
    if direction in ("新增", "净增") and to_form is False and metric == direction:
        metric = direction
    return metric, direction, to_form


def _kind(unit: str, direction: str, to_form: bool) -> str:
    base = dimension(unit)
    if base == "个百分点":
        return "change"
    if base in ("%", "倍", "番"):
        if direction and not to_form and direction not in ("新增", "净增"):
            return "growth"
        return "share"
    if direction and not to_form and direction not in ("新增", "净增"):
        return "change"
    if base == "" and "亿" in unit:
        return "level"  # 突破千亿: a round sum, almost always money
    if base in COUNT_UNITS or base == "" or base == "张":
        return "count"
    return "level"


def _qualifiers(text: str, t: _Tok, cs: int) -> list[str]:
    out: list[str] = []
    clause_head = text[cs:cs + 4]
    for w in _CLAUSE_QUALIFIERS:
        if clause_head.startswith(w):
            out.append(w)
    before = text[max(cs, t.start - 4):t.start]
    for w in _PREFIX_QUALIFIERS:
        if before.endswith(w) and w != "达":
            out.append(w)
            break
    out.extend(t.qualifier)
    q = _SUFFIX_QUALIFIERS.match(text, t.end)
    if q:
        out.append(q.group(0))
    seen: list[str] = []
    for w in out:
        if w not in seen:
            seen.append(w)
    return seen

def _rank_metric(prev: list[Figure], text: str, cs: int, t: _Tok) -> str:
    """A rank's metric: its own subject, else the figure(s) it ranks (``分别位居第三和第二``)."""
    head = text[cs:t.start]
    m = re.search(r"(?:位居|位列|居于|居|排名|排在|排|名列|列|跃居|跃升|升至|稳居|保持|从|由|上升|提升|"
                  r"下降|降至)", head)
    own = strip_metric(head[:m.start()]) if m else ""
    own = re.split(r"[\d一二两三四五六七八九十百千]", own, maxsplit=1)[0] if own else own
    for w in ("分别", "均", "都", "继续", "稳定", "仍", "连续", "由上年", "由去年", "由", "从", "其中"):
        own = own.replace(w, "")
    own = strip_metric(own.strip("、，"))
    if own:
        return own + "排名"
    sent = cs
    while sent > 0 and text[sent - 1] not in "。！？\n":
        sent -= 1
    before = [f for f in prev if f.kind != "rank" and f.value_span and f.metric]
    # figures of the same sentence only: compare by quote position is not possible
    # here (spans index the source), so rely on the caller's order and the
    # sentence text
    sentence = text[sent:cs]
    cands = [f for f in before if f.metric and f.metric in sentence]
    if cands:
        n = t.group_size
        if n > 1 and len(cands) >= n:
            return cands[len(cands) - n + t.group_pos].metric + "排名"
        return cands[-1].metric + "排名"
    return "排名"


# The deltas live in their own module; they are part of this module's API.
from .deltas import FigureDelta, FigureDeltas, compare_figures, figure_deltas
