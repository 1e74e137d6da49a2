"""Tests of reportdiff.diff (pair diffs, figure deltas, summary) and its renderers."""

from __future__ import annotations

import json
import pickle
import re

import pytest

from reportdiff import Report
from reportdiff.align import Link
from reportdiff.diff import SCHEMA, Diff, diff
from reportdiff.errors import NotAReportError, UsageError
from reportdiff.render.diff_text import diff_text, elide
from reportdiff.render.markdown import diff_markdown, md_escape, ops_markdown

OLD = """政府工作报告
——2018年3月5日在第十三届全国人民代表大会第一次会议上
各位代表：
现在，我代表国务院，向大会报告政府工作，请予审议。
一、2017年工作回顾
过去一年，经济运行稳中向好。国内生产总值增长6.9%。城镇新增就业1351万人。
我们坚持深化改革，简政放权成效明显。
二、2018年工作建议
今年发展的主要预期目标是：国内生产总值增长6.5%左右；城镇新增就业1100万人以上。
（一）深化供给侧结构性改革。推进去产能，退出钢铁产能3000万吨左右。
（二）加快建设创新型国家。加强国家创新体系建设。
"""

NEW = """政府工作报告
——2019年3月5日在第十三届全国人民代表大会第二次会议上
各位代表：
现在，我代表国务院，向大会报告政府工作，请予审议。
一、2018年工作回顾
过去一年，经济运行保持在合理区间。国内生产总值增长6.6%。城镇新增就业1361万人。
我们坚持深化改革，简政放权成效明显。
二、2019年工作建议
今年发展的主要预期目标是：国内生产总值增长6%-6.5%；城镇新增就业1100万人以上。
（一）继续实施积极的财政政策。减税降费2万亿元。
（二）加快建设创新型国家。加强国家创新体系建设，推进关键核心技术攻关。
"""


def sid(report: Report, start: str) -> str:
    """Id of the shallowest section whose text starts with ``start`` (ids are the parser's)."""
    for sec in sorted(report.walk(), key=lambda s: (s.level, s.nspan)):
        if report.section_text(sec).startswith(start):
            return sec.id
    raise AssertionError(f"no section starts with {start!r}")


@pytest.fixture(scope="module")
def reports() -> tuple[Report, Report]:
    return Report.from_text(OLD, check=False), Report.from_text(NEW, check=False)


def links_for(old: Report, new: Report) -> list[Link]:
    """A hand-made alignment at chapter level (what an aligner would give)."""
    return [
        Link((sid(old, "政府工作报告"),), (sid(new, "政府工作报告"),), "same", 0.9),
        Link((sid(old, "一、"),), (sid(new, "一、"),), "same", 0.6),
        Link((sid(old, "（一）"),), (), "dropped", 0.0),
        Link((), (sid(new, "（一）"),), "new", 0.0),
        Link((sid(old, "（二）"),), (sid(new, "（二）"),), "same", 0.7),
    ]


@pytest.fixture(scope="module")
def result(reports) -> Diff:
    old, new = reports
    return diff(old, new, alignment=links_for(old, new))


def old_text(p):
    return "".join(t for op, t in p.ops if op != "insert")


def new_text(p):
    return "".join(t for op, t in p.ops if op != "delete")


# -- the Diff -------------------------------------------------------------------------


def test_every_character_is_compared_exactly_once(reports, result):
    old, new = reports
    s = result.summary
    assert s.old_chars == len(old.text.replace("\n", ""))
    assert s.new_chars == len(new.text.replace("\n", ""))
    # ... and never twice, line breaks included.
    assert sum(len(old_text(p)) for p in result.pairs) <= len(old.text)
    assert sum(len(new_text(p)) for p in result.pairs) <= len(new.text)


