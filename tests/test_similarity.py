"""Tests of reportdiff.similarity: calibration, measures, tables, CLI."""

from __future__ import annotations

import json
import pickle
import sys

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff import Report
from reportdiff.cli import cli
from reportdiff.errors import UsageError
from reportdiff.similarity import (
    MEASURES,
    TfidfModel,
    compare_texts,
    cosine_tf,
    diff_tokens,
    edit_similarity,
    jaccard,
    levenshtein,
    similarity,
    simple_similarity,
)

A = ("各位代表：\n现在，我代表国务院，向大会报告政府工作。\n一、2017年工作回顾\n"
     "一是稳定宏观经济。财政政策积极有效，货币政策稳健中性，物价总体平稳。\n"
     "二、2018年政府工作任务\n今年要做好以下工作。\n"
     "（一）稳定宏观经济运行。积极的财政政策要加力，赤字率保持稳定，稳健的货币政策要松紧适度。\n"
     "（二）发展现代农业。稳定粮食产量，建设高标准农田，修建农村道路，增加农民收入。\n"
     "各位代表，让我们团结奋斗！\n")
B = ("各位代表：\n现在，我代表国务院，向大会报告政府工作。\n一、2018年工作回顾\n"
     "一是发展现代农业。粮食产量稳定，农村道路建设加快，农民收入增长。\n"
     "二、2019年政府工作任务\n今年要做好以下工作。\n"
     "（一）加强生态环境保护。治理大气污染，减少燃煤排放，保护河流湖泊，植树造林。\n"
     "（二）稳定宏观经济运行。积极的财政政策要加力提效，赤字率适当提高，货币政策松紧适度。\n"
     "各位代表，让我们团结奋斗！\n")


@pytest.fixture(scope="module")
def reports() -> tuple[Report, Report]:
    return Report.from_text(A, check=False), Report.from_text(B, check=False)


def test_identical_is_one():
    text = "积极的财政政策要加力提效。\n稳健的货币政策要松紧适度。"
    assert compare_texts(text, text) == dict.fromkeys(MEASURES, 1.0)


def test_empty_texts():
    assert compare_texts("", "") == dict.fromkeys(MEASURES, 1.0)
    assert compare_texts("", "发展数字经济") == dict.fromkeys(MEASURES, 0.0)


def test_disjoint_word_sets_score_zero():
    s = compare_texts("发展数字经济。", "治理大气污染。")
    assert s == dict.fromkeys(MEASURES, 0.0)


def test_measures_on_word_lists():
    a, b = ["稳", "就业", "稳", "外贸"], ["稳", "外贸"]
    assert jaccard(a, b) == 0.666667
    assert simple_similarity(a, b) == 0.666667
    assert edit_similarity(a, b) == 0.5
    assert cosine_tf(a, b) == round((2 + 1) / (6 ** 0.5 * 2 ** 0.5), 6)


def _lev_reference(a: list[str], b: list[str]) -> int:
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]


_WORDS = st.lists(st.sampled_from(["改革", "开放", "发展", "创新", "就业"]), max_size=25)


@settings(max_examples=200, deadline=None)
@given(_WORDS, _WORDS)
def test_levenshtein_matches_reference(a, b):
    assert levenshtein(a, b) == _lev_reference(a, b)


@settings(max_examples=100, deadline=None)
@given(_WORDS, _WORDS)
def test_diff_tokens_accounts_for_every_word(a, b):
    ops = diff_tokens(a, b)
    assert sum(n for op, n in ops if op in "=-") == len(a)
    assert sum(n for op, n in ops if op in "=+") == len(b)


@settings(max_examples=60, deadline=None)
@given(_WORDS, _WORDS)
def test_python_fallback_finds_the_same_common_words(a, b):
    fast = sum(n for op, n in diff_tokens(a, b) if op == "=")
    saved = sys.modules.get("fast_diff_match_patch")
    sys.modules["fast_diff_match_patch"] = None  # type: ignore[assignment]
    try:
        slow = sum(n for op, n in diff_tokens(a, b) if op == "=")
    finally:
        if saved is None:
            del sys.modules["fast_diff_match_patch"]
        else:
            sys.modules["fast_diff_match_patch"] = saved
    assert fast == slow


def test_tfidf_rows_from_counts_match_the_texts():
    # counts of joined texts add up; weighing the sums gives the joined texts' rows
    paras = [p for p in (A + B).split("\n") if p]
    m = TfidfModel([A, B])
    c = m.counts(paras)
    assert abs(m.weigh(c) - m.transform(paras)).max() < 1e-12
    joined = m.weigh(c[3] + c[4] + c[5])
    direct = m.transform(["\n".join(paras[3:6])])
    assert m.cosines(joined, direct)[0, 0] == 1.0
    assert (m.cosines(m.weigh(c), m.weigh(c)) == m.matrix(paras, paras)).all()


def test_tfidf_model_without_words():
    m = TfidfModel(["，。", "！"])
    assert m.counts(["稳定就业"]).shape[0] == 1
    assert m.cosines(m.weigh(m.counts(["，"])), m.transform(["。"]))[0, 0] == 1.0


def test_unknown_measure():
    with pytest.raises(UsageError, match="unknown similarity measure 'bleu': choose from tfidf"):
        compare_texts("a", "b", measures=["bleu"])


def test_similarity_doc_level(reports):
    a, b = reports
    table = similarity([b, a])  # sorted by year
    assert table.labels == ("2018", "2019")
    assert len(table) == 1 and table.matrix == ()
    row = table.pairs[0]
    assert (row.old, row.new, row.level) == ("2018", "2019", "doc")
    assert all(0.0 < row[m] < 1.0 for m in MEASURES)
    d = table.to_dict()
    assert list(d) == ["reports", "level", "measures", "pairs", "units", "matrix"]
    json.dumps(d)
    assert pickle.loads(pickle.dumps(table)) == table
    assert "<table>" in table._repr_html_()


