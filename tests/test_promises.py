"""Promise extraction (reportdiff.promises) and the ``reportdiff promises`` command."""

from __future__ import annotations

import json
import pickle

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff import Report
from reportdiff.cli import cli
from reportdiff.promises import extract_promises, target_op

HEAD = "各位代表：\n一、2018年工作回顾\n去年国内生产总值增长6.6%。\n二、2019年工作安排\n"


def plan(body: str) -> Report:
    return Report.from_text(HEAD + body + "\n", check=False)


def summary(report: Report) -> list[tuple]:
    return [(p.kind, p.metric, p.target.op if p.target else None,
             p.target.value if p.target else None, p.target.unit if p.target else None)
            for p in report.promises]


def test_main_targets_one_promise_per_clause():
    r = plan("今年主要预期目标是：国内生产总值增长6%－6.5%，居民消费价格涨幅3%左右，"
             "城镇新增就业1100万人以上，城镇调查失业率5.5%左右，城镇登记失业率4.5%以内。")
    assert summary(r) == [
        ("quantitative", "国内生产总值增长", "range", 6.0, "%"),
        ("quantitative", "居民消费价格涨幅", "~", 3.0, "%"),
        ("quantitative", "城镇新增就业", ">=", 1100.0, "万人"),
        ("quantitative", "城镇调查失业率", "~", 5.5, "%"),
        ("quantitative", "城镇登记失业率", "<=", 4.5, "%"),
    ]
    gdp = r.promises[0].target
    assert (gdp.low, gdp.high, gdp.direction) == (6.0, 6.5, "up")
    assert {p.strength for p in r.promises} == {"预期"}


def test_a_cut_has_direction_down():
    r = plan("单位国内生产总值能耗下降3%左右。")
    (p,) = r.promises
    assert (p.target.op, p.target.value, p.target.direction) == ("~", 3.0, "down")
    assert p.target.describe() == "cut ~ 3 %"


def test_several_figures_joined_by_dun_give_several_promises():
    r = plan("今年要淘汰钢铁2700万吨、水泥4200万吨、平板玻璃3500万标准箱等落后产能。")
    assert [p.quote for p in r.promises] == ["今年要淘汰钢铁2700万吨", "水泥4200万吨",
                                             "平板玻璃3500万标准箱等落后产能"]
    assert [p.target.value for p in r.promises] == [2700.0, 4200.0, 3500.0]


def test_qualitative_promises_need_a_named_object_and_a_completion_verb():
    r = plan("确保华侨城P158地块等项目全面开工。加快推进改革。深化供给侧结构性改革。"
             "确保武大科技园等项目挂牌、百一光电等项目开工建设。")
    assert summary(r) == [
        ("qualitative", "华侨城P158地块等项目全面开工", None, None, None),
        ("qualitative", "武大科技园等项目挂牌", None, None, None),
        ("qualitative", "百一光电等项目开工建设", None, None, None),
    ]
    assert r.promises[0].strength == "确保"


def test_not_promises_past_facts_forecasts_quoted_names_and_explanations():
    r = plan("今年经济增长预期目标是国内生产总值增长7.5%左右。"
             "把增长预期目标定在7.5%左右，兼顾了需要和可能。"
             "国家已设立400亿元新兴产业创业投资引导基金。"
             "今年高校毕业生将达727万人。"
             "着重解决好现有“三个1亿人”问题。"
             "今年拟安排财政赤字1.62万亿元，比去年增加2700亿元。")
    assert [(p.metric, p.target.value) for p in r.promises] == [
        ("国内生产总值增长", 7.5), ("财政赤字", 1.62)]


def test_multi_year_targets_are_due_later():
    r = plan("到2020年，常住人口城镇化率达到60%。今年新建改建农村公路20万公里。")
    assert [(p.metric, p.due) for p in r.promises] == [("常住人口城镇化率", 2020),
                                                      ("新建改建农村公路", 2019)]