def test_nested_links_do_not_double_count(reports):
    old, new = reports
    part_old, part_new = sid(old, "二、"), sid(new, "二、")
    links = [Link((part_old,), (part_new,), "same", 0.5),
             Link((sid(old, "（二）"),), (sid(new, "（二）"),), "same", 0.7)]
    d = diff(old, new, alignment=links)
    by_ids = {(p.old_ids, p.new_ids): p for p in d.pairs}
    part = by_ids[((part_old,), (part_new,))]
    inner = by_ids[((sid(old, "（二）"),), (sid(new, "（二）"),))]
    assert "加快建设创新型国家" not in old_text(part) + new_text(part)
    assert old_text(inner) == old.section_text(old.section(sid(old, "（二）")))
    assert old_text(part).startswith("二、2018年工作建议\n今年发展的主要预期目标是")
    assert "退出钢铁产能" in old_text(part)


def test_part_text_outside_units_gets_its_own_pair(reports, result):
    old, new = reports
    part = [p for p in result.pairs if p.old_ids == (sid(old, "二、"),)]
    assert len(part) == 1
    p = part[0]
    assert p.new_ids == (sid(new, "二、"),) and p.relation == "same"
    assert old_text(p).startswith("二、2018年工作建议")
    assert "（一）" not in old_text(p) and "（二）" not in old_text(p)


def test_ops_rebuild_the_section_text(reports, result):
    old, new = reports
    p = next(p for p in result.pairs if p.old_ids == (sid(old, "一、"),))
    assert old_text(p) == old.section_text(old.section(p.old_ids[0]))
    assert new_text(p) == new.section_text(new.section(p.new_ids[0]))
    assert ("delete", "稳中向好") in p.ops and ("insert", "保持在合理区间") in p.ops
    assert 0 < p.unchanged_share < 1


def test_spans_index_the_source_text(reports, result):
    old, new = reports
    p = next(p for p in result.pairs if p.old_ids == (sid(old, "（二）"),))
    assert old.quote(p.old_span) == old_text(p)
    assert new.quote(p.new_span) == new_text(p)
    dropped = next(p for p in result.pairs if p.relation == "dropped")
    assert dropped.new_span is None and dropped.ops == (("delete", old_text(dropped)),)


def test_summary(reports, result):
    old, new = reports
    s = result.summary
    assert s.new == (sid(new, "（一）"),)
    assert s.dropped == (sid(old, "（一）"),)
    assert s.moved == ()
    assert s.unchanged_share == pytest.approx(2 * s.equal_chars / (s.old_chars + s.new_chars))
    shares = [p.unchanged_share for p in s.most_changed]
    assert shares == sorted(shares)
    assert all(p.relation not in ("new", "dropped") for p in s.most_changed)


def test_figure_deltas_are_paired_within_the_pair(reports, result):
    old, _ = reports
    p = next(p for p in result.pairs if p.old_ids == (sid(old, "一、"),))
    gdp = [d for d in p.figure_deltas if d.metric == "gdp_growth"]
    assert len(gdp) == 1
    assert (gdp[0].old_value, gdp[0].new_value) == (6.9, 6.6)
    assert gdp[0].abs_change == pytest.approx(-0.3)
    assert p in (q for q in result.changed_pairs)
    # The plan's GDP target is in another pair: never compared with the outcome.
    plan = next(q for q in result.pairs if q.old_ids == (sid(old, "二、"),))
    assert [d.old_value for d in plan.figure_deltas if d.metric == "gdp_growth"] == [6.5]


def test_identical_reports(reports):
    old, _ = reports
    links = [Link((sid(old, k),), (sid(old, k),), "same", 1.0)
             for k in ("政府工作报告", "一、", "（一）", "（二）")]
    d = diff(old, old, alignment=links)
    assert d.summary.unchanged_share == 1.0
    assert d.changed_pairs == ()
    assert all(len(p.ops) == 1 and p.ops[0][0] == "equal" for p in d.pairs)
    assert "Pairs: 5 compared, 0 changed" in diff_text(d)


