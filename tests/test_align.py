"""Tests of reportdiff.align: units, link relations, review links, results, CLI, quality."""

from __future__ import annotations

import importlib.util
import json
import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff import Report, align
from reportdiff.align import PARAGRAPH_MIN, Alignment, Link, ReviewLink, is_problem, units
from reportdiff.cli import cli
from reportdiff.errors import NotAReportError, StructureWarning, UsageError

HEAD = "各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。\n"
OLD = HEAD + """一、2017年工作回顾
过去一年，经济运行稳中向好。
一是稳定宏观经济。财政赤字合理，货币供应平稳，物价总体平稳。
二、2018年政府工作任务
今年要做好以下工作。
（一）稳定宏观经济运行。积极的财政政策要加力，赤字率保持稳定，稳健的货币政策要松紧适度，物价保持平稳。
（二）发展现代农业。稳定粮食产量，建设高标准农田，修建农村道路，增加农民收入。
（三）加强生态环境保护。治理大气污染，减少燃煤排放，保护河流湖泊，植树造林。
（四）改善民生保障。扩大高校毕业生就业，办好义务教育和职业教育，提高退休人员养老金，完善城乡居民医疗保险。
各位代表，让我们团结奋斗！
"""
NEW = HEAD + """一、2018年工作回顾
过去一年，经济运行稳中有进。
一是发展现代农业。粮食产量稳定，高标准农田建设加快，农民收入增长。
二是加强生态环境保护。大气污染治理见效，燃煤排放减少，河流湖泊得到保护。
二、2019年政府工作任务
今年要做好以下工作。
（一）发展现代农业。稳定粮食产量，建设高标准农田，修建农村道路，增加农民收入。
（二）稳定宏观经济运行。积极的财政政策要加力提效，赤字率适当提高，稳健的货币政策要松紧适度，物价保持平稳。
（三）扩大就业和办好教育。扩大高校毕业生就业，办好义务教育和职业教育。
（四）完善养老和医疗保障。提高退休人员养老金，完善城乡居民医疗保险。
（五）推进科技创新。建设国家实验室，支持企业研发，保护知识产权。
各位代表，让我们团结奋斗！
"""


@pytest.fixture(scope="module")
def pair() -> tuple[Report, Report]:
    return Report.from_text(OLD, check=False), Report.from_text(NEW, check=False)


@pytest.fixture(scope="module")
def result(pair) -> Alignment:
    return align(*pair)


def _by_old(al: Alignment) -> dict[tuple[str, ...], Link]:
    return {lk.old: lk for lk in al.links if lk.old}


def test_units_chapter_and_topic(pair):
    old, new = pair
    assert [u.id for u in units(old, "chapter")] == ["0", "1", "2.1", "2.2", "2.3", "2.4", "3"]
    assert [u.id for u in units(new, "chapter", role="review")] == ["1.1", "1.2"]
    assert [u.id for u in units(new, "topic", role="plan")] == [
        "2.1", "2.2", "2.3", "2.4", "2.5"]
    with pytest.raises(UsageError, match="unknown alignment level 'page': use chapter or topic"):
        units(old, "page")  # type: ignore[arg-type]


def test_relations(result):
    links = _by_old(result)
    assert links[("2.2",)].new == ("2.1",) and links[("2.2",)].relation == "same"
    assert links[("2.1",)].new == ("2.2",) and links[("2.1",)].relation == "moved"
    assert links[("2.4",)].new == ("2.3", "2.4") and links[("2.4",)].relation == "split"
    assert links[("2.3",)].relation == "dropped" and links[("2.3",)].new == ()
    new_ids = [lk.new for lk in result.links if lk.relation == "new"]
    assert ("2.5",) in new_ids
    # review parts are not linked to plan parts: that is what review_links are for
    assert links[("1",)].relation == "dropped"


def test_every_unit_appears_once(pair, result):
    old, new = pair
    olds = [i for lk in result.links for i in lk.old]
    news = [i for lk in result.links for i in lk.new]
    assert sorted(olds) == sorted(u.id for u in units(old, "chapter"))
    assert sorted(news) == sorted(u.id for u in units(new, "chapter"))


