"""How similar are two reports, chapters or topics: TF-IDF and the Lazy-Prices measures.

Five measures, each a similarity in ``[0, 1]`` with identical texts at ``1.0``
and two empty texts at ``1.0`` (one empty text against a non-empty one: ``0.0``).
All of them work on the *content words* of a text
(:meth:`~reportdiff.tokenize.JiebaTokenizer.terms`: no punctuation,
numerals or stopwords), so that shared function words do not lift the score of
unrelated texts.

``tfidf``
    Cosine of TF-IDF vectors (scikit-learn ``TfidfVectorizer`` with the
    tokenizer, ``token_pattern=None``, sublinear tf).  The IDF is fitted on the
    *paragraphs* of all texts being compared, so a word used in every
    paragraph of both reports weighs little, and the model is meaningful even
    for a pair of documents.
``cosine``
    Cosine of raw term-frequency vectors (Lazy Prices "cosine").
``jaccard``
    Size of the intersection over the union of the two word *sets*.
``edit``
    ``1 - levenshtein(a, b) / max(len(a), len(b))`` over the word sequences:
    the minimum number of word insertions, deletions and substitutions,
    normalised by length (not a raw count).
``simple``
    Share of unchanged words in a word-level diff,
    ``2 * unchanged / (len(a) + len(b))``.  The diff is computed with
    fast-diff-match-patch when installed, else diff-match-patch, in both cases
    without a time limit, so the result never depends on the machine's speed.

The baselines of unrelated texts are measured in ``docs/similarity.md``
(``benchmarks/bench_compare.py --baseline`` reproduces them).

>>> s = compare_texts("积极的财政政策要加力提效。", "积极的财政政策要加力提效。")
>>> s["tfidf"], s["edit"], s["simple"]
(1.0, 1.0, 1.0)
"""

from __future__ import annotations

import math
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from .tokenize import Tokenizer, default_tokenizer

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from .report import Report

__all__ = [
    "MEASURES",
    "Level",
    "SimilarityResult",
    "SimilarityTable",
    "TfidfModel",
    "compare_texts",
    "cosine_tf",
    "diff_tokens",
    "edit_similarity",
    "jaccard",
    "levenshtein",
    "similarity",
    "simple_similarity",
]

#: The measures, in the order they are reported.
MEASURES: tuple[str, ...] = ("tfidf", "cosine", "jaccard", "edit", "simple")

Level = Literal["doc", "chapter", "topic"]

_DIGITS = 6  # results are rounded, so output is byte-identical across platforms


def _r(x: float) -> float:
    return round(min(1.0, max(0.0, float(x))), _DIGITS)


# -- TF-IDF -----------------------------------------------------------------------
class _ParagraphTerms:
    """``tokenizer.terms`` applied paragraph by paragraph.

    jieba never joins words across a line break, so this is the same word list
    as ``terms(text)``; cutting by paragraph lets a section reuse the cached
    segmentation of the paragraphs the TF-IDF model was fitted on.
    """

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer
        # a tokenizer without ``terms`` (only ``cut`` / ``__call__``) is used as it is
        self._terms = getattr(tokenizer, "terms", None) or (
            tokenizer if callable(tokenizer) else tokenizer.cut)

    def __call__(self, text: str) -> list[str]:
        out: list[str] = []
        for p in text.split("\n"):
            if p:
                out.extend(self._terms(p))
        return out


