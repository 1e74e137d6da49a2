"""Site-chrome detection: synthetic pages and the real corpus (body text must stay untouched)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from conftest import BUNDLED
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff.load.boilerplate import chrome_spans
from reportdiff.normalize import normalize

BODY = ("各位代表：\n"
        "现在，我代表区人民政府，向大会报告工作，请予审议，并请各位政协委员和其他列席人员提出意见。\n"
        "一、2019年工作回顾\n"
        "2019年，地区生产总值增长8%，地方一般公共预算收入达到107亿元，同口径增长10.5%，"
        "固定资产投资增长11%。\n"
        "同志们，新时代要有新气象、新使命呼唤新担当，让我们团结一心，为加快建设国内一流的大学之城而努力奋斗！\n")


def _removed(text: str) -> list[str]:
    return [line for s, e in chrome_spans(text) for line in text[s:e].splitlines()
            if line.strip()]


def _kept(text: str) -> str:
    return normalize(text, exclude=chrome_spans(text)).text


def test_plain_report_has_no_chrome() -> None:
    assert chrome_spans(BODY) == []
    assert chrome_spans("") == []


def test_publication_line_and_breadcrumbs_go_title_stays() -> None:
    text = ("首页 | 政务公开 | 政府信息公开 | 互动交流\n"
            "当前位置：首页 > 政务公开 > 规划计划\n"
            "2019年度政府工作报告\n\n"
            "发布时间:2019-12-25 信息来源:洪山区政府办公室 字体: [ ]\n"
            "索引号：011043567/2019-00321  浏览次数：1024\n\n" + BODY)
    assert _removed(text) == [
        "首页 | 政务公开 | 政府信息公开 | 互动交流",
        "当前位置：首页 > 政务公开 > 规划计划",
        "发布时间:2019-12-25 信息来源:洪山区政府办公室 字体: [ ]",
        "索引号：011043567/2019-00321  浏览次数：1024",
    ]
    assert _kept(text).startswith("2019年度政府工作报告\n各位代表：")


def test_footer_lines_and_attachment_stub_go() -> None:
    footer = ["附件:", "站点地图 智能问答", "扫一扫在手机打开当前页",
              "版权所有：某某市人民政府 | 京ICP备05009168号 | 京公网安备 11010502000001号",
              "网站标识码：1100000001", "主办单位：某某市人民政府办公厅 承办单位：某某市大数据中心",
              "联系地址：某某市中山路1号 邮编：100000", "网站技术支持：010-12345678"]
    text = BODY + "\n" + "\n".join(footer) + "\n"
    assert _removed(text) == footer
    assert _kept(text) == normalize(BODY).text


def test_short_lines_below_the_body_stay_without_a_footer_above() -> None:
    text = BODY + "\n某某区人民政府\n2019年12月25日\n"
    assert chrome_spans(text) == []
    # ... and go when they sit below a footer line
    text = BODY + "\n版权所有：某某区人民政府\n扫码关注\n"
    assert _removed(text) == ["版权所有：某某区人民政府", "扫码关注"]


def test_last_paragraph_is_never_chrome_even_with_footer_words() -> None:
    text = BODY + ("全面推行“一网通办”，公布政务服务联系电话和网站地图，确保群众办事“最多跑一次”，"
                   "让企业和群众有更多获得感。\n")
    assert chrome_spans(text) == []


def test_attachment_with_content_stays() -> None:
    text = BODY + "附件：2019年主要经济指标完成情况表\n"
    assert chrome_spans(text) == []


def test_wikisource_and_creative_commons_licences() -> None:
    wikisource = ("\n\n\n本作品是中华人民共和国的\n法律\n、\n法规\n"
                  "，国家机关的决议、决定、命令和其他具有"
                  "立法、行政、司法性质的文件，及其官方正式译文。根据《\n中华人民共和国著作权法\n》第五条"
                  "第一项，本作品不适用于该法，在\n中国大陆\n，也可能在其他管辖区，属于\n公有领域\n。\n\n"
                  "Public domain\nPublic domain\nfalse\nfalse\n")
    body = BODY * 4
    text = body + wikisource
    (span,) = chrome_spans(text)
    assert text[span[0]:].lstrip("\n").startswith("本作品是")
    assert span[1] == len(text)
    assert _kept(text) == normalize(body).text
    cc = body + "本作品在知识共享 署名-相同方式共享 4.0 协议之条款下提供。\n"
    assert _removed(cc) == ["本作品在知识共享 署名-相同方式共享 4.0 协议之条款下提供。"]


def test_licence_words_inside_the_body_are_not_a_licence() -> None:
    # "本作品" opening a body paragraph far from the end is not a footer
    text = ("本作品集收录了各区县的政府工作报告，反映了公有领域的发展。\n" + BODY) * 3
    assert chrome_spans(text) == []


def test_page_numbers() -> None:
    text = BODY.replace("一、2019年工作回顾\n",
                        "一、2019年工作回顾\n- 2 -\n— 3 —\n第 4 页 共 9 页\n")
    assert _removed(text) == ["- 2 -", "— 3 —", "第 4 页 共 9 页"]
    assert _kept(text) == normalize(BODY).text


def test_spans_are_sorted_disjoint_whole_lines() -> None:
    text = ("首页 | 政务公开 | 互动交流\n发布时间:2019-12-25\n" + BODY + "- 2 -\n" + BODY
            + "附件:\n版权所有：某区政府\n")
    spans = chrome_spans(text)
    for (_, e1), (s2, _) in zip(spans, spans[1:], strict=False):
        assert e1 < s2
    for s, e in spans:
        assert s == 0 or text[s - 1] == "\n"
        assert e == len(text) or text[e - 1] == "\n"


# -- the real corpus -------------------------------------------------------------

#: Words of which every dropped paragraph of the corpus must hold one.
CHROME_WORDS = ("本作品", "维基文库", "Public domain", "false", "发布时间", "版权所有",
                "ICP", "主办单位", "附件", "站点地图", "技术支持")


def _dropped_and_added(text: str) -> tuple[list[str], list[str]]:
    every = Counter(p for p in normalize(text).text.split("\n") if p)
    kept = Counter(p for p in normalize(text, exclude=chrome_spans(text)).text.split("\n") if p)
    return sorted((every - kept).elements()), sorted((kept - every).elements())


def test_bundled_report_chrome_exactly() -> None:
    text = BUNDLED.read_text(encoding="utf-8")
    assert _removed(text) == [
        "发布时间:2019-12-25 信息来源:洪山区政府办公室 字体: [ ]",
        "附件:",
        "站点地图智能问答",
        "版权所有:武汉市洪山区人民政府 | 鄂ICP备05009168 鄂公网安备 42011102000076号 | "
        "政府网站标识码:4201110038",
        "主办单位:武汉市洪山区政府办公室 | 承办单位:洪山区大数据中心 | "
        "联系地址:武汉市洪山区珞狮路300号 | 邮编:430070",
        "政府各机构联系电话 | 网站技术支持:027-87678380 | 网站运维邮箱:htfw@hongshan.gov.cn",
    ]
    dropped, added = _dropped_and_added(text)
    assert added == []
    assert all(any(w in p for w in CHROME_WORDS) for p in dropped), dropped


def test_national_corpus_keeps_every_body_paragraph(corpus_dir: Path) -> None:
    files = sorted((corpus_dir / "national").glob("*.txt"))
    assert len(files) >= 40
    for path in files:
        text = path.read_text(encoding="utf-8")
        dropped, added = _dropped_and_added(text)
        assert added == [], path.name
        assert dropped, f"{path.name}: the licence footer was not found"
        assert all(any(w in p for w in CHROME_WORDS) for p in dropped), (path.name, dropped)
        kept = normalize(text, exclude=chrome_spans(text)).text
        assert "公有领域" not in kept and "Public domain" not in kept, path.name


@pytest.mark.parametrize("year", [2003, 2010, 2019])
def test_loaded_national_report_has_no_licence(national, year: int) -> None:
    report = national(year)
    assert "本作品" not in report.text and "false" not in report.text
    assert report.source_text.rstrip().endswith("false")  # the source keeps it


_LINES = st.lists(st.sampled_from([
    "", "   ", "各位代表：", "一、2019年工作回顾", "首页 | 政务公开 | 互动交流", "附件:",
    "发布时间:2019-12-25 信息来源:区政府办", "版权所有：某区人民政府", "- 3 -", "Public domain",
    "false", "本作品是中华人民共和国的", "公有领域", "某区人民政府", "2019年12月",
    "地区生产总值增长8%，地方一般公共预算收入达到107亿元，同口径增长10.5%，固定资产投资增长11%，"
    "社会消费品零售总额增长9.2%。",
]), max_size=30)


@settings(max_examples=200, deadline=None)
@given(lines=_LINES, crlf=st.booleans())
def test_spans_are_whole_lines_and_never_hold_a_body_sentence(lines: list[str],
                                                              crlf: bool) -> None:
    text = ("\r\n" if crlf else "\n").join(lines)
    spans = chrome_spans(text)
    for (_, e1), (s2, _) in zip(spans, spans[1:], strict=False):
        assert e1 < s2
    for s, e in spans:
        assert 0 <= s < e <= len(text)
        assert s == 0 or text[s - 1] == "\n"
        assert e == len(text) or text[e - 1] == "\n"
        removed = text[s:e]
        # a body sentence is only ever removed inside a licence block at the end
        if "固定资产投资" in removed:
            assert e == len(text) and "本作品是" in text[:e]


def test_public_domain_line_above_body_prose_is_not_a_licence_footer() -> None:
    # found by hypothesis: a stray "Public domain" line followed by report prose
    body = "地区生产总值增长8%，地方一般公共预算收入达到107亿元，同口径增长10.5%，固定资产投资增长11%，社会消费品零售总额增长9.2%。"
    text = "\n".join(["各位代表：", body, "Public domain", body])
    for s, e in chrome_spans(text):
        assert "固定资产投资" not in text[s:e]
