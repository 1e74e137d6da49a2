"""Tests of the word/character diff engine (reportdiff.textdiff)."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff.errors import UsageError
from reportdiff.textdiff import (
    default_engine,
    op_counts,
    tokens_of,
    unchanged_share,
    word_diff,
)


class RegexTokenizer:
    """Deterministic stand-in for jieba: runs of letters/digits, CJK pairs, single others."""

    _RE = re.compile(r"[A-Za-z0-9.%]+|[\u4e00-\u9fff]{1,2}|.", re.DOTALL)

    def cut(self, text: str) -> list[str]:
        return self._RE.findall(text)


class LossyTokenizer:
    """Drops white space: must not be trusted."""

    def cut(self, text: str) -> list[str]:
        return [c for c in text if not c.isspace()]


TOK = RegexTokenizer()


def old_side(ops):
    return "".join(t for op, t in ops if op != "insert")


def new_side(ops):
    return "".join(t for op, t in ops if op != "delete")


def boundaries(tokens):
    out, pos = {0}, 0
    for t in tokens:
        pos += len(t)
        out.add(pos)
    return out


def op_boundaries(ops, side):
    out, pos = {0}, 0
    for op, t in ops:
        if op == side or op == "equal":
            pos += len(t)
            out.add(pos)
    return out


# -- basic cases ------------------------------------------------------------------


def test_identical_texts_give_one_equal_op():
    text = "坚持稳中求进工作总基调，国内生产总值增长6.6%。\n城镇新增就业1361万人。"
    assert word_diff(text, text) == (("equal", text),)
    assert word_diff(text, text, level="char") == (("equal", text),)


def test_empty_sides():
    assert word_diff("", "") == ()
    assert word_diff("", "新增内容") == (("insert", "新增内容"),)
    assert word_diff("删去内容", "") == (("delete", "删去内容"),)


def test_changed_word_is_replaced_whole():
    ops = word_diff("经济增长较快", "经济下降较快", tokenizer=TOK)
    assert ops == (("equal", "经济"), ("delete", "增长"), ("insert", "下降"), ("equal", "较快"))


def test_char_level_keeps_shared_characters():
    ops = word_diff("国内生产总值增长6.9%", "国内生产总值增长6.6%", level="char")
    assert ops == (("equal", "国内生产总值增长6."), ("delete", "9"), ("insert", "6"),
                   ("equal", "%"))


def test_word_level_does_not_split_numbers():
    ops = word_diff("国内生产总值增长6.9%", "国内生产总值增长6.6%", tokenizer=TOK)
    assert ("delete", "6.9%") in ops and ("insert", "6.6%") in ops


def test_default_tokenizer_word_boundaries():
    from reportdiff.textdiff import _fallback_tokenizer

    a = "深入推进简政放权，优化营商环境。"
    b = "持续深化放管服改革，优化营商环境。"
    ops = word_diff(a, b)
    tok = _fallback_tokenizer()
    # Every operation boundary is a word boundary of the segmentation.
    assert op_boundaries(ops, "delete") <= boundaries(tok.cut(a))
    assert op_boundaries(ops, "insert") <= boundaries(tok.cut(b))
    assert ops[-1] == ("equal", "，优化营商环境。")


def test_unchanged_lines_are_kept_whole_around_the_change():
    a = "第一段没有变化。\n经济运行稳中有变。\n第三段也没有变化。"
    b = "第一段没有变化。\n经济运行稳中有进。\n第三段也没有变化。"
    ops = word_diff(a, b, tokenizer=TOK)
    assert ops == (("equal", "第一段没有变化。\n经济运行稳中"), ("delete", "有变"),
                   ("insert", "有进"), ("equal", "。\n第三段也没有变化。"))


def test_unknown_level_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown diff level 'line': use 'word' or 'char'"):
        word_diff("甲", "乙", level="line")  # type: ignore[arg-type]


def test_unknown_engine_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown diff engine 'slow'"):
        word_diff("甲", "乙", engine="slow")  # type: ignore[arg-type]


def test_lossy_tokenizer_falls_back_to_characters():
    assert tokens_of("增长 6%", tokenizer=LossyTokenizer()) == list("增长 6%")
    ops = word_diff("增长 6%", "增长 7%", tokenizer=LossyTokenizer())
    assert old_side(ops) == "增长 6%" and new_side(ops) == "增长 7%"


def test_more_distinct_tokens_than_the_private_use_area():
    # 8000 distinct words need code points beyond the BMP private-use area.
    a = " ".join(f"w{i}" for i in range(8000))
    b = " ".join(f"w{i}" for i in range(8000) if i % 1000 != 7)
    tok = type("T", (), {"cut": staticmethod(lambda s: re.findall(r"\S+|\s", s))})()
    ops = word_diff(a, b, tokenizer=tok)
    assert old_side(ops) == a and new_side(ops) == b
    assert {t.strip() for op, t in ops if op == "delete"} == {f"w{i}" for i in range(7, 8000, 1000)}


def test_fast_and_pure_engines_agree():
    pytest.importorskip("fast_diff_match_patch")
    a = ("过去一年，经济运行稳中向好。国内生产总值增长6.9%。城镇新增就业1351万人。"
         "我们坚持深化改革，简政放权成效明显。居民消费价格上涨1.6%。")
    b = ("过去一年，经济运行保持在合理区间。国内生产总值增长6.6%。城镇新增就业1361万人。"
         "我们坚持深化改革，放管服改革成效明显。居民消费价格上涨2.1%。")
    for level in ("word", "char"):
        fast = word_diff(a, b, tokenizer=TOK, level=level, engine="fast")
        pure = word_diff(a, b, tokenizer=TOK, level=level, engine="pure")
        assert fast == pure


def test_default_engine_prefers_the_c_implementation():
    try:
        import fast_diff_match_patch  # noqa: F401
    except ImportError:
        assert default_engine() == "pure"
    else:
        assert default_engine() == "fast"


def test_counts_and_share():
    ops = (("equal", "增长\n"), ("delete", "6.9%"), ("insert", "6.6%"))
    assert op_counts(ops) == {"equal": 2, "delete": 4, "insert": 4}
    assert unchanged_share(ops) == pytest.approx(4 / 12)
    assert unchanged_share(()) == 1.0
    assert unchanged_share((("insert", "全新"),)) == 0.0


# -- properties -------------------------------------------------------------------

_ALPHABET = st.sampled_from(list("经济增长发展改革创新推进国内生产总值，。、\n0123456.%ab "))
_TEXT = st.text(_ALPHABET, max_size=80)


def _well_formed(ops):
    assert all(op in ("equal", "insert", "delete") and text for op, text in ops)
    for (op1, _), (op2, _) in itertools.pairwise(ops):
        assert op1 != op2  # neighbours of one kind are merged
        assert (op1, op2) != ("insert", "delete")  # deletions come first


@settings(max_examples=150, deadline=None)
@given(a=_TEXT, b=_TEXT, level=st.sampled_from(["word", "char"]))
def test_ops_rebuild_both_texts(a, b, level):
    ops = word_diff(a, b, tokenizer=TOK, level=level)
    assert old_side(ops) == a
    assert new_side(ops) == b
    _well_formed(ops)
    if level == "word":
        assert op_boundaries(ops, "delete") <= boundaries(TOK.cut(a)) | {len(a)}
        assert op_boundaries(ops, "insert") <= boundaries(TOK.cut(b)) | {len(b)}


@settings(max_examples=60, deadline=None)
@given(a=_TEXT, b=_TEXT)
def test_ops_rebuild_both_texts_with_default_tokenizer_and_pure_engine(a, b):
    for engine in ("pure", "auto"):
        ops = word_diff(a, b, engine=engine)  # type: ignore[arg-type]
        assert old_side(ops) == a and new_side(ops) == b
        _well_formed(ops)


@settings(max_examples=60, deadline=None)
@given(a=_TEXT, b=_TEXT)
def test_share_is_symmetric_and_bounded(a, b):
    s1 = unchanged_share(word_diff(a, b, level="char"))
    s2 = unchanged_share(word_diff(b, a, level="char"))
    assert 0.0 <= s1 <= 1.0
    assert s1 == pytest.approx(s2)
    if a == b:
        assert s1 == 1.0


def test_share_symmetric_where_semantic_cleanup_is_not() -> None:
    # found by hypothesis: dmp's cleanup gave 0.222 one way and 0.667 the other
    ab = word_diff("0010", "10100", level="char")
    ba = word_diff("10100", "0010", level="char")
    assert unchanged_share(ab) == pytest.approx(unchanged_share(ba))
    assert sorted(op for op, _ in ab) == sorted(
        {"equal": "equal", "insert": "delete", "delete": "insert"}[op] for op, _ in ba)
