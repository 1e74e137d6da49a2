"""Tests of reportdiff.structure: the section tree, roles, years, issuer; the outline command."""

from __future__ import annotations

import json
import pickle
import re
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff.cli import cli
from reportdiff.errors import NotAReportError, StructureWarning
from reportdiff.normalize import normalize
from reportdiff.report import Report, Section
from reportdiff.structure import parse_structure, split_sentences
from reportdiff.structure_patterns import classify

BUNDLED = Path(__file__).resolve().parents[1] / "corpus" / "hongshan-2019.txt"
NATIONAL_YEARS = list(range(2003, 2020))


def _check_tree(report: Report) -> None:
    """Ids unique, children nested in parents and in order, quotes index the source."""
    ids = [s.id for s in report.walk()]
    assert len(ids) == len(set(ids))
    n = len(report.text)

    def visit(parent: Section) -> None:
        prev_end = parent.nspan[0]
        for child in parent.children:
            assert parent.nspan[0] <= child.nspan[0] < child.nspan[1] <= parent.nspan[1]
            assert parent.span[0] <= child.span[0] <= child.span[1] <= parent.span[1]
            assert child.nspan[0] >= prev_end
            assert child.level > parent.level
            prev_end = child.nspan[1]
            visit(child)

    prev = 0
    for top in report.sections:
        assert 0 <= top.nspan[0] < top.nspan[1] <= n and top.nspan[0] >= prev
        prev = top.nspan[1]
        visit(top)
    for s in report.walk():
        if s.level == 4:  # the sentences cover the paragraph
            joined = "".join(report.section_text(c) for c in s.children)
            assert re.sub(r"\s", "", joined) == re.sub(r"\s", "", report.section_text(s))
        assert report.to_source(*s.nspan) == s.span
        assert report.quote(s.span) == report.source_text[s.span[0]:s.span[1]]
        assert s.span[1] <= len(report.source_text)


# -- the bundled district report ---------------------------------------------------------

def test_bundled_metadata(bundled):
    assert bundled.year == 2020
    assert bundled.issuer == "区人民政府"
    assert bundled.admin_level == "district"
    assert bundled.title == "2019年度政府工作报告"


def test_bundled_parts_and_chapters(bundled):
    parts = [s for s in bundled.sections if s.title]
    assert [(s.id, s.title, s.role, s.year) for s in parts] == [
        ("1", "2019年工作回顾", "review", 2019),
        ("2", "2020年工作安排", "plan", 2020),
    ]
    review, plan = parts
    assert [c.title for c in review.children if c.level == 2] == [
        "坚持稳中求进，综合经济实力明显提升",
        "坚持创新融合，大学之城建设深入推进",
        "坚持提升品质，城市建设与治理迈出坚实步伐",
        "坚持改善民生，公共服务提质增效",
        "坚持从严治政，政府自身建设全面加强",
    ]
    assert [c.title for c in plan.children if c.level == 2] == [
        "围绕高质量、可持续，在做大做强实体经济上再攻坚",
        "围绕创新引领，在加快大学之城建设上再攻坚",
        "围绕宜居宜业，在提升城市功能上再攻坚",
        "围绕以人民为中心，在增进民生福祉上再攻坚",
        "围绕提升治理能力，在加强政府自身建设上再攻坚",
    ]
    assert all(s.role == "review" and s.year == 2019 for s in review.walk())
    assert all(s.role == "plan" and s.year == 2020 for s in plan.walk())


def test_bundled_topics(bundled):
    assert bundled.section("1.1.1").title == "发展质量不断提高。"
    assert bundled.section("1.1.1").kind == "topic"
    assert bundled.section("2.1.1").title == "着力培育壮大新兴产业。"
    assert bundled.section("2.5.1").title == "坚守初心使命，积极担当作为。"
    # every chapter of the bundled report has exactly three topics
    chapters = bundled.sections_at_level(2)
    assert len(chapters) == 10
    assert [sum(c.level == 3 for c in ch.children) for ch in chapters] == [3] * 10
    # "一年来，我们重点抓了以下几个方面工作。" is a paragraph of the part, not a topic
    intro = next(s for s in bundled.section("1").children
                 if bundled.section_text(s).startswith("一年来"))
    assert intro.level == 4 and intro.title == ""


