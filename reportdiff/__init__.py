"""reportdiff: compare annual reports and audit their promises.

The pipeline is ``load → structure → figures / promises → align → audit →
render``; every stage is a pure function over immutable, picklable results.
"""

from __future__ import annotations

from .align import Alignment, Link, ReviewLink, align  # align
from .audit import Audit, AuditItem, audit  # audit
from .diff import Diff, diff
from .errors import (
    BrokenDocumentError,
    DecodeError,
    DownloadError,
    EmptyInputError,
    EncodingGuessWarning,
    FigureWarning,
    IncomparableError,
    InputNotFoundError,
    MetricRedefinedWarning,
    NotAReportError,
    NoTextError,
    ReportDiffError,
    ReportDiffWarning,
    ReportOrderWarning,
    StructureWarning,
    UnsupportedFormatError,
    UsageError,
)
from .figures import (  # figures
    Figure,
    FigureDelta,
    FigureDeltas,
    Figures,
    extract_figures,
    figure_deltas,
)
from .load import load
from .promises import Promise, Promises, Target  # promises
from .report import Report, Section, Source
from .similarity import SimilarityResult, SimilarityTable, similarity  # similarity
from .tokenize import JiebaTokenizer, Tokenizer, default_tokenizer  # tokenize
from .verdicts import AuditOptions  # audit

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
