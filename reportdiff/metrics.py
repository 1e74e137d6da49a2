"""Units, base units and the metric synonym table.

Two tables drive the figures module:

* :data:`UNITS` — every unit word a figure may carry, with its base unit and
  factor (``平方公里`` is ``1e6 ㎡``).  A magnitude written before the unit
  (``万``, ``亿``, ``万亿`` …) multiplies the factor: ``万户`` → ``1e4 户``.
* :data:`SYNONYMS` — canonical metric keys and the names reports use for them
  (``国内生产总值``, ``地区生产总值``, ``GDP`` → ``gdp``).  Users extend it
  by passing their own mapping as ``synonyms=`` to
  :func:`reportdiff.figures.extract_figures` (merged over the default).

>>> to_base(1.97, "万户")
(19700.0, '户')
>>> to_base(6.6, "%")
(6.6, '%')
>>> metric_key("地区生产总值增长", kind="growth")
'gdp_growth'
>>> metric_key("单位国内生产总值能耗下降", kind="growth")
'energy_intensity_growth'
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from .numerals import MAGNITUDES

__all__ = [
    "COUNT_UNITS",
    "DIRECTIONS",
    "JUNK_METRICS",
    "SYNONYMS",
    "UNITS",
    "balance_marks",
    "dimension",
    "metric_key",
    "strip_metric",
    "to_base",
    "unit_info",
]

#: unit -> (base unit, factor).  The base unit of a dimension is listed first.
UNITS: dict[str, tuple[str, float]] = {
    # percent-like
    "%": ("%", 1.0), "个百分点": ("个百分点", 1.0), "百分点": ("个百分点", 1.0),
    "‰": ("%", 0.1), "成": ("%", 10.0), "倍": ("倍", 1.0), "番": ("番", 1.0),
    # money
    "元": ("元", 1.0), "美元": ("美元", 1.0), "欧元": ("欧元", 1.0), "港元": ("港元", 1.0),
    # area
    "㎡": ("㎡", 1.0), "平方米": ("㎡", 1.0), "平米": ("㎡", 1.0), "平方公里": ("㎡", 1e6),
    "平方千米": ("㎡", 1e6), "公顷": ("㎡", 1e4), "亩": ("㎡", 2000 / 3),
    # length
    "米": ("米", 1.0), "公里": ("米", 1000.0), "千米": ("米", 1000.0),
    # mass, volume, energy, power
    "吨": ("吨", 1.0), "千克": ("吨", 0.001), "公斤": ("吨", 0.001), "斤": ("吨", 0.0005),
    "立方米": ("立方米", 1.0), "方": ("立方米", 1.0), "吨标准煤": ("吨标准煤", 1.0),
    "千瓦时": ("千瓦时", 1.0), "度": ("千瓦时", 1.0), "千瓦": ("千瓦", 1.0),
    "标准箱": ("标准箱", 1.0), "标箱": ("标准箱", 1.0), "兆瓦": ("千瓦", 1000.0),
    "微克/立方米": ("微克/立方米", 1.0), "毫克/升": ("毫克/升", 1.0),
    # people and households
    "人次": ("人次", 1.0), "人口": ("人", 1.0), "人": ("人", 1.0), "名": ("人", 1.0),
    "位": ("人", 1.0),
    "户": ("户", 1.0), "家": ("家", 1.0),
    # time
    "年": ("年", 1.0), "小时": ("小时", 1.0), "个小时": ("小时", 1.0), "天": ("天", 1.0),
    "个工作日": ("工作日", 1.0),
    "工作日": ("工作日", 1.0), "个月": ("月", 1.0), "岁": ("岁", 1.0), "分钟": ("分钟", 1.0),
    # counted things (classifiers)
    "个": ("个", 1.0), "项": ("项", 1.0), "所": ("所", 1.0), "座": ("座", 1.0),
    "套": ("套", 1.0), "间": ("间", 1.0), "张": ("张", 1.0), "辆": ("辆", 1.0),
    "台": ("台", 1.0), "条": ("条", 1.0), "处": ("处", 1.0), "件": ("件", 1.0),
    "次": ("次", 1.0), "场": ("场", 1.0), "宗": ("宗", 1.0), "笔": ("笔", 1.0),
    "棵": ("棵", 1.0), "株": ("株", 1.0), "头": ("头", 1.0), "艘": ("艘", 1.0),
    "架": ("架", 1.0), "颗": ("颗", 1.0), "栋": ("栋", 1.0), "盏": ("盏", 1.0),
    "块": ("块", 1.0), "支": ("支", 1.0), "部": ("部", 1.0), "批": ("批", 1.0),
    "床": ("张", 1.0), "批次": ("批次", 1.0), "剂次": ("剂次", 1.0), "剂": ("剂", 1.0),
    "篇": ("篇", 1.0), "册": ("册", 1.0), "门": ("门", 1.0),
    "种": ("种", 1.0), "份": ("份", 1.0), "只": ("只", 1.0), "根": ("根", 1.0),
}

#: Units that count discrete things (a figure in them is of kind ``count``).
COUNT_UNITS = frozenset(
    ["户", "家", "人", "人次", "名", "位", "个", "项", "所", "座", "套", "间", "张", "辆", "台",
     "条", "处", "件", "次", "场", "宗", "笔", "棵", "株", "头", "艘", "架", "颗", "栋", "盏",
     "块", "支", "部", "批", "床", "篇", "册", "种", "份", "只", "批次", "剂次", "剂", "门"]
)

#: Direction words, longest first (a direction word before a number gives ``direction``).
DIRECTIONS: tuple[str, ...] = (
    "同比增长", "同比下降", "增长", "增加", "增速", "上涨", "上升", "提高", "提升", "扩大",
    "下降", "降低", "减少", "回落", "下调", "上调", "压减", "压缩", "缩小", "缩短", "削减",
    "调减", "调增", "精简", "缩减", "减产", "增产", "新增", "净增", "净减", "增", "降", "减",
    "涨", "升", "翻",
)

_DECREASE = ("下降", "降低", "减少", "回落", "下调", "压减", "压缩", "缩小", "缩短", "削减",
             "调减", "精简", "缩减", "减产", "净减", "降", "减")

#: canonical key -> names used for the metric (matched at the end of a metric phrase).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "gdp": ("国内生产总值", "地区生产总值", "生产总值", "GDP", "经济总量", "经济增速",
            "经济增长", "生产总值总量", "地区生产总值总量"),
    "energy_intensity": ("单位国内生产总值能耗", "单位地区生产总值能耗", "单位GDP能耗",
                         "单位生产总值能耗"),
    "fiscal_revenue": ("地方一般公共预算收入", "一般公共预算收入", "地方财政收入",
                       "财政收入", "全国财政收入", "地方一般预算收入"),
    "fiscal_deficit": ("财政赤字", "赤字率"),
    "cpi": ("居民消费价格", "居民消费价格涨幅", "CPI"),
    "fixed_investment": ("固定资产投资", "全社会固定资产投资"),
    "retail_sales": ("社会消费品零售总额", "社会消费品零售额"),
    "urban_jobs": ("城镇新增就业", "新增城镇就业", "城镇新增就业人口", "城镇新增就业人数"),
    "unemployment_survey": ("城镇调查失业率", "调查失业率"),
    "unemployment_registered": ("城镇登记失业率", "登记失业率"),
    "disposable_income": ("居民人均可支配收入", "人均可支配收入"),
    "urban_income": ("城镇居民人均可支配收入", "城镇常住居民人均可支配收入"),
    "rural_income": ("农村居民人均可支配收入", "农民人均纯收入", "农村居民人均纯收入",
                     "农村常住居民人均可支配收入"),
    "trade": ("货物进出口总额", "进出口总额", "外贸进出口", "进出口"),
    "fdi": ("实际使用外资", "实际利用外资", "实际使用外商直接投资", "实际利用外商直接投资"),
    "rural_poor": ("农村贫困人口", "贫困人口"),
    "grain_output": ("粮食产量", "粮食总产量"),
    "m2": ("广义货币", "M2"),
    "new_market_entities": ("新增市场主体", "新登记市场主体", "新设市场主体"),
    "industrial_value_added": ("规模以上工业增加值", "规上工业增加值", "工业增加值"),
    "urbanization": ("常住人口城镇化率", "城镇化率"),
    "rd_intensity": ("研究与试验发展经费支出", "研发经费投入强度"),
    "service_share": ("服务业增加值比重", "服务业比重", "第三产业比重"),
}

_LEAD = ("全年", "全区", "全市", "全省", "全国", "我国", "我区", "我市", "我省", "预计", "完成",
         "其中", "共", "累计", "今年", "去年", "当年", "年内", "力争", "实现", "——", "—",
         "比上年", "比去年", "同比", "将", "把", "主要预期目标是", "预期目标是", "目标是",
         "预期目标",
         "主要是", "还", "又", "已有", "已经", "已", "要", "先后", "总计", "共计", "共有", "为此",
         "由于", "比上年末", "比上年底", "比去年末", "比去年底", "比上年同期", "较上年", "较去年",
         "但是", "但", "首次", "有望", "比去年同期")
_TRAIL = ("实际", "名义", "同比", "比上年", "比去年", "分别", "年均", "平均", "全年",
          "累计", "达到", "达", "为", "是", "了", "共", "约", "近", "超过", "突破", "完成",
          "同口径", "年均", "一直", "持续", "继续", "拟按", "拟", "要", "再", "将", "已", "及",
          "和", "与", "仍然", "依然", "仍", "还", "由上年的", "由去年的", "由上年", "由去年",
          "转为", "转", "由", "从",
          "预计", "首次", "有望")

_LEAD_LONGEST_FIRST = tuple(sorted(_LEAD, key=len, reverse=True))

#: verbs that end in a character _TRAIL would strip (惠及 is not 惠 + 及)
_TRAIL_KEEP = ("惠及", "涉及", "普及", "波及", "顾及", "触及", "危及", "提及", "遍及", "以及",
               "覆盖", "转移", "转化", "转换", "转型", "转让", "偿还", "归还", "退还", "返还",
               "交还",
               "生还")

#: a year, a date or an enumeration word at either end of a metric is not part of it
_TIME_HEAD = re.compile(r"^(?:[一二三四五六七八九十]是|(?:截至|到|至)?(?:\d{4}年|上年|去年|当年)"
                        r"(?:[初末底]|上半年|前三季度)?(?:的)?"
                        # 1至11月, 1-11月份, 前三季度, 一季度: a period of the year
                        r"|(?:\d{4}年)?(?:\d{1,2}(?:至|-|—|~)\d{1,2}月份?|上半年|前三季度|"
                        r"第?[一二三四]季度)(?:的)?"
                        # “十一五”期间, 十二五时期, “十三五”以来: a plan period
                        r"|[“〝\"]?(?:十[一二三四五六七八九]|[一二三四五六七八九十])五[”〞\"]?"
                        r"(?:期间|时期|期末|末|以来)"
                        r"|[（(][一二三四五六七八九十\d]{1,3}[）)])")
#: footnote markers copied from web pages: 企业[1], 企业［2］
_FOOTNOTE = re.compile(r"\[\d{1,2}\]|［\d{1,2}］|〔\d{1,2}〕")
#: quote and bracket pairs a metric must keep balanced (opening → closing)
_PAIRS = {"“": "”", "〝": "〞", "《": "》", "（": "）", "(": ")", "「": "」", "『": "』", "‘": "’"}
_CLOSERS = {c: o for o, c in _PAIRS.items()}
_STRIP = " ，、：；■□●○◆◇▲△★☆•"


def _trim_marks(s: str) -> str:
    """Strip spaces, commas and unmatched quote or bracket marks at either end of ``s``.

    A mark whose partner is inside the phrase stays: ``工业企业“小进规”`` keeps
    its closing quote, ``财政收入（不含基金）`` its bracket.
    """
    while True:
        t = s.strip(_STRIP + '"')
        if t[:1] in _PAIRS and _PAIRS[t[:1]] not in t[1:]:
            t = t[1:]
        if t[-1:] in _CLOSERS and _CLOSERS[t[-1:]] not in t[:-1]:
            t = t[:-1]
        if t[:1] == "“" and t[-1:] == "”" and t.count("“") == 1 and t.count("”") == 1:
            t = t[1:-1]  # a fully quoted metric: the quote marks are not part of it
        if t == s:
            return s
        s = t


def balance_marks(s: str) -> str:
    """Drop every quote or bracket mark of ``s`` that has no partner.

    >>> balance_marks("工业企业“小进规新增")
    '工业企业小进规新增'
    >>> balance_marks("净增“四上”企业")
    '净增“四上”企业'
    """
    drop: set[int] = set()
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(s):
        if ch in _PAIRS:
            stack.append((ch, i))
        elif ch in _CLOSERS:
            opener = _CLOSERS[ch]
            # “…〞 (a web page's mixed quote pair) closes a “ as well
            k = next((j for j in range(len(stack) - 1, -1, -1)
                      if stack[j][0] == opener or (ch == "〞" and stack[j][0] == "“")), None)
            if k is None:
                drop.add(i)
            else:
                drop.update(j for _, j in stack[k + 1:])  # opened inside, never closed
                del stack[k:]
    drop.update(i for _, i in stack)
    return "".join(ch for i, ch in enumerate(s) if i not in drop) if drop else s
_TIME_TAIL = re.compile(r"(?:(?:是|为|相当于|比|较)?(?:\d{4}年|\d+年前|上年|去年)(?:[初末底中])?"
                        r"(?:的)?)$")

#: words that cannot be a metric on their own (a figure needs a subject, not a verb)
JUNK_METRICS = frozenset([
    "有", "将", "这", "即", "就", "据", "用", "到", "还", "惠", "要", "计", "共", "约", "或",
    "除", "少", "同",
    "定", "涉", "长", "把", "几", "在", "对", "向", "给", "使", "为", "是", "了", "达", "及",
    "和", "与", "等",
    "其", "让", "由", "从", "也", "都", "均", "已", "又", "再", "并", "比", "较", "转", "去年",
    "今年", "上年", "当年",
    "全年", "其中", "目前", "我们", "可以", "已经", "包括", "根据", "经过", "至于", "例如",
    "只有", "就有", "总计", "共计",
    "全国", "我国", "全面", "先后", "同时", "此外", "另外", "全部", "其他", "这些", "实现",
    "完成", "达到", "超过", "突破",
    "已有", "共有", "还有", "又有", "就有", "另有", "首次", "有望",
])


_PARENTHETICAL = re.compile(r"（[^（）]*）|\([^()]*\)")


def unit_info(unit: str) -> tuple[str, float] | None:
    """``(base unit, factor)`` of a unit as written, magnitude included; ``None`` if unknown.

    >>> unit_info("万亿元")
    ('元', 1000000000000.0)
    >>> unit_info("万")
    ('', 10000.0)
    """
    if unit in UNITS:
        return UNITS[unit]
    for mag, factor in list(MAGNITUDES.items()) + [("千", 1e3), ("百", 1e2)]:
        if unit.startswith(mag):
            rest = unit[len(mag):]
            if not rest:
                return "", factor
            if rest in UNITS:
                base, f = UNITS[rest]
                return base, factor * f
    return None


def to_base(value: float, unit: str) -> tuple[float, str]:
    """``value unit`` in its base unit (``1.97 万户`` → ``19700 户``); unknown units unchanged."""
    info = unit_info(unit)
    if info is None:
        return value, unit
    base, factor = info
    return _round(value * factor), base


def _round(x: float) -> float:
    return float(f"{x:.12g}")


def dimension(unit: str) -> str:
    """The base unit that decides comparability (``亿元`` and ``万元`` share ``元``)."""
    info = unit_info(unit)
    return info[0] if info is not None else unit


def is_decrease(direction: str | None) -> bool:
    """Does the direction word say the quantity went down (下降, 减少 …)?"""
    return bool(direction) and any(direction.endswith(d) for d in _DECREASE)


def strip_metric(phrase: str) -> str:
    """Clean a metric phrase: drop leading 全年/我国/预计 … and trailing 达到/实际 … words.

    >>> strip_metric("全年国内生产总值")
    '国内生产总值'
    >>> strip_metric("预计地区生产总值")
    '地区生产总值'
    """
    s = _trim_marks(_FOOTNOTE.sub("", phrase))
    changed = True
    while changed and s:
        changed = False
        for rx in (_TIME_HEAD, _TIME_TAIL):
            m = rx.search(s)
            if m and m.group(0) and len(m.group(0)) < len(s):
                s = s[:m.start()] + s[m.end():]
                changed = True
        for w in _LEAD_LONGEST_FIRST:  # only the longest lead word written counts
            if s.startswith(w):
                if len(s) > len(w):
                    s = s[len(w):]
                    changed = True
                break
        for w in _TRAIL:
            if s.endswith(w) and len(s) > len(w) and not s.endswith(_TRAIL_KEEP):
                s = s[: -len(w)]
                changed = True
    return balance_marks(_trim_marks(s))


def metric_key(
    metric: str,
    *,
    kind: str = "level",
    synonyms: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """Canonical key of a metric phrase: a synonym-table key, or the phrase itself.

    The direction word at the end (``增长``) is dropped before the lookup and
    the kind decides the suffix: growth rates get ``_growth``, changes
    ``_change``, shares ``_share``, ranks ``_rank``.

    >>> metric_key("国内生产总值增长", kind="growth")
    'gdp_growth'
    >>> metric_key("新建道路", kind="level")
    '新建道路'
    >>> metric_key("经济增长", kind="growth")
    'gdp_growth'
    """
    table: dict[str, tuple[str, ...]] = dict(SYNONYMS)
    if synonyms:  # a user's names win over the default table's names of the same length
        table.update({k: tuple(v) for k, v in synonyms.items()})
    core = metric[:-2] if kind == "rank" and metric.endswith("排名") else metric
    core = _PARENTHETICAL.sub("", core)  # 财政收入（不含基金）: the note does not name the metric
    metric = _PARENTHETICAL.sub("", metric)
    directed = core in DIRECTIONS  # 下降 alone: a direction with no subject
    if directed:
        core = ""
    for d in DIRECTIONS:
        if core.endswith(d) and len(core) > len(d):
            core = core[: -len(d)]
            directed = True
            break
    core = strip_metric(core)
    user = set(synonyms or ())
    full = strip_metric(metric)  # 经济增长 is itself a name: do not read it as 经济 + 增长
    best: tuple[int, int, str] | None = None
    for key, names in table.items():
        for name in names:
            rank = (len(name), 1 if key in user else 0)
            if core.startswith("人均") and not name.startswith("人均"):
                continue  # 人均国内生产总值 is not 国内生产总值
            if (core.endswith(name) or (directed and full == name)) and (
                    best is None or rank > best[:2]):
                best = (*rank, key)
    if not best and not core:
        return ""  # no metric written: nothing to pair on
    base = best[2] if best else core
    suffix = {"growth": "_growth", "change": "_change", "share": "_share",
              "rank": "_growth_rank" if directed else "_rank"}.get(kind, "")
    return base + suffix if best else (f"{base}{suffix}" if suffix else base)
