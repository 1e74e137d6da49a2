"""The section tree of a work report: parts, chapters, topics, paragraphs, sentences.

:func:`parse_structure` reads the normalised text (paragraphs separated by
exactly one ``\\n``) and returns the tree as :class:`~reportdiff.report.Section`
objects, plus the report's year, issuer, administrative level and title line.
``Report.from_text`` calls it; most users meet its result as
``report.sections``.

Levels (see ``docs/structure.md``):

1. **part** – ``一、2018年工作回顾``; the opening (各位代表, title line) is the
   part ``"0"`` and a closing (``结束语`` or the last address to the audience
   after the last part) is a final top-level section, both with role ``other``;
2. **chapter** – ``（一）…`` headings, or review items ``一是…`` / ``第一，…``
   opening paragraphs when a part has no ``（一）`` headings;
3. **topic** – a paragraph opened by a short lead sentence (``发展质量不断提高。``,
   ``——经济运行保持在合理区间。``), an ``一是`` item inside a chapter, or a
   short stand-alone heading line; a topic runs until the next topic;
4. **paragraph** – every paragraph of the body is exactly one level-4 node;
5. **sentence** – split after ``。！？`` (and a closing quote after them).

Levels may be skipped: a part without chapters holds topics or paragraphs.
Ids are path-like and positional: the n-th child of ``"2"`` is ``"2.n"``.

>>> from reportdiff.normalize import normalize
>>> text = ("各位代表：\\n现在，我代表区人民政府，向大会报告工作。\\n一、2019年工作回顾\\n"
...         "（一）坚持稳中求进\\n发展质量不断提高。产业结构更加优化。\\n"
...         "发展后劲不断增强。项目建设提速。\\n二、2020年工作安排\\n今年要抓好以下工作：\\n"
...         "（一）围绕创新引领\\n着力培育新兴产业。编制规划。\\n同志们，让我们携手奋斗！")
>>> s = parse_structure(normalize(text), check=False)
>>> s.year, s.issuer, s.admin_level
(2020, '区人民政府', 'district')
>>> [(x.id, x.title, x.role, x.year) for x in s.sections]  # doctest: +NORMALIZE_WHITESPACE
[('0', '', 'other', None), ('1', '2019年工作回顾', 'review', 2019),
 ('2', '2020年工作安排', 'plan', 2020), ('3', '', 'other', None)]
>>> [(x.id, x.kind, x.title)
...  for x in s.sections[1].walk() if x.level <= 3]  # doctest: +NORMALIZE_WHITESPACE
[('1', 'part', '2019年工作回顾'), ('1.1', 'chapter', '坚持稳中求进'),
 ('1.1.1', 'topic', '发展质量不断提高。'), ('1.1.2', 'topic', '发展后劲不断增强。')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ._warn import warn
from .errors import NotAReportError, StructureWarning
from .normalize import Normalized
from .report import Role, Section
from .structure_patterns import (
    Classified,
    admin_level_of,
    classify,
    find_date_year,
    find_issuer,
    find_title_line,
    frequent_past_year,
    opening_year,
    opens_plan,
    part_role,
    review_announcement,
    title_line_plan_year,
    title_year,
)

__all__ = ["ParsedStructure", "parse_structure", "split_sentences"]


@dataclass(frozen=True)
class ParsedStructure:
    """The result of :func:`parse_structure`.

    Attributes
    ----------
    sections : tuple of Section
        The top-level sections (opening ``"0"``, parts, closing).
    year : int or None
        The plan year: the year whose targets the report sets (report Y of the
        State Council reviews Y-1 and plans Y).
    issuer : str or None
        Who delivers the report, as the body says it (``国务院``, ``区人民政府``).
    admin_level : str or None
        ``national``, ``province``, ``city``, ``district`` or ``county``.
    title : str or None
        The title line (``2019年度政府工作报告``) when the text has one.
    """

    sections: tuple[Section, ...]
    year: int | None = None
    issuer: str | None = None
    admin_level: str | None = None
    title: str | None = None

    def to_dict(self, *, max_level: int | None = None) -> dict[str, Any]:
        """JSON-ready: year, issuer, level, title and the section tree (down to ``max_level``)."""
        return {
            "year": self.year,
            "issuer": self.issuer,
            "level": self.admin_level,
            "title": self.title,
            "sections": [s.to_dict(max_level=max_level) for s in self.sections
                         if max_level is None or s.level <= max_level],
        }


# -- paragraphs and sentences ---------------------------------------------------------


@dataclass(frozen=True)
class _Par:
    start: int
    end: int
    text: str
    cls: Classified


_OPENERS = "《“‘（(「『【"


def _paragraphs(text: str) -> list[_Par]:
    """The non-empty paragraphs, each classified once.

    A line that ends with an opening bracket (``三、关于《`` + the book title on
    the next line, a transcription artefact) is joined with the next line.
    """
    raw: list[tuple[int, int, str]] = []
    pos = 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        s, e = s + lead, s + lead + len(stripped)
        if raw and raw[-1][2][-1] in _OPENERS:
            ps, _, _ = raw.pop()
            raw.append((ps, e, text[ps:e]))
        else:
            raw.append((s, e, stripped))
    # a joined paragraph keeps its "\n" (offsets stay those of the text); classify without it
    return [_Par(s, e, t, classify(t.replace("\n", ""))) for s, e, t in raw]


_RE_SENT = re.compile(r"[^。！？!?]*(?:[。！？!?]+[”’」』）)]*|$)")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of one paragraph: split after 。！？ (and closing quotes).

    Semicolons do not split: a 「；」 list stays one sentence, so a sentence
    is always something a reader can quote on its own.

    >>> t = "发展质量不断提高。他说：“好！”还要努力；继续推进"
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['发展质量不断提高。', '他说：“好！”', '还要努力；继续推进']
    """
    spans: list[tuple[int, int]] = []
    for m in _RE_SENT.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


