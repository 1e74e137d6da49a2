"""Normalise a report's text for analysis while keeping a map back to the source.

Every later stage (structure, figures, promises, alignment) works on the
normalised text, where zero-width characters are gone, full-width digits and
``％`` are ASCII, half-width Chinese punctuation is full-width, lines broken in
the middle of a sentence (``政府工作报\\n告``) are joined and paragraphs are
separated by exactly one ``\\n``.  :class:`Normalized` keeps, for every
character of the normalised text, the index of the source character it came
from, so any span found in the normalised text maps back to ``source_text``
and ``source_text[start:end]`` is always the quote a user can find in the
original.

>>> n = normalize("GDP增长６．５％，\\n政府工作报\\n告。")
>>> n.text
'GDP增长6.5%，政府工作报告。'
>>> n.to_source(5, 9)
(5, 9)
>>> n.source_span_text(n.text.index("报告"), n.text.index("报告") + 2)
'报\\n告'
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass

__all__ = ["Normalized", "normalize", "HEADING_START"]

_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\r"
_TERMINAL = "。！？；：!?;:…"
_CLOSERS = "”’」』》）)】"

#: A line that starts like a heading ends a paragraph even without punctuation.
HEADING_START = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|第[一二三四五六七八九十]{1,3}[部分章节条]|\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[）)])"
)

_FULLWIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}  # digits
_FULLWIDTH.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})  # A-Z
_FULLWIDTH.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})  # a-z
_FULLWIDTH.update({"％": "%", "\u3000": " ", "\xa0": " ", "﹪": "%", "＋": "+", "－": "-",
                   "～": "~", "．": "."})
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}


def _is_cjk(ch: str) -> bool:
    return bool(ch) and ("\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"
                         or "\u2014" <= ch <= "\u201d")


@dataclass(frozen=True, eq=False)
class Normalized:
    """Normalised text with a character-level map back to the source.

    Attributes
    ----------
    text : str
        The normalised text.
    index : array
        ``index[i]`` is the position in the source of ``text[i]``; one extra
        entry holds the end of the source body.
    source : str
        The source text the map points into.
    """

    text: str
    index: array
    source: str

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text to a span of the source text."""
        n = len(self.text)
        start = max(0, min(start, n))
        end = max(start, min(end, n))
        if end == start:
            pos = self.index[start]
            return pos, pos
        return self.index[start], self.index[end - 1] + 1

    def to_norm(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the source text to the smallest covering normalised span."""
        idx = self.index
        n = len(self.text)
        s = bisect_left(idx, start, 0, n)
        e = bisect_right(idx, end - 1, 0, n) if end > start else s
        return s, max(s, e)

    def source_span_text(self, start: int, end: int) -> str:
        """The source quote of a normalised span."""
        s, e = self.to_source(start, end)
        return self.source[s:e]


class _Builder:
    """A text with a per-character source index, rewritten by regex passes."""

    def __init__(self, text: str, index: list[int]):
        self.text = text
        self.index = index

    def sub(self, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str]) -> None:
        out: list[str] = []
        idx: list[int] = []
        pos = 0
        text, index = self.text, self.index
        for m in pattern.finditer(text):
            s, e = m.span()
            out.append(text[pos:s])
            idx.extend(index[pos:s])
            r = repl(m)
            if r == m.group(0):
                out.append(r)
                idx.extend(index[s:e])
            else:
                out.append(r)
                last = max(s, e - 1)
                idx.extend(index[min(s + k, last)] for k in range(len(r)))
            pos = e
        out.append(text[pos:])
        idx.extend(index[pos:])
        self.text = "".join(out)
        self.index = idx


_RE_ZW = re.compile(f"[{_ZERO_WIDTH}]+")
_RE_FW = re.compile("[" + "".join(re.escape(c) for c in _FULLWIDTH) + "]")
_WS = " \t\u3000\xa0" + _ZERO_WIDTH
_RE_BREAK = re.compile(f"[{_WS}]*\n[{_WS}\n]*")
#: Lines that open a new line of their own: a dash line ("——2020年1月8日在…",
#: "——经济运行…") or an address to the audience.
_RE_LINE_OPENER = re.compile(r"——|各位代表|同志们|各位委员")
_RE_BLANK_LINE = re.compile("\n[ \t\u3000\xa0\r]*\n")
_RE_INLINE_WS = re.compile(r"[ \t\u3000\xa0]+")
_RE_HALF = re.compile(r"[,;:()!?]")
_RE_COMPAT = re.compile(r"[\u2474-\u249b\u2460-\u2473\u3220-\u3229\u2160-\u216b]")


def normalize(source: str, *, exclude: Iterable[tuple[int, int]] = ()) -> Normalized:
    """Normalise ``source`` for analysis, dropping the ``exclude`` spans (site chrome).

    Parameters
    ----------
    source : str
        The decoded source text.
    exclude : iterable of (start, end)
        Spans of ``source`` that are not part of the report body.

    Returns
    -------
    Normalized
    """
    keep = [True] * len(source)
    for s, e in exclude:
        for i in range(max(0, s), min(len(source), e)):
            keep[i] = False
    b = _Builder("".join(c for c, k in zip(source, keep) if k),
                 [i for i, k in enumerate(keep) if k])

    def _break(m: re.Match[str]) -> str:
        text = b.text
        s, e = m.span()
        line_start = text.rfind("\n", 0, s) + 1
        prev_line = text[line_start:s].strip(_WS)
        after = text[e:e + 1]
        if not text[:s].strip(_WS + "\n") or not after:
            return ""
        if _RE_BLANK_LINE.search(m.group(0)):
            # A truly empty line (zero-width characters do not count: the
            # Wikisource transcriptions put them on lines of their own in the
            # middle of sentences) is a paragraph break unless the sentence
            # visibly goes on ("《\n\n书名" or "74.4\n\n万亿元" after "达到").
            if prev_line[-1:] in _TERMINAL + _CLOSERS or HEADING_START.match(prev_line):
                return "\n"
            return "" if _continues(prev_line, text[e:]) else "\n"
        if prev_line[-1:] in _TERMINAL or HEADING_START.match(text[e:e + 8]):
            return "\n"
        if _RE_LINE_OPENER.match(text, e) and prev_line not in ("—", "——"):
            return "\n"
        if HEADING_START.match(prev_line) or (prev_line[-1:] in _CLOSERS and len(prev_line) > 1
                                              and prev_line[-2:-1] in _TERMINAL):
            return "\n"
        return ""

    b.sub(_RE_BREAK, _break)
    b.sub(_RE_ZW, lambda m: "")
    b.sub(_RE_FW, lambda m: _FULLWIDTH[m.group(0)])

    def _ws(m: re.Match[str]) -> str:
        text = b.text
        s, e = m.span()
        left = text[s - 1:s]
        right = text[e:e + 1]
        if not left or left == "\n" or not right or right == "\n":
            return ""
        if left.isascii() and right.isascii() and not (left.isdigit() and right.isdigit()):
            return " "
        return ""

    b.sub(_RE_INLINE_WS, _ws)

    def _half(m: re.Match[str]) -> str:
        text = b.text
        s = m.start()
        c = m.group(0)
        left = text[s - 1:s]
        right = text[s + 1:s + 2]
        if c in ",:" and left.isdigit() and right.isdigit():
            return c
        if c in "()":
            return _HALF_TO_FULL[c] if (_is_cjk(left) or _is_cjk(right) or
                                         _is_cjk(text[s + 2:s + 3])) else c
        return _HALF_TO_FULL[c] if (_is_cjk(left) or _is_cjk(right)) else c

    b.sub(_RE_HALF, _half)
    b.sub(_RE_COMPAT, lambda m: unicodedata.normalize("NFKC", m.group(0)))
    index_arr = array("q", b.index)
    index_arr.append(b.index[-1] + 1 if b.index else 0)
    return Normalized(text=b.text, index=index_arr, source=source)


def _continues(prev_line: str, rest: str) -> bool:
    """Does the text after a blank-line run continue ``prev_line``'s sentence?"""
    nxt = rest[:1]
    if not nxt:
        return False
    if prev_line[-1:] in "“《「（(—、，," or nxt in "”》」）)，,、。；：！？%":
        return True
    # a number never ends a paragraph: "达到34\n\n0亿元", "增长6.\n\n5%" (hard-wrapped pages)
    if prev_line[-1:].isdigit() or prev_line[-1:] == ".":
        return nxt.isdigit() or nxt in ".万亿元千百个%"
    return False
