"""The ``reportdiff`` command line: parse options, call the library, render.

No analysis happens here.  Every :class:`~reportdiff.errors.ReportDiffError`
becomes a one-line message on stderr and the exit code of its class (see
``docs/cli.md``); no traceback reaches a user for bad input.  Heavy modules
(scikit-learn, jieba) are imported only inside the commands that need them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportdiff")
def cli() -> None:
    """Compare annual reports (Chinese government work reports first).

    Run `reportdiff demo` for the promise ledger of the bundled report.
    """


# === foundation: text, outline (issue 2) ===================================


# === figures (issue 3) =====================================================


# === compare: similarity, align, diff (issue 4) ============================


# === promises, audit, demo (issue 5) =======================================


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="reportdiff")
