"""Tests of reportdiff.metrics: units, base units, synonym keys."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportdiff.metrics import (
    balance_marks,
    dimension,
    metric_key,
    strip_metric,
    to_base,
    unit_info,
)


@pytest.mark.parametrize("value, unit, expected", [
    (1.97, "万户", (19700.0, "户")),
    (1.3, "万亿元", (1.3e12, "元")),
    (107, "亿元", (1.07e10, "元")),
    (23, "万㎡", (230000.0, "㎡")),
    (2, "平方公里", (2e6, "㎡")),
    (17, "公里", (17000.0, "米")),
    (6.6, "%", (6.6, "%")),
    (3, "个百分点", (3.0, "个百分点")),
    (2, "成", (20.0, "%")),
    (1386, "万", (13860000.0, "")),
    (5, "千户", (5000.0, "户")),
])
def test_to_base(value: float, unit: str, expected: tuple[float, str]) -> None:
    assert to_base(value, unit) == expected


def test_unknown_unit_is_kept() -> None:
    assert unit_info("光年") is None
    assert to_base(3.0, "光年") == (3.0, "光年")


@pytest.mark.parametrize("a, b, same", [
    ("亿元", "万元", True), ("%", "个百分点", False), ("亿元", "万人", False),
    ("万㎡", "亩", True), ("亿美元", "亿元", False),
])
def test_dimension(a: str, b: str, same: bool) -> None:
    assert (dimension(a) == dimension(b)) is same


@pytest.mark.parametrize("metric, kind, key", [
    ("国内生产总值增长", "growth", "gdp_growth"),
    ("地区生产总值增长", "growth", "gdp_growth"),
    ("GDP增长", "growth", "gdp_growth"),
    ("国内生产总值", "level", "gdp"),
    ("单位国内生产总值能耗下降", "growth", "energy_intensity_growth"),
    ("地方一般公共预算收入", "level", "fiscal_revenue"),
    ("一般公共预算收入增长", "growth", "fiscal_revenue_growth"),
    ("城镇新增就业", "count", "urban_jobs"),
    ("地区生产总值增长排名", "rank", "gdp_growth_rank"),
    ("新建道路", "level", "新建道路"),
])
def test_metric_key(metric: str, kind: str, key: str) -> None:
    assert metric_key(metric, kind=kind) == key


def test_metric_key_user_synonyms() -> None:
    assert metric_key("新建停车泊位", kind="count") == "新建停车泊位"
    extra = {"parking": ["新建停车泊位", "新增停车泊位"]}
    assert metric_key("新增停车泊位", kind="count", synonyms=extra) == "parking"


def test_metric_key_user_table_overrides_default() -> None:
    assert metric_key("地区生产总值", synonyms={"regional_gdp": ["地区生产总值"]}) == "regional_gdp"


@pytest.mark.parametrize("phrase, clean", [
    ("全年国内生产总值", "国内生产总值"),
    ("预计地区生产总值", "地区生产总值"),
    ("我国居民人均可支配收入实际", "居民人均可支配收入"),
    ("完成城建投资", "城建投资"),
])
def test_strip_metric(phrase: str, clean: str) -> None:
    assert strip_metric(phrase) == clean


@pytest.mark.parametrize("phrase, expected", [
    ("2000年进出口总额", "进出口总额"),
    ("国内生产总值2000年", "国内生产总值"),
    ("2003年中央财政支出", "中央财政支出"),
    ("三是行政事业性收费", "行政事业性收费"),
    ("规模以上工业企业利润由上年", "规模以上工业企业利润"),
    ("惠及", "惠及"),
    ("涉及", "涉及"),
    ("去年", "去年"),
])
def test_strip_metric_time_and_enumeration(phrase: str, expected: str) -> None:
    assert strip_metric(phrase) == expected


@pytest.mark.parametrize("metric, kind, expected", [
    ("经济增长", "growth", "gdp_growth"),
    ("经济增速", "growth", "gdp_growth"),
    ("下降", "growth", ""),
    ("人均国内生产总值", "level", "人均国内生产总值"),
])
def test_metric_key_names_and_bare_directions(metric: str, kind: str, expected: str) -> None:
    assert metric_key(metric, kind=kind) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("工业企业“小进规”", "工业企业“小进规”"),      # the closing quote belongs to the phrase
    ("“马上办”", "马上办"),                          # a fully quoted phrase loses its quotes
    ("财政收入（不含基金）", "财政收入（不含基金）"),
    ("“十一五〞期间共完成固定资产投资", "固定资产投资"),  # a plan period at the head
    ("（二）实行劳动改造的占", "实行劳动改造的占"),        # an enumeration at the head
    ("净增“四上”企业[1]", "净增“四上”企业"),           # a web page's footnote marker
    ("但工业投资", "工业投资"),
    ("但是赤字率", "赤字率"),
    ("居民人均可支配收入预计", "居民人均可支配收入"),
    ("GDP总量有望", "GDP总量"),
    ("■全市生产总值", "生产总值"),
])
def test_strip_metric_district_forms(phrase: str, expected: str) -> None:
    assert strip_metric(phrase) == expected


@pytest.mark.parametrize("text, expected", [
    ("工业企业“小进规新增", "工业企业小进规新增"),
    ("净增“四上”企业", "净增“四上”企业"),
    ("资金）投入", "资金投入"),
    ("《规划纲要》目标", "《规划纲要》目标"),
    ("“十一五〞期间", "“十一五〞期间"),  # a web page's mixed pair still pairs
    ("a（b（c）", "ab（c）"),
])
def test_balance_marks(text: str, expected: str) -> None:
    assert balance_marks(text) == expected


def test_metric_key_ignores_a_parenthetical_note() -> None:
    assert metric_key("财政收入（不含基金）增长", kind="growth") == "fiscal_revenue_growth"
    assert metric_key("地方一般公共预算收入(同口径)", kind="level") == "fiscal_revenue"


@given(st.text(alphabet="ab“”《》（）()", max_size=30))
def test_balance_marks_always_balances(text: str) -> None:
    out = balance_marks(text)
    it = iter(text)
    assert all(ch in it for ch in out)  # only marks are dropped, order kept
    assert out.replace("“", "").replace("”", "").replace("《", "").replace("》", "").replace(
        "（", "").replace("）", "").replace("(", "").replace(")", "") == text.translate(
        {ord(c): None for c in "“”《》（）()"})
    depth: list[str] = []
    pairs = {"”": "“", "》": "《", "）": "（", ")": "("}
    for ch in out:
        if ch in pairs.values():
            depth.append(ch)
        elif ch in pairs:
            assert depth and depth.pop() == pairs[ch]
    assert not depth
