"""Extract the text of a Word document (.docx) with python-docx.

Body paragraphs and table rows are read in document order, one line each
(the cells of a row joined by a tab), separated by blank lines so that a
heading without punctuation is not joined to the paragraph after it.
Headers and footers of the pages are left out: they are site chrome of a
document.  An encrypted document (stored
as an OLE container) or an old binary ``.doc`` raises
:class:`BrokenDocumentError`, as does a damaged ZIP.
"""

from __future__ import annotations

import io
from typing import Any

from ..errors import BrokenDocumentError, NoTextError

__all__ = ["extract_docx"]

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def extract_docx(data: bytes, *, name: str) -> str:
    """The text of a .docx file, one line per paragraph or table row.

    Parameters
    ----------
    data : bytes
        The raw .docx file.
    name : str
        The file name or URL, for messages.
    """
    if data.startswith(_OLE_MAGIC):
        raise BrokenDocumentError(f"{name}: is encrypted or an old binary .doc file; remove "
                                  f"the password and save it as .docx")
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # BadZipFile, KeyError, PackageNotFoundError, XMLSyntaxError ...
        raise BrokenDocumentError(f"{name}: cannot read the DOCX ({type(exc).__name__}: the "
                                  f"file is damaged or not a Word document); re-save it as "
                                  f".docx") from None
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == f"{_W}p":
            lines.append(_text_of(child))
        elif child.tag == f"{_W}tbl":
            for row in child.iter(f"{_W}tr"):
                cells = [
                    " ".join(_text_of(p) for p in tc.iter(f"{_W}p")).strip()
                    for tc in row.iter(f"{_W}tc")
                ]
                lines.append("\t".join(cells))
    text = "\n\n".join(lines)
    if not text.strip():
        raise NoTextError(f"{name}: the DOCX holds no text; check that it is the right file")
    return text


def _text_of(p: Any) -> str:
    """Text of a ``w:p`` element: runs' text, tabs as tabs, breaks as line breaks."""
    parts: list[str] = []
    for run in p.iter(f"{_W}r"):
        for el in run:
            if el.tag == f"{_W}t":
                parts.append(el.text or "")
            elif el.tag == f"{_W}tab":
                parts.append("\t")
            elif el.tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
    return "".join(parts)