def test_bundled_opening_and_closing(bundled):
    opening, closing = bundled.sections[0], bundled.sections[-1]
    assert opening.id == "0" and opening.role == "other" and opening.year is None
    assert "我代表区人民政府" in bundled.section_text(opening)
    assert closing.role == "other" and bundled.section_text(closing).startswith("同志们")
    assert bundled.section_at(closing.nspan[0]).role == "other"


def test_bundled_paragraphs_and_sentences(bundled):
    _check_tree(bundled)
    # every body paragraph is exactly one level-4 node, except stand-alone headings
    nodes = {s.nspan for s in bundled.sections_at_level(4)}
    heading_starts = {s.nspan[0] for s in bundled.walk() if s.level <= 3 and s.title}
    pos = 0
    uncovered = []
    for line in bundled.text.split("\n"):
        span = (pos, pos + len(line))
        pos += len(line) + 1
        if line.strip() and span not in nodes:
            assert span[0] in heading_starts, line
            uncovered.append(line)
    assert len(uncovered) == 12  # 2 part headings and 10 chapter headings
    topic = bundled.section("1.1.1")
    para = topic.children[0]
    assert para.kind == "paragraph" and para.id == "1.1.1.p1"
    sentences = para.children
    assert sentences[0].kind == "sentence" and sentences[0].id == "1.1.1.p1.s1"
    assert bundled.quote(sentences[0].span) == "发展质量不断提高。"
    assert "".join(bundled.section_text(s) for s in sentences) == bundled.section_text(para)


def test_bundled_pickles(bundled):
    again = pickle.loads(pickle.dumps(bundled.sections))
    assert again == bundled.sections


# -- the national reports 2003-2019 -------------------------------------------------------

_PART_LINE = re.compile(r"^[\s\u200b]*[一二三四五六七八九十]{1,2}、", re.MULTILINE)
_CHAPTER_LINE = re.compile(r"^[\s\u200b]*[（(][一二三四五六七八九十]{1,2}[）)]", re.MULTILINE)


@pytest.mark.corpus
@pytest.mark.parametrize("year", NATIONAL_YEARS)
def test_national_roles_and_years(national, year):
    report = national(year)
    assert report.year == year
    assert report.issuer == "国务院" and report.admin_level == "national"
    reviews = report.part("review")
    plans = report.part("plan")
    assert reviews and plans
    assert all(s.year == year - 1 for s in reviews)
    assert all(s.year == year for s in plans)
    # parts: every numbered line "一、…" of the file is a part, in order
    parts = [s for s in report.sections if s.title and s.role != "other"]
    assert len(parts) == len(_PART_LINE.findall(report.source_text))
    # chapters: every "（一）" line inside the plan parts is a plan chapter
    start, end = plans[0].span[0], plans[-1].span[1]
    expected = len(_CHAPTER_LINE.findall(report.source_text[start:end]))
    parsed = [c for p in plans for c in p.children
              if c.level == 2 and report.quote(c.span).lstrip("\u200b \u3000")[:1] in "（("]
    assert len(parsed) == expected
    _check_tree(report)


@pytest.mark.corpus
@pytest.mark.parametrize("year", [2003, 2008, 2013, 2018])
def test_national_five_year_review(national, year):
    report = national(year)
    review = report.part("review")[0]
    assert "五年" in review.title
    assert review.year == year - 1


@pytest.mark.corpus
def test_national_2013(national):
    report = national(2013)
    assert [(s.title, s.role) for s in report.sections if s.title] == [
        ("过去五年工作回顾", "review"),
        ("今年经济社会发展的总体要求、主要预期目标和宏观经济政策", "plan"),
        ("对今年政府工作的建议", "plan"),
    ]
    review = report.section("1")
    assert [c.title for c in review.children if c.level == 2][:2] == [
        "有效应对国际金融危机，促进经济平稳较快发展。",
        "加快经济结构调整，提高经济发展的质量和效益。",
    ]
    assert len([c for c in report.section("3").children if c.level == 2]) == 4


