"""Evidence finding (reportdiff.evidence): year scope, candidate figures, metric matching."""

from __future__ import annotations

import pytest

from reportdiff import Report
from reportdiff.evidence import (
    candidates,
    comparable,
    match,
    promise_key,
    review_sentences,
    similarity,
)
from reportdiff.promises import part_ranges
from reportdiff.verdicts import AuditOptions

SYN = AuditOptions().merged_synonyms()


def review(body: str, *, title: str = "2019年工作回顾") -> tuple[Report, list]:
    r = Report.from_text(f"各位代表：\n一、{title}\n{body}\n二、2020年工作安排\n今年继续努力。\n",
                         check=False)
    ranges = part_ranges(r, "review")
    five = "五年" in title
    sents = review_sentences(r, ranges, 2019, five, {})
    return r, candidates(r, sents, SYN, ranges)


@pytest.mark.parametrize("a,b,expected", [
    ("改建农村公路", "新建改建农村公路", 1.0),
    ("造林", "退耕还林还草", 0.0),
    ("中央财政科技投入", "中央财政用于科技的支出", 1.0),
    ("人均预期寿命", "人均", 0.33),  # below the 0.6 needed for a match
])
def test_similarity(a, b, expected):
    assert round(similarity(a, b, one_way=True), 2) == expected


def test_elided_subjects_are_completed():
    _, cands = review("国内生产总值达到99万亿元，比上年增长6.1%。"
                      "财政赤字占国内生产总值的比重从2009年的2.8%降到去年的1.5%左右。")
    got = [(c.metric, c.key, c.fig.value) for c in cands]
    assert ("国内生产总值比上年增长", "gdp", 6.1) in got
    assert ("财政赤字占国内生产总值的比重", "fiscal_deficit", 1.5) in got


def test_year_scope_per_clause():
    _, cands = review("五年来，国内生产总值年均增长7.1%，2019年国内生产总值增长6.1%。",
                      title="过去五年工作回顾")
    assert [(c.fig.value, c.multi) for c in cands] == [(7.1, True), (6.1, False)]


def test_restated_targets_are_not_outcomes():
    _, cands = review("广义货币M2增长11.3%，低于13%左右的预期目标。")
    assert [c.fig.value for c in cands] == [11.3]


def test_match_rules():
    old = Report.from_text("各位代表：\n一、2018年工作回顾\n去年很好。\n二、2019年工作安排\n"
                           "城镇登记失业率4.5%以内，新增高新技术企业84家。\n", check=False)
    reg, firms = old.promises
    _, cands = review("城镇调查失业率5.2%，高新技术企业总数突破380家。")
    survey, stock = cands
    pk = promise_key(reg.metric, SYN)
    assert pk == "unemployment_registered"
    assert match(reg, pk, survey, SYN, {pk}) == (0.9, True)  # flagged, not matched
    assert match(reg, pk, survey, SYN, {pk, "unemployment_survey"}) == (0.0, False)
    fk = promise_key(firms.metric, SYN)
    assert match(firms, fk, stock, SYN, {fk}) == (0.0, False)  # a stock is not a flow


def test_comparable_units():
    assert comparable("万人", "万")
    assert comparable("亿元", "万亿元")
    assert not comparable("%", "个百分点")
    assert not comparable("万吨", "个")