@pytest.mark.parametrize("before,qualifier,op", [
    ("城镇新增就业", "以上", ">="), ("城镇登记失业率控制在", "", "<="),
    ("居民消费价格涨幅控制在", "左右", "~"), ("技术成交额突破", "", ">="),
    ("地区生产总值增长", "", "="), ("城镇登记失业率", "以内", "<="),
])
def test_target_op(before, qualifier, op):
    assert target_op(before, qualifier) == op


def test_bundled_promises_quote_their_spans(bundled):
    ps = bundled.promises
    assert len(ps) >= 40
    for p in ps:
        assert bundled.source_text[p.span[0]:p.span[1]] == p.quote
        assert p.section is not None and p.section.startswith("2")
    gdp = ps[0]
    assert (gdp.metric, gdp.target.op, gdp.target.value, gdp.target.unit) == (
        "地区生产总值增长", "=", 7.5, "%")
    assert any(p.quote == "确保华侨城P158地块等项目全面开工" for p in ps)
    assert pickle.loads(pickle.dumps(ps)) == ps
    df = ps.to_pandas()
    assert list(df.columns[:6]) == ["source", "year", "span_start", "span_end", "id", "kind"]
    assert len(df) == len(ps) and set(df["year"]) == {bundled.year}
    assert list(df.loc[0, ["op", "value", "unit"]]) == ["=", 7.5, "%"]
    assert (df.loc[0, "span_start"], df.loc[0, "span_end"]) == ps[0].span
    assert pickle.loads(pickle.dumps(ps)).year == ps.year == bundled.year
    assert "<table>" in ps._repr_html_()


@pytest.mark.corpus
def test_national_2018_main_targets(national):
    r = national(2018)
    got = {(p.metric, p.target.op, p.target.value) for p in r.promises if p.target}
    assert {("国内生产总值增长", "~", 6.5), ("居民消费价格涨幅", "~", 3.0),
            ("城镇新增就业", ">=", 1100.0), ("城镇调查失业率", "<=", 5.5),
            ("单位国内生产总值能耗下降", ">=", 3.0)} <= got
    for p in r.promises:
        assert r.source_text[p.span[0]:p.span[1]] == p.quote


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="今年要确保增长下降以上以内左右万人亿元%，。、1234567890.国内生产总值项目开工建成",
               max_size=80))
def test_extraction_never_fails_and_spans_hold(body):
    r = plan(body)
    for p in extract_promises(r):
        assert r.source_text[p.span[0]:p.span[1]] == p.quote
        assert p.kind in ("quantitative", "qualitative")


# -- CLI ---------------------------------------------------------------------------

def _write(tmp_path, body: str) -> str:
    path = tmp_path / "r.txt"
    path.write_text(HEAD + body + "\n", encoding="utf-8")
    return str(path)


def test_cli_promises_table(tmp_path):
    f = _write(tmp_path, "今年主要预期目标是：国内生产总值增长6%左右，城镇新增就业1100万人以上。")
    res = CliRunner().invoke(cli, ["promises", f, "--no-check"])
    assert res.exit_code == 0, res.output
    assert res.output == (
        "id    kind          metric            target        strength  section  quote\n"
        "P001  quantitative  国内生产总值增长  ~ 6 %         预期      2.p1     国内生产总值增长6%左右\n"
        "P002  quantitative  城镇新增就业      >= 1100 万人  预期      2.p1     城镇新增就业1100万人以上\n")


def test_cli_promises_json_and_csv(tmp_path):
    f = _write(tmp_path, "城镇新增就业1100万人以上。")
    res = CliRunner().invoke(cli, ["promises", f, "--no-check", "--format", "json"])
    data = json.loads(res.output)
    assert data[0]["target"] == {"op": ">=", "value": 1100.0, "low": None, "high": None,
                                 "unit": "万人", "direction": None, "qualifier": "以上"}
    res = CliRunner().invoke(cli, ["promises", f, "--no-check", "--format", "csv"])
    assert res.output.splitlines()[0].startswith("id,kind,metric,metric_key,op,value")


