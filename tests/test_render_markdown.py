"""Markdown export: structure and escaping of report text."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from render_fixtures import golden_input

from reportdiff.render.markdown import audit_markdown, diff_markdown, md_escape, ops_markdown

GOLDEN = Path(__file__).parent / "golden"




def test_audit_has_one_ledger_line_per_promise() -> None:
    audit = golden_input("audit-input.json")
    lines = audit_markdown(audit).splitlines()
    start = lines.index("## Promise ledger")
    rows = [ln for ln in lines[start:] if ln.startswith("| p")]
    assert len(rows) == len(audit["promises"])
    assert rows[1].split(" | ")[6] == "✗ missed"


def test_report_text_cannot_become_markup() -> None:
    audit = golden_input("audit-input.json")
    audit["promises"][0]["promise"]["quote"] = "a|b\n<script>x</script> [l](http://e) *s*"
    audit["promises"][0]["rule"] = "floor: outcome 6.6% >= 6.5% | *x*"
    md = audit_markdown(audit)
    row = next(ln for ln in md.splitlines() if ln.startswith("| p1 "))
    assert row.count(" | ") == 8  # nine columns: the pipes in quote and rule add none
    assert "floor: outcome 6.6% &gt;= 6.5% \\| \\*x\\*" in row  # the rule column, escaped
    assert "<script>" not in md and "&lt;script&gt;" in md
    assert "\\[l\\](http://e)" in md and "\\*s\\*" in md  # no link without its [


def test_md_escape_keeps_chinese_and_numbers() -> None:
    assert md_escape("地区生产总值增长6.5%左右") == "地区生产总值增长6.5%左右"


def test_diff_lists_changes_with_strike_and_bold() -> None:
    md = diff_markdown(golden_input("diff-input.json"))
    assert "## Changes by section" in md
    assert "新建幼儿园~~5~~**3**所" in md
    assert "- New sections: 2.3" in md
    assert "| 2 | 居民消费价格涨幅 | 3% | — |" in md


def test_empty_results() -> None:
    audit = golden_input("audit-input.json")
    audit["promises"] = []
    assert "No promises were found in the old report." in audit_markdown(audit)
    diff = golden_input("diff-input.json")
    diff["pairs"] = []
    md = diff_markdown(diff)
    assert "No aligned sections." in md and "No comparable figures." in md


_OPS = st.lists(st.tuples(st.sampled_from(["equal", "delete", "insert"]),
                          st.text(alphabet="增长推进改革，。、（）“”%5a1.-+=*_~`#|<>&[]! \\\n",
                                  min_size=1, max_size=8)),
                min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(_OPS)
def test_changes_render_as_marks_in_commonmark(ops: list[tuple[str, str]]) -> None:
    """Rendered by a CommonMark parser, no mark is left as literal text and no text is lost."""
    import html

    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": True}).enable("strikethrough")
    rendered = parser.render(ops_markdown(ops, context=None))
    text = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    assert re.sub(r"\s", "", text) == re.sub(r"\s", "", "".join(t for _, t in ops))
    changed = [(op, t) for op, t in ops if op != "equal" and t.strip()]
    marks = rendered.count("<s>") + rendered.count("<del>") + rendered.count("<strong>") \
        + rendered.count("<ins>")
    assert marks >= (1 if changed else 0)