class TfidfModel:
    """A TF-IDF space fitted on the paragraphs of some texts.

    Parameters
    ----------
    texts : iterable of str
        The texts whose paragraphs (split at ``\\n``) define the IDF.
    tokenizer : Tokenizer, optional

    Examples
    --------
    >>> m = TfidfModel(["发展数字经济。\\n稳定就业。", "稳定就业。"])
    >>> m.cosine("稳定就业", "稳定就业。")
    1.0
    """

    def __init__(self, texts: Iterable[str], *, tokenizer: Tokenizer | None = None) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        tok = tokenizer or default_tokenizer()
        paragraphs = [p for t in texts for p in t.split("\n") if p.strip()]
        self.tokenizer = tok
        self._vec = TfidfVectorizer(tokenizer=_ParagraphTerms(tok), token_pattern=None,
                                    lowercase=False, sublinear_tf=True, norm="l2")
        if paragraphs and any(_ParagraphTerms(tok)(p) for p in paragraphs):
            self._vec.fit(paragraphs)
            self._fitted = True
        else:
            self._fitted = False

    def transform(self, texts: Sequence[str]) -> Any:
        """L2-normalised TF-IDF rows (a scipy sparse matrix)."""
        from scipy.sparse import csr_matrix

        if not self._fitted:
            return csr_matrix((len(texts), 1))
        return self._vec.transform(list(texts))

    def counts(self, texts: Sequence[str]) -> Any:
        """Raw counts of the model's terms (a scipy sparse matrix, one row per text).

        Counts add up: the counts of joined texts are the sum of their rows,
        which :meth:`weigh` turns into the joined texts' TF-IDF rows without
        cutting the texts again.

        >>> m = TfidfModel(["发展数字经济。\\n稳定就业。"])
        >>> c = m.counts(["发展数字经济。", "稳定就业。"])
        >>> joined = m.weigh(c[0] + c[1])
        >>> float(m.cosines(joined, m.transform(["发展数字经济。稳定就业。"]))[0, 0])
        1.0
        """
        from scipy.sparse import csr_matrix
        from sklearn.feature_extraction.text import CountVectorizer

        if not self._fitted:
            return csr_matrix((len(texts), 1))
        return CountVectorizer.transform(self._vec, list(texts))

    def weigh(self, counts: Any) -> Any:
        """L2-normalised TF-IDF rows from :meth:`counts` rows (as :meth:`transform`)."""
        import numpy as np
        from scipy.sparse import csr_matrix, diags
        from sklearn.preprocessing import normalize

        if not self._fitted:
            return csr_matrix(counts.shape)
        x = csr_matrix(counts, dtype=float, copy=True)
        np.log(x.data, out=x.data)  # sublinear tf, as fitted: 1 + log(tf)
        x.data += 1.0
        return normalize(x @ diags(self._vec.idf_), norm="l2", copy=False)

    def cosines(self, va: Any, vb: Any) -> np.ndarray:
        """:meth:`matrix` for rows already weighed (:meth:`transform`, :meth:`weigh`)."""
        import numpy as np

        out = np.asarray((va @ vb.T).todense(), dtype=float)
        na = np.asarray(va.multiply(va).sum(axis=1)).ravel() > 0
        nb = np.asarray(vb.multiply(vb).sum(axis=1)).ravel() > 0
        both_empty = np.outer(~na, ~nb)
        out[both_empty] = 1.0
        return np.clip(np.round(out, _DIGITS), 0.0, 1.0)

    def matrix(self, a: Sequence[str], b: Sequence[str]) -> np.ndarray:
        """Cosine similarities, ``out[i, j]`` between ``a[i]`` and ``b[j]`` (a numpy array).

        Two texts without any known word score 1.0 when both are empty of
        terms, else 0.0.
        """
        return self.cosines(self.transform(a), self.transform(b))

    def cosine(self, a: str, b: str) -> float:
        """TF-IDF cosine of two texts."""
        return float(self.matrix([a], [b])[0, 0])


# -- the Lazy-Prices measures over word lists -------------------------------------------
def cosine_tf(a: Sequence[str], b: Sequence[str]) -> float:
    """Cosine of term-frequency vectors.

    >>> cosine_tf(["改革", "开放"], ["开放", "改革"])
    1.0
    """
    if not a or not b:
        return 1.0 if not a and not b else 0.0
    ca, cb = Counter(a), Counter(b)
    dot = sum(n * cb[w] for w, n in ca.items() if w in cb)
    na = math.sqrt(sum(n * n for n in ca.values()))
    nb = math.sqrt(sum(n * n for n in cb.values()))
    return _r(dot / (na * nb))


def jaccard(a: Sequence[str], b: Sequence[str]) -> float:
    """Jaccard similarity of the word sets.

    >>> jaccard(["改革", "开放"], ["改革", "创新"])
    0.333333
    """
    sa, sb = set(a), set(b)
    if not sa and not sb:
        return 1.0
    return _r(len(sa & sb) / len(sa | sb))


