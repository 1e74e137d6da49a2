"""Number tokens for :mod:`reportdiff.figures`: patterns, merges and the rules that reject.

Internal to the figures module.  :func:`_tokens` finds every number with its
qualifier words, magnitude and unit in a range of the normalised text;
:func:`_merge_changes`, :func:`_share_units` and :func:`_negatives` join the
forms written over several tokens (``由22家调减为12家``, ``4.2和0.7个百分点``,
``-2.3%``); :func:`_keep` drops the numbers that are not figures (years,
slogans, codes, ordinals, thresholds); :func:`_ranks` and :func:`_fractions`
read ranks (``位居第三``) and fractions (``三分之一``, ``一半``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from .metrics import COUNT_UNITS, UNITS, dimension, to_base
from .numerals import parse_fraction, parse_number, split_magnitude

# -- patterns ------------------------------------------------------------------

_CN_D = "零〇一二两三四五六七八九"
_NUM = (r"(?:\d+(?:亿\d+[千百]?(?=多|余|万)|万\d+[千百])"
        r"|\d+(?:,\d{3})*(?:\.\d+)?"
        rf"|(?:[{_CN_D}十百]|千(?![瓦米克]))(?:[{_CN_D}十百万亿]|千(?![瓦米克]))*(?:点[{_CN_D}]+)?)")
_MAG = r"(?:万亿|千亿|百亿|亿|千万|百万|十万|万|千(?![瓦米克]))"
_UNIT_WORDS = sorted(set(UNITS) - {"方", "年"}, key=len, reverse=True)
_UNIT = "(?:" + "|".join(re.escape(u) for u in _UNIT_WORDS) + ")"
_TOKEN = re.compile(
    rf"(?P<pre>百分之)?(?P<num>{_NUM})"
    rf"(?:(?P<u0>%|个百分点)?(?P<sep>-|~|—|至|到)(?P<pre2>百分之)?(?P<num2>{_NUM}))?"
    rf"(?P<q1>多|余)?(?P<mag>{_MAG})?(?P<q2>多|余)?(?:(?<=万多|万余)(?P<mag2>亿))?"
    rf"(?P<unit>{_UNIT}|(?<=[万亿])方)?"
)
_FRACTION = re.compile(rf"(?P<num>[{_CN_D}十百\d]+分之[{_CN_D}十\d]+)"
                       r"|(?<![\d/.])(?P<arabic>\d{1,2}/\d{1,2})(?![\d/.])"
                       r"|(?<=[减少降低缩压增长提高扩大])(?P<half>一半)")
_RANK = re.compile(
    rf"(?:位居|位列|居于|居|排名|排在|排|名列|列|跃居|跃升至|升至|稳居|保持|上升到|上升至|"
    rf"提升到|提升至|下降到|下降至|降至|前移至|跃升到|(?:从|由)(?=[^，。；]{{0,6}}第[{_CN_D}十\d]+位"
    rf"(?:上升|提升|跃升|升|下降|降)))"
    rf"(?P<scope>[^，。；！？：\n第]{{0,14}}?)"
    rf"(?:第(?P<n1>[{_CN_D}十\d]+)(?:位|名)?(?P<more>(?:(?:和|、|及|与)(?:[\u4e00-\u9fff]{{1,10}}?第|第?)"
    rf"[{_CN_D}十\d]+(?:位|名)?(?![\u4e00-\u9fff]))*)"
    rf"|(?P<first>首位))"
)
#: ``总量全市第三``, ``增速城区第一``: a rank written after its scope alone, no verb; the
#: scope is 全 + an administrative unit or a word ending in 城区, and nothing but
#: punctuation (or 位/名) may follow the ordinal, so ``全省第一方阵`` is not a rank
_SCOPE_RANK = re.compile(
    rf"(?<![居列名排至到于持])(?:全[市省国区县州旗]|[\u4e00-\u9fff]{{0,4}}城区)"
    rf"第(?P<n1>[{_CN_D}十\d]+)(?:位|名)?(?![\u4e00-\u9fff])")
_SCOPE_ONLY = re.compile(r"^(?:全[市省国区县州旗]|[\u4e00-\u9fff]{0,4}城区|同类城市|"
                         r"中部|西部|东部)$")
_RANK_MORE = re.compile(rf"(?:和|、|及|与)(?P<subj>[\u4e00-\u9fff]{{1,10}}?(?=第))?"
                        rf"第?(?P<n>[{_CN_D}十\d]+)"
                        rf"(?:位|名)?")

_CLAUSE_END = "，。；！？：\n"
_SUBCLAUSE_END = _CLAUSE_END + "、"
_THOUSANDS = re.compile(r"\d{3}(?!\d)")


def _is_break(text: str, i: int, ends: str = _CLAUSE_END) -> bool:
    """Does ``text[i]`` end a clause?  A half-width comma does unless it groups thousands."""
    ch = text[i]
    if ch in ends:
        return True
    return ch == "," and not (i > 0 and text[i - 1].isdigit() and _THOUSANDS.match(text, i + 1))
_CJK = re.compile(r"[\u4e00-\u9fff]")
_ASCII_ALNUM = re.compile(r"[A-Za-z]")
_PREFIX_QUALIFIERS = ("不低于", "不少于", "不超过", "不高于", "超过", "突破", "跨越", "迈过",
                      "跨过",
                      "接近", "将近",
                      "大约", "高于", "低于", "逾", "超", "近", "约", "达")
_SUFFIX_QUALIFIERS = re.compile(r"(?:以上|以内|以下|左右|上下|之内|多|余)")
_CLAUSE_QUALIFIERS = ("预计", "力争", "计划", "目标")
_TO_FORMS = ("到", "至", "为")
_SETTLE = ("稳定在", "保持在", "控制在", "稳定", "保持", "控制", "高达", "达到", "达", "为", "是",
           "至",
           "到", "在", "了")
_MAX_METRIC = 24


@dataclass
class _Tok:
    start: int
    end: int
    value: float
    unit: str
    qualifier: list[str]
    low: float | None = None
    high: float | None = None
    from_value: float | None = None
    chinese: bool = False
    kind: str | None = None
    direction: str = ""
    metric: str | None = None
    group_pos: int = 0
    group_size: int = 1

def _tokens(text: str, start: int, end: int,
            problems: list[tuple[int, str, str]] | None = None) -> list[_Tok]:
    """Number tokens of ``text[start:end]``; ranges that cannot be read go to ``problems``.

    ``problems`` receives ``(position, written, why)`` for the caller to warn
    about once, with the report's path (see :func:`reportdiff.figures.extract_figures`).
    """
    out: list[_Tok] = []
    for m in _TOKEN.finditer(text, start, end):
        num, num2 = m.group("num"), m.group("num2")
        unit = (m.group("mag") or "") + (m.group("mag2") or "") + (m.group("unit") or "")
        pre = m.group("pre")
        extra = 0
        if not m.group("unit") and not num2 and "." in num and text[m.end():m.end() + 1] == "年":
            unit += "年"  # 受教育年限提高到10.5年: a decimal is never a calendar year
            extra = 1
        mixed = _mixed(num, m.group("mag") or "")
        if mixed is not None:
            value, mag = mixed
            unit = mag + (m.group("unit") or "")
            q = [w for w in (m.group("q1"), m.group("q2")) if w]
            out.append(_Tok(m.start(), m.end(), value, unit, q))
            continue
        if pre or m.group("pre2"):
            unit = "%" if not m.group("unit") else unit
        chinese = not num[0].isdigit()
        value, mag = split_magnitude(num)
        if value is None:
            continue
        if mag:
            if m.group("mag"):  # 两万万? not a numeral we understand
                continue
            unit = mag + unit
        low = high = None
        if num2 is not None:
            v2, mag2 = split_magnitude(num2)
            if v2 is not None and mag2 and mag in ("", mag2) and not m.group("mag"):
                # 五至六万人, 七十亿到一百亿元: one magnitude for both ends
                unit = unit if mag else mag2 + unit
                mag2 = mag = ""
            if v2 is None or mag2 or mag:
                if unit or m.group("unit"):
                    _problem(problems, m, "its ends are written with different magnitudes")
                continue
            if m.group("sep") in "至到" and not unit:
                continue
            if m.group("u0") and m.group("u0") != (m.group("unit") or ""):
                continue
            low, high = value, v2
            if high < low:
                if unit:
                    _problem(problems, m, "its upper end is below its lower end")
                continue
        q = [w for w in (m.group("q1"), m.group("q2")) if w]
        out.append(_Tok(m.start(), m.end() + extra, value, unit, q, low=low, high=high,
                        chinese=chinese and not pre))
    return out


def _problem(problems: list[tuple[int, str, str]] | None, m: re.Match[str], why: str) -> None:
    if problems is not None:
        problems.append((m.start(), m.group(0), why))


_MIXED = re.compile(r"^(\d+)([亿万])(\d+)([千百]?)$")


def _mixed(num: str, mag: str) -> tuple[float, str] | None:
    """``1万6千`` → (1.6, "万"); ``1亿3千`` + ``万`` → (1.3, "亿")."""
    m = _MIXED.match(num)
    if not m:
        return None
    head, big, tail, small = int(m.group(1)), m.group(2), int(m.group(3)), m.group(4)
    tail_value = tail * {"千": 1000, "百": 100, "": 1}[small] * (1e4 if mag == "万" else 1)
    big_value = 1e8 if big == "亿" else 1e4
    return float(f"{head + tail_value / big_value:.10g}"), big


#: a point in time written between 从/由 (or 到/为) and a value: 2006年的, 年初的, 2012年末
_WHEN = r"(?:(?:\d{4}年|上年|去年|当年|年)(?:初|末|底)?的?|上年的|去年的)"
_CHANGE_MID = re.compile(rf"^(?:[\u4e00-\u9fff]{{0,4}}?)(?:为|到|至){_WHEN}?$")
_FROM_WHEN = re.compile(rf"(?:由|从){_WHEN}$")


def _merge_changes(text: str, toks: list[_Tok]) -> list[_Tok]:
    """``由22家调减为12家``: one change figure with both ends.

    Ranks merge the same way (``从世界第六位上升到第四位``: one rank, 4, from 6).
    """
    # a calendar year (从2006年的18亿元增加到2010年的306亿元) is not an end of the change
    toks = [t for t in toks if t.unit or t.chinese or text[t.end:t.end + 1] != "年"]
    out: list[_Tok] = []
    i = 0
    while i < len(toks):
        a = toks[i]
        if i + 1 < len(toks) and _from_before(text, a.start):
            b = toks[i + 1]
            mid = text[a.end:b.start]
            ranks = a.kind == b.kind == "rank" and a.group_size == b.group_size == 1
            if _CHANGE_MID.match(mid) and (b.unit or ranks) and (not a.unit or dimension(
                    a.unit) == dimension(b.unit)) and a.low is None and b.low is None:
                verb = re.sub(rf"(?:为|到|至){_WHEN}?$", "", mid).lstrip("位名")
                from_value = a.value
                if a.unit and a.unit != b.unit:  # 由5千多户增加到1万6千多户: a's value in b's unit
                    from_value = float(
                        f"{to_base(a.value, a.unit)[0] / to_base(1.0, b.unit)[0]:.10g}")
                out.append(_Tok(a.start, b.end, b.value, b.unit, a.qualifier + b.qualifier,
                                from_value=from_value, kind="rank" if ranks else "change",
                                direction=verb,
                                chinese=a.chinese and b.chinese))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _from_before(text: str, pos: int) -> bool:
    """Is there a 由/从 at most four characters (no punctuation) before ``pos``?

    A point in time between them is allowed: ``从2006年的18亿元``, ``由年初的400多万人``.
    """
    if _FROM_WHEN.search(text, max(0, pos - 10), pos):
        return True
    head = text[max(0, pos - 5):pos]
    for k in range(len(head) - 1, -1, -1):
        ch = head[k]
        if ch in "由从":
            return all(_CJK.match(c) for c in head[k + 1:])
        if not _CJK.match(ch):
            return False
    return False


def _listed(text: str, a: _Tok, b: _Tok) -> bool:
    """Is ``b`` the next item of a list that ``a`` starts (``36.1%、28.6%和85.8%``)?"""
    gap = text[a.end:b.start]
    q = _SUFFIX_QUALIFIERS.match(gap)
    if q:
        gap = gap[q.end():]
    return gap in ("、", "和", "及", "与", "，", "或") and (gap != "，" or False)


def _share_units(text: str, toks: list[_Tok]) -> list[_Tok]:
    """``4.2和0.7个百分点``: a bare number in a list takes the unit of the next item."""
    for a, b in itertools.pairwise(toks):
        if not a.unit and b.unit and not a.chinese \
                and text[a.end:b.start] in ("和", "、", "及", "与") \
                and text[a.start - 1:a.start] != "第":
            a.unit = b.unit
    return toks


def _negatives(text: str, toks: list[_Tok]) -> list[_Tok]:
    """``增长-2.3%``: a minus sign after a word (not after a number) makes the value negative."""
    for t in toks:
        if t.chinese or text[t.start - 1:t.start] not in ("-", "−") or t.start < 2:
            continue
        prev = text[t.start - 2]
        if _CJK.match(prev) and t.low is None and t.from_value is None:
            t.start -= 1
            t.value = -t.value
    return toks


_COUNT_CLASSIFIERS = frozenset(COUNT_UNITS)
_ROUND_LEAD = ("近", "约", "逾", "超", "超过", "突破", "上", "达", "达到", "迈过", "跨越", "跨过")
_RATIO_UNITS = frozenset(["%", "个百分点", "百分点", "倍", "成", "番", "‰"])


def _keep(text: str, t: _Tok, end: int) -> bool:
    if not t.unit:
        return False
    before = text[t.start - 1:t.start]
    after = text[t.end:t.end + 1]
    if before and (_ASCII_ALNUM.match(before) or before in "第.-—/#"):
        return False
    if after and (_ASCII_ALNUM.match(after) or after in "#"):
        return False
    if after == "级":
        return False  # 千万吨级炼油厂, 10万吨级泊位: quantity + unit + 级 names a class
    unit = t.unit
    base = unit
    for mag in ("万亿", "千亿", "百亿", "亿", "千万", "百万", "十万", "万"):
        if base.startswith(mag):
            base = base[len(mag):]
            break
    has_mag = base != unit
    if t.chinese and has_mag and not base and not text[max(0, t.start - 2):t.start].endswith(
            ("突破", "超过", "达到", "近", "约", "逾", "超", "达", "迈过", "跨越", "跨过")):
        return False  # “四个百万”: a bare Chinese round number is a slogan unless it is reached
    if before == "“" and after == "”":
        return False  # a quoted numeral is a name
    if t.chinese and not has_mag and not any(c in _CN_D for c in text[t.start:t.end]) \
            and not text[max(0, t.start - 2):t.start].endswith(_ROUND_LEAD):
        # 四两拨千斤, 百家: a bare 十/百/千 is a figure only before 万/亿 or after 近/上
        return False
    if base in ("小时", "个小时", "分钟", "天", "个月", "月", "工作日", "个工作日") \
            and _CJK.match(after) and after not in "内以左之上多余的":
        # 24小时自助图书馆, 停产8个月完成改造: a duration naming a service or a time taken
        return False
    if t.chinese and not has_mag and t.kind != "change":
        if base in _COUNT_CLASSIFIERS or base in ("次", "年"):
            if t.value < 10 or (t.value in (10, 100, 1000) and not text[
                    max(0, t.start - 2):t.start].endswith(_ROUND_LEAD)):
                return False  # 两个维护, 八项规定, 十大工程, 百家, 千村 (but 近千人)
        elif t.value < 10 and base not in _RATIO_UNITS:
            return False  # 最后一公里, 一米阳光: a small Chinese numeral with a measure is an idiom
        if base == "成" and _CJK.match(after) and not _SUFFIX_QUALIFIERS.match(text, t.end):
            return False  # 一成不变
        if base in ("倍",) and after in "于" and t.value < 2:
            pass
    if base == "所" and not has_mag and t.value >= 100 and float(t.value).is_integer() \
            and _CJK.match(after) and not _institutions_after(text, t.end):
        return False  # 722所国防科技产业园 (a research institute's number), not 1500所县医院
    if base == "岁" and after and _CJK.match(after) and not _SUFFIX_QUALIFIERS.match(text, t.end):
        return False  # 7-9岁儿童: an age describing a group
    if base in ("位", "名") and after in ("居", "列", "于"):
        return False
    # a threshold inside a counted item: "5000万元以上项目120个", "投资过30亿元项目1个"
    q = _SUFFIX_QUALIFIERS.match(text, t.end)
    if q and q.group(0) in ("以上", "以下"):
        nxt = text[q.end():q.end() + 1]
        if nxt and (_CJK.match(nxt) or nxt == "的"):
            rest_end = _clause_end(text, q.end(), end)
            if _TOKEN.search(text, q.end(), rest_end) and any(
                    c.isdigit() for c in text[q.end():rest_end]):
                return False
    elif not q and base not in _COUNT_CLASSIFIERS and _CJK.match(after) and after != "的":
        k = t.end
        while k < end and text[k] not in _SUBCLAUSE_END:
            k += 1
        rest = text[t.end:k]
        counted = re.search(rf"\d[\d.]*(?:多|余)?{_MAG}?(?:个|家|项|所|座|条|处|件)", rest)
        if counted and counted.end() == len(rest):
            return False  # the item is counted after it: the amount only says which items
    return True

#: what a count of 所 counts: schools, hospitals, centres, stations
_INSTITUTION_ENDS = ("院", "校", "学", "中心", "站", "馆", "幼儿园", "机构", "室", "所")


def _institutions_after(text: str, pos: int) -> bool:
    """Does the noun after ``pos`` name a kind of institution (``县医院``, ``学校``)?"""
    k = pos
    while k < len(text) and k - pos < 12 and _CJK.match(text[k]) and text[k] not in "和及与等的":
        k += 1
    return text[pos:k].endswith(_INSTITUTION_ENDS)


def _clause_end(text: str, pos: int, end: int) -> int:
    i = pos
    while i < end and not _is_break(text, i):
        i += 1
    return i

def _cn_or_int(s: str) -> float | None:
    return parse_number(s)


def _ranks(text: str, start: int, end: int) -> list[_Tok]:
    out: list[_Tok] = []
    for m in _RANK.finditer(text, start, end):
        if m.group("first"):
            out.append(_Tok(m.start("first"), m.end("first"), 1.0, "", [], kind="rank"))
            continue
        after = text[m.end():m.end() + 2]
        if after[:1] in ("届", "次", "批", "个", "季", "产", "章", "条", "款", "轮", "年", "期",
                         "部", "阶", "类", "级", "代", "号", "名", "方", "梯", "档", "要", "动",
                         "资", "生", "责", "线", "把", "书", "课", "集") and not m.group("more"):
            continue
        n1 = _cn_or_int(m.group("n1"))
        if n1 is None:
            continue
        s1 = m.start("n1") - 1
        e1 = m.end("n1") if not m.group("more") else m.start("more")
        group = [_Tok(s1, e1, n1, "", [], kind="rank")]
        if m.group("more"):
            base = m.start("more")
            for mm in _RANK_MORE.finditer(m.group("more")):
                v = _cn_or_int(mm.group("n"))
                if v is None:
                    continue
                first = base + mm.start("n") - (1 if text[base + mm.start("n") - 1] == "第" else 0)
                subj = mm.group("subj")
                if subj and _SCOPE_ONLY.match(subj):
                    subj = None  # 位居全市第二、全省第五: the same figure ranked in two places
                group.append(_Tok(first, base + mm.end(), v, "", [], kind="rank", metric=subj))
        if any(t.metric for t in group):
            # 位居投资潜力第3、新型城镇化质量第4: each rank names its own subject
            group[0].metric = m.group("scope")
        for k, t in enumerate(group):
            t.group_pos, t.group_size = k, len(group)
        out.extend(group)
    taken = {t.start for t in out}
    for m in _SCOPE_RANK.finditer(text, start, end):
        n1 = _cn_or_int(m.group("n1"))
        s1 = m.start("n1") - 1
        if n1 is not None and s1 not in taken:
            out.append(_Tok(s1, m.end("n1"), n1, "", [], kind="rank"))
    out.sort(key=lambda t: t.start)
    return out


def _fractions(text: str, start: int, end: int) -> list[_Tok]:
    out: list[_Tok] = []
    for m in _FRACTION.finditer(text, start, end):
        if m.group("half"):
            v: float | None = 0.5
        elif m.group("arabic"):
            num, den = m.group("arabic").split("/")
            v = int(num) / int(den) if 0 < int(num) < int(den) <= 20 else None
        else:
            v = parse_fraction(m.group("num"))
        if v is None:
            continue
        if text[m.start() - 1:m.start()] in ("第",) or text.startswith("百分之", m.start()):
            continue  # 百分之六 is a percentage, read by the token pattern
        out.append(_Tok(m.start(), m.end(), round(v, 6), "", [], kind="fraction"))
    return out
