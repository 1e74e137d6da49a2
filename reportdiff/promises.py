"""Promises: the checkable commitments of a report's plan part.

A *promise* is one clause of the plan part that a later report can be checked
against.  Two kinds:

* **quantitative** – a figure with a target: ``城镇新增就业1100万人以上`` is
  ``>= 1100 万人``; ``居民消费价格涨幅3%左右`` is ``~ 3 %``;
  ``单位国内生产总值能耗下降3%左右`` is a cut (``direction="down"``) of about 3%.
* **qualitative** – a named project or policy with a verb of completion
  (启动, 开工, 建成, 完成, 出台, 投入使用 …): ``确保华侨城P158地块等项目全面开工``;
  or a policy verb with a start date or full scope (``从今年秋季起全面免除城市义务教育学杂费``).

Slogans and bare direction words (加快/推进/深化 with nothing to finish) are
not promises, nor are forecasts of things the government does not deliver
(``高校毕业生将达727万人``), facts about the past (``已设立``, ``去年``; but a
comparison, ``比去年增加``, does not make a budget line past), policies without a
start date or full scope,
numbers inside quoted names (``“三个1亿人”``) and a target repeated in an
explanation (``把增长预期目标定在7.5%左右，兼顾了需要和可能``).

One clause, one promise: ``淘汰钢铁2700万吨、水泥4200万吨`` gives two.
Figures come from :mod:`reportdiff.figures`; :mod:`reportdiff.promise_targets`
decides which of them are targets and maps their wording to an operator:

========================================  ==========
wording                                   ``op``
========================================  ==========
以上, 不低于, 不少于, 至少, 超过, 突破      ``>=``
以内, 以下, 之内, 不超过, 不高于, 控制在    ``<=``
左右, 上下, 约 (also after 控制在)          ``~``
6.5%－7%, 6至7%                            ``range``
anything else (增长7.5%, 提高到450元)       ``=``
========================================  ==========

This module holds the results (:class:`Target`, :class:`Promise`,
:class:`Promises`), :func:`part_ranges` and :func:`extract_promises`; the
sentence, clause, strength, due-year, metric-cleaning and qualitative rules are
in :mod:`reportdiff.promise_rules`.

>>> from reportdiff import Report
>>> r = Report.from_text("各位代表：\\n一、2019年工作回顾\\n去年GDP增长6.6%。\\n"
...     "二、2020年工作安排\\n今年主要预期目标是：国内生产总值增长6%左右，城镇新增就业900万人以上。"
...     "确保华侨城P158地块等项目全面开工。加快推进改革。\\n", check=False)
>>> [(p.kind, p.metric, p.target.op if p.target else None)
...  for p in r.promises]  # doctest: +NORMALIZE_WHITESPACE
[('quantitative', '国内生产总值增长', '~'), ('quantitative', '城镇新增就业', '>='),
 ('qualitative', '华侨城P158地块等项目全面开工', None)]
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from .promise_rules import (
    _CUE,
    _EXPLAIN,
    COMPLETION_VERBS,
    STRENGTHS,
    _clause_at,
    _clause_due,
    _clauses,
    _due,
    _lead_sentence,
    _past_sentence,
    _policy,
    _qualitative,
    _sentence_at,
    _sentences,
    _strength,
    _verb_groups,
)
from .promise_targets import _quantitative, target_op
from .report import Report
from .results import ResultTuple

# Names this module held or imported before its rules moved out: still importable.
from .metrics import is_decrease  # noqa: F401  # isort: skip
from .numerals import parse_chinese  # noqa: F401  # isort: skip
from .promise_rules import (  # noqa: F401  # isort: skip
    _BARE_DIRECTION, _CLAUSE_SPLIT, _DATE, _FILLER_HEAD, _FILLER_TAIL, _FYP_END, _HORIZON, _NAMED,
    _SENT_SPLIT, ENUMERATION, GENERIC_WORDS, _clean_metric, _unquote, residual)
from .promise_targets import (  # noqa: F401  # isort: skip
    _ACTION, _AT_LEAST, _AT_MOST, _ATTRIBUTE, _BUDGET, _ESTIMATE, _FORECAST, _FUTURE, _PAST,
    _SHARED_HEAD, _base_key, _respective, _size_class)

if TYPE_CHECKING:  # pragma: no cover
    from .figures import Figure

__all__ = [
    "COMPLETION_VERBS",
    "STRENGTHS",
    "Promise",
    "PROMISE_COLUMNS",
    "Promises",
    "TARGET_COLUMNS",
    "Target",
    "extract_promises",
    "part_ranges",
    "target_op",
]

Op = Literal[">=", "<=", "~", "range", "="]


# -- results -------------------------------------------------------------------

@dataclass(frozen=True)
class Target:
    """What a quantitative promise commits to.

    Attributes
    ----------
    op : {">=", "<=", "~", "range", "="}
    value : float or None
        The target (the lower end of a range).
    low, high : float or None
        Both ends of a range (``op == "range"``).
    unit : str
        As written, magnitude included (``万人``, ``%``, ``亿元``).
    direction : {"up", "down"} or None
        ``down`` when the figure is a cut (下降, 减少, 压减 …): the value is
        then the size of the cut.
    qualifier : str
        The qualifying words as written (左右, 以上 …).
    """

    op: Op
    value: float | None
    unit: str
    low: float | None = None
    high: float | None = None
    direction: Literal["up", "down"] | None = None
    qualifier: str = ""

    def describe(self) -> str:
        """Short display form: ``>= 1100 万人``, ``~ 3 %``, ``6.5-7 %``, ``cut >= 3 %``.

        >>> Target(op="~", value=3.0, unit="%", direction="down").describe()
        'cut ~ 3 %'
        >>> Target(op="=", value=1 / 3, unit="", direction="down").describe()  # 压缩三分之一
        'cut = 1/3'
        """
        cut = "cut " if self.direction == "down" else ""
        if self.op == "range":
            low, high = _fmt(self.low, self.unit), _fmt(self.high, self.unit)
            return f"{cut}{low}-{high} {self.unit}".strip()
        return f"{cut}{self.op} {_fmt(self.value, self.unit)} {self.unit}".strip()

    def to_dict(self) -> dict[str, Any]:
        return {"op": self.op, "value": self.value, "low": self.low, "high": self.high,
                "unit": self.unit, "direction": self.direction, "qualifier": self.qualifier}


@dataclass(frozen=True)
class Promise:
    """One checkable commitment of a plan part.

    Attributes
    ----------
    id : str
        ``P001``, ``P002`` … in text order.
    quote, span : str, (int, int)
        The clause as written; ``report.source_text[span[0]:span[1]] == quote``.
    metric : str
        What is promised, as written and cleaned (``城镇新增就业``).
    kind : {"quantitative", "qualitative"}
    target : Target or None
        ``None`` for qualitative promises.
    section : str or None
        Outline id of the section holding the promise.
    strength : str or None
        The firmest commitment word of the sentence (确保, 力争, 预期 …).
    due : int or None
        The year the promise is due: the plan year, or a later year for a
        multi-year target (``到2020年``, ``“十三五”时期``).
    metric_key : str
        Canonical key (``gdp``, ``urban_jobs``) or the metric itself.
    nspan : (int, int)
        The clause in the normalised text (for the analysis modules).
    """

    id: str
    quote: str
    span: tuple[int, int]
    metric: str
    kind: Literal["quantitative", "qualitative"]
    target: Target | None
    section: str | None
    strength: str | None
    due: int | None = None
    metric_key: str = ""
    nspan: tuple[int, int] = (0, 0)

    def describe(self) -> str:
        """``metric target`` for tables."""
        return f"{self.metric} {self.target.describe()}" if self.target else self.metric

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "metric": self.metric,
            "metric_key": self.metric_key,
            "target": self.target.to_dict() if self.target else None,
            "strength": self.strength,
            "due": self.due,
            "section": self.section,
            "quote": self.quote,
            "span": list(self.span),
        }


class Promises(ResultTuple):
    """A tuple of :class:`Promise` with ``to_dict``, ``to_pandas`` and ``_repr_html_``.

    ``source`` (the report's path) and ``year`` (its plan year) label the rows of
    :meth:`to_pandas`, so frames of many reports stack with ``pd.concat``.
    """

    labels = ("source", "year")
    source: str | None
    year: int | None

    def to_pandas(self) -> Any:
        """One row per promise: ``source``, ``year``, ``span_start``, ``span_end`` first.

        The target is flattened into ``op``, ``value``, ``low``, ``high``,
        ``unit`` and ``direction`` (empty for qualitative promises), the
        columns :meth:`reportdiff.audit.Audit.to_pandas` uses too.
        """
        import pandas as pd

        rows = []
        for p in self:
            d = p.to_dict()
            span = d.pop("span")
            t = d.pop("target") or {}
            rows.append({"source": self.source, "year": self.year,
                         "span_start": span[0], "span_end": span[1], **d,
                         **{k: t.get(k) for k in TARGET_COLUMNS}})
        df = pd.DataFrame(rows, columns=list(PROMISE_COLUMNS))
        df["year"] = df["year"].astype("Int64")
        return df

    def _repr_html_(self) -> str:
        from html import escape

        rows = "".join(
            f"<tr><td>{p.id}</td><td>{p.kind}</td><td>{escape(p.metric)}</td>"
            f"<td>{escape(p.target.describe()) if p.target else ''}</td>"
            f"<td>{escape(p.strength or '')}</td><td>{escape(p.quote)}</td></tr>"
            for p in self)
        return ("<table><tr><th>id</th><th>kind</th><th>metric</th><th>target</th>"
                f"<th>strength</th><th>quote</th></tr>{rows}</table>")

    def __reduce__(self) -> tuple[Any, ...]:
        return (_promises, (tuple(self), self.source, self.year))


def _promises(items: tuple[Promise, ...], source: str | None, year: int | None) -> Promises:
    """Unpickle a :class:`Promises` (keyword-only arguments do not pickle directly)."""
    return Promises(items, source=source, year=year)


#: The target's columns in pandas frames (``Promises`` and ``Audit``).
TARGET_COLUMNS: tuple[str, ...] = ("op", "value", "low", "high", "unit", "direction")
#: The columns of :meth:`Promises.to_pandas`, in order.
PROMISE_COLUMNS: tuple[str, ...] = (
    "source", "year", "span_start", "span_end", "id", "kind", "metric", "metric_key",
    *TARGET_COLUMNS, "strength", "due", "section", "quote")


def _fmt(x: float | None, unit: str = "%") -> str:
    """A target's number as the renderers spell it; a unitless share as a fraction (``1/3``).

    >>> _fmt(0.333333, ""), _fmt(1100.0), _fmt(None)
    ('1/3', '1100', '?')
    """
    from .render.common import _fraction, fmt_number

    if x is None:
        return "?"
    return _fraction(x) if not unit else fmt_number(x)


# -- parts ---------------------------------------------------------------------

_PART_HEAD = re.compile(r"(?m)^\s*[一二三四五六七八九十]{1,3}、")


def part_ranges(report: Report, role: str) -> list[tuple[int, int]]:
    """Normalised ranges of the parts with this role (``plan`` or ``review``).

    Uses the section roles; when the structure found none, falls back to the
    part headings (``一、…回顾`` is the review, the parts after it the plan).
    """
    ranges = [s.nspan for s in report.part(role)]  # type: ignore[arg-type]
    if ranges:
        return ranges
    text = report.text
    heads = [m.start() for m in _PART_HEAD.finditer(text)]
    if not heads:
        return [(0, len(text))] if role == "plan" else []
    review_i = next((i for i, h in enumerate(heads)
                     if "回顾" in text[h:text.find("\n", h) if "\n" in text[h:] else len(text)]), 0)
    if role == "review":
        end = heads[review_i + 1] if review_i + 1 < len(heads) else len(text)
        return [(heads[review_i], end)]
    return [(heads[review_i + 1], len(text))] if review_i + 1 < len(heads) else []



# -- extraction ----------------------------------------------------------------

def extract_promises(
    report: Report,
    *,
    synonyms: Mapping[str, Sequence[str]] | None = None,
) -> Promises:
    """Every promise of ``report``'s plan part, in text order.

    Parameters
    ----------
    report : Report
    synonyms : mapping, optional
        Extra ``{metric_key: [names]}`` for :func:`reportdiff.metrics.metric_key`.
    """
    from .figures import extract_figures

    text = report.text
    found: list[tuple[tuple[int, int], dict[str, Any]]] = []
    seen_targets: list[tuple[str, str, float | None, str]] = []
    for pstart, pend in part_ranges(report, "plan"):
        part_title = text[pstart:text.find("\n", pstart, pend)
                          if "\n" in text[pstart:pend] else pend]
        figs = list(extract_figures(report, nspan=(pstart, pend), synonyms=synonyms))
        by_sentence: dict[tuple[int, int], list[tuple[Figure, tuple[int, int]]]] = {}
        for f in figs:
            vs, ve = report.norm.to_norm(*f.value_span)
            by_sentence.setdefault(_sentence_at(text, vs, pstart, pend), []).append((f, (vs, ve)))
        carry: str | None = None
        past = False
        para_start = -1
        past_re = _past_sentence(report.year)
        for ss, se in _sentences(text, pstart, pend):
            sentence = text[ss:se]
            lead_in = carry
            here = text.rfind("\n", 0, ss) + 1
            if here != para_start:
                para_start, past = here, False
            if _CUE.search(sentence):
                past = False
            elif past_re.search(sentence):
                past = True
            if past:
                carry = None
                continue  # 过去一年……国内生产总值增长10.3%: last year's outcomes, not targets
            items = by_sentence.get((ss, se), [])
            sent_due = _due(sentence, _lead_sentence(text, ss), part_title, report.year)
            quant_clauses: set[tuple[int, int]] = set()
            for f, (vs, ve) in items:
                got = _quantitative(report, f, vs, ve, ss, se, items, synonyms)
                if got is None:
                    continue
                nspan, data = got
                data["target"] = Target(**data["target"])
                quant_clauses.add(_clause_at(text, vs, ss, se))
                sig = (data["metric_key"], data["target"].op, data["target"].value,
                       data["target"].unit)
                if _EXPLAIN.search(sentence) and any(s[1:] == sig[1:] for s in seen_targets):
                    continue  # a target repeated in its explanation
                seen_targets.append(sig)
                due = _clause_due(text[nspan[0]:nspan[1]], sent_due, report.year)
                data.update(strength=_strength(text[ss:nspan[1]]) or lead_in, due=due)
                found.append((nspan, data))
            for cs0, ce0 in _clauses(text, ss, se):
                if (cs0, ce0) in quant_clauses:
                    continue
                for cs, ce in _verb_groups(text, cs0, ce0):
                    data_q = _qualitative(text[cs:ce])
                    if data_q is None:
                        # 从今年秋季起全面免除……学杂费: a policy with a start date or full scope
                        policy = _policy(text[cs:ce], text[ss:cs])
                        if policy is None:
                            continue
                        take, data_q = policy
                        cs -= take
                    lead = len(text[cs:ce]) - len(text[cs:ce].lstrip(" “"))
                    due = _clause_due(text[cs:ce], sent_due, report.year)
                    data_q.update(strength=_strength(text[ss:ce]) or lead_in, due=due,
                                  metric_key=data_q["metric"])
                    found.append(((cs + lead, ce), data_q))
            carry = (_strength(sentence) or lead_in) if sentence.endswith(("；", ";")) else None
    found.sort(key=lambda x: (x[0][0], x[0][1]))
    out: list[Promise] = []
    for i, (nspan, d) in enumerate(found, 1):
        span = report.to_source(*nspan)
        sec = report.section_at(nspan[0])
        out.append(Promise(
            id=f"P{i:03d}", quote=report.source_text[span[0]:span[1]], span=span,
            metric=d["metric"], kind=d["kind"], target=d.get("target"),
            section=sec.id if sec is not None else None, strength=d["strength"],
            due=d["due"], metric_key=d["metric_key"], nspan=nspan))
    return Promises(out, source=report.source.path, year=report.year)