def test_char_level(reports):
    old, new = reports
    d = diff(old, new, alignment=links_for(old, new), level="char")
    assert d.level == "char" and d.to_dict()["options"] == {"level": "char"}
    p = next(p for p in d.pairs if p.old_ids == (sid(old, "一、"),))
    assert ("delete", "9") in p.ops  # 6.9% -> 6.6% shares "6."


def test_bad_options(reports):
    old, new = reports
    with pytest.raises(UsageError, match="unknown diff level 'line': use 'word' or 'char'"):
        diff(old, new, alignment=[], level="line")
    with pytest.raises(UsageError, match="the alignment names old section '9.9'"):
        diff(old, new, alignment=[Link(("9.9",), (), "dropped", 0.0)])


def test_to_dict_schema(result):
    d = result.to_dict()
    assert list(d) == ["schema", "old", "new", "options", "summary", "pairs"]
    assert d["schema"] == SCHEMA == "reportdiff.diff/1"
    assert list(d["old"]) == ["source", "year", "title"]
    assert list(d["old"]["source"]) == ["path", "sha256", "format"]
    assert d["old"]["year"] == 2018 and d["new"]["year"] == 2019
    assert list(d["summary"]) == ["unchanged_share", "most_changed", "new", "dropped", "moved"]
    for m in d["summary"]["most_changed"]:
        assert list(m) == ["old", "new", "unchanged_share"]
    for p in d["pairs"]:
        assert list(p) == ["old", "new", "relation", "score", "old_title", "new_title",
                           "unchanged_share", "ops", "old_span", "new_span", "figure_deltas"]
        assert all(op in ("equal", "insert", "delete") for op, _ in p["ops"])
    text = json.dumps(d, ensure_ascii=False)
    assert json.loads(text) == d


def test_deterministic_and_picklable(reports, result):
    old, new = reports
    again = diff(old, new, alignment=links_for(old, new))
    assert json.dumps(again.to_dict()) == json.dumps(result.to_dict())
    clone = pickle.loads(pickle.dumps(result))
    assert clone.to_dict() == result.to_dict()


def test_to_pandas_and_html(result):
    pytest.importorskip("pandas")
    df = result.to_pandas()
    assert len(df) == len(result.pairs)
    assert list(df.columns[:11]) == ["old_source", "old_year", "new_source", "new_year",
                                     "old_ids", "new_ids", "relation", "score", "old_title",
                                     "new_title", "unchanged_share"]
    assert list(df.columns[-4:]) == ["old_span_start", "old_span_end", "new_span_start",
                                     "new_span_end"]
    assert set(df["new_year"]) == {result.new.year}
    assert (df["equal_chars"] + df["deleted_chars"]).sum() == result.summary.old_chars
    html = result._repr_html_()  # the notebook table of reportdiff.render.html
    assert html.count("<tr>") == min(len(result.pairs), 20) + 1
    assert "Unchanged text:" in html and result.pairs[0].relation in html


def test_accepts_paths(tmp_path):
    pytest.importorskip("sklearn")
    a, b = tmp_path / "2018.txt", tmp_path / "2019.txt"
    a.write_text(OLD, encoding="utf-8")
    b.write_text(NEW, encoding="utf-8")
    with pytest.raises(NotAReportError, match="pass --no-check to analyse it anyway"):
        diff(a, b)
    d = diff(a, b, check=False)
    assert d.old.year == 2018 and d.new.year == 2019
    assert d.summary.old_chars == len(d.old.text.replace("\n", ""))


# -- rendering -------------------------------------------------------------------------


def test_elide_keeps_context_around_changes():
    ops = [("equal", "甲" * 40), ("delete", "旧"), ("insert", "新"), ("equal", "乙" * 40),
           ("insert", "加"), ("equal", "丙" * 5)]
    out = elide(ops, context=3)
    assert out == [("equal", "…甲甲甲"), ("delete", "旧"), ("insert", "新"),
                   ("equal", "乙乙乙 … 乙乙乙"), ("insert", "加"), ("equal", "丙丙丙…")]


