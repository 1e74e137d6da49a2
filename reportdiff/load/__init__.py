"""Load reports from .txt (any encoding), HTML, PDF, DOCX and URLs (PLACEHOLDER)."""

from __future__ import annotations

import hashlib
import os

from ..report import Report, Source

__all__ = ["load"]


def load(source: str | os.PathLike[str], *, encoding: str | None = None) -> Report:
    path = os.fspath(source)
    raw = open(path, "rb").read()
    text = raw.decode(encoding or "utf-8-sig")
    src = Source(path=path, sha256=hashlib.sha256(raw).hexdigest(), format="txt",
                 encoding=encoding or "utf-8")
    return Report.from_text(text, source=src)
