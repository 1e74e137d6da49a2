"""Exceptions and warnings raised by reportdiff.

Every error a user can cause with bad input is a :class:`ReportDiffError`
subclass whose message names the input and says what to do next.  The CLI maps
each class to a one-line message and the exit code in :data:`EXIT_CODES`.

Data-quality problems that do not stop the analysis are *warnings* (subclasses
of :class:`ReportDiffWarning`), issued with :func:`warnings.warn`, never
exceptions.
"""

from __future__ import annotations

__all__ = [
    "ReportDiffError",
    "InputNotFoundError",
    "EmptyInputError",
    "UnsupportedFormatError",
    "DecodeError",
    "BrokenDocumentError",
    "NoTextError",
    "NotAReportError",
    "DownloadError",
    "IncomparableError",
    "UsageError",
    "ReportDiffWarning",
    "EncodingGuessWarning",
    "StructureWarning",
    "FigureWarning",
    "MetricRedefinedWarning",
    "ReportOrderWarning",
    "EXIT_CODES",
]


class ReportDiffError(Exception):
    """Base class of every error reportdiff raises for bad input or usage."""

    exit_code = 1


class InputNotFoundError(ReportDiffError, FileNotFoundError):
    """The file does not exist or cannot be read."""

    exit_code = 3


class EmptyInputError(ReportDiffError):
    """The file is empty or holds only white space."""

    exit_code = 4


class UnsupportedFormatError(ReportDiffError):
    """The file is binary data or has an extension reportdiff cannot read."""

    exit_code = 5


class DecodeError(ReportDiffError):
    """The text cannot be decoded with any supported encoding."""

    exit_code = 6


class BrokenDocumentError(ReportDiffError):
    """A PDF or DOCX file is damaged or encrypted."""

    exit_code = 7


class NoTextError(ReportDiffError):
    """The document holds no extractable text (an empty page, a scanned PDF)."""

    exit_code = 8


class NotAReportError(ReportDiffError):
    """The text does not look like a government work report."""

    exit_code = 9


class DownloadError(ReportDiffError):
    """A URL could not be fetched (timeout, HTTP error, too large)."""

    exit_code = 10


class IncomparableError(ReportDiffError, ValueError):
    """Two quantities cannot be compared (``%`` against ``个百分点``, 亿元 against 万人)."""

    exit_code = 11


class UsageError(ReportDiffError, ValueError):
    """An option has a value reportdiff cannot use."""

    exit_code = 2


#: Exit code of each error class, as documented in ``docs/cli.md``.
EXIT_CODES: dict[str, int] = {
    cls.__name__: cls.exit_code
    for cls in (
        ReportDiffError,
        UsageError,
        InputNotFoundError,
        EmptyInputError,
        UnsupportedFormatError,
        DecodeError,
        BrokenDocumentError,
        NoTextError,
        NotAReportError,
        DownloadError,
        IncomparableError,
    )
}


class ReportDiffWarning(UserWarning):
    """Base class of reportdiff's data-quality warnings."""


class EncodingGuessWarning(ReportDiffWarning):
    """The encoding was guessed with low confidence."""


class StructureWarning(ReportDiffWarning):
    """The section structure is unusual (no review or plan part found, ...)."""


class FigureWarning(ReportDiffWarning):
    """A figure could not be fully interpreted (unknown unit, ambiguous number)."""


class MetricRedefinedWarning(ReportDiffWarning):
    """A metric changed its definition between two reports (登记失业率 → 调查失业率)."""


class ReportOrderWarning(ReportDiffWarning):
    """Two reports are not consecutive: NEW's review year is not OLD's plan year.

    Also issued when both inputs are the same document (same sha256).
    """
