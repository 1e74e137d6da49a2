"""Decode plain-text bytes: UTF-8 (with or without BOM), GB18030/GBK, UTF-16/32 with BOM.

Detection order, first match wins:

1. an explicit ``encoding=`` (the GB family is always decoded as ``gb18030``,
   its superset, so a GBK label never loses a character);
2. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
3. NUL bytes without a BOM mean binary data → :class:`UnsupportedFormatError`;
4. strict UTF-8;
5. charset-normalizer's best guess; a GB-family guess is decoded as
   ``gb18030``.  When it guesses another encoding (short GB texts are often
   taken for Korean CP949) and strict GB18030 gives at least as much plain
   Chinese (Han characters, CJK punctuation, ASCII), GB18030 wins.  A guess
   that is not GB18030 with ≥ 90 % plain Chinese, or that charset-normalizer
   itself finds noisy, issues an :class:`EncodingGuessWarning`;
6. strict GB18030 (the encoding of nearly every Chinese government text that
   is not UTF-8) with an :class:`EncodingGuessWarning`;
7. otherwise :class:`DecodeError`.

>>> decode_text("各位代表".encode("gb18030"), name="r.txt")
('各位代表', 'gb18030')
>>> decode_text(b"\\xef\\xbb\\xbf\\xe5\\x90\\x84", name="r.txt")
('各', 'utf-8-sig')
"""

from __future__ import annotations

import codecs
import re
import warnings

from ..errors import DecodeError, EncodingGuessWarning, UnsupportedFormatError, UsageError

__all__ = ["decode_text", "canonical_encoding", "declared_encoding", "GB_FAMILY"]

#: Encodings decoded as gb18030, their common superset.
GB_FAMILY = frozenset({"gb2312", "gbk", "gb18030", "cp936", "ms936", "euc_cn", "hz", "x_gbk",
                       "iso_ir_58", "chinese", "csgb2312", "euccn"})

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: charset-normalizer "chaos" above this is a doubtful guess.
_MAX_CHAOS = 0.2


def canonical_encoding(encoding: str) -> str:
    """The Python codec name for ``encoding``; GB-family names become ``gb18030``.

    Raises :class:`~reportdiff.errors.UsageError` for an unknown name.

    >>> canonical_encoding("GBK"), canonical_encoding("UTF8")
    ('gb18030', 'utf-8')
    """
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise UsageError(f"unknown encoding {encoding!r}; use a codec name such as "
                         f"utf-8, gb18030 or utf-16") from None
    key = name.replace("-", "_").lower()
    if key in GB_FAMILY or encoding.replace("-", "_").lower() in GB_FAMILY:
        return "gb18030"
    return name


#: Declared charsets believed without detection: multi-byte encodings fail loudly
#: on bytes that are not theirs, unlike ISO-8859-1 or windows-1252, which decode
#: anything (and are what misconfigured servers declare for GBK pages).
_TRUSTED = frozenset({"utf-8", "gb18030", "utf-16", "utf-16-le", "utf-16-be", "utf-32",
                      "big5", "big5hkscs", "euc_jp", "shift_jis", "euc_kr"})


def declared_encoding(label: str | None) -> str | None:
    """The codec for a declared charset (HTTP header, ``<meta>``), or ``None`` if not trusted.

    >>> declared_encoding("GBK"), declared_encoding("ISO-8859-1"), declared_encoding("nonsense")
    ('gb18030', None, None)
    """
    if not label:
        return None
    try:
        enc = canonical_encoding(label)
    except UsageError:
        return None
    return enc if enc in _TRUSTED else None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _bom_encoding(data: bytes) -> str | None:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    return None


def decode_text(data: bytes, *, name: str, encoding: str | None = None,
                preferred: str | None = None) -> tuple[str, str]:
    """Decode ``data`` to text and say which encoding was used.

    Parameters
    ----------
    data : bytes
        The raw bytes of a text file.
    name : str
        The file name or URL, for messages.
    encoding : str, optional
        Force this encoding (``--encoding``); no detection happens.
    preferred : str, optional
        An encoding declared by the container (an HTTP ``charset``), tried
        strictly right after a BOM when it is a multi-byte encoding
        (:func:`declared_encoding`); single-byte labels such as ISO-8859-1
        decode anything and are ignored.

    Returns
    -------
    (text, encoding) : tuple of str
        A leading BOM is not part of ``text``.

    Raises
    ------
    DecodeError
        No supported encoding decodes the bytes.
    UnsupportedFormatError
        The bytes hold NUL bytes (binary data) and no BOM.
    """
    if encoding is not None:
        enc = canonical_encoding(encoding)
        if enc == "utf-8" and data.startswith(codecs.BOM_UTF8):
            enc = "utf-8-sig"
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError as exc:
            raise DecodeError(
                f"{name}: cannot decode as {encoding} (invalid byte 0x{data[exc.start]:02x} "
                f"at offset {exc.start}); pass the right --encoding or omit it to detect"
            ) from None

    bom = _bom_encoding(data)
    if bom is not None:
        text = _strict(data, bom)
        if text is not None:
            return text.lstrip("\ufeff"), bom
    pref = declared_encoding(preferred)
    if pref is not None:
        text = _strict(data, pref)
        if text is not None and "\x00" not in text:
            return text, pref
    if b"\x00" in data:
        raise UnsupportedFormatError(
            f"{name}: holds binary data (NUL bytes), not text; pass a .txt, .html, .pdf or "
            f".docx report, or --encoding utf-16-le for UTF-16 without a byte-order mark")

    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"

    from charset_normalizer import from_bytes

    gb = _strict(data, "gb18030")
    best = from_bytes(data).best()
    if best is not None:
        guess = canonical_encoding(best.encoding)
        text = _strict(data, guess)
        if text is not None:
            if guess == "gb18030" and best.chaos <= _MAX_CHAOS:
                return text, guess
            # A short GB text is often taken for Korean or Japanese: keep GB18030
            # when it reads as at least as much plain Chinese.
            if gb is not None and _plausibility(gb) >= _plausibility(text):
                guess, text = "gb18030", gb
                if _plausibility(gb) >= 0.9:
                    return text, guess
            warnings.warn(
                f"{name}: encoding guessed as {guess} ({best.chaos:.0%} noise); "
                f"check the text or pass --encoding", EncodingGuessWarning, stacklevel=3)
            return text, guess

    if gb is not None:
        warnings.warn(f"{name}: encoding guessed as gb18030; check the text or pass --encoding",
                      EncodingGuessWarning, stacklevel=3)
        return gb, "gb18030"
    raise DecodeError(f"{name}: cannot decode as UTF-8, GB18030 or UTF-16; pass --encoding")


_PLAIN = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2010-\u203a\s!-~]")


def _plausibility(text: str) -> float:
    """Share of characters that are common in Chinese text (Han, CJK punctuation, ASCII)."""
    if not text:
        return 0.0
    return len(_PLAIN.findall(text)) / len(text)
