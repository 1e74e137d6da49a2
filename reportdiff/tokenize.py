"""Word segmentation for Chinese reports: an injectable, picklable tokenizer.

Every module that needs words (similarity, alignment, diff) takes a
``tokenizer=`` keyword and falls back to :func:`default_tokenizer`.  A
tokenizer is any object with

``cut(text) -> list[str]``
    the full segmentation: the tokens concatenate back to ``text`` exactly, so
    token offsets are running sums of their lengths (what a word-level diff
    needs to quote the source);
``terms(text) -> list[str]``
    the content words used for similarity: ``cut`` without white space,
    punctuation, numerals and stopwords;
``__call__(text)``
    the same as ``terms``, so the object can be passed as scikit-learn's
    ``TfidfVectorizer(tokenizer=...)``.

:class:`JiebaTokenizer` segments with its *own* ``jieba.Tokenizer`` instance
(jieba's global tokenizer is never touched) into which the domain dictionary
shipped in ``reportdiff/data/dict.txt`` is loaded (地区生产总值,
一般公共预算收入, 放管服 ...).  The ``rjieba`` backend (Rust) is much faster;
``backend="auto"`` uses it only when it gives exactly the segmentation of
jieba for the configuration at hand, which ``tests/test_tokenize.py`` checks
on the corpus.

>>> tok = default_tokenizer()
>>> tok.cut("地区生产总值增长6.6%，深化放管服改革。")
['地区生产总值', '增长', '6.6%', '，', '深化', '放管服', '改革', '。']
>>> tok.terms("地区生产总值增长6.6%，深化放管服改革。")
['地区生产总值', '增长', '深化', '放管服', '改革']
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, Protocol, runtime_checkable

__all__ = [
    "DEFAULT_DICTIONARY",
    "DEFAULT_STOPWORDS",
    "JiebaTokenizer",
    "Tokenizer",
    "default_tokenizer",
    "load_stopwords",
]

Backend = Literal["auto", "jieba", "rjieba"]

#: Marker for "the file shipped with reportdiff".
DEFAULT_DICTIONARY = "reportdiff:dict.txt"
DEFAULT_STOPWORDS = "reportdiff:stopwords.txt"

# A token is a term when it holds a CJK character or a Latin letter; pure
# numbers ("6.6%", "2018") and punctuation are not.
_TERM = re.compile(r"[\u4e00-\u9fffA-Za-z]")


@runtime_checkable
class Tokenizer(Protocol):
    """What reportdiff needs from a tokenizer (see the module docstring)."""

    def cut(self, text: str) -> list[str]:
        """Full segmentation; ``"".join(cut(text)) == text``."""
        ...

    def terms(self, text: str) -> list[str]:
        """Content words for similarity measures."""
        ...

    def __call__(self, text: str) -> list[str]:
        """``terms(text)``, for ``TfidfVectorizer(tokenizer=...)``."""
        ...


def _read_data(name: str) -> str:
    return resources.files("reportdiff").joinpath("data", name).read_text(encoding="utf-8")


def _read(spec: str | Path) -> str:
    if isinstance(spec, str) and spec.startswith("reportdiff:"):
        return _read_data(spec.split(":", 1)[1])
    return Path(spec).read_text(encoding="utf-8")


def _parse_dictionary(text: str) -> tuple[tuple[str, int | None, str | None], ...]:
    """Lines ``word [freq] [tag]`` as in jieba's user dictionaries; ``#`` starts a comment."""
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        word = parts[0]
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else None
        out.append((word, freq, tag))
    return tuple(out)


def load_stopwords(spec: str | Path = DEFAULT_STOPWORDS) -> frozenset[str]:
    """Read a stopword file (one word a line, ``#`` comments).

    >>> "的" in load_stopwords()
    True
    """
    words = (w.strip() for w in _read(spec).splitlines())
    return frozenset(w for w in words if w and not w.startswith("#"))