def test_cli_promises_missing_file_is_one_line(tmp_path):
    res = CliRunner().invoke(cli, ["promises", str(tmp_path / "nope.txt")])
    assert res.exit_code == 3
    assert res.output.count("\n") == 1 and res.output.startswith("reportdiff: error:")


# -- what is not a promise, and metrics completed from context -----------------------

@pytest.mark.parametrize("body", [
    "抓好粮食生产。近14亿中国人的饭碗，必须牢牢端在自己手上。",  # a number describing a noun
    "要在推动科技体制改革举措落地见效上下功夫。",  # an exhortation
    "《纲要草案》紧紧围绕全面建成小康社会奋斗目标。",  # a description
    "今年高校毕业生将达834万人。",  # a forecast of what the government does not deliver
])
def test_not_promises(body):
    assert plan(body).promises == ()


def test_the_current_value_is_not_a_target():
    r = plan("深化增值税改革，将制造业等行业现行16%的税率降至13%。")
    assert [(p.target.value, p.target.unit) for p in r.promises] == [(13.0, "%")]


def test_budget_money_the_government_will_spend_is_a_promise():
    r = plan("今年中央财政为此新增支出140亿元，用于这方面的支出总额将达到664亿元。")
    assert [p.target.value for p in r.promises] == [140.0, 664.0]


def test_a_count_as_the_subject_of_a_policy():
    r = plan("592个国家扶贫开发工作重点县免征农业税。")
    assert summary(r) == [("quantitative", "国家扶贫开发工作重点县免征农业税", "=", 592.0, "个")]


@pytest.mark.parametrize("body,metric", [
    ("今后五年，我国经济增长预期目标是在明显提高质量和效益的基础上年均增长7%。", "我国经济增长"),
    ("今年广义货币M2预期增长目标拟定为13%左右。", "广义货币M2增长"),
    ("扎实推进新型农村社会养老保险试点，试点范围扩大到23%的县。",
     "新型农村社会养老保险试点试点范围"),
    ("今明两年继续提高企业退休人员基本养老金，人均每年增长10%左右。",
     "企业退休人员基本养老金人均每年增长"),
    ("确保铁园路、白沙西路等15条道路开工建设。", "道路开工建设"),
])
def test_metric_completed_from_context(body, metric):
    assert [p.metric for p in plan(body).promises] == [metric]


def test_a_qualitative_promise_whose_name_follows_the_verb():
    r = plan("全面实施精致园林三年行动，高质量完成国家生态园林城市创建任务。")
    assert [p.quote for p in r.promises] == ["高质量完成国家生态园林城市创建任务"]


def test_a_total_still_to_come_is_a_promise_a_total_so_far_is_not():
    r = plan("今后五年国家财政新增义务教育经费累计将达2182亿元。五年来累计投入500亿元。")
    assert [(p.metric, p.target.value, p.due) for p in r.promises] == [
        ("国家财政新增义务教育经费", 2182.0, 2023)]


@pytest.mark.parametrize("year,body,due", [
    (1955, "第一个五年计划规定工业总产值增长98.3%。", 1957),
    (1955, "到一九五七年，粮食产量增加到3800亿斤。", 1957),
    (2016, "“十三五”时期经济年均增长保持在6.5%以上。", 2020),
])
def test_due_years_of_plans(year, body, due):
    r = Report.from_text(f"各位代表：\n一、{year - 1}年工作回顾\n工作取得进展。\n"
                         f"二、{year}年工作安排\n{body}\n", check=False)
    assert [p.due for p in r.promises] == [due]


# -- user-test fixes (fourth round) ------------------------------------------------------


