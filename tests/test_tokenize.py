"""Tests of reportdiff.tokenize: domain dictionary, stopwords, backends, pickling."""

from __future__ import annotations

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
    a = _tok("jieba")._segment(text)
    b = _tok("rjieba")._segment(text)
    assert a == b


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
