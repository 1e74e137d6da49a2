"""Promise rules: the words of a plan sentence that :mod:`reportdiff.promises` reads.

Internal to the promises module.  Holds

* clause segmentation – sentences (:func:`_sentences`) and clauses
  (:func:`_clauses`) of the plan part, and the cues that say a sentence looks
  forward (:data:`_CUE`), back (:func:`_past_sentence`) or explains a target
  (:data:`_EXPLAIN`);
* strength and due years – the firmest commitment word (:func:`_strength`) and
  the year a promise is due (:func:`_due`, :func:`_clause_due`: 到2020年,
  “十三五”时期, 今明两年);
* metric cleaning – filler words, enumeration words (一是, 其次) and generic
  words dropped from a metric (:func:`_clean_metric`, :func:`residual`);
* qualitative detection – a named project or policy with a completion verb
  (:func:`_qualitative`, :func:`_verb_groups`).

Which figures are targets, and their operators, are in
:mod:`reportdiff.promise_targets`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .numerals import parse_chinese

if TYPE_CHECKING:  # pragma: no cover
    from .figures import Figure


#: Words that say how firmly a promise is made, strongest first.
STRENGTHS: tuple[str, ...] = ("确保", "务必", "坚决", "必须", "力争", "争取", "努力",
                              "预期", "拟", "要", "将")

#: Verbs that say a thing is finished (the audit reads them in the review too).
FINISH_VERBS: tuple[str, ...] = ("投入使用", "投入运营", "建成", "竣工", "完工", "完成", "通车",
                                 "开通", "出台", "落地", "挂牌", "上市", "供地", "交付", "开业",
                                 "封顶", "摘牌")
#: Verbs that say a thing is started.
START_VERBS: tuple[str, ...] = ("开工", "启动")
#: Verbs that say a qualitative promise is finished (or started) by a date.
COMPLETION_VERBS: tuple[str, ...] = FINISH_VERBS + START_VERBS

_CUE = re.compile(r"今年|明年|年内|全年要|要|将|拟|确保|力争|争取|预期|目标|计划|力求|努力|务必")
_EXPLAIN = re.compile(r"考虑了?|兼顾|表明|体现了?|意味着|有利于|可以实现|就能够|能够实现|主要是|"
                      r"主要基于|之所以")
_HORIZON = re.compile(r"到((?:19|20)\d\d)年|((?:19|20)\d\d)年前|今后五年|今后几年|"
                      r"今后一个时期|"
                      r"到(一九[〇零一二三四五六七八九]{2})年|"
                      r"第([一二三四五六七八九十]+)个五年计划|"
                      r"“?十([一二三四五六])五”?时期|“?十([一二三四五六])五”?期间|今明两年|"
                      r"(?:再|今后)连续[两三]年")
_BARE_DIRECTION = re.compile(r"^(?:要|并|同时|继续|进一步|大力|积极|着力|全力|切实|不断|持续)*"
                             r"(?:加快|推进|深化|加强|推动|促进|完善|健全|提升|优化|坚持|强化|"
                             r"深入|扎实|稳步|扩大|支持|鼓励|发展|落实|抓好|做好|打造|培育)")
_NAMED = re.compile(r"[A-Za-z0-9]|“[^”]{2,}”|《[^》]+》|项目|工程|地块|片区|园区|产业园|公园|"
                    r"[园馆站桥港厂楼]"
                    r"|医院|学院|学校|大道|[^路]路|线路|铁路|基地|新城|中心|平台|大厦|试点|方案|条例|"
                    r"办法|规划|制度|改革|机构|清单|体系|法律|法规|收储")
_CLAUSE_SPLIT = re.compile(r"[，,：:；;。！？!?\n]")
_SENT_SPLIT = re.compile(r"[。！？!?；;\n]")
_FILLER_HEAD = ("今年", "全年", "年内", "为此", "要", "再", "拟", "将", "并", "同时", "其中", "把",
                "确保", "力争", "争取", "努力", "务必", "继续", "进一步", "预期", "实现", "完成",
                "但", "而",
                "安排", "保持", "主要预期目标是", "发展的主要预期目标是", "主要目标是")
_FILLER_TAIL = ("控制在", "保持在", "稳定在", "提高到", "增加到", "扩大到", "不低于", "不少于",
                "不超过",
                "不高于", "要", "拟", "将", "预期",
                "力争", "再", "定在", "达到", "为", "按", "在")



#: Words that say nothing about what is measured (budget boilerplate included).
GENERIC_WORDS = re.compile(
    r"今年|全年|去年|比上年|比去年|增长|提高|下降|降低|减少|增加|新增|完成|实现|达到|以上|左右|以内|"
    r"中央财政|安排|资金|投入|用于|支出|累计|分别|整体|总体|[要再拟将的和等约近共了]")


def residual(metric: str) -> str:
    """What a metric name says once generic words are dropped.

    >>> residual("中央财政拟投入")
    ''
    >>> residual("中央财政科技投入")
    '科技'
    """
    return "".join(c for c in GENERIC_WORDS.sub("", metric)
                   if "\u4e00" <= c <= "\u9fff" or c.isalnum())


# -- sentences and clauses ----------------------------------------------------

def _past_sentence(year: int | None) -> re.Pattern[str]:
    """A sentence about the past: 过去一年, 去年, or the year before the plan year."""
    prev = rf"|{_COMPARED}{year - 1}年(?!以来)" if year else ""
    return re.compile(r"过去一年|过去五年|一年来|五年来|" + _COMPARED + r"去年|"
                      + _COMPARED + r"(?<![础面])上年(?![度均])" + prev)


#: 比去年, 较上年, 由去年的1076亿元增加到: last year is what a figure is compared with or
#: starts from, the figure itself is this year's (中央财政安排补助资金101亿元，比去年增加58亿元).
_COMPARED = r"(?<![比较由同])"


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    s = start
    for m in _SENT_SPLIT.finditer(text, start, end):
        if m.start() > s:
            yield s, m.start() + (0 if m.group() == "\n" else 1)
        s = m.end()
    if s < end:
        yield s, end


def _sentence_at(text: str, pos: int, start: int, end: int) -> tuple[int, int]:
    for s, e in _sentences(text, max(start, text.rfind("\n", start, pos) + 1), end):
        if s <= pos < e:
            return s, e
    return pos, pos


def _clauses(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    s = start
    for m in _CLAUSE_SPLIT.finditer(text, start, end):
        if m.start() > s:
            yield s, m.start()
        s = m.end()
    if s < end:
        yield s, end


def _clause_at(text: str, pos: int, start: int, end: int) -> tuple[int, int]:
    for s, e in _clauses(text, start, end):
        if s <= pos < e:
            return s, e
    return start, end



def _lead_sentence(text: str, pos: int) -> str:
    """The first sentence of the paragraph holding ``pos`` (a horizon there covers it all)."""
    s = text.rfind("\n", 0, pos) + 1
    m = _SENT_SPLIT.search(text, s)
    return text[s:m.start() if m else len(text)]



# -- strength and due years ---------------------------------------------------

def _strength(prefix: str) -> str | None:
    """The commitment word nearest before the end of ``prefix`` (the sentence up to the clause)."""
    best: tuple[int, int, str] | None = None
    for rank, w in enumerate(STRENGTHS):
        i = prefix.rfind(w)
        if i >= 0 and (best is None or i + len(w) > best[0] or
                       (i + len(w) == best[0] and rank < best[1])):
            best = (i + len(w), rank, w)
    return best[2] if best else None


_FYP_END = {"一": 2010, "二": 2015, "三": 2020, "四": 2025, "五": 2030, "六": 2035}


def _due(sentence: str, paragraph: str, part_title: str, year: int | None) -> int | None:
    """The year a promise is due: a later year named in its sentence, paragraph or part."""
    for scope in (sentence, paragraph, part_title):
        m = _HORIZON.search(scope)
        if not m:
            continue
        if m.group(1) or m.group(2) or m.group(3):
            y = (int(m.group(1) or m.group(2)) if not m.group(3)
                 else int(parse_chinese(m.group(3)) or 0))
            return y if year is None or y >= year else year
        if m.group(4):  # 第一个五年计划 (1953-1957) … 第十个五年计划 (2001-2005)
            n = int(parse_chinese(m.group(4)) or 0)
            end = 1957 + 5 * (n - 1) if n <= 2 else 1970 + 5 * (n - 3)
            return end if year is None or end >= year else year
        if m.group(5) or m.group(6):
            return _FYP_END[m.group(5) or m.group(6)]
        if year is None:
            return None
        word = m.group(0)
        return year + (1 if "两年" in word else 2 if "三年" in word else 4)
    return year


def _clause_due(clause: str, sentence_due: int | None, year: int | None) -> int | None:
    """A clause naming its own horizon wins; ``今年``/``年内`` pin it to the plan year."""
    own = _HORIZON.search(clause)
    if own:
        return _due(clause, "", "", year)
    if re.search(r"今年|年内|全年|当年", clause):
        return year
    return sentence_due



# -- metric cleaning ------------------------------------------------------------

#: Enumeration words that open an item of a list: 一是, 第二, 其次 (never part of a metric).
ENUMERATION = re.compile(r"^\s*(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+(?:是|，|、)|"
                         r"首先|其次|再次|最后|另外|此外)[，、：\s]*")


def _clean_metric(phrase: str, f: Figure) -> str:
    # 今年拟从去年超收收入中安排500亿元: where the money comes from is not the metric
    phrase = re.sub(r"^(?:为此)?(?:今年)?(?:拟|将)?从[^，；]*?中(?=安排|拿出|划出|调入)", "",
                    phrase)
    s = re.sub(r"^.*?(?:目标是|目标为)", "", phrase).strip(" ，、：；“”")
    s = ENUMERATION.sub("", s)
    s = re.sub(r"^在[^，；]*?基础上", "", s)  # 在明显提高质量和效益的基础上年均增长7%
    if len(residual(re.sub(r"年均|平均", "", s))) < 2:
        # 今年经济增长预期目标为7%左右, 经济增长预期目标是……年均增长7%: the metric is before 目标
        s = re.sub(r"(?:预期)?(?:增长)?目标(?:定)?(?:[是为在].*)?$", "",
                   phrase).strip(" ，、：；“”")
        s = re.sub(r"^.*?(?:提出|确定)", "", s) or s
    changed = True
    while changed and s:
        changed = False
        for w in _FILLER_HEAD:
            if s.startswith(w) and len(s) > len(w):
                s, changed = s[len(w):], True
        for w in _FILLER_TAIL:
            if s.endswith(w) and len(s) > len(w):
                s, changed = s[: -len(w)], True
    s = re.sub(r"^今后五年|(?:累计)?将达到?$", "", s) or s  # 今后五年……经费累计将达2182亿元
    bare = re.sub(r"目标(?:拟定|确定|设定|定)?$", "", s)  # 广义货币M2预期增长目标拟定为13%左右
    if bare != s and len(residual(bare)) >= 2:
        s = bare
    s = re.sub(r"(?:(?:都要|要再|要|将|拟|再|预期|力争|都)(?:分别)?|分别)(?=(?:增长|下降|降低|减少|"
               r"提高|增加|上涨|压减|压缩|削减)$)", "", s)
    s = re.sub(r"(?:下降|降低|降|提高|增加|扩大|上升)(?:到|至)$", "", s) or s
    return s.strip(" ，、：；“”")



# -- qualitative promises ------------------------------------------------------

def _verb_groups(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a clause at 、 after each piece that holds a completion verb.

    ``确保武大科技园等项目挂牌、百一光电等项目开工建设`` gives two promises;
    ``省妇幼片区改造、地大双创中心等项目全面开工`` stays one.
    """
    out: list[tuple[int, int]] = []
    s = start
    for m in re.finditer("、", text[start:end]):
        cut = start + m.start()
        if any(v in text[s:cut] for v in COMPLETION_VERBS) and any(
                v in text[cut + 1:end] for v in COMPLETION_VERBS):
            out.append((s, cut))
            s = cut + 1
    out.append((s, end))
    return out


