"""SQLite export: tables, keys, foreign keys, replacement of an existing file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from render_fixtures import golden_input

from reportdiff.errors import UsageError
from reportdiff.render import write_audit, write_diff

pytest.importorskip("sqlite_utils")

GOLDEN = Path(__file__).parent / "golden"




def _reports():
    import reportdiff

    return [reportdiff.load(GOLDEN / f"synthetic-{y}.txt", check=False) for y in (2018, 2019)]


def _fks(con: sqlite3.Connection, table: str) -> set[tuple[str, str, str]]:
    return {(r[3], r[2], r[4]) for r in con.execute(f"PRAGMA foreign_key_list({table})")}


def test_audit_tables(tmp_path: Path) -> None:
    old, new = _reports()
    out = tmp_path / "audit.db"
    assert write_audit(golden_input("audit-input.json"), "sqlite", out, old=old, new=new) == ""
    con = sqlite3.connect(out)
    tables = {r[0] for r in con.execute("select name from sqlite_master where type='table'")}
    assert {"metadata", "reports", "sections", "promises", "evidence", "figures"} <= tables
    assert con.execute("select count(*) from promises").fetchone()[0] == 9
    assert con.execute("select count(*) from evidence").fetchone()[0] == 8
    assert con.execute("select verdict, count(*) from promises group by verdict "
                       "order by verdict").fetchall()[0] == ("in_progress", 1)
    assert ("promise_id", "promises", "id") in _fks(con, "evidence")
    assert ("report", "reports", "role") in _fks(con, "sections")
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert con.execute("select value from metadata where key='kind'").fetchone() == ("audit",)
    pk = [r[1] for r in con.execute("PRAGMA table_info(promises)") if r[5]]
    assert pk == ["id"]


def test_audit_without_reports(tmp_path: Path) -> None:
    out = tmp_path / "a.db"
    write_audit(golden_input("audit-input.json"), "sqlite", out)
    con = sqlite3.connect(out)
    assert con.execute("select count(*) from promises").fetchone()[0] == 9
    assert con.execute("select count(*) from figures").fetchone()[0] == 0


def test_existing_file_is_replaced(tmp_path: Path) -> None:
    out = tmp_path / "d.db"
    out.write_bytes(b"not a database")
    write_diff(golden_input("diff-input.json"), "sqlite", out)
    write_diff(golden_input("diff-input.json"), "sqlite", out)
    con = sqlite3.connect(out)
    assert con.execute("select count(*) from pairs").fetchone()[0] == 5
    assert con.execute("select count(*) from figure_deltas").fetchone()[0] == 5
    assert ("pair", "pairs", "n") in _fks(con, "figure_deltas")
    assert [p.name for p in tmp_path.iterdir()] == ["d.db"]


def test_sqlite_needs_output_path() -> None:
    with pytest.raises(UsageError, match="--format sqlite writes a database file: give its name"):
        write_audit(golden_input("audit-input.json"), "sqlite")


def test_unknown_format() -> None:
    with pytest.raises(UsageError, match="unknown output format 'pdf'; use one of json, md"):
        write_diff(golden_input("diff-input.json"), "pdf")
