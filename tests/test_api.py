"""The public API: an explicit ``__all__``, picklable immutable results, a light import."""

from __future__ import annotations

import dataclasses
import pickle
import subprocess
import sys

import pytest

import reportdiff
from reportdiff.results import ResultTuple


def test_all_is_explicit_and_importable() -> None:
    assert len(reportdiff.__all__) == len(set(reportdiff.__all__))
    for name in reportdiff.__all__:
        assert hasattr(reportdiff, name), name


def test_public_names_for_errors_warnings_and_collections() -> None:
    """Users catch, filter and annotate with these without reaching into submodules."""
    from reportdiff import errors

    names = ["UsageError", "StructureWarning", "FigureWarning", "EncodingGuessWarning",
             "MetricRedefinedWarning", "Figures", "Promises", "FigureDeltas"]
    names += [n for n in ("ReportOrderWarning",) if hasattr(errors, n)]
    for name in names:
        assert name in reportdiff.__all__, name
    for name in [n for n in errors.__all__ if n != "EXIT_CODES"]:
        assert getattr(reportdiff, name) is getattr(errors, name), name
    assert issubclass(reportdiff.FigureWarning, reportdiff.ReportDiffWarning)


def test_report_is_immutable_and_picklable(bundled: reportdiff.Report) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        bundled.year = 1999  # type: ignore[misc]
    clone = pickle.loads(pickle.dumps(bundled))
    assert clone.text == bundled.text
    assert [s.id for s in clone.walk()] == [s.id for s in bundled.walk()]


def test_import_does_not_pull_heavy_modules() -> None:
    code = (
        "import sys, reportdiff, reportdiff.cli\n"
        "heavy = [m for m in ('sklearn', 'jieba', 'pandas', 'matplotlib', 'scipy') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_every_command_is_documented() -> None:
    from click.testing import CliRunner
    from conftest import ROOT

    from reportdiff.cli import cli

    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in cli.list_commands(None):  # type: ignore[arg-type]
        assert f"`reportdiff {name}" in doc, f"command {name} missing from docs/cli.md"
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0


@pytest.mark.parametrize("command", [["--help"], ["outline"], ["figures"], ["text"]])
def test_light_commands_never_import_scikit_learn(command: list[str]) -> None:
    from conftest import BUNDLED

    args = command if command == ["--help"] else [*command, str(BUNDLED)]
    code = (
        "import sys, io, contextlib\n"
        "from reportdiff.cli import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        f"        cli({args!r}, standalone_mode=False)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(','.join(m for m in ('sklearn', 'scipy', 'jieba', 'pandas') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1:] in ([], [""])


def test_python_dash_m_runs_the_cli() -> None:
    out = subprocess.run([sys.executable, "-m", "reportdiff", "--version"], capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == f"reportdiff, version {reportdiff.__version__}"


def test_results_pickle_for_batch_runs(national) -> None:  # type: ignore[no-untyped-def]
    """Batch mode fans results out over processes: every result must survive pickling."""
    old, new = national(2018), national(2019)
    results = {
        "audit": reportdiff.audit(old, new),
        "diff": reportdiff.diff(old, new),
        "align": reportdiff.align(old, new),
        "similarity": reportdiff.similarity([old, new]),
        "figures": old.figures,
        "promises": old.promises,
        "deltas": reportdiff.figure_deltas(old, new),
    }
    for name, result in results.items():
        clone = pickle.loads(pickle.dumps(result))
        assert clone.to_dict() == result.to_dict(), name
        labels = result.labels if isinstance(result, ResultTuple) else ()
        for label in labels:  # labelled tuples keep their labels
            assert getattr(clone, label) == getattr(result, label), (name, label)
    assert results["figures"].year == 2018 and results["deltas"].new_year == 2019
