"""The ``reportdiff`` command line: parse options, call the library, render.

No analysis happens here.  Every :class:`~reportdiff.errors.ReportDiffError`
becomes a one-line message on stderr and the exit code of its class (see
``docs/cli.md``); no traceback reaches a user for bad input.  Heavy modules
(scikit-learn, jieba) are imported only inside the commands that need them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any, TypeVar

import click

from . import __version__
from .errors import ReportDiffError

F = TypeVar("F", bound=Callable[..., Any])


def _handle_errors(func: F) -> F:
    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ReportDiffError as exc:
            click.echo(f"reportdiff: error: {exc}", err=True)
            sys.exit(exc.exit_code)

    return wrapper  # type: ignore[return-value]


@contextmanager
def _warnings_to_stderr() -> Iterator[None]:
    """Show each data-quality warning raised inside as one line on stderr, after the block.

    A warning raised twice with the same message (the same text analysed by two
    stages) is shown once.
    """
    import warnings

    from .errors import ReportDiffWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ReportDiffWarning)
        yield
    shown: set[str] = set()
    for w in caught:
        line = f"reportdiff: warning: {w.message}"
        if issubclass(w.category, ReportDiffWarning) and line not in shown:
            shown.add(line)
            click.echo(line, err=True)


def _emit(text: str, output: str | None = None) -> None:
    """Print ``text`` as it is, or write it to ``output`` (UTF-8) when given."""
    if output is None:
        click.echo(text, nl=False)
    else:
        from .render import write_text

        write_text(output, text)


def _export(write: Callable[..., str], result: Any, fmt: str, output: str | None,
            **options: Any) -> None:
    """Render ``result`` with ``write`` (:func:`~reportdiff.render.write_audit` / ``write_diff``).

    The renderer writes ``output`` itself (sqlite needs the path); without it
    the text goes to standard output.
    """
    text = write(result, fmt, output, **options)
    if output is None:
        _emit(text)


def _tty() -> bool:
    """Whether to draw rich tables: standard output is a terminal and NO_COLOR is unset."""
    import os

    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


#: Options shared by the commands that read files.
_ENCODING = click.option(
    "--encoding", default=None, metavar="E",
    help="Text encoding of a .txt/HTML file (default: detect UTF-8, GB18030, UTF-16).")
_NO_CHECK = click.option("--no-check", is_flag=True,
                         help="Analyse the text even if it does not look like a work report.")
_NO_CHECK_MANY = click.option("--no-check", is_flag=True,
                              help="Analyse the texts even if they do not look like work reports.")
_EXCEL = click.option("--excel", is_flag=True,
                      help="CSV: start with a UTF-8 byte-order mark so Excel shows Chinese text.")


def _check_excel(fmt: str, excel: bool) -> None:
    """``--excel`` only changes CSV: refuse it with another format instead of ignoring it."""
    if excel and fmt != "csv":
        from .errors import UsageError

        raise UsageError(f"--excel only applies to CSV output; add --format csv "
                         f"(not --format {fmt})")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportdiff")
def cli() -> None:
    """Compare annual reports (Chinese government work reports first).

    Run `reportdiff demo` for the promise ledger of the bundled report.
    """


# === foundation: text, outline (issue 2) ===================================


@cli.command("text")
@click.argument("file")
@_ENCODING
@_NO_CHECK
@_handle_errors
def text_command(file: str, encoding: str | None, no_check: bool) -> None:
    """Print the normalised body text of FILE (txt, HTML, PDF, DOCX or an http(s) URL).

    Site chrome (publication line, navigation, footer, licence) is left out;
    zero-width characters, full-width digits and broken lines are normalised.
    """
    from .load import load

    with _warnings_to_stderr():
        report = load(file, encoding=encoding, check=not no_check)
    click.echo(report.text)


@cli.command("outline")
@click.argument("file")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="An indented tree, or JSON with spans.")
@click.option("--depth", type=click.IntRange(1, 5), default=None, metavar="N",
              help="Deepest level: 1 parts, 2 chapters, 3 topics, 4 paragraphs, 5 sentences "
                   "(default: 3 for text, 4 for JSON).")
@_ENCODING
@_NO_CHECK
@_handle_errors
def outline_command(file: str, fmt: str, depth: int | None, encoding: str | None,
                    no_check: bool) -> None:
    """Print the section tree of FILE: parts, chapters, topics (and paragraphs, sentences).

    Each line shows the section id, its title and its role and year:
    review (what the report says was done) or plan (what it sets out to do).
    """
    from .load import load

    with _warnings_to_stderr():
        report = load(file, encoding=encoding, check=not no_check)
    if fmt == "json":
        from .render import dumps_json

        _emit(dumps_json(report.outline(max_level=depth or 4)))
        return
    from .render.outline import outline_text, print_outline

    if _tty():
        print_outline(report, depth=depth or 3)
    else:
        _emit(outline_text(report, depth=depth or 3))


# === figures (issue 3) =====================================================


@cli.command("figures")
@click.argument("file")
@click.option("--part", type=click.Choice(["review", "plan", "all"]), default="all",
              show_default=True, help="Figures of the review part, the plan part, or all.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True, help="A terminal table, a JSON list of figures, or CSV.")
@_EXCEL
@_ENCODING
@_NO_CHECK
@_handle_errors
def figures_command(file: str, part: str, fmt: str, excel: bool, encoding: str | None,
                    no_check: bool) -> None:
    """List every figure of FILE: metric, value, unit, qualifier, kind, section and quote.

    A figure is a number with a unit that the report states about something it
    measures (国内生产总值增长6.6%, 新增市场主体1.97万户, 位居中心城区第三);
    years, plan names, slogans, ordinals and codes are left out.
    """
    from .figures import extract_figures
    from .load import load

    _check_excel(fmt, excel)
    with _warnings_to_stderr():
        report = load(file, encoding=encoding, check=not no_check)
        figs = extract_figures(report, part=part)
    if fmt == "json":
        from .render import dumps_json

        _emit(dumps_json(figs.to_dict()))
        return
    if fmt == "csv":
        from .render.figures_table import figures_csv

        _emit(figures_csv(figs, excel=excel))
        return
    from .render.figures_table import figures_text, print_figures

    if _tty():
        print_figures(figs)
    else:
        _emit(figures_text(figs))


# === compare: similarity, align, diff (issue 4) ============================

# --- similarity, align ---


@cli.command("similarity")
@click.argument("files", nargs=-1, required=True)
@click.option("--level", type=click.Choice(["doc", "chapter", "topic"]), default="doc",
              show_default=True, help="Whole documents, or aligned chapters / topics.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True, help="Output format.")
@click.option("--measure", "measures", multiple=True,
              type=click.Choice(["tfidf", "cosine", "jaccard", "edit", "simple"]),
              help="Only these measures (repeat the option; default: all five).")
@_NO_CHECK_MANY
@_handle_errors
def similarity_command(files: tuple[str, ...], level: str, fmt: str,
                       measures: tuple[str, ...], no_check: bool) -> None:
    """Similarity of two or more reports (TF-IDF cosine and the Lazy-Prices measures).

    With more than two FILES, consecutive pairs by year and an all-pairs
    TF-IDF matrix.  Every measure is 1.000 for identical texts; see
    docs/similarity.md for the scores of unrelated texts.
    """
    from .errors import UsageError
    from .load import load
    from .render import dumps_json
    from .render.similarity_table import similarity_csv, similarity_text
    from .similarity import MEASURES, similarity

    if len(files) < 2:
        raise UsageError("similarity needs at least two files: reportdiff similarity OLD NEW")
    with _warnings_to_stderr():
        table = similarity([load(f, check=not no_check) for f in files],
                           level=level,  # type: ignore[arg-type]
                           measures=measures or MEASURES)
    if fmt == "json":
        _emit(dumps_json(table.to_dict()))
    elif fmt == "csv":
        _emit(similarity_csv(table))
    else:
        _emit(similarity_text(table))


@cli.command("align")
@click.argument("old")
@click.argument("new")
@click.option("--level", type=click.Choice(["chapter", "topic"]), default="chapter",
              show_default=True, help="Link chapters or topics.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@_NO_CHECK_MANY
@_handle_errors
def align_command(old: str, new: str, level: str, fmt: str, no_check: bool) -> None:
    """Link the sections of OLD (earlier report) and NEW (later report).

    Relations: same, moved, split, merged, new, dropped.  Review links say
    which review sections of NEW report on which plan sections of OLD.
    """
    from .align import align
    from .load import load
    from .render import dumps_json
    from .render.similarity_table import alignment_text

    with _warnings_to_stderr():
        result = align(load(old, check=not no_check), load(new, check=not no_check),
                       level=level)  # type: ignore[arg-type]
    if fmt == "json":
        _emit(dumps_json(result.to_dict()))
    else:
        _emit(alignment_text(result))

# --- end similarity, align ---


@cli.command("diff")
@click.argument("old")
@click.argument("new")
@click.option("--format", "fmt",
              type=click.Choice(["text", "json", "md", "csv", "html", "sqlite"]),
              default="text", show_default=True,
              help="Terminal text, or a file format (see docs/output.md).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file instead of standard output (required for sqlite).")
@click.option("--level", type=click.Choice(["word", "char"]), default="word", show_default=True,
              help="Diff units: jieba words or single characters.")
@_EXCEL
@click.option("--no-color", is_flag=True, help="Plain text, no colours (also: NO_COLOR=1).")
@_NO_CHECK_MANY
@_handle_errors
def diff_command(old: str, new: str, fmt: str, output: str | None, level: str, excel: bool,
                 no_color: bool, no_check: bool) -> None:
    """Word-level diff of two reports, section pair by section pair.

    OLD is the earlier report, NEW the later one (txt, HTML, PDF or DOCX).
    A summary (share of text unchanged, most-changed, new, dropped and moved
    sections) comes first, then every changed pair: [-deleted-] {+inserted+}.
    """
    from .diff import diff
    from .load import load

    _check_excel(fmt, excel)
    with _warnings_to_stderr():
        old_r = load(old, check=not no_check)
        new_r = load(new, check=not no_check)
        result = diff(old_r, new_r, level=level)
    if fmt == "text":
        from .render.diff_text import diff_text, make_console, print_diff

        if output is None:
            print_diff(result, make_console(no_color=no_color))
        else:
            _emit(diff_text(result), output)
        return
    from .render import write_diff

    _export(write_diff, result, fmt, output, excel=excel, old=old_r, new=new_r)


# === promises, audit, demo (issue 5) =======================================


@cli.command("promises")
@click.argument("file")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True, help="A terminal table, a JSON list of promises, or CSV.")
@_EXCEL
@_ENCODING
@_NO_CHECK
@_handle_errors
def promises_command(file: str, fmt: str, excel: bool, encoding: str | None,
                     no_check: bool) -> None:
    """List the promises of FILE's plan part: target, strength, section and quote.

    Quantitative promises carry a target (>= 1100 万人, ~ 3 %, a cut of 3 %);
    qualitative ones name a project or policy with a verb of completion
    (开工, 建成, 出台 …).  Slogans and bare direction words are left out.
    """
    from .load import load
    from .promises import extract_promises

    _check_excel(fmt, excel)
    with _warnings_to_stderr():
        report = load(file, encoding=encoding, check=not no_check)
        promises = extract_promises(report)
    if fmt == "json":
        from .render import dumps_json

        _emit(dumps_json(promises.to_dict()))
    elif fmt == "csv":
        from .render.audit_table import promises_csv

        _emit(promises_csv(promises, excel=excel))
    elif _tty():
        from .render.audit_table import print_promises

        print_promises(promises)
    else:
        from .render.audit_table import promises_text

        _emit(promises_text(promises))


def _audit_options(tolerance: float | None, tolerance_pp: float | None,
                   polarity_file: str | None, ceilings: tuple[str, ...],
                   floors: tuple[str, ...]) -> Any:
    import json

    from .errors import UsageError
    from .verdicts import AuditOptions

    opts = AuditOptions(**{k: v for k, v in (("tolerance", tolerance),
                                             ("tolerance_pp", tolerance_pp)) if v is not None})
    mapping = None
    if polarity_file:
        try:
            with open(polarity_file, encoding="utf-8") as fh:
                mapping = json.load(fh)
        except (OSError, ValueError) as exc:
            raise UsageError(f"cannot read the polarity table {polarity_file}: {exc}; give a "
                             'JSON object such as {"房价": "ceiling"}') from exc
        if not isinstance(mapping, dict):
            raise UsageError(f"{polarity_file} must hold a JSON object such as "
                             '{"房价": "ceiling"}')
    for option, patterns, example in (("--ceiling", ceilings, "--ceiling 房价"),
                                      ("--floor", floors, "--floor 城镇新增就业"),
                                      ("--polarity", tuple(mapping or ()), '{"房价": "ceiling"}')):
        if any(not str(m).strip() for m in patterns):
            raise UsageError(f"{option}: an empty metric pattern would match every metric; "
                             f"give part of a metric name, e.g. {example}")
    if mapping or ceilings or floors:
        opts = opts.with_polarity(mapping, ceilings=ceilings, floors=floors)
    return opts


@cli.command("audit")
@click.argument("old")
@click.argument("new")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "md", "html",
                                                     "sqlite"]),
              default="table", show_default=True,
              help="A terminal table, or a file format (see docs/output.md).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write to this file instead of standard output (required for sqlite).")
@_EXCEL
@click.option("--tolerance", type=float, default=None, metavar="F",
              help="Room 左右 leaves for non-rate targets, as a fraction (default 0.05).")
@click.option("--tolerance-pp", type=float, default=None, metavar="P",
              help="Room 左右 leaves for rates, in percentage points (default 0.25).")
@click.option("--polarity", "polarity_file", type=click.Path(dir_okay=False), default=None,
              metavar="FILE.json", help='Polarity table, e.g. {"房价": "ceiling"}.')
@click.option("--ceiling", "ceilings", multiple=True, metavar="METRIC",
              help="Treat metrics containing METRIC as ceilings (repeatable).")
@click.option("--floor", "floors", multiple=True, metavar="METRIC",
              help="Treat metrics containing METRIC as floors (repeatable).")
@click.option("--no-align", is_flag=True,
              help="Search the whole review without following the section alignment.")
@_NO_CHECK_MANY
@_handle_errors
def audit_command(old: str, new: str, fmt: str, output: str | None, excel: bool,
                  tolerance: float | None,
                  tolerance_pp: float | None, polarity_file: str | None,
                  ceilings: tuple[str, ...], floors: tuple[str, ...], no_align: bool,
                  no_check: bool) -> None:
    """Check every promise of OLD against the review of NEW (the next year's report).

    Verdicts: kept, partial, in_progress, missed, unclear, not_mentioned; each
    with the outcome, attainment, the rule applied and the evidence quoted
    from NEW.  The rules are in docs/verdicts.md.
    """
    from .audit import audit
    from .load import load

    _check_excel(fmt, excel)
    opts = _audit_options(tolerance, tolerance_pp, polarity_file, ceilings, floors)
    with _warnings_to_stderr():
        old_r = load(old, check=not no_check)
        new_r = load(new, check=not no_check)
        result = audit(old_r, new_r, options=opts, alignment=not no_align)
    if fmt == "table":
        if _tty() and output is None:
            from .render.audit_table import print_audit

            print_audit(result)
        else:
            from .render.audit_table import audit_text

            _emit(audit_text(result), output)
        return
    from .render import write_audit

    _export(write_audit, result, fmt, output, excel=excel, old=old_r, new=new_r)


@cli.command("demo")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="reportdiff-demo.md",
              show_default=True, help="Where to write the Markdown version.")
@click.option("--no-write", is_flag=True, help="Print only; write no Markdown file.")
@_handle_errors
def demo_command(output: str, no_write: bool) -> None:
    """The promise ledger of the bundled Hongshan 2019 report.

    Prints every 2020 promise with its target, the 2019 outcomes beside the
    2020 targets topic by topic, writes the same as Markdown, and ends with
    the command that runs the full audit once the next report is at hand.
    """
    from .demo import demo
    from .render.audit_table import demo_markdown, demo_text

    d = demo()
    if not no_write:
        _emit(demo_markdown(d), output)
    _emit(demo_text(d, markdown_path=None if no_write else output))


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="reportdiff")