# -- the mutable tree, frozen into Sections at the end ------------------------------------


@dataclass
class _Node:
    level: int
    title: str
    start: int
    end: int
    children: list[_Node] = field(default_factory=list)
    kind: str = ""

    def add(self, node: _Node) -> None:
        self.children.append(node)
        self.end = max(self.end, node.end)


def _para_node(p: _Par) -> _Node:
    node = _Node(4, "", p.start, p.end)
    for s, e in split_sentences(p.text):
        node.children.append(_Node(5, "", p.start + s, p.start + e))
    return node


def _heading_node(level: int, p: _Par, kind: str = "") -> _Node:
    """A heading's node; the heading paragraph is its first child unless it is only a heading."""
    node = _Node(level, p.cls.title, p.start, p.end, kind=kind)
    if not p.cls.standalone:
        node.add(_para_node(p))
    return node


def _enum_runs(paras: list[_Par], kind: str) -> set[int]:
    """Indexes of ``kind`` headings that form numbered runs 一, 二, … of two or more."""
    accepted: set[int] = set()
    run: list[int] = []
    last = 0
    for i, p in enumerate(paras):
        if p.cls.kind != kind or p.cls.num is None:
            continue
        if p.cls.num == last + 1 and run:
            run.append(i)
            last = p.cls.num
        elif p.cls.num == 1:
            if len(run) >= 2:
                accepted.update(run)
            run, last = [i], 1
    if len(run) >= 2:
        accepted.update(run)
    return accepted


#: A body paragraph opening with the period of the whole part ("五年来，我们…", "过去一年，…")
#: speaks for the part again: it closes the open chapter and topic, like an address.
_RE_SCOPE = re.compile(r"^(?:过去五年|五年来|过去一年|过去的一年|一年来|回顾过去)")


def _speaks_for_part(p: _Par) -> bool:
    return p.cls.kind == "body" and bool(_RE_SCOPE.match(p.text))


_ITEM_KINDS = ("num", "enum", "pnum")


def _item_runs(paras: list[_Par], exclude: str | None) -> set[int]:
    """The numbered items of the first item style (1．, 一是/第一，, （1）) that forms runs here."""
    for kind in _ITEM_KINDS:
        if kind == exclude:
            continue
        runs = _enum_runs(paras, kind)
        if runs:
            return runs
    return set()


