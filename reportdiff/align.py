"""Align the sections of two reports, and map this year's review onto last year's plan.

Units
    At ``level="chapter"`` the units of a report are its chapters (level 2);
    a part (level 1) without chapters is a unit of its own (2018's "总体要求",
    2015's task parts without sub-headings).  At ``level="topic"`` the units
    are topics (level 3), and chapters or parts without topics stand for
    themselves.  Paragraphs between headings (a part's preamble) belong to no
    unit.  See :func:`units`.

Links (:attr:`Alignment.links`)
    1. Similarity: TF-IDF cosine (:class:`~reportdiff.similarity.TfidfModel`,
       IDF fitted on the paragraphs of both reports) between every old and
       every new unit of the same role (review with review, plan with plan,
       other with other; a unit's role is its section's).
    2. Best matches: each new unit is joined to its best old unit and each
       old unit to its best new unit, when they score at least
       ``link_threshold``.  Where an edge joins two units that both have
       several partners, the weakest such edge goes, until the edges form
       stars.  Document order plays no part: reports reorganise chapters.
    3. ``split`` / ``merged``: a star with several members, each kept (best
       first) only if joining its text raises the cosine with the centre.
    4. ``same`` / ``moved``: the remaining pairs, best first; then units left
       over, paired best first when they score at least ``moved_threshold``.
       Pairs in document order on both sides (the longest such chain) are
       ``same``, the others ``moved``.
    5. ``dropped`` (old units left) and ``new`` (new units left).
    6. Second destinations: a unit whose long paragraphs (at least
       :data:`PARAGRAPH_MIN` characters, two or more) vote, at least
       ``link_vote`` of them, for a unit of the other report that it is not
       yet linked to, gets an extra one-to-one ``moved`` link to it when the
       two units score at least ``link_second`` (and ``link_threshold``) — a
       broad chapter that reports into two (2006's 群众切身利益 → 2007's 安全生产).
       Optionally (``link_ratio`` < 1, off by default) also to its second-best
       unit scoring at least ``link_ratio`` times its best.  Such a unit is
       in more than one link; every other unit is in exactly one.

Review links (:attr:`Alignment.review_links`)
    Each unit of the new report's review part (role ``review``; here the
    part's summary topics before its first chapter count as units too; lessons
    drawn, headed ``必须…``, and problems stated, headed by a problem that no
    remedy verb governs — ``…问题和深层次矛盾依然存在。``, ``…需要加强。`` —
    do not) is linked to the old report's plan units (role ``plan``) it
    reports on, if its best score reaches ``review_threshold``: the best plan
    unit, any other scoring at least ``review_ratio`` times the best, any plan
    unit this item matches better than every other review item does, when
    scoring at least ``review_support`` times the item's best, and the best
    plan unit of each of its paragraphs (at least :data:`PARAGRAPH_MIN`
    characters) that scores at least ``review_paragraph`` with it — a broad
    review chapter reports on one plan chapter per paragraph or two.

The thresholds are keyword options; their defaults were chosen on the development
pairs in ``benchmarks/labels/align`` and checked on held-out ones
(``benchmarks/eval_align.py``, ``docs/align.md``).
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from .report import Report, Section
from .tokenize import Tokenizer, default_tokenizer

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

__all__ = ["PARAGRAPH_MIN", "RELATIONS", "Alignment", "Link", "ReviewLink", "align", "is_problem",
           "unit_text", "units"]

AlignLevel = Literal["chapter", "topic"]
_LEVELS = {"chapter": 2, "topic": 3}

#: The relations of a :class:`Link`.
RELATIONS = ("same", "moved", "split", "merged", "new", "dropped")

#: A review item that draws a lesson (``必须坚持科学发展。``, ``第三，必须坚持改革开放。``)
#: rather than reporting what was done: it reports on no plan unit.
_LESSON = re.compile(r"(第[一二三四五六七八九十]+[，、]|[一二三四五六七八九十]+是)?必须")

#: Words naming a problem, and verbs that make it the object of a remedy
#: (``解决关系群众切身利益的问题`` reports an achievement).
_PROBLEM = re.compile("问题|矛盾|风险|困难|隐患|差距|不足|挑战")
_REMEDY = re.compile("解决|化解|防范|防|应对|克服|加强|破解|治理|缓解|消除|减少|降低|着力")
#: A shortfall stated as such: ``政府自身建设和管理需要加强。``
_SHORTFALL = re.compile("(有待|需要|亟待|亟需|仍需|尚需)(进一步)?(加强|解决|改进|提高|完善|改善)")

#: Paragraphs shorter than this (characters) cast no vote in review links.
PARAGRAPH_MIN = 60


def is_problem(title: str) -> bool:
    """Whether a review item's heading states a problem rather than an achievement.

    A clause of the heading names a problem (问题, 矛盾, 风险, 困难, 隐患, 差距,
    不足, 挑战) that no remedy verb (解决, 化解, 防, 应对, 加强, 治理…) before it
    governs, or states a shortfall (有待/需要/亟待… 加强/解决/改进…).

    >>> is_problem("经济运行中一些突出问题和深层次矛盾依然存在。")
    True
    >>> is_problem("政府自身建设和管理需要加强。")
    True
    >>> is_problem("切实保障和改善民生，解决关系群众切身利益的问题。")
    False
    >>> is_problem("着力稳增长调结构防风险，创新宏观调控方式。")
    False
    """
    for clause in re.split("[，；、。：]", title):
        m = _PROBLEM.search(clause)
        if m and not _REMEDY.search(clause[:m.start()]):
            return True
        if _SHORTFALL.search(clause):
            return True
    return False


# -- units --------------------------------------------------------------------------
def units(report: Report, level: AlignLevel = "chapter", *,
          role: str | None = None, preamble: bool = False) -> list[Section]:
    """The sections that are compared at ``level``, in document order.

    Parameters
    ----------
    report : Report
    level : {"chapter", "topic"}
    role : {"review", "plan", "other"}, optional
        Keep only units inside top-level parts of this role.
    preamble : bool
        Also count titled sections one level deeper that come *before* the
        first section of the target level (a review part's summary topics,
        ``经济运行保持在合理区间。``).  Used for review links.

    Notes
    -----
    A section of the target level is a unit; a shallower section with no
    descendants at the target level or shallower (a part with only paragraphs
    or topics under it, at chapter level) is a unit itself; otherwise its
    children are examined.  A titled section one level deeper that follows
    the first target-level sibling (a topic after the last chapter, where a
    report leaves out the chapter heading) is a unit too; one that precedes
    it is the part's preamble and, like paragraphs, belongs to no unit.
    Top-level sections deeper than the level (a report whose structure could
    not be parsed) are units as they are.
    """
    target = _level_number(level)
    out: list[Section] = []

    def visit(sec: Section) -> None:
        if sec.level >= target:
            out.append(sec)
            return
        inner = [c for c in sec.children if c.level <= target]
        if not inner:
            out.append(sec)
            return
        seen_inner = False
        for c in sec.children:
            if c.level <= target:
                seen_inner = True
                visit(c)
            elif (seen_inner or preamble) and c.level == target + 1 and c.title:
                # a headed sub-unit after the last heading of the target level
                # continues the sequence (2018's government topics after （九）)
                out.append(c)

    for top in report.sections:
        if role is not None and top.role != role:
            continue
        if top.level >= target and top.level >= 4 and not top.title:
            # unparsed structure: paragraphs stand for themselves
            out.append(top)
            continue
        visit(top)
    return out


def _level_number(level: str) -> int:
    if level not in _LEVELS:
        from .errors import UsageError

        raise UsageError(f"unknown alignment level {level!r}: use chapter or topic")
    return _LEVELS[level]


def unit_text(report: Report, id: str) -> str:
    """The normalised text of the section ``id``."""
    return report.section_text(report.section(id))


# -- results ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Link:
    """One link between sections of the old and the new report.

    Attributes
    ----------
    old, new : tuple of str
        Section ids (empty on one side for ``new`` / ``dropped``).
    relation : {"same", "moved", "split", "merged", "new", "dropped"}
    score : float
        TF-IDF cosine of the linked texts (0.0 for ``new`` / ``dropped``).
    """

    old: tuple[str, ...]
    new: tuple[str, ...]
    relation: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"old": list(self.old), "new": list(self.new), "relation": self.relation,
                "score": self.score}


@dataclass(frozen=True)
class ReviewLink:
    """Review sections of the new report and the plan sections of the old one they report on."""

    review: tuple[str, ...]
    plan: tuple[str, ...]
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"review": list(self.review), "plan": list(self.plan), "score": self.score}


@dataclass(frozen=True)
class Alignment:
    """The result of :func:`align`.

    Attributes
    ----------
    old, new : Report
    level : {"chapter", "topic"}
    links : tuple of Link
        In the new report's order; dropped units after the link of the old
        unit before them.
    review_links : tuple of ReviewLink
        In the order of the new report's review part.
    """

    old: Report
    new: Report
    level: str
    links: tuple[Link, ...]
    review_links: tuple[ReviewLink, ...]

    def counts(self) -> dict[str, int]:
        """Number of links per relation, in :data:`RELATIONS` order."""
        return {r: sum(1 for lk in self.links if lk.relation == r) for r in RELATIONS}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: both outlines (deep enough to hold every linked id), links, review links."""
        depth = _LEVELS[self.level]
        for rep, ids in ((self.old, [i for lk in self.links for i in lk.old]),
                         (self.new, [i for lk in self.links for i in lk.new])):
            depth = max([depth, *(rep.section(i).level for i in ids)])
        return {
            "level": self.level,
            "old": self.old.outline(max_level=depth),
            "new": self.new.outline(max_level=depth),
            "links": [lk.to_dict() for lk in self.links],
            "review_links": [rl.to_dict() for rl in self.review_links],
        }

    def to_pandas(self, *, which: Literal["links", "review"] = "links") -> Any:
        """A DataFrame of the links (with titles and spans), or of the review links.

        Columns start with ``old_source``, ``old_year``, ``new_source``,
        ``new_year`` (see ``docs/output.md``); ids are comma-joined; a link's
        spans run from its first section's start to its last section's end, in
        each report's ``source_text``.  A ``new``/``dropped`` link has no score
        (a blank, not 0): there is nothing to compare it with.
        """
        import pandas as pd

        def titles(rep: Report, ids: Sequence[str]) -> str:
            return " / ".join(rep.section(i).title for i in ids)

        def span(rep: Report, ids: Sequence[str]) -> tuple[int | None, int | None]:
            if not ids:
                return None, None
            return rep.section(ids[0]).span[0], rep.section(ids[-1]).span[1]

        head = {"old_source": self.old.source.path, "old_year": self.old.year,
                "new_source": self.new.source.path, "new_year": self.new.year}
        if which == "review":
            cols = [*head, "plan_ids", "plan_title", "review_ids", "review_title", "score"]
            df = pd.DataFrame(
                [head | {"plan_ids": ",".join(r.plan), "plan_title": titles(self.old, r.plan),
                         "review_ids": ",".join(r.review),
                         "review_title": titles(self.new, r.review), "score": r.score}
                 for r in self.review_links], columns=cols)
        else:
            rows = []
            for lk in self.links:
                (os_, oe), (ns, ne) = span(self.old, lk.old), span(self.new, lk.new)
                rows.append(head | {
                    "old_ids": ",".join(lk.old), "old_title": titles(self.old, lk.old),
                    "new_ids": ",".join(lk.new), "new_title": titles(self.new, lk.new),
                    "relation": lk.relation,
                    "score": lk.score if lk.old and lk.new else None,
                    "old_span_start": os_, "old_span_end": oe,
                    "new_span_start": ns, "new_span_end": ne})
            cols = [*head, "old_ids", "old_title", "new_ids", "new_title", "relation", "score",
                    "old_span_start", "old_span_end", "new_span_start", "new_span_end"]
            df = pd.DataFrame(rows, columns=cols)
            for c in cols[-4:]:
                df[c] = df[c].astype("Int64")
            df["score"] = df["score"].astype("float64")
        for c in ("old_year", "new_year"):
            df[c] = df[c].astype("Int64")
        return df

    def _repr_html_(self) -> str:
        from .render.similarity_table import alignment_html

        return alignment_html(self)


