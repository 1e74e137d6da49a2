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
from reportdiff.errors import MetricRedefinedWarning

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
