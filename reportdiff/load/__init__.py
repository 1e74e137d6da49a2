"""Load reports from .txt (any encoding), HTML, PDF, DOCX files and http(s) URLs.

:func:`load` reads the bytes, picks the format (:func:`sniff_format`), turns
them into text with one module per format (:mod:`.txt`, :mod:`.html`,
:mod:`.pdf`, :mod:`.docx`; :mod:`.url` downloads), finds site chrome
(:mod:`.boilerplate`), checks that the text is a work report (:mod:`.check`)
and builds the :class:`~reportdiff.report.Report`.

``Report.source_text`` is the decoded text (for HTML, PDF and DOCX: the
extracted text), so every span reported by reportdiff indexes it and
``source_text[start:end]`` is the quote.

Every bad input raises a :class:`~reportdiff.errors.ReportDiffError` subclass
whose one-line message names the file and what to do next.
"""

from __future__ import annotations

import hashlib
import os
import zipfile
from io import BytesIO

from ..errors import (
    EmptyInputError,
    InputNotFoundError,
    NotAReportError,
    UnsupportedFormatError,
)
from ..report import Report, Source
from .url import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, is_url

__all__ = ["load", "load_bytes", "sniff_format", "FORMATS", "EXTENSIONS"]

#: Formats reportdiff reads.
FORMATS = ("txt", "html", "pdf", "docx")

#: File extensions and the format each one means.
EXTENSIONS: dict[str, str] = {
    ".txt": "txt", ".text": "txt", ".md": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}

#: Magic numbers of binary formats, and their names for messages.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (DOCX, XLSX ...)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Office document (.doc, .xls or encrypted)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "gzip data"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"{\\rtf", "an RTF document"),
)

_MIME: dict[str, str] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "text/plain": "txt",
}

_SUPPORTED = ".txt, .html, .pdf or .docx"


def _magic(data: bytes) -> str | None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    return None


