"""reportdiff as its users meet it: the README example, and what they read in the outputs.

Each test pins a problem found by using reportdiff from the README as a journalist, a
researcher or a Python programmer would: a target of 三分之一 printed as ``0.333333``, a
quote broken across two PDF lines shown with a space in the middle of a word, chart labels
cut off at the left edge.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import ROOT
from render_fixtures import golden_input

from reportdiff.render import write_audit
from reportdiff.render.chart import targets_chart_svg
from reportdiff.render.common import fmt_target

SVG = "{http://www.w3.org/2000/svg}"


# -- the README's Python example runs as written on two consecutive reports ------------------


def _readme_python() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n(.*?)```", text, re.S)
    assert block, "README must show the library in a python block"
    return block.group(1)


def test_readme_python_example_runs(corpus_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code = _readme_python()
    assert '"2018.txt"' in code and '"2019.txt"' in code
    monkeypatch.chdir(corpus_dir / "national")
    scope: dict = {}
    exec(compile(code, "README.md", "exec"), scope)  # data-quality warnings may appear
    result, df = scope["result"], scope["result"].to_pandas()
    assert len(df) == len(result.items) > 0
    assert {"id", "verdict", "rule"} <= set(df.columns)


# -- targets: a fraction reads as a fraction ---------------------------------------------


def test_unitless_fraction_target_reads_as_a_fraction() -> None:
    # 整体通关时间再压缩三分之一 (national 2018): value 0.333333, no unit
    third = {"op": "=", "value": 0.333333, "unit": "", "direction": "down"}
    assert fmt_target(third) == "cut 1/3"
    assert fmt_target({"op": "=", "value": 0.5, "unit": ""}) == "1/2"
    # a unit keeps the number as written; an irregular share stays a decimal
    assert fmt_target({"op": "=", "value": 0.5, "unit": "%"}) == "0.5%"
    assert fmt_target({"op": "=", "value": 0.123, "unit": ""}) == "0.123"


def test_fraction_target_in_markdown_export() -> None:
    audit = golden_input("audit-input.json")
    audit["promises"][0]["promise"]["target"] = {"op": "=", "value": 0.333333, "low": None,
                                                 "high": None, "unit": "", "direction": "down"}
    md = write_audit(audit, "md")
    row = next(line for line in md.splitlines() if line.startswith("| p1 |"))
    assert "| cut 1/3 |" in row and "0.333333" not in md


# -- terminal tables: a quote broken across lines reads as one line ---------------------------


def test_quote_broken_across_lines_is_joined_in_the_table() -> None:
    from reportdiff.promises import Promise, Promises, Target
    from reportdiff.render.audit_table import promises_text

    p = Promise(id="P001", quote="棚户区住\n房改造580万套", span=(0, 14), metric="棚户区住房改造",
                kind="quantitative", target=Target(op="=", value=580.0, unit="万套"),
                section="3.9", strength=None)
    q = Promise(id="P002", quote="启动 13所中小学建设", span=(20, 31), metric="启动中小学建设",
                kind="quantitative", target=Target(op="=", value=13.0, unit="所"),
                section="3.9", strength=None)
    lines = promises_text(Promises([p, q])).splitlines()
    assert lines[1].endswith("棚户区住房改造580万套")
    assert lines[2].endswith("启动 13所中小学建设")  # a space the report itself has stays


# -- the targets-versus-outcomes chart: labels fit left of the axes ----------------------------


def _label_audit() -> dict:
    audit = golden_input("audit-input.json")
    # 14 Chinese characters: the longest label the chart shows unshortened
    audit["promises"][0]["promise"]["metric"] = "启动新的三年棚改攻坚计划开工"
    return audit


@pytest.mark.parametrize(("engine", "size"), [("matplotlib", 9), ("plain", 12)])
def test_chart_labels_fit_left_of_the_axes(engine: str, size: int) -> None:
    if engine == "matplotlib":
        pytest.importorskip("matplotlib")
    root = ET.fromstring(targets_chart_svg(_label_audit(), engine=engine))
    labels = [t for t in root.iter(f"{SVG}text")
              if "end" in (t.get("text-anchor") or "") + (t.get("style") or "")]
    long = [t for t in labels if "".join(t.itertext()) == "启动新的三年棚改攻坚计划开工"]
    assert long, "the long label is drawn in full"
    for t in labels:
        text = "".join(t.itertext())
        wide = sum(1 for ch in text if "\u3000" <= ch <= "\u9fff")
        assert float(t.get("x")) - wide * size >= 0, f"{text!r} runs off the left edge"


# -- the demo's Markdown escapes report text like every other Markdown export ----------------


def test_demo_markdown_escapes_report_text() -> None:
    from reportdiff import Report
    from reportdiff.demo import demo
    from reportdiff.render.audit_table import demo_markdown

    r = Report.from_text("各位代表：\n一、2019年工作回顾\n地区生产总值增长8%。\n"
                         "二、2020年工作安排\n主要预期目标是：地区生产总值增长7.5%。"
                         "建成*星火*产业园<b>。\n", check=False)
    d = demo(r)
    md = demo_markdown(d)
    quotes = [p.quote for p in d.ledger]
    assert any("*" in q for q in quotes), quotes
    assert "*星火*" not in md and "<b>" not in md
    assert "\\*星火\\*" in md and "&lt;b&gt;" in md