def test_text_rendering_fits_100_cells_and_reads_without_colour(result):
    from rich.cells import cell_len

    out = diff_text(result)
    assert "\x1b[" not in out
    assert max(cell_len(line) for line in out.splitlines()) <= 100
    assert "[-稳中向好-]{+保持在合理区间+}" in out
    assert "# 国内生产总值增长: 6.9% → 6.6% (-0.3 pp)" in out
    narrow = diff_text(result, width=40)
    assert max(cell_len(line) for line in narrow.splitlines()) <= 40
    coloured = diff_text(result, color=True)
    assert "\x1b[" in coloured


def test_long_cjk_lines_wrap_by_cells():
    long_old = OLD.replace("我们坚持深化改革，简政放权成效明显。", "深化改革" * 60 + "。")
    long_new = NEW.replace("我们坚持深化改革，简政放权成效明显。", "扩大开放" * 60 + "。")
    o, n = Report.from_text(long_old, check=False), Report.from_text(long_new, check=False)
    d = diff(o, n, alignment=[Link((sid(o, "一、"),), (sid(n, "一、"),), "same", 0.5)])
    from rich.cells import cell_len

    lines = diff_text(d).splitlines()
    assert max(cell_len(line) for line in lines) <= 100
    assert sum(1 for line in lines if cell_len(line) >= 98) >= 3  # really wrapped


def test_markdown_rendering(result):
    md = diff_markdown(result)
    assert md == diff_markdown(result.to_dict())  # a Diff or its dict
    assert md.startswith("# Changes: ")
    share = f"{result.summary.unchanged_share * 100:.1f}%"
    s = result.summary
    assert (f"- Unchanged text: {share} (2 × {s.equal_chars} equal / ({s.old_chars} + "
            f"{s.new_chars}) characters, word level)") in md
    assert "~~稳中向好~~**保持在合理区间**" in md
    assert "| 国内生产总值增长 | 6.9% | 6.6% | -0.3 pp |  | yes |  |" in md


def test_markdown_marks_fall_back_to_html_tags_next_to_punctuation():
    # ``增长**，推进**`` would not be bold in CommonMark: a letter outside, punctuation inside.
    assert ops_markdown([("equal", "增长"), ("insert", "，推进改革")]) == "增长<ins>，推进改革</ins>"
    assert ops_markdown([("delete", "，推进改革"), ("equal", "。")]) == "~~，推进改革~~。"
    long = [("equal", "甲" * 40), ("insert", "新"), ("equal", "乙" * 40)]
    assert ops_markdown(long, context=3) == "…甲甲甲**新**乙乙乙…"
    assert ops_markdown(long, context=None) == "甲" * 40 + "**新**" + "乙" * 40
    assert ops_markdown([("equal", "一\n"), ("insert", "1. 新段")]) == "一\n\n**1. 新段**"
    assert ops_markdown([("equal", "一\n1. 旧段")]) == "一\n\n1\\. 旧段"


def test_markdown_escapes_report_text():
    assert md_escape("a*b_c[d]") == r"a\*b\_c\[d\]"
    assert md_escape("- 列表\n1. 编号") == "\\- 列表 1. 编号"  # one cell or paragraph
    assert md_escape("1. 编号") == "1\\. 编号"
    assert re.fullmatch(r"[^*_]*", md_escape("增长6.5%")) is not None


# -- CLI ------------------------------------------------------------------------------

