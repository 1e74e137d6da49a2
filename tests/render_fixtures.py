"""Inputs shared by the renderer tests: golden dicts, synthetic reports, hostile text."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

GOLDEN = Path(__file__).parent / "golden"

#: Strings that would run code, load something or inject markup if report text
#: were not escaped.
ATTACKS = (
    "<script>window.__pwned=1;alert('x')</script>",
    "<img src=x onerror=\"window.__pwned=2;alert(1)\">",
    "</textarea><svg onload=\"window.__pwned=3;alert(2)\">",
    "\"'><b onmouseover=alert(3)>",
    "<a href=\"https://evil.example/x.js\">link</a><link rel=stylesheet href=//evil.example/s.css>",
    "{{ 7*7 }}{% raw %}",
)
HOSTILE = "".join(ATTACKS)


def golden_input(name: str) -> dict[str, Any]:
    """A hand-written result dict from ``tests/golden`` (a fresh copy each call)."""
    return json.loads((GOLDEN / name).read_text(encoding="utf-8"))


def synthetic_reports(extra: str = "", *, tag_path: bool = False) -> list[Any]:
    """The two synthetic reports of ``tests/golden``, with ``extra`` appended to each."""
    import reportdiff
    from reportdiff.report import Report

    out = []
    for year in (2018, 2019):
        text = (GOLDEN / f"synthetic-{year}.txt").read_text(encoding="utf-8") + extra
        name = f"synthetic-{year}{extra[:40]}.txt" if tag_path else f"synthetic-{year}.txt"
        src = reportdiff.Source(path=name, sha256=hashlib.sha256(text.encode()).hexdigest(),
                                format="txt")
        out.append(Report.from_text(text, source=src, check=False))
    return out


def hostile_inputs() -> tuple[dict[str, Any], dict[str, Any]]:
    """The synthetic audit and diff with an attack in every text field."""
    audit, diff = golden_input("audit-input.json"), golden_input("diff-input.json")
    for data in (audit, diff):
        data["old"]["title"] = HOSTILE
        data["new"]["title"] = HOSTILE
        data["new"]["source"]["path"] = HOSTILE
        data["options"] = {"x": HOSTILE}
    for item in audit["promises"]:
        p = item["promise"]
        p["quote"] += HOSTILE
        p["metric"] = p["section"] = item["rule"] = HOSTILE
        for ev in item["evidence"]:
            ev["quote"] += HOSTILE
    audit["summary"][HOSTILE] = 1
    audit["promises"][0]["verdict"] = HOSTILE
    for pair in diff["pairs"]:
        pair["old_title"] = pair["new_title"] = HOSTILE
        pair["ops"] += [["insert", HOSTILE], ["delete", HOSTILE]]
        for d in pair["figure_deltas"]:
            d["metric"] = d["note"] = HOSTILE
    diff["summary"]["new"].append(HOSTILE)
    return audit, diff
