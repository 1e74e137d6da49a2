"""Figure metrics: what a number of :mod:`reportdiff.figures` measures, and how.

Internal to the figures module.  For each number token (from
:mod:`reportdiff.figure_tokens`) these rules find

* its clause (:func:`_clause`) and the metric phrase before it
  (:func:`_metric`), with the direction word (增长, 下降) and whether it is a
  level reached (提高到);
* the subject of a subjectless metric (:func:`_complete_metric`: 年均增长 takes
  the subject of the figure before, 新建5所学校 the noun after the number), the
  reference of a comparison (:func:`_beyond_metric`: 超目标13个百分点) and the
  subject of a rank (:func:`_rank_metric`);
* one subject per value of a list (:func:`_distribute`: ``A、B分别下降x、y``);
* its kind (:func:`_kind`: level, growth, share, count, change) and qualifiers
  (:func:`_qualifiers`: 左右, 以上, 近 …).

Metric names, synonyms and units are in :mod:`reportdiff.metrics`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from .figure_tokens import (
    _CJK,
    _CLAUSE_QUALIFIERS,
    _MAG,
    _MAX_METRIC,
    _PREFIX_QUALIFIERS,
    _SETTLE,
    _SUBCLAUSE_END,
    _SUFFIX_QUALIFIERS,
    _TO_FORMS,
    _UNIT,
    _WHEN,
    _clause_end,
    _is_break,
    _Tok,
)
from .metrics import COUNT_UNITS, DIRECTIONS, JUNK_METRICS, dimension, metric_key, strip_metric

if TYPE_CHECKING:  # pragma: no cover
    from .figures import Figure


# -- lists ----------------------------------------------------------------------

def _distribute(text: str, out: list[Figure], group: list[tuple[int, int, int]],
                synonyms: Mapping[str, Sequence[str]] | None,
                nstarts: Sequence[int] = (), start: int = 0) -> None:
    """``入室盗窃、抢劫、涉传警情分别下降36.1%、28.6%和85.8%``: one subject per value.

    ``group`` holds ``(index in out, clause start, number start)`` of a list of
    values; when the clause names as many subjects before 分别, each value gets
    its own.  When it names none (``城镇居民人均可支配收入达到10493元，农村居民
    人均纯收入达到3255元，…，分别增长9.6%和6.2%``), the subjects of the
    sentence's figures before the list are taken in order.
    """
    from dataclasses import replace

    first, cs, num_start = group[0]
    head = text[cs:num_start]
    cut = head.rfind("分别")
    if cut < 0:
        # no 分别: ``增长15%和12.1%`` after a clause naming two subjects, or
        # ``城镇、农村居民人均可支配收入29462元、16733元`` naming them itself
        d = out[first].direction
        bare = head.removesuffix(d) if d and head.endswith(d) else head
        if strip_metric(bare) not in _SUBJECTLESS and not re.search("[、和及与]", bare):
            return
        cut = len(bare)
    if strip_metric(head[:cut]) in _SUBJECTLESS and nstarts:
        sent = _sentence_start(text, cs, start)
        subjects: list[str] = []
        for i in range(first):
            f = out[i]
            if nstarts[i] < sent or f.kind == "rank":
                continue
            subj = f.metric[: -len(f.direction)] if f.direction and f.metric.endswith(
                f.direction) else f.metric
            if subj and subj not in _SUBJECTLESS and subj not in subjects:
                subjects.append(subj)
        if len(subjects) >= len(group):
            for (idx, _, _), noun in zip(group, subjects[-len(group):], strict=True):
                f = out[idx]
                metric = noun + f.direction if f.direction and f.from_value is None else noun
                out[idx] = replace(f, metric=metric,
                                   metric_key=metric_key(metric, kind=f.kind, synonyms=synonyms))
        return
    raw = re.split("[、和及与]", head[:cut])
    suffix = ""
    if "”" in raw[-1]:  # “马上办、网上办”比例: the noun after the quote belongs to every item
        raw[-1], suffix = raw[-1].rsplit("”", 1)
    items = [strip_metric(x.strip("“”") + suffix) for x in raw]
    items = [x for x in items if x]
    tail = _shared_tail(items)
    if tail:
        # 城镇和农村居民人均可支配收入: the modifiers share the head noun written once
        items = [x + tail for x in items[:-1]] + [items[-1]]
    if len(items) != len(group) or any(len(x) > _MAX_METRIC for x in items):
        return
    for (idx, _, _), noun in zip(group, items, strict=True):
        f = out[idx]
        metric = noun + f.direction if f.direction and f.from_value is None else noun
        out[idx] = replace(f, metric=metric,
                           metric_key=metric_key(metric, kind=f.kind, synonyms=synonyms))


def _shared_tail(items: list[str]) -> str:
    """The head noun the last item writes for all.

    ``城镇``, ``农村居民人均可支配收入`` → ``居民人均可支配收入``.

    Short modifiers of one length (``城镇``, ``农村``) take what follows the same
    length in the last item; longer ones (``城镇居民``) take what follows their
    own ending (``居民``) in it.  ``二氧化硫、化学需氧量排放量`` shares nothing.
    """
    if len(items) < 2 or len({len(x) for x in items[:-1]}) != 1:
        return ""
    first, last = items[0], items[-1]
    if len(first) <= 3 and len(last) >= len(first) + 3:
        return last[len(first):]
    if len(first) == 4:
        for k in (3, 2):
            suf = first[-k:]
            j = last.find(suf)
            if j > 0 and len(last) - (j + k) >= 2 and all(x.endswith(suf) for x in items[:-1]):
                return last[j + k:]
    return ""


_SUBJECTLESS = frozenset(["", "年均", "平均", "同比", "比上年", "实际", "名义", "分别", "均", "都",
                          "总量", "同口径", "增速", "总额", "规模", "其中", "比重", "占比",
                          "比去年", "比上年", "比去年预算", "比上年预算",
                          "增幅", "年均增幅", "涨幅", "降幅", "增长率", "年均增长率", "增长速度",
                          "年均增速"])


# -- subjects -------------------------------------------------------------------

#: Verbs that leave the counted thing to be written after the number (新建5所学校).
_BARE_VERBS = ("新建", "新设", "建成", "设立", "组建", "推动", "引进", "培育", "完成", "开展",
               "建设",
               "新增", "净增", "惠及", "扶持", "为", "实施", "办理", "打造", "创建", "开工", "改造",
               "举办", "帮助", "带动", "吸引", "覆盖", "资助", "解决", "安置", "启动", "确保", "有",
               "设", "建", "使", "对", "在", "向", "给")
_COMPARISON = re.compile(r"^(?:(?:比|较|与)[^，。；]{1,10}(?:相比)?|(?:是|为|相当于)\d{4}年的?"
                         r"|(?:是|为|相当于)[“〝]?[^，。；]{0,8}?[”〞]?(?:期末|期间|时期|年末|年底)的?)$")


def _sentence_start(text: str, pos: int, start: int) -> int:
    i = pos
    while i > start and text[i - 1] not in "。！？\n":
        i -= 1
    return i


def _complete_metric(text: str, t: _Tok, metric: str, direction: str,
                     sentence: list[Figure]) -> str:
    """Give a subjectless metric its subject.

    ``国内生产总值从54万亿元增加到82.7万亿元，年均增长7.1%``: 年均增长 takes the
    subject of the sentence's previous figure.  ``新设14个国家自主创新示范区``:
    a bare verb takes the noun written after the number.
    """
    subject = metric[: -len(direction)] if direction and metric.endswith(direction) else metric
    if subject in JUNK_METRICS:  # 还增长3%, 去年达到…: a word, not a subject
        metric, subject = metric[len(subject):], ""
    comparison = bool(_COMPARISON.match(subject)) and subject not in _SUBJECTLESS
    if (subject in _SUBJECTLESS or comparison) and (subject or not _noun_after(text, t)):
        for f in reversed(sentence):
            if f.kind == "rank":
                continue
            fs = f.metric[: -len(f.direction)] if f.direction and f.metric.endswith(f.direction) \
                else f.metric
            if fs and fs not in _SUBJECTLESS and len(fs) > 1:
                if comparison or metric in ("分别", "其中"):
                    return fs + direction  # 比2009年提高92%: the comparison is not the metric
                return fs + metric
        if subject:
            return direction if comparison else metric  # 是1997年的2.3倍: no subject written
    if direction and direction not in ("新增", "净增"):
        return metric
    if subject and not (len(subject) <= 8 and subject.endswith(_BARE_VERBS)):
        return metric
    noun = _noun_after(text, t)
    return metric + noun if noun else metric


_NOT_NOUNS = ("大关", "关口", "台阶", "水平", "以上", "左右")
_MAX_NOUN = 20


def _noun_after(text: str, t: _Tok) -> str:
    """The noun phrase written right after a figure (``14个国家自主创新示范区``)."""
    j = t.end
    q = _SUFFIX_QUALIFIERS.match(text, j)
    if q:
        j = q.end()
    if text[j:j + 1] == "的":
        j += 1
    if text.startswith(_NOT_NOUNS, j):
        return ""  # 突破600亿元大关: the word completes the threshold, it is not counted
    k = j
    while k < len(text) and k - j < _MAX_NOUN and _CJK.match(text[k]) and text[k] != "的":
        k += 1
    if k - j < _MAX_NOUN or k >= len(text) or not _CJK.match(text[k]) or text[k] == "的":
        return text[j:k]
    # the run goes on: never cut inside a word (详规 → 详); end at a list joint, else say nothing
    cut = max(text.rfind(c, j + 2, k) for c in "、和与")
    return text[j:cut] if cut > j else ""


# -- clause and metric phrase --------------------------------------------------

def _clause(text: str, s: int, e: int, start: int, end: int) -> tuple[int, int]:
    i = s
    while i > start and not _is_break(text, i - 1):
        i -= 1
    j = _clause_end(text, e, end)
    # trim quotes and spaces so the clause is tight
    while i < j and text[i] in " “”\"——":
        i += 1
    return i, j


def _metric(text: str, t: _Tok, cs: int) -> tuple[str, str, bool]:
    """Metric phrase, direction word and whether it is a "to" form (提高到)."""
    s = cs
    i = t.start
    while i > cs:
        if _is_break(text, i - 1, _SUBCLAUSE_END):
            s = i
            break
        i -= 1
    if s > 0 and text[s - 1] in "“〝《" and _CLOSE_OF[text[s - 1]] in text[s:t.start]:
        s -= 1  # “四上”企业达到367家: the clause was trimmed of a quote that closes in the metric
    # stop at the end of a previous number in the same subclause
    seg = text[s:t.start]
    m = list(re.finditer(rf"\d[\d.,]*(?:多|余)?(?:{_MAG}(?:{_UNIT})?|{_UNIT})(?:以上|左右|以内)?",
                         seg))
    m = [x for x in m if seg[x.end():x.end() + 1] != "级"]  # 10万吨级泊位: a grade, not a figure
    if m:  # a figure earlier in the item ends the phrase ("2009年" is not one)
        seg = seg[m[-1].end():]
    if t.from_value is not None:  # 财政投入从2006年的18亿元增加到…: the subject ends before 从
        cut = re.sub(rf"(?:由|从){_WHEN}?$", "", seg)
        if cut == seg:  # 补助标准由每人每年320元…: a short 由/从 phrase before the first value
            k = max(seg.rfind("由"), seg.rfind("从"))
            cut = seg[:k] if k >= 0 and len(seg) - k <= 5 else seg
        seg = cut
    phrase = seg
    for w in ("高达", "长达", "多达", "远达", *_PREFIX_QUALIFIERS):  # 涨幅高达…: not 涨幅高 + 达
        if phrase.endswith(w):
            phrase = phrase[: -len(w)]
            break
    to_form = False
    direction = ""
    core = phrase
    for w in _SETTLE:
        if core.endswith(w) and (len(core) > len(w) or len(w) > 1):
            if w in _TO_FORMS:
                to_form = True
            core = core[: -len(w)]
            break
    core = core.removesuffix("了")
    target = _TARGET_TAIL.search(core)
    core = _TARGET_TAIL.sub("", core) or core  # 经济增长预期目标6.5%: the target of 经济增长
    for d in DIRECTIONS:
        if core.endswith(d):
            direction = d
            break
    if target and direction:
        to_form = False  # 增长目标为17%: the target is a growth rate, not a level reached
    if to_form and direction and _rate_reached(core[: -len(direction)], direction):
        to_form = False  # 涨幅回落到2.6%: the rate of growth reached, not a share
    if to_form and direction:
        metric = strip_metric(core[: -len(direction)]) + direction
    elif direction:
        # 货币M2预期增长目标: 预期 qualifies the verb; 实际回落到: 实际 says the rate was reached
        head = strip_metric(core[: -len(direction)].removesuffix("预期").removesuffix("实际"))
        metric = head + direction if head else direction
    else:
        metric = strip_metric(core)
    if direction in ("新增", "净增") and to_form is False and metric == direction:
        metric = direction
    return metric, direction, to_form


_CLOSE_OF = {"“": "”", "〝": "〞", "《": "》"}
#: 预期目标, 增长目标定为 / 拟定为 / 确定为 (the 为 is cut as a settle word first)
_TARGET_TAIL = re.compile(r"(?:的)?(?:预期目标|目标|预期)(?:拟|初步)?(?:确定|设定|定)?$")
#: nouns naming a rate of change: a percentage after them is a growth rate
_RATE_NOUNS = ("增幅", "涨幅", "降幅", "跌幅", "增长率", "增长速度", "增速", "增长幅度", "下降幅度",
               "上涨幅度", "上升幅度", "回落幅度", "降低幅度")
#: ``8%左右的国内生产总值增长目标``, ``6.5%－7%的增速``: the rate is named after the number
_RATE_AFTER = re.compile(r"(?:以上|以内|以下|左右|上下)?的(?P<m>[\u4e00-\u9fffA-Za-z0-9]{0,14}?"
                         r"(?:增长|增速|增幅|涨幅|增长率|增长速度|下降|降幅))(?:预期)?(?:目标)?"
                         r"(?![极点动潜空源引方期])")
#: ``低于13%左右的预期目标``: a target stated for the figure before it
_TARGET_AFTER = re.compile(r"(?:以上|以内|以下|左右|上下)?的(?:预期)?目标")


#: ``是“十五”期末的1.9倍``, ``为2012年的2倍``: a multiple of an earlier value is a growth
_TIMES_EARLIER = re.compile(r"(?:是|为|相当于)[^，。；,]{0,12}?"
                            r"(?:\d{4}年|年|期末|期间|时期|年末|年底|"
                            r"上年|去年)(?:末|底|初)?的?$")
#: a comparison with a target or a reference: 超目标, 高于全国增速, 超过全省, 远超传统产业
_COMPARATIVE = re.compile(r"^(?:远|均|分别|又|还)?"
                          r"(?:超过|超出|超|高于|低于|快于|慢于|高出|低出|领先|"
                          r"落后)(?!过|出)")


def _beyond_metric(text: str, t: _Tok, cs: int, metric: str, sentence: list[Figure]) -> str:
    """``增长28%，超目标13个百分点``: the points say by how much the figure before beat a reference.

    The metric names the figure compared and the reference: ``高新技术产业产值增长超目标``.
    A phrase cut at a number in its subclause (``高于年初12%的目标14.4个百分点``)
    is read from the subclause's start.
    """
    head = text[cs:t.start]
    sub = re.split(r"[、]", head)[-1]
    m = _COMPARATIVE.match(sub)
    if not m:
        return metric
    prev = [f for f in sentence if f.kind == "growth" and f.metric]
    if not prev:
        return metric
    rest = sub[m.end():]
    if "目标" in rest:
        ref = "目标"
    else:
        ref = re.sub(rf"\d[\d.]*(?:{_UNIT})?|的", "", rest)
    return prev[-1].metric + m.group(0).lstrip("远均分别又还") + ref


#: a level of these is a share even when it falls back (失业率回落到4%, 比重回落到30%)
_SHARE_ENDS = ("率", "比重", "占比", "比例")


def _rate_reached(head: str, direction: str) -> bool:
    """``涨幅回落到2.6%``, ``实际回落到6.1%``: a rate of growth reached is a growth, not a share.

    The subject is a rate noun (涨幅, 增速 …) before any direction word, or the verb is 回落
    (said of growth rates and prices) and the subject does not name a share or a ratio.
    """
    head = head.removesuffix("实际")
    if head.endswith(_RATE_NOUNS):
        return True
    return direction == "回落" and not (head.endswith(_SHARE_ENDS) and not head.endswith("增长率"))


def _is_rate(metric: str) -> bool:
    return _TARGET_TAIL.sub("", metric).endswith(_RATE_NOUNS)


def _kind(unit: str, direction: str, to_form: bool, *, chinese: bool = False,
          rate: bool = False) -> str:
    base = dimension(unit)
    if base == "个百分点":
        return "change"
    if base in ("%", "倍", "番"):
        if (direction and not to_form and direction not in ("新增", "净增")) or rate:
            return "growth"
        return "share"
    if direction and not to_form and direction not in ("新增", "净增"):
        return "change"
    if direction == "净增" and base not in COUNT_UNITS and base != "":
        return "change"  # 净增50亿元: a net change of an amount (净增35家 stays a count)
    if base == "" and "亿" in unit and chinese:
        return "level"  # 突破千亿: a round sum in words, almost always money
    if base in COUNT_UNITS or base == "" or base == "张":
        return "count"
    return "level"


def _qualifiers(text: str, t: _Tok, cs: int) -> list[str]:
    out: list[str] = []
    clause_head = text[cs:cs + 4]
    for w in _CLAUSE_QUALIFIERS:
        if clause_head.startswith(w):
            out.append(w)
    before = text[max(cs, t.start - 4):t.start]
    for w in _PREFIX_QUALIFIERS:
        if before.endswith(w) and w != "达":
            out.append(w)
            break
    out.extend(t.qualifier)
    q = _SUFFIX_QUALIFIERS.match(text, t.end)
    if q:
        out.append(q.group(0))
    if _LAST_YEAR_BEFORE.search(text, cs, t.start) and text.startswith(
            "转", q.end() if q else t.end):
        out.append("上年")  # 由上年下降2.3%转为增长8.5%: the 2.3% is last year's
    seen: list[str] = []
    for w in out:
        if w not in seen:
            seen.append(w)
    return seen

_LAST_YEAR_BEFORE = re.compile(r"(?:由|从)(?:上年|去年|上一年)(?:的)?[\u4e00-\u9fff]{0,4}$")


def _rank_metric(prev: list[Figure], text: str, cs: int, t: _Tok) -> str:
    """A rank's metric: its own subject, else the figure(s) it ranks (``分别位居第三和第二``)."""
    head = text[cs:t.start]
    m = re.search(r"(?:位居|位列|居于|居|排名|排在|排|名列|列|跃居|跃升|升至|稳居|保持|从|由|"
                  r"上升|提升|"
                  r"下降|降至)", head)
    own = strip_metric(head[:m.start()]) if m else ""
    own = re.split(r"[\d一二两三四五六七八九十百千]", own, maxsplit=1)[0] if own else own
    for w in ("分别", "均", "都", "继续", "稳定", "仍", "连续", "由上年", "由去年", "由", "从",
              "其中"):
        own = own.replace(w, "")
    own = strip_metric(own.strip("、，"))
    if own and own not in _SUBJECTLESS:
        return own + "排名"
    sent = cs
    while sent > 0 and text[sent - 1] not in "。！？\n":
        sent -= 1
    before = [f for f in prev if f.kind != "rank" and f.value_span and f.metric]
    if own:  # 同比增长7.8%，增速位居全市第二: the rank of the growth rate before it
        want_growth = own.endswith(_RATE_NOUNS)
        for f in reversed(before):
            subj = f.metric[: -len(f.direction)] if f.direction else f.metric
            if (f.kind == "growth") == want_growth and subj and subj in text[sent:cs]:
                return (f.metric if want_growth else subj) + "排名"
    # figures of the same sentence only: compare by quote position is not possible
    # here (spans index the source), so rely on the caller's order and the
    # sentence text
    sentence = text[sent:cs]
    cands = [f for f in before if f.metric and f.metric in sentence]
    if cands:
        n = t.group_size
        if n > 1 and len(cands) >= n:
            return cands[len(cands) - n + t.group_pos].metric + "排名"
        return cands[-1].metric + "排名"
    return own + "排名"
