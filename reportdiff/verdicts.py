"""Verdict rules: compare a promised target with a reported outcome.

Every rule is stated in ``docs/verdicts.md``; this module is that text in
code.  The two judgement calls -- how much room ``左右`` leaves and which
metrics are ceilings -- are options (:class:`AuditOptions`), not constants.

Sense of a target
    ``>=`` is a floor and ``<=`` a ceiling whatever the metric.  For ``~``,
    ``=`` and ``range`` the metric's *polarity* decides: a ceiling (prices,
    unemployment, deficit, emissions …) must not be exceeded, a floor (growth,
    jobs, output …) must be reached, a ``target`` metric (money supply) must be
    hit from either side.  A promised *cut* (下降, 减少, 压减 …) is a floor on
    the size of the cut: ``单位国内生产总值能耗下降3%左右`` is kept by a cut of 3%
    or more.

Tolerance
    ``~`` (左右) leaves ``tolerance_pp`` percentage points for rates (% and
    个百分点) and a ``tolerance`` fraction of the target for other units, on the
    unfavourable side only.  ``>=``, ``<=``, ``=`` and ranges have none.

Verdicts from a figure
    ``kept`` within the bound; ``partial`` when a floor of a count or amount
    (not a rate) is missed but ``attainment >= partial_from``; ``missed``
    otherwise.

>>> opts = AuditOptions()
>>> judge(">=", 1100, None, None, "万人", None, "城镇新增就业", 1361, "万人", opts).verdict
'kept'
>>> judge("~", 3, None, None, "%", "up", "居民消费价格涨幅", 2.1, "%", opts).verdict
'kept'
>>> judge("~", 5.5, None, None, "%", "up", "国内生产总值增长", 3, "%", opts).verdict
'missed'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from .errors import UsageError
from .metrics import dimension, to_base

__all__ = [
    "DEFAULT_POLARITY",
    "RATE_UNITS",
    "REDEFINED",
    "VERDICTS",
    "AuditOptions",
    "Judgement",
    "judge",
    "polarity_of",
    "sense_of",
    "units_comparable",
]

Verdict = Literal["kept", "partial", "in_progress", "missed", "unclear", "not_mentioned"]
Polarity = Literal["floor", "ceiling", "target"]

#: Every verdict, in display order.
VERDICTS: tuple[str, ...] = ("kept", "partial", "in_progress", "missed", "unclear",
                             "not_mentioned")

#: Metric pattern -> polarity.  A pattern matches a metric key (``cpi``) or any
#: substring of the metric as written; the first match wins; unmatched metrics
#: are floors.
DEFAULT_POLARITY: dict[str, str] = {
    "cpi": "ceiling", "居民消费价格": "ceiling", "物价": "ceiling", "价格涨幅": "ceiling",
    "unemployment": "ceiling", "失业率": "ceiling",
    "fiscal_deficit": "ceiling", "赤字": "ceiling", "债务": "ceiling", "负债率": "ceiling",
    "energy_intensity": "ceiling", "能耗": "ceiling", "排放": "ceiling", "污染": "ceiling",
    "细颗粒物": "ceiling", "PM2.5": "ceiling", "用水量": "ceiling", "事故": "ceiling",
    "死亡率": "ceiling", "贫困发生率": "ceiling", "不良贷款率": "ceiling",
    "m2": "target", "广义货币": "target", "社会融资规模": "target",
}

#: Pairs of metric keys that measure the same thing under a changed definition.
REDEFINED: frozenset[frozenset[str]] = frozenset({
    frozenset({"unemployment_registered", "unemployment_survey"}),
    frozenset({"rural_income", "disposable_income"}),
})

#: Units of rates: ``左右`` leaves ``tolerance_pp`` points, and there is no ``partial``.
RATE_UNITS = frozenset({"%", "个百分点"})

#: Extra names for the audit's metric matching, merged over ``reportdiff.metrics.SYNONYMS``.
AUDIT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "energy_intensity": ("能耗强度", "能源消耗强度", "单位国内生产总值能源消耗", "节能减排"),
    "cpi": ("物价总水平", "价格总水平", "物价"),
    "fiscal_deficit": ("财政赤字占国内生产总值的比重", "赤字占国内生产总值比重"),
    "urban_jobs": ("新增就业",),
    "rural_poverty_reduction": ("贫困人口",),
}


@dataclass(frozen=True)
class AuditOptions:
    """The tunable rules of an audit.

    Attributes
    ----------
    tolerance : float
        Room that ``左右`` leaves on the unfavourable side, as a fraction of the
        target, for units other than rates (default 0.05: "about 600万套" is
        kept from 570万套).
    tolerance_pp : float
        The same for rates, in percentage points (default 0.25: "7.5%左右" is
        kept by 7.4%, missed by 7.2%).
    partial_from : float
        A floor of a count or amount missed with at least this attainment is
        ``partial`` (default 0.8).
    polarity : mapping
        Metric pattern -> ``"ceiling"``, ``"floor"`` or ``"target"``; see
        :data:`DEFAULT_POLARITY`.  Build one with :meth:`with_polarity`.
    synonyms : mapping
        Extra ``{metric_key: [names]}`` for matching promises to outcomes.
    alignment : bool
        Follow ``reportdiff.align(old, new).review_links`` first (needs
        scikit-learn); otherwise search the whole review in text order.
    """

    tolerance: float = 0.05
    tolerance_pp: float = 0.25
    partial_from: float = 0.8
    polarity: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_POLARITY))
    synonyms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    alignment: bool = True

    def __post_init__(self) -> None:
        if not 0 <= self.tolerance < 1:
            raise UsageError(f"tolerance {self.tolerance} must be a fraction in [0, 1), "
                             "e.g. 0.05")
        if self.tolerance_pp < 0:
            raise UsageError(f"tolerance_pp {self.tolerance_pp} must be >= 0, e.g. 0.25")
        if not 0 < self.partial_from <= 1:
            raise UsageError(f"partial_from {self.partial_from} must be in (0, 1], e.g. 0.8")
        bad = {k: v for k, v in self.polarity.items() if v not in ("ceiling", "floor", "target")}
        if bad:
            raise UsageError(f"polarity values must be ceiling, floor or target; got {bad}")

    def with_polarity(self, mapping: Mapping[str, str] | None = None, *,
                      ceilings: Iterable[str] = (), floors: Iterable[str] = (),
                      replace: bool = False) -> AuditOptions:
        """A copy whose polarity table has these entries first (they win).

        >>> AuditOptions().with_polarity(ceilings=["房价"]).polarity["房价"]
        'ceiling'
        """
        new: dict[str, str] = {}
        for m in ceilings:
            new[m] = "ceiling"
        for m in floors:
            new[m] = "floor"
        new.update(mapping or {})
        if not replace:
            for k, v in self.polarity.items():
                new.setdefault(k, v)
        return AuditOptions(tolerance=self.tolerance, tolerance_pp=self.tolerance_pp,
                            partial_from=self.partial_from, polarity=new,
                            synonyms=self.synonyms, alignment=self.alignment)

    def merged_synonyms(self) -> dict[str, tuple[str, ...]]:
        from .metrics import SYNONYMS

        out = {k: tuple(v) for k, v in SYNONYMS.items()}
        for extra in (AUDIT_SYNONYMS, self.synonyms):
            for k, names in extra.items():
                out[k] = tuple(dict.fromkeys(out.get(k, ()) + tuple(names)))
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"tolerance": self.tolerance, "tolerance_pp": self.tolerance_pp,
                "partial_from": self.partial_from, "polarity": dict(self.polarity),
                "synonyms": {k: list(v) for k, v in self.synonyms.items()},
                "alignment": self.alignment}


@dataclass(frozen=True)
class Judgement:
    """The outcome of :func:`judge`."""

    verdict: str
    attainment: float | None
    rule: str


def polarity_of(metric: str, key: str, table: Mapping[str, str]) -> str:
    """The polarity of a metric: the first pattern of ``table`` found in its key or text.

    >>> polarity_of("居民消费价格涨幅", "cpi", DEFAULT_POLARITY)
    'ceiling'
    >>> polarity_of("城镇新增就业", "urban_jobs", DEFAULT_POLARITY)
    'floor'
    """
    for pattern, pol in table.items():
        if pattern == key or key.startswith(pattern + "_") or pattern in metric:
            return pol
    return "floor"


def sense_of(op: str, direction: str | None, polarity: str) -> str:
    """``floor``, ``ceiling`` or ``target``: how a target binds (see the module doc).

    >>> sense_of("~", "down", "ceiling")   # 能耗下降3%左右: a cut of at least ~3%
    'floor'
    >>> sense_of("~", "up", "ceiling")     # 居民消费价格涨幅3%左右
    'ceiling'
    """
    if op == ">=":
        return "floor"
    if op == "<=":
        return "ceiling"
    if direction == "down":
        return "floor"
    return polarity


def _fmt(x: float | None, unit: str = "%") -> str:
    """A number as the renderers spell it; a unitless share as a fraction (``1/3``)."""
    from .render.common import _fraction, fmt_number

    if x is None:
        return "?"
    return _fraction(float(x)) if not unit else fmt_number(float(x))


#: Classifiers of institutions and projects, which reports also count with the general 个.
_INSTITUTIONS = frozenset({"家", "所", "座", "处", "项"})


def units_comparable(unit: str, other: str) -> bool:
    """Can a figure in ``other`` be read against a target in ``unit``?

    Units of one dimension compare (亿元 and 万亿元); a bare number compares with
    anything but a rate; and ``个``, the general classifier, compares with the
    classifier of institutions and projects (家, 所, 座, 处, 项: 新建校企产学研平台10个
    against 新建产学研平台6家), not with people, households or roads (人, 户, 条).

    >>> (units_comparable("亿元", "万亿元"), units_comparable("个", "家"),
    ...  units_comparable("个", "人"))
    (True, True, False)
    >>> units_comparable("%", "个百分点")
    False
    """
    a, b = dimension(unit), dimension(other)
    if a == b:
        return True
    if "" in (a, b):
        return a not in RATE_UNITS and b not in RATE_UNITS
    return "个" in (a, b) and {a, b} - {"个"} <= _INSTITUTIONS


def judge(op: str, value: float | None, low: float | None, high: float | None, unit: str,
          direction: str | None, metric: str, outcome: float, outcome_unit: str,
          options: AuditOptions, *, key: str = "") -> Judgement:
    """Verdict, attainment and rule for one target against one outcome figure.

    ``outcome`` is signed: a fall reported against a promised rise is negative.
    Raises nothing: incomparable units give ``unclear``.
    """
    if not units_comparable(unit, outcome_unit):
        return Judgement("unclear", None,
                         f"the outcome is in {outcome_unit or 'no unit'}, the target in "
                         f"{unit or 'no unit'}: not comparable")
    o = to_base(outcome, outcome_unit)[0] / (to_base(1.0, unit)[0] or 1.0)
    o = float(f"{o:.10g}")
    pol = polarity_of(metric, key, options.polarity)
    sense = sense_of(op, direction, pol)
    rate = dimension(unit) in RATE_UNITS
    if op == "range":
        lo, hi = low, high
    else:
        lo = hi = value
    if lo is None or hi is None:
        return Judgement("unclear", None, "the target has no value")
    room = ""
    if op == "~":
        slack_lo = options.tolerance_pp if rate else abs(lo) * options.tolerance
        slack_hi = options.tolerance_pp if rate else abs(hi) * options.tolerance
        room = (f" (左右 allows {_fmt(options.tolerance_pp)} points)" if rate
                else f" (左右 allows {options.tolerance:.0%})")
    else:
        slack_lo = slack_hi = 0.0
    what = "cut" if direction == "down" else "outcome"
    reason = ("以上: at least" if op == ">=" else "以内: at most" if op == "<=" else
              "a promised cut" if direction == "down" else "")
    head = f"{sense} ({reason})" if reason else f"{sense} metric"
    shown = f"{_fmt(o, unit)}{unit}"
    if sense == "floor":
        bound = lo
        b = f"{_fmt(bound, unit)}{unit}"
        att = round(o / bound, 3) if bound else None
        if o >= bound - slack_lo - 1e-9:
            return Judgement("kept", att, f"{head}: {what} {shown} >= {b}{room}")
        if not rate and att is not None and att >= options.partial_from:
            return Judgement("partial", att,
                             f"{head}: {what} {shown} < {b}, attainment "
                             f"{att:.0%} >= {options.partial_from:.0%}")
        return Judgement("missed", att, f"{head}: {what} {shown} < {b}{room}")
    if sense == "ceiling":
        bound = hi
        b = f"{_fmt(bound, unit)}{unit}"
        att = round(o / bound, 3) if bound else None
        if o <= bound + slack_hi + 1e-9:
            return Judgement("kept", att, f"{head}: {what} {shown} <= {b}{room}")
        return Judgement("missed", att, f"{head}: {what} {shown} > {b}{room}")
    mid = (lo + hi) / 2
    att = round(o / mid, 3) if mid else None
    aim = _fmt(lo, unit) if lo == hi else f"{_fmt(lo, unit)}-{_fmt(hi, unit)}"
    if lo - slack_lo - 1e-9 <= o <= hi + slack_hi + 1e-9:
        return Judgement("kept", att, f"{head}: {what} {shown} is on target "
                                      f"{aim}{unit}{room}")
    return Judgement("missed", att, f"{head}: {what} {shown} is off target "
                                    f"{aim}{unit}{room}")