def test_links_follow_new_order(pair, result):
    pos = {u.id: k for k, u in enumerate(units(pair[1], "chapter"))}
    firsts = [pos[lk.new[0]] for lk in result.links if lk.new]
    assert firsts == sorted(firsts)


def test_merged_is_the_mirror_of_split(pair):
    old, new = pair
    back = align(new, old)
    merged = [lk for lk in back.links if lk.relation == "merged"]
    assert [(lk.old, lk.new) for lk in merged] == [(("2.3", "2.4"), ("2.4",))]


def test_identical_reports(pair):
    al = align(pair[0], pair[0])
    assert {lk.relation for lk in al.links} == {"same"}
    assert all(lk.score == 1.0 for lk in al.links)


def test_review_links(result):
    assert result.review_links == (
        ReviewLink(review=("1.1",), plan=("2.2",), score=result.review_links[0].score),
        ReviewLink(review=("1.2",), plan=("2.3",), score=result.review_links[1].score),
    )
    assert all(r.score > 0.3 for r in result.review_links)


def test_no_review_part_warns():
    text = HEAD + "一、2019年政府工作任务\n（一）发展现代农业。稳定粮食产量，增加农民收入。\n"
    with pytest.warns(StructureWarning):
        r = Report.from_text(text, check=False)
    with pytest.warns(StructureWarning, match="no review part in the new report"):
        al = align(r, r)
    assert al.review_links == ()


def test_results_serialise(pair, result):
    d = result.to_dict()
    assert list(d) == ["level", "old", "new", "links", "review_links"]
    assert d["links"][0] == {"old": ["0"], "new": ["0"], "relation": "same", "score": 1.0}
    assert d["review_links"][0]["review"] == ["1.1"]
    assert d["old"]["sections"][2]["children"][0]["id"] == "2.1"
    json.dumps(d)
    clone = pickle.loads(pickle.dumps(result))
    assert clone.links == result.links and clone.review_links == result.review_links
    df = result.to_pandas()
    assert list(df.columns) == ["old_source", "old_year", "new_source", "new_year",
                                "old_ids", "old_title", "new_ids", "new_title", "relation",
                                "score", "old_span_start", "old_span_end", "new_span_start",
                                "new_span_end"]
    assert len(df) == len(result.links)
    assert list(df["old_year"].unique()) == [result.old.year]
    one_sided = df["relation"].isin(["new", "dropped"])
    assert df[one_sided]["score"].isna().all() and df[~one_sided]["score"].notna().all()
    first = result.links[0]
    assert (df["new_span_start"][0], df["new_span_end"][0]) == result.new.section(first.new[0]).span
    assert list(result.to_pandas(which="review")["plan_title"]) == ["发展现代农业。",
                                                                   "加强生态环境保护。"]
    assert "<table>" in result._repr_html_()
    assert result.counts() == {"same": 3, "moved": 1, "split": 1, "merged": 0, "new": 3,
                               "dropped": 2}


def test_deterministic(pair):
    a = json.dumps(align(*pair).to_dict(), ensure_ascii=False)
    b = json.dumps(align(*pair).to_dict(), ensure_ascii=False)
    assert a == b


@pytest.fixture()
def files(tmp_path):
    pa, pb = tmp_path / "old.txt", tmp_path / "new.txt"
    pa.write_text(OLD, encoding="utf-8")
    pb.write_text(NEW, encoding="utf-8")
    return str(pa), str(pb)


