"""The audit (reportdiff.audit) and the ``reportdiff audit`` command."""

from __future__ import annotations

import json
import pickle
import warnings

import pytest
from click.testing import CliRunner

import reportdiff
from reportdiff import Report
from reportdiff.cli import cli
from reportdiff.errors import MetricRedefinedWarning, ReportOrderWarning

OLD = ("各位代表：\n一、2018年工作回顾\n去年国内生产总值增长6.6%。\n二、2019年工作安排\n"
       "今年主要预期目标是：国内生产总值增长5.5%左右，居民消费价格涨幅3%左右，"
       "城镇新增就业1100万人以上，城镇登记失业率4.5%以内。"
       "确保华侨城P158地块等项目全面开工。今年要淘汰钢铁2700万吨、水泥4200万吨。"
       "今年再减少农村贫困人口1000万以上。\n")
NEW = ("各位代表：\n一、2019年工作回顾\n全面完成全年主要目标任务。国内生产总值增长3%，居民消费价格上涨2.1%。"
       "城镇新增就业1000万人，城镇调查失业率5.2%。华侨城P158地块项目全面开工。"
       "钢铁、水泥等行业淘汰落后产能年度任务如期完成。\n二、2020年工作安排\n今年国内生产总值增长6%左右。\n")


def run(old: str = OLD, new: str = NEW) -> reportdiff.Audit:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MetricRedefinedWarning)
        return reportdiff.audit(Report.from_text(old, check=False),
                                Report.from_text(new, check=False), alignment=False)


def verdicts(a: reportdiff.Audit) -> list[tuple[str, str]]:
    return [(i.promise.metric, i.verdict) for i in a.items]


def test_verdicts_of_a_small_pair():
    a = run()
    assert verdicts(a) == [
        ("国内生产总值增长", "missed"),
        ("居民消费价格涨幅", "kept"),
        ("城镇新增就业", "partial"),
        ("城镇登记失业率", "unclear"),
        ("华侨城P158地块等项目全面开工", "kept"),
        ("淘汰钢铁", "kept"),
        ("水泥", "kept"),
        ("减少农村贫困人口", "not_mentioned"),
    ]
    gdp = a.items[0]
    assert (gdp.outcome.value, gdp.outcome.unit, gdp.attainment) == (3.0, "%", 0.545)
    assert a.summary == {"kept": 4, "partial": 1, "in_progress": 0, "missed": 1,
                         "unclear": 1, "not_mentioned": 1}


def test_evidence_quotes_index_the_new_source():
    new = Report.from_text(NEW, check=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MetricRedefinedWarning)
        a = reportdiff.audit(Report.from_text(OLD, check=False), new, alignment=False)
    for i in a.items:
        for e in i.evidence:
            assert new.source_text[e.span[0]:e.span[1]] == e.quote


def test_a_blanket_claim_is_evidence_for_nothing():
    a = run(new="各位代表：\n一、2019年工作回顾\n全面完成全年主要目标任务，各项工作取得新进展。\n"
                "二、2020年工作安排\n今年继续努力。\n")
    assert {v for _, v in verdicts(a)} == {"not_mentioned"}


def test_a_redefined_metric_is_flagged_with_a_warning():
    with pytest.warns(MetricRedefinedWarning, match="城镇登记失业率.*城镇调查失业率"):
        a = reportdiff.audit(Report.from_text(OLD, check=False),
                             Report.from_text(NEW, check=False), alignment=False)
    item = a.items[3]
    assert item.verdict == "unclear" and "metric_redefined" in item.flags
    assert item.rule.startswith("metric redefined")


