"""Markdown export: structure and escaping of report text."""

from __future__ import annotations

import json
from pathlib import Path

from reportdiff.render.markdown import audit_markdown, diff_markdown, md_escape

GOLDEN = Path(__file__).parent / "golden"


def _input(name: str) -> dict:
    return json.loads((GOLDEN / name).read_text(encoding="utf-8"))


def test_audit_has_one_ledger_line_per_promise() -> None:
    audit = _input("audit-input.json")
    lines = audit_markdown(audit).splitlines()
    start = lines.index("## Promise ledger")
    rows = [ln for ln in lines[start:] if ln.startswith("| p")]
    assert len(rows) == len(audit["promises"])
    assert rows[1].split(" | ")[6] == "✗ missed"


def test_report_text_cannot_become_markup() -> None:
    audit = _input("audit-input.json")
    audit["promises"][0]["promise"]["quote"] = "a|b\n<script>x</script> [l](http://e) *s*"
    md = audit_markdown(audit)
    row = next(ln for ln in md.splitlines() if ln.startswith("| p1 "))
    assert row.count(" | ") == 7  # the pipe in the quote did not add a column
    assert "<script>" not in md and "&lt;script&gt;" in md
    assert "\\[l\\]\\(http://e\\)" in md and "\\*s\\*" in md


def test_md_escape_keeps_chinese_and_numbers() -> None:
    assert md_escape("地区生产总值增长6.5%左右") == "地区生产总值增长6.5%左右"


def test_diff_lists_changes_with_strike_and_bold() -> None:
    md = diff_markdown(_input("diff-input.json"))
    assert "## Changes by section" in md
    assert "新建幼儿园~~5~~**3**所" in md
    assert "- New sections: 2.3" in md
    assert "| 2 | 居民消费价格涨幅 | 3% | — |" in md


def test_empty_results() -> None:
    audit = _input("audit-input.json")
    audit["promises"] = []
    assert "No promises were found in the old report." in audit_markdown(audit)
    diff = _input("diff-input.json")
    diff["pairs"] = []
    md = diff_markdown(diff)
    assert "No aligned sections." in md and "No comparable figures." in md