def test_cli_align_text(files, result):
    res = CliRunner().invoke(cli, ["align", *files, "--no-check"])
    assert res.exit_code == 0, res.output
    sc = {lk.old: lk.score for lk in result.links}
    rv = [r.score for r in result.review_links]
    assert res.output == (
        "10 links at chapter level (3 same, 1 moved, 1 split, 3 new, 2 dropped)\n"
        "  same    1.000  0 [part]  ->  0 [part]\n"
        "  dropped 0.000  1 2017年工作回顾  ->  -\n"
        "  new     0.000  -  ->  1.1 发展现代农业。\n"
        "  new     0.000  -  ->  1.2 加强生态环境保护。\n"
        f"  same    {sc[('2.2',)]:.3f}  2.2 发展现代农业。  ->  2.1 发展现代农业。\n"
        f"  moved   {sc[('2.1',)]:.3f}  2.1 稳定宏观经济运行。  ->  2.2 稳定宏观经济运行。\n"
        "  dropped 0.000  2.3 加强生态环境保护。  ->  -\n"
        f"  split   {sc[('2.4',)]:.3f}  2.4 改善民生保障。  ->  2.3,2.4 扩大就业和办好教育。 + "
        "完善养老和医疗保障。\n"
        "  new     0.000  -  ->  2.5 推进科技创新。\n"
        "  same    1.000  3 [part]  ->  3 [part]\n"
        "\n"
        "2 review links (new review -> old plan)\n"
        f"  {rv[0]:.3f}  1.1 发展现代农业。  ->  2.2 发展现代农业。\n"
        f"  {rv[1]:.3f}  1.2 加强生态环境保护。  ->  2.3 加强生态环境保护。\n")