@pytest.mark.corpus
def test_national_2015(national):
    report = national(2015)
    parts = [s for s in report.sections if s.title]
    assert [(s.id, s.role) for s in parts] == [
        ("1", "review"), ("2", "plan"), ("3", "plan"), ("4", "plan"), ("5", "plan"),
        ("6", "plan")]
    assert parts[2].title == "把改革开放扎实推向纵深"
    assert parts[5].title == "切实加强政府自身建设"
    # review items 一是 … 五是 are the chapters of the review
    chapters = [c for c in parts[0].children if c.level == 2]
    assert len(chapters) == 5
    assert report.quote(chapters[0].span).lstrip("\u200b \u3000").startswith("一是")
    assert chapters[0].title == "在区间调控基础上实施定向调控，保持经济稳定增长。"
    # 第一，第二，第三 open the chapters of the overall plan
    assert [c.title for c in parts[1].children if c.level == 2] == [
        "稳定和完善宏观经济政策。", "保持稳增长与调结构的平衡。", "培育和催生经济社会发展新动力。"]


@pytest.mark.corpus
def test_national_2018_dash_topics_and_first_sentence_chapters(national):
    report = national(2018)
    plan = report.part("plan")[-1]
    first = plan.children[[c.level for c in plan.children].index(2)]
    assert first.title == "深入推进供给侧结构性改革。"
    assert report.section_text(first.children[0]).startswith("（一）深入推进供给侧结构性改革。坚持")
    r2019 = national(2019)
    topics = [c for c in r2019.section("1").children if c.level == 3]
    assert topics[0].title == "经济运行保持在合理区间。"


@pytest.mark.corpus
def test_older_national_reports_do_not_crash(corpus_dir):
    import reportdiff

    for path in sorted((corpus_dir / "national").glob("19*.txt")):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", StructureWarning)
            report = reportdiff.load(path)
        _check_tree(report)


# -- synthetic texts -------------------------------------------------------------------------

_SAMPLE = ("各位代表：\n现在，我代表市人民政府，向大会报告工作。\n一、过去一年工作回顾\n"
           "去年，全市经济平稳增长。\n（一）经济运行稳中有进\n发展质量提高。产业优化。\n"
           "发展后劲增强。项目提速。\n二、今年工作安排\n（一）做强实体经济\n着力培育新兴产业。编制规划。\n"
           "加快发展功能区。完善布局。\n各位代表！\n让我们携手奋斗！")


def _parse(text: str, **kw):
    return parse_structure(normalize(text), check=False, **kw)


def test_city_report_years_from_today_and_last_year():
    with warnings.catch_warnings():
        warnings.simplefilter("error", StructureWarning)
        parsed = _parse("——2021年1月10日在市第十五届人民代表大会第五次会议上\n" + _SAMPLE)
    assert parsed.year == 2021
    assert parsed.issuer == "市人民政府" and parsed.admin_level == "city"
    assert [(s.role, s.year) for s in parsed.sections] == [
        ("other", None), ("review", 2020), ("plan", 2021), ("other", None)]


_LOCAL = """政府工作报告
——2020年1月8日在某市第十五届人民代表大会第五次会议上
各位代表：
现在，我代表市人民政府，向大会报告工作，请予审议。
一、2019年工作回顾
过去一年，全市经济运行总体平稳，地区生产总值增长7.8%。
（一）产业转型步伐加快
1．现代服务业加快发展。金融、物流业增加值分别增长9%和8%。
2．先进制造业提质增效。新增规模以上工业企业120家。
（二）城乡面貌持续改善
完成老旧小区改造100个。
二、2020年主要工作
今年经济社会发展的主要预期目标是：地区生产总值增长7%左右。
（一）着力推动高质量发展
1．加快发展现代服务业。推动金融业集聚发展。
（1）培育金融业态。引进金融机构10家。
（2）发展现代物流。建设物流园区2个。
2．做强先进制造业。实施技改项目50个。
（二）着力保障和改善民生
办好十件民生实事。
各位代表，新的一年，让我们团结奋斗！"""


