"""CSV export: rows, columns, Excel BOM, quoting, errors."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from render_fixtures import golden_input

from reportdiff.errors import UsageError
from reportdiff.render import write_audit, write_diff
from reportdiff.render.csvout import audit_csv, diff_csv
from reportdiff.render.rows import PROMISE_COLUMNS

GOLDEN = Path(__file__).parent / "golden"




def _read(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline="")))


def test_one_row_per_promise_with_fixed_columns() -> None:
    audit = golden_input("audit-input.json")
    text = audit_csv(audit)
    assert text.splitlines()[0] == ",".join(PROMISE_COLUMNS)
    rows = _read(text)
    assert [r["id"] for r in rows] == [p["promise"]["id"] for p in audit["promises"]]
    assert rows[0]["target"] == "≈6.5%" and rows[0]["outcome_value"] == "6.6"
    assert rows[7]["evidence_count"] == "0" and rows[7]["outcome"] == ""


def test_excel_adds_bom_only_when_asked() -> None:
    audit = golden_input("audit-input.json")
    assert write_audit(audit, "csv", excel=True).startswith("\ufeffid,")
    assert write_audit(audit, "csv").startswith("id,")


def test_multiline_and_comma_quotes_round_trip() -> None:
    audit = golden_input("audit-input.json")
    audit["promises"][0]["evidence"].append({"quote": "第二段，\n\"引号\"", "span": [0, 5]})
    rows = _read(audit_csv(audit))
    assert rows[0]["evidence"] == "地区生产总值增长6.6%\n第二段，\n\"引号\""


def test_figure_rows_need_reports() -> None:
    with pytest.raises(UsageError, match="figure rows need both reports; pass old= and new="):
        audit_csv(golden_input("audit-input.json"), rows="figure")


def test_unknown_row_type() -> None:
    with pytest.raises(UsageError, match=r"unknown CSV row type 'x' for a diff; use one of pair"):
        diff_csv(golden_input("diff-input.json"), rows="x")


def test_diff_rows_per_pair_and_per_figure() -> None:
    diff = golden_input("diff-input.json")
    pairs = _read(write_diff(diff, "csv"))
    assert len(pairs) == len(diff["pairs"]) and pairs[-1]["relation"] == "new"
    assert pairs[-1]["old"] == "" and int(pairs[-1]["inserted_chars"]) > 0
    figures = _read(write_diff(diff, "csv", rows="figure"))
    assert len(figures) == sum(len(p["figure_deltas"]) for p in diff["pairs"])
    assert figures[0]["old_quote"] == "地区生产总值增长6.8%"


def test_empty_diff_figures_has_header() -> None:
    diff = golden_input("diff-input.json")
    for p in diff["pairs"]:
        p["figure_deltas"] = []
    assert diff_csv(diff, rows="figure").startswith("pair,old_ids,new_ids,metric,")