def test_cli_align_json(files):
    res = CliRunner().invoke(cli, ["align", *files, "--no-check", "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert set(data) == {"level", "old", "new", "links", "review_links"}
    assert data["review_links"][1]["plan"] == ["2.3"]


def test_cli_align_missing_file(tmp_path):
    res = CliRunner().invoke(cli, ["align", str(tmp_path / "nope.txt"), str(tmp_path / "b.txt")])
    assert res.exit_code == 3
    assert res.output.startswith("reportdiff: error: ")
    assert "Traceback" not in res.output


# -- cases fixed after the held-out evaluation (benchmarks/labels/align/README.md) ---------
MERGE_OLD = HEAD + """一、2017年工作回顾
过去一年，经济运行稳中向好。
一是发展现代农业。粮食产量稳定，高标准农田建设加快，农民收入增长，农村道路建设加快，退休人员养老金提高。
二、2018年政府工作任务
今年要做好以下工作。
（一）发展现代农业。稳定粮食产量，建设高标准农田，修建农村道路，增加农民收入。
（二）改善民生保障。扩大高校毕业生就业，办好义务教育和职业教育，提高退休人员养老金，完善城乡居民医疗保险。
（三）推进科技创新。建设国家实验室，支持企业研发，保护知识产权。
（四）发展航天事业。建设空间站，探索月球和火星，发射探测器，稳定粮食产量，增加农民收入。
各位代表，让我们团结奋斗！
"""
MERGE_NEW = HEAD + """一、2018年工作回顾
过去一年，经济运行稳中有进。
一是农业和民生。粮食产量稳定，高标准农田建设加快，农民收入增长，退休人员养老金提高。
二、2019年政府工作任务
今年要做好以下工作。
（一）推进科技创新。建设国家实验室，支持企业研发，保护知识产权。
（二）发展现代农业和改善民生。稳定粮食产量，建设高标准农田，修建农村道路，增加农民收入。\
扩大高校毕业生就业，办好义务教育和职业教育，提高退休人员养老金，完善城乡居民医疗保险。
各位代表，让我们团结奋斗！
"""


@pytest.fixture(scope="module")
def merge_pair() -> tuple[Report, Report]:
    return (Report.from_text(MERGE_OLD, check=False),
            Report.from_text(MERGE_NEW, check=False))


def test_broad_chapter_takes_its_narrow_sources(merge_pair):
    # two old chapters whose best counterpart is one broad new chapter are merged
    # into it, and the chapter that moved to the front keeps its link
    links = _by_old(align(*merge_pair))
    assert links[("2.1", "2.2")].new == ("2.2",)
    assert links[("2.1", "2.2")].relation == "merged"
    assert links[("2.3",)].new == ("2.1",)


def test_unit_sharing_a_few_words_is_not_pulled_into_a_merge(merge_pair):
    # old 2.4 (space flight) scores best with the new agriculture chapter through
    # one shared sentence, but adding its text lowers the merged match: it is dropped
    old, new = merge_pair
    al = align(old, new)
    assert _by_old(al)[("2.4",)].relation == "dropped"
    assert align(old, new, link_threshold=0.5).counts()["merged"] == 1


def test_review_item_is_linked_to_the_plan_unit_it_reports_on_most(merge_pair):
    # the review item reports on agriculture (best) and pensions; no other review item
    # is linked to the pensions chapter, so it is linked too, below review_ratio x best
    old, new = merge_pair
    assert align(old, new).review_links[0].plan == ("2.1", "2.2")
    assert align(old, new, review_support=1.0).review_links[0].plan == ("2.1",)
    # once another review item reports on the pensions chapter first-hand, the
    # agriculture item keeps to agriculture
    text = MERGE_NEW.replace("二、2019年", "二是改善民生。退休人员养老金提高，城乡居民医疗保险完善，"
                                         "高校毕业生就业扩大。\n二、2019年")
    first, second = align(old, Report.from_text(text, check=False)).review_links
    assert first.plan[0] == "2.1" and "2.2" not in first.plan
    assert second.plan == ("2.2",)


def test_a_lesson_drawn_reports_on_no_plan_unit(merge_pair):
    # "必须坚持…" items of a review state a lesson, not what was done
    old, _ = merge_pair
    text = MERGE_NEW.replace("二、2019年", "二是必须坚持改善民生。退休人员养老金要提高，"
                                         "城乡居民医疗保险要完善。\n二、2019年")
    new = Report.from_text(text, check=False)
    assert [u.title for u in units(new, role="review")][-1] == "必须坚持改善民生。"
    assert [r.review for r in align(old, new).review_links] == [("1.1",)]


def test_a_stated_problem_reports_on_no_plan_unit(merge_pair):
    # a review that closes with problems (2008: "——经济运行中一些突出问题…依然存在。")
    # states them as items; they report on nothing, however close their words
    old, _ = merge_pair
    text = MERGE_NEW.replace("二、2019年", "二是退休人员养老金偏低的问题依然存在。城乡居民医疗保险"
                                         "还不完善。\n二、2019年")
    new = Report.from_text(text, check=False)
    assert [u.title for u in units(new, role="review")][-1] == "退休人员养老金偏低的问题依然存在。"
    assert [r.review for r in align(old, new).review_links] == [("1.1",)]


@pytest.mark.parametrize(("title", "expected"), [
    ("经济运行中一些突出问题和深层次矛盾依然存在。", True),
    ("涉及群众切身利益的问题有待进一步解决。", True),
    ("国际经济环境变化不确定因素和潜在风险增加。", True),
    ("政府自身建设和管理需要加强。", True),
    ("切实保障和改善民生，解决关系群众切身利益的问题。", False),
    ("坚持把解决“三农”问题放在突出位置，巩固和加强农业基础地位", False),
    ("控制固定资产投资过快增长，大力加强薄弱环节。", False),
    ("着力稳增长调结构防风险，创新宏观调控方式。", False),
    ("扎实打好三大攻坚战，重点任务取得积极进展。", False),
    ("经济运行稳中向好。", False),
])
def test_problem_headings_are_told_from_achievements(title, expected):
    # the problem is the subject (or a shortfall is stated), not the object of a remedy
    assert is_problem(title) is expected


VOTE_OLD = HEAD + """一、2017年工作回顾
过去一年，经济运行稳中向好。
二、2018年政府工作任务
今年要做好以下工作。
（一）发展现代农业。稳定粮食产量，建设高标准农田，修建农村道路，增加农民收入，推广良种和农业机械。
（二）推进科技创新。建设国家实验室，支持企业研发，保护知识产权，培养青年科学家，扩大基础研究投入。
（三）加强生态环境保护。治理大气污染，减少燃煤排放，保护河流湖泊，植树造林，治理黑臭水体。
各位代表，让我们团结奋斗！
"""
VOTE_NEW = HEAD + """一、2018年工作回顾
过去一年，经济运行稳中有进。
一是发展现代农业。粮食产量稳定，高标准农田建设加快，农村道路延伸，农民收入增长，良种和农业机械推广，\
农业现代化水平提高，粮食生产能力保持稳定。
高标准农田新建一千万亩，农村道路新修二十万公里，良种覆盖率提高，农业机械化率提高，农民收入增长较快，\
粮食产量稳定在一万三千亿斤以上。
农田水利设施改善，农村道路通达率提高，农民收入持续增长，良种和农业机械推广加快，粮食产量稳定，\
农业现代化水平提高，农田建设质量提高。
同时，国家实验室建设起步，青年科学家培养加强，企业研发投入增加，基础研究投入扩大，知识产权保护加强，\
支持企业研发的政策落实。
二是推进科技创新。国家实验室建设起步，企业研发投入增加，知识产权保护加强，青年科学家培养加强，基础研究投入扩大。
三是加强生态环境保护。大气污染治理见效，燃煤排放减少，河流湖泊得到保护，植树造林面积扩大，黑臭水体治理推进。
二、2019年政府工作任务
今年要做好以下工作。
（一）发展现代农业。稳定粮食产量。
各位代表，让我们团结奋斗！
"""


def test_a_paragraph_reporting_on_another_plan_unit_adds_it():
    # review item 一是 is about agriculture, with one paragraph on science: as a whole it
    # scores below review_support x best with the science chapter, which 二是 reports on
    # first-hand; the paragraph on its own matches science well enough to add it
    old, new = (Report.from_text(t, check=False) for t in (VOTE_OLD, VOTE_NEW))
    science = new.section_text(new.section("1.1")).split("\n")[-1]
    assert len(science) >= PARAGRAPH_MIN
    first, second, third = align(old, new).review_links
    assert first.plan == ("2.1", "2.2")
    assert (second.plan, third.plan) == (("2.2",), ("2.3",))
    assert align(old, new, review_paragraph=1.1).review_links[0].plan == ("2.1",)


def test_reordered_chapters_follow_content_not_position(national):
    # 2009's structural-adjustment chapter (四) continues as 2010's chapter (二); an
    # order-preserving alignment used to pair (二) with 2009's domestic-demand chapter
    al = align(national(2009), national(2010))
    links = {lk.old: lk for lk in al.links if lk.old}
    assert links[("3.4",)].new[0] == "2.2"
    assert links[("3.1", "3.2")].new == ("2.1",)
    assert links[("3.1", "3.2")].relation == "merged"


_CHAPTERS = [
    "稳定宏观经济运行。积极的财政政策要加力，稳健的货币政策要松紧适度，物价保持平稳。",
    "发展现代农业。稳定粮食产量，建设高标准农田，修建农村道路，增加农民收入。",
    "加强生态环境保护。治理大气污染，减少燃煤排放，保护河流湖泊，植树造林。",
    "扩大高校毕业生就业，办好义务教育和职业教育。",
    "提高退休人员养老金，完善城乡居民医疗保险。",
    "推进科技创新。建设国家实验室，支持企业研发，保护知识产权。",
    "深化改革开放。放宽市场准入，稳定外贸外资，推进共建一带一路。",
]
_NUM = "一二三四五六七八九十"


def _plan_report(year: int, chapters: list[str]) -> Report:
    body = "".join(f"（{_NUM[k]}）{c}\n" for k, c in enumerate(chapters))
    text = HEAD + f"一、{year - 1}年工作回顾\n过去一年，经济平稳。\n二、{year}年政府工作任务\n" + body
    return Report.from_text(text, check=False)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(0, len(_CHAPTERS) - 1), min_size=1, max_size=6),
       st.lists(st.integers(0, len(_CHAPTERS) - 1), min_size=1, max_size=6))