def _topics(paras: list[_Par], level: int, *, chapter_kind: str | None) -> list[_Node]:
    """Topics and paragraphs of one container (a chapter, or part text outside chapters)."""
    enums = _item_runs(paras, chapter_kind)
    leads = [i for i, p in enumerate(paras) if p.cls.kind == "lead"]
    use_leads = len(leads) >= 2
    out: list[_Node] = []
    topic: _Node | None = None
    for i, p in enumerate(paras):
        k = p.cls.kind
        nxt = paras[i + 1].cls.kind if i + 1 < len(paras) else None
        starts = (
            i in enums
            or k == "dash"
            or (k == "lead" and use_leads)
            or (k == "heading" and nxt in ("body", "lead"))
        )
        if starts:
            topic = _heading_node(level, p, kind=k)
            out.append(topic)
        elif (topic is not None and k not in ("address", "closing") and topic.kind != "dash"
              and not _speaks_for_part(p)):
            topic.add(_para_node(p))
        else:
            topic = None
            out.append(_para_node(p))
    return out




def _part_body(paras: list[_Par], level: int) -> list[_Node]:
    """Chapters, topics and paragraphs below a part heading (or of a report without parts)."""
    chapters = {i for i, p in enumerate(paras) if p.cls.kind == "chapter"}
    chapter_kind: str | None = "chapter"
    if not chapters:
        chapter_kind = None
        for kind in _ITEM_KINDS[:2]:
            chapters = _enum_runs(paras, kind)
            if chapters:
                chapter_kind = kind
                break
    out: list[_Node] = []
    chapter: _Node | None = None
    bucket: list[_Par] = []

    def flush() -> None:
        if not bucket:
            return
        nodes = _topics(bucket, level + 2, chapter_kind=chapter_kind)
        for n in nodes:
            (chapter.add(n) if chapter is not None else out.append(n))
        bucket.clear()

    for i, p in enumerate(paras):
        if i in chapters:
            flush()
            chapter = _heading_node(level + 1, p, kind="chapter")
            out.append(chapter)
            continue
        if chapter is not None and (p.cls.kind == "address" or (_speaks_for_part(p) and bucket)):
            flush()
            chapter = None
        bucket.append(p)
    flush()
    return out


# -- parts, roles, years -------------------------------------------------------------


def _part_indices(paras: list[_Par]) -> list[int]:
    """Indexes of the part headings: a numbered run 一、二、… (or （一）（二）… standing alone)."""
    for kind in ("part", "chapter"):
        found: list[int] = []
        expected = 1
        for i, p in enumerate(paras):
            c = p.cls
            if c.kind == kind and c.standalone and c.num == expected:
                found.append(i)
                expected += 1
        if found and (kind == "part" or len(found) >= 2):
            return found
    return []


def _closing_index(paras: list[_Par], after: int) -> int | None:
    """Where the closing starts: a 结束语 heading, else the last address after the last
    part heading when only a few paragraphs follow it."""
    for i in range(after + 1, len(paras)):
        if paras[i].cls.kind == "closing":
            return i
    addresses = [i for i in range(after + 2, len(paras)) if paras[i].cls.kind == "address"]
    if addresses and len(paras) - addresses[-1] <= 6:
        return addresses[-1]
    return None


def _assign_roles(titles: list[str]) -> list[tuple[Role, bool]]:
    """Role of each part (and whether it is a five-year review) from the headings' order."""
    raw = [part_role(t) for t in titles]
    has_plan = any(r == "plan" for r, _ in raw)
    out: list[tuple[Role, bool]] = []
    seen_review = seen_plan = False
    for i, (role, five) in enumerate(raw):
        if role is None:
            if seen_plan or seen_review:
                role = "plan"
            elif i == 0 and has_plan:
                role = "review"
            else:
                role = "other"
        if role == "review" and seen_plan:
            role = "plan"  # a later "回顾" inside the tasks (回顾十一五) stays plan
        seen_review |= role == "review"
        seen_plan |= role == "plan"
        out.append((role, five))  # type: ignore[arg-type]
    return out


def _plan_year(parts: list[tuple[str, Role, bool, list[_Par]]], opening: list[str]) -> int | None:
    plans = [p for p in parts if p[1] == "plan"]
    reviews = [p for p in parts if p[1] == "review"]
    for title, _, _, _ in plans:
        y = title_year(title)
        if y:
            return y
    for title, _, five, _ in reviews:
        y = title_year(title)
        if y and not five:
            return y + 1
    y = find_date_year(opening)
    if y:
        return y
    if plans:
        y = opening_year([p.text for p in plans[0][3]], plan=True)
        if y:
            return y
    if reviews and not reviews[0][2]:
        y = opening_year([p.text for p in reviews[0][3]])
        if y:
            return y + 1
    line = find_title_line(opening)
    if line:
        y = title_line_plan_year(line[1])
        if y:
            return y
    if reviews:
        y = frequent_past_year("\n".join(p.text for p in reviews[0][3]))
        if y:
            return y + 1
    return None


