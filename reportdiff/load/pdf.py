"""Extract the text layer of a PDF with pdfplumber.

The text lines of every page are regrouped into paragraphs by layout
(:func:`paragraphs_from_lines`): a paragraph ends after a line that stops
short of the right margin (by two characters or more), before an indented line, before a heading
(``一、``, ``（三）`` …) and at a vertical gap larger than 1.6 times the usual
line distance.  Paragraphs are separated by a blank line.  Inside a
paragraph, when the document indents its first lines (as Chinese official
documents do), the layout lines are joined directly; otherwise they stay on
separate lines and :func:`~reportdiff.normalize.normalize` joins those that do
not end a sentence.  Page furniture (page numbers such as ``- 3 -`` and
running headers or footers repeated on most pages) stays in ``source_text`` on
lines of its own, does not break the paragraph it interrupts, and is returned
as chrome.

A damaged file, a file that is not a PDF or an encrypted PDF (other than one
with an empty user password) raises :class:`BrokenDocumentError`; a PDF with no
text layer (a scan) raises :class:`NoTextError`.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from ..errors import BrokenDocumentError, NoTextError

__all__ = ["extract_pdf", "paragraphs_from_lines", "furniture", "Line"]


@dataclass(frozen=True)
class Line:
    """One text line of a page: its text and bounding box (PDF points)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int


