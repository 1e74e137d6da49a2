"""``write_audit`` / ``write_diff``: result objects, reports found or reloaded, every format."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from render_fixtures import golden_input

import reportdiff
from reportdiff.render import FORMATS, write_audit, write_diff
from reportdiff.render.common import complete_sides, reports_of

GOLDEN = Path(__file__).parent / "golden"




@dataclass(frozen=True)
class FakeAudit:
    """An audit that, like ``reportdiff.audit.Audit``, records only its sources."""

    old_source: Any
    new_source: Any
    data: dict

    def to_dict(self) -> dict:
        return self.data


def _source(year: int) -> reportdiff.Source:
    path = GOLDEN / f"synthetic-{year}.txt"
    return reportdiff.Source(path=str(path), sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
                             format="txt")


def test_sides_completed_from_the_result_object() -> None:
    data = golden_input("audit-input.json")
    data["old"] = {"source": "a path only", "year": None}
    fake = FakeAudit(_source(2018), _source(2019), data)
    done = complete_sides(data, fake)
    assert done["old"]["source"]["sha256"] == _source(2018).sha256
    assert done["old"]["source"]["path"] == "a path only"
    assert data["old"] == {"source": "a path only", "year": None}  # input untouched
    manifest = json.loads(write_audit(fake, "json"))
    assert manifest["inputs"][0]["sha256"] == _source(2018).sha256


def test_reports_reloaded_only_when_the_hash_matches(tmp_path: Path) -> None:
    fake = FakeAudit(_source(2018), _source(2019), golden_input("audit-input.json"))
    old, _ = reports_of(fake, reload=True)
    assert old is not None and old.source.sha256 == _source(2018).sha256
    assert reports_of(fake) == (None, None)
    changed = tmp_path / "2018.txt"
    changed.write_text((GOLDEN / "synthetic-2018.txt").read_text(encoding="utf-8") + "改")
    stale = FakeAudit(reportdiff.Source(str(changed), _source(2018).sha256, "txt"),
                      _source(2019), fake.data)
    assert reports_of(stale, reload=True)[0] is None


def test_html_of_an_audit_object_shows_the_texts() -> None:
    fake = FakeAudit(_source(2018), _source(2019), golden_input("audit-input.json"))
    html = write_audit(fake, "html", complete=False)
    assert 'id="texts"' in html and 'href="#old-182-196"' in html
    assert 'id="old-182-196"' in html


def test_every_format_of_both_results(tmp_path: Path) -> None:
    audit, diff = golden_input("audit-input.json"), golden_input("diff-input.json")
    for fmt in FORMATS:
        for write, data in ((write_audit, audit), (write_diff, diff)):
            out = tmp_path / f"{write.__name__}.{fmt}"
            text = write(data, fmt, out)
            assert out.stat().st_size > 0
            if fmt != "sqlite":
                assert out.read_bytes() == text.encode("utf-8")


@pytest.mark.corpus
def test_national_2018_2019_end_to_end(national: Any, tmp_path: Path) -> None:
    """The real pipeline on real reports, every format."""
    old, new = national(2018), national(2019)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", reportdiff.ReportDiffWarning)
        audit = reportdiff.audit(old, new)
        diff = reportdiff.diff(old, new)
    n = len(audit.to_dict()["promises"])
    assert n > 10
    manifest = json.loads(write_audit(audit, "json"))
    assert manifest["inputs"][1]["sha256"] == new.source.sha256
    assert len(write_audit(audit, "csv").splitlines()) >= n + 1
    assert write_audit(audit, "md").count("\n| P") == n
    db = tmp_path / "audit.db"
    write_audit(audit, "sqlite", db, old=old, new=new)
    con = sqlite3.connect(db)
    assert con.execute("select count(*) from promises").fetchone()[0] == n
    assert con.execute("select count(*) from figures").fetchone()[0] == \
        len(old.figures) + len(new.figures)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    html = write_diff(diff, "html", audit=audit)
    assert html.count('<article class="pair"') == len(diff.pairs)
    assert html.count('<tr id="promise-') == n
    assert write_diff(diff, "html", audit=audit) == html
    assert write_diff(diff, "md") == write_diff(diff, "md")