# -- algorithm ----------------------------------------------------------------------------
def _monotone(S: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """Order-preserving matching maximising ``sum(S - threshold)`` over pairs >= threshold."""
    n, m = S.shape
    gain = S - threshold
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[0] * (m + 1) for _ in range(n + 1)]  # 0 diag, 1 skip old, 2 skip new
    for i in range(1, n + 1):
        row, prev = best[i], best[i - 1]
        for j in range(1, m + 1):
            cands = [prev[j], row[j - 1]]
            g = gain[i - 1, j - 1]
            diag = prev[j - 1] + g if g >= 0 else float("-inf")
            v = max(diag, cands[0], cands[1])
            # deterministic tie-break: prefer the match, then skipping old
            if v == diag:
                move[i][j] = 0
            elif v == cands[0]:
                move[i][j] = 1
            else:
                move[i][j] = 2
            row[j] = v
    pairs = []
    i, j = n, m
    while i > 0 and j > 0:
        mv = move[i][j]
        if mv == 0:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif mv == 1:
            i -= 1
        else:
            j -= 1
    return pairs[::-1]


def _as_report(x: Report | str | os.PathLike[str]) -> Report:
    if isinstance(x, Report):
        return x
    from .load import load

    return load(x)


def align(
    old: Report | str | os.PathLike[str],
    new: Report | str | os.PathLike[str],
    *,
    level: AlignLevel = "chapter",
    tokenizer: Tokenizer | None = None,
    link_threshold: float = 0.18,
    moved_threshold: float = 0.25,
    review_threshold: float = 0.07,
    review_ratio: float = 0.9,
    review_support: float = 0.5,
    review_paragraph: float = 0.2,
    link_ratio: float = 1.0,
    link_second: float = 0.2,
    link_vote: float = 0.5,
) -> Alignment:
    """Align the sections of two reports and link the new review to the old plan.

    Parameters
    ----------
    old, new : Report or path
        The earlier and the later report (paths are loaded with
        :func:`reportdiff.load`).
    level : {"chapter", "topic"}
        Which sections are linked (see :func:`units`).
    tokenizer : Tokenizer, optional
    link_threshold : float
        A unit is linked to its best counterpart (TF-IDF cosine) when they
        score at least this.
    moved_threshold : float
        Units left unlinked after that are paired, best first, when they score
        at least this.
    review_threshold, review_ratio, review_support, review_paragraph : float
        For :attr:`Alignment.review_links` (module docstring).
    link_vote, link_second, link_ratio : float
        Second destinations (module docstring, step 6): the share of a
        unit's long paragraphs that must match another unit best, the score
        the pair needs, and (1.0: off) the ratio to the unit's best score that
        a second-best partner needs.

    Returns
    -------
    Alignment
    """
    import numpy as np

    from .similarity import TfidfModel

    _level_number(level)
    old, new = _as_report(old), _as_report(new)
    tok = tokenizer or default_tokenizer()
    model = TfidfModel([old.text, new.text], tokenizer=tok)
    ou, nu = units(old, level), units(new, level)
    # term counts of every unit, cut once: joined units add their counts
    # (each unit's paragraphs, cut once: the unit's counts are their sum; the
    # paragraphs vote in link_vote)
    (co, po), (cn, pn) = (_paragraph_counts(rep, us, model) for rep, us in ((old, ou), (new, nu)))
    S = (model.cosines(model.weigh(co), model.weigh(cn)) if ou and nu
         else np.zeros((len(ou), len(nu))))
    # links join sections of the same role: review to review, plan to plan
    # (what the new review says about the old plan is in review_links)
    same_role = np.array([[a.role == b.role for b in nu] for a in ou], dtype=bool)
    if S.size:
        S = np.where(same_role.reshape(S.shape), S, 0.0)
    links = _link(S, ou, nu, co, cn, model, link_threshold=link_threshold,
                  moved_threshold=moved_threshold, link_ratio=link_ratio,
                  link_second=link_second, link_vote=link_vote, paragraphs=(po, pn))
    plan = [k for k, s in enumerate(ou) if s.role == "plan"]
    review = _review_links(new, [ou[k] for k in plan], co[plan], level, model,
                           review_threshold=review_threshold, review_ratio=review_ratio,
                           review_support=review_support, review_paragraph=review_paragraph)
    return Alignment(old=old, new=new, level=level, links=tuple(links),
                     review_links=tuple(review))