def _unnumbered_review(opening: list[_Par], plan_year: int | None) -> tuple[int, int, int] | None:
    """Find a review the opening announces without a number, before numbered tasks.

    A report may open ``各位代表： … 首先报告2001年的工作`` and number only its
    tasks (``一、扩大和培育内需…``).  The stand-alone line announcing the review
    of year Y (:func:`~reportdiff.structure_patterns.review_announcement`)
    starts the review part; the first later paragraph whose first clause
    names the plan year (Y + 1, or the year of the date line) or 今年
    (``2002年是……``, ``今年工作的总体要求是``) starts an untitled plan part,
    which the numbered parts continue.

    Returns ``(heading index, plan start index, Y)`` in ``opening``, or None.
    """
    for i, p in enumerate(opening):
        year = review_announcement(p.text)
        if year is None:
            continue
        target = plan_year or year + 1
        plan_i = next((j for j in range(i + 1, len(opening))
                       if opens_plan(opening[j].text, target)),
                      len(opening))
        if plan_i == i + 1:
            return None  # nothing reviewed: a line of the opening, not a review heading
        return i, plan_i, year
    return None


# -- the entry point -------------------------------------------------------------------


def _check(text: str, path: str | None) -> None:
    try:
        from .load import check as _chk
    except ImportError:  # the plausibility check is optional
        return
    looks = getattr(_chk, "looks_like_report", None)
    if looks is None or looks(text):
        return
    diagnose = getattr(_chk, "diagnose", None)
    reason = diagnose(text) if diagnose else None
    what = path or "the text"
    raise NotAReportError(
        f"{what}: does not look like a government work report"
        + (f" ({reason})" if reason else "")
        + "; pass check=False (CLI: --no-check) to analyse it anyway"
    )


def parse_structure(norm: Normalized, *, path: str | None = None,
                    check: bool = True) -> ParsedStructure:
    """Parse the section tree, year, issuer and level of a report's normalised text.

    Parameters
    ----------
    norm : Normalized
        The normalised text with its map back to the source.
    path : str, optional
        Where the text came from, for messages only.
    check : bool
        Raise :class:`~reportdiff.errors.NotAReportError` when the text does
        not look like a work report.

    Returns
    -------
    ParsedStructure

    Warns
    -----
    StructureWarning
        When no review part or no plan part is found.
    """
    text = norm.text
    if check:
        _check(text, path)
    paras = _paragraphs(text)
    opening_texts = [p.text for p in paras[:10]]
    title_line = find_title_line(opening_texts)
    issuer = find_issuer(opening_texts)
    level = admin_level_of(issuer, title_line[1] if title_line else None)

    part_idx = _part_indices(paras)
    top: list[tuple[_Node, Role, int | None]] = []
    plan_year: int | None = None
    if part_idx:
        closing = _closing_index(paras, part_idx[-1])
        body_end = closing if closing is not None else len(paras)
        bounds = part_idx + [body_end]
        parts = []
        for k, i in enumerate(part_idx):
            parts.append((paras[i].cls.title, paras[i + 1:bounds[k + 1]]))
        roles = _assign_roles([t for t, _ in parts])
        info = [(t, r, five, ps) for (t, ps), (r, five) in zip(parts, roles)]
        plan_year = _plan_year(info, opening_texts)
        unnumbered = None
        if not any(r == "review" for _, r, _, _ in info):
            unnumbered = _unnumbered_review(paras[:part_idx[0]], plan_year)
        opening_end = unnumbered[0] if unnumbered else part_idx[0]
        if paras[:opening_end]:
            pre = _Node(1, "", paras[0].start, paras[0].end)
            for p in paras[:opening_end]:
                pre.add(_para_node(p))
            top.append((pre, "other", None))
        if unnumbered:
            # 首先报告2001年的工作 … 2002年是… 今年要着重做好以下八个方面工作 + 一、…八、
            head_i, plan_i, review_year = unnumbered
            plan_year = plan_year or review_year + 1
            head = paras[head_i]
            review = _Node(1, head.text.rstrip("。：:"), head.start, head.end)
            for child in _part_body(paras[head_i + 1:plan_i], 1):
                review.add(child)
            top.append((review, "review", review_year))
            if plan_i < part_idx[0]:
                intro = _Node(1, "", paras[plan_i].start, paras[plan_i].end)
                for child in _part_body(paras[plan_i:part_idx[0]], 1):
                    intro.add(child)
                top.append((intro, "plan", plan_year))
            info = [(t, "plan" if r == "other" else r, five, ps) for t, r, five, ps in info]
        for k, (t, r, five, ps) in enumerate(info):
            head = paras[part_idx[k]]
            node = _Node(1, t, head.start, head.end)
            for child in _part_body(ps, 1):
                node.add(child)
            y = title_year(t)
            if r == "review":
                year = y if (y and not five) else (plan_year - 1 if plan_year else y)
            elif r == "plan":
                year = y if (y and plan_year and y >= plan_year) else plan_year
            else:
                year = y
            top.append((node, r, year))
        if closing is not None:
            cl = _Node(1, "", paras[closing].start, paras[closing].end)
            if paras[closing].cls.kind == "closing":
                cl.title = paras[closing].cls.title
                rest = paras[closing + 1:]
            else:
                rest = paras[closing:]
            for p in rest:
                cl.add(_para_node(p))
            top.append((cl, "other", None))
        _warn_missing([r for _, r, _ in top], path)
    else:
        plan_year = find_date_year(opening_texts)
        if plan_year is None and title_line:
            plan_year = title_line_plan_year(title_line[1])
        for node in _part_body(paras, 1):
            top.append((node, "other", None))
        if paras:
            warn(StructureWarning(
                f"{path or 'the text'}: no numbered parts (一、…) found; the tree has no "
                "review or plan part, so promise and audit results will be empty"))

    if part_idx:
        first = 0 if paras[:(unnumbered[0] if unnumbered else part_idx[0])] else 1
        top_ids = [str(first + k) for k in range(len(top))]
    else:
        top_ids = [i.lstrip(".") for i in _child_ids("", [n for n, _, _ in top])]
    sections = tuple(_freeze(node, sid, role, year, norm)
                     for sid, (node, role, year) in zip(top_ids, top))
    return ParsedStructure(sections=sections, year=plan_year, issuer=issuer,
                           admin_level=level, title=title_line[1] if title_line else None)