EXPECTED_TEXT = """\
2018 政府工作报告 → 2019 政府工作报告
Unchanged text: 73.6% (2 × 184 equal / (248 + 252) characters, word level)
Pairs: 6 compared, 6 changed, 1 new, 1 dropped, 0 moved
Most changed:
   75.2%  1 → 1  2018年工作回顾
   81.4%  2.2 → 2.2  加快建设创新型国家。
   88.1%  2 → 2  2019年工作建议
   89.4%  0 → 0
New: 2.1
Dropped: 2.1

0 → 0  same, 89.4% unchanged
政府工作报告
——[-2018-]{+2019+}年3月5日在第十三届全国人民代表大会[-第一次-]{+第二次+}会议上
各位代表：
现在…

1 → 1  same, 75.2% unchanged  2017年工作回顾 → 2018年工作回顾
一、[-2017-]{+2018+}年工作回顾
过去一年，经济运行[-稳中向好-]{+保持在合理区间+}。国内生产总值增长[-6.9%-]{+6.6%+}。城镇新增就业[-13
51-]{+1361+}万人。
我们坚持深化改革…
  # 国内生产总值增长: 6.9% → 6.6% (-0.3 pp)
  # 城镇新增就业: 1351万人 → 1361万人 (+10万人, +0.7%)

− 2.1  dropped, 0.0% unchanged  深化供给侧结构性改革。
[-（一）深化供给侧结构性改革。推进去产能，退出钢铁产能3000万吨左右。-]

2 → 2  same, 88.1% unchanged  2018年工作建议 → 2019年工作建议
二、[-2018-]{+2019+}年工作建议
今年发展的主 … 目标是：国内生产总值增长{+6%-+}6.5%[-左右-]；城镇新增就业1100万…
  # 国内生产总值增长: 6.5%（左右） → 6-6.5% (-0.25 pp)
  # 城镇新增就业: 1100万人（以上） → 1100万人（以上） (+0万人, +0.0%)

+ 2.1  new, 0.0% unchanged  继续实施积极的财政政策。
{+（一）继续实施积极的财政政策。减税降费2万亿元。+}

2.2 → 2.2  same, 81.4% unchanged  加快建设创新型国家。
…家。加强国家创新体系建设{+，推进关键核心技术攻关+}。
"""

EXPECTED_MD = """\
# Changes: 政府工作报告 (2018) → 政府工作报告 (2019)

## Sources

|  | title | year | file | sha256 |
|---|---|---|---|---|
| old | 政府工作报告 | 2018 | 2018.txt | `6876edf6bfe0c1f0d3ec7bc93d8b2156e1b8ec5af23d9158cc546dff13ee4519` |
| new | 政府工作报告 | 2019 | 2019.txt | `106662dbf5f769a8255e4748069dd3e0214e88029583b09d10ac297c8cc048cc` |

## Summary

- Unchanged text: 73.6% (2 × 184 equal / (248 + 252) characters, word level)
- Pairs: 6 compared, 6 changed
- New sections: 2.1
- Dropped sections: 2.1
- Moved sections: none

Unchanged share = 2 × equal characters / (old + new characters), over all section pairs; line breaks are not counted.

## Most changed

| pair | old | new | unchanged | title |
|---|---|---|---|---|
| 2 | 1 | 1 | 75% | 2017年工作回顾 → 2018年工作回顾 |
| 6 | 2.2 | 2.2 | 81% | 加快建设创新型国家。 |
| 4 | 2 | 2 | 88% | 2018年工作建议 → 2019年工作建议 |
| 1 | 0 | 0 | 89% |  |

## Section pairs

| # | old | old title | new | new title | relation | unchanged |
|---|---|---|---|---|---|---|
| 1 | 0 |  | 0 |  | same | 89% |
| 2 | 1 | 2017年工作回顾 | 1 | 2018年工作回顾 | same | 75% |
| 3 | 2.1 | 深化供给侧结构性改革。 |  |  | dropped | 0% |
| 4 | 2 | 2018年工作建议 | 2 | 2019年工作建议 | same | 88% |
| 5 |  |  | 2.1 | 继续实施积极的财政政策。 | new | 0% |
| 6 | 2.2 | 加快建设创新型国家。 | 2.2 | 加快建设创新型国家。 | same | 81% |

## Figure changes

A change between percentages is in percentage points (pp); other changes are in the new report's unit.

| pair | metric | old | new | change | relative | comparable | note |
|---|---|---|---|---|---|---|---|
| 2 | 国内生产总值增长 | 6.9% | 6.6% | -0.3 pp |  | yes |  |
| 2 | 城镇新增就业 | 1351万人 | 1361万人 | +10万人 | +0.7% | yes |  |
| 4 | 国内生产总值增长 | 6.5%（左右） | 6-6.5% | -0.25 pp |  | yes | range compared at its midpoint: new 6-6.5 |
| 4 | 城镇新增就业 | 1100万人（以上） | 1100万人（以上） | +0万人 | +0.0% | yes |  |

## Changes by section

Deleted text is ~~struck through~~ (or &lt;del&gt;), inserted text is **bold** (or &lt;ins&gt;). Unchanged text is cut to 12 characters beside each change (…).

### 1. 0 → 0

Sections 0 → 0, same, 89% unchanged.

政府工作报告

——~~2018~~**2019**年3月5日在第十三届全国人民代表大会~~第一次~~**第二次**会议上

各位代表：

现在…

### 2. 2017年工作回顾 → 2018年工作回顾

Sections 1 → 1, same, 75% unchanged.

一、~~2017~~**2018**年工作回顾

过去一年，经济运行~~稳中向好~~**保持在合理区间**。国内生产总值增长~~6.9%~~**6.6%**。城镇新增就业~~1351~~**1361**万人。

我们坚持深化改革…

### 3. 深化供给侧结构性改革。

Sections 2.1 → —, dropped, 0% unchanged.

~~（一）深化供给侧结构性改革。推进去产能，退出钢铁产能3000万吨左右。~~

### 4. 2018年工作建议 → 2019年工作建议

Sections 2 → 2, same, 88% unchanged.

二、~~2018~~**2019**年工作建议

今年发展的主 … 目标是：国内生产总值增长<ins>6%-</ins>6.5%~~左右~~；城镇新增就业1100万…

### 5. 继续实施积极的财政政策。

Sections — → 2.1, new, 0% unchanged.

**（一）继续实施积极的财政政策。减税降费2万亿元。**

### 6. 加快建设创新型国家。

Sections 2.2 → 2.2, same, 81% unchanged.

…家。加强国家创新体系建设<ins>，推进关键核心技术攻关</ins>。
"""