def test_a_five_year_review_uses_only_figures_of_the_last_year():
    new = ("各位代表：\n一、过去五年工作回顾\n五年来，国内生产总值年均增长7.1%，城镇新增就业6600万人以上，"
           "农村贫困人口减少6800多万。\n刚刚过去的2019年，国内生产总值增长5.8%，城镇新增就业1200万人。\n"
           "二、2020年工作安排\n今年继续努力。\n")
    got = dict(verdicts(run(new=new)))
    assert got["国内生产总值增长"] == "kept"
    assert got["城镇新增就业"] == "kept"
    assert got["减少农村贫困人口"] == "not_mentioned"
    item = run(new=new).items[-1]
    assert "multi_year_figure_ignored" in item.flags


def test_options_change_verdicts():
    old = Report.from_text(OLD, check=False)
    new = Report.from_text(NEW, check=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MetricRedefinedWarning)
        a = reportdiff.audit(old, new, alignment=False, floors=["居民消费价格"])
    assert dict(verdicts(a))["居民消费价格涨幅"] == "missed"
    assert a.options.polarity["居民消费价格"] == "floor"


def test_results_are_picklable_and_serialisable():
    a = run()
    assert pickle.loads(pickle.dumps(a)).to_dict() == a.to_dict()
    d = a.to_dict()
    assert list(d) == ["schema", "old", "new", "options", "promises", "summary"]
    assert d["schema"] == "reportdiff.audit/1"
    assert list(d["promises"][0]) == ["promise", "verdict", "outcome", "attainment", "rule",
                                      "confidence", "evidence", "flags"]
    assert json.loads(json.dumps(d, ensure_ascii=False)) == d
    df = a.to_pandas()
    assert len(df) == len(a.items) and "verdict" in df.columns
    assert list(df.columns[:7]) == ["old_source", "old_year", "new_source", "new_year", "id",
                                    "span_start", "span_end"]
    assert {"op", "value", "low", "high", "unit", "outcome_value", "outcome_unit",
            "evidence_quote", "evidence_span_start", "evidence_span_end"} <= set(df.columns)
    assert list(df["old_year"].unique()) == [a.old_year]
    first = a.items[0]
    row = df.iloc[0]
    assert (row["span_start"], row["span_end"]) == first.promise.span
    assert row["value"] == first.promise.target.value
    assert (row["evidence_span_start"], row["evidence_span_end"]) == first.evidence[0].span
    assert "<table>" in a._repr_html_()


@pytest.mark.corpus
def test_national_2018_2019(national):
    a = reportdiff.audit(national(2018), national(2019))
    got = {i.promise.metric: i for i in a.items}
    gdp = got["国内生产总值增长"]
    assert (gdp.verdict, gdp.outcome.value) == ("kept", 6.6)
    assert got["居民消费价格涨幅"].verdict == "kept"
    assert got["城镇调查失业率"].verdict == "kept"
    # the surveyed rate has its own promise, so it is not evidence for the registered one
    assert got["城镇登记失业率"].verdict == "not_mentioned"
    new = national(2019)
    for i in a.items:
        for e in i.evidence:
            assert new.source_text[e.span[0]:e.span[1]] == e.quote


# -- CLI ---------------------------------------------------------------------------

def _files(tmp_path) -> tuple[str, str]:
    (tmp_path / "old.txt").write_text(OLD, encoding="utf-8")
    (tmp_path / "new.txt").write_text(NEW, encoding="utf-8")
    return str(tmp_path / "old.txt"), str(tmp_path / "new.txt")


def test_cli_audit_table(tmp_path):
    old, new = _files(tmp_path)
    res = CliRunner().invoke(cli, ["audit", old, new, "--no-align", "--no-check"])
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0].split() == ["id", "promise", "verdict", "outcome", "attainment", "evidence"]
    assert lines[1].split()[:6] == ["P001", "国内生产总值增长", "~", "5.5", "%", "missed"]
    assert lines[-1] == ("2019 promises checked against the 2020 report: 8 promises: kept 4, "
                         "partial 1, missed 1, unclear 1, not_mentioned 1")
    assert res.stderr.startswith("reportdiff: warning: P004 城镇登记失业率")