_Raw = tuple[tuple[int, ...], tuple[int, ...], str, float]


def _best_edges(S: np.ndarray, threshold: float) -> dict[tuple[int, int], float]:
    """Each new unit's best old unit and each old unit's best new unit, if >= threshold.

    ``argmax`` takes the first of equal scores, so ties break by document order.
    """
    n, m = S.shape
    edges: dict[tuple[int, int], float] = {}
    if not (n and m):
        return edges
    for j in range(m):
        i = int(S[:, j].argmax())
        if S[i, j] >= threshold:
            edges[(i, j)] = float(S[i, j])
    for i in range(n):
        j = int(S[i].argmax())
        if S[i, j] >= threshold:
            edges[(i, j)] = float(S[i, j])
    return edges


def _second_edges(S: np.ndarray, threshold: float,
                  ratio: float) -> dict[tuple[int, int], float]:
    """Each unit's second-best partner, if it scores ``threshold`` and ``ratio`` times the best."""
    import numpy as np

    edges: dict[tuple[int, int], float] = {}
    for M, swap in ((S, False), (S.T, True)):
        if M.shape[1] < 2:
            continue
        for a in range(M.shape[0]):
            order = np.argsort(-M[a], kind="stable")
            b0, b1 = int(order[0]), int(order[1])
            if M[a, b1] >= max(threshold, ratio * M[a, b0]):
                edges[(b1, a) if swap else (a, b1)] = float(M[a, b1])
    return edges


