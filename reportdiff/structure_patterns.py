"""The patterns :mod:`reportdiff.structure` recognises in a work report's paragraphs.

Each paragraph of the normalised text is classified once by
:func:`classify`: a part heading (``一、``), a chapter heading (``（一）``), an
enumerated item (``一是`` / ``第一，``), a dash topic (``——``), a paragraph
opened by a short lead sentence, a short stand-alone heading, an address to
the audience (``各位代表！``), a closing heading (``结束语``) or plain body
text.  The functions that read years, roles and the issuer live here too, so
``structure.py`` only builds the tree.

>>> classify("一、2018年工作回顾").kind, classify("一、2018年工作回顾").title
('part', '2018年工作回顾')
>>> c = classify("（一）深入推进供给侧结构性改革。坚持把发展经济着力点放在实体经济上。")
>>> c.kind, c.num, c.title, c.standalone
('chapter', 1, '深入推进供给侧结构性改革。', False)
>>> classify("——经济运行保持在合理区间。国内生产总值增长6.6%。").title
'经济运行保持在合理区间。'
>>> classify("发展质量不断提高。围绕重点功能区域，努力增强现代服务业。").kind
'lead'
>>> classify("各位代表！").kind
'address'
>>> classify("2．加快发展现代服务业。提升金融、物流业水平。")
Classified(kind='num', title='加快发展现代服务业。', num=2, standalone=False)
>>> classify("1.5万亿元的减税降费已经落实。").kind
'body'
>>> cn_number("十二")
12
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numerals import parse_chinese

__all__ = [
    "MAX_HEADING",
    "MAX_LEAD",
    "Classified",
    "admin_level_of",
    "classify",
    "cn_number",
    "find_date_year",
    "find_issuer",
    "find_title_line",
    "frequent_past_year",
    "opening_year",
    "opens_plan",
    "part_role",
    "review_announcement",
    "title_year",
]

#: A part or chapter heading standing alone is at most this many characters.
MAX_HEADING = 40
#: A lead sentence (the title of a topic) is at most this many characters.
MAX_LEAD = 20

_NUM = "[一二三四五六七八九十]{1,3}"
_RE_PART = re.compile(rf"^({_NUM})[、.．]\s*")
_RE_CHAPTER = re.compile(rf"^[（(]({_NUM})[）)]\s*")
_RE_ENUM = re.compile(rf"^(?:({_NUM})是|第({_NUM})[，,、：:])")
#: Arabic-numbered items: "1．加快发展现代服务业。" (num) and "（1）…" (pnum),
#: common in local reports.
_RE_NUM = re.compile(r"^(\d{1,2})\s*[、.．](?!\d)\s*")
_RE_PNUM = re.compile(r"^[（(](\d{1,2})[）)]\s*")
_RE_DASH = re.compile(r"^[—―－-]{2}")
_RE_ADDRESS = re.compile(r"^(?:各位代表|代表们|同志们|各位委员)[！!，,：:。]")
_RE_CLOSING = re.compile(r"^(?:结束语|结语)$")
_RE_SENTENCE_END = re.compile(r"[。！？!?][”’」』]?")
#: Sentence openers that announce a list instead of naming a topic.
_RE_ANNOUNCE = re.compile(r"以下|如下")
#: A topic's lead sentence is a subjectless phrase ("着力培育壮大新兴产业。"); a first
#: sentence that opens with a subject, a time or a connective is narrative.
_RE_NARRATIVE = re.compile(
    r"^(?:我们|我国|我区|我市|我省|我县|我州|全国|全区|全市|全省|全县|今年|去年|明年|当前|目前|"
    r"当今|过去|近年|近几年|这|那|其中|同时|此外|但|而|因此|所以|如果|只有|总之|实践|事实|"
    r"回顾|综合|各级|新的)")
_TRAILING_PUNCT = "。！？；，、：;,:!?"


def cn_number(s: str) -> int:
    """Value of a Chinese numeral heading number (一 … 九十九), as an int."""
    value = parse_chinese(s)
    if value is None:
        raise ValueError(f"not a Chinese numeral: {s!r}")
    return int(value)


@dataclass(frozen=True)
class Classified:
    """What one paragraph looks like.

    Attributes
    ----------
    kind : str
        ``part``, ``chapter``, ``enum`` (一是, 第一，), ``num`` (1．), ``pnum`` ((1)),
        ``dash``, ``lead``, ``heading``
        (short stand-alone line), ``address``, ``closing`` or ``body``.
    title : str
        The heading without its number (``""`` for body text).
    num : int or None
        The heading's number (一 → 1) for parts, chapters and enumerated items.
    standalone : bool
        The heading is the whole paragraph (no body text follows it).
    """

    kind: str
    title: str = ""
    num: int | None = None
    standalone: bool = False


def _first_sentence(text: str) -> str:
    m = _RE_SENTENCE_END.search(text)
    return text[:m.end()] if m else text


def _is_short_heading(text: str) -> bool:
    """A whole paragraph that reads as a heading: short, not a clause of a list."""
    return (0 < len(text) <= MAX_HEADING and text[-1] not in "；，、：;,:"
            and not _RE_SENTENCE_END.search(text[:-1]))


def classify(par: str) -> Classified:
    """Classify one normalised paragraph (see the module docstring)."""
    text = par.strip()
    if not text:
        return Classified("body")
    if _RE_CLOSING.match(text):
        return Classified("closing", text, None, True)
    m = _RE_PART.match(text)
    if m and _is_short_heading(text):
        return Classified("part", text[m.end():].strip(), cn_number(m.group(1)), True)
    m = _RE_CHAPTER.match(text)
    if m:
        rest = text[m.end():]
        if _is_short_heading(text):
            return Classified("chapter", rest, cn_number(m.group(1)), True)
        first = _first_sentence(rest)
        if len(first) <= 2 * MAX_HEADING and first[-1:] in "。！？”":
            return Classified("chapter", first, cn_number(m.group(1)), False)
    for kind, pattern in (("enum", _RE_ENUM), ("num", _RE_NUM), ("pnum", _RE_PNUM)):
        m = pattern.match(text)
        if not m:
            continue
        groups = [g for g in m.groups() if g]
        num = int(groups[0]) if groups[0].isdigit() else cn_number(groups[0])
        first = _first_sentence(text)
        title = first[m.end():].strip()
        standalone = first == text
        if title and (len(first) <= 2 * MAX_HEADING and first[-1:] in "。！？”" or (
                standalone and _is_short_heading(text))):
            return Classified(kind, title, num, standalone)
    if _RE_DASH.match(text):
        body = text.lstrip("—―－-")
        first = _first_sentence(body)
        if first and len(first) <= 2 * MAX_HEADING:
            return Classified("dash", first, None, first == body)
    if _RE_ADDRESS.match(text):
        return Classified("address")
    first = _first_sentence(text)
    if (first != text and first[-1:] == "。" and 4 <= len(first) <= MAX_LEAD
            and not re.search(r"\d", first) and not _RE_ANNOUNCE.search(first)
            and not _RE_NARRATIVE.match(first)):
        return Classified("lead", first)
    if (first == text and _is_short_heading(text) and text[-1] not in "！？!?"
            and len(text) <= MAX_HEADING and not re.search(r"\d", text)
            and not _RE_ANNOUNCE.search(text) and not _RE_NARRATIVE.match(text)):
        return Classified("heading", text, None, True)
    return Classified("body")


# -- roles and years ------------------------------------------------------------

_CN_YEAR_DIGITS = "〇○零一二三四五六七八九"
_RE_YEAR = re.compile(rf"((?:19|20)\d\d|[一二][{_CN_YEAR_DIGITS}]{{3}})\s*年(?!代)")
_RE_REVIEW = re.compile(
    r"回顾|执行情况|工作总结|主要成绩|成就|决算|过去.{0,2}年|去年|一年来|五年来")
_RE_PLAN = re.compile(
    r"任务|建议|安排|部署|总体要求|目标|计划|打算|思路|今年|明年|政策取向|预算")


def _year_value(token: str) -> int:
    """``2019`` or ``一九五七`` / ``一九八○`` as an int."""
    if token.isdigit():
        return int(token)
    return int("".join(str(_CN_YEAR_DIGITS.index(c) - 2 if c in "一二三四五六七八九"
                           else 0) for c in token))
_RE_FIVE_YEARS = re.compile(r"过去五年|五年来|[近这]五年")


def title_year(title: str) -> int | None:
    """The first four-digit year a heading names, if any.

    >>> title_year("二、2019年经济社会发展总体要求和政策取向")
    2019
    >>> title_year("一九五七年经济战线上的伟大胜利")
    1957
    >>> title_year("过去五年工作回顾") is None
    True
    """
    m = _RE_YEAR.search(title)
    return _year_value(m.group(1)) if m else None


#: An unnumbered review heading in the opening: 首先报告2001年的工作, 下面回顾一下2001年的工作。
_RE_REVIEW_ANNOUNCE = re.compile(
    rf"^(?:首先|下面|现在)?[，,]?我?先?(?:向大会)?(?:报告|回顾)(?:一下)?"
    rf"(?P<year>(?:19|20)\d\d|[一二][{_CN_YEAR_DIGITS}]{{3}})\s*年(?:的|以来的)?(?:政府)?"
    r"工作(?:情况)?[。：:]?$")


def review_announcement(par: str) -> int | None:
    """The year a stand-alone line announces a review of (``首先报告2001年的工作``), else None.

    Some reports open their review with such a line instead of a numbered
    ``一、2001年工作回顾`` heading, and number only the tasks that follow.

    >>> (review_announcement("首先报告2001年的工作"),
    ...  review_announcement("下面，回顾一下2001年的工作。"))
    (2001, 2001)
    >>> review_announcement("首先报告2001年的工作，然后提出今年的任务。") is None
    True
    """
    m = _RE_REVIEW_ANNOUNCE.match(par.strip())
    return _year_value(m.group("year")) if m else None


_RE_FIRST_CLAUSE = re.compile(r"^[^，,。；;：:！？]*")


def opens_plan(par: str, plan_year: int) -> bool:
    """Does a paragraph open the plan: ``2002年是……``, ``今年工作的总体要求是``?

    True when its first clause (up to the first comma or stop) names the plan
    year or 今年.

    >>> opens_plan("2002年是我们党和国家发展史上非常重要的一年。", 2002)
    True
    >>> opens_plan("去年，我们隆重庆祝了中国共产党成立80周年。", 2002)
    False
    """
    m = _RE_FIRST_CLAUSE.match(par)
    first = m.group(0) if m else ""
    return "今年" in first or any(_year_value(y) == plan_year for y in _RE_YEAR.findall(first))


def part_role(title: str) -> tuple[str | None, bool]:
    """The role a part heading announces (``None`` if it names none) and whether
    it is a five-year review.

    >>> part_role("过去五年工作回顾")
    ('review', True)
    >>> part_role("2019年政府工作任务")
    ('plan', False)
    >>> part_role("把改革开放扎实推向纵深")
    (None, False)
    """
    if _RE_REVIEW.search(title):
        return "review", bool(_RE_FIVE_YEARS.search(title))
    if _RE_PLAN.search(title):
        return "plan", False
    return None, False


_RE_TITLE_LINE = re.compile(r"^(?P<place>\S*?)(?P<year>(?:19|20)\d\d)\s*年(?P<du>度)?"
                            r"\S*政府工作报告")
_RE_TITLE_START = re.compile(r"^[^。！？，：\n]{0,30}?政府工作报告(?:[（(][^）)]{1,8}[）)])?")
_RE_DATE_LINE = re.compile(r"(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*在")


def find_title_line(paragraphs: list[str]) -> tuple[int, str] | None:
    """The index and text of the report's title line among the opening paragraphs.

    The title is the start of a paragraph up to ``政府工作报告`` (and a bracketed
    note such as ``（摘要）``); the rest of the paragraph is ignored, because a
    title line without punctuation may have been joined with the date line.

    >>> find_title_line(["2019年度政府工作报告", "各位代表："])
    (0, '2019年度政府工作报告')
    >>> find_title_line(["政府工作报告——2020年1月8日在市人民代表大会上各位代表："])
    (0, '政府工作报告')
    >>> find_title_line(["我代表国务院向大会作政府工作报告"]) is None
    True
    """
    for i, par in enumerate(paragraphs[:6]):
        m = _RE_TITLE_START.match(par)
        if m and not re.search(r"代表|向大会|作政府工作报告", m.group(0)):
            return i, m.group(0).strip()
    return None


def title_line_plan_year(title: str) -> int | None:
    """The plan year a title line implies: ``YYYY年`` → YYYY, ``YYYY年度`` → YYYY+1.

    A report titled for a *年度* (business year) is given at the end of that
    year and reviews it, so it plans the next year.

    >>> title_line_plan_year("2019年度政府工作报告")
    2020
    >>> title_line_plan_year("某市2018年政府工作报告")
    2018
    """
    m = _RE_TITLE_LINE.search(title)
    if not m:
        return None
    year = int(m.group("year"))
    return year + 1 if m.group("du") else year


def find_date_year(paragraphs: list[str]) -> int | None:
    """The plan year from a date line (``——2017年3月5日在…``) in the opening.

    A report delivered from October on plans the next year.

    >>> find_date_year(["——2017年3月5日在第十二届全国人民代表大会第五次会议上"])
    2017
    >>> find_date_year(["（2019年12月25日在区第十四届人民代表大会第五次会议上）"])
    2020
    """
    for par in paragraphs[:8]:
        m = _RE_DATE_LINE.search(par)
        if m:
            nums = re.findall(r"\d+", m.group(0))
            year, month = int(nums[0]), int(nums[1])
            return year + 1 if month >= 10 else year
    return None


def opening_year(paragraphs: list[str], *, plan: bool = False) -> int | None:
    """The year one of the first two paragraphs of a part opens with.

    A review opens ``2019年，…`` or ``2019年是…``; a plan opens ``2006年是实施…的
    第一年`` (with ``plan=True`` only that form counts, and not when the
    sentence speaks of results: 取得, 成就, 了).

    >>> opening_year(["2019年，是新中国成立70周年。"])
    2019
    >>> opening_year(["2006年是实施“十一五”规划的第一年。"], plan=True)
    2006
    >>> opening_year(["1986年是取得显著成就的一年。"], plan=True) is None
    True
    >>> opening_year(["到2020年，全面建成小康社会。"]) is None
    True
    """
    year = rf"^((?:19|20)\d\d|[一二][{_CN_YEAR_DIGITS}]{{3}})年"
    pattern = year + ("是" if plan else r"(?:[，,]|是|以来)")
    for par in paragraphs[:2]:
        m = re.match(pattern, par)
        if not m:
            continue
        sentence = re.split(r"[。！？]", par, maxsplit=1)[0]
        if plan and re.search(r"取得|成就|了", sentence):
            continue
        return _year_value(m.group(1))
    return None


def frequent_past_year(text: str) -> int | None:
    """The latest year a review mentions at least twice, not as a target (到/至 YYYY年).

    A last-resort guess of the reviewed year when no heading, date or title
    line names it.

    >>> frequent_past_year("2012年增长7.8%。2007年以来…2012年末…到2020年翻一番，到2020年")
    2012
    """
    counts: dict[int, int] = {}
    for m in _RE_YEAR.finditer(text):
        before = text[max(0, m.start() - 1):m.start()]
        if before in ("到", "至", "～", "~", "-", "—"):
            continue
        year = _year_value(m.group(1))
        counts[year] = counts.get(year, 0) + 1
    frequent = [y for y, c in counts.items() if c >= 2]
    return max(frequent) if frequent else None


# -- issuer -----------------------------------------------------------------------

_RE_ISSUER = re.compile(r"我代表(国务院|[^\s，,。、向作：:]{0,16}?(?:人民政府|政府))")
_LEVEL_BY_SUFFIX = (
    ("国务院", "national"),
    ("中央人民政府", "national"),
    ("自治区", "province"),
    ("省", "province"),
    ("市", "city"),
    ("州", "city"),
    ("盟", "city"),
    ("区", "district"),
    ("县", "county"),
    ("旗", "county"),
)


def find_issuer(paragraphs: list[str]) -> str | None:
    """The issuer the speaker represents (``我代表国务院`` → ``国务院``).

    >>> find_issuer(["各位代表：", "现在，我代表区人民政府，向大会报告工作。"])
    '区人民政府'
    """
    for par in paragraphs[:10]:
        m = _RE_ISSUER.search(par)
        if m:
            return m.group(1)
    return None


def admin_level_of(issuer: str | None, title: str | None = None) -> str | None:
    """``national``, ``province``, ``city``, ``district`` or ``county`` from the issuer.

    >>> admin_level_of("区人民政府")
    'district'
    >>> admin_level_of("广西壮族自治区人民政府")
    'province'
    >>> admin_level_of(None, "XX县2019年政府工作报告")
    'county'
    """
    for name in (issuer, title):
        if not name:
            continue
        stem = re.sub(r"(?:人民政府|政府)$", "", name)
        if not stem and name:
            continue
        if name.endswith("国务院") or name.startswith("中央"):
            return "national"
        if title is name:
            m = _RE_TITLE_LINE.search(name)
            stem = m.group("place") if m else ""
        for suffix, level in _LEVEL_BY_SUFFIX[1:]:
            if stem.endswith(suffix):
                return level
    return None
