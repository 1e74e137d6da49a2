"""Cutting texts into marked pieces: nothing lost, nothing doubled, anchors kept."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reportdiff.render.markdown import md_escape
from reportdiff.render.marks import Mark, annotate, mark_figures, merge_ops, moved_texts, segments

TEXT = st.text(alphabet="增长6.5%亿元人，。\n<>&|*ab", max_size=60)


@st.composite
def text_and_marks(draw):  # type: ignore[no-untyped-def]
    text = draw(TEXT)
    n = len(text)
    marks = []
    for i in range(draw(st.integers(0, 6))):
        a = draw(st.integers(0, n))
        b = draw(st.integers(0, n))
        kind = draw(st.sampled_from(["promise", "evidence", "figure", "anchor"]))
        marks.append(Mark(min(a, b), max(a, b), kind, f"m{i}"))
    return text, marks


@given(text_and_marks())
def test_annotate_keeps_every_character_and_anchor(case) -> None:  # type: ignore[no-untyped-def]
    text, marks = case
    runs = annotate(text, marks)
    assert "".join(r.text for r in runs) == text
    placed = [a for r in runs for a in r.anchors]
    expected = [m.anchor for m in marks if 0 <= m.start < m.end <= len(text)]
    assert sorted(placed) == sorted(expected)
    pos = 0
    for r in runs:  # an anchor sits exactly at its mark's start
        for a in r.anchors:
            assert next(m for m in marks if m.anchor == a).start == pos
        pos += len(r.text)
    highlighted = [r.mark for r in runs if r.mark is not None]
    assert all(m.kind != "anchor" for m in highlighted)


def test_promises_win_over_figures() -> None:
    runs = annotate("增长6.5%左右", [Mark(2, 6, "figure"), Mark(0, 8, "promise", "p")])
    assert [(r.text, r.mark.kind if r.mark else None) for r in runs] == [("增长6.5%左右", "promise")]


@given(TEXT, st.lists(st.sampled_from(["6.5%", "亿元", "增长", "a"]), max_size=3))
def test_mark_figures_loses_nothing(text: str, quotes: list[str]) -> None:
    pieces = mark_figures(text, quotes)
    assert "".join(p.text for p in pieces) == text
    for p in pieces:
        if p.figure and quotes:
            assert p.text.strip() in {q.strip() for q in quotes}


def test_number_pattern_without_quotes() -> None:
    figs = [p.text for p in mark_figures("新增就业1361万人，增长6.6%，下降3个百分点") if p.figure]
    assert figs == ["1361万人", "6.6%", "3个百分点"]


def test_segments_per_side_and_moved() -> None:
    ops = [["equal", "保障"], ["delete", "改善民生工作"], ["insert", "新"], ["insert", "增长"]]
    moved = moved_texts([ops, [["insert", "改善民生工作"]]])
    old = segments(ops, side="old", moved=moved)
    new = segments(ops, side="new", moved=moved)
    assert [s.kind for s in old] == ["equal", "moved"]
    assert [(s.kind, "".join(p.text for p in s.pieces)) for s in new] == [
        ("equal", "保障"), ("insert", "新增长")]
    assert merge_ops([]) == []


@given(st.text(max_size=40))
def test_md_escape_cannot_open_markup_or_cells(text: str) -> None:
    out = md_escape(text)
    assert "<" not in out and ">" not in out and "\n" not in out
    unescaped_pipe = [i for i, c in enumerate(out) if c == "|" and (i == 0 or out[i - 1] != "\\")]
    assert unescaped_pipe == []
