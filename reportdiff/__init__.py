"""reportdiff: compare annual reports and audit their promises.

The pipeline is ``load → structure → figures / promises → align → audit →
render``; every stage is a pure function over immutable, picklable results.
"""

from __future__ import annotations

from .errors import (
    BrokenDocumentError,
    DecodeError,
    DownloadError,
    EmptyInputError,
    IncomparableError,
    InputNotFoundError,
    NoTextError,
    NotAReportError,
    ReportDiffError,
    ReportDiffWarning,
    UnsupportedFormatError,
)
from .load import load
from .report import Report, Section, Source

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "load",
    "Report",
    "Section",
    "Source",
    "ReportDiffError",
    "ReportDiffWarning",
    "BrokenDocumentError",
    "DecodeError",
    "DownloadError",
    "EmptyInputError",
    "IncomparableError",
    "InputNotFoundError",
    "NoTextError",
    "NotAReportError",
    "UnsupportedFormatError",
]