def _encode(a: Sequence[str], b: Sequence[str]) -> tuple[list[int], list[int]]:
    codes: dict[str, int] = {}
    ea = [codes.setdefault(w, len(codes)) for w in a]
    eb = [codes.setdefault(w, len(codes)) for w in b]
    return ea, eb


def levenshtein(a: Sequence[Any], b: Sequence[Any]) -> int:
    """Minimum number of element insertions, deletions and substitutions turning ``a`` into ``b``.

    Row-wise dynamic programming vectorised with numpy: ``O(len(a) * len(b))``
    operations but only ``min(len(a), len(b))`` numpy calls per row.

    >>> levenshtein(["稳", "就业"], ["稳", "外贸", "就业"])
    1
    """
    import numpy as np

    if len(a) < len(b):
        a, b = b, a
    m = len(b)
    if m == 0:
        return len(a)
    codes: dict[Any, int] = {}
    ea = np.array([codes.setdefault(x, len(codes)) for x in a], dtype=np.int64)
    eb = np.array([codes.setdefault(x, len(codes)) for x in b], dtype=np.int64)
    idx = np.arange(m + 1, dtype=np.int64)
    prev = idx.copy()
    tmp = np.empty(m + 1, dtype=np.int64)
    for i, x in enumerate(ea, 1):
        tmp[0] = i
        np.minimum(prev[1:] + 1, prev[:-1] + (eb != x), out=tmp[1:])
        # insertions: cur[j] = min_k<=j tmp[k] + (j - k)
        prev = np.minimum.accumulate(tmp - idx) + idx
    return int(prev[-1])


def edit_similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """``1 - levenshtein(a, b) / max(len(a), len(b))`` over word sequences.

    >>> edit_similarity(["稳", "就业"], ["稳", "外贸", "就业"])
    0.666667
    """
    n = max(len(a), len(b))
    if n == 0:
        return 1.0
    return _r(1.0 - levenshtein(a, b) / n)


def diff_tokens(a: Sequence[str], b: Sequence[str]) -> list[tuple[str, int]]:
    """Word-level diff: ``[(op, count), ...]`` with op ``"="``, ``"-"`` or ``"+"``.

    Uses fast-diff-match-patch (C++) when importable, else diff-match-patch;
    both run without a time limit (``Diff_Timeout = 0``) and without semantic
    cleanup, so the result is a minimal diff that does not depend on speed.
    Words are encoded as one character each before diffing.

    >>> diff_tokens(["稳", "就业", "稳", "外贸"], ["稳", "外贸"])
    [('-', 2), ('=', 2)]
    """
    ea, eb = _encode(a, b)
    sa = "".join(chr(0x10000 + c) for c in ea)
    sb = "".join(chr(0x10000 + c) for c in eb)
    try:
        import fast_diff_match_patch as fdmp
    except ImportError:
        fdmp = None
    if fdmp is not None:
        raw = fdmp.diff(sa, sb, timelimit=0, checklines=False, cleanup="No", counts_only=True)
        ops = [(op, int(n)) for op, n in raw]
    else:
        import diff_match_patch as dmp_mod

        dmp = dmp_mod.diff_match_patch()
        dmp.Diff_Timeout = 0
        sym = {0: "=", -1: "-", 1: "+"}
        ops = [(sym[op], len(s)) for op, s in dmp.diff_main(sa, sb, False)]
    merged: list[tuple[str, int]] = []
    for op, n in ops:
        if n == 0:
            continue
        if merged and merged[-1][0] == op:
            merged[-1] = (op, merged[-1][1] + n)
        else:
            merged.append((op, n))
    return merged


def simple_similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """Share of words left unchanged by a word-level diff: ``2 * equal / (len(a) + len(b))``.

    >>> simple_similarity(["稳", "就业", "稳", "外贸"], ["稳", "外贸"])
    0.666667
    """
    if not a and not b:
        return 1.0
    equal = sum(n for op, n in diff_tokens(a, b) if op == "=")
    return _r(2 * equal / (len(a) + len(b)))


