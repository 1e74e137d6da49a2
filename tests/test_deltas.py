"""Tests of reportdiff.deltas: pairing figures of two reports and their change."""

from __future__ import annotations

import pickle

import pytest

import reportdiff
from reportdiff.errors import IncomparableError
from reportdiff.figures import Figure, compare_figures, extract_figures_from_text, figure_deltas


def _one(text: str) -> Figure:
    figs = extract_figures_from_text(text)
    assert len(figs) == 1, [f.to_dict() for f in figs]
    return figs[0]


def test_figure_deltas_pairs_synonyms_in_base_unit() -> None:
    old = extract_figures_from_text("国内生产总值增长6.9%。一般公共预算收入1.2万亿元。")
    new = extract_figures_from_text("地区生产总值增长6.6%。地方一般公共预算收入9000亿元。")
    deltas = figure_deltas(old, new)
    assert [(d.metric, d.old_value, d.new_value, d.unit, d.abs_change) for d in deltas] == [
        ("gdp_growth", 6.9, 6.6, "%", -0.3),
        ("fiscal_revenue", 1.2e12, 9e11, "元", -3e11),
    ]
    assert deltas[1].rel_change == pytest.approx(-0.25)
    assert deltas[0].comparable and deltas[0].note == ""


def test_figure_deltas_refuses_points_against_percent() -> None:
    old = extract_figures_from_text("服务业增加值比重由46.9%提高到48.2%")
    new = extract_figures_from_text("服务业增加值比重提高1.3个百分点")
    (d,) = figure_deltas(old, new)
    assert (d.metric, d.kind) == ("service_share_change", "change")
    assert (d.comparable, d.abs_change, d.note) == (False, None, "cannot compare % with 个百分点")


def test_compare_figures_raises() -> None:
    a = _one("实际使用外资1383亿元")
    b = _one("城镇新增就业1361万人")
    with pytest.raises(IncomparableError, match=r"cannot compare 亿元 with 万人"):
        compare_figures(a, b)
    d = compare_figures(_one("投入7.6亿元"), _one("投入7600万元"))
    assert (d.old_value, d.new_value, d.abs_change) == (7.6e8, 7.6e7, -6.84e8)


def test_deltas_of_reports(national) -> None:
    deltas = figure_deltas(national(2018), national(2019))
    keys = [d.metric for d in deltas]
    assert "gdp_growth" in keys
    d = deltas[keys.index("gdp_growth")]
    assert (d.old_value, d.new_value) == (6.9, 6.6)
    assert len({(d.metric, d.kind) for d in deltas}) == len(deltas)
    # the five-year paragraph (五年来 … 6600万人以上) gives way to the annual figure
    jobs = deltas[keys.index("urban_jobs")]
    assert (jobs.old_value, jobs.new_value, jobs.note) == (13510000.0, 13610000.0, "")
    cpi = deltas[keys.index("cpi_growth")]
    assert cpi.note == "the old figure covers several years (年均/五年/累计): not a one-year change"
    assert (cpi.comparable, cpi.abs_change, cpi.rel_change) == (False, None, None)


def test_multi_year_pairs_are_not_comparable() -> None:
    old = extract_figures_from_text("五年来，国内生产总值年均增长7.1%。")
    new = extract_figures_from_text("国内生产总值增长6.6%。")
    d, = figure_deltas(old, new)
    assert (d.comparable, d.abs_change, d.old_value, d.new_value) == (False, None, 7.1, 6.6)
    d, = figure_deltas(old, old)
    assert not d.comparable
    assert d.note == "both figures cover several years (年均/五年/累计): not a one-year change"


def test_chapters_announced_by_a_five_year_paragraph_are_multi_year(national) -> None:
    """2018: 五年来，我们……主要做了以下工作。 then （一）…（九）: 制定修订行政法规195部 is a five-year count."""
    report = national(2018)
    deltas = figure_deltas(report, report)
    laws = [d for d in deltas if "行政法规" in d.metric]
    assert laws and laws[0].new.value == 195
    assert not laws[0].comparable
    assert laws[0].note.startswith("both figures cover several years")


def test_deltas_are_frozen_picklable_and_serialisable() -> None:
    old = extract_figures_from_text("国内生产总值增长6.9%。")
    new = extract_figures_from_text("国内生产总值增长6.6%。")
    deltas = figure_deltas(old, new)
    assert pickle.loads(pickle.dumps(deltas)) == deltas
    d = deltas.to_dict()[0]
    assert list(d)[:5] == ["metric", "kind", "old_value", "new_value", "unit"]
    assert list(deltas.to_pandas()["abs_change"]) == [pytest.approx(-0.3)]
    assert "<table>" in deltas._repr_html_()
    assert reportdiff.figure_deltas is figure_deltas


@pytest.mark.parametrize("old_text, new_text, old_value, new_value, note", [
    ("国内生产总值增长6.5%左右。", "国内生产总值增长6%－6.5%。", 6.5, 6.25,
     "range compared at its midpoint: new 6-6.5"),
    ("国内生产总值增长6.5%－7%。", "国内生产总值增长6.5%左右。", 6.75, 6.5,
     "range compared at its midpoint: old 6.5-7"),
    ("国内生产总值增长6.5%－7%。", "国内生产总值增长6%－6.5%。", 6.75, 6.25,
     "range compared at its midpoint: old 6.5-7, new 6-6.5"),
])
def test_ranges_compare_at_their_midpoint(old_text: str, new_text: str, old_value: float,
                                          new_value: float, note: str) -> None:
    d, = figure_deltas(extract_figures_from_text(old_text), extract_figures_from_text(new_text))
    assert (d.old_value, d.new_value, d.abs_change, d.note) == (
        old_value, new_value, round(new_value - old_value, 12), note)


def test_last_years_figure_gives_way_to_this_years() -> None:
    old = extract_figures_from_text("规模以上工业企业利润增长3%。")
    new = extract_figures_from_text("规模以上工业企业利润由上年下降2.3%转为增长8.5%。")
    d, = figure_deltas(old, new)
    assert (d.old_value, d.new_value, d.note) == (3.0, 8.5, "")