def test_local_report_with_arabic_items():
    with warnings.catch_warnings():
        warnings.simplefilter("error", StructureWarning)
        parsed = _parse(_LOCAL)
    assert (parsed.year, parsed.issuer, parsed.admin_level, parsed.title) == (
        2020, "市人民政府", "city", "政府工作报告")
    review, plan = parsed.sections[1], parsed.sections[2]
    # "二、2020年主要工作" names no role keyword: after the review it is the plan
    assert (review.role, review.year, plan.role, plan.year) == ("review", 2019, "plan", 2020)
    topics = [(s.id, s.title) for s in plan.walk() if s.level == 3]
    assert topics == [("2.1.1", "加快发展现代服务业。"), ("2.1.2", "做强先进制造业。")]
    # the (1) (2) items stay paragraphs of topic 2.1.1
    assert [c.id for c in plan.children[1].children[0].children] == [
        "2.1.1.p1", "2.1.1.p2", "2.1.1.p3"]
    assert parsed.sections[-1].role == "other"


@pytest.mark.parametrize(("speaker", "issuer", "level"), [
    ("我代表省人民政府，", "省人民政府", "province"),
    ("我代表自治区人民政府，", "自治区人民政府", "province"),
    ("我代表县人民政府，", "县人民政府", "county"),
    ("我代表洪山区人民政府，", "洪山区人民政府", "district"),
    ("我代表国务院，", "国务院", "national"),
])
def test_issuer_and_level(speaker, issuer, level):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StructureWarning)
        parsed = _parse(f"各位代表：\n现在，{speaker}向大会报告工作。\n一、2019年工作回顾\n发展。")
    assert (parsed.issuer, parsed.admin_level) == (issuer, level)


def test_parsed_structure_to_dict_is_json_ready():
    parsed = _parse(_LOCAL)
    data = parsed.to_dict(max_level=2)
    assert list(data) == ["year", "issuer", "level", "title", "sections"]
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert [s["id"] for s in data["sections"][1]["children"]] == ["1.1", "1.2"]


def test_december_date_line_means_next_plan_year():
    parsed = _parse("（2019年12月25日在区人民代表大会上）\n" + _SAMPLE)
    assert parsed.year == 2020


def test_missing_plan_part_warns():
    text = "各位代表：\n一、2019年工作回顾\n发展质量提高。产业优化。"
    with pytest.warns(StructureWarning, match="no plan part found"):
        parsed = _parse(text)
    assert parsed.sections[1].role == "review"


def test_structure_warning_points_at_the_users_call(tmp_path):
    """The warning's file and line are the caller's, not report.py's or structure.py's."""
    import reportdiff

    text = "各位代表：\n一、2019年工作回顾\n发展质量提高。产业优化。"
    with pytest.warns(StructureWarning, match="no plan part found") as caught:
        Report.from_text(text, check=False)
    assert [w.filename for w in caught] == [__file__]
    path = tmp_path / "review-only.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.warns(StructureWarning, match=f"^{re.escape(str(path))}: no plan part") as caught:
        reportdiff.load(path, check=False)
    assert [w.filename for w in caught] == [__file__]


def test_no_parts_warns_and_keeps_paragraphs():
    with pytest.warns(StructureWarning, match="no numbered parts"):
        parsed = _parse("今天天气很好，我们一起去公园散步，看到了很多花，大家都很高兴，一直走到傍晚。\n"
                        "第二天下了雨，我们在家里读书，读了一整天，晚上又看了一部很长的电影。")
    assert [s.id for s in parsed.sections] == ["p1", "p2"]
    assert all(s.role == "other" for s in parsed.sections)