def _word_measures(ta: Sequence[str], tb: Sequence[str],
                   measures: Sequence[str]) -> dict[str, float]:
    fns = {"cosine": cosine_tf, "jaccard": jaccard, "edit": edit_similarity,
           "simple": simple_similarity}
    return {m: fns[m](ta, tb) for m in measures if m in fns}


def _check_measures(measures: Sequence[str]) -> tuple[str, ...]:
    bad = [m for m in measures if m not in MEASURES]
    if bad:
        from .errors import UsageError

        raise UsageError(f"unknown similarity measure {bad[0]!r}: "
                         f"choose from {', '.join(MEASURES)}")
    return tuple(m for m in MEASURES if m in measures)


def compare_texts(a: str, b: str, *, tokenizer: Tokenizer | None = None,
                  measures: Sequence[str] = MEASURES,
                  model: TfidfModel | None = None) -> dict[str, float]:
    """All measures for two texts, ``{measure: score}`` in :data:`MEASURES` order.

    ``model`` is the TF-IDF space (default: fitted on the paragraphs of ``a``
    and ``b``).
    """
    measures = _check_measures(measures)
    tok = tokenizer or default_tokenizer()
    out: dict[str, float] = {}
    if "tfidf" in measures:
        out["tfidf"] = (model or TfidfModel([a, b], tokenizer=tok)).cosine(a, b)
    terms = _ParagraphTerms(tok)
    out.update(_word_measures(terms(a), terms(b), measures))
    return out


# -- results ------------------------------------------------------------------------
@dataclass(frozen=True)
class SimilarityResult:
    """The similarity of one pair: two reports, or two sets of sections.

    Attributes
    ----------
    old, new : str
        Labels of the two reports (the year, else the file name).
    level : {"doc", "chapter", "topic"}
    old_ids, new_ids : tuple of str
        Section ids for a unit pair (empty for a whole-report row).
    relation : str or None
        The alignment relation of a unit pair (``same``, ``moved`` ...).
    scores : tuple of (measure, score)
        A score is ``None`` for a ``new`` or ``dropped`` unit: it has no
        counterpart to be compared with (the pair's mean counts it as 0).
    """

    old: str
    new: str
    level: str
    scores: tuple[tuple[str, float | None], ...]
    old_ids: tuple[str, ...] = ()
    new_ids: tuple[str, ...] = ()
    relation: str | None = None

    def __getitem__(self, measure: str) -> float | None:
        return dict(self.scores)[measure]

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"old": self.old, "new": self.new, "level": self.level}
        if self.old_ids or self.new_ids or self.relation:
            d.update(old_ids=list(self.old_ids), new_ids=list(self.new_ids),
                     relation=self.relation)
        d.update(self.scores)
        return d


