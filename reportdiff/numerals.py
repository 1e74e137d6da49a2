"""Parse the numbers written in Chinese reports: Arabic, Chinese and mixed forms.

Every function here converts one numeral that a caller has already found;
nothing in this module scans running text (``一带一路`` must never become 1).

>>> parse_number("1,361")
1361.0
>>> parse_number("三百二十")
320.0
>>> parse_number("两万")
20000.0
>>> parse_number("六点五")
6.5
>>> split_magnitude("1.3万亿")
(1.3, '万亿')
>>> parse_percent_words("百分之六点五")
6.5
"""

from __future__ import annotations

import re

__all__ = [
    "CN_DIGITS",
    "MAGNITUDES",
    "parse_chinese",
    "parse_fraction",
    "parse_number",
    "parse_percent_words",
    "split_magnitude",
]

#: Value of each Chinese digit character.
CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}

#: Magnitude words written after a number (``3.2万``, ``1.3万亿``), longest first.
MAGNITUDES: dict[str, float] = {
    "万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "亿": 1e8,
    "千万": 1e7, "百万": 1e6, "十万": 1e5, "万": 1e4,
}

_ARABIC = re.compile(r"^\d+(?:,\d{3})*(?:\.\d+)?$")


def parse_chinese(s: str) -> float | None:
    """Value of a Chinese numeral (``三百二十``, ``两万``, ``千亿``, ``六点五``, ``二〇一九``).

    Returns ``None`` when ``s`` is not a well-formed Chinese numeral.

    >>> parse_chinese("十三")
    13.0
    >>> parse_chinese("千亿")
    100000000000.0
    >>> parse_chinese("二〇一九")
    2019.0
    >>> parse_chinese("一带") is None
    True
    """
    if not s:
        return None
    if "点" in s:
        whole, _, frac = s.partition("点")
        w = parse_chinese(whole) if whole else 0.0
        if w is None or not frac or any(c not in CN_DIGITS for c in frac):
            return None
        return float(f"{int(w)}." + "".join(str(CN_DIGITS[c]) for c in frac))
    if all(c in CN_DIGITS for c in s):
        if len(s) == 1:
            return float(CN_DIGITS[s])
        return float("".join(str(CN_DIGITS[c]) for c in s))  # digit by digit: 二〇一九
    total = 0.0  # completed 亿 groups
    section = 0.0  # completed 万 groups inside the current 亿 group
    current = 0.0  # below 万
    digit: float | None = None
    for c in s:
        if c in CN_DIGITS:
            digit = float(CN_DIGITS[c])
        elif c in _SMALL_UNITS:
            current += (1.0 if digit is None else digit) * _SMALL_UNITS[c]
            digit = None
        elif c == "万":
            section += (current + (digit or 0.0)) or 1.0
            section *= 10_000
            current, digit = 0.0, None
        elif c == "亿":
            total += ((section + current + (digit or 0.0)) or 1.0) * 1e8
            section = current = 0.0
            digit = None
        else:
            return None
    return total + section + current + (digit or 0.0)


def parse_number(s: str) -> float | None:
    """Value of an Arabic (``1,361``, ``6.5``), Chinese or mixed (``3.2万``) numeral.

    >>> parse_number("3.2万")
    32000.0
    >>> parse_number("abc") is None
    True
    """
    s = s.strip()
    if not s:
        return None
    if _ARABIC.match(s):
        return float(s.replace(",", ""))
    value, mag = split_magnitude(s)
    if value is None:
        return None
    return value * MAGNITUDES[mag] if mag else value


def split_magnitude(s: str) -> tuple[float | None, str]:
    """Split a trailing magnitude (万, 亿, 万亿 …) off a numeral: ``("1.3万亿") -> (1.3, "万亿")``.

    A numeral made only of a magnitude keeps it in the value
    (``千亿`` is ``(1000.0, "亿")``).

    >>> split_magnitude("620")
    (620.0, '')
    >>> split_magnitude("两万")
    (2.0, '万')
    >>> split_magnitude("千亿")
    (1000.0, '亿')
    """
    for mag in MAGNITUDES:
        if s.endswith(mag) and len(s) > len(mag):
            head = s[: -len(mag)]
            if mag[0] in "十百千" and not _ARABIC.match(head):
                continue  # 一千二百万: 百 belongs to the Chinese numeral, the magnitude is 万
            v = _plain(head)
            if v is not None:
                return v, mag
    for mag in ("亿", "万"):  # 千亿, 百亿, 十万: a bare small unit before the magnitude
        if s.endswith(mag) and len(s) > 1:
            v = _plain(s[:-1])
            if v is not None:
                return v, mag
    return _plain(s), ""


def _plain(s: str) -> float | None:
    if _ARABIC.match(s):
        return float(s.replace(",", ""))
    if s and s[-1] in "万亿" and s[:-1] and _ARABIC.match(s[:-1]):
        return None
    return parse_chinese(s)


_PCT_WORDS = re.compile(r"^百分之([零〇一二两三四五六七八九十百点]+|\d+(?:\.\d+)?)$")


def parse_percent_words(s: str) -> float | None:
    """Value in percent of ``百分之六点五`` (6.5); ``None`` if ``s`` is not that form."""
    m = _PCT_WORDS.match(s)
    if not m:
        return None
    return parse_number(m.group(1))


_FRACTION = re.compile(r"^([零〇一二两三四五六七八九十百\d]+)分之"
                       r"([零〇一二两三四五六七八九十\d]+)$")


def parse_fraction(s: str) -> float | None:
    """Value of a fraction written ``三分之一`` (0.333…); ``None`` for other forms.

    >>> round(parse_fraction("三分之一"), 4)
    0.3333
    """
    m = _FRACTION.match(s)
    if not m:
        return None
    den = parse_number(m.group(1))
    num = parse_number(m.group(2))
    if not den or num is None:
        return None
    return num / den