def _warn_missing(roles: list[Role], path: str | None) -> None:
    what = path or "the text"
    if "review" not in roles:
        warn(StructureWarning(
            f"{what}: no review part found (a heading like '一、2018年工作回顾'); "
            "audits of this report's review will be empty"))
    if "plan" not in roles:
        warn(StructureWarning(
            f"{what}: no plan part found (a heading like '二、2019年工作任务'); "
            "no promises will be extracted from this report"))


def _child_ids(parent: str, children: list[_Node]) -> list[str]:
    """Headed children (levels 1-3) count 1, 2, …; paragraphs p1, p2, …; sentences s1, …"""
    ids: list[str] = []
    counts = {"": 0, "p": 0, "s": 0}
    for c in children:
        prefix = "" if c.level <= 3 else ("p" if c.level == 4 else "s")
        counts[prefix] += 1
        ids.append(f"{parent}.{prefix}{counts[prefix]}")
    return ids


#: A chapter of a plan part that reviews a past period ("“十五”期间国民经济和社会发展主要情况",
#: "过去五年的主要成就") is a review, not a task: its figures are outcomes, not targets.
_RE_PAST_CHAPTER = re.compile(
    r"^(?:“?十[一二三四五六七八九]?五”?(?:时期|期间)|过去(?:五|几|一)年|[近这]五年|\d{4}年以来)"
    r".{0,16}(?:主要情况|回顾|主要成就|主要成绩|基本情况)")


def _freeze(node: _Node, id: str, role: Role, year: int | None, norm: Normalized) -> Section:
    if role == "plan" and node.level == 2 and _RE_PAST_CHAPTER.match(node.title):
        role, year = "review", (year - 1 if year is not None else None)
    children = tuple(_freeze(c, cid, role, year, norm)
                     for c, cid in zip(node.children, _child_ids(id, node.children)))
    return Section(id=id, level=node.level, title=node.title,
                   span=norm.to_source(node.start, node.end), nspan=(node.start, node.end),
                   role=role, year=year, children=children)