def _median(values: list[float], default: float) -> float:
    if not values:
        return default
    v = sorted(values)
    return v[len(v) // 2]


def _glue(a: str, b: str) -> str:
    """Join two layout lines of one paragraph: a space only between Latin words."""
    if a[-1:].isascii() and a[-1:].isalnum() and b[:1].isascii() and b[:1].isalnum():
        return " "
    return ""


def furniture(lines: list[Line]) -> set[int]:
    """Indexes of page furniture: page numbers and running headers/footers.

    A running header or footer is a line among the first two or last two of
    a page whose text (digits ignored) recurs there on at least three pages
    and at least half of them.
    """
    from .boilerplate import PAGE_NUMBER

    found = {i for i, ln in enumerate(lines) if PAGE_NUMBER.match(ln.text)}
    by_page: dict[int, list[int]] = {}
    for i, ln in enumerate(lines):
        by_page.setdefault(ln.page, []).append(i)
    edges: dict[str, set[int]] = {}
    for idx in by_page.values():
        for i in {*idx[:2], *idx[-2:]}:
            key = re.sub(r"\d+", "#", lines[i].text.strip())
            if len(key) <= 40:
                edges.setdefault(key, set()).add(i)
    n_pages = len(by_page)
    for members in edges.values():
        pages = {lines[i].page for i in members}
        if len(pages) >= 3 and len(pages) >= 0.5 * n_pages:
            found |= members
    return found


def paragraphs_from_lines(lines: list[Line]) -> tuple[str, list[tuple[int, int]]]:
    """Regroup layout lines into paragraphs separated by blank lines.

    Page furniture (:func:`furniture`) is kept on lines of its own and does not
    break the paragraph around it; its spans are returned as chrome.

    Returns
    -------
    (text, furniture_spans)

    >>> ls = [Line("一、工作回顾", 70, 160, 10, 21, 0),
    ...       Line("过去一年，我们完成了全年", 92, 300, 26, 37, 0),
    ...       Line("主要目标任务。", 70, 150, 42, 53, 0),
    ...       Line("经济运行稳中有进，结构持", 92, 300, 58, 69, 0),
    ...       Line("- 1 -", 150, 170, 800, 811, 0),
    ...       Line("续优化。", 70, 110, 20, 31, 1)]
    >>> text, chrome = paragraphs_from_lines(ls)
    >>> print(text)
    一、工作回顾
    <BLANKLINE>
    过去一年，我们完成了全年主要目标任务。
    <BLANKLINE>
    经济运行稳中有进，结构持
    - 1 -
    续优化。
    >>> [text[s:e] for s, e in chrome]
    ['- 1 -\\n']
    """
    from ..normalize import HEADING_START

    skip = furniture(lines)
    real = [ln for i, ln in enumerate(lines) if i not in skip]
    body = [ln for ln in real if len(ln.text) >= 6]
    widths = [(ln.x1 - ln.x0) / len(ln.text) for ln in body]
    cw = _median(widths, 10.0)
    left = min((ln.x0 for ln in body), default=0.0)
    # the right margin: most lines of running text reach it; a few overshoot it
    # (hanging punctuation, unbreakable Latin words), so take a high percentile
    ends = sorted(ln.x1 for ln in body)
    right = ends[int(0.8 * (len(ends) - 1))] if ends else 0.0
    gaps = [b.top - a.top for a, b in zip(real, real[1:], strict=False)
            if a.page == b.page and b.top > a.top]
    step = _median(gaps, 0.0)

    def indented(ln: Line) -> bool:
        return ln.x0 > left + 1.0 * cw

    def full(ln: Line) -> bool:
        return ln.x1 >= right - 2.0 * cw

    uses_indent = sum(1 for ln in body if indented(ln)) >= 2
    out: list[str] = []
    pos = 0
    chrome: list[tuple[int, int]] = []
    prev: Line | None = None
    held: list[str] = []  # furniture met since the previous real line

    def emit(piece: str) -> None:
        nonlocal pos
        out.append(piece)
        pos += len(piece)

    for i, ln in enumerate(lines):
        if i in skip:
            held.append(ln.text)
            continue
        if prev is not None:
            gap = ln.top - prev.top if ln.page == prev.page else 0.0
            new_para = (indented(ln) or not full(prev) or bool(HEADING_START.match(ln.text))
                        or (step > 0 and gap > 1.6 * step))
            sep = "\n\n" if new_para else ("\n" if held or not uses_indent
                                            else _glue(prev.text, ln.text))
            if held:
                emit("\n")
                for h in held:
                    chrome.append((pos, pos + len(h) + 1))
                    emit(h + "\n")
                emit(sep[1:])
            else:
                emit(sep)
        elif held:
            for h in held:
                chrome.append((pos, pos + len(h) + 1))
                emit(h + "\n")
        held = []
        emit(ln.text)
        prev = ln
    if held:
        emit("\n")
        for h in held:
            chrome.append((pos, pos + len(h) + 1))
            emit(h + "\n")
    return "".join(out), chrome


def extract_pdf(data: bytes, *, name: str) -> tuple[str, list[tuple[int, int]]]:
    """The text of a PDF, and the spans of its page furniture (page numbers, running heads).

    Parameters
    ----------
    data : bytes
        The raw PDF file.
    name : str
        The file name or URL, for messages.
    """
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    if not data.lstrip()[:5] == b"%PDF-":
        raise BrokenDocumentError(f"{name}: not a PDF file (no %PDF header); check the file "
                                  f"or give it its real extension")
    lines: list[Line] = []
    n_pages = 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for n_pages, page in enumerate(pdf.pages, 1):
                for ln in page.extract_text_lines(return_chars=False, strip=True):
                    if ln["text"].strip():
                        lines.append(Line(ln["text"], ln["x0"], ln["x1"], ln["top"],
                                          ln["bottom"], n_pages))
    except Exception as exc:  # pdfminer raises many types for damaged files
        inner = [exc, *exc.args]  # pdfplumber wraps pdfminer's exception in PdfminerException
        if any(isinstance(x, (PDFPasswordIncorrect, PDFEncryptionError)) for x in inner):
            raise BrokenDocumentError(f"{name}: the PDF is encrypted; remove the password and "
                                      f"try again") from None
        raise BrokenDocumentError(f"{name}: cannot read the PDF ({type(exc).__name__}: the file "
                                  f"is damaged or incomplete); re-save or re-download it") from None
    text, chrome = paragraphs_from_lines(lines)
    if not text.strip():
        raise NoTextError(f"{name}: the PDF has no text layer ({n_pages} pages of images?); "
                          f"run OCR on it first or load a text version")
    return text, chrome