@dataclass(frozen=True)
class SimilarityTable:
    """Similarities of reports, pair by pair.

    Attributes
    ----------
    labels : tuple of str
        The reports, in the order given (sorted by year by :func:`similarity`).
    level : str
    measures : tuple of str
    pairs : tuple of SimilarityResult
        One row per consecutive pair (by year), summarising the level: at
        ``doc`` level the measures of the whole texts; at ``chapter``/``topic``
        level the mean over aligned units weighted by their length in words,
        units without counterpart counting 0.
    units : tuple of SimilarityResult
        At ``chapter``/``topic`` level, one row per alignment link of each
        consecutive pair.
    matrix : tuple of tuple of float
        ``matrix[i][j]``: the ``matrix_measure`` of reports ``i`` and ``j``
        (at the table's level), for every pair.
    matrix_measure : str
    sources, years : tuple
        Path and plan year of each report, in the order of ``labels``
        (``None`` where unknown); they label the rows of :meth:`to_pandas`.
    """

    labels: tuple[str, ...]
    level: str
    measures: tuple[str, ...]
    pairs: tuple[SimilarityResult, ...]
    units: tuple[SimilarityResult, ...] = ()
    matrix: tuple[tuple[float, ...], ...] = ()
    matrix_measure: str = "tfidf"
    sources: tuple[str | None, ...] = ()
    years: tuple[int | None, ...] = ()

    def __len__(self) -> int:
        return len(self.pairs)

    def __iter__(self) -> Any:
        return iter(self.pairs)

    def to_dict(self) -> dict[str, Any]:
        return {
            "reports": list(self.labels),
            "level": self.level,
            "measures": list(self.measures),
            "pairs": [p.to_dict() for p in self.pairs],
            "units": [u.to_dict() for u in self.units],
            "matrix": {"measure": self.matrix_measure,
                       "values": [list(r) for r in self.matrix]},
        }

    def to_pandas(self, *, which: Literal["pairs", "units", "matrix"] = "pairs") -> Any:
        """A DataFrame of the pair rows, the unit rows or the matrix.

        Pair and unit rows start with ``old_source``, ``old_year``,
        ``new_source``, ``new_year`` (years as integers, see ``docs/output.md``),
        then the labels ``old_label``/``new_label``, ``level``, the comma-joined
        ``old_ids``/``new_ids``, ``relation`` and one column per measure.  A
        new or dropped unit's measures are blank (NaN), not 0.
        """
        import pandas as pd

        if which == "matrix":
            return pd.DataFrame([list(r) for r in self.matrix], index=list(self.labels),
                                columns=list(self.labels))
        rows = self.pairs if which == "pairs" else self.units
        index = {lab: i for i, lab in enumerate(self.labels)}

        def at(values: tuple[Any, ...], label: str) -> Any:
            i = index.get(label)
            return values[i] if i is not None and i < len(values) else None

        cols = ["old_source", "old_year", "new_source", "new_year", "old_label", "new_label",
                "level", "old_ids", "new_ids", "relation", *self.measures]
        data = []
        for r in rows:
            d = {"old_source": at(self.sources, r.old), "old_year": at(self.years, r.old),
                 "new_source": at(self.sources, r.new), "new_year": at(self.years, r.new),
                 "old_label": r.old, "new_label": r.new, "level": r.level,
                 "old_ids": ",".join(r.old_ids), "new_ids": ",".join(r.new_ids),
                 "relation": r.relation}
            d.update(r.scores)
            data.append(d)
        df = pd.DataFrame(data, columns=cols)
        for c in ("old_year", "new_year"):
            df[c] = df[c].astype("Int64")
        for m in self.measures:
            df[m] = df[m].astype("float64")
        return df

    def _repr_html_(self) -> str:
        from .render.similarity_table import similarity_html

        return similarity_html(self)


# -- reports ------------------------------------------------------------------------------
def _labels(reports: Sequence[Report]) -> list[str]:
    from pathlib import Path

    raw = []
    for i, r in enumerate(reports):
        if r.year is not None:
            raw.append(str(r.year))
        elif r.source.path:
            raw.append(Path(r.source.path).stem)
        else:
            raw.append(f"#{i + 1}")
    seen: Counter[str] = Counter(raw)
    out, used = [], Counter()  # type: ignore[var-annotated]
    for lab in raw:
        if seen[lab] > 1:
            used[lab] += 1
            out.append(f"{lab}({used[lab]})")
        else:
            out.append(lab)
    return out


@dataclass(frozen=True)
class _PairResult:
    summary: dict[str, float]
    units: list[tuple[tuple[str, ...], tuple[str, ...], str, dict[str, float | None]]] = field(
        default_factory=list)


def _doc_pair(a: Report, b: Report, tok: Tokenizer, measures: tuple[str, ...],
              model: TfidfModel | None) -> _PairResult:
    return _PairResult(compare_texts(a.text, b.text, tokenizer=tok, measures=measures,
                                     model=model))


def _unit_pair(a: Report, b: Report, level: str, tok: Tokenizer, measures: tuple[str, ...],
               model: TfidfModel | None) -> _PairResult:
    from .align import align, unit_text

    al = align(a, b, level=level, tokenizer=tok)  # type: ignore[arg-type]
    model = model or TfidfModel([a.text, b.text], tokenizer=tok)
    rows = []
    total = 0
    acc = dict.fromkeys(measures, 0.0)
    for link in al.links:
        ta = "\n".join(unit_text(a, i) for i in link.old)
        tb = "\n".join(unit_text(b, i) for i in link.new)
        weight = len(_ParagraphTerms(tok)(ta)) + len(_ParagraphTerms(tok)(tb))
        sc: dict[str, float | None]
        if link.old and link.new:
            sc = dict(compare_texts(ta, tb, tokenizer=tok, measures=measures, model=model))
        else:  # a new or dropped unit: no counterpart, no score (blank), but 0 in the mean
            sc = dict.fromkeys(measures, None)
        rows.append((link.old, link.new, link.relation, sc))
        total += weight
        for m in measures:
            acc[m] += weight * (sc[m] or 0.0)
    summary = {m: _r(acc[m] / total) if total else 1.0 for m in measures}
    return _PairResult(summary, rows)


