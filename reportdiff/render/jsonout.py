"""JSON manifest: a result plus everything needed to rerun the analysis.

The manifest wraps a result's ``to_dict()`` with the manifest schema version,
the tool name and version, the inputs (path, sha256, format) and the options
used.  It holds no timestamp and keeps a fixed key order, so the same inputs
and options give byte-identical files.
"""

from __future__ import annotations

import json
import math
from typing import Any

__all__ = ["MANIFEST_SCHEMA", "dumps_json", "manifest", "unwrap"]

#: Version of the manifest envelope (the result keeps its own ``schema``).
MANIFEST_SCHEMA = "reportdiff.manifest/1"


def _finite(data: Any) -> Any:
    if isinstance(data, float) and not math.isfinite(data):
        return None
    if isinstance(data, dict):
        return {k: _finite(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [_finite(v) for v in data]
    return data


def dumps_json(data: Any) -> str:
    """Deterministic JSON: key order kept, UTF-8 (no ``\\u`` escapes), 2-space indent.

    ``NaN`` and infinities, which JSON cannot hold, become ``null``.

    >>> dumps_json({"b": 1, "a": "中", "x": float("nan")})
    '{\\n  "b": 1,\\n  "a": "中",\\n  "x": null\\n}\\n'
    """
    return json.dumps(_finite(data), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _input(side: dict[str, Any] | None) -> dict[str, Any]:
    from .common import source_of

    side = side or {}
    src = source_of(side)
    return {"path": src.get("path"), "sha256": src.get("sha256"), "format": src.get("format"),
            "year": side.get("year")}


def manifest(result: dict[str, Any], *, kind: str) -> dict[str, Any]:
    """The manifest of an audit or diff dict (``kind`` is ``"audit"`` or ``"diff"``).

    The result's own keys stay at the top level (so ``reportdiff audit --format
    json`` has ``old``, ``new``, ``promises`` and ``summary`` where the audit
    schema puts them); the manifest adds ``manifest`` (its own version),
    ``kind``, ``tool`` and ``inputs`` after the result's ``schema``, and keeps
    ``options``.  Key order: ``schema``, ``manifest``, ``kind``, ``tool``,
    ``inputs``, ``options``, then the result's other keys in their order.

    >>> m = manifest({"schema": "reportdiff.diff/1", "old": {"source": {"path": "a.txt",
    ...     "sha256": "00", "format": "txt"}, "year": 2018}, "new": {}, "options": {"x": 1}},
    ...     kind="diff")
    >>> list(m), m["inputs"][0]["path"], m["options"]
    (['schema', 'manifest', 'kind', 'tool', 'inputs', 'options', 'old', 'new'], 'a.txt', {'x': 1})
    """
    from .. import __version__

    head = {
        "schema": result.get("schema", f"reportdiff.{kind}/1"),
        "manifest": MANIFEST_SCHEMA,
        "kind": kind,
        "tool": {"name": "reportdiff", "version": __version__},
        "inputs": [_input(result.get("old")), _input(result.get("new"))],
        "options": result.get("options") or {},
    }
    head.update((k, v) for k, v in result.items() if k not in head)
    return head


def unwrap(data: dict[str, Any]) -> dict[str, Any]:
    """The result dict inside a manifest (the inverse of :func:`manifest`)."""
    if data.get("manifest") != MANIFEST_SCHEMA:
        return data
    drop = {"manifest", "kind", "tool", "inputs"}
    return {k: v for k, v in data.items() if k not in drop}
