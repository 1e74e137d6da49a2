"""SQLite export, ready for datasette: one table per kind of row, with keys.

Tables of an audit database:

``metadata``  key/value: schema, kind, tool version, options (JSON)
``reports``   one row per input (``role`` old/new): path, sha256, format, year, title
``sections``  every section of both reports (``key`` = ``role:id``), when the reports are given
``promises``  one row per promise (the columns of :func:`~reportdiff.render.rows.promise_rows`)
``evidence``  one row per evidence quote, ``promise_id`` → ``promises.id``
``figures``   every figure of both reports, when the reports are given

A diff database has ``metadata``, ``reports``, ``sections`` (when the reports
are given), ``pairs`` and ``figure_deltas`` (``pair`` → ``pairs.n``).

The file is written to a temporary name beside ``path`` and moved into place,
so a failed export never leaves half a database, and an existing file is
replaced as a whole.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from .common import source_of
from .rows import (
    PROMISE_COLUMNS,
    delta_rows,
    evidence_rows,
    figure_rows,
    pair_rows,
    promise_rows,
    section_rows,
)

__all__ = ["write_audit_sqlite", "write_diff_sqlite"]


def _common(db: Any, data: dict[str, Any], *, kind: str, old: Any, new: Any) -> None:
    from .. import __version__

    meta = [
        {"key": "schema", "value": str(data.get("schema") or "")},
        {"key": "kind", "value": kind},
        {"key": "tool", "value": f"reportdiff {__version__}"},
        {"key": "options", "value": json.dumps(data.get("options") or {}, ensure_ascii=False,
                                               sort_keys=True)},
    ]
    db["metadata"].insert_all(meta, pk="key")
    reports = []
    for role in ("old", "new"):
        side = data.get(role) or {}
        src = source_of(side)
        reports.append({"role": role, "path": src.get("path"), "sha256": src.get("sha256"),
                        "format": src.get("format"), "year": side.get("year"),
                        "title": side.get("title")})
    db["reports"].insert_all(reports, pk="role")
    sections = []
    for role, report in (("old", old), ("new", new)):
        if report is not None:
            for row in section_rows(report, role=role):
                sections.append({"key": f"{role}:{row['id']}", **row})
    if sections:
        db["sections"].insert_all(sections, pk="key", foreign_keys=[("report", "reports", "role")])


def _atomic(path: str | os.PathLike[str], fill: Any) -> Path:
    import sqlite_utils

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".reportdiff-", suffix=".db", dir=target.parent)
    os.close(fd)
    try:
        db = sqlite_utils.Database(tmp)
        try:
            fill(db)
        finally:
            db.close()
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return target


def write_audit_sqlite(audit: dict[str, Any], path: str | os.PathLike[str], *, old: Any = None,
                       new: Any = None) -> Path:
    """Write an audit dict (and, when given, both reports' sections and figures) to ``path``."""

    def fill(db: Any) -> None:
        _common(db, audit, kind="audit", old=old, new=new)
        section_keys = {r["key"] for r in db["sections"].rows} if db["sections"].exists() else set()
        promises = []
        for row in promise_rows(audit):
            key = f"old:{row['section']}"
            promises.append({**row, "section_key": key if key in section_keys else None})
        fks = [("section_key", "sections", "key")] if section_keys else []
        db["promises"].create({k: _type(promises, k) for k in (*PROMISE_COLUMNS, "section_key")},
                              pk="id", foreign_keys=fks)
        db["promises"].insert_all(promises)
        db["evidence"].create({"promise_id": str, "n": int, "quote": str, "span_start": int,
                               "span_end": int}, pk=("promise_id", "n"),
                              foreign_keys=[("promise_id", "promises", "id")])
        db["evidence"].insert_all(evidence_rows(audit))
        figures = figure_rows(old, new)
        db["figures"].create({"report": str, "n": int, "metric": str, "value": float,
                              "unit": str, "kind": str, "section": str, "span_start": int,
                              "span_end": int, "quote": str}, pk=("report", "n"),
                             foreign_keys=[("report", "reports", "role")])
        db["figures"].insert_all(figures)
        for table, cols in (("promises", ["verdict", "section"]), ("evidence", ["promise_id"]),
                            ("figures", ["metric"])):
            db[table].create_index(cols, if_not_exists=True)

    return _atomic(path, fill)


def _type(rows: list[dict[str, Any]], key: str) -> type:
    for row in rows:
        value = row.get(key)
        if value is None:
            continue
        if isinstance(value, bool):
            return int
        if isinstance(value, int):
            return int
        if isinstance(value, float):
            return float
        return str
    return str


def write_diff_sqlite(diff: dict[str, Any], path: str | os.PathLike[str], *, old: Any = None,
                      new: Any = None) -> Path:
    """Write a diff dict (section pairs and figure deltas) to ``path``."""

    def fill(db: Any) -> None:
        _common(db, diff, kind="diff", old=old, new=new)
        pairs = pair_rows(diff)
        db["pairs"].create({k: _type(pairs, k) for k in (pairs[0] if pairs else {"n": 0})},
                           pk="n")
        db["pairs"].insert_all(pairs)
        deltas = delta_rows(diff)
        for n, row in enumerate(deltas, start=1):
            row["id"] = n
        columns = {k: _type(deltas, k) for k in (deltas[0] if deltas else
                                                 {"id": 0, "pair": 0, "metric": ""})}
        db["figure_deltas"].create(columns, pk="id", foreign_keys=[("pair", "pairs", "n")])
        db["figure_deltas"].insert_all(deltas)

    return _atomic(path, fill)