@pytest.fixture()
def report_files(tmp_path, monkeypatch):
    """The two synthetic reports as files, aligned with :func:`links_for` (not the aligner)."""
    import sys

    diff_module = sys.modules["reportdiff.diff"]  # ``reportdiff.diff`` is also the function
    a, b = tmp_path / "2018.txt", tmp_path / "2019.txt"
    a.write_text(OLD, encoding="utf-8")
    b.write_text(NEW, encoding="utf-8")
    monkeypatch.setattr(diff_module, "_align", lambda old, new, **_: links_for(old, new))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return str(a), str(b)


def run(*args: str):
    from click.testing import CliRunner

    from reportdiff.cli import cli

    return CliRunner().invoke(cli, list(args))


def test_cli_text(report_files):
    r = run("diff", *report_files, "--no-check", "--no-color")
    assert r.exit_code == 0, r.output
    assert r.output == EXPECTED_TEXT


def test_cli_markdown(report_files, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the sources table shows the paths as given
    r = run("diff", "2018.txt", "2019.txt", "--no-check", "--format", "md")
    assert r.exit_code == 0, r.output
    assert r.output == EXPECTED_MD


def test_cli_json_and_output_file(report_files, tmp_path, monkeypatch):
    r = run("diff", *report_files, "--no-check", "--format", "json", "--level", "char")
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)  # the diff's keys, with the manifest's beside them
    assert data["kind"] == "diff" and data["tool"]["name"] == "reportdiff"
    assert data["schema"] == "reportdiff.diff/1"
    assert data["options"] == {"level": "char"}
    assert data["summary"]["new"] == ["2.1"] and data["summary"]["dropped"] == ["2.1"]
    out = tmp_path / "out" / "diff.md"  # the folder is made
    monkeypatch.chdir(tmp_path)
    r = run("diff", "2018.txt", "2019.txt", "--no-check", "--format", "md", "-o", str(out))
    assert r.exit_code == 0 and r.output == ""
    assert out.read_text(encoding="utf-8") == EXPECTED_MD