def test_check_rejects_non_report():
    with pytest.raises(NotAReportError, match=r"^novel\.txt: does not look like a government "
                       r"work report \(.+\); pass check=False \(CLI: --no-check\) to analyse"):
        parse_structure(normalize("It was the best of times. " * 50), path="novel.txt")


def test_classify_examples():
    assert classify("一、 过去五年工作回顾").kind == "part"
    assert classify("一、 过去五年工作回顾").title == "过去五年工作回顾"
    assert classify("第一，加快转变政府职能。这是核心。").title == "加快转变政府职能。"
    assert classify("二是扎实打好三大攻坚战，重点任务取得积极进展。制定方案。").num == 2
    assert classify("一年来，我们重点抓了以下几个方面工作。").kind == "body"
    assert classify("我们要坚持对台工作大政方针。坚持一个中国原则。").kind == "body"
    assert classify("结束语").kind == "closing"


def test_split_sentences_keeps_semicolon_lists():
    t = "一要稳增长；二要调结构。好！"
    assert [t[s:e] for s, e in split_sentences(t)] == ["一要稳增长；二要调结构。", "好！"]


_ALPHABET = st.sampled_from(list("一二三四五六七八九十、（）()是第，。！？；：—年度回顾任务安排各位代表同志们结束语"
                                 "今去过五发展12．. \n\u200b\u3000%《“"))


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(_ALPHABET, max_size=300), st.text(max_size=200)))
def test_any_text_parses(text):
    norm = normalize(text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StructureWarning)
        parsed = parse_structure(norm, check=False)
        report = Report.from_text(text, check=False) if text.strip() else None
    seen: set[str] = set()
    for top in parsed.sections:
        for s in top.walk():
            assert s.id not in seen
            seen.add(s.id)
            assert 0 <= s.nspan[0] < s.nspan[1] <= len(norm.text)
            assert 0 <= s.span[0] <= s.span[1] <= len(text)
            for c in s.children:
                assert s.nspan[0] <= c.nspan[0] and c.nspan[1] <= s.nspan[1]
                assert s.span[0] <= c.span[0] and c.span[1] <= s.span[1]
    if report is not None:
        _check_tree(report)


# -- the outline command ------------------------------------------------------------------------

