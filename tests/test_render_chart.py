"""Targets-versus-outcomes chart: rows, SVG text stays text, escaping, determinism."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reportdiff.render.chart import chart_rows, targets_chart_svg

GOLDEN = Path(__file__).parent / "golden"
SVG = "{http://www.w3.org/2000/svg}"


def _audit() -> dict:
    return json.loads((GOLDEN / "audit-input.json").read_text(encoding="utf-8"))


def test_rows_only_for_numeric_target_and_outcome_in_same_unit() -> None:
    audit = _audit()
    audit["promises"][2]["outcome"]["unit"] = "万人"  # unit mismatch: left out
    rows = chart_rows(audit)
    assert [r.id for r in rows] == ["p1", "p2", "p4", "p5", "p7", "p9"]
    assert rows[1].ratio == pytest.approx(0.8) and rows[1].verdict == "missed"


def _texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


@pytest.mark.parametrize("engine", ["matplotlib", "plain"])
def test_svg_keeps_chinese_as_text_and_is_deterministic(engine: str) -> None:
    if engine == "matplotlib":
        pytest.importorskip("matplotlib")
    svg = targets_chart_svg(_audit(), engine=engine)
    assert svg.startswith("<svg") and svg == targets_chart_svg(_audit(), engine=engine)
    texts = _texts(svg)
    assert "地区生产总值增长" in texts
    assert any("missed" in t for t in texts)
    assert "<dc:date>" not in svg


@pytest.mark.parametrize("engine", ["matplotlib", "plain"])
def test_labels_are_escaped(engine: str) -> None:
    if engine == "matplotlib":
        pytest.importorskip("matplotlib")
    audit = _audit()
    audit["promises"][0]["promise"]["metric"] = "<b>x</b>&"
    svg = targets_chart_svg(audit, engine=engine)
    root = ET.fromstring(svg)  # still well-formed XML
    assert not [e for e in root.iter() if e.tag in ("b", f"{SVG}b", "script", f"{SVG}script")]
    assert "<b>x</b>&" in _texts(svg)


def test_nothing_to_chart() -> None:
    audit = _audit()
    for p in audit["promises"]:
        p["outcome"] = None
    assert targets_chart_svg(audit) == ""