def test_no_color_environment_turns_colour_off(result, monkeypatch):
    import io

    from reportdiff.render.diff_text import make_console, print_diff

    def render() -> str:
        buf = io.StringIO()
        print_diff(result, make_console(file=buf, force_terminal=True))
        return buf.getvalue()

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert "\x1b[9;31m[-" in render()  # red, struck through
    monkeypatch.setenv("NO_COLOR", "1")
    out = render()
    assert "31m" not in out and "32m" not in out
    assert "[-稳中向好-]{+保持在合理区间+}" in re.sub(r"\x1b\[[0-9;]*m", "", out)


def test_cli_errors_are_one_line(report_files, tmp_path):
    r = run("diff", str(tmp_path / "missing.txt"), report_files[1], "--no-check")
    assert r.exit_code == 3
    assert r.output.count("\n") == 1 and r.output.startswith("reportdiff: error: ")
    r = run("diff", *report_files)
    assert r.exit_code == 9
    assert "pass --no-check to analyse it anyway" in r.output
    r = run("diff", *report_files, "--level", "line")
    assert r.exit_code == 2 and "Invalid value for '--level'" in r.output


# -- real reports ----------------------------------------------------------------------


@pytest.mark.corpus
def test_national_2018_2019(national):
    from rich.cells import cell_len

    from reportdiff.textdiff import word_diff

    old, new = national(2018), national(2019)
    d = diff(old, new)
    s = d.summary
    # Every character of both reports is compared exactly once.
    assert s.old_chars == len(old.text.replace("\n", ""))
    assert s.new_chars == len(new.text.replace("\n", ""))
    assert 0.0 < s.unchanged_share < 1.0
    for p in d.pairs:
        if p.relation == "new":
            assert not old_text(p) and p.old_span is None
        if p.relation == "dropped":
            assert not new_text(p) and p.new_span is None
        for report, span, text in ((old, p.old_span, old_text(p)), (new, p.new_span, new_text(p))):
            if span:  # the span runs from the first to the last character compared
                ns, ne = report.norm.to_norm(*span)
                assert report.text[ns:ne].startswith(text[:8])
                assert report.text[ns:ne].endswith(text[-8:])
    assert {i for lk in (p for p in d.pairs if p.relation == "new") for i in lk.new_ids} \
        >= set(s.new)
    # The C++ and the pure-Python engines give the same operations (no time limit decides).
    small = sorted((p for p in d.pairs if p.changed), key=lambda p: len(p.ops))[:3]
    for p in small:
        a, b = old_text(p), new_text(p)
        assert word_diff(a, b, engine="pure") == word_diff(a, b, engine="auto") == p.ops
    out = diff_text(d)
    assert max(cell_len(line) for line in out.splitlines()) <= 100


def test_cli_html_goes_through_the_renderer(report_files, tmp_path):
    out = tmp_path / "diff.html"
    r = run("diff", *report_files, "--no-check", "--format", "html", "-o", str(out))
    assert r.exit_code == 0, r.output
    page = out.read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html")
    assert "保持在合理区间" in page


def test_cli_data_quality_warnings_are_one_line(report_files, tmp_path, monkeypatch):
    import sys

    monkeypatch.setattr(sys.modules["reportdiff.diff"], "_align", lambda old, new, **_: [])
    no_plan = tmp_path / "no-plan.txt"
    no_plan.write_text(OLD[:OLD.index("二、")], encoding="utf-8")
    r = run("diff", str(no_plan), report_files[1], "--no-check", "--format", "json")
    assert r.exit_code == 0
    warning_lines = [line for line in r.stderr.splitlines()
                     if line.startswith("reportdiff: warning: ")]
    assert warning_lines and all("plan part" in line for line in warning_lines)
    assert "Warning:" not in r.stderr  # no raw Python warning output