def _is_docx_zip(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(BytesIO(data)) as zf:
            return "word/document.xml" in zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def sniff_format(data: bytes, *, name: str, ext: str = "",
                 content_type: str | None = None) -> str:
    """The format of ``data``: ``"txt"``, ``"html"``, ``"pdf"`` or ``"docx"``.

    The extension decides (``.pdf``, ``.docx``, ``.html`` …); a text extension
    or none lets the content decide between text and HTML, and binary data
    under a text extension is refused.  For downloads, ``content_type``
    (``text/html``, ``application/pdf`` …) comes first.

    Raises
    ------
    UnsupportedFormatError
        An extension reportdiff does not read, or binary data named as text.

    >>> sniff_format(b"<!doctype html><p>x</p>", name="a.txt", ext=".txt")
    'html'
    >>> sniff_format(b"%PDF-1.4", name="a", ext="")
    'pdf'
    """
    ext = ext.lower()
    if content_type in _MIME and content_type != "text/plain":
        return _MIME[content_type]
    if ext in EXTENSIONS and EXTENSIONS[ext] in ("pdf", "docx"):
        return EXTENSIONS[ext]
    if ext and ext not in EXTENSIONS and content_type is None:
        hint = " (an old Word file: save it as .docx)" if ext == ".doc" else ""
        raise UnsupportedFormatError(f"{name}: unsupported file type {ext!r}{hint}; convert "
                                     f"it to {_SUPPORTED}")
    what = _magic(data)
    if what is not None:
        if not ext or content_type is not None:  # no extension to trust: the bytes decide
            if what.startswith("a PDF"):
                return "pdf"
            if what.startswith("a ZIP") and _is_docx_zip(data):
                return "docx"
        fmt = ("pdf" if what.startswith("a PDF") else
               "docx" if what.startswith("a ZIP") and _is_docx_zip(data) else None)
        hint = f"; rename it to .{fmt}" if fmt else f"; pass a {_SUPPORTED} file"
        label = f"named {ext}" if ext else "expected text"
        raise UnsupportedFormatError(f"{name}: holds {what}, not text ({label}){hint}")
    if EXTENSIONS.get(ext) == "html":
        return "html"
    from .html import looks_like_html

    return "html" if looks_like_html(data) else "txt"


def load_bytes(data: bytes, *, name: str, ext: str = "", encoding: str | None = None,
               check: bool = True, content_type: str | None = None,
               charset: str | None = None) -> Report:
    """Build a :class:`Report` from the raw bytes of a document.

    Parameters
    ----------
    data : bytes
        The raw file.
    name : str
        The path or URL, recorded in ``Source.path`` and used in messages.
    ext : str
        The file extension (``".txt"``); ``""`` lets the bytes decide.
    encoding : str, optional
        Force a text encoding (text and HTML only).
    check : bool
        Raise :class:`NotAReportError` when the text does not look like a
        work report.
    content_type, charset : str, optional
        The HTTP ``Content-Type`` and its charset, for downloads.
    """
    from .boilerplate import chrome_spans, merge_spans
    from .check import diagnose

    if not data:
        raise EmptyInputError(f"{name}: the file is empty; pass a file that holds the report "
                              f"text")
    fmt = sniff_format(data, name=name, ext=ext, content_type=content_type)
    enc: str | None
    furniture: list[tuple[int, int]] = []
    if fmt == "pdf":
        from .pdf import extract_pdf

        (text, furniture), enc = extract_pdf(data, name=name), None
    elif fmt == "docx":
        from .docx import extract_docx

        text, enc = extract_docx(data, name=name), None
    elif fmt == "html":
        from .html import extract_html

        text, enc = extract_html(data, name=name, encoding=encoding, http_charset=charset)
    else:
        from .txt import decode_text

        text, enc = decode_text(data, name=name, encoding=encoding, preferred=charset)
    if not text.strip(" \t\r\n\u3000\xa0\u200b\ufeff"):
        raise EmptyInputError(f"{name}: the file holds only white space; pass a file that "
                              f"holds the report text")
    exclude = tuple(merge_spans(chrome_spans(text), furniture))
    if check:
        body = _without(text, exclude)
        reason = diagnose(body)
        if reason is not None:
            raise NotAReportError(f"{name}: does not look like a government work report "
                                  f"({reason}); pass --no-check to analyse it anyway")
    source = Source(path=name, sha256=hashlib.sha256(data).hexdigest(), format=fmt,
                    encoding=enc)
    return Report.from_text(text, source=source, exclude=exclude, check=check)


def _without(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    parts: list[str] = []
    pos = 0
    for s, e in spans:
        parts.append(text[pos:s])
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


def load(source: str | os.PathLike[str], *, encoding: str | None = None, check: bool = True,
         timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES) -> Report:
    """Load a report from a file or an http(s) URL.

    Parameters
    ----------
    source : str or os.PathLike
        A path to a .txt, .html/.htm, .pdf or .docx file, or an ``http(s)://``
        URL.
    encoding : str, optional
        The text encoding of a .txt or HTML file; detected when omitted
        (UTF-8, GB18030, UTF-16 with BOM; see :mod:`reportdiff.load.txt`).
    check : bool
        Refuse texts that do not look like a work report
        (:func:`reportdiff.load.check.looks_like_report`).
    timeout : float
        Seconds to wait for a URL.
    max_bytes : int
        Largest URL download accepted.

    Returns
    -------
    Report

    Raises
    ------
    InputNotFoundError, EmptyInputError, UnsupportedFormatError, DecodeError,
    BrokenDocumentError, NoTextError, NotAReportError, DownloadError

    Examples
    --------
    >>> import reportdiff
    >>> from reportdiff.bundled import bundled_path
    >>> report = reportdiff.load(bundled_path())
    >>> report.source.format, report.source.encoding
    ('txt', 'utf-8')
    >>> report.text.startswith("2019年度政府工作报告")
    True
    """
    if isinstance(source, str) and is_url(source):
        from .url import fetch

        got = fetch(source, timeout=timeout, max_bytes=max_bytes)
        path_part = got.url.split("?", 1)[0].split("#", 1)[0].rsplit("/", 1)[-1]
        ext = os.path.splitext(path_part)[1].lower()
        if ext not in EXTENSIONS:
            ext = ""
        return load_bytes(got.data, name=source, ext=ext, encoding=encoding, check=check,
                          content_type=got.content_type, charset=got.charset)
    name = os.fspath(source)
    if os.path.isdir(name):
        raise InputNotFoundError(f"{name}: is a directory; pass a report file "
                                 f"({_SUPPORTED})")
    try:
        with open(name, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise InputNotFoundError(f"{name}: no such file; check the path") from None
    except OSError as exc:
        raise InputNotFoundError(f"{name}: cannot read the file ({exc.strerror}); check its "
                                 f"permissions") from None
    ext = os.path.splitext(name)[1].lower()
    return load_bytes(data, name=name, ext=ext, encoding=encoding, check=check)
