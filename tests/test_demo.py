"""The demo (reportdiff.demo) and ``reportdiff demo`` on the bundled report."""

from __future__ import annotations

from click.testing import CliRunner

from reportdiff.bundled import bundled_path
from reportdiff.cli import cli
from reportdiff.demo import demo
from reportdiff.render.audit_table import demo_markdown


def test_demo_on_the_bundled_report():
    d = demo()
    assert (d.plan_year, d.review_year) == (2020, 2019)
    assert len(d.ledger) >= 40
    gdp = d.topics[0]
    assert (gdp.metric, gdp.outcome.value, gdp.target.target.value) == ("地区生产总值增长", 8.0,
                                                                        7.5)
    assert gdp.outcome.quote == "预计地区生产总值增长8%"
    src = bundled_path().read_text(encoding="utf-8")
    for t in d.topics:
        assert src[t.outcome.span[0]:t.outcome.span[1]] == t.outcome.quote
    assert d.next_command == f"reportdiff audit {bundled_path()} NEXT_YEAR_REPORT"
    assert list(d.to_dict()) == ["source", "plan_year", "review_year", "ledger", "topics",
                                 "next_command"]


def test_cli_demo_prints_ledger_topics_and_the_next_command(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    # the demo writes reportdiff-demo.md in the current folder (tmp_path)
    res = runner.invoke(cli, ["demo"])
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert lines[0] == (f"Promise ledger of {bundled_path()} — 2020 targets, awaiting "
                        f"next year's report ({len(demo().ledger)} promises)")
    assert lines[2].split() == ["id", "kind", "metric", "target", "strength", "section",
                                "quote"]
    assert lines[3].split() == ["P001", "quantitative", "地区生产总值增长", "=", "7.5", "%",
                                "预期", "2.p3", "地区生产总值增长7.5%"]
    assert "地区生产总值增长           8 %           = 7.5 %      P001" in lines
    assert lines[-3:] == ["Markdown written to reportdiff-demo.md",
                          "When the next report is at hand, run the full audit:",
                          f"  reportdiff audit {bundled_path()} NEXT_YEAR_REPORT"]
    with open("reportdiff-demo.md", encoding="utf-8") as fh:
        assert fh.read() == demo_markdown(demo())


def test_cli_demo_no_write(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(cli, ["demo", "--no-write"])
    assert res.exit_code == 0
    assert "Markdown written" not in res.output
    assert not (tmp_path / "reportdiff-demo.md").exists()


def test_demo_markdown_is_deterministic():
    md = demo_markdown(demo())
    assert md == demo_markdown(demo())
    assert md.startswith("# Promise ledger: 2020 targets\n")
    assert "| P001 | quantitative | 地区生产总值增长 | = 7.5 % | 预期 | 2.p3 |" in md


def test_one_review_figure_is_the_outcome_of_one_promise():
    from reportdiff import Report

    r = Report.from_text(
        "各位代表：\n一、2019年工作回顾\n引进30亿元以上现代服务业项目1个，新增公益普惠园3所，"
        "新建口袋公园6个。\n二、2020年工作安排\n全年引进投资过30亿元项目1个、引进亿元以上制造业项目5个。"
        "新增公益普惠园3所。\n", check=False)
    got = [(t.target.quote, t.outcome.quote) for t in demo(r).topics]
    assert got == [("全年引进投资过30亿元项目1个", "引进30亿元以上现代服务业项目1个"),
                   ("新增公益普惠园3所", "新增公益普惠园3所")]


def test_demo_topics_of_the_bundled_report_pair_like_topics():
    topics = {t.target.quote: (t.outcome.value, t.outcome.unit) for t in demo().topics}
    assert topics["地区生产总值增长7.5%"] == (8.0, "%")
    assert topics["全年引进投资过30亿元项目1个"] == (1.0, "个")
    assert "引进亿元以上制造业项目5个" not in topics  # no outcome in the review
    assert "完成旧城改造征收30万㎡" not in topics  # 三旧改造 96万㎡ is a total of three kinds
    assert topics["确保铁园路、白沙西路等15条道路开工建设"] == (24.0, "条")
    assert topics["桂湖东路、文祥西街等13条道路建成通车"] == (17.0, "条")
