"""Renderers: turn results into terminal tables, HTML, Markdown, CSV, JSON and SQLite.

PLACEHOLDER entry points, filled in by the publishable-output work.  Feature
commands call :func:`write_audit` / :func:`write_diff` for every format other
than their terminal table.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["write_audit", "write_diff", "dumps_json"]


def dumps_json(data: Any) -> str:
    """Deterministic JSON: sorted keys off (schema order kept), UTF-8, 2-space indent."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_audit(audit: Any, fmt: str, out: Any = None, **options: Any) -> str:
    """Render an :class:`~reportdiff.audit.Audit` as ``fmt``; return text (or write ``out``)."""
    if fmt == "json":
        return dumps_json(audit.to_dict())
    raise NotImplementedError(fmt)


def write_diff(diff: Any, fmt: str, out: Any = None, **options: Any) -> str:
    """Render a :class:`~reportdiff.diff.Diff` as ``fmt``; return text (or write ``out``)."""
    if fmt == "json":
        return dumps_json(diff.to_dict())
    raise NotImplementedError(fmt)