def similarity(
    reports: Sequence[Report | str | os.PathLike[str]],
    *,
    level: Level = "doc",
    measures: Sequence[str] = MEASURES,
    tokenizer: Tokenizer | None = None,
    matrix: bool | None = None,
    matrix_measure: str = "tfidf",
) -> SimilarityTable:
    """Compare reports: consecutive pairs by year, and an all-pairs matrix.

    Parameters
    ----------
    reports : sequence of Report or path
        Two or more reports (paths are loaded with :func:`reportdiff.load`);
        they are sorted by year (reports without a year keep their order,
        after those with one).
    level : {"doc", "chapter", "topic"}
        Whole documents, or aligned chapters/topics (see :func:`reportdiff.align`).
    measures : sequence of str
        A subset of :data:`MEASURES`.
    tokenizer : Tokenizer, optional
    matrix : bool, optional
        Compute the all-pairs matrix of ``matrix_measure`` (default: when more
        than two reports are given).
    matrix_measure : str

    Returns
    -------
    SimilarityTable
    """
    from .errors import UsageError

    if len(reports) < 2:
        raise UsageError("similarity needs at least two reports: give two or more files")
    if level not in ("doc", "chapter", "topic"):
        raise UsageError(f"unknown level {level!r}: use doc, chapter or topic")
    meas = _check_measures(measures)
    if matrix_measure not in MEASURES:
        raise UsageError(f"unknown matrix measure {matrix_measure!r}: choose from "
                         f"{', '.join(MEASURES)}")
    from .align import _as_report

    loaded: list[Report] = [_as_report(r) for r in reports]
    tok = tokenizer or default_tokenizer()
    order = sorted(range(len(loaded)),
                   key=lambda i: (loaded[i].year is None, loaded[i].year or 0, i))
    reps = [loaded[i] for i in order]
    labels = _labels(reps)
    model = TfidfModel([r.text for r in reps], tokenizer=tok) if "tfidf" in meas or (
        matrix_measure == "tfidf") else None

    def pair(i: int, j: int, ms: tuple[str, ...]) -> _PairResult:
        if level == "doc":
            return _doc_pair(reps[i], reps[j], tok, ms, model)
        return _unit_pair(reps[i], reps[j], level, tok, ms, model)

    pairs, units = [], []
    for i in range(len(reps) - 1):
        res = pair(i, i + 1, meas)
        pairs.append(SimilarityResult(labels[i], labels[i + 1], level,
                                      tuple(res.summary.items())))
        for old_ids, new_ids, rel, sc in res.units:
            units.append(SimilarityResult(labels[i], labels[i + 1], level, tuple(sc.items()),
                                          old_ids=old_ids, new_ids=new_ids, relation=rel))
    want_matrix = len(reps) > 2 if matrix is None else matrix
    mat: list[list[float]] = []
    if want_matrix:
        n = len(reps)
        mat = [[1.0] * n for _ in range(n)]
        for i in range(n):
            for j in range(i + 1, n):
                if j == i + 1 and matrix_measure in meas:
                    v = dict(pairs[i].scores)[matrix_measure]
                else:
                    v = pair(i, j, (matrix_measure,)).summary[matrix_measure]
                mat[i][j] = mat[j][i] = v
    return SimilarityTable(labels=tuple(labels), level=level, measures=meas,
                           pairs=tuple(pairs), units=tuple(units),
                           matrix=tuple(tuple(r) for r in mat), matrix_measure=matrix_measure,
                           sources=tuple(r.source.path for r in reps),
                           years=tuple(r.year for r in reps))
