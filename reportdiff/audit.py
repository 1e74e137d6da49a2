"""Audit last year's promises against this year's review.

:func:`audit` takes the promises of OLD's plan part
(:func:`reportdiff.promises.extract_promises`) and, for each, looks for the
outcome in NEW's review part: first in the review sections that
``reportdiff.align(old, new).review_links`` ties to the promise's plan
section, then in the whole review.  The verdict rules are in
:mod:`reportdiff.verdicts` and ``docs/verdicts.md``.

Evidence rules (details in :mod:`reportdiff.evidence` and ``docs/verdicts.md``)
    * A figure is evidence when its metric is the promise's metric (the same
      canonical key, or a similar name for metrics outside the synonym table)
      and its unit is comparable.
    * Figures of a multi-year stretch (also a yearly average: ``平均每年``,
      ``年均``) are not evidence for one year's promise, except a statement that
      holds for every year (``一直控制在``) and, for a level promise, the end
      level reached (``由240元提高到450元``, ``已扩大到全国86%的县``).
    * A blanket claim (``全面完成全年主要目标任务``) is evidence for nothing.
    * Without a figure, words of completion (``超额完成``, ``如期完成``) give
      ``kept``, words of failure (``未能实现``, ``低于…预期目标``) give
      ``missed``, an outcome without a number in a clause naming the metric
      (``保持较低水平``, ``物价总水平涨幅得到控制``) ``unclear``.
    * A figure of a redefined metric (``调查失业率`` for a ``登记失业率`` promise)
      is flagged (``metric_redefined``,
      :class:`~reportdiff.errors.MetricRedefinedWarning`) and gives ``unclear``,
      never a silent match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from os import PathLike
from typing import TYPE_CHECKING, Any

from ._warn import warn
from .errors import MetricRedefinedWarning, ReportOrderWarning
from .evidence import (
    SENTENCE,
    Candidate,
    Sentence,
    candidates,
    comparable,
    end_level,
    figure_is_level,
    level_target,
    match,
    mentions,
    object_clauses,
    promise_is_level,
    promise_key,
    retrospect_ranges,
    review_sentences,
    signed_value,
    stage,
)
from .promise_rules import FINISH_VERBS
from .promises import TARGET_COLUMNS, Promise, part_ranges
from .verdicts import RATE_UNITS, REDEFINED, VERDICTS, AuditOptions, judge

if TYPE_CHECKING:  # pragma: no cover
    from .report import Report, Source

__all__ = ["AUDIT_COLUMNS", "Audit", "AuditItem", "Evidence", "Outcome", "audit"]

#: The columns of :meth:`Audit.to_pandas`, in order.
AUDIT_COLUMNS: tuple[str, ...] = (
    "old_source", "old_year", "new_source", "new_year", "id", "span_start", "span_end",
    "kind", "metric", "metric_key", *TARGET_COLUMNS, "due", "verdict", "outcome_value",
    "outcome_unit", "attainment", "confidence", "rule", "quote", "evidence_quote",
    "evidence_span_start", "evidence_span_end", "flags")

_BLANKET = re.compile(r"(?:主要|各项)(?:目标任务|预期目标)(?:全面|较好|圆满)?(?:完成|实现)|"
                      r"完成了?(?:全年)?(?:经济社会发展)?(?:主要|各项)(?:目标任务|预期目标)")
_KEPT_WORDS = re.compile(r"超额完成|如期完成|提前完成|全面完成|顺利完成|圆满完成|"
                         r"控制在(?:预算|计划|目标)(?:范围)?(?:内|以内|之内)|"
                         r"提前(?:一年|两年)?实现|实现了?[^，。；]{0,30}的?(?:预期)?目标|"
                         r"完成了?(?:年度|全年)?(?:目标)?任务|目标(?:提前)?实现|达到预期")
_MISSED_WORDS = re.compile(r"未能实现|未能完成|未完成|没有完成|没有实现|未达到|未实现|"
                           r"低于[^，。；]{0,8}预期目标|未达预期")
#: An outcome stated without a number: a level (较低水平), a result (得到控制, 基本稳定) or
#: a change qualified by its degree (较快增长, 明显下降, 有所回落).
_VAGUE_OUTCOME = re.compile(r"较低水平|多年来最低|最低水平|连增|连快|再获丰收|好于预期|"
                            r"得到(?:有效|初步|基本|较好)?(?:控制|遏制|抑制)|"
                            r"(?:保持|基本|总体)(?:基本|总体)?(?:稳定|平稳)|"
                            r"(?:较快|稳定|平稳|较大幅度|明显|显著|大幅|稳步)(?:增长|下降|回落|"
                            r"提高|上升|增加|减少)|有所(?:增长|下降|提高|回落)")
#: Words of the review that say a promised thing was finished.
_DONE = FINISH_VERBS + ("实现", "上线")
#: Verbs of a launch: a promise to start something (启动“深港通”) is kept when the review
#: says it was launched in any of these words (“深港通”开启).
_LAUNCH = ("启动", "开启", "开通", "上线", "推出", "正式运行", "投入运行")
_STARTED = ("开工", "启动", "开建", "动工", "实施", "推进", "加快", "进展", "建设")


# -- results -------------------------------------------------------------------

@dataclass(frozen=True)
class Outcome:
    """The outcome a review reports: value and unit, and where it is stated."""

    value: float | None
    unit: str | None
    quote: str
    span: tuple[int, int]

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "unit": self.unit}


@dataclass(frozen=True)
class Evidence:
    """A quote of NEW with its span into ``new.source_text``."""

    quote: str
    span: tuple[int, int]

    def to_dict(self) -> dict[str, Any]:
        return {"quote": self.quote, "span": list(self.span)}


@dataclass(frozen=True)
class AuditItem:
    """One promise of OLD and what NEW's review says about it.

    Attributes
    ----------
    promise : Promise
    verdict : {"kept", "partial", "in_progress", "missed", "unclear", "not_mentioned"}
    outcome : Outcome or None
    attainment : float or None
        Outcome ÷ target (for a range: its lower end for floors, its upper end
        for ceilings), as official completion tables state it.
    rule : str
        The rule applied, in words.
    confidence : float
        0-1: how sure the match and the reading are.
    evidence : tuple of Evidence
    flags : tuple of str
        ``metric_redefined``, ``multi_year_figure_ignored``, ``due_later`` …
    """

    promise: Promise
    verdict: str
    outcome: Outcome | None
    attainment: float | None
    rule: str
    confidence: float
    evidence: tuple[Evidence, ...] = ()
    flags: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "promise": self.promise.to_dict(),
            "verdict": self.verdict,
            "outcome": self.outcome.to_dict() if self.outcome else None,
            "attainment": self.attainment,
            "rule": self.rule,
            "confidence": self.confidence,
            "evidence": [e.to_dict() for e in self.evidence],
            "flags": list(self.flags),
        }


@dataclass(frozen=True)
class Audit:
    """The result of :func:`audit`: one :class:`AuditItem` per promise of OLD."""

    old_source: Source
    new_source: Source
    old_year: int | None
    new_year: int | None
    items: tuple[AuditItem, ...]
    options: AuditOptions = field(default_factory=AuditOptions)

    @property
    def summary(self) -> dict[str, int]:
        """Verdict counts, every verdict present, in :data:`~reportdiff.verdicts.VERDICTS` order."""
        return {v: sum(1 for i in self.items if i.verdict == v) for v in VERDICTS}

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Any:
        return iter(self.items)

    def to_dict(self) -> dict[str, Any]:
        """The JSON of ``reportdiff audit --format json`` (schema ``reportdiff.audit/1``)."""
        return {
            "schema": "reportdiff.audit/1",
            "old": {"source": self.old_source.path, "year": self.old_year},
            "new": {"source": self.new_source.path, "year": self.new_year},
            "options": self.options.to_dict(),
            "promises": [i.to_dict() for i in self.items],
            "summary": self.summary,
        }

    def to_pandas(self) -> Any:
        """One row per promise, in the columns of :data:`AUDIT_COLUMNS`.

        ``old_source``, ``old_year``, ``new_source``, ``new_year`` first; the
        promise's span as ``span_start``/``span_end``; its target as ``op``,
        ``value``, ``low``, ``high``, ``unit``, ``direction`` (the names of
        :meth:`reportdiff.promises.Promises.to_pandas`); the outcome as
        ``outcome_value``, ``outcome_unit``; the first evidence as
        ``evidence_quote``, ``evidence_span_start``, ``evidence_span_end``.
        """
        import pandas as pd

        rows = []
        for i in self.items:
            p, t = i.promise, i.promise.target
            target = t.to_dict() if t else {}
            ev = i.evidence[0] if i.evidence else None
            rows.append({
                "old_source": self.old_source.path, "old_year": self.old_year,
                "new_source": self.new_source.path, "new_year": self.new_year,
                "id": p.id, "span_start": p.span[0], "span_end": p.span[1],
                "kind": p.kind, "metric": p.metric, "metric_key": p.metric_key,
                **{k: target.get(k) for k in TARGET_COLUMNS},
                "due": p.due, "verdict": i.verdict,
                "outcome_value": i.outcome.value if i.outcome else None,
                "outcome_unit": i.outcome.unit if i.outcome else None,
                "attainment": i.attainment, "confidence": i.confidence, "rule": i.rule,
                "quote": p.quote,
                "evidence_quote": ev.quote if ev else None,
                "evidence_span_start": ev.span[0] if ev else None,
                "evidence_span_end": ev.span[1] if ev else None,
                "flags": ",".join(i.flags),
            })
        df = pd.DataFrame(rows, columns=list(AUDIT_COLUMNS))
        for col in ("old_year", "new_year", "evidence_span_start", "evidence_span_end", "due"):
            df[col] = df[col].astype("Int64")
        return df

    def _repr_html_(self) -> str:
        """A compact, escaped HTML table for notebooks (summary plus the first ledger rows)."""
        from .render.html import audit_repr_html

        return audit_repr_html(self.to_dict())


# -- judging -------------------------------------------------------------------

def _ev(report: Report, a: int, b: int) -> Evidence:
    s, e = report.to_source(a, b)
    return Evidence(report.source_text[s:e], (s, e))


def _judge_item(p: Promise, sents: list[Sentence], cands: list[Candidate], new: Report,
                options: AuditOptions, synonyms: dict[str, tuple[str, ...]],
                canon: Mapping[str, tuple[str, ...]], review_year: int | None, min_match: float,
                promised: set[str]) -> AuditItem:

    # 今明两年……人均每年增长10%左右: a promise for each year is due every year
    later = (p.due is not None and review_year is not None and p.due > review_year
             and not re.search(r"每年|逐年", p.quote))
    pk = promise_key(p.metric, synonyms)
    flags: list[str] = ["due_later"] if later else []
    if p.kind == "quantitative" and p.target is not None:
        best: tuple[float, int, int, Candidate, bool] | None = None
        multi_seen = False
        stage_other: Candidate | None = None
        unit_other: tuple[float, Candidate] | None = None
        for idx, c in enumerate(cands):
            score, redefined = match(p, pk, c, canon, promised)
            if score < min_match:
                continue
            if p.target.unit in RATE_UNITS and c.fig.unit in RATE_UNITS and (
                    promise_is_level(p) != figure_is_level(new, c)):
                continue  # a share against a growth rate
            if not comparable(p.target.unit, c.fig.unit):
                rates = {"%", "个百分点"}
                # a count, also the end of a change (由88个增加到317个 for 50%以上的城市)
                share_count = (p.target.unit == "%" and promise_is_level(p)
                               and c.fig.kind in ("count", "change") and re.search(
                                   r"%(?:左右|以上)?的([\u4e00-\u9fff])", p.quote))
                if share_count:  # 10%左右的县（市） against 在320个县开展: a share of counties
                    thing = share_count.group(1)
                    share_count = thing in new.text[c.sent.start:c.sent.end]
                if not (c.multi and not later) and (
                        (score >= 0.8 and not {p.target.unit, c.fig.unit} & rates)
                        or share_count):
                    if unit_other is None or score > unit_other[0] + 1e-9:
                        unit_other = (score, c)  # 4200万吨 against 15个: unclear, not silent
                continue
            ps_, cs_ = stage(p.metric), stage(c.metric)
            if ps_ and cs_ and ps_ != cs_:
                stage_other = stage_other or c
                continue
            if c.multi and not later:
                # the level reached by the end of the stretch (由240元提高到450元, 已扩大到全国
                # 86%的县) is the outcome of a level promise; a rate or a total is not
                endpoint = ((c.fig.from_value is not None and p.target.op == "="
                             and p.target.unit not in ("%", "个百分点"))
                            or (level_target(p) and end_level(new, c)))
                if not (c.sent.always or endpoint):
                    multi_seen = True
                    continue
            rank = (score + (0.1 if p.section and any(
                p.section == s or p.section.startswith(s + ".") for s in c.sent.linked) else 0))
            if best is None or rank > best[0] + 1e-9:
                best = (rank, -idx, idx, c, redefined)
        if multi_seen and best is None:
            flags.append("multi_year_figure_ignored")
        if best is None and stage_other is None and unit_other is not None:
            worded = _judge_words(p, pk, sents, new, synonyms, canon, later, promised, flags)
            if worded.verdict in ("kept", "missed", "in_progress"):
                return worded
            stage_other = unit_other[1]
            flags.append("units_differ")
        if best is None and stage_other is not None:
            ev = (_ev(new, *new.norm.to_norm(*stage_other.fig.span)),)
            why = (f"not comparable: the review gives {stage_other.fig.unit or 'a number'}, "
                   f"the promise {p.target.unit or 'a number'}" if "units_differ" in flags else
                   f"a different stage: the review reports {stage_other.metric}, "
                   f"the promise was {p.metric}")
            return AuditItem(p, "unclear", Outcome(stage_other.fig.value, stage_other.fig.unit,
                                                   ev[0].quote, ev[0].span), None, why, 0.5, ev,
                             tuple(flags if "units_differ" in flags
                                   else flags + ["different_stage"]))
        if best is not None:
            _, _, _, c, redefined = best
            ev = (_ev(new, *new.norm.to_norm(*c.fig.span)),)
            outcome = Outcome(c.fig.value, c.fig.unit, ev[0].quote, ev[0].span)
            if redefined:
                warn(MetricRedefinedWarning(f"{p.id} {p.metric}: the review reports {c.metric} "
                                            "instead, a redefined metric; not matched"))
                return AuditItem(p, "unclear", outcome, None,
                                 f"metric redefined: the review reports {c.metric}, "
                                 f"the promise was {p.metric}", 0.5, ev,
                                 tuple(flags + ["metric_redefined"]))
            t = p.target
            j = judge(t.op, t.value, t.low, t.high, t.unit, t.direction, p.metric,
                      signed_value(p, c.fig), c.fig.unit, options, key=pk)
            if (pk not in canon and t.unit not in RATE_UNITS and j.attainment is not None
                    and not later and not 0.2 <= j.attainment <= 5):
                # 投入国债建设资金95.4亿元 for 发行长期建设国债800亿元: a figure matched by
                # name alone that is a fifth or five times the target is another quantity
                return AuditItem(p, "unclear", outcome, j.attainment,
                                 f"outcome {_num(c.fig.value)}{c.fig.unit} is of another order "
                                 f"than the target {_num(t.value)}{t.unit}: probably a part or "
                                 "a total, not the promised quantity", 0.4, ev,
                                 tuple(flags + ["magnitude_differs"]))
            conf = 0.9 if pk in canon else round(0.5 + 0.3 * best[0], 2)
            if "近" in c.fig.qualifier or "约" in c.fig.qualifier:
                conf = round(conf - 0.1, 2)
            if later:
                return AuditItem(p, "in_progress", outcome, j.attainment,
                                 f"due {p.due}: progress so far, {j.rule}", conf, ev,
                                 tuple(flags))
            if j.verdict == "kept" and _MISSED_WORDS.search(_BLANKET.sub("", c.sent.text)):
                return AuditItem(p, "missed", outcome, j.attainment,
                                 "the review says the target was not reached", 0.6, ev,
                                 tuple(flags))
            return AuditItem(p, j.verdict, outcome, j.attainment, j.rule, conf, ev, tuple(flags))
    item = _judge_words(p, pk, sents, new, synonyms, canon, later, promised, flags)
    if later and item.verdict in ("kept", "missed", "partial", "unclear"):
        return AuditItem(p, "in_progress", item.outcome, None,
                         f"due {p.due}: the review speaks of it ({item.rule})",
                         item.confidence, item.evidence, item.flags)
    return item


def _num(x: float | None) -> str:
    return "?" if x is None else (str(int(x)) if float(x).is_integer() else f"{x:g}")


def _metric_clauses(p: Promise, pk: str, text: str, synonyms: dict[str, tuple[str, ...]],
                    canon: Mapping[str, tuple[str, ...]], min_match: float) -> str:
    """The clauses of ``text`` that name the promise's metric ("" when none does alone).

    A vague outcome must be the metric's: 物价总水平涨幅得到控制 is one for a CPI promise,
    but in 单位国内生产总值能耗下降5%，经济发展的质量和效益明显提高 明显提高 is not the
    energy intensity's.
    """
    parts = re.findall(r"[^，,；;：:]+[，,；;：:]?", text)
    named = [c for c in parts if mentions(p, pk, c, synonyms, canon)[0] >= min_match]
    return "".join(named)


def _judge_words(p: Promise, pk: str, sents: list[Sentence], new: Report,
                 synonyms: dict[str, tuple[str, ...]], canon: Mapping[str, tuple[str, ...]],
                 later: bool, promised: set[str], flags: list[str],
                 min_match: float = 0.6) -> AuditItem:
    """The verdict from words when no figure decides: completion, failure, vague outcome."""
    word_best: tuple[float, float, Sentence, bool] | None = None
    for s in sents:
        if s.multi and not s.always and not later:
            continue
        score, redefined = mentions(p, pk, s.text, synonyms, canon)
        if score < min_match:
            continue
        if redefined and pk in canon and any(
                other in promised for pair in REDEFINED if pk in pair for other in pair - {pk}):
            continue
        body = _BLANKET.sub("", s.text)
        if p.kind == "qualitative":  # only the clauses that name the promised object
            a, b = object_clauses(p.metric, body)
            body = body[a:b]
        # a sentence that decides wins over one that only describes: 物价调控目标没有完成
        # beats 遏制物价过快上涨，实现经济平稳较快发展 (实现 decides only qualitative promises)
        says = (2.0 if _MISSED_WORDS.search(body) or _KEPT_WORDS.search(body) else
                1.0 if _VAGUE_OUTCOME.search(_metric_clauses(p, pk, body, synonyms, canon,
                                                             min_match)) or (
                    p.kind == "qualitative" and any(v in body for v in _DONE + _STARTED))
                else 0.0)
        rank = says + score
        if word_best is None or rank > word_best[0] + 1e-9:
            word_best = (rank, score, s, redefined)
    if word_best is None:
        rule = ("no figure or statement on this metric in the review")
        if "multi_year_figure_ignored" in flags:
            rule = "only multi-year figures in the review, no outcome for the year"
        return AuditItem(p, "not_mentioned", None, None, rule, 0.7, (), tuple(flags))
    _, score, s, redefined = word_best
    ev = (_ev(new, s.start, s.end),)
    text = _BLANKET.sub("", s.text)
    if p.kind == "qualitative" and not redefined:
        # the words of completion must be the object's: 港珠澳大桥建成通车 does not finish
        # 出台实施粤港澳大湾区发展规划纲要 in 粤港澳大湾区规划建设迈出实质性步伐，港珠澳大桥建成通车
        a, b = object_clauses(p.metric, s.text)
        ev = (_ev(new, s.start + a, s.end - (len(s.text) - b)),)
        text = _BLANKET.sub("", s.text[a:b])
    if redefined:
        return AuditItem(p, "unclear", None, None,
                         "metric redefined: the review speaks of another definition",
                         0.5, ev, tuple(flags + ["metric_redefined"]))
    if p.kind == "qualitative":
        verb = next((v for v in _DONE + _STARTED if v in p.metric), "")
        done = next((v for v in _DONE if v in text), "")
        if not done and verb in _LAUNCH:
            done = next((v for v in _LAUNCH if v in text), "")
        started = any(v in text for v in _STARTED)
        if done or (verb and verb in text):
            return AuditItem(p, "kept", None, None,
                             f"the review reports it done ({done or verb})",
                             round(0.4 + 0.3 * score, 2), ev, tuple(flags))
        if started:
            return AuditItem(p, "in_progress", None, None, "the review reports work under way",
                             round(0.4 + 0.3 * score, 2), ev, tuple(flags))
        return AuditItem(p, "unclear", None, None,
                         "the review names it without saying whether it was done",
                         0.4, ev, tuple(flags))
    if _MISSED_WORDS.search(text):
        return AuditItem(p, "missed", None, None,
                         "the review says the target was not reached (no figure)",
                         0.6, ev, tuple(flags))
    if _KEPT_WORDS.search(text):
        return AuditItem(p, "kept", None, None,
                         "the review says the task was completed (no figure)",
                         0.6, ev, tuple(flags))
    if _VAGUE_OUTCOME.search(_metric_clauses(p, pk, text, synonyms, canon, min_match)):
        return AuditItem(p, "unclear", None, None,
                         "the review describes the outcome without a figure", 0.4, ev,
                         tuple(flags))
    return AuditItem(p, "not_mentioned", None, None,
                     "the review names the topic but gives no outcome", 0.6, (), tuple(flags))


def _linked_sections(old: Report, new: Report, options: AuditOptions,
                     ranges: list[tuple[int, int]]) -> dict[int, frozenset[str]]:
    """Review sentence start -> plan section ids linked by the alignment (empty when off)."""
    if not options.alignment:
        return {}
    try:
        from .align import align
    except ImportError:  # pragma: no cover - scikit-learn missing
        return {}
    al = align(old, new)
    out: dict[int, frozenset[str]] = {}
    for link in al.review_links:
        for rid in link.review:
            sec = new.section(rid)
            a, b = sec.nspan
            for m in SENTENCE.finditer(new.text, a, b):
                out[m.start()] = out.get(m.start(), frozenset()) | frozenset(link.plan)
    return out


def _name(report: Report) -> str:
    path = report.source.path
    return path.replace("\\", "/").rsplit("/", 1)[-1] if path else "<text>"


def _check_order(old: Report, new: Report) -> None:
    """Warn when NEW does not review the year OLD plans, or both are one document.

    Report Y reviews year Y-1 and plans year Y, so the pair is consecutive
    when ``new.year - 1 == old.year``.  Issues :class:`ReportOrderWarning`;
    says nothing when a year is unknown.
    """
    o, n = _name(old), _name(new)
    if old.source.sha256 and old.source.sha256 == new.source.sha256:
        msg = (f"OLD ({o}) and NEW ({n}) are the same document (sha256 "
               f"{old.source.sha256[:12]}…): a report does not review its own plan; "
               "pass the next year's report as NEW")
    elif old.year is None or new.year is None or new.year - 1 == old.year:
        return
    elif new.year == old.year:
        msg = (f"OLD ({o}) and NEW ({n}) are both {old.year} reports: NEW must review "
               f"{old.year}; pass the {old.year + 1} report as NEW")
    elif new.year < old.year:
        msg = (f"NEW ({n}, the {new.year} report) reviews {new.year - 1}, but OLD ({o}) "
               f"plans {old.year}: the reports look swapped; pass the older report "
               f"first (OLD = the {new.year} report)")
    else:
        msg = (f"NEW ({n}, the {new.year} report) reviews {new.year - 1}, but OLD ({o}) "
               f"plans {old.year}: the reports are not consecutive, so {old.year}'s "
               f"promises are checked against {new.year - 1}'s outcomes; pass the "
               f"{old.year + 1} report as NEW")
    warn(ReportOrderWarning(msg))


def audit(
    old: Report | str | PathLike[str],
    new: Report | str | PathLike[str],
    *,
    options: AuditOptions | None = None,
    tolerance: float | None = None,
    tolerance_pp: float | None = None,
    polarity: Mapping[str, str] | None = None,
    ceilings: Iterable[str] = (),
    floors: Iterable[str] = (),
    alignment: bool | None = None,
    min_match: float = 0.6,
) -> Audit:
    """Check every promise of ``old`` against the review of ``new``.

    Parameters
    ----------
    old, new : Report or path
        The report that made the promises and the next one, which reviews them.
    options : AuditOptions, optional
        The rules; the keywords below override single fields.
    tolerance, tolerance_pp : float, optional
        Room of 左右 (see :class:`~reportdiff.verdicts.AuditOptions`).
    polarity : mapping, optional
        Metric pattern -> ceiling/floor/target, put before the default table.
    ceilings, floors : iterable of str
        Metric patterns to treat as ceilings / floors (before the default table).
    alignment : bool, optional
        Follow the section alignment's review links first (default True).
    min_match : float
        Smallest metric similarity accepted as evidence.

    Returns
    -------
    Audit

    Warns
    -----
    ReportOrderWarning
        NEW's review year is not OLD's plan year (swapped or not consecutive
        reports), or OLD and NEW are the same document.
    MetricRedefinedWarning
        The review reports a redefined metric instead of the promised one.
    """
    from .load import load

    old_r = old if hasattr(old, "source_text") else load(old)  # type: ignore[arg-type]
    new_r = new if hasattr(new, "source_text") else load(new)  # type: ignore[arg-type]
    _check_order(old_r, new_r)
    opts = options or AuditOptions()
    if tolerance is not None or tolerance_pp is not None or alignment is not None:
        opts = AuditOptions(
            tolerance=opts.tolerance if tolerance is None else tolerance,
            tolerance_pp=opts.tolerance_pp if tolerance_pp is None else tolerance_pp,
            partial_from=opts.partial_from, polarity=opts.polarity, synonyms=opts.synonyms,
            alignment=opts.alignment if alignment is None else alignment)
    if polarity or ceilings or floors:
        opts = opts.with_polarity(polarity, ceilings=ceilings, floors=floors)
    synonyms = opts.merged_synonyms()
    canon = synonyms  # canonical keys and their names
    promises = old_r.promises
    ranges = part_ranges(new_r, "review")
    review_title = " ".join(new_r.text[a:new_r.text.find("\n", a, b) if "\n" in new_r.text[a:b]
                                       else b] for a, b in ranges)
    five_year = bool(re.search(r"五年|十[一二三四五六]五", review_title))
    review_year = (new_r.year - 1) if new_r.year else (old_r.year if old_r.year else None)
    linked = _linked_sections(old_r, new_r, opts, ranges) if promises and ranges else {}
    sents = review_sentences(new_r, ranges, review_year, five_year, linked)
    if five_year:  # last year's outcomes stated outside a five-year review
        extra = retrospect_ranges(new_r, ranges, review_year)
        sents += review_sentences(new_r, extra, review_year, False, linked)
        sents.sort(key=lambda s: s.start)
        ranges = sorted(ranges + extra)
    cands = candidates(new_r, sents, synonyms, ranges)

    promised = {promise_key(p.metric, synonyms) for p in promises}
    items = tuple(_judge_item(p, sents, cands, new_r, opts, synonyms, canon, review_year,
                              min_match, promised) for p in promises)
    return Audit(old_source=old_r.source, new_source=new_r.source, old_year=old_r.year,
                 new_year=new_r.year, items=items, options=opts)