def _paragraph_counts(report: Report, us: list[Section], model: Any) -> tuple[Any, Any]:
    """Term counts of each unit, and ``(owner, counts)`` of its long paragraphs."""
    import numpy as np
    from scipy.sparse import csr_matrix

    paras = [[p for p in report.section_text(u).split("\n") if p.strip()] for u in us]
    flat = [p for ps in paras for p in ps]
    pc = model.counts(flat)
    owner = np.repeat(np.arange(len(us)), [len(ps) for ps in paras])
    join = csr_matrix((np.ones(len(owner)), (owner, np.arange(len(owner)))),
                      shape=(len(us), len(owner)))
    long = [k for k, p in enumerate(flat) if len(p) >= PARAGRAPH_MIN]
    return join @ pc, (owner[long], pc[long])


def _vote_edges(S: np.ndarray, paragraphs: tuple[Any, Any], co: Any, cn: Any, model: Any,
                threshold: float, share: float) -> dict[tuple[int, int], float]:
    """Edges to the unit that at least ``share`` of a unit's long paragraphs match best.

    Each long paragraph (:data:`PARAGRAPH_MIN`) of a unit with two or more votes
    for the other report's unit it scores best with; a unit that gets at least
    ``share`` of the votes is joined when the two units score ``threshold``.
    """
    edges: dict[tuple[int, int], float] = {}
    for (owner, pc), other, swap in ((paragraphs[0], cn, False), (paragraphs[1], co, True)):
        if not len(owner) or not other.shape[0]:
            continue
        votes = model.cosines(model.weigh(pc), model.weigh(other)).argmax(axis=1)
        for a in sorted(set(owner.tolist())):
            mine = votes[owner == a]
            if len(mine) < 2:
                continue
            for b in sorted(set(mine.tolist())):
                sc = S[b, a] if swap else S[a, b]
                if (mine == b).sum() >= share * len(mine) and sc >= threshold:
                    edges[(b, a) if swap else (a, b)] = float(sc)
    return edges


