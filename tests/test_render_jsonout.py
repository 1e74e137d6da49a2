"""JSON manifest: envelope, rerun information, round trip."""

from __future__ import annotations

import json
from pathlib import Path

from render_fixtures import golden_input

import reportdiff
from reportdiff.render import write_audit, write_diff
from reportdiff.render.jsonout import MANIFEST_SCHEMA, manifest, unwrap

GOLDEN = Path(__file__).parent / "golden"




def test_manifest_envelope() -> None:
    audit = golden_input("audit-input.json")
    m = json.loads(write_audit(audit, "json"))
    assert list(m)[:6] == ["schema", "manifest", "kind", "tool", "inputs", "options"]
    assert list(m)[6:] == ["old", "new", "promises", "summary"]  # the audit schema's own keys
    assert m["schema"] == "reportdiff.audit/1"
    assert m["manifest"] == MANIFEST_SCHEMA and m["kind"] == "audit"
    assert m["tool"] == {"name": "reportdiff", "version": reportdiff.__version__}
    assert [i["sha256"] for i in m["inputs"]] == [audit["old"]["source"]["sha256"],
                                                  audit["new"]["source"]["sha256"]]
    assert m["options"] == audit["options"]
    assert unwrap(m) == audit


def test_diff_manifest_round_trips() -> None:
    diff = golden_input("diff-input.json")
    m = json.loads(write_diff(diff, "json"))
    assert m["kind"] == "diff" and unwrap(m) == diff
    assert m["inputs"][1]["year"] == 2019


def test_no_timestamp_and_readable_chinese() -> None:
    text = write_audit(golden_input("audit-input.json"), "json")
    assert "地区生产总值" in text and "\\u" not in text
    assert "date" not in json.loads(text) and "time" not in text.lower()


def test_missing_sides_are_tolerated() -> None:
    m = manifest({"schema": "x"}, kind="audit")
    assert m["inputs"] == [{"path": None, "sha256": None, "format": None, "year": None}] * 2
    assert m["options"] == {}
