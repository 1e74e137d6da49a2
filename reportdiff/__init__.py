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
    UsageError,
        EncodingGuessWarning,
    StructureWarning,
    FigureWarning,
    MetricRedefinedWarning,
    ReportOrderWarning,
)
from .load import load
from .report import Report, Section, Source
from .diff import Diff, diff
from .figures import Figure, FigureDelta, FigureDeltas, Figures, extract_figures, figure_deltas  # figures
from .align import Alignment, Link, ReviewLink, align  # align
from .similarity import SimilarityResult, SimilarityTable, similarity  # similarity
from .tokenize import JiebaTokenizer, Tokenizer, default_tokenizer  # tokenize
from .promises import Promise, Promises, Target  # promises
from .verdicts import AuditOptions  # audit
from .audit import Audit, AuditItem, audit  # audit

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "load",
    "Report",
    "Section",
    "Source",
    "Diff",
    "diff",
    "Figure",
    "Figures",
    "FigureDelta",
    "FigureDeltas",
    "extract_figures",
    "figure_deltas",
    "align",
    "Alignment",
    "Link",
    "ReviewLink",
    "similarity",
    "SimilarityResult",
    "SimilarityTable",
    "JiebaTokenizer",
    "Tokenizer",
    "default_tokenizer",
    "Promise",
    "Promises",
    "Target",
    "Audit",
    "AuditItem",
    "AuditOptions",
    "audit",
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
    "UsageError",
    "EncodingGuessWarning",
    "StructureWarning",
    "FigureWarning",
    "MetricRedefinedWarning",
    "ReportOrderWarning",
]
