"""Tests of reportdiff.metrics: units, base units, synonym keys."""

from __future__ import annotations

import pytest

from reportdiff.metrics import dimension, metric_key, strip_metric, to_base, unit_info


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