def _untangle(edges: dict[tuple[int, int], float]) -> None:
    """Drop the weakest edges between a unit with several partners and one with several.

    What is left is a set of stars: one old unit with its new units (a split),
    one new unit with its old units (a merge), or a single pair.
    """
    while True:
        deg_o: dict[int, int] = {}
        deg_n: dict[int, int] = {}
        for i, j in edges:
            deg_o[i] = deg_o.get(i, 0) + 1
            deg_n[j] = deg_n.get(j, 0) + 1
        bad = [(sc, i, j) for (i, j), sc in edges.items() if deg_o[i] > 1 and deg_n[j] > 1]
        if not bad:
            return
        _, i, j = min(bad)
        del edges[(i, j)]


def _groups(S: np.ndarray, edges: dict[tuple[int, int], float], co: Any, cn: Any,
            model: Any) -> list[_Raw]:
    """Splits and merges: stars whose members each make the joined text match better.

    Members are tried best first; one is kept only if joining its text raises
    the cosine with the star's centre (a narrow new chapter carved out of a
    broad old one passes, a unit that only shares the general vocabulary
    does not).  A star reduced to one member is left to the one-to-one stage.
    """
    stars: list[tuple[str, int, list[int]]] = []
    for rel, side in (("split", 0), ("merged", 1)):
        centre: dict[int, list[int]] = {}
        for e in sorted(edges):
            centre.setdefault(e[side], []).append(e[1 - side])
        for k, members in sorted(centre.items()):
            if len(members) >= 2:
                key = (lambda x, k=k: (-S[k, x], x)) if rel == "split" else (
                    lambda x, k=k: (-S[x, k], x))
                stars.append((rel, k, sorted(members, key=key)))
    out: list[_Raw] = []
    for rel, k, members in stars:

        def joined(ms: list[int], rel: str = rel, k: int = k) -> float:
            a, b = (co[[k]], cn[ms].sum(axis=0)) if rel == "split" else (
                co[ms].sum(axis=0), cn[[k]])
            return float(model.cosines(model.weigh(a), model.weigh(b))[0, 0])

        keep = [members[0]]
        score = joined(keep)
        for x in members[1:]:
            c = joined([*keep, x])
            if c > score:
                keep.append(x)
                score = c
        if len(keep) >= 2:
            ms = tuple(sorted(keep))
            out.append(((k,), ms, rel, score) if rel == "split" else (ms, (k,), rel, score))
    return out


