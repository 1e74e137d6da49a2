"""Golden files for md, csv and json of a fixed synthetic audit and diff; determinism.

Regenerate after an intended change with ``REPORTDIFF_UPDATE_GOLDEN=1 pytest
tests/test_render_golden.py`` and review the diff of ``tests/golden/``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from render_fixtures import golden_input

from reportdiff.render import write_audit, write_diff

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("REPORTDIFF_UPDATE_GOLDEN") == "1"




CASES = [
    ("audit.md", "audit", "md", {}),
    ("audit.csv", "audit", "csv", {}),
    ("audit-evidence.csv", "audit", "csv", {"rows": "evidence"}),
    ("audit.json", "audit", "json", {}),
    ("diff.md", "diff", "md", {}),
    ("diff.csv", "diff", "csv", {}),
    ("diff-figures.csv", "diff", "csv", {"rows": "figure"}),
    ("diff.json", "diff", "json", {}),
]


def _render(kind: str, fmt: str, options: dict) -> str:
    if kind == "audit":
        return write_audit(golden_input("audit-input.json"), fmt, **options)
    return write_diff(golden_input("diff-input.json"), fmt, **options)


@pytest.mark.parametrize(("name", "kind", "fmt", "options"), CASES, ids=[c[0] for c in CASES])
def test_golden(name: str, kind: str, fmt: str, options: dict) -> None:
    text = _render(kind, fmt, options)
    path = GOLDEN / name
    if UPDATE:
        path.write_bytes(text.encode("utf-8"))
    assert path.exists(), f"{path} missing: run with REPORTDIFF_UPDATE_GOLDEN=1"
    assert text.encode("utf-8") == path.read_bytes()


@pytest.mark.parametrize(("name", "kind", "fmt", "options"), CASES, ids=[c[0] for c in CASES])
def test_same_input_same_bytes(name: str, kind: str, fmt: str, options: dict) -> None:
    assert _render(kind, fmt, options) == _render(kind, fmt, options)


def test_html_is_deterministic() -> None:
    audit, diff = golden_input("audit-input.json"), golden_input("diff-input.json")
    first = write_audit(audit, "html", diff=diff)
    assert first == write_audit(audit, "html", diff=diff)
    assert write_diff(diff, "html", audit=audit) == write_diff(diff, "html", audit=audit)


def test_inputs_quote_their_spans() -> None:
    """The hand-written inputs obey the span contract: ``source_text[span] == quote``."""
    old = (GOLDEN / "synthetic-2018.txt").read_text(encoding="utf-8")
    new = (GOLDEN / "synthetic-2019.txt").read_text(encoding="utf-8")
    audit = golden_input("audit-input.json")
    checked = 0
    for item in audit["promises"]:
        p = item["promise"]
        assert old[p["span"][0]:p["span"][1]] == p["quote"]
        for ev in item["evidence"]:
            assert new[ev["span"][0]:ev["span"][1]] == ev["quote"]
            checked += 1
    assert checked == 8
    for pair in golden_input("diff-input.json")["pairs"]:
        for d in pair["figure_deltas"]:
            for side, text in (("old", old), ("new", new)):
                if d[side]:
                    s, e = d[side]["span"]
                    assert text[s:e] == d[side]["quote"]
