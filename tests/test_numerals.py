"""Tests of reportdiff.numerals: one numeral at a time, never running text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportdiff.numerals import (
    parse_chinese,
    parse_fraction,
    parse_number,
    parse_percent_words,
    split_magnitude,
)


@pytest.mark.parametrize("text, value", [
    ("1361", 1361.0),
    ("1,361", 1361.0),
    ("12,345,678.5", 12345678.5),
    ("6.5", 6.5),
    ("三百二十", 320.0),
    ("两万", 20000.0),
    ("十三", 13.0),
    ("一千二百万", 12_000_000.0),
    ("千亿", 1e11),
    ("百亿", 1e10),
    ("六点五", 6.5),
    ("3.2万", 32000.0),
    ("1.3万亿", 1.3e12),
    ("二〇一九", 2019.0),
    ("零", 0.0),
])
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "abc", "一带", "万众", "6.5.1"])
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize("text, expected", [
    ("1.97万", (1.97, "万")),
    ("1.3万亿", (1.3, "万亿")),
    ("620", (620.0, "")),
    ("两万", (2.0, "万")),
    ("千亿", (1000.0, "亿")),
    ("百亿", (100.0, "亿")),
])
def test_split_magnitude(text: str, expected: tuple[float, str]) -> None:
    assert split_magnitude(text) == expected


@pytest.mark.parametrize("text, value", [("百分之六点五", 6.5), ("百分之十", 10.0),
                                         ("百分之5", 5.0)])
def test_percent_words(text: str, value: float) -> None:
    assert parse_percent_words(text) == value


def test_percent_words_rejects_other_forms() -> None:
    assert parse_percent_words("六点五") is None


@pytest.mark.parametrize("text, value", [("三分之一", 1 / 3), ("三分之二", 2 / 3),
                                         ("十分之一", 0.1)])
def test_fraction(text: str, value: float) -> None:
    assert parse_fraction(text) == pytest.approx(value)


@given(st.integers(min_value=0, max_value=10**12))
def test_arabic_round_trip(n: int) -> None:
    assert parse_number(str(n)) == float(n)
    assert parse_number(f"{n:,}") == float(n)


_CN = "零〇一二两三四五六七八九十百千万亿点"


@given(st.text(alphabet=_CN, max_size=12))
def test_chinese_never_raises(s: str) -> None:
    v = parse_chinese(s)
    assert v is None or v >= 0


def _to_chinese(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n == 0:
        return "零"
    out = ""
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, unit_value)
        if d:
            out += digits[d] + unit
        elif out and n and not out.endswith("零"):
            out += "零"
    return out


@given(st.integers(min_value=1, max_value=9999))
def test_chinese_round_trip(n: int) -> None:
    assert parse_chinese(_to_chinese(n)) == float(n)
