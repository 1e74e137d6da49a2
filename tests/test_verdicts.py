"""Verdict rules (reportdiff.verdicts): sense, tolerance, partial, options."""

from __future__ import annotations

import pickle

import pytest

from reportdiff.errors import UsageError
from reportdiff.verdicts import AuditOptions, judge, polarity_of, sense_of

OPTS = AuditOptions()


def j(op, value, unit, direction, metric, outcome, outcome_unit=None, *, low=None, high=None,
      opts=OPTS):
    return judge(op, value, low, high, unit, direction, metric, outcome,
                 outcome_unit if outcome_unit is not None else unit, opts)


def test_cpi_below_about_3_is_kept_as_a_ceiling():
    r = j("~", 3, "%", "up", "居民消费价格涨幅", 2.1)
    assert (r.verdict, r.attainment) == ("kept", 0.7)
    assert r.rule == "ceiling metric: outcome 2.1% <= 3% (左右 allows 0.25 points)"


def test_growth_far_below_about_target_is_missed():
    r = j("~", 5.5, "%", "up", "国内生产总值增长", 3)
    assert (r.verdict, r.attainment) == ("missed", 0.545)
    assert r.rule.startswith("floor metric: outcome 3% < 5.5%")


@pytest.mark.parametrize("outcome,verdict", [(7.4, "kept"), (7.25, "kept"), (7.2, "missed"),
                                             (9.0, "kept")])
def test_tolerance_of_about_is_in_points_for_rates(outcome, verdict):
    assert j("~", 7.5, "%", "up", "国内生产总值增长", outcome).verdict == verdict


def test_tolerance_is_an_option():
    wide = AuditOptions(tolerance_pp=0.5)
    assert j("~", 7.5, "%", "up", "国内生产总值增长", 7.1).verdict == "missed"
    assert j("~", 7.5, "%", "up", "国内生产总值增长", 7.1, opts=wide).verdict == "kept"


def test_a_promised_cut_is_a_floor_on_the_cut():
    assert sense_of("~", "down", "ceiling") == "floor"
    assert j("~", 3, "%", "down", "单位国内生产总值能耗下降", 3.1).verdict == "kept"
    assert j(">=", 3.9, "%", "down", "能源消耗强度降低", 3.5).verdict == "missed"


def test_explicit_operators_win_over_polarity():
    assert j("<=", 4.5, "%", None, "城镇登记失业率", 4.02).verdict == "kept"
    assert j("<=", 4.5, "%", None, "城镇登记失业率", 4.6).verdict == "missed"
    assert j(">=", 1100, "万人", None, "城镇新增就业", 1361).verdict == "kept"


def test_partial_for_counts_not_for_rates():
    r = j(">=", 1100, "万人", None, "城镇新增就业", 1000)
    assert (r.verdict, r.attainment) == ("partial", 0.909)
    assert j(">=", 1100, "万人", None, "城镇新增就业", 800).verdict == "missed"
    assert j(">=", 10, "%", "up", "实际利用外资增长", 9.5).verdict == "missed"


def test_range_and_target_metrics():
    assert j("range", 6.5, "%", "up", "国内生产总值增长", 6.7, low=6.5, high=7).verdict == "kept"
    assert j("range", 6.5, "%", "up", "国内生产总值增长", 6.2, low=6.5, high=7).verdict == "missed"
    # money supply is a target: missed from either side
    assert j("~", 13, "%", "up", "广义货币M2增长", 11.3).verdict == "missed"
    assert j("~", 13, "%", "up", "广义货币M2增长", 13.9).verdict == "missed"
    assert j("~", 13, "%", "up", "广义货币M2增长", 12.9).verdict == "kept"


def test_units_are_converted_and_incomparable_units_are_unclear():
    assert j("=", 1.62, "万亿元", None, "财政赤字", 16000, "亿元").verdict == "kept"
    r = j("=", 4200, "万吨", None, "水泥", 15, "个")
    assert r.verdict == "unclear" and "not comparable" in r.rule
    assert j("=", 6000, "万人", None, "饮水安全", 6600, "万").verdict == "kept"


def test_polarity_table_is_an_option():
    assert polarity_of("房价涨幅", "房价涨幅", OPTS.polarity) == "floor"
    opts = OPTS.with_polarity(ceilings=["房价"])
    assert polarity_of("房价涨幅", "房价涨幅", opts.polarity) == "ceiling"
    assert j("~", 5, "%", "up", "房价涨幅", 7, opts=opts).verdict == "missed"
    assert j("~", 5, "%", "up", "房价涨幅", 7).verdict == "kept"
    assert opts.to_dict()["polarity"]["房价"] == "ceiling"


@pytest.mark.parametrize("kwargs,message", [
    ({"tolerance": 1.5}, r"tolerance 1\.5 must be a fraction in \[0, 1\)"),
    ({"tolerance_pp": -1}, r"tolerance_pp -1 must be >= 0"),
    ({"partial_from": 0}, r"partial_from 0 must be in \(0, 1\]"),
    ({"polarity": {"房价": "up"}}, r"polarity values must be ceiling, floor or target"),
])
def test_bad_options_raise_usage_errors(kwargs, message):
    with pytest.raises(UsageError, match=message):
        AuditOptions(**kwargs)


def test_options_pickle():
    opts = OPTS.with_polarity(floors=["债务"])
    assert pickle.loads(pickle.dumps(opts)) == opts


def test_the_general_classifier_counts_institutions_not_people_or_roads():
    from reportdiff.verdicts import units_comparable

    assert units_comparable("个", "家") and units_comparable("所", "个")
    assert not units_comparable("个", "人") and not units_comparable("条", "个")
    assert j("=", 10, "个", None, "新建校企产学研平台", 6, "家").verdict == "missed"
