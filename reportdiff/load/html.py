"""Extract the main text of a saved web page (.html/.htm or HTML sniffed by content).

Bytes are decoded here, not by the HTML parser: a BOM wins (it cannot lie
about the bytes after it, and the HTML standard gives it precedence), then a
``<meta charset>`` (or ``http-equiv`` content type) in the first 4 KB, then
an HTTP charset, strict UTF-8 and strict GB18030 (GB-family labels are
decoded as ``gb18030``; a declared charset that fails on the bytes is
skipped).  The main text comes from trafilatura (``favor_recall``, one
line per paragraph or heading; the page's first ``<h1>``, which trafilatura
keeps as metadata only, is put back on top); when trafilatura is unavailable or finds
nothing, a plain lxml walk over the block elements of ``<body>`` (without
``script``, ``style``, ``nav``, ``header``, ``footer``, ``aside``, ``form``)
gives one line per block (the cells of a table row, unless they hold blocks
themselves, share a line, separated by a tab).  Lines are separated by blank
lines.  Site chrome left in the text is found later by
:mod:`reportdiff.load.boilerplate`.

>>> page = ("<html><body><nav>首页 | 政务公开</nav>"
...         "<h1>政府工作报告</h1><p>各位代表：</p></body></html>")
>>> html_to_lines(page, use_trafilatura=False)
'政府工作报告\\n\\n各位代表：'
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache
from typing import Any

from ..errors import DecodeError, NoTextError
from .txt import declared_encoding

__all__ = ["decode_html", "html_to_lines", "extract_html", "looks_like_html"]

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta)\b",
                         re.IGNORECASE | re.DOTALL)

_SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "select",
         "button", "iframe", "svg", "template", "head", "title"}
_CELL = {"td", "th"}
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "br",
          "section", "article", "blockquote", "pre", "table", "ul", "ol", "dl", "dt", "dd",
          "center", "main", "figure", "figcaption", "hr", "caption", "address"}
_WS = re.compile(r"[ \t\n\r\f\v]+")


def looks_like_html(data: bytes) -> bool:
    """Do these bytes start like an HTML document?

    >>> looks_like_html(b"  <!DOCTYPE html><html>"), looks_like_html(b"GDP <b>")
    (True, False)
    """
    head = data[:2048]
    for bom in (codecs.BOM_UTF8,):
        if head.startswith(bom):
            head = head[len(bom):]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            head = head.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            return False
    return bool(_HTML_START.match(head))


def decode_html(data: bytes, *, name: str, http_charset: str | None = None) -> tuple[str, str]:
    """Decode HTML bytes: BOM → meta charset → HTTP charset → UTF-8 → GB18030.

    >>> decode_html('<meta charset="gbk"><p>报告</p>'.encode("gbk"), name="p.html")[1]
    'gb18030'
    """
    candidates: list[str] = []
    m = _META_CHARSET.search(data[:4096])
    if m:
        candidates.append(m.group(1).decode("ascii", "replace"))
    if http_charset:
        candidates.append(http_charset)
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            candidates.insert(0, enc)  # a BOM cannot lie about the bytes that follow it
    candidates += ["utf-8", "gb18030"]
    for label in candidates:
        enc = declared_encoding(label) if label not in ("utf-8-sig", "utf-16") else label
        if enc is None:
            continue
        if enc == "utf-8" and data.startswith(codecs.BOM_UTF8):
            enc = "utf-8-sig"
        try:
            return data.decode(enc).lstrip("\ufeff"), enc
        except UnicodeDecodeError:
            continue
    raise DecodeError(f"{name}: cannot decode the page as its declared charset, UTF-8 or "
                      f"GB18030; pass --encoding")


@lru_cache(maxsize=1)
def _trafilatura() -> Any:
    """The trafilatura module, or ``None`` when it cannot be imported."""
    try:
        import trafilatura
    except ImportError:  # e.g. lxml >= 5.2 without lxml_html_clean
        return None
    return trafilatura


def _parse(html: str) -> Any:
    from lxml import html as lxml_html

    try:
        return lxml_html.document_fromstring(html)
    except Exception:  # lxml raises ParserError for empty documents
        return None


def _heading(root: Any) -> str:
    """Text of the first ``<h1>`` (trafilatura keeps it as metadata, not in the text)."""
    if root is None:
        return ""
    for h in root.iter("h1"):
        text = _WS.sub(" ", h.text_content()).strip()
        if text:
            return text
    return ""


def _lxml_lines(root: Any) -> str:
    if root is None:
        return ""
    body = root.find("body")
    if body is None:
        body = root
    out: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        line = "".join(buf).strip(" \t")
        if line.strip():
            out.append(line)
        buf.clear()

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if tag in _SKIP or not isinstance(el.tag, str):
            if el.tail:
                buf.append(_WS.sub(" ", el.tail))
            return
        block = tag in _BLOCK
        if block:
            flush()
        elif tag in _CELL and "".join(buf).strip():
            buf.append("\t")  # the cells of a table row stay on one line
        if el.text:
            buf.append(_WS.sub(" ", el.text))
        for child in el:
            walk(child)
        if block:
            flush()
        if el.tail:
            buf.append(_WS.sub(" ", el.tail))

    walk(body)
    flush()
    return "\n\n".join(out)


def html_to_lines(html: str, *, use_trafilatura: bool = True) -> str:
    """The main text of an HTML document, one line per paragraph or heading.

    Lines are separated by a blank line: each is a paragraph of its own, so
    :func:`~reportdiff.normalize.normalize` does not join a heading without
    punctuation to the paragraph after it.

    Parameters
    ----------
    html : str
        The decoded page.
    use_trafilatura : bool
        Try trafilatura first (the lxml walk is the fallback).
    """
    root = _parse(html)
    fallback = _lxml_lines(root)
    traf = _trafilatura() if use_trafilatura else None
    if traf is not None:
        try:
            text = traf.extract(html, favor_recall=True, include_comments=False,
                                include_tables=True, include_formatting=False,
                                output_format="txt", deduplicate=False)
        except Exception:  # trafilatura gives up on odd markup: use the fallback
            text = None
        # trafilatura may keep only a fragment of a page with little markup;
        # prefer the full walk when it finds far more text.
        if text and len(text.strip()) >= 0.5 * len(fallback):
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            title = _heading(root)
            if title and len(title) <= 80 and title not in lines[:3]:
                lines.insert(0, title)
            return "\n\n".join(lines)
    return fallback


def extract_html(data: bytes, *, name: str, encoding: str | None = None,
                 http_charset: str | None = None) -> tuple[str, str]:
    """Decode and extract an HTML page; return ``(text, encoding)``.

    Raises :class:`~reportdiff.errors.NoTextError` when the page has no text.
    """
    if encoding is not None:
        from .txt import decode_text

        html, enc = decode_text(data, name=name, encoding=encoding)
    else:
        html, enc = decode_html(data, name=name, http_charset=http_charset)
    text = html_to_lines(html)
    if not text.strip():
        raise NoTextError(f"{name}: the HTML page has no text; save the page after it has "
                          f"loaded, or copy the report text into a .txt file")
    return text, enc