def _unquote(clause: str) -> str:
    """Strip spaces, and quotation marks that have no partner inside the clause.

    >>> _unquote("适时启动“深港通”"), _unquote("“放管服”改革"), _unquote("“建成新城”")
    ('适时启动“深港通”', '“放管服”改革', '建成新城')
    """
    body = clause.strip(" ")
    if body.startswith("“") and body.endswith("”") and body.count("“") == body.count("”") == 1:
        body = body[1:-1]
    while body.startswith("“") and body.count("“") > body.count("”"):
        body = body[1:]
    while body.endswith("”") and body.count("”") > body.count("“"):
        body = body[:-1]
    return body.strip(" ")


#: A year or a date names no object: 西部地区于2020年完成.
_DATE = re.compile(r"(?:19|20)\d\d年(?:底|前|末|内)?|\d{1,2}月(?:底|份)?|\d{1,2}日")


def _qualitative(clause: str) -> dict[str, Any] | None:
    body = ENUMERATION.sub("", _unquote(clause))
    if len(body) < 6 or re.search(r"\d+(?:\.\d+)?\s*(?:%|万|亿)", body):
        return None
    if re.match(r"^[^，。]{0,12}?是", body) or re.search(r"关键一年|之年$", body):
        return None  # a description (2020年是……关键一年), not a commitment
    if re.search(r"上下(?:更大|足|真)?功夫$|围绕[^，。]*目标$", body):
        return None  # 在……落地见效上下功夫, 围绕全面建成小康社会奋斗目标: nothing to finish
    verb = next((v for v in COMPLETION_VERBS if v in body), None)
    if verb is None:
        return None
    head = body[:body.find(verb)]
    after = body[body.find(verb) + len(verb):]
    if after.startswith(("的", "攻坚", "难", "障碍")):
        return None  # 突破影响项目落地的障碍, 狠抓项目落地攻坚: the verb only qualifies a noun
    if _BARE_DIRECTION.match(body) and not head.endswith(("确保", "力争", "争取")) \
            and not re.search(r"(?:确保|力争|争取|年内|今年|全面)", head):
        return None  # 加快/推进 … with a completion verb only in passing
    obj = body if len(head) < 2 else head
    if not _NAMED.search(_DATE.sub("", obj)) and not _NAMED.search(_DATE.sub("", after)):
        return None  # (高质量完成国家生态园林城市创建任务: the name follows the verb;
        # 西部地区于2020年完成: a date is not a name, the object is in another sentence)
    metric = re.sub(r"^(?:今年|年内|全年|要|并|同时|确保|力争|争取|务必|努力)+", "", body)
    return {"kind": "qualitative", "metric": metric, "target": None}


