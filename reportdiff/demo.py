"""The ``reportdiff demo``: the promise ledger of a report and its outcomes beside its targets.

A report of year Y reviews Y-1 and plans Y.  Before report Y+1 exists, the
useful things to print are

* the **promise ledger**: every promise of the plan part with its target,
  awaiting next year's review;
* **outcomes beside targets**, topic by topic: what the review says happened
  in Y-1 (GDP growth 8%) next to what the plan sets for Y (7.5%);
* the one command that runs the full audit once report Y+1 is at hand.

:func:`demo` computes that for any report (the bundled Hongshan 2019 report
by default); :mod:`reportdiff.render.audit_table` renders it.

>>> from reportdiff import Report
>>> r = Report.from_text("各位代表：\\n一、2019年工作回顾\\n地区生产总值增长8%。\\n"
...     "二、2020年工作安排\\n主要预期目标是：地区生产总值增长7.5%。\\n", check=False)
>>> d = demo(r)
>>> [(t.metric, t.outcome.value, t.target.target.value) for t in d.topics]
[('地区生产总值增长', 8.0, 7.5)]
"""

from __future__ import annotations

from dataclasses import dataclass
from os import PathLike
from typing import TYPE_CHECKING, Any

from .promises import Promise, Promises, part_ranges

if TYPE_CHECKING:  # pragma: no cover
    from .audit import Outcome
    from .report import Report

__all__ = ["Demo", "Topic", "demo"]


@dataclass(frozen=True)
class Topic:
    """A quantitative promise of the plan beside the outcome the review reports for it.

    Attributes
    ----------
    metric : str
    outcome : Outcome
        The review's figure (year ``Demo.review_year``), with quote and span.
    target : Promise
        The plan's promise (year ``Demo.plan_year``).
    """

    metric: str
    outcome: Outcome
    target: Promise

    def to_dict(self) -> dict[str, Any]:
        return {"metric": self.metric,
                "outcome": {**self.outcome.to_dict(), "quote": self.outcome.quote,
                            "span": list(self.outcome.span)},
                "target": self.target.to_dict()}


@dataclass(frozen=True)
class Demo:
    """The result of :func:`demo`.

    Attributes
    ----------
    source : str or None
        The report's path.
    plan_year, review_year : int or None
    ledger : Promises
        Every promise of the plan part.
    topics : tuple of Topic
        Quantitative promises with the review's outcome of the same metric.
    next_command : str
        The command that audits the ledger once next year's report is at hand.
    """

    source: str | None
    plan_year: int | None
    review_year: int | None
    ledger: Promises
    topics: tuple[Topic, ...]
    next_command: str

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "plan_year": self.plan_year,
                "review_year": self.review_year, "ledger": self.ledger.to_dict(),
                "topics": [t.to_dict() for t in self.topics],
                "next_command": self.next_command}


def demo(report: Report | str | PathLike[str] | None = None) -> Demo:
    """Promise ledger and outcomes-beside-targets of ``report`` (default: the bundled one).

    Parameters
    ----------
    report : Report or path, optional
        Defaults to the bundled Hongshan 2019 report.
    """
    from .audit import Outcome
    from .evidence import (
        candidates,
        comparable,
        figure_is_level,
        match,
        promise_is_level,
        promise_key,
        review_sentences,
    )
    from .load import load
    from .verdicts import RATE_UNITS, AuditOptions

    if report is None:
        from .bundled import bundled_path

        report = load(bundled_path())
    elif not hasattr(report, "source_text"):
        report = load(report)  # type: ignore[arg-type]
    rep: Report = report  # type: ignore[assignment]
    synonyms = AuditOptions().merged_synonyms()
    canon = synonyms
    ranges = part_ranges(rep, "review")
    review_year = rep.year - 1 if rep.year else None
    sents = review_sentences(rep, ranges, review_year, False, {})
    cands = candidates(rep, sents, synonyms, ranges)
    topics: list[Topic] = []
    ledger = rep.promises
    promised = {promise_key(p.metric, synonyms) for p in ledger}
    pairs: list[tuple[float, int, int]] = []
    for i, p in enumerate(ledger):
        if p.target is None:
            continue
        pk = promise_key(p.metric, synonyms)
        for k, c in enumerate(cands):
            if not comparable(p.target.unit, c.fig.unit):
                continue
            if p.target.unit in RATE_UNITS and c.fig.unit in RATE_UNITS and (
                    promise_is_level(p) != figure_is_level(rep, c)):
                continue  # a share against a growth rate
            score, redefined = match(p, pk, c, canon, promised)
            if not redefined and score >= 0.6:
                pairs.append((score, i, k))
    # one figure is the outcome of one promise: best pairs first (30亿元以上项目1个 is not
    # also the outcome of 亿元以上制造业项目5个)
    used_p: set[int] = set()
    used_c: set[int] = set()
    chosen: list[tuple[int, int]] = []
    for _score, i, k in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if i in used_p or k in used_c:
            continue
        used_p.add(i)
        used_c.add(k)
        chosen.append((i, k))
    for i, k in sorted(chosen):
        p, c = ledger[i], cands[k]
        s, e = c.fig.span
        topics.append(Topic(p.metric, Outcome(c.fig.value, c.fig.unit,
                                              rep.source_text[s:e], (s, e)), p))
    nxt = f"reportdiff audit {rep.source.path or 'OLD'} NEXT_YEAR_REPORT"
    return Demo(source=rep.source.path, plan_year=rep.year, review_year=review_year,
                ledger=ledger, topics=tuple(topics), next_command=nxt)