def _link(S: np.ndarray, ou: list[Section], nu: list[Section], co: Any, cn: Any,
          model: Any, *, link_threshold: float, moved_threshold: float,
          link_ratio: float = 1.0, link_second: float = 0.0,
          link_vote: float = 0.5,
          paragraphs: tuple[Any, Any] = (None, None)) -> list[Link]:
    n, m = S.shape
    edges = _best_edges(S, link_threshold)
    extra = (_second_edges(S, max(link_threshold, link_second), link_ratio)
             if link_ratio < 1.0 else {})
    if link_vote < 1.0:
        extra.update(_vote_edges(S, paragraphs, co, cn, model,
                                 max(link_threshold, link_second), link_vote))
    _untangle(edges)
    raw = _groups(S, edges, co, cn, model)
    used_o = {i for r in raw for i in r[0]}
    used_n = {j for r in raw for j in r[1]}
    # one-to-one: the remaining edges, best first, each unit once
    pairs: list[tuple[int, int]] = []
    for (i, j) in sorted(edges, key=lambda e: (-edges[e], e)):
        if i not in used_o and j not in used_n:
            used_o.add(i)
            used_n.add(j)
            pairs.append((i, j))
    # moved: what is left, best remaining pair first
    while True:
        cands = [(S[i, j], i, j) for i in range(n) if i not in used_o
                 for j in range(m) if j not in used_n and S[i, j] >= moved_threshold]
        if not cands:
            break
        _, i, j = min(cands, key=lambda c: (-c[0], c[1], c[2]))
        used_o.add(i)
        used_n.add(j)
        pairs.append((i, j))
    # same: the pairs in document order on both sides (the heaviest such chain); others moved
    in_order = _in_order(S, pairs)
    raw += [((i,), (j,), "same" if (i, j) in in_order else "moved", float(S[i, j]))
            for i, j in pairs]
    raw += [((), (j,), "new", 0.0) for j in range(m) if j not in used_n]
    raw += [((i,), (), "dropped", 0.0) for i in range(n) if i not in used_o]
    covered = {(i, j) for o, nw, _, _ in raw for i in o for j in nw}
    raw += [((i,), (j,), "moved", sc) for (i, j), sc in sorted(extra.items())
            if (i, j) not in covered and i in used_o and j in used_n]
    raw = _order(raw)
    return [Link(old=tuple(ou[i].id for i in o), new=tuple(nu[j].id for j in nw),
                 relation=rel, score=round(sc, 6)) for o, nw, rel, sc in raw]