def test_respective_list_gives_each_figure_its_own_metric():
    # A、B、C分别下降x、y、z: the k-th figure belongs to the k-th item; a per-unit
    # modifier of the first item is shared by the others
    r = plan("单位地区生产总值用水量、能耗、二氧化碳排放量分别下降20%、12%、16%。")
    assert [(p.metric, p.target.value) for p in r.promises] == [
        ("单位地区生产总值用水量下降", 20.0),
        ("单位地区生产总值能耗下降", 12.0),
        ("单位地区生产总值二氧化碳排放量下降", 16.0),
    ]
    assert all(p.target.direction == "down" for p in r.promises)
    # no list before 分别 to pair with: each figure gets the subject, not the other figure
    r = plan("城乡居民医保补助标准分别提高6%和9%。")
    assert [(p.metric, p.target.value) for p in r.promises] == [
        ("城乡居民医保补助标准提高", 6.0), ("城乡居民医保补助标准提高", 9.0)]


def test_size_class_is_not_a_target():
    # the number says which plants are meant, not how many
    r = plan("关停不达标的20万千瓦以下燃煤机组。淘汰10蒸吨以下燃煤锅炉。"
             "新增城镇就业50万人以上。")
    assert summary(r) == [("quantitative", "新增城镇就业", ">=", 50.0, "万人")]


def test_enumeration_words_never_start_a_metric():
    r = plan("要降低企业负担。一是清理规范地方性基金。二是取消或停征涉企行政事业性收费20项。"
             "第三，新建污水处理厂8座。")
    metrics = [p.metric for p in r.promises if p.kind == "quantitative"]
    assert metrics == ["取消或停征涉企行政事业性收费", "新建污水处理厂"]


def test_a_date_is_not_a_named_object():
    # the object (燃煤电厂超低排放改造) is in the sentence before: no promise from a fragment
    r = plan("加大燃煤电厂超低排放改造力度。南部各市要于今年完成，北部各市于2021年完成。"
             "确保滨江大道年内建成通车。")
    assert [p.metric for p in r.promises] == ["滨江大道年内建成通车"]


def test_unpaired_quotation_marks_are_dropped_from_a_metric():
    r = plan("适时启动“沪伦通”。")
    assert [(p.metric, p.quote) for p in r.promises] == [("适时启动“沪伦通”", "适时启动“沪伦通”")]


def test_fraction_targets_describe_as_fractions():
    r = plan("企业开办时间再压缩三分之一。")
    (p,) = r.promises
    assert p.target.describe() == "cut = 1/3" and p.describe() == "企业开办时间压缩 cut = 1/3"


def test_budget_lines_compared_with_last_year_are_this_years():
    # 比去年增加 compares; 由去年的……增加到 starts from last year; 今年拟从去年……中安排 takes
    # last year's money: each budget line is this year's commitment
    r = plan("中央财政安排职业教育补助资金86亿元，比去年增加12亿元。"
             "今年中央财政用于科技的投入，将由去年的900亿元增加到1020亿元。"
             "今年拟从去年结余资金中安排300亿元设立农业保险基金。"
             "去年中央财政安排水利资金500亿元。")
    assert [(p.metric, p.target.value) for p in r.promises] == [
        ("中央财政安排职业教育补助资金", 86.0), ("中央财政用于科技的投入", 1020.0),
        ("安排设立农业保险基金", 300.0)]


def test_policies_with_a_start_date_or_full_scope_are_promises():
    r = plan("从今年9月起全面免除中等职业教育学费。"
             "二是从今年7月1日起，再连续两年提高城乡居民基础养老金标准。"
             "农村综合改革试点在认真总结经验的基础上，在全国范围内推开。"
             "年内全部取消高速公路省界收费站。"
             "要全面实施素质教育。从今年起提高教育质量。全部取消农业税后，农民负担减轻。")
    assert [(p.kind, p.metric, p.due) for p in r.promises] == [
        ("qualitative", "从今年9月起全面免除中等职业教育学费", 2019),
        ("qualitative", "连续两年提高城乡居民基础养老金标准", 2020),
        ("qualitative", "农村综合改革试点在全国范围内推开", 2019),
        ("qualitative", "全部取消高速公路省界收费站", 2019)]
    assert r.promises[2].quote == "农村综合改革试点在认真总结经验的基础上，在全国范围内推开"


def test_a_consequence_is_not_a_target():
    r = plan("这将使2000万学生的家庭减轻负担。")
    assert r.promises == ()
