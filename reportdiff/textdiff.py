"""Word- and character-level text diff that no timeout ever decides.

:func:`word_diff` cuts both texts into words (jieba), maps every distinct word
to one private-use character (the ``linesToChars`` trick of diff-match-patch,
applied to words), diffs the two symbol strings with diff-match-patch and
expands the result back to text.  The C++ implementation
(``fast-diff-match-patch``) is used when it is installed, the pure-Python one
otherwise; both run with the time limit switched off, so the result depends
only on the two texts, never on the speed of the machine.  Semantic cleanup
then merges the scattered one-word equalities that make raw diffs unreadable.

Every result satisfies two invariants: the ``equal`` and ``delete`` texts in
order concatenate to ``a``; the ``equal`` and ``insert`` texts to ``b``.

>>> word_diff("国内生产总值增长6.5%", "国内生产总值增长7%", level="char")
(('equal', '国内生产总值增长'), ('delete', '6.5'), ('insert', '7'), ('equal', '%'))
>>> word_diff("abc", "abc")
(('equal', 'abc'),)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, Protocol

__all__ = [
    "Op",
    "Tokenizer",
    "default_engine",
    "op_counts",
    "tokens_of",
    "unchanged_share",
    "word_diff",
]

#: The kind of a diff operation.
Op = Literal["equal", "insert", "delete"]
Level = Literal["word", "char"]
Engine = Literal["auto", "fast", "pure"]

_OP_NAMES = {"=": "equal", "+": "insert", "-": "delete", 0: "equal", 1: "insert", -1: "delete"}


class Tokenizer(Protocol):
    """Anything with ``cut(text) -> list of str`` (reportdiff.tokenize, a jieba.Tokenizer)."""

    def cut(self, text: str) -> Any:  # pragma: no cover - protocol
        ...


def _fallback_tokenizer() -> Tokenizer:
    """The project tokenizer (:func:`reportdiff.tokenize.default_tokenizer`, built once)."""
    from .tokenize import default_tokenizer

    return default_tokenizer()


def default_engine() -> str:
    """``"fast"`` when fast-diff-match-patch is importable, else ``"pure"``.

    >>> default_engine() in ("fast", "pure")
    True
    """
    try:
        import fast_diff_match_patch  # noqa: F401
    except ImportError:
        return "pure"
    return "fast"


def tokens_of(text: str, *, tokenizer: Tokenizer | None = None,
              level: Level = "word") -> list[str]:
    """Cut ``text`` into the units of the diff: words, or single characters.

    The tokens always join back to ``text``; a tokenizer that drops
    characters is not trusted and the text falls back to single characters.

    >>> tokens_of("增长6.5%", level="char")
    ['增', '长', '6', '.', '5', '%']
    """
    if level == "char":
        return list(text)
    if level != "word":
        from .errors import UsageError

        raise UsageError(f"unknown diff level {level!r}: use 'word' or 'char'")
    if not text:
        return []
    tok = tokenizer if tokenizer is not None else _fallback_tokenizer()
    words = [w for w in tok.cut(text) if w]
    if "".join(words) != text:
        return list(text)
    return words


def _symbols(a: Sequence[str], b: Sequence[str]) -> tuple[str, str]:
    """Encode two token lists as strings of one character per distinct token.

    Room for 137 214 distinct tokens (BMP private-use area, then planes 15
    and 16); beyond that ``chr`` raises ``ValueError``.
    """
    table: dict[str, str] = {}

    def code(i: int) -> str:
        # Private-use area first, then supplementary planes; never surrogates.
        if i < 0xF900 - 0xE000:
            return chr(0xE000 + i)
        i -= 0xF900 - 0xE000
        return chr(0xF0000 + i)

    def enc(seq: Sequence[str]) -> str:
        out = []
        for t in seq:
            c = table.get(t)
            if c is None:
                c = table[t] = code(len(table))
            out.append(c)
        return "".join(out)

    return enc(a), enc(b)


def _raw_diff(x: str, y: str, engine: str) -> list[tuple[str, int]]:
    """(op, length in symbols) with semantic cleanup and no time limit."""
    if engine == "auto":
        engine = default_engine()
    if engine == "fast":
        import fast_diff_match_patch as fdmp

        res = fdmp.diff(x, y, timelimit=0, checklines=False, cleanup="Semantic",
                        counts_only=True)
        return [(_OP_NAMES[op], n) for op, n in res]
    if engine != "pure":
        from .errors import UsageError

        raise UsageError(f"unknown diff engine {engine!r}: use 'auto', 'fast' or 'pure'")
    import diff_match_patch as dmp_module

    dmp = dmp_module.diff_match_patch()
    dmp.Diff_Timeout = 0  # no deadline: the result must not depend on machine speed
    diffs = dmp.diff_main(x, y, False)
    dmp.diff_cleanupSemantic(diffs)
    return [(_OP_NAMES[op], len(t)) for op, t in diffs]


_MIRROR: dict[str, Op] = {"equal": "equal", "insert": "delete", "delete": "insert"}


def word_diff(a: str, b: str, *, tokenizer: Tokenizer | None = None,
              level: Level = "word", engine: Engine = "auto") -> tuple[tuple[Op, str], ...]:
    """Diff two texts word by word (or character by character).

    Parameters
    ----------
    a, b : str
        The old and the new text.
    tokenizer : object with ``cut(text)``, optional
        Word segmenter; default :func:`reportdiff.tokenize.default_tokenizer`
        (jieba with the domain dictionary; never jieba's global tokenizer).
    level : {"word", "char"}
        Diff units.  Words keep a changed word whole (``增长`` → ``下降``
        rather than ``增长`` → ``下降`` sharing nothing but a character).
    engine : {"auto", "fast", "pure"}
        diff-match-patch implementation: C++ (fast-diff-match-patch) or
        pure Python.  Both give the same kind of result; ``auto`` picks the
        C++ one when installed.

    Returns
    -------
    tuple of (op, text)
        ``op`` is ``"equal"``, ``"insert"`` or ``"delete"``; adjacent
        operations of the same kind are merged and no text is empty.

    Examples
    --------
    >>> ops = word_diff("扎实推进脱贫攻坚", "坚决打好脱贫攻坚战", level="char")
    >>> "".join(t for op, t in ops if op != "insert")
    '扎实推进脱贫攻坚'
    >>> "".join(t for op, t in ops if op != "delete")
    '坚决打好脱贫攻坚战'
    """
    if a == b:
        return (("equal", a),) if a else ()
    if not a:
        return (("insert", b),)
    if not b:
        return (("delete", a),)
    if (len(b), b) < (len(a), a):
        # diff-match-patch's semantic cleanup is not symmetric: diff in one
        # canonical direction, so that diff(a, b) and diff(b, a) mirror each
        # other and every share computed from them is symmetric.
        back = word_diff(b, a, tokenizer=tokenizer, level=level, engine=engine)
        mirrored = [(_MIRROR[op], text) for op, text in back]
        for i in range(len(mirrored) - 1):  # keep deletions before insertions
            if mirrored[i][0] == "insert" and mirrored[i + 1][0] == "delete":
                mirrored[i], mirrored[i + 1] = mirrored[i + 1], mirrored[i]
        return tuple(mirrored)
    # Common prefix and suffix are equal whatever the segmentation; cut them
    # at a line break so the tokenizer still sees whole sentences.
    pre = _common_prefix(a, b)
    pre = a.rfind("\n", 0, pre) + 1
    suf = _common_suffix(a[pre:], b[pre:])
    if suf:
        nl = a.find("\n", len(a) - suf)
        suf = len(a) - nl if nl != -1 else 0
    mid_a, mid_b = a[pre:len(a) - suf], b[pre:len(b) - suf]
    ta = tokens_of(mid_a, tokenizer=tokenizer, level=level)
    tb = tokens_of(mid_b, tokenizer=tokenizer, level=level)
    try:
        x, y = _symbols(ta, tb)
    except ValueError:  # more distinct words than code points: diff characters
        ta, tb = list(mid_a), list(mid_b)
        x, y = mid_a, mid_b
    out: list[tuple[Op, str]] = []
    if pre:
        out.append(("equal", a[:pre]))
    ia = ib = 0
    for op, n in _raw_diff(x, y, engine):
        if op == "equal":
            text = "".join(ta[ia:ia + n])
            ia += n
            ib += n
        elif op == "delete":
            text = "".join(ta[ia:ia + n])
            ia += n
        else:
            text = "".join(tb[ib:ib + n])
            ib += n
        out.append((op, text))  # type: ignore[arg-type]
    if suf:
        out.append(("equal", a[len(a) - suf:]))
    return _merge(out)


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    lo, hi = 0, n
    while lo < hi:  # binary search on slices: fast in C
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid:] == b[len(b) - mid:]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _merge(ops: list[tuple[Op, str]]) -> tuple[tuple[Op, str], ...]:
    """Drop empty operations and merge neighbours of the same kind.

    Between two equalities, deletions are put before insertions.
    """
    merged: list[tuple[Op, str]] = []
    dels: list[str] = []
    ins: list[str] = []

    def flush() -> None:
        if dels:
            merged.append(("delete", "".join(dels)))
        if ins:
            merged.append(("insert", "".join(ins)))
        dels.clear()
        ins.clear()

    for op, text in ops:
        if not text:
            continue
        if op == "delete":
            dels.append(text)
        elif op == "insert":
            ins.append(text)
        else:
            flush()
            if merged and merged[-1][0] == "equal":
                merged[-1] = ("equal", merged[-1][1] + text)
            else:
                merged.append(("equal", text))
    flush()
    return tuple(merged)


def op_counts(ops: Sequence[tuple[str, str]], *, skip: str = "\n") -> dict[str, int]:
    """Characters per operation kind, not counting the characters in ``skip``.

    >>> op_counts([("equal", "增长"), ("delete", "6.5%"), ("insert", "6%\\n")])
    {'equal': 2, 'delete': 4, 'insert': 2}
    """
    counts = {"equal": 0, "delete": 0, "insert": 0}
    for op, text in ops:
        n = len(text)
        for ch in skip:
            n -= text.count(ch)
        counts[op] += n
    return counts


def unchanged_share(ops: Sequence[tuple[str, str]]) -> float:
    """Share of the text unchanged: ``2·E / (A + B)``.

    ``E`` counts the characters of the equal operations, ``A`` and ``B`` the
    characters of the old and the new text (line breaks are not counted).
    Two empty texts are wholly unchanged (1.0).

    >>> unchanged_share([("equal", "增长"), ("delete", "6.5%"), ("insert", "6%")])
    0.4
    """
    c = op_counts(ops)
    total = 2 * c["equal"] + c["delete"] + c["insert"]
    if total == 0:
        return 1.0
    return 2 * c["equal"] / total
