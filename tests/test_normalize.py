"""Normalisation keeps a map back to the source: every span maps to a findable quote."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff.normalize import normalize


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("GDP增长６．５％", "GDP增长6.5%"),
        ("政府工作报\n告", "政府工作报告"),
        ("“\n十三五\n”实现了良好开局。", "“十三五”实现了良好开局。"),
        ("达到74.4\n\u200b\n万亿元", "达到74.4万亿元"),
        ("一、2018年工作回顾\n\n\n过去一年", "一、2018年工作回顾\n过去一年"),
        ("增强。\n国民生产总值", "增强。\n国民生产总值"),
        ("  各位代表:\n\n  现在,我代表", "各位代表：\n现在，我代表"),
        ("(一)坚持稳中求进", "（一）坚持稳中求进"),
        ("收入1,234亿元", "收入1,234亿元"),
        ("1 9 9 7 年", "1997年"),
        ("a\u200bb\u200c", "ab"),
        ("地区生产总值达到34\n\n0亿元。", "地区生产总值达到340亿元。"),
        ("达到74.4\n\n万亿元", "达到74.4万亿元"),
        ("附件2\n\n各位代表：", "附件2\n各位代表："),
    ],
)
def test_normalize_forms(source: str, expected: str) -> None:
    assert normalize(source).text == expected


def test_map_back_to_source() -> None:
    src = "  国内生产总值达到74.4\n\u200b\n万亿元，增长６.７％。"
    n = normalize(src)
    i = n.text.index("74.4万亿元")
    s, e = n.to_source(i, i + len("74.4万亿元"))
    assert src[s:e] == "74.4\n\u200b\n万亿元"
    j = n.text.index("6.7%")
    s, e = n.to_source(j, j + 4)
    assert src[s:e] == "６.７％"
    assert n.to_norm(s, e) == (j, j + 4)


def test_exclude_spans_are_dropped() -> None:
    src = "发布时间:2019-12-25\n正文第一段。\n版权所有"
    start = src.index("正文")
    n = normalize(src, exclude=[(0, start), (src.index("版权"), len(src))])
    assert n.text == "正文第一段。"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_maps_into_source(src: str) -> None:
    n = normalize(src)
    assert len(n.index) == len(n.text) + 1
    assert all(0 <= i <= len(src) for i in n.index)
    assert list(n.index[:-1]) == sorted(n.index[:-1])
    for a in range(0, len(n.text), 7):
        b = min(len(n.text), a + 5)
        s, e = n.to_source(a, b)
        assert 0 <= s <= e <= len(src)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("政府工作报告\n——2020年1月8日在区人代会上\n各位代表：",
         "政府工作报告\n——2020年1月8日在区人代会上\n各位代表："),
        ("——\n改革开放\n深入推进。", "——改革开放深入推进。"),
    ],
)
def test_line_openers_keep_their_line(source: str, expected: str) -> None:
    assert normalize(source).text == expected
