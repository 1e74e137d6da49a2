"""Evidence finding (reportdiff.evidence): year scope, candidate figures, metric matching."""

from __future__ import annotations

import pytest

from reportdiff import Report
from reportdiff.evidence import (
    candidates,
    comparable,
    end_level,
    figure_is_level,
    figure_key,
    is_heading,
    level_target,
    match,
    object_clauses,
    per_unit,
    promise_key,
    retrospect_ranges,
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


@pytest.mark.parametrize("a,b", [
    ("解决安全饮水", "农村饮水安全工程"),       # word order
    ("易地搬迁脱贫", "易地扶贫搬迁人口"),       # word order, an inserted word
    ("启动新的三年棚改攻坚计划开工", "棚户区住房改造"),  # an abbreviation
])
def test_similarity_of_name_variants(a, b):
    assert similarity(a, b, one_way=True) >= 0.6


@pytest.mark.parametrize("a,b", [
    ("化学需氧量、氨氮排放量要分别下降", "氮氧化物排放量下降"),  # shared 排放量 only
    ("新增公益普惠园", "新建口袋公园"),  # 公园 is a word, not an abbreviation
    ("启动试点", "公立医院改革试点县市"),
])
def test_similarity_rejects_near_misses(a, b):
    assert similarity(a, b, one_way=True) < 0.6


def test_head_nouns_and_growth_words_do_not_hide_a_canonical_metric():
    assert figure_key("城镇新增就业人口", SYN) == "urban_jobs"
    assert promise_key("城镇居民人均可支配收入和农村居民人均纯收入年均实际增长超过", SYN) \
        == "rural_income"


def test_retrospect_ranges_only_outside_the_review_and_only_last_year():
    r = Report.from_text("各位代表：\n一、过去五年工作回顾\n五年来GDP年均增长8%。\n"
                         "二、今年工作\n过去一年，成绩很大。GDP增长9%。这为今年打下基础。\n"
                         "去年价格上涨的翘尾影响约有1个百分点。\n", check=False)
    got = [r.text[a:b] for a, b in retrospect_ranges(r, part_ranges(r, "review"), 2019)]
    assert got == ["过去一年，成绩很大。GDP增长9%。"]


def test_candidates_complete_elided_and_listed_metrics():
    _, cands = review(
        "2343个县开展新型农村社会养老保险试点，3.58亿人参保，覆盖面扩大到60%以上。"
        "企业退休人员基本养老金连续5年增加，去年又人均提高10%。"
        "建成双李路、信和路等17条道路。引进30亿元以上现代服务业项目1个。")
    metrics = {c.fig.value: c.metric for c in cands}
    assert metrics[60.0] == "县开展新型农村社会养老保险试点覆盖面扩大"
    assert metrics[10.0] == "企业退休人员基本养老金人均提高"
    assert metrics[17.0] == "建成双李路、信和路等道路"
    assert metrics[1.0] == "引进30亿元以上现代服务业项目"


def test_levels_against_changes():
    r, cands = review("赤字率从2.8%降到1.5%。城镇化率达到60%。国内生产总值增长6%。")
    level = {c.fig.value: figure_is_level(r, c) for c in cands}
    assert level == {1.5: True, 60.0: True, 6.0: False}


# -- user-test fixes (fourth round) ------------------------------------------------------


def test_headings_are_never_review_sentences():
    assert is_heading("一、2016年工作回顾") and is_heading("（三）深化重点领域改革")
    assert not is_heading("一是国内生产总值增长6.9%。") and not is_heading("全年粮食增产。")
    r, _ = review("淘汰落后产能任务如期完成。")
    sents = review_sentences(r, part_ranges(r, "review"), 2019, False, {})
    assert [s.text for s in sents] == ["淘汰落后产能任务如期完成。"]


def test_object_clauses_keep_the_clause_that_names_the_object():
    s = "自贸区建设取得新进展，跨江隧道建成通车，地铁三号线开工。"
    a, b = object_clauses("启动跨江隧道建设", s)
    assert s[a:b] == "跨江隧道建成通车"
    assert object_clauses("出台人才新政", "各项工作扎实推进。") == (0, len("各项工作扎实推进。"))


def test_intensities_are_not_matched_by_totals():
    assert per_unit("单位地区生产总值二氧化碳排放量下降") and per_unit("万元GDP用水量")
    assert not per_unit("二氧化硫排放量")
    r, cands = review("二氧化硫、氮氧化物排放量分别下降5.6%和4%。单位地区生产总值能耗下降5%。")
    old = Report.from_text("各位代表：\n一、2018年工作回顾\n去年很好。\n二、2019年工作安排\n"
                           "单位地区生产总值用水量、二氧化碳排放量分别下降3%、4%。\n", check=False)
    assert len(old.promises) == 2 and len(cands) == 3
    for p in old.promises:
        pk = promise_key(p.metric, SYN)
        assert all(match(p, pk, c, SYN, set())[0] == 0 for c in cands), p.metric


def test_figures_named_only_by_verbs_take_the_noun_after_the_number():
    _, cands = review("制定或修订了25件地方性法规。")
    assert [c.metric for c in cands] == ["制定或修订地方性法规"]


# -- held-out fourth run fixes -------------------------------------------------------------


def test_yearly_averages_are_multi_year_and_not_every_year():
    r, cands = review("去年粮食产量5.5亿吨，平均每年城镇新增就业1200多万人；"
                      "2019年进出口增长4%，每年平均减少贫困人口1300万人。"
                      "去年发电量增长5%，发电量年均增长6%。")
    assert [(c.fig.value, c.multi) for c in cands] == [
        (5.5, False), (1200.0, True), (4.0, False), (1300.0, True), (5.0, False), (6.0, True)]
    sents = review_sentences(r, part_ranges(r, "review"), 2019, False, {})
    assert not any(s.always for s in sents)
    r, _ = review("财政赤字率每年控制在3%以内。")
    assert all(s.always for s in review_sentences(r, part_ranges(r, "review"), 2019, False, {}))


def test_end_levels_and_level_targets():
    r, cands = review("合作医疗试点已扩大到全国78%的县，城镇化率由40%提高到52%，"
                      "五年累计新增就业达到5500万人，发电量年均增长6%。", title="过去五年工作回顾")
    got = {c.fig.value: end_level(r, c) for c in cands}
    assert got == {78.0: True, 52.0: True, 5500.0: False, 6.0: False}
    old = Report.from_text("各位代表：\n一、2018年工作回顾\n去年很好。\n二、2019年工作安排\n"
                           "合作医疗试点范围扩大到全国70%以上的县。城镇新增就业900万人。"
                           "国内生产总值增长7%。\n", check=False)
    assert [level_target(p) for p in old.promises] == [True, False, False]
