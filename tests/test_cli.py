"""The command line as a whole: every command runs, errors are one line, no tracebacks.

Per-command output is pinned in the tests of each area (``test_diff.py``,
``test_audit.py`` ...); here every command is run once through click's
CliRunner on the bundled report or two small synthetic reports.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from reportdiff import __version__
from reportdiff.cli import cli

BUNDLED = str(Path(__file__).resolve().parents[1] / "corpus" / "hongshan-2019.txt")

OLD = """政府工作报告
——2018年1月10日在县第十七届人民代表大会第二次会议上
各位代表：
现在，我代表县人民政府，向大会报告政府工作，请予审议。
一、2017年工作回顾
过去一年，全县地区生产总值增长6.8%，一般公共预算收入12.5亿元。城镇新增就业3200人。
二、2018年工作安排
2018年主要预期目标是：地区生产总值增长6.5%左右；城镇新增就业3000人以上。
（一）推动产业升级。建设智能制造产业园，新增规模以上工业企业20家。
（二）改善民生。新建幼儿园5所，改造农村公路80公里。
"""

NEW = """政府工作报告
——2019年1月12日在县第十七届人民代表大会第三次会议上
各位代表：
现在，我代表县人民政府，向大会报告政府工作，请予审议。
一、2018年工作回顾
过去一年，全县地区生产总值增长6.6%，一般公共预算收入13亿元。城镇新增就业3350人。
新增规模以上工业企业22家，新建幼儿园5所，改造农村公路60公里。
二、2019年工作安排
2019年主要预期目标是：地区生产总值增长6%—6.5%；城镇新增就业3000人以上。
（一）推动产业升级。建设智能制造产业园二期。
（二）改善民生。新建养老服务中心2个。
"""

#: Every command that reads report files, with the arguments it needs besides them.
FILE_COMMANDS = {
    "text": 1, "outline": 1, "figures": 1, "promises": 1,
    "similarity": 2, "align": 2, "diff": 2, "audit": 2,
}


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture()
def pair(tmp_path: Path) -> tuple[str, str]:
    old, new = tmp_path / "2018.txt", tmp_path / "2019.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return str(old), str(new)


@pytest.fixture(autouse=True)
def _no_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")


# -- the group -------------------------------------------------------------------------


def test_version() -> None:
    r = run("--version")
    assert r.exit_code == 0
    assert r.output == f"reportdiff, version {__version__}\n"


def test_help_lists_every_command() -> None:
    r = run("--help")
    assert r.exit_code == 0
    listed = {line.split()[0] for line in r.output.split("Commands:")[1].splitlines()
              if line.strip()}
    assert listed == set(FILE_COMMANDS) | {"demo"}
    for name in [*FILE_COMMANDS, "demo"]:
        assert run(name, "--help").exit_code == 0


def test_help_does_not_import_scikit_learn() -> None:
    import subprocess
    import sys

    code = ("import sys; from click.testing import CliRunner; from reportdiff.cli import cli; "
            "CliRunner().invoke(cli, ['--help']); print('sklearn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


# -- one smoke test per command ----------------------------------------------------------


def test_text_outline_figures_promises_on_the_bundled_report() -> None:
    r = run("text", BUNDLED)
    assert r.exit_code == 0, r.output
    assert "工作报告" in r.output.splitlines()[0]
    r = run("outline", BUNDLED, "--format", "json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["sections"]
    r = run("figures", BUNDLED, "--format", "csv")
    assert r.exit_code == 0, r.output
    assert r.output.splitlines()[0].startswith("metric,")
    assert len(r.output.splitlines()) > 20
    r = run("promises", BUNDLED, "--format", "json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)


def test_similarity_and_align(pair: tuple[str, str]) -> None:
    r = run("similarity", *pair, "--no-check", "--format", "json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)
    r = run("similarity", pair[0], "--no-check")
    assert r.exit_code == 2
    assert r.output == ("reportdiff: error: similarity needs at least two files: "
                        "reportdiff similarity OLD NEW\n")
    r = run("align", *pair, "--no-check", "--format", "json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)


@pytest.mark.parametrize("fmt", ["text", "json", "md", "csv", "html"])
def test_diff_formats(pair: tuple[str, str], fmt: str) -> None:
    r = run("diff", *pair, "--no-check", "--format", fmt)
    assert r.exit_code == 0, r.output
    start = {"text": "2018 政府工作报告 → 2019 政府工作报告\nUnchanged text: ", "json": "{",
             "md": "# Changes: 政府工作报告 (2018) → 政府工作报告 (2019)\n",
             "csv": "n,old,new,relation,", "html": "<!doctype html>"}[fmt]
    assert r.output.lower().startswith(start.lower())


@pytest.mark.parametrize("command", ["diff", "audit"])
def test_file_formats_write_files(pair: tuple[str, str], tmp_path: Path, command: str) -> None:
    for fmt in ("json", "md", "csv", "html", "sqlite"):
        out = tmp_path / f"{command}.{fmt}"
        r = run(command, *pair, "--no-check", "--format", fmt, "-o", str(out))
        assert r.exit_code == 0, r.output
        assert r.output == ""  # written, not printed
        assert out.stat().st_size > 0
    with sqlite3.connect(tmp_path / f"{command}.sqlite") as db:
        tables = {row[0] for row in db.execute("select name from sqlite_master")}
    assert {"metadata", "reports", "sections"} <= tables
    r = run(command, *pair, "--no-check", "--format", "sqlite")
    assert r.exit_code == 2
    assert r.output == (f"reportdiff: error: --format sqlite writes a database file: give its "
                        f"name with -o, e.g. -o {command}.db\n")


@pytest.mark.parametrize("command", ["diff", "audit"])
def test_excel_csv_starts_with_a_byte_order_mark(pair: tuple[str, str], command: str) -> None:
    plain = run(command, *pair, "--no-check", "--format", "csv")
    excel = run(command, *pair, "--no-check", "--format", "csv", "--excel")
    assert plain.exit_code == excel.exit_code == 0
    assert not plain.output.startswith("\ufeff")
    assert excel.output == "\ufeff" + plain.output


def test_json_keeps_the_result_keys_beside_the_manifest(pair: tuple[str, str]) -> None:
    r = run("audit", *pair, "--no-check", "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert list(data)[:6] == ["schema", "manifest", "kind", "tool", "inputs", "options"]
    assert data["kind"] == "audit" and "promises" in data and "summary" in data
    assert [i["path"] for i in data["inputs"]] == list(pair)


def test_audit_table_to_a_file(pair: tuple[str, str], tmp_path: Path) -> None:
    printed = run("audit", *pair, "--no-check")
    assert printed.exit_code == 0, printed.output
    out = tmp_path / "deep" / "audit.txt"
    r = run("audit", *pair, "--no-check", "-o", str(out))
    assert r.exit_code == 0 and r.output == ""
    assert out.read_text(encoding="utf-8") == printed.output


def test_audit_html_does_not_load_the_reports_again(pair: tuple[str, str], tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    module = sys.modules["reportdiff.load"]  # ``reportdiff.load`` is also the function
    calls: list[str] = []
    real = module.load

    def counting(path: object, **kwargs: object) -> object:
        calls.append(str(path))
        return real(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "load", counting)
    r = run("audit", *pair, "--no-check", "--format", "html", "-o", str(tmp_path / "a.html"))
    assert r.exit_code == 0, r.output
    assert sorted(calls) == sorted(pair)


def test_demo(tmp_path: Path) -> None:
    out = tmp_path / "demo.md"
    r = run("demo", "-o", str(out))
    assert r.exit_code == 0, r.output
    assert out.read_text(encoding="utf-8").startswith("#")
    r = run("demo", "--no-write")
    assert r.exit_code == 0, r.output
    assert str(out) not in r.output


def test_unwritable_output_is_one_line(pair: tuple[str, str], tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    r = run("diff", *pair, "--no-check", "--format", "md", "-o", str(blocker / "d.md"))
    assert r.exit_code == 2
    assert r.output == (f"reportdiff: error: cannot write {blocker / 'd.md'}: {blocker} is a "
                        "file, not a folder; give a file in a folder you can write to\n")


# -- bad input: one line, the exit code of its class, never a traceback ---------------------


def _args(command: str, path: str) -> list[str]:
    return [command, path, BUNDLED][:FILE_COMMANDS[command] + 1]


@pytest.mark.parametrize("command", sorted(FILE_COMMANDS))
def test_missing_file_message(command: str, tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    r = run(*_args(command, missing))
    assert r.exit_code == 3
    assert r.output == f"reportdiff: error: {missing}: no such file; check the path\n"


BAD_INPUTS = {
    "missing": (None, 3),
    "empty": (b"", 4),
    "binary": (b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)) * 4, 5),
}


@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
@pytest.mark.parametrize("command", sorted(FILE_COMMANDS))
def test_bad_input_never_prints_a_traceback(command: str, kind: str, tmp_path: Path) -> None:
    content, code = BAD_INPUTS[kind]
    path = tmp_path / f"{kind}.txt"
    if content is not None:
        path.write_bytes(content)
    r = run(*_args(command, str(path)))
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    assert "Traceback" not in r.output
    assert r.exit_code == code
    assert r.output.startswith("reportdiff: error: ") and r.output.count("\n") == 1


# -- audit polarity options: an empty pattern would silently flip every verdict ---------------


@pytest.mark.parametrize(("option", "value", "example"), [
    ("--ceiling", "", "--ceiling 房价"),
    ("--floor", "  ", "--floor 城镇新增就业"),
])
def test_empty_polarity_pattern_is_a_usage_error(pair: tuple[str, str], option: str, value: str,
                                                 example: str) -> None:
    r = run("audit", *pair, "--no-check", option, value)
    assert r.exit_code == 2
    assert r.output == (f"reportdiff: error: {option}: an empty metric pattern would match every "
                        f"metric; give part of a metric name, e.g. {example}\n")


def test_empty_key_in_polarity_file_is_a_usage_error(pair: tuple[str, str],
                                                     tmp_path: Path) -> None:
    table = tmp_path / "polarity.json"
    table.write_text('{"": "ceiling", "房价": "ceiling"}', encoding="utf-8")
    r = run("audit", *pair, "--no-check", "--polarity", str(table))
    assert r.exit_code == 2
    assert r.output == ('reportdiff: error: --polarity: an empty metric pattern would match every '
                        'metric; give part of a metric name, e.g. {"房价": "ceiling"}\n')


def test_a_named_ceiling_still_works(pair: tuple[str, str]) -> None:
    r = run("audit", *pair, "--no-check", "--ceiling", "房价")
    assert r.exit_code == 0, r.output
    assert "promises checked against the 2019 report" in r.output


def test_a_repeated_warning_is_shown_once(capsys: pytest.CaptureFixture[str]) -> None:
    import warnings

    from reportdiff.cli import _warnings_to_stderr
    from reportdiff.errors import FigureWarning, StructureWarning

    with _warnings_to_stderr():
        for _ in range(2):  # the same text read by two stages (figures, promises)
            warnings.warn("range '二百八十万到三百万千' not read as a figure", FigureWarning,
                          stacklevel=2)
        warnings.warn("r.txt: no plan part found", StructureWarning, stacklevel=2)
    assert capsys.readouterr().err == (
        "reportdiff: warning: range '二百八十万到三百万千' not read as a figure\n"
        "reportdiff: warning: r.txt: no plan part found\n")


# -- --excel: also for figures and promises; refused (not ignored) with another format --------


@pytest.mark.parametrize("command", ["figures", "promises"])
def test_excel_csv_of_one_report(command: str) -> None:
    plain = run(command, BUNDLED, "--format", "csv")
    excel = run(command, BUNDLED, "--format", "csv", "--excel")
    assert plain.exit_code == excel.exit_code == 0
    assert not plain.output.startswith("\ufeff")
    assert excel.output == "\ufeff" + plain.output


@pytest.mark.parametrize(("command", "fmt"), [("figures", "table"), ("promises", "json"),
                                              ("diff", "md"), ("audit", "table")])
def test_excel_without_csv_is_a_usage_error(pair: tuple[str, str], command: str,
                                            fmt: str) -> None:
    files = pair[:FILE_COMMANDS[command]]
    r = run(command, *files, "--no-check", "--format", fmt, "--excel")
    assert r.exit_code == 2
    assert r.output == ("reportdiff: error: --excel only applies to CSV output; add --format csv "
                        f"(not --format {fmt})\n")