class JiebaTokenizer:
    """jieba segmentation with a domain dictionary, stopwords and a per-instance cache.

    Parameters
    ----------
    dictionary : str, Path or None
        A user dictionary (jieba format: ``word [freq] [tag]`` per line) loaded
        into this instance's own segmenter.  Default: the dictionary shipped
        with reportdiff; ``None`` for plain jieba.
    stopwords : str, Path, iterable of str or None
        Words dropped by :meth:`terms`.  Default: the shipped list; ``None``
        for none.
    backend : {"auto", "jieba", "rjieba"}
        ``"jieba"`` is the reference.  ``"rjieba"`` (if installed) is about ten
        times faster.  ``"auto"`` picks rjieba only for configurations where it
        was shown to segment identically (see :attr:`RJIEBA_VERIFIED`), else
        jieba.
    hmm : bool
        Use jieba's HMM for unknown words (default True).
    cache_size : int
        How many texts' segmentations this instance remembers (LRU), so that
        TF-IDF, Jaccard and diffs of one comparison reuse one cut.

    Notes
    -----
    Instances are immutable by contract: the configuration cannot change after
    construction; the only state is the lazily built segmenter and the
    segmentation cache, neither of which changes results.  Pickling keeps the
    configuration and drops both.

    rjieba (jieba-rs) and jieba agree word for word on every paragraph of the
    national reports 2000-2019; on made-up text they can break an *exact* tie
    of route probability differently ("济济济" → 济|济济 or 济济|济, two routes of
    the same score).  Pass ``backend="jieba"`` where even that must not differ.
    """

    #: Configurations (dictionary, hmm) for which rjieba was verified to give
    #: jieba's segmentation on the reference corpus (tests/test_tokenize.py).
    RJIEBA_VERIFIED: frozenset[tuple[str | None, bool]] = frozenset(
        {(DEFAULT_DICTIONARY, True), (DEFAULT_DICTIONARY, False), (None, True), (None, False)})

    def __init__(
        self,
        *,
        dictionary: str | Path | None = DEFAULT_DICTIONARY,
        stopwords: str | Path | frozenset[str] | set[str] | list[str] | None = DEFAULT_STOPWORDS,
        backend: Backend = "auto",
        hmm: bool = True,
        cache_size: int = 4096,
    ) -> None:
        if backend not in ("auto", "jieba", "rjieba"):
            from .errors import UsageError

            raise UsageError(f"unknown tokenizer backend {backend!r}: use auto, jieba or rjieba")
        self._dictionary = None if dictionary is None else str(dictionary)
        if stopwords is None:
            self._stopwords: frozenset[str] = frozenset()
        elif isinstance(stopwords, (str, Path)):
            self._stopwords = load_stopwords(stopwords)
        else:
            self._stopwords = frozenset(stopwords)
        self._backend_req = backend
        self._hmm = hmm
        self._cache_size = cache_size
        self._init_state()

    def _init_state(self) -> None:
        self._engine: Any = None
        self._lock = threading.RLock()
        self._cache: OrderedDict[str, tuple[str, ...]] = OrderedDict()
        self._words = _parse_dictionary(_read(self._dictionary)) if self._dictionary else ()
        self._dict_words = frozenset(w for w, _, _ in self._words)
        self._backend = self._resolve_backend()

    # -- configuration --------------------------------------------------------
    @property
    def backend(self) -> str:
        """The backend actually used: ``"jieba"`` or ``"rjieba"``."""
        return self._backend

    def _resolve_backend(self) -> str:
        if self._backend_req in ("jieba", "rjieba"):
            return self._backend_req
        if (self._dictionary, self._hmm) in self.RJIEBA_VERIFIED and _has_rjieba():
            return "rjieba"
        return "jieba"

    @property
    def stopwords(self) -> frozenset[str]:
        return self._stopwords

    def _key(self) -> tuple[Any, ...]:
        return (self._dictionary, self._stopwords, self._backend_req, self._hmm)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, JiebaTokenizer) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (f"JiebaTokenizer(dictionary={self._dictionary!r}, "
                f"stopwords={len(self._stopwords)} words, backend={self.backend!r})")

    def __getstate__(self) -> dict[str, Any]:
        return {"dictionary": self._dictionary, "stopwords": self._stopwords,
                "backend": self._backend_req, "hmm": self._hmm, "cache_size": self._cache_size}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._dictionary = state["dictionary"]
        self._stopwords = state["stopwords"]
        self._backend_req = state["backend"]
        self._hmm = state["hmm"]
        self._cache_size = state["cache_size"]
        self._init_state()

    # -- segmentation -----------------------------------------------------------
    def _get_engine(self) -> Any:
        with self._lock:
            if self._engine is None:
                self._engine = (_build_rjieba(self._words) if self._backend == "rjieba"
                                else _build_jieba(self._words))
            return self._engine

    def _segment(self, text: str) -> list[str]:
        engine = self._get_engine()
        if self._backend == "rjieba":
            tokens = engine.cut(text, self._hmm)
            if self._hmm:
                tokens = _jieba_ascii_runs(tokens, self._dict_words)
            return list(tokens)
        return list(engine.cut(text, HMM=self._hmm))

    def cut(self, text: str) -> list[str]:
        """Segment ``text``; the tokens concatenate back to ``text``.

        >>> default_tokenizer().cut("减税降费和高质量发展")
        ['减税降费', '和', '高质量发展']
        """
        with self._lock:
            hit = self._cache.get(text)
            if hit is not None:
                self._cache.move_to_end(text)
                return list(hit)
        tokens = tuple(self._segment(text))
        with self._lock:
            self._cache[text] = tokens
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return list(tokens)

    def terms(self, text: str) -> list[str]:
        """Content words: :meth:`cut` without space, punctuation, numerals and stopwords."""
        stop = self._stopwords
        return [t for t in self.cut(text) if t not in stop and _TERM.search(t)]

    __call__ = terms