def _in_order(S: np.ndarray, pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The order-preserving subset of ``pairs`` with the most pairs, then the highest score."""
    import numpy as np

    if not pairs:
        return set()
    olds = sorted({i for i, _ in pairs})
    news = sorted({j for _, j in pairs})
    sub = np.zeros((len(olds), len(news)))
    for i, j in pairs:
        # 1 per pair dominates any difference of scores (all < 1): most pairs first
        sub[olds.index(i), news.index(j)] = 1.0 + S[i, j] / (len(pairs) + 1)
    return {(olds[a], news[b]) for a, b in _monotone(sub, 0.5)}


def _order(raw: list[tuple[tuple[int, ...], tuple[int, ...], str, float]]
           ) -> list[tuple[tuple[int, ...], tuple[int, ...], str, float]]:
    """New-report order; a dropped unit right after the link holding the old unit before it."""
    placed = [r for r in raw if r[1]]
    placed.sort(key=lambda r: (min(r[1]), min(r[0]) if r[0] else -1))
    dropped = sorted((r for r in raw if not r[1]), key=lambda r: r[0][0])
    for d in dropped:
        i = d[0][0]
        pos = 0
        for k, r in enumerate(placed):
            if r[0] and min(r[0]) < i:
                pos = k + 1
        placed.insert(pos, d)
    return placed


def _review_links(new: Report, plan: list[Section], plan_counts: Any, level: str, model: Any,
                  *, review_threshold: float, review_ratio: float,
                  review_support: float, review_paragraph: float) -> list[ReviewLink]:
    import numpy as np
    from scipy.sparse import csr_matrix

    from .errors import StructureWarning

    rev = [s for s in units(new, level, role="review", preamble=True)  # type: ignore[arg-type]
           if not _LESSON.match(s.title or "") and not is_problem(s.title or "")]
    if not rev or not plan:
        what = "review part in the new report" if not rev else "plan part in the old report"
        warnings.warn(f"no {what}: review links are empty", StructureWarning, stacklevel=3)
        return []
    P = model.weigh(plan_counts)
    # each review item's paragraphs, cut once: the item's counts are their sum
    paras = [[p for p in new.section_text(s).split("\n") if p.strip()] for s in rev]
    pc = model.counts([p for ps in paras for p in ps])
    bounds = np.cumsum([0, *(len(ps) for ps in paras)])
    owner = np.searchsorted(bounds, np.arange(bounds[-1]), side="right") - 1
    join = csr_matrix((np.ones(len(owner)), (owner, np.arange(len(owner)))),
                      shape=(len(rev), len(owner)))
    items = join @ pc
    S = model.cosines(model.weigh(items), P)
    long = [k for k, p in enumerate(p for ps in paras for p in ps) if len(p) >= PARAGRAPH_MIN]
    PS = model.cosines(model.weigh(pc[long]), P) if long else np.zeros((0, len(plan)))
    # the plan unit each long paragraph reports on, if it scores review_paragraph
    votes: dict[int, set[int]] = {}
    for row, k in zip(PS, long):
        p = int(row.argmax())
        if row[p] >= review_paragraph:
            votes.setdefault(int(owner[k]), set()).add(p)
    # the review item that reports most on each plan unit (first of equal scores)
    reported_by = S.argmax(axis=0)
    best = S.max(axis=1)
    primary = (S >= np.maximum(review_threshold, review_ratio * best)[:, None]) & (
        best >= review_threshold)[:, None]
    orphan = ~primary.any(axis=0)
    out = []
    for r, sec in enumerate(rev):
        row = S[r]
        if best[r] < review_threshold:
            continue
        chosen = [p for p in range(len(plan))
                  if primary[r, p] or p in votes.get(r, ())
                  or (orphan[p] and reported_by[p] == r
                      and row[p] >= max(review_threshold, review_support * best[r]))]
        out.append(ReviewLink(review=(sec.id,), plan=tuple(plan[p].id for p in chosen),
                              score=round(float(best[r]), 6)))
    return out