def test_link_invariants_for_any_reorganisation(old_pick, new_pick):
    # whatever chapters are kept, reordered, repeated or joined, every unit is in
    # one link (and at most in further one-to-one second-destination links, link_vote),
    # links follow the new order, and relations match their shape
    old = _plan_report(2018, [_CHAPTERS[k] for k in old_pick])
    new_chapters = [_CHAPTERS[k] for k in new_pick]
    if len(new_chapters) > 2:  # a broad chapter made of two
        new_chapters[:2] = [new_chapters[0] + new_chapters[1]]
    new = _plan_report(2019, new_chapters)
    al = align(old, new)
    assert sorted({i for lk in al.links for i in lk.old}) == sorted(u.id for u in units(old))
    assert sorted({i for lk in al.links for i in lk.new}) == sorted(u.id for u in units(new))
    firsts_o = [lk for lk in al.links if lk.relation != "moved" or len(lk.old) != 1]
    assert len({i for lk in firsts_o for i in lk.old}) == sum(len(lk.old) for lk in firsts_o)
    assert len({(lk.old, lk.new) for lk in al.links}) == len(al.links)
    pos = {u.id: k for k, u in enumerate(units(new))}
    firsts = [pos[lk.new[0]] for lk in al.links if lk.new]
    assert firsts == sorted(firsts)
    for lk in al.links:
        shape = (len(lk.old), len(lk.new))
        assert {"same": shape == (1, 1), "moved": shape == (1, 1), "split": shape[0] == 1
                and shape[1] > 1, "merged": shape[1] == 1 and shape[0] > 1,
                "new": shape == (0, 1), "dropped": shape == (1, 0)}[lk.relation]
        assert 0.0 <= lk.score <= 1.0
    assert json.dumps(al.to_dict()) == json.dumps(align(old, new).to_dict())


