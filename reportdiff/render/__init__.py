"""Renderers: turn audits and diffs into HTML, Markdown, CSV, JSON manifests and SQLite.

Feature commands call :func:`write_audit` / :func:`write_diff` for every
format other than their terminal table.  Both accept the result object (or its
``to_dict()``), a format name from :data:`FORMATS`, and an optional output
path; see ``docs/output.md``.  :func:`write_text` is how every text file is
written (UTF-8, missing folders made, an unwritable path a
:class:`~reportdiff.errors.UsageError`).

Every format is deterministic: the same inputs and options give byte-identical
output (no timestamps, fixed order).
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Any

from ..errors import ReportDiffError, UsageError
from .common import as_dict, complete_sides, reports_of
from .jsonout import dumps_json, manifest

__all__ = ["FORMATS", "dumps_json", "manifest", "write_audit", "write_diff", "write_text"]

#: Output formats of :func:`write_audit` and :func:`write_diff`.
FORMATS: tuple[str, ...] = ("json", "md", "csv", "html", "sqlite")


def _unwritable(out: Any, exc: OSError) -> UsageError:
    parent = Path(out).parent
    reason = (f"{parent} is a file, not a folder" if parent.exists() and not parent.is_dir()
              else exc.strerror or str(exc))
    return UsageError(f"cannot write {out}: {reason}; give a file in a folder you can write to")


def write_text(out: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``out`` as UTF-8, line ends kept as they are; parent folders are made.

    Raises
    ------
    UsageError
        ``out`` cannot be written (a folder, no permission ...).
    """
    path = Path(out)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    except OSError as exc:
        raise _unwritable(out, exc) from exc


def _companion(name: str, old: Any, new: Any) -> tuple[dict[str, Any] | None, list[str]]:
    """Compute the other result (``audit`` for a diff page, ``diff`` for an audit page).

    Its data-quality warnings are not raised again on the console (the user
    asked for the other result) but listed as notes on the page.
    """
    import warnings

    from ..errors import ReportDiffWarning

    try:
        module = importlib.import_module(f"reportdiff.{name}")
        func = getattr(module, name)
    except (ImportError, AttributeError):
        return None, []
    what = "promise audit" if name == "audit" else "side-by-side comparison"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ReportDiffWarning)
        try:
            result = as_dict(func(old, new))
        except ReportDiffError as exc:
            return None, [f"The {what} could not be made: {exc}"]
    notes = []
    for w in caught:
        if issubclass(w.category, ReportDiffWarning):
            note = f"Warning from the {what}: {w.message}"
            if note not in notes:
                notes.append(note)
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    return result, notes[:10]


def _render(kind: str, result: Any, fmt: str, out: str | os.PathLike[str] | None, *,
            excel: bool, rows: str, old: Any, new: Any, other: Any, complete: bool,
            chart_engine: str) -> str:
    """The body of :func:`write_audit` (``kind="audit"``) and :func:`write_diff` (``"diff"``)."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown output format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "sqlite" and out is None:
        raise UsageError(f"--format sqlite writes a database file: give its name with -o, "
                         f"e.g. -o {kind}.db")
    old, new = reports_of(result, old, new, reload=fmt in ("html", "sqlite"))
    data = complete_sides(as_dict(result), result, old, new)
    if fmt == "sqlite":
        from . import sqlite

        try:
            getattr(sqlite, f"write_{kind}_sqlite")(data, out, old=old, new=new)
        except OSError as exc:
            raise _unwritable(out, exc) from exc
        return ""
    if fmt == "json":
        text = dumps_json(manifest(data, kind=kind))
    elif fmt == "md":
        from . import markdown

        text = getattr(markdown, f"{kind}_markdown")(data)
    elif fmt == "csv":
        from .csvout import audit_csv, diff_csv

        text = (audit_csv(data, rows=rows, excel=excel, old=old, new=new) if kind == "audit"
                else diff_csv(data, rows=rows, excel=excel))
    else:
        from . import html

        notes: list[str] = []
        other_data = as_dict(other) if other is not None else None
        if other_data is None and complete and old is not None and new is not None:
            other_data, notes = _companion("diff" if kind == "audit" else "audit", old, new)
        companion = {"diff" if kind == "audit" else "audit": other_data}
        text = getattr(html, f"{kind}_html")(data, old=old, new=new, chart_engine=chart_engine,
                                             notes=notes, **companion)
    if out is not None:
        write_text(out, text)
    return text


def write_audit(audit: Any, fmt: str, out: str | os.PathLike[str] | None = None, *,
                excel: bool = False, rows: str = "promise", old: Any = None, new: Any = None,
                diff: Any = None, complete: bool = True, chart_engine: str = "auto") -> str:
    """Render an audit as ``fmt`` and return the text; write it to ``out`` when given.

    Parameters
    ----------
    audit : Audit or dict
        The result of :func:`reportdiff.audit` or its ``to_dict()``.
    fmt : {"json", "md", "csv", "html", "sqlite"}
        ``json`` is the rerunnable manifest (:func:`~reportdiff.render.jsonout.manifest`).
    out : path, optional
        The file to write.  Required for ``sqlite`` (which returns ``""``).
    excel : bool
        CSV only: start with a UTF-8 byte-order mark for Excel.
    rows : {"promise", "evidence", "figure"}
        CSV only: what one row stands for.
    old, new : Report, optional
        The two reports, when the audit object does not carry them
        (``audit.old_report`` / ``audit.new_report``).  HTML shows both texts
        with the promises and evidence marked; SQLite adds sections and figures.
        Without them HTML and SQLite load the files again from the recorded
        paths, if they still have the recorded sha256.
    diff : Diff or dict, optional
        HTML only: adds the side-by-side comparison.  With ``complete=True``
        (default) and both reports at hand it is computed when not given.
    chart_engine : {"auto", "matplotlib", "plain"}
        HTML only: how the targets-versus-outcomes SVG is drawn.

    Raises
    ------
    UsageError
        Unknown format or row type, or ``sqlite`` without ``out``.
    """
    return _render("audit", audit, fmt, out, excel=excel, rows=rows, old=old, new=new,
                   other=diff, complete=complete, chart_engine=chart_engine)


def write_diff(diff: Any, fmt: str, out: str | os.PathLike[str] | None = None, *,
               excel: bool = False, rows: str = "pair", old: Any = None, new: Any = None,
               audit: Any = None, complete: bool = True, chart_engine: str = "auto") -> str:
    """Render a diff as ``fmt`` and return the text; write it to ``out`` when given.

    As :func:`write_audit`, with ``rows`` one of ``"pair"`` (one CSV row per
    aligned section pair) or ``"figure"`` (one per figure delta), and
    ``audit`` (given, or computed with ``complete=True`` from the two reports)
    adding the verdict summary, the chart and the promise ledger to the HTML
    page.  Markdown is :func:`~reportdiff.render.markdown.diff_markdown`.
    """
    return _render("diff", diff, fmt, out, excel=excel, rows=rows, old=old, new=new,
                   other=audit, complete=complete, chart_engine=chart_engine)
