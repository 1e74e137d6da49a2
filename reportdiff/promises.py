"""Promises: the checkable commitments of a report's plan part.

A *promise* is one clause of the plan part that a later report can be checked
against.  Two kinds:

* **quantitative** – a figure with a target: ``城镇新增就业1100万人以上`` is
  ``>= 1100 万人``; ``居民消费价格涨幅3%左右`` is ``~ 3 %``;
  ``单位国内生产总值能耗下降3%左右`` is a cut (``direction="down"``) of about 3%.
* **qualitative** – a named project or policy with a verb of completion
  (启动, 开工, 建成, 完成, 出台, 投入使用 …): ``确保华侨城P158地块等项目全面开工``.

Slogans and bare direction words (加快/推进/深化 with nothing to finish) are
not promises, nor are forecasts of things the government does not deliver
(``高校毕业生将达727万人``), facts about the past (``已设立``, ``比去年增加``),
numbers inside quoted names (``“三个1亿人”``) and a target repeated in an
explanation (``把增长预期目标定在7.5%左右，兼顾了需要和可能``).

One clause, one promise: ``淘汰钢铁2700万吨、水泥4200万吨`` gives two.
Figures come from :mod:`reportdiff.figures`; this module decides which of them
are targets and maps their wording to an operator:

========================================  ==========
wording                                   ``op``
========================================  ==========
以上, 不低于, 不少于, 至少, 超过, 突破      ``>=``
以内, 以下, 之内, 不超过, 不高于, 控制在    ``<=``
左右, 上下, 约 (also after 控制在)          ``~``
6.5%－7%, 6至7%                            ``range``
anything else (增长7.5%, 提高到450元)       ``=``
========================================  ==========

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
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from .metrics import is_decrease
from .numerals import parse_chinese
from .report import Report

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

#: Words that say how firmly a promise is made, strongest first.
STRENGTHS: tuple[str, ...] = ("确保", "务必", "坚决", "必须", "力争", "争取", "努力",
                              "预期", "拟", "要", "将")

#: Verbs that say a qualitative promise is finished (or started) by a date.
COMPLETION_VERBS: tuple[str, ...] = ("投入使用", "投入运营", "建成", "竣工", "完工", "完成",
                                     "通车", "开通", "开工", "启动", "出台", "落地", "挂牌",
                                     "上市", "供地", "交付", "开业", "封顶", "摘牌")

_AT_LEAST = ("不低于", "不少于", "至少", "超过", "突破", "高于")
_AT_MOST = ("不超过", "不高于", "控制在", "低于", "少于")
_PAST = re.compile(r"已经|已[设建有达实经完成]|去年|(?<![础面])上年(?![度均])|过去|五年来|"
                   r"累计|曾|前几年")
_FORECAST = re.compile(r"将[高]?达|将超过|历史最高|历史新高")
_FUTURE = re.compile(r"今后|将|到20\d\d年|要")
#: Money the government spends is delivered by it: 支出总额将达到664亿元 is a commitment.
_BUDGET = re.compile(r"财政|预算|支出|投入|资金|拨款")
#: A metric that names only an attribute takes its subject from the clause before:
#: 扎实推进新型农村社会养老保险试点，试点范围扩大到23%的县.
_ATTRIBUTE = re.compile(r"(?:试点)?(?:范围|覆盖面|覆盖率|规模|比重|比例|占比|标准|水平)")
#: What a plan does to the things it counts: 592个……县免征农业税, 在100个城市开展试点.
_ACTION = re.compile(r"免征|免除|开展|实施|推行|推广|试点|覆盖|纳入|改造|新建|建成|取消|减免|补助|"
                     r"开工|安置|搬迁|培训|资助")
_ESTIMATE = re.compile(r"^(?:今年|全年)?预计(?!数)")
_CUE = re.compile(r"今年|明年|年内|全年要|要|将|拟|确保|力争|争取|预期|目标|计划|力求|努力|务必")
_EXPLAIN = re.compile(r"考虑了?|兼顾|表明|体现了?|意味着|有利于|可以实现|就能够|能够实现|主要是|"
                      r"主要基于|之所以")
_HORIZON = re.compile(r"到((?:19|20)\d\d)年|((?:19|20)\d\d)年前|今后五年|今后几年|"
                      r"今后一个时期|"
                      r"到(一九[〇零一二三四五六七八九]{2})年|"
                      r"第([一二三四五六七八九十]+)个五年计划|"
                      r"“?十([一二三四五六])五”?时期|“?十([一二三四五六])五”?期间|今明两年")
_BARE_DIRECTION = re.compile(r"^(?:要|并|同时|继续|进一步|大力|积极|着力|全力|切实|不断|持续)*"
                             r"(?:加快|推进|深化|加强|推动|促进|完善|健全|提升|优化|坚持|强化|"
                             r"深入|扎实|稳步|扩大|支持|鼓励|发展|落实|抓好|做好|打造|培育)")
_NAMED = re.compile(r"[A-Za-z0-9]|“[^”]{2,}”|《[^》]+》|项目|工程|地块|片区|园区|产业园|公园|"
                    r"[园馆站桥港厂楼]"
                    r"|医院|学院|学校|大道|[^路]路|线路|铁路|基地|新城|中心|平台|大厦|试点|方案|条例|"
                    r"办法|规划|制度|改革|机构|清单|体系|法律|法规|收储")
_CLAUSE_SPLIT = re.compile(r"[，,：:；;。！？!?\n]")
_SENT_SPLIT = re.compile(r"[。！？!?；;\n]")
_FILLER_HEAD = ("今年", "全年", "年内", "要", "再", "拟", "将", "并", "同时", "其中", "把", "确保",
                "力争", "争取", "努力", "务必", "继续", "进一步", "预期", "实现", "完成", "但",
                "而",
                "安排", "保持", "主要预期目标是", "发展的主要预期目标是", "主要目标是")
_FILLER_TAIL = ("控制在", "保持在", "稳定在", "提高到", "增加到", "扩大到", "不低于", "不少于",
                "不超过",
                "不高于", "要", "拟", "将", "预期",
                "力争", "再", "定在", "达到", "为", "按", "在")


#: Words that say nothing about what is measured (budget boilerplate included).
GENERIC_WORDS = re.compile(
    r"今年|全年|去年|比上年|比去年|增长|提高|下降|降低|减少|增加|新增|完成|实现|达到|以上|左右|以内|"
    r"中央财政|安排|资金|投入|用于|支出|累计|分别|整体|总体|[要再拟将的和等约近共了]")


def residual(metric: str) -> str:
    """What a metric name says once generic words are dropped.

    >>> residual("中央财政拟投入")
    ''
    >>> residual("中央财政科技投入")
    '科技'
    """
    return "".join(c for c in GENERIC_WORDS.sub("", metric)
                   if "\u4e00" <= c <= "\u9fff" or c.isalnum())


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


class Promises(tuple):  # type: ignore[type-arg]
    """A tuple of :class:`Promise` with ``to_dict``, ``to_pandas`` and ``_repr_html_``.

    ``source`` (the report's path) and ``year`` (its plan year) label the rows of
    :meth:`to_pandas`, so frames of many reports stack with ``pd.concat``.
    """

    source: str | None
    year: int | None

    def __new__(cls, items: Iterable[Promise] = (), *, source: str | None = None,
                year: int | None = None) -> Promises:
        self = super().__new__(cls, items)
        object.__setattr__(self, "source", source)
        object.__setattr__(self, "year", year)
        return self

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"Promises is immutable: cannot set {name!r}")

    def to_dict(self) -> list[dict[str, Any]]:
        return [p.to_dict() for p in self]

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


# -- operators -----------------------------------------------------------------

def target_op(before: str, qualifier: str, *, is_range: bool = False) -> Op:
    """The operator of a target from the words before the number and its qualifier.

    >>> target_op("城镇新增就业", "以上")
    '>='
    >>> target_op("居民消费价格涨幅控制在", "左右")
    '~'
    >>> target_op("城镇登记失业率控制在", "")
    '<='
    >>> target_op("国内生产总值增长", "", is_range=True)
    'range'
    """
    if is_range:
        return "range"
    if any(w in qualifier for w in ("左右", "上下", "约")):
        return "~"
    if any(w in qualifier for w in ("以上", "不低于", "不少于", "至少", "超过", "突破")):
        return ">="
    if any(w in qualifier for w in ("以内", "以下", "之内", "不超过")):
        return "<="
    tail = before[-6:]
    if any(tail.endswith(w) or w in tail for w in _AT_MOST):
        return "<="
    if any(tail.endswith(w) or w in tail for w in _AT_LEAST):
        return ">="
    return "="


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
                        continue
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


def _past_sentence(year: int | None) -> re.Pattern[str]:
    """A sentence about the past: 过去一年, 去年, or the year before the plan year."""
    prev = rf"|{year - 1}年(?!以来)" if year else ""
    return re.compile(r"过去一年|过去五年|一年来|五年来|去年|(?<![比础面])上年(?![度均])" + prev)


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    s = start
    for m in _SENT_SPLIT.finditer(text, start, end):
        if m.start() > s:
            yield s, m.start() + (0 if m.group() == "\n" else 1)
        s = m.end()
    if s < end:
        yield s, end


def _sentence_at(text: str, pos: int, start: int, end: int) -> tuple[int, int]:
    for s, e in _sentences(text, max(start, text.rfind("\n", start, pos) + 1), end):
        if s <= pos < e:
            return s, e
    return pos, pos


def _clauses(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    s = start
    for m in _CLAUSE_SPLIT.finditer(text, start, end):
        if m.start() > s:
            yield s, m.start()
        s = m.end()
    if s < end:
        yield s, end


def _clause_at(text: str, pos: int, start: int, end: int) -> tuple[int, int]:
    for s, e in _clauses(text, start, end):
        if s <= pos < e:
            return s, e
    return start, end


def _lead_sentence(text: str, pos: int) -> str:
    """The first sentence of the paragraph holding ``pos`` (a horizon there covers it all)."""
    s = text.rfind("\n", 0, pos) + 1
    m = _SENT_SPLIT.search(text, s)
    return text[s:m.start() if m else len(text)]


def _strength(prefix: str) -> str | None:
    """The commitment word nearest before the end of ``prefix`` (the sentence up to the clause)."""
    best: tuple[int, int, str] | None = None
    for rank, w in enumerate(STRENGTHS):
        i = prefix.rfind(w)
        if i >= 0 and (best is None or i + len(w) > best[0] or
                       (i + len(w) == best[0] and rank < best[1])):
            best = (i + len(w), rank, w)
    return best[2] if best else None


_FYP_END = {"一": 2010, "二": 2015, "三": 2020, "四": 2025, "五": 2030, "六": 2035}


def _due(sentence: str, paragraph: str, part_title: str, year: int | None) -> int | None:
    """The year a promise is due: a later year named in its sentence, paragraph or part."""
    for scope in (sentence, paragraph, part_title):
        m = _HORIZON.search(scope)
        if not m:
            continue
        if m.group(1) or m.group(2) or m.group(3):
            y = (int(m.group(1) or m.group(2)) if not m.group(3)
                 else int(parse_chinese(m.group(3)) or 0))
            return y if year is None or y >= year else year
        if m.group(4):  # 第一个五年计划 (1953-1957) … 第十个五年计划 (2001-2005)
            n = int(parse_chinese(m.group(4)) or 0)
            end = 1957 + 5 * (n - 1) if n <= 2 else 1970 + 5 * (n - 3)
            return end if year is None or end >= year else year
        if m.group(5) or m.group(6):
            return _FYP_END[m.group(5) or m.group(6)]
        if year is None:
            return None
        word = m.group(0)
        return year + (1 if "两年" in word else 2 if "三年" in word else 4)
    return year


def _clause_due(clause: str, sentence_due: int | None, year: int | None) -> int | None:
    """A clause naming its own horizon wins; ``今年``/``年内`` pin it to the plan year."""
    own = _HORIZON.search(clause)
    if own:
        return _due(clause, "", "", year)
    if re.search(r"今年|年内|全年|当年", clause):
        return year
    return sentence_due


def _quantitative(report: Report, f: Figure, vs: int, ve: int, ss: int, se: int,
                  items: list[tuple[Figure, tuple[int, int]]],
                  synonyms: Mapping[str, Sequence[str]] | None,
                  ) -> tuple[tuple[int, int], dict[str, Any]] | None:
    text = report.text
    if f.kind == "rank":
        return None
    cs, ce = _clause_at(text, vs, ss, se)
    clause = text[cs:ce]
    before = text[cs:vs]
    past = _PAST.search(clause)
    if past and past.group() == "累计" and _FUTURE.search(clause):
        past = None  # 今后五年……新增义务教育经费累计将达2182亿元: a total still to come
    if past or _ESTIMATE.search(clause) or (
            _FORECAST.search(clause) and not _BUDGET.search(clause)):
        return None
    if re.search(r"比(?:去年|上年|20\d\d年)", before):
        return None
    if re.search(r"(?:现行|目前|现有|原有|原来)[^，。；0-9]{0,8}$", before):
        return None  # 将制造业等行业现行16%的税率降至13%: 16% is where it starts
    if re.fullmatch(r"[\s“]*(?:近|约|将近|大约|逾)?", before) and re.match(r"[^，。；]{0,4}的",
                                                                          text[ve:ce]):
        return None  # 近14亿中国人的饭碗: a number describing a noun, not a target
    # a number inside a quoted name: “三个1亿人”, “四两拨千斤”
    if before.count("“") > before.count("”"):
        return None
    if f.from_value is not None and f.kind == "change" and not before.strip():
        return None
    written = report.source_text[f.value_span[0]:f.value_span[1]]
    if not re.match(r"[\s\u200b]*[0-9０-９]", written) and "分之" not in written:
        return None  # Chinese numerals in a plan are names and idioms (二元结构, 十三亿人)
    if before.rstrip().endswith("把"):
        return None  # no subject: 把13亿中国人的饭碗……
    if not _clean_metric(before, f):
        # the count is the subject: 592个国家扶贫开发工作重点县免征农业税
        after = text[ve:ce]
        if not (f.kind == "count" and 4 <= len(residual(after)) and _ACTION.search(after)):
            return None
    # sub-clause: several figures joined by 、 in one clause give one promise each
    same = sorted((v for g, v in items if cs <= v[0] < ce), key=lambda v: v[0])
    ps, pe = cs, ce
    if len(same) > 1 and "分别" not in clause:
        k = same.index((vs, ve)) if (vs, ve) in same else 0
        prev_end = same[k - 1][1] if k > 0 else cs
        cut = text.rfind("、", prev_end, vs)
        ps = cut + 1 if cut >= 0 and k > 0 else cs
        nxt = same[k + 1][0] if k + 1 < len(same) else ce
        cut2 = text.find("、", ve, nxt)
        pe = cut2 if cut2 >= 0 and k + 1 < len(same) else ce
    while ps < pe and text[ps] in " “":
        ps += 1
    if _size_class(text[cs:vs], text[ve:ce]):
        return None  # 淘汰关停不达标的30万千瓦以下煤电机组: a size class, not a target
    metric = _clean_metric(text[ps:vs], f)
    each = _respective(text, cs, vs, same, f)
    if each:
        metric = each
    if f.from_value is not None:  # 由每人每年420元提高到450元: a level, from a base
        metric = re.sub(r"(?:由|从)[^由从]*$", "", metric) or metric
    after = text[ve:pe]
    if metric.endswith("等") and f.kind == "count" and len(residual(after)) >= 2:
        # 确保铁园路、白沙西路等15条道路开工建设: the names are examples; what is promised
        # is the work on the things counted
        metric = re.sub(r"^(?:多|余)?(?:以上|以内|以下|左右)?的?", "", after).strip()
    if len(metric) < 3 or len(residual(metric)) < 2:
        tail = re.sub(r"^(?:多|余)?(?:以上|以内|以下|左右|之内)?的?", "", after)
        tail = re.sub(r"(?:问题|任务|等)+$", "", tail)
        metric = (metric + tail).strip()
    if (len(metric) <= 3 or len(residual(re.sub(r"人均|每年|平均|年均", "", metric))) < 2
            or _ATTRIBUTE.fullmatch(residual(metric))):
        comma = text.rfind("，", ss, max(ss, cs - 1))
        prev = text[comma + 1 if comma >= 0 else ss:max(ss, cs - 1)]
        prev = _BARE_DIRECTION.sub("", prev.strip(" ，“”"))
        prev = re.sub(r"^(?:今明两年|今年|明年|年内)?(?:要)?(?:继续|进一步)?", "", prev)
        prev = re.sub(r"^(?:实施|开展|加大|推进|提高|增加|提升)", "", prev)
        prev = re.sub(r"(?:建设力度|力度|工作|建设)$", "", prev)
        if 2 <= len(prev) <= 12 and not re.search(r"\d", prev):
            metric = prev + metric
    metric = ENUMERATION.sub("", metric)  # 三是…，免征范围扩大到: the subject without 三是
    if len(metric) < 2:
        return None
    is_range = f.low is not None and f.high is not None
    op = target_op(text[cs:vs], f.qualifier + text[ve:ve + 3], is_range=is_range)
    direction: Literal["up", "down"] | None = None
    if f.from_value is not None or re.search(r"(?:到|至)$", text[cs:vs]):
        direction = None  # 提高到450元, 下降到1.5%: a level
    elif f.direction:
        direction = "down" if is_decrease(f.direction) else "up"
    elif "涨幅" in metric or "增速" in metric:
        direction = "up"
    elif re.search(r"(?:下降|降低|减少|压减|削减|退出|淘汰)$", text[cs:vs]):
        direction = "down"  # (下降到 is a level, not a cut)
    target = Target(op=op, value=f.low if is_range else f.value, unit=f.unit,
                    low=f.low if is_range else None, high=f.high if is_range else None,
                    direction=direction, qualifier=f.qualifier)
    key = _base_key(metric, synonyms)
    return (ps, pe), {"kind": "quantitative", "metric": metric, "target": target,
                      "metric_key": key}


#: Modifiers that a list of metrics shares when the first item carries them:
#: 单位国内生产总值用水量、能耗、二氧化碳排放量 (each per unit of GDP).
_SHARED_HEAD = re.compile(r"^(?:单位(?:国内|地区)生产总值|单位GDP|"
                          r"万元(?:国内|地区)?生产总值|万元GDP|"
                          r"人均|每万人|每千人)")


def _respective(text: str, cs: int, vs: int, same: list[tuple[int, int]], f: Figure) -> str:
    """The metric of one figure of ``A、B、C分别下降x、y、z``: item k with the verb.

    The k-th figure after ``分别`` belongs to the k-th item listed before it; a
    modifier of the first item that says how all are measured (单位国内生产总值,
    人均) is given to the others.  Empty when the list and the figures do not
    pair up.

    >>> from reportdiff import Report
    >>> r = Report.from_text("一、2016年工作回顾\\n去年很好。\\n二、2017年工作安排\\n"
    ...     "单位国内生产总值用水量、能耗分别下降23%、15%。\\n", check=False)
    >>> [p.metric for p in r.promises]
    ['单位国内生产总值用水量下降', '单位国内生产总值能耗下降']

    Short parallel modifiers share the noun of the last item:

    >>> r = Report.from_text("一、2008年工作回顾\\n去年很好。\\n二、2009年工作安排\\n"
    ...     "把小学、初中学生人均公用经费分别提高到300元和500元。\\n", check=False)
    >>> [p.metric for p in r.promises]
    ['小学学生人均公用经费提高', '初中学生人均公用经费提高']
    """
    fb = text.rfind("分别", cs, vs)
    if fb < 0:
        return ""
    after = sorted(v for v in same if v[0] > fb)
    if len(after) < 2:
        return ""
    k = next((i for i, v in enumerate(after) if v[0] == vs), -1)
    head = _clean_metric(text[cs:fb], f)
    items = [x.strip(" “”") for x in head.split("、") if x.strip(" “”")]
    if len(items) == len(after) - 1 and items:
        last = re.split(r"以及|和|及|与", items[-1], maxsplit=1)
        items = items[:-1] + [x for x in last if x]
    verb = re.sub(r"(?:到|至)$", "", re.match(r"[\u4e00-\u9fff]*",
                                                 text[fb + 2:after[0][0]]).group())
    if k < 0 or len(items) != len(after):
        # 城乡低保人均补助标准分别提高5%和8%: no list to pair with, the subject for each
        return head + verb if len(items) == 1 and len(residual(head)) >= 2 else ""
    item = items[k]
    shared = _SHARED_HEAD.match(items[0])
    if k > 0 and shared and not _SHARED_HEAD.match(item):
        item = shared.group() + item
    last = items[-1]
    if k < len(items) - 1 and len(items[0]) <= 3 and len(last) >= len(items[0]) + 3:
        # 小学、初中学生人均公用经费: short parallel modifiers share the last item's noun
        item += last[len(item):]
    return item + verb


def _size_class(before: str, after: str) -> bool:
    """Is the number a size class of the things named after it (``的30万千瓦以下煤电机组``)?

    A number followed by 以下/以上 and a noun, after ``的`` or a verb of removal
    (淘汰, 关停, 关闭, 取缔, 拆除), says which things are meant, not how many.

    >>> _size_class("淘汰关停不达标的", "以下煤电机组"), _size_class("城镇新增就业", "以上")
    (True, False)
    >>> _size_class("改造", "以上农村公路")
    False
    """
    m = re.match(r"(?:及以上|以上|及以下|以下)([\u4e00-\u9fff]{2,})", after)
    if not m or m.group(1).startswith(("的", "目标", "水平", "左右")):
        return False
    return bool(re.search(r"(?:的|淘汰|关停|关闭|取缔|拆除)$", before.rstrip()))


def _base_key(metric: str, synonyms: Mapping[str, Sequence[str]] | None) -> str:
    from .metrics import metric_key

    return metric_key(metric, synonyms=synonyms)


#: Enumeration words that open an item of a list: 一是, 第二, 其次 (never part of a metric).
ENUMERATION = re.compile(r"^\s*(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+(?:是|，|、)|"
                         r"首先|其次|再次|最后|另外|此外)[，、：\s]*")


def _clean_metric(phrase: str, f: Figure) -> str:
    s = re.sub(r"^.*?(?:目标是|目标为)", "", phrase).strip(" ，、：；“”")
    s = ENUMERATION.sub("", s)
    s = re.sub(r"^在[^，；]*?基础上", "", s)  # 在明显提高质量和效益的基础上年均增长7%
    if len(residual(re.sub(r"年均|平均", "", s))) < 2:
        # 今年经济增长预期目标为7%左右, 经济增长预期目标是……年均增长7%: the metric is before 目标
        s = re.sub(r"(?:预期)?(?:增长)?目标(?:定)?(?:[是为在].*)?$", "",
                   phrase).strip(" ，、：；“”")
        s = re.sub(r"^.*?(?:提出|确定)", "", s) or s
    changed = True
    while changed and s:
        changed = False
        for w in _FILLER_HEAD:
            if s.startswith(w) and len(s) > len(w):
                s, changed = s[len(w):], True
        for w in _FILLER_TAIL:
            if s.endswith(w) and len(s) > len(w):
                s, changed = s[: -len(w)], True
    s = re.sub(r"^今后五年|(?:累计)?将达到?$", "", s) or s  # 今后五年……经费累计将达2182亿元
    bare = re.sub(r"目标(?:拟定|确定|设定|定)?$", "", s)  # 广义货币M2预期增长目标拟定为13%左右
    if bare != s and len(residual(bare)) >= 2:
        s = bare
    s = re.sub(r"(?:(?:都要|要再|要|将|拟|再|预期|力争|都)(?:分别)?|分别)(?=(?:增长|下降|降低|减少|"
               r"提高|增加|上涨|压减|压缩|削减)$)", "", s)
    s = re.sub(r"(?:下降|降低|降|提高|增加|扩大|上升)(?:到|至)$", "", s) or s
    return s.strip(" ，、：；“”")


def _verb_groups(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a clause at 、 after each piece that holds a completion verb.

    ``确保武大科技园等项目挂牌、百一光电等项目开工建设`` gives two promises;
    ``省妇幼片区改造、地大双创中心等项目全面开工`` stays one.
    """
    out: list[tuple[int, int]] = []
    s = start
    for m in re.finditer("、", text[start:end]):
        cut = start + m.start()
        if any(v in text[s:cut] for v in COMPLETION_VERBS) and any(
                v in text[cut + 1:end] for v in COMPLETION_VERBS):
            out.append((s, cut))
            s = cut + 1
    out.append((s, end))
    return out


def _unquote(clause: str) -> str:
    """Strip spaces, and quotation marks that have no partner inside the clause.

    >>> _unquote("适时启动“深港通”"), _unquote("“放管服”改革"), _unquote("“建成新城”")
    ('适时启动“深港通”', '“放管服”改革', '建成新城')
    """
    body = clause.strip(" ")
    if body.startswith("“") and body.endswith("”") and body.count("“") == body.count("”") == 1:
        body = body[1:-1]
    while body.startswith("“") and body.count("“") > body.count("”"):
        body = body[1:]
    while body.endswith("”") and body.count("”") > body.count("“"):
        body = body[:-1]
    return body.strip(" ")


#: A year or a date names no object: 西部地区于2020年完成.
_DATE = re.compile(r"(?:19|20)\d\d年(?:底|前|末|内)?|\d{1,2}月(?:底|份)?|\d{1,2}日")


def _qualitative(clause: str) -> dict[str, Any] | None:
    body = ENUMERATION.sub("", _unquote(clause))
    if len(body) < 6 or re.search(r"\d+(?:\.\d+)?\s*(?:%|万|亿)", body):
        return None
    if re.match(r"^[^，。]{0,12}?是", body) or re.search(r"关键一年|之年$", body):
        return None  # a description (2020年是……关键一年), not a commitment
    if re.search(r"上下(?:更大|足|真)?功夫$|围绕[^，。]*目标$", body):
        return None  # 在……落地见效上下功夫, 围绕全面建成小康社会奋斗目标: nothing to finish
    verb = next((v for v in COMPLETION_VERBS if v in body), None)
    if verb is None:
        return None
    head = body[:body.find(verb)]
    after = body[body.find(verb) + len(verb):]
    if after.startswith(("的", "攻坚", "难", "障碍")):
        return None  # 突破影响项目落地的障碍, 狠抓项目落地攻坚: the verb only qualifies a noun
    if _BARE_DIRECTION.match(body) and not head.endswith(("确保", "力争", "争取")) \
            and not re.search(r"(?:确保|力争|争取|年内|今年|全面)", head):
        return None  # 加快/推进 … with a completion verb only in passing
    obj = body if len(head) < 2 else head
    if not _NAMED.search(_DATE.sub("", obj)) and not _NAMED.search(_DATE.sub("", after)):
        return None  # (高质量完成国家生态园林城市创建任务: the name follows the verb;
        # 西部地区于2020年完成: a date is not a name, the object is in another sentence)
    metric = re.sub(r"^(?:今年|年内|全年|要|并|同时|确保|力争|争取|务必|努力)+", "", body)
    return {"kind": "qualitative", "metric": metric, "target": None}