def test_similarity_matrix_and_pandas(reports):
    a, b = reports
    table = similarity([a, b, a], measures=["tfidf", "jaccard"])
    assert table.labels == ("2018(1)", "2018(2)", "2019")
    m = table.matrix
    assert [m[i][i] for i in range(3)] == [1.0, 1.0, 1.0]
    assert m[0][1] == 1.0 and m[0][2] == m[2][0] < 1.0
    df = table.to_pandas()
    assert list(df.columns) == ["old_source", "old_year", "new_source", "new_year",
                                "old_label", "new_label", "level", "old_ids", "new_ids",
                                "relation", "tfidf", "jaccard"]
    assert list(df["old_year"]) == [a.year, a.year] and list(df["new_year"]) == [a.year, b.year]
    assert str(df["old_year"].dtype) == "Int64"
    assert list(df["new_source"]) == [a.source.path, b.source.path]
    assert table.to_pandas(which="matrix").shape == (3, 3)


def test_similarity_chapter_level(reports):
    a, b = reports
    table = similarity([a, b], level="chapter")
    rels = {(u.old_ids, u.new_ids): u.relation for u in table.units}
    assert rels[(("2.1",), ("2.2",))] in ("same", "moved")
    assert rels[((), ("2.1",))] == "new"
    # a new or dropped chapter has no counterpart: blank scores, not 0.000
    fresh = next(u for u in table.units if u.relation in ("new", "dropped"))
    assert all(v is None for _, v in fresh.scores)
    units = table.to_pandas(which="units")
    blank = units[units["relation"].isin(["new", "dropped"])]
    assert len(blank) and blank["tfidf"].isna().all()
    assert units[~units["relation"].isin(["new", "dropped"])]["tfidf"].notna().all()
    # ... but the chapter-level mean counts them as 0 on purpose (see docs/similarity.md)
    from reportdiff.render.similarity_table import similarity_csv, similarity_text

    assert "0.000" not in [line.split()[-1] for line in similarity_text(table).splitlines()
                           if " new " in f" {line} "]
    assert any(row.endswith(",,,,,") for row in similarity_csv(table).splitlines())
    same = next(u for u in table.units if u.old_ids == ("2.1",))
    assert same["tfidf"] > 0.3
    assert 0.0 < table.pairs[0]["tfidf"] < 1.0
    ident = similarity([a, a], level="chapter")
    assert ident.pairs[0].scores == tuple((m, 1.0) for m in MEASURES)


def test_similarity_errors(reports):
    with pytest.raises(UsageError, match="at least two reports"):
        similarity(reports[:1])
    with pytest.raises(UsageError, match="unknown level 'page': use doc, chapter or topic"):
        similarity(reports, level="page")  # type: ignore[arg-type]


@pytest.fixture()
def files(tmp_path):
    pa, pb = tmp_path / "a.txt", tmp_path / "b.txt"
    pa.write_text(A, encoding="utf-8")
    pb.write_text(B, encoding="utf-8")
    return str(pa), str(pb)


def test_cli_similarity_table(files):
    res = CliRunner().invoke(cli, ["similarity", *files, "--no-check", "--measure", "jaccard",
                                   "--measure", "tfidf"])
    assert res.exit_code == 0, res.output
    s = similarity([Report.from_text(A, check=False), Report.from_text(B, check=False)],
                   measures=["tfidf", "jaccard"])
    p = s.pairs[0]
    assert res.output == ("similarity (doc level)\n"
                          "old   new   tfidf  jaccard\n"
                          f"2018  2019  {p['tfidf']:.3f}    {p['jaccard']:.3f}\n")


def test_cli_similarity_csv_json(files):
    res = CliRunner().invoke(cli, ["similarity", *files, "--no-check", "--format", "csv",
                                   "--level", "chapter"])
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert lines[0] == "old,new,level,old_ids,new_ids,relation,tfidf,cosine,jaccard,edit,simple"
    assert lines[1].startswith("2018,2019,chapter,,,,")
    res = CliRunner().invoke(cli, ["similarity", *files, "--no-check", "--format", "json"])
    assert json.loads(res.output)["pairs"][0]["old"] == "2018"


def test_cli_similarity_needs_two_files(files):
    res = CliRunner().invoke(cli, ["similarity", files[0]])
    assert res.exit_code == 2
    assert res.output == ("reportdiff: error: similarity needs at least two files: "
                          "reportdiff similarity OLD NEW\n")


def test_no_measure_saturates_on_long_unrelated_reports(national):
    """Reports 60 years apart stay far from 1.0; consecutive reports score higher."""
    old, mid, new = national(1956), national(2018), national(2019)
    far = similarity([old, new], measures=MEASURES).pairs[0]
    near = similarity([mid, new], measures=MEASURES).pairs[0]
    assert far["simple"] < 0.1 and far["edit"] < 0.1 and far["jaccard"] < 0.3
    assert far["tfidf"] < 0.4 and far["cosine"] < 0.6
    for m in MEASURES:
        assert near[m] > far[m], m


class _CharTokenizer:
    """A tokenizer with only ``cut``: every character is a word."""

    def cut(self, text: str) -> list[str]:
        return list(text)


def test_tokenizer_with_only_cut():
    s = compare_texts("稳就业", "稳外贸", tokenizer=_CharTokenizer())  # type: ignore[arg-type]
    assert s["jaccard"] == 0.2 and s["edit"] == round(1 / 3, 6)