# jieba's HMM pass splits runs of ASCII it does not know with this pattern
# (jieba/finalseg: re_skip); rjieba keeps "2006-2020" or "a.gov.cn" whole.
_JIEBA_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")


def _jieba_ascii_runs(tokens: list[str], known: frozenset[str]) -> list[str]:
    """Split unknown ASCII tokens the way jieba's HMM mode does (rjieba differs only there)."""
    out: list[str] = []
    for t in tokens:
        if (len(t) > 1 and t.isascii() and t not in known
                and not _JIEBA_SKIP.fullmatch(t) and not t.isspace()):
            out.extend(x for x in _JIEBA_SKIP.split(t) if x)
        else:
            out.append(t)
    return out


def _has_rjieba() -> bool:
    try:
        import rjieba  # noqa: F401
    except ImportError:
        return False
    return True


def _build_jieba(words: tuple[tuple[str, int | None, str | None], ...]) -> Any:
    import logging

    import jieba

    tok = jieba.Tokenizer()
    logger = logging.getLogger("jieba")
    was = logger.disabled
    logger.disabled = True  # silence "Building prefix dict ..." for this call only
    try:
        tok.initialize()
    finally:
        logger.disabled = was
    for word, freq, tag in words:
        tok.add_word(word, freq, tag)
    return tok


def _build_rjieba(words: tuple[tuple[str, int | None, str | None], ...]) -> Any:
    try:
        import rjieba
    except ImportError as exc:  # pragma: no cover - depends on the environment
        from .errors import UsageError

        raise UsageError("the rjieba backend is not installed: pip install rjieba, "
                         "or use backend='jieba'") from exc
    tok = rjieba.Jieba()
    for word, freq, tag in words:
        tok.add_word(word, freq, tag)
    return tok


@lru_cache(maxsize=1)
def default_tokenizer() -> JiebaTokenizer:
    """The default tokenizer: jieba + the shipped dictionary and stopwords.

    The instance is shared (built once per process) and immutable by contract;
    build your own :class:`JiebaTokenizer` for another configuration.
    """
    return JiebaTokenizer()
