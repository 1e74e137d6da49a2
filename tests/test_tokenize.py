"""Tests of reportdiff.tokenize: domain dictionary, stopwords, backends, pickling."""

from __future__ import annotations

import itertools
import math
import pickle
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff.errors import UsageError
from reportdiff.tokenize import (
    JiebaTokenizer,
    Tokenizer,
    _has_rjieba,
    default_tokenizer,
    load_stopwords,
)

needs_rjieba = pytest.mark.skipif(not _has_rjieba(), reason="rjieba not installed")


@cache
def _tok(backend: str) -> JiebaTokenizer:
    return JiebaTokenizer(backend=backend)  # type: ignore[arg-type]


@cache
def _plain() -> JiebaTokenizer:
    return JiebaTokenizer(dictionary=None, backend="jieba")


@pytest.fixture(scope="module")
def jb() -> JiebaTokenizer:
    return _tok("jieba")


def test_default_is_a_tokenizer():
    tok = default_tokenizer()
    assert isinstance(tok, Tokenizer)
    assert default_tokenizer() is tok


@pytest.mark.parametrize("word", ["地区生产总值", "一般公共预算收入", "社会消费品零售总额",
                                  "城镇调查失业率", "赤字率", "放管服"])
def test_domain_words_stay_whole(jb, word):
    plain = _plain()
    text = f"今年{word}有变化"
    assert word in jb.cut(text)
    if word != "放管服":  # stock jieba already knows 放管服
        assert word not in plain.cut(text)


def test_global_jieba_untouched(jb):
    import jieba

    before = jieba.dt.initialized
    jb.cut("一般公共预算收入增长")
    assert jieba.dt.initialized == before
    if jieba.dt.initialized:
        assert "一般公共预算收入" not in jieba.dt.FREQ


def test_terms_drop_stopwords_punctuation_numbers(jb):
    assert jb.terms("我们的地区生产总值增长6.6%，并且2018年放管服改革深化。") == [
        "地区生产总值", "增长", "放管服", "改革", "深化"]
    assert jb("减税降费。") == jb.terms("减税降费。")


def test_custom_stopwords_and_none():
    tok = JiebaTokenizer(stopwords={"改革"}, backend="jieba")
    assert tok.terms("深化放管服改革") == ["深化", "放管服"]
    assert JiebaTokenizer(stopwords=None, backend="jieba").terms("我们的改革") == [
        "我们", "的", "改革"]
    assert "的" in load_stopwords()


def test_custom_dictionary_file(tmp_path):
    d = tmp_path / "words.txt"
    d.write_text("# my words\n光谷科创大走廊 100 n\n", encoding="utf-8")
    tok = JiebaTokenizer(dictionary=d)
    assert "光谷科创大走廊" in tok.cut("建设光谷科创大走廊")
    assert tok.backend == "jieba"  # rjieba is not verified for other dictionaries


def test_cached_cut_returns_fresh_lists(jb):
    first = jb.cut("稳就业稳金融")
    first.append("x")
    assert jb.cut("稳就业稳金融") == first[:-1]


def test_pickle_roundtrip(jb):
    clone = pickle.loads(pickle.dumps(jb))
    assert clone == jb and hash(clone) == hash(jb)
    assert clone.cut("一般公共预算收入") == jb.cut("一般公共预算收入")


def test_unknown_backend():
    with pytest.raises(UsageError, match="unknown tokenizer backend 'spacy': use auto, jieba"):
        JiebaTokenizer(backend="spacy")  # type: ignore[arg-type]


@needs_rjieba
def test_auto_picks_rjieba_for_shipped_dictionary():
    assert JiebaTokenizer().backend == "rjieba"
    assert JiebaTokenizer(dictionary=None).backend == "rjieba"
    assert JiebaTokenizer(backend="jieba").backend == "jieba"


_TEXT = st.text(alphabet=st.sampled_from(list("发展经济改革地区生产总值一般公共预算收入放管服")
                                         + list("0123456789.-%abcXY，。、（）“” \n")),
                max_size=60)


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_cut_is_lossless(text):
    assert "".join(default_tokenizer().cut(text)) == text


@needs_rjieba
@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_rjieba_matches_jieba_on_generated_text(text):
    """Identical, or a different route of exactly the same probability (a DAG tie).

    jieba and jieba-rs break exact ties in the route probability differently
    ("济济济" → 济|济济 or 济济|济: both are two dictionary words of the same
    frequencies); everywhere else they must agree word for word.
    """
    jb = _tok("jieba")
    a = jb._segment(text)
    b = _tok("rjieba")._segment(text)
    if a == b:
        return
    engine = jb._get_engine()
    for chunk_a, chunk_b in _differing_chunks(a, b):
        assert all(engine.FREQ.get(w) for w in chunk_a + chunk_b), (chunk_a, chunk_b)
        assert _route_logp(engine, chunk_a) == pytest.approx(_route_logp(engine, chunk_b),
                                                             abs=1e-9), (chunk_a, chunk_b)


def _differing_chunks(a: list[str], b: list[str]) -> list[tuple[list[str], list[str]]]:
    """Pairs of token runs that cover the same text but are cut differently."""
    def bounds(tokens: list[str]) -> list[int]:
        out, pos = [0], 0
        for t in tokens:
            pos += len(t)
            out.append(pos)
        return out

    ba, bb = bounds(a), bounds(b)
    common = sorted(set(ba) & set(bb))
    chunks = []
    for lo, hi in itertools.pairwise(common):
        ca = [t for t, s in zip(a, ba) if lo <= s < hi]
        cb = [t for t, s in zip(b, bb) if lo <= s < hi]
        if ca != cb:
            chunks.append((ca, cb))
    return chunks


def _route_logp(engine, words: list[str]) -> float:  # type: ignore[no-untyped-def]
    """jieba's own route score of a segmentation: sum of log(freq) - log(total)."""
    return sum(math.log(engine.FREQ[w]) - math.log(engine.total) for w in words)


def test_tie_aware_comparison_catches_a_real_difference():
    from reportdiff.tokenize import JiebaTokenizer

    engine = JiebaTokenizer(backend="jieba")._get_engine()
    tie = _differing_chunks(["济", "济济"], ["济济", "济"])
    assert tie == [(["济", "济济"], ["济济", "济"])]
    assert _route_logp(engine, tie[0][0]) == pytest.approx(_route_logp(engine, tie[0][1]))
    other = _differing_chunks(["地区生产总值"], ["地区", "生产总值"])
    assert _route_logp(engine, other[0][0]) != pytest.approx(_route_logp(engine, other[0][1]))


@needs_rjieba
def test_rjieba_matches_jieba_on_corpus(corpus_dir):
    """The proof behind ``backend="auto"``: identical segmentation, paragraph by paragraph."""
    from reportdiff.normalize import normalize

    a, b = _tok("jieba"), _tok("rjieba")
    files = [f for f in sorted((corpus_dir / "national").glob("*.txt")) if f.stem >= "2000"]
    files.append(corpus_dir / "hongshan" / "2019.txt")
    paragraphs = differ = 0
    for f in files:
        for p in normalize(f.read_text(encoding="utf-8")).text.split("\n"):
            if p:
                paragraphs += 1
                differ += a._segment(p) != b._segment(p)
    assert paragraphs > 1500
    assert differ == 0