# -- quality on the labelled national pairs ------------------------------------------------
def _eval_module():
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "eval_align.py"
    spec = importlib.util.spec_from_file_location("eval_align", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_labelled_pairs_quality(corpus_dir):
    """Pooled edge F1 over the labelled pairs (benchmarks/eval_align.py prints the details)."""
    ev = _eval_module()
    # Round 4 (2005-2006, 2006-2007) is a blind measurement recorded in
    # benchmarks/labels/align/README.md, not a threshold the code was fitted to: kept out here.
    round4 = set(ev.HELD_OUT.get("held-out 4", ()))
    labels = sorted(f for f in ev.LABELS.glob("*.json") if f.stem not in round4)
    assert len(labels) >= 3
    tot = dict.fromkeys(["tp", "pred", "gold", "rtp", "rpred", "rgold"], 0)
    for f in labels:
        r = ev.evaluate(f, corpus_dir)
        for k in tot:
            tot[k] += r[k]
    _, _, f1 = ev._prf(tot["tp"], tot["pred"], tot["gold"])
    _, _, rf1 = ev._prf(tot["rtp"], tot["rpred"], tot["rgold"])
    assert f1 >= 0.85, f1
    assert rf1 >= 0.85, rf1


def test_held_out_pairs_quality(corpus_dir):
    """The pairs labelled blind (labels/align/README.md) on their own."""
    ev = _eval_module()
    tot = dict.fromkeys(["tp", "pred", "gold", "rtp", "rpred", "rgold"], 0)
    # Rounds 1-3 only: round 4 is a blind measurement (see test_labelled_pairs_quality).
    rounds = ("held-out 1", "held-out 2", "held-out 3")
    for pair in (p for name in rounds for p in ev.HELD_OUT[name]):
        r = ev.evaluate(ev.LABELS / f"{pair}.json", corpus_dir)
        for k in tot:
            tot[k] += r[k]
    assert ev._prf(tot["tp"], tot["pred"], tot["gold"])[2] >= 0.85
    assert ev._prf(tot["rtp"], tot["rpred"], tot["rgold"])[2] >= 0.85


def test_label_quotes_resolve_to_one_unit(national):
    ev = _eval_module()
    lab = json.loads((ev.LABELS / "2018-2019.json").read_text(encoding="utf-8"))
    old = national(2018)
    assert ev.resolve(old, lab["links"][0]["old"][0], "chapter") == "2"
    with pytest.raises(ValueError, match="matches 0 units"):
        ev.resolve(old, "不存在的标题", "chapter")


def _outline_ids(outline: dict) -> set[str]:
    out: set[str] = set()

    def walk(s: dict) -> None:
        out.add(s["id"])
        for c in s["children"]:
            walk(c)

    for s in outline["sections"]:
        walk(s)
    return out


def test_json_outlines_hold_every_linked_id(national):
    al = align(national(2018), national(2019))
    d = al.to_dict()
    old_ids, new_ids = _outline_ids(d["old"]), _outline_ids(d["new"])
    assert {i for lk in d["links"] for i in lk["old"]} <= old_ids
    assert {i for lk in d["links"] for i in lk["new"]} <= new_ids
    assert {i for r in d["review_links"] for i in r["review"]} <= new_ids
    assert {i for r in d["review_links"] for i in r["plan"]} <= old_ids
    # the government topics after 2019's last chapter are units of their own
    assert any(lk.new == ("3.11",) for lk in al.links)


def test_align_accepts_paths(files):
    old, new = files
    with pytest.raises(NotAReportError, match="does not look like a government work report"):
        align(old, new)  # paths are loaded, with the usual check


_EDU = ("办好人民满意的教育，推进义务教育均衡发展，改善农村学校办学条件，扩大职业教育和高等教育"
        "招生，提高教师待遇，资助家庭经济困难学生，办好特殊教育。")
_HEALTH = ("深化医药卫生体制改革，完善城乡居民医疗保险，提高大病保险报销比例，加强基层医疗卫生机构"
           "建设，推进分级诊疗，保障药品供应，做好疾病预防控制。")
_PENSION = ("提高退休人员基本养老金，完善城乡居民养老保险制度，发展养老服务，建设社区养老设施，"
            "保障老年人权益，做好社会救助工作，兜牢民生底线。")
_FARM = ("稳定粮食产量，建设高标准农田，修建农村道路，增加农民收入，推进农业现代化，完善农产品"
         "价格和收储制度，发展乡村产业，改善农村人居环境。")


def test_link_vote_gives_a_broad_chapter_its_second_destination():
    # the old 社会事业 chapter's health paragraph moves into the new 民生 chapter, whose
    # best old match is 社会保障: no best-match edge joins them, half the paragraphs do
    assert min(map(len, (_EDU, _HEALTH, _PENSION, _FARM))) >= PARAGRAPH_MIN
    old = _plan_report(2018, ["发展社会事业。\n" + _EDU + "\n" + _HEALTH,
                              "加强社会保障。\n" + _PENSION, "发展现代农业。\n" + _FARM])
    new = _plan_report(2019, ["发展教育事业。\n" + _EDU, "改善民生。\n" + _PENSION + "\n" + _HEALTH,
                              "推进乡村振兴。\n" + _FARM])
    ids = {u.title: u.id for u in units(old) + units(new)}
    social, security = ids["发展社会事业。"], ids["加强社会保障。"]
    edu, people = ids["发展教育事业。"], ids["改善民生。"]

    def edges(al):
        return {(a, b, lk.relation) for lk in al.links for a in lk.old for b in lk.new}

    base = edges(align(old, new, link_vote=1.0))
    assert (social, edu, "same") in base and (security, people, "same") in base
    assert not any(a == social and b == people for a, b, _ in base)
    voted = edges(align(old, new))  # default link_vote=0.5
    assert voted == base | {(social, people, "moved")}
    # a share above what the paragraphs give, or a floor above the pair's score, keeps it out
    assert edges(align(old, new, link_vote=0.6)) == base
    assert edges(align(old, new, link_second=0.99)) == base
