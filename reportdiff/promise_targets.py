"""Promise targets: which figures of a plan part are targets, and what they commit to.

Internal to the promises module.  :func:`_quantitative` decides whether a
figure of the plan part is a target – not a fact about the past (已设立,
比去年增加), an estimate (预计), a forecast of what the government does not
deliver (将达727万人), a number inside a quoted name (“三个1亿人”) or a size
class (30万千瓦以下机组) – and gives it a metric (:func:`_respective` pairs the
items of ``A、B分别下降x、y``), an operator (:func:`target_op`) and a
direction (a cut or a rise).  The words it cleans metrics with are in
:mod:`reportdiff.promise_rules`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from .metrics import is_decrease
from .promise_rules import _BARE_DIRECTION, ENUMERATION, _clause_at, _clean_metric, residual

if TYPE_CHECKING:  # pragma: no cover
    from .figures import Figure
    from .promises import Op
    from .report import Report


_AT_LEAST = ("不低于", "不少于", "至少", "超过", "突破", "高于")
_AT_MOST = ("不超过", "不高于", "控制在", "低于", "少于")
_PAST = re.compile(r"已经|已[设建有达实经完成]|(?<![比较由同])去年|"
                   r"(?<![础面比较由同])上年(?![度均])|过去|五年来|累计|曾|前几年")
#: This year's action named before a past word: 今年拟从去年超收收入中安排500亿元 (last year is
#: where the money comes from, the budget line is this year's).
_NOW_BEFORE = re.compile(r"今年|明年|拟|将")
_FORECAST = re.compile(r"将[高]?达|将超过|历史最高|历史新高|^这将使")
_FUTURE = re.compile(r"今后|将|到20\d\d年|要")
#: Money the government spends is delivered by it: 支出总额将达到664亿元 is a commitment.
_BUDGET = re.compile(r"财政|预算|支出|投入|资金|拨款")
#: A metric that names only an attribute takes its subject from the clause before:
#: 扎实推进新型农村社会养老保险试点，试点范围扩大到23%的县.
_ATTRIBUTE = re.compile(r"(?:试点)?(?:范围|覆盖面|覆盖率|规模|比重|比例|占比|标准|水平)")
#: What a plan does to the things it counts: 592个……县免征农业税, 在100个城市开展试点.
_ACTION = re.compile(r"免征|免除|开展|实施|推行|推广|试点|覆盖|纳入|改造|新建|建成|取消|减免|补助|"
                     r"开工|安置|搬迁|培训|资助")
_ESTIMATE = re.compile(r"^(?:今年|全年)?预计(?!数)")


# -- operators -----------------------------------------------------------------

def target_op(before: str, qualifier: str, *, is_range: bool = False) -> Op:
    """The operator of a target from the words before the number and its qualifier.

    >>> target_op("城镇新增就业", "以上")
    '>='
    >>> target_op("居民消费价格涨幅控制在", "左右")
    '~'
    >>> target_op("城镇登记失业率控制在", "")
    '<='
    >>> target_op("国内生产总值增长", "", is_range=True)
    'range'
    """
    if is_range:
        return "range"
    if any(w in qualifier for w in ("左右", "上下", "约")):
        return "~"
    if any(w in qualifier for w in ("以上", "不低于", "不少于", "至少", "超过", "突破")):
        return ">="
    if any(w in qualifier for w in ("以内", "以下", "之内", "不超过")):
        return "<="
    tail = before[-6:]
    if any(tail.endswith(w) or w in tail for w in _AT_MOST):
        return "<="
    if any(tail.endswith(w) or w in tail for w in _AT_LEAST):
        return ">="
    return "="


# -- quantitative promises -----------------------------------------------------

def _quantitative(report: Report, f: Figure, vs: int, ve: int, ss: int, se: int,
                  items: list[tuple[Figure, tuple[int, int]]],
                  synonyms: Mapping[str, Sequence[str]] | None,
                  ) -> tuple[tuple[int, int], dict[str, Any]] | None:
    """The promise a figure of the plan sentence ``ss:se`` makes, or ``None``.

    Returns the promise's normalised span and its fields; ``target`` holds the
    keyword arguments of a :class:`~reportdiff.promises.Target`.
    """
    text = report.text
    if f.kind == "rank":
        return None
    cs, ce = _clause_at(text, vs, ss, se)
    clause = text[cs:ce]
    before = text[cs:vs]
    past = _PAST.search(clause)
    if past and past.group() == "累计" and _FUTURE.search(clause):
        past = None  # 今后五年……新增义务教育经费累计将达2182亿元: a total still to come
    if (past and past.group() in ("去年", "上年") and _BUDGET.search(clause)
            and _NOW_BEFORE.search(clause, 0, past.start())):
        past = None  # 今年拟从去年超收收入中安排500亿元: this year's budget line
    if past or _ESTIMATE.search(clause) or (
            _FORECAST.search(clause) and not _BUDGET.search(clause)):
        return None
    if re.search(r"比(?:去年|上年|20\d\d年)", before):
        return None
    if re.search(r"(?:现行|目前|现有|原有|原来)[^，。；0-9]{0,8}$", before):
        return None  # 将制造业等行业现行16%的税率降至13%: 16% is where it starts
    if re.fullmatch(r"[\s“]*(?:近|约|将近|大约|逾)?", before) and re.match(r"[^，。；]{0,4}的",
                                                                          text[ve:ce]):
        return None  # 近14亿中国人的饭碗: a number describing a noun, not a target
    # a number inside a quoted name: “三个1亿人”, “四两拨千斤”
    if before.count("“") > before.count("”"):
        return None
    if f.from_value is not None and f.kind == "change" and not before.strip():
        return None
    written = report.source_text[f.value_span[0]:f.value_span[1]]
    if not re.match(r"[\s\u200b]*[0-9０-９]", written) and "分之" not in written:
        return None  # Chinese numerals in a plan are names and idioms (二元结构, 十三亿人)
    if before.rstrip().endswith("把"):
        return None  # no subject: 把13亿中国人的饭碗……
    if not _clean_metric(before, f):
        # the count is the subject: 592个国家扶贫开发工作重点县免征农业税
        after = text[ve:ce]
        if not (f.kind == "count" and 4 <= len(residual(after)) and _ACTION.search(after)):
            return None
    # sub-clause: several figures joined by 、 in one clause give one promise each
    same = sorted((v for g, v in items if cs <= v[0] < ce), key=lambda v: v[0])
    ps, pe = cs, ce
    if len(same) > 1 and "分别" not in clause:
        k = same.index((vs, ve)) if (vs, ve) in same else 0
        prev_end = same[k - 1][1] if k > 0 else cs
        cut = text.rfind("、", prev_end, vs)
        ps = cut + 1 if cut >= 0 and k > 0 else cs
        nxt = same[k + 1][0] if k + 1 < len(same) else ce
        cut2 = text.find("、", ve, nxt)
        pe = cut2 if cut2 >= 0 and k + 1 < len(same) else ce
    while ps < pe and text[ps] in " “":
        ps += 1
    if _size_class(text[cs:vs], text[ve:ce]):
        return None  # 淘汰关停不达标的30万千瓦以下煤电机组: a size class, not a target
    metric = _clean_metric(text[ps:vs], f)
    each = _respective(text, cs, vs, same, f)
    if each:
        metric = each
    if f.from_value is not None:  # 由每人每年420元提高到450元: a level, from a base
        metric = re.sub(r"(?:由|从)[^由从]*$", "", metric) or metric
    after = text[ve:pe]
    if metric.endswith("等") and f.kind == "count" and len(residual(after)) >= 2:
        # 确保铁园路、白沙西路等15条道路开工建设: the names are examples; what is promised
        # is the work on the things counted
        metric = re.sub(r"^(?:多|余)?(?:以上|以内|以下|左右)?的?", "", after).strip()
    if len(metric) < 3 or len(residual(metric)) < 2:
        tail = re.sub(r"^(?:多|余)?(?:以上|以内|以下|左右|之内)?的?", "", after)
        tail = re.sub(r"(?:问题|任务|等)+$", "", tail)
        metric = (metric + tail).strip()
    if (len(metric) <= 3 or len(residual(re.sub(r"人均|每年|平均|年均", "", metric))) < 2
            or _ATTRIBUTE.fullmatch(residual(metric))):
        comma = text.rfind("，", ss, max(ss, cs - 1))
        prev = text[comma + 1 if comma >= 0 else ss:max(ss, cs - 1)]
        prev = _BARE_DIRECTION.sub("", prev.strip(" ，“”"))
        prev = re.sub(r"^(?:今明两年|今年|明年|年内)?(?:要)?(?:继续|进一步)?", "", prev)
        prev = re.sub(r"^(?:实施|开展|加大|推进|提高|增加|提升)", "", prev)
        prev = re.sub(r"(?:建设力度|力度|工作|建设)$", "", prev)
        if 2 <= len(prev) <= 12 and not re.search(r"\d", prev):
            metric = prev + metric
    if f.from_value is not None:  # 投入，将由去年的1076亿元增加到1562亿元: the subject, no base
        metric = re.sub(r"(?:由|从)[^由从]*$", "", metric) or metric
        metric = re.sub(r"[将要拟再]+$", "", metric) or metric
    metric = ENUMERATION.sub("", metric)  # 三是…，免征范围扩大到: the subject without 三是
    if len(metric) < 2:
        return None
    is_range = f.low is not None and f.high is not None
    op = target_op(text[cs:vs], f.qualifier + text[ve:ve + 3], is_range=is_range)
    direction: Literal["up", "down"] | None = None
    if f.from_value is not None or re.search(r"(?:到|至)$", text[cs:vs]):
        direction = None  # 提高到450元, 下降到1.5%: a level
    elif f.direction:
        direction = "down" if is_decrease(f.direction) else "up"
    elif "涨幅" in metric or "增速" in metric:
        direction = "up"
    elif re.search(r"(?:下降|降低|减少|压减|削减|退出|淘汰)$", text[cs:vs]):
        direction = "down"  # (下降到 is a level, not a cut)
    target = {"op": op, "value": f.low if is_range else f.value, "unit": f.unit,
              "low": f.low if is_range else None, "high": f.high if is_range else None,
              "direction": direction, "qualifier": f.qualifier}
    key = _base_key(metric, synonyms)
    return (ps, pe), {"kind": "quantitative", "metric": metric, "target": target,
                      "metric_key": key}




#: Modifiers that a list of metrics shares when the first item carries them:
#: 单位国内生产总值用水量、能耗、二氧化碳排放量 (each per unit of GDP).
_SHARED_HEAD = re.compile(r"^(?:单位(?:国内|地区)生产总值|单位GDP|"
                          r"万元(?:国内|地区)?生产总值|万元GDP|"
                          r"人均|每万人|每千人)")


def _respective(text: str, cs: int, vs: int, same: list[tuple[int, int]], f: Figure) -> str:
    """The metric of one figure of ``A、B、C分别下降x、y、z``: item k with the verb.

    The k-th figure after ``分别`` belongs to the k-th item listed before it; a
    modifier of the first item that says how all are measured (单位国内生产总值,
    人均) is given to the others.  Empty when the list and the figures do not
    pair up.

    >>> from reportdiff import Report
    >>> r = Report.from_text("一、2016年工作回顾\\n去年很好。\\n二、2017年工作安排\\n"
    ...     "单位国内生产总值用水量、能耗分别下降23%、15%。\\n", check=False)
    >>> [p.metric for p in r.promises]
    ['单位国内生产总值用水量下降', '单位国内生产总值能耗下降']

    Short parallel modifiers share the noun of the last item:

    >>> r = Report.from_text("一、2008年工作回顾\\n去年很好。\\n二、2009年工作安排\\n"
    ...     "把小学、初中学生人均公用经费分别提高到300元和500元。\\n", check=False)
    >>> [p.metric for p in r.promises]
    ['小学学生人均公用经费提高', '初中学生人均公用经费提高']
    """
    fb = text.rfind("分别", cs, vs)
    if fb < 0:
        return ""
    after = sorted(v for v in same if v[0] > fb)
    if len(after) < 2:
        return ""
    k = next((i for i, v in enumerate(after) if v[0] == vs), -1)
    head = _clean_metric(text[cs:fb], f)
    items = [x.strip(" “”") for x in head.split("、") if x.strip(" “”")]
    if len(items) == len(after) - 1 and items:
        last = re.split(r"以及|和|及|与", items[-1], maxsplit=1)
        items = items[:-1] + [x for x in last if x]
    verb = re.sub(r"(?:到|至)$", "", re.match(r"[\u4e00-\u9fff]*",
                                                 text[fb + 2:after[0][0]]).group())
    if k < 0 or len(items) != len(after):
        # 城乡低保人均补助标准分别提高5%和8%: no list to pair with, the subject for each
        return head + verb if len(items) == 1 and len(residual(head)) >= 2 else ""
    item = items[k]
    shared = _SHARED_HEAD.match(items[0])
    if k > 0 and shared and not _SHARED_HEAD.match(item):
        item = shared.group() + item
    last = items[-1]
    if k < len(items) - 1 and len(items[0]) <= 3 and len(last) >= len(items[0]) + 3:
        # 小学、初中学生人均公用经费: short parallel modifiers share the last item's noun
        item += last[len(item):]
    return item + verb


def _size_class(before: str, after: str) -> bool:
    """Is the number a size class of the things named after it (``的30万千瓦以下煤电机组``)?

    A number followed by 以下/以上 and a noun, after ``的`` or a verb of removal
    (淘汰, 关停, 关闭, 取缔, 拆除), says which things are meant, not how many.

    >>> _size_class("淘汰关停不达标的", "以下煤电机组"), _size_class("城镇新增就业", "以上")
    (True, False)
    >>> _size_class("改造", "以上农村公路")
    False
    """
    m = re.match(r"(?:及以上|以上|及以下|以下)([\u4e00-\u9fff]{2,})", after)
    if not m or m.group(1).startswith(("的", "目标", "水平", "左右")):
        return False
    return bool(re.search(r"(?:的|淘汰|关停|关闭|取缔|拆除)$", before.rstrip()))


def _base_key(metric: str, synonyms: Mapping[str, Sequence[str]] | None) -> str:
    from .metrics import metric_key

    return metric_key(metric, synonyms=synonyms)