def test_outline_cli_text(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    result = CliRunner().invoke(cli, ["outline", str(BUNDLED)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"{BUNDLED} · 2019年度政府工作报告 · 区人民政府 (district) · plan year 2020"
    assert lines[1:8] == [
        "",
        "0  2019年度政府工作报告 各位代表： 现在，我代表区人民政府，向大会报告…  [other]",
        "1  2019年工作回顾  [review 2019]",
        "  1.1  坚持稳中求进，综合经济实力明显提升  [review 2019]",
        "    1.1.1  发展质量不断提高。  [review 2019]",
        "    1.1.2  发展后劲不断增强。  [review 2019]",
        "    1.1.3  发展环境不断优化。  [review 2019]",
    ]
    assert "2  2020年工作安排  [plan 2020]" in lines
    assert not any("\x1b[" in line for line in lines)


def test_outline_cli_depth_one():
    result = CliRunner().invoke(cli, ["outline", str(BUNDLED), "--depth", "1"])
    assert result.output.splitlines()[2:] == [
        "0  2019年度政府工作报告 各位代表： 现在，我代表区人民政府，向大会报告…  [other]",
        "1  2019年工作回顾  [review 2019]",
        "2  2020年工作安排  [plan 2020]",
        "3  同志们，新时代要有新气象、新使命呼唤新担当。让我们紧密团结在以习近…  [other]",
    ]


def test_outline_cli_json():
    result = CliRunner().invoke(cli, ["outline", str(BUNDLED), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data) == ["source", "year", "issuer", "level", "sections"]
    assert list(data["source"]) == ["path", "sha256", "format"]
    assert (data["year"], data["issuer"], data["level"]) == (2020, "区人民政府", "district")
    first = data["sections"][1]
    assert list(first) == ["id", "level", "title", "span", "role", "year", "children"]
    levels = {s["level"] for top in data["sections"] for s in _walk_json(top)}
    assert levels == {1, 2, 3, 4}
    deep = json.loads(CliRunner().invoke(
        cli, ["outline", str(BUNDLED), "--format", "json", "--depth", "5"]).output)
    assert 5 in {s["level"] for top in deep["sections"] for s in _walk_json(top)}


def _walk_json(node):
    yield node
    for child in node["children"]:
        yield from _walk_json(child)


def test_outline_cli_errors(tmp_path):
    result = CliRunner().invoke(cli, ["outline", str(tmp_path / "missing.txt")])
    assert result.exit_code != 0
    assert result.output.startswith("reportdiff: error:")
    assert "Traceback" not in result.output
    bad = CliRunner().invoke(cli, ["outline", str(BUNDLED), "--depth", "9"])
    assert bad.exit_code == 2


# -- an unnumbered review before numbered tasks (national 2002) -------------------------

_UNNUMBERED = ("各位代表：\n现在，我代表国务院向大会作政府工作报告，请予审议。\n\n"
               "首先报告2031年的工作\n\n"
               "经济保持良好势头。国内生产总值增长7.3%。\n"
               "我们也清醒地看到，还存在不少问题。\n"
               "2032年是非常重要的一年。做好今年各项工作，意义重大。\n"
               "今年要着重做好以下两个方面工作。\n"
               "一、扩大内需\n增加居民收入。提高消费能力。\n"
               "二、推进改革\n深化国有企业改革。完善社会保障。\n")


def test_unnumbered_review_before_numbered_tasks():
    """首先报告Y年的工作 opens the review; the first 'Y+1年/今年' paragraph opens the plan."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", StructureWarning)
        parsed = _parse(_UNNUMBERED)
    got = [(s.id, s.title, s.role, s.year) for s in parsed.sections]
    assert got == [("0", "", "other", None), ("1", "首先报告2031年的工作", "review", 2031),
                   ("2", "", "plan", 2032), ("3", "扩大内需", "plan", 2032),
                   ("4", "推进改革", "plan", 2032)]
    assert parsed.year == 2032
    assert [c.id for c in parsed.sections[2].children] == ["2.p1", "2.p2"]


def test_announcement_without_review_text_is_not_a_review():
    text = _UNNUMBERED.replace("经济保持良好势头。国内生产总值增长7.3%。\n我们也清醒地看到，还存在不少问题。\n", "")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StructureWarning)
        parsed = _parse(text)
    assert "review" not in [s.role for s in parsed.sections]


def test_national_2002_review_and_plan(national):
    report = national(2002)
    roles = [(s.role, s.year) for s in report.sections]
    assert report.year == 2002
    assert roles[1] == ("review", 2001) and roles[-1] == ("other", None)
    assert {r for r in roles[2:-1]} == {("plan", 2002)}
    assert report.sections[1].title == "首先报告2001年的工作"
    assert len(report.sections) == 12  # opening, review, plan intro, 一…八, 结束语


def test_past_period_chapter_inside_a_plan_part_is_a_review():
    text = ("各位代表：\n一、2005年工作回顾\n过去一年，经济平稳较快发展，各项事业取得新进展。\n"
            "二、2006年主要任务\n（一）继续保持经济平稳较快发展。\n今年要保持经济平稳较快发展。\n"
            "三、关于“十一五”规划纲要的说明\n（一）“十五”期间经济社会发展主要情况\n"
            "五年来，国内生产总值年均增长9.5%。\n（二）“十一五”时期的主要目标\n"
            "国内生产总值年均增长7.5%。\n")
    report = Report.from_text(text, check=False)
    roles = {s.title: (s.role, s.year) for s in report.walk() if s.level == 2}
    assert roles["“十五”期间经济社会发展主要情况"] == ("review", 2005)
    assert roles["“十一五”时期的主要目标"] == ("plan", 2006)
    assert roles["继续保持经济平稳较快发展。"] == ("plan", 2006)