def test_cli_audit_json_and_polarity(tmp_path):
    old, new = _files(tmp_path)
    pol = tmp_path / "pol.json"
    pol.write_text('{"居民消费价格": "floor"}', encoding="utf-8")
    res = CliRunner().invoke(
        cli, ["audit", old, new, "--no-align", "--no-check", "--format", "json",
              "--polarity", str(pol), "--tolerance-pp", "0.5"])
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)  # the audit's keys, with the manifest's beside them
    assert data["summary"]["missed"] == 2
    assert data["options"]["tolerance_pp"] == 0.5


def test_cli_audit_bad_polarity_file(tmp_path):
    old, new = _files(tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_text("[1]", encoding="utf-8")
    res = CliRunner().invoke(cli, ["audit", old, new, "--polarity", str(bad)])
    assert res.exit_code == 2
    assert res.stderr == (f"reportdiff: error: {bad} must hold a JSON object such as "
                          '{"房价": "ceiling"}\n')


# -- one constructed pair per verdict rule (docs/verdicts.md) ------------------------

def one(old_plan: str, new_review: str, *, review_title: str = "2019年工作回顾",
        after: str = "今年继续努力。") -> reportdiff.AuditItem:
    """The single promise of ``old_plan`` audited against ``new_review``."""
    old = f"各位代表：\n一、2018年工作回顾\n去年工作取得新进展。\n二、2019年工作安排\n{old_plan}\n"
    new = f"各位代表：\n一、{review_title}\n{new_review}\n二、2020年工作安排\n{after}\n"
    a = run(old, new)
    assert len(a.items) == 1, [i.promise.quote for i in a.items]
    return a.items[0]


@pytest.mark.parametrize("plan,review,verdict,rule", [
    # figures: floor, ceiling, target, range, partial
    ("今年国内生产总值增长7.5%左右。", "国内生产总值增长7.4%。", "kept",
     "floor metric: outcome 7.4% >= 7.5% (左右 allows 0.25 points)"),
    ("今年国内生产总值增长7.5%左右。", "国内生产总值增长7.2%。", "missed",
     "floor metric: outcome 7.2% < 7.5% (左右 allows 0.25 points)"),
    ("今年居民消费价格涨幅3%左右。", "居民消费价格上涨3.3%。", "missed",
     "ceiling metric: outcome 3.3% > 3% (左右 allows 0.25 points)"),
    ("今年广义货币M2预期增长13%左右。", "广义货币M2增长11.3%。", "missed",
     "target metric: outcome 11.3% is off target 13% (左右 allows 0.25 points)"),
    ("今年城镇新增就业1100万人以上。", "城镇新增就业1000万人。", "partial",
     "floor (以上: at least): outcome 1000万人 < 1100万人, attainment 91% >= 80%"),
    ("今年城镇新增就业1100万人以上。", "城镇新增就业800万人。", "missed",
     "floor (以上: at least): outcome 800万人 < 1100万人"),
])
def test_verdict_from_a_figure(plan, review, verdict, rule):
    item = one(plan, review)
    assert (item.verdict, item.rule) == (verdict, rule)


def test_words_of_failure_decide_without_a_figure():
    # the sentence that decides wins over an earlier one that only names the topic
    item = one("今年居民消费价格总水平涨幅控制在4%左右。",
               "我们遏制物价过快上涨，实现经济平稳较快发展。政府工作仍存在不足，节能减排、物价调控目标没有完成。")
    assert (item.verdict, item.rule) == ("missed",
                                         "the review says the target was not reached (no figure)")
    assert item.evidence[0].quote == "政府工作仍存在不足，节能减排、物价调控目标没有完成。"


def test_words_of_failure_override_a_figure_that_would_keep():
    item = one("今年进出口增长6%左右。", "进出口增长6.1%，但低于年初预期目标。")
    assert item.verdict == "missed"


def test_words_of_completion_and_a_vague_outcome():
    assert one("今年要淘汰黄标车和老旧车600万辆。",
               "淘汰黄标车和老旧车指标超额完成。").verdict == "kept"
    item = one("今年居民消费价格涨幅3%左右。", "居民消费价格涨幅保持较低水平。")
    assert (item.verdict, item.rule) == ("unclear",
                                         "the review describes the outcome without a figure")


def test_a_mention_without_an_outcome_is_not_mentioned():
    item = one("今年城镇新增就业1100万人以上。", "我们高度重视城镇新增就业工作。")
    assert (item.verdict, item.rule) == ("not_mentioned",
                                         "the review names the topic but gives no outcome")


def test_another_stage_and_other_units_are_unclear():
    item = one("今年保障性住房新开工700万套。", "保障性住房基本建成511万套。")
    assert item.verdict == "unclear" and "different_stage" in item.flags
    item = one("今年要淘汰水泥落后产能4200万吨。", "淘汰水泥落后产能企业15个。")
    assert item.verdict == "unclear" and "units_differ" in item.flags


def test_a_figure_of_another_order_is_not_read_as_the_outcome():
    item = one("今年拟发行长期建设国债800亿元。", "投入国债建设资金95.4亿元。")
    assert item.verdict == "unclear" and "magnitude_differs" in item.flags
    assert item.rule.startswith("outcome 95.4亿元 is of another order than the target 800亿元")


def test_a_multi_year_promise_not_yet_due_is_in_progress():
    item = one("到2020年，城镇棚户区住房改造2000万套。", "棚户区住房改造620万套。")
    assert (item.verdict, item.outcome.value) == ("in_progress", 620.0)
    assert item.rule.startswith("due 2020: progress so far")
    assert one("到2020年，城镇棚户区住房改造2000万套。",
               "我们推进了多项改革。").verdict == "not_mentioned"


def test_a_promise_for_each_year_is_due_this_year():
    # 今明两年……每年: the 2019 instalment is checked now, not left in progress
    item = one("今明两年继续提高企业退休人员基本养老金，人均每年增长10%左右。",
               "企业退休人员基本养老金人均提高10%。")
    assert item.verdict == "kept"


def test_qualitative_promises_done_or_under_way():
    assert one("确保华侨城P158地块等项目全面开工。",
               "华侨城P158地块项目全面开工。").verdict == "kept"
    item = one("今年建成洪山体育中心项目。", "洪山体育中心项目开工建设。")
    assert item.verdict == "in_progress"


def test_a_level_reached_is_compared_with_a_level_promise():
    # 降到去年的1.5%左右 is a level, not a cut of 1.5%
    item = one("今年赤字率下降到1.5%左右。",
               "财政赤字占国内生产总值的比重从2009年的2.8%降到去年的1.5%左右。")
    assert item.verdict == "kept"
    # 覆盖面扩大到60%: the attribute takes the sentence's subject
    item = one("将新型农村社会养老保险试点范围扩大到全国40%的县。",
               "2343个县开展新型农村社会养老保险试点，3.58亿人参保，覆盖面扩大到60%以上。")
    assert (item.verdict, item.outcome.value) == ("kept", 60.0)


def test_metric_name_variants_match():
    # word order, an abbreviation, a head noun after the canonical name
    assert one("今年再解决6000万农村人口的安全饮水问题。",
               "农村饮水安全工程使6069万农民受益。").verdict == "kept"
    assert one("今年棚改开工580万套。", "棚户区住房改造620多万套。").verdict == "kept"
    assert one("其中易地搬迁脱贫200万人以上。", "易地扶贫搬迁人口超过240万。").verdict == "kept"
    assert one("今年城镇新增就业900万人。", "城镇新增就业人口970万人。").verdict == "kept"


def test_a_total_of_a_numbered_group_is_not_the_outcome_of_one_member():
    item = one("完成旧城改造征收30万㎡。", "完成三旧改造征收拆迁面积96万㎡。")
    assert item.verdict == "not_mentioned"


def test_last_year_stated_outside_a_five_year_review():
    item = one("今年国内生产总值增长8%左右。", "五年来国内生产总值年均增长11.2%。",
               review_title="过去五年工作回顾",
               after="过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%。今年要稳增长。")
    assert (item.verdict, item.outcome.value) == ("kept", 10.3)


def test_new_money_is_not_a_budget_total():
    item = one("今年中央财政新增义务教育经费218亿元。", "全国财政安排农村义务教育经费1840亿元。")
    assert item.verdict == "not_mentioned"
    item = one("今年中央财政新增义务教育经费218亿元。", "中央财政新增义务教育经费230亿元。")
    assert item.verdict == "kept"


def test_the_same_head_with_another_modifier_is_another_thing():
    item = one("今年铁路货物周转量增长5%。", "汽车货物周转量增长35%。")
    assert item.verdict == "not_mentioned"


def test_a_share_of_counties_against_a_count_of_counties_is_unclear():
    item = one("新型农村社会养老保险试点要覆盖全国10%左右的县（市）。",
               "在320个县开展新型农村社会养老保险试点。")
    assert item.verdict == "unclear" and "units_differ" in item.flags


# -- user-test fixes (fourth round) ------------------------------------------------------


def _report(year: int, body: str = "今年国内生产总值增长6%左右。") -> Report:
    return Report.from_text(f"各位代表：\n一、{year - 1}年工作回顾\n去年国内生产总值增长6.1%。\n"
                            f"二、{year}年工作安排\n{body}\n", check=False)


@pytest.mark.parametrize("old_year,new_year,message", [
    (2021, 2020, r"NEW \(<text>, the 2020 report\) reviews 2019, but OLD \(<text>\) plans 2021: "
                 r"the reports look swapped; pass the older report first"),
    (2018, 2020, r"reviews 2019, but OLD \(<text>\) plans 2018: the reports are not "
                 r"consecutive.*pass the 2019 report as NEW"),
    (2020, 2020, r"both 2020 reports.*pass the 2021 report as NEW"),
])
def test_report_order_is_checked(old_year, new_year, message):
    with pytest.warns(ReportOrderWarning, match=message):
        reportdiff.audit(_report(old_year), _report(new_year, "今年要稳增长。"), alignment=False)


def test_same_document_twice_warns_and_consecutive_reports_do_not():
    r = _report(2020)
    with pytest.warns(ReportOrderWarning, match=r"same document \(sha256 [0-9a-f]{12}…\)"):
        reportdiff.audit(r, _report(2020), alignment=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ReportOrderWarning)
        reportdiff.audit(_report(2020), _report(2021, "今年要稳增长。"), alignment=False)


def _audit_one(plan: str, review: str) -> reportdiff.AuditItem:
    old = _report(2020, plan)
    new = Report.from_text(f"各位代表：\n一、2020年工作回顾\n{review}\n二、2021年工作安排\n"
                           "今年要稳增长。\n", check=False)
    (item,) = reportdiff.audit(old, new, alignment=False).items
    assert new.source_text[item.evidence[0].span[0]:item.evidence[0].span[1]] == \
        item.evidence[0].quote if item.evidence else True
    return item


def test_completion_words_must_belong_to_the_clause_naming_the_object():
    item = _audit_one("出台实施都市圈发展规划纲要。",
                      "都市圈规划建设迈出实质性步伐，跨江大桥建成通车。")
    assert (item.verdict, item.rule) == ("in_progress", "the review reports work under way")
    assert item.evidence[0].quote == "都市圈规划建设迈出实质性步伐"


def test_launch_words_complete_a_launch_promise():
    item = _audit_one("适时启动“沪伦通”。", "“沪伦通”开启。")
    assert (item.verdict, item.rule) == ("kept", "the review reports it done (开启)")
    item = _audit_one("确保政务服务平台年内启动。", "政务服务平台正式上线。")
    assert item.verdict == "kept"


def test_a_bigger_cut_beats_a_fractional_target():
    item = _audit_one("企业开办时间压缩三分之一。", "企业开办时间压缩一半以上。")
    assert item.verdict == "kept"
    assert item.rule == "floor (a promised cut): cut 1/2 >= 1/3"


def test_a_heading_is_never_evidence():
    item = _audit_one("确保“十四五”化解任务提前一年完成。", "各项改革扎实推进。")
    assert item.verdict == "not_mentioned" and item.evidence == ()


def test_per_unit_promises_do_not_cite_totals():
    item = _audit_one("单位地区生产总值二氧化碳排放量下降4%。",
                      "二氧化硫、氮氧化物排放量分别下降5.6%和4%。")
    assert item.verdict == "not_mentioned" and item.evidence == ()


def test_verbs_alone_do_not_tie_a_figure_to_a_promise():
    item = _audit_one("要完成3000多项地方标准的制定修订工作。", "制定或修订了30件地方性法规。")
    assert item.verdict == "not_mentioned" and item.evidence == ()


# -- held-out fourth run fixes (2003-2004, 2007-2008, 2008-2009) ----------------------------


def test_a_yearly_average_of_a_five_year_review_is_not_the_years_outcome():
    # 平均每年 / 年均 / 每年平均: an average over the period, not last year's figure
    for review in ("扎实做好就业工作，平均每年城镇新增就业1200多万人。",
                   "扎实做好就业工作，每年平均城镇新增就业1200多万人。",
                   "扎实做好就业工作，城镇新增就业年均1200多万人。"):
        item = one("今年城镇新增就业1000万人以上。", review, review_title="过去五年工作回顾")
        assert item.verdict == "not_mentioned", review
        assert "multi_year_figure_ignored" in item.flags
    # also in a one-year review
    item = one("今年城镇新增就业1000万人以上。", "五年中平均每年城镇新增就业1200多万人。")
    assert item.verdict == "not_mentioned"
    # a statement for every year still counts
    item = one("今年财政赤字率控制在3%以内。", "五年来，财政赤字率一直控制在3%以内。",
               review_title="过去五年工作回顾")
    assert item.verdict == "kept"


def test_the_end_level_of_a_five_year_review_is_the_outcome_of_a_level_promise():
    item = one("将农村合作医疗试点范围扩大到全国70%以上的县。",
               "农村合作医疗制度逐步健全，试点范围已扩大到全国78%的县。",
               review_title="过去五年工作回顾")
    assert (item.verdict, item.outcome.value) == ("kept", 78.0)
    assert item.evidence[0].quote == "试点范围已扩大到全国78%的县"
    # a growth rate or a total of the period is not: 年均增长, 累计
    item = one("今年高速公路通车里程增长8%。", "五年来高速公路通车里程年均增长12%。",
               review_title="过去五年工作回顾")
    assert item.verdict == "not_mentioned"
    item = one("今年城镇新增就业达到1000万人。", "五年累计城镇新增就业达到5500万人。",
               review_title="过去五年工作回顾")
    assert item.verdict == "not_mentioned"


def test_a_vague_outcome_on_the_metric_is_unclear_with_the_quote():
    item = one("今年居民消费价格涨幅控制在3.5%左右。",
               "国内生产总值增长8.2%；物价总水平涨幅得到有效控制；粮食再获丰收。")
    assert (item.verdict, item.rule) == ("unclear",
                                         "the review describes the outcome without a figure")
    assert item.evidence[0].quote == "物价总水平涨幅得到有效控制；"
    # the vague words must stand in the clause that names the metric
    item = one("今年居民消费价格涨幅控制在3.5%左右。",
               "我们关注物价总水平，出口结构明显改善。")
    assert item.verdict == "not_mentioned"


def test_a_count_of_cities_for_a_share_of_cities_is_unclear():
    item = one("城镇职工大病保险试点要扩大到全国40%以上的城市。",
               "城镇职工大病保险试点城市由上年的60个增加到150个。")
    assert item.verdict == "unclear" and "units_differ" in item.flags
    assert item.outcome.value == 150.0
