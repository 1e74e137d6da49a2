"""Fetch a report over http(s) with a timeout and a size cap.

Only the standard library is used (:mod:`urllib.request`).  The answer's
``Content-Type`` picks the format (HTML, PDF, DOCX, plain text); when it is
missing or generic, the URL's extension and the bytes decide (see
:func:`reportdiff.load.sniff_format`).  Every failure (HTTP error, no answer
within the timeout, a body over the size cap, a refused connection) raises
:class:`~reportdiff.errors.DownloadError`.
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from dataclasses import dataclass

from ..errors import DownloadError

__all__ = ["fetch", "Fetched", "is_url", "DEFAULT_TIMEOUT", "DEFAULT_MAX_BYTES"]

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_BYTES = 50_000_000
_USER_AGENT = "reportdiff (+https://pypi.org/project/reportdiff/)"


@dataclass(frozen=True)
class Fetched:
    """The body and headers of a downloaded document."""

    url: str
    data: bytes
    content_type: str | None
    charset: str | None


def is_url(source: str) -> bool:
    """``True`` for an ``http://`` or ``https://`` address.

    >>> is_url("https://www.gov.cn/a.htm"), is_url("report.txt")
    (True, False)
    """
    return source.lower().startswith(("http://", "https://"))


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT,
          max_bytes: int = DEFAULT_MAX_BYTES) -> Fetched:
    """Download ``url``.

    Parameters
    ----------
    url : str
        An ``http://`` or ``https://`` address.
    timeout : float
        Seconds to wait for the connection and for each read.
    max_bytes : int
        Refuse bodies larger than this.

    Raises
    ------
    DownloadError
    """
    req = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (http(s) only)
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise DownloadError(f"{url}: the document is {int(length):,} bytes, over the "
                                    f"{max_bytes:,}-byte limit; download it yourself and load "
                                    f"the file")
            data = resp.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise DownloadError(f"{url}: the document is over the {max_bytes:,}-byte "
                                    f"limit; download it yourself and load the file")
            ctype = resp.headers.get_content_type() if resp.headers.get("Content-Type") else None
            charset = resp.headers.get_content_charset()
            final = resp.geturl() or url
    except DownloadError:
        raise
    except urllib.error.HTTPError as exc:
        raise DownloadError(f"{url}: HTTP {exc.code} {exc.reason}; check the address") from None
    except TimeoutError:
        raise DownloadError(f"{url}: no answer within {timeout:g} s; try again later or save "
                            f"the page and load the file") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise DownloadError(f"{url}: no answer within {timeout:g} s; try again later or "
                                f"save the page and load the file") from None
        raise DownloadError(f"{url}: cannot download ({reason}); check the address and the "
                            f"network") from None
    except (OSError, ValueError) as exc:  # connection reset, bad URL ...
        raise DownloadError(f"{url}: cannot download ({exc}); check the address and the "
                            f"network") from None
    return Fetched(url=final, data=data, content_type=ctype, charset=charset)