# -- policies with a start date or a full scope ----------------------------------

#: Policy verbs: a rule that is introduced, extended or lifted.  Not completion verbs,
#: but checkable when the plan gives a start date or the full scope (the review says
#: whether it was done): 从今年秋季起全面免除城市义务教育学杂费.
POLICY_VERBS: tuple[str, ...] = ("全面推开", "推开", "免除", "免征", "取消", "停征", "废止",
                                 "实行", "实施", "推行", "提高")
#: Verbs that lift or roll out a rule: enough with a full scope (全部免除, 在全国范围内推开).
_SCOPE_VERBS = ("全面推开", "推开", "免除", "免征", "取消", "停征", "废止")
_START = re.compile(r"(?:从|自)[^，。；]{1,12}?(?:起|开始)")
_FULL_SCOPE = re.compile(r"(?:在)?全国[^，。；]{0,8}?(?:范围内)?|全部|全面|普遍|一律")
#: What a start date makes checkable for 提高: a rate or an amount of money.
_LEVEL = re.compile(r"标准|养老金|工资|补贴|补助|津贴|价格|收购价|税率|费率|起征点")


def _policy(clause: str, prefix: str) -> tuple[int, dict[str, Any]] | None:
    """A policy clause with a start date or a full scope, as a qualitative promise.

    ``prefix`` is the sentence before the clause (a start date or the subject may be
    there: 三是从今年1月1日起，再连续三年进一步提高企业退休人员基本养老金水平;
    农村税费改革试点在……基础上，在全国范围内推开).  Returns how many characters of
    ``prefix`` the promise takes in (the subject) and its fields.

    >>> _policy("从今年秋季起全面免除城市义务教育学杂费", "")[1]["metric"]
    '从今年秋季起全面免除城市义务教育学杂费'
    >>> _policy("全面实施素质教育", "") is None
    True
    """
    body = ENUMERATION.sub("", _unquote(clause))
    if len(body) < 6 or re.search(r"\d+(?:\.\d+)?\s*(?:%|万|亿)", body):
        return None
    verb = next((v for v in POLICY_VERBS if v in body), None)
    if verb is None or re.search(r"(?:之后|以后|后)$", body) or re.match(r"这是|是继|继", body):
        return None  # 全部取消农业税后, 这是继全部免除……之后: a time clause, not a promise
    at = body.find(verb)
    head, after = body[:at], body[at + len(verb):]
    if after.startswith(("的", "了")):
        return None  # 取消的项目: the verb qualifies a noun
    dated = _START.search(head) or _START.search(prefix)
    scoped = verb in _SCOPE_VERBS and _FULL_SCOPE.search(head)
    if not (dated or scoped):
        return None
    take = 0
    if verb in ("推开", "全面推开") and len(residual(_DATE.sub("", after))) < 2:
        # the object is before the verb; when the clause has none, the sentence's subject
        obj = re.sub(r"在[^，。；]*?(?:全国|范围内|基础上)", "", head)
        if len(residual(obj)) < 2 or not _NAMED.search(obj):
            first = re.split(r"[，：]", prefix)[0] if prefix else ""
            subject = re.sub(r"在[^，。；]*?基础上$", "", first)
            if not _NAMED.search(subject) or len(residual(subject)) < 2:
                return None
            take = len(prefix)
            body = subject + body
    else:
        if len(residual(after)) < 2:
            return None
        if verb in ("实行", "实施", "推行") and not _NAMED.search(after) \
                and not re.search(r"费|税|价|补贴|补助", after):
            return None  # 从今年起实施更加积极的就业政策: nothing named to check
        if verb == "提高" and not _LEVEL.search(after):
            return None  # 从今年起进一步提高教育质量: no rate or amount
    metric = re.sub(r"^(?:今年|年内|全年|要|并|同时|确保|力争|争取|务必|努力|再)+", "", body)
    return take, {"kind": "qualitative", "metric": metric, "target": None}
