"""Evidence for promises: a review's sentences, their year scope, figures and metric matching.

:mod:`reportdiff.audit` asks three questions of NEW's review part, answered here:

* which sentences and clauses speak of the last year alone, and which of a
  multi-year stretch (:func:`review_sentences`; ``年均增长``, ``五年来``,
  ``累计``, ``“十二五”时期``, and everything in a five-year review that is not
  tied to the last year by ``去年``, ``全年``, ``刚刚过去的`` or the year itself);
* which figures could report an outcome (:func:`candidates`: figures of
  :mod:`reportdiff.figures`, their metric completed when the clause elides it —
  ``比上年增长7.4%`` after ``国内生产总值达到63.6万亿元`` — and restated targets
  dropped);
* whether a figure or a sentence speaks of a promise's metric (:func:`match`,
  :func:`mentions`, :func:`similarity`).

The rules are stated in ``docs/verdicts.md`` (section 4).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .promises import Promise
from .promises import residual as _residual
from .verdicts import REDEFINED

if TYPE_CHECKING:  # pragma: no cover
    from .figures import Figure
    from .report import Report

__all__ = [
    "EVERY_YEAR",
    "MULTI_YEAR",
    "SENTENCE",
    "Candidate",
    "Sentence",
    "base_key",
    "candidates",
    "comparable",
    "end_level",
    "figure_is_level",
    "figure_key",
    "level_target",
    "match",
    "mentions",
    "object_clauses",
    "per_unit",
    "promise_is_level",
    "promise_key",
    "rate_direction",
    "retrospect_ranges",
    "review_sentences",
    "signed_value",
    "similarity",
    "stage",
]

#: Words that put a clause in a multi-year stretch; an average over years (年均, 平均每年,
#: 每年平均) is a multi-year figure, not the last year's outcome.
MULTI_YEAR = re.compile(r"年均|平均每年|每年平均|五年来|过去五年|近五年|近三年|"
                        r"三年来|累计|“?十[一二三四五六]五”?(?:时期|期间)?|"
                        r"(?:19|20)\d\d年以来|本届政府|五年间")
#: Words of a statement that holds for every year (一直控制在3%以内); 平均每年 is an
#: average, not a statement about every year.
EVERY_YEAR = re.compile(r"一直|始终|(?<!平均)每年(?!平均)|连续")
_COMPARE = re.compile(r"比上年|比去年|同比|实际|名义|年末|全年|达到|达|为|是")
_ELIDED = re.compile(r"^(?:(?:19|20)\d\d年|去年的?|当年)?"
                     r"(?:占|降到|降至|下降到|降低到|提高到|增加到|"
                     r"上升到|扩大到|达到)")
SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")


@dataclass(frozen=True)
class Sentence:
    """A sentence of the review with its year scope (``multi``: about several years)."""

    start: int
    end: int
    text: str
    multi: bool
    always: bool
    linked: frozenset[str]
    clauses: tuple[tuple[int, bool], ...] = ()

    def multi_at(self, pos: int) -> bool:
        """Is the clause holding ``pos`` about several years?"""
        mode = self.multi
        for start, m in self.clauses:
            if start <= pos:
                mode = m
        return mode


@dataclass(frozen=True)
class Candidate:
    """A figure of the review that may report an outcome, with its completed metric."""
    fig: Figure
    sent: Sentence
    metric: str
    key: str
    multi: bool = False


def _bigrams(s: str) -> set[str]:
    s = re.sub(r"[^\u4e00-\u9fffA-Za-z0-9]", "", s)
    return {s[i:i + 2] for i in range(len(s) - 1)}


def similarity(a: str, b: str, *, one_way: bool = False) -> float:
    """How well two metric names match, 0-1, after dropping generic words.

    The share of the shorter name's character bigrams found in the other
    (at least two shared, or the whole of a one-bigram name), the share of
    the shorter name's characters covered by bigrams the two share (word
    order: 安全饮水 / 饮水安全), or 0.8 times the
    longest common subsequence of characters over the shorter length (at least
    three characters in common), whichever is higher.  With ``one_way`` (``a``
    the promise, ``b`` a figure's metric) a ``b`` less than half as long as
    ``a`` scales the score down by the length ratio.

    >>> round(similarity("改建农村公路", "新建改建农村公路"), 2)
    1.0
    >>> similarity("造林", "退耕还林还草")
    0.0
    >>> similarity("中央财政科技投入", "中央财政用于科技的支出")
    1.0
    >>> similarity("易地搬迁脱贫", "易地扶贫搬迁人口") >= 0.6
    True
    >>> similarity("棚改开工", "棚户区住房改造")
    1.0
    """
    ra, rb = _residual(a), _residual(b)
    ra, rb = _expand(ra, rb), _expand(rb, ra)
    ba, bb = _bigrams(ra), _bigrams(rb)
    best = 0.0
    if ba and bb:
        common = len(ba & bb)
        if common >= 2 or (common == 1 and min(len(ba), len(bb)) == 1):
            best = common / min(len(ba), len(bb))
        if common >= 2:  # word order: 易地搬迁脱贫 / 易地扶贫搬迁, 安全饮水 / 饮水安全
            short = ra if len(ra) <= len(rb) else rb
            shared = ba & bb
            covered = {i + d for i in range(len(short) - 1) if short[i:i + 2] in shared
                       for d in (0, 1)}
            best = max(best, len(covered) / len(short))
    if ra and rb and len(set(ra) & set(rb)) >= 3:
        best = max(best, 0.8 * _lcs(ra, rb) / min(len(ra), len(rb)))
    if one_way and ra and len(rb) < 0.5 * len(ra) and len(rb) <= 2:
        best *= len(rb) / len(ra)  # a two-character name (人均) inside a long one
    return best


def _expand(ra: str, rb: str) -> str:
    """``ra`` with a two-character abbreviation of ``rb`` written out (棚改 → 棚户区住房改造).

    An abbreviation takes the first character of two words: its first
    character begins ``rb``, its second stands two to five characters later
    and is not the last one (公园 does not abbreviate 公益普惠园).

    >>> _expand("新三年棚改攻坚计划", "棚户区住房改造")
    '新三年棚户区住房改造攻坚计划'
    >>> _expand("安全饮水", "农村饮水安全工程")
    '安全饮水'
    >>> _expand("新建口袋公园", "公益普惠园")
    '新建口袋公园'
    """
    for i in range(len(ra) - 1):
        x, y = ra[i], ra[i + 1]
        if x + y in rb or (i > 0 and ra[i - 1] in rb) or (i + 2 < len(ra) and ra[i + 2] in rb):
            continue  # the pair must stand alone in ra: 棚改 in 新三年棚改攻坚计划
        k = 0 if rb[:1] == x else -1  # an abbreviation starts with the name's first character
        m = rb.find(y, 2) if k == 0 else -1
        if k == 0 and 2 <= m <= 5 and m + 1 < len(rb):  # 改 begins 改造; 园 ends 公益普惠园
            end = min(len(rb), m + 2)
            return ra[:i] + rb[k:end] + ra[i + 2:]
    return ra


_START_STAGE = ("新开工", "开工", "新安排", "启动", "开建")
_END_STAGE = ("基本建成", "建成", "竣工", "完工", "交付")


def stage(metric: str) -> str | None:
    if any(w in metric for w in _END_STAGE):
        return "end"
    if any(w in metric for w in _START_STAGE):
        return "start"
    return None


def rate_direction(metric: str, direction: str | None) -> str | None:
    from .metrics import is_decrease

    if direction:
        return "down" if is_decrease(direction) else "up"
    if "涨幅" in metric or "增速" in metric or metric.endswith(("增长", "上涨", "提高")):
        return "up"
    if metric.endswith(("下降", "降低", "减少")):
        return "down"
    return None


def _lcs(a: str, b: str) -> int:
    """Length of the longest common subsequence (characters in the same order)."""
    prev = [0] * (len(b) + 1)
    for ch in a:
        cur = [0]
        for j, dh in enumerate(b):
            cur.append(prev[j] + 1 if ch == dh else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def base_key(key: str) -> str:
    for suf in ("_growth", "_change", "_share", "_rank"):
        if key.endswith(suf):
            return key[: -len(suf)]
    return key


_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}[、．.]|"
                      r"[（(][一二三四五六七八九十\d]{1,3}[）)]|"
                      r"\d{1,2}[、．.](?!\d)|第[一二三四五六七八九十]{1,3}(?:部分|章|节|篇))")


def is_heading(paragraph: str) -> bool:
    """Is a paragraph a heading (numbered, short, without a full stop)?

    >>> is_heading("一、2014年工作回顾"), is_heading("（二）着力稳增长。")
    (True, True)
    >>> is_heading("一、国内生产总值增长7.4%。"), is_heading("粮食产量达到6.07亿吨")
    (False, False)
    """
    body = paragraph.strip()
    if not _HEADING.match(body) or len(body) > 40 or re.search(r"[。！？；]", body[:-1]):
        return False
    return not body.endswith(("。", "；", "！", "？")) or not re.search(r"\d", body)


def review_sentences(report: Report, ranges: list[tuple[int, int]], prev_year: int | None,
               five_year: bool, section_of: Mapping[int, frozenset[str]]) -> list[Sentence]:
    text = report.text
    single = re.compile(r"去年|一年来|过去一年|刚刚过去的|全年|当年" +
                        (rf"|{prev_year}年(?!以来)" if prev_year else ""))
    out: list[Sentence] = []
    # 比2002年增长65.5%: a comparison with a year before the last one spans several years
    base_years = re.compile(rf"比(?!{prev_year - 1}年)(?:19|20)\d\d年" if prev_year
                            else r"比(?:19|20)\d\d年")
    for start, end in ranges:
        for para in re.finditer(r"[^\n]+", text[start:end]):
            if is_heading(para.group()):
                continue  # 一、2014年工作回顾: a heading is never evidence
            mode = five_year
            for m in SENTENCE.finditer(para.group()):
                s = m.group()
                a = start + para.start() + m.start()
                clauses = []
                for c in re.finditer(r"[^，,：]+[，,：]?", s):
                    if MULTI_YEAR.search(c.group()) or base_years.search(c.group()):
                        mode = True
                    elif single.search(c.group()):
                        mode = False
                    clauses.append((a + c.start(), mode))
                out.append(Sentence(a, a + len(s), s, all(m_ for _, m_ in clauses) if clauses
                                 else mode, bool(EVERY_YEAR.search(s)),
                                 section_of.get(a, frozenset()), tuple(clauses)))
    return out


#: Verbs (and joining words) that name no object: 制定或修订 (了30件行政法规).
_VERB_ONLY = re.compile(r"制定|修订|修改|出台|颁布|发布|审议|通过|提请|新建|建成|开工|实施|"
                        r"取消|下放|"
                        r"清理|改建|扩建|新设|设立|批准|[或和及共]")
#: A metric that names only an attribute: its subject is elsewhere in the sentence.
_ATTRIBUTE = re.compile(r"(?:试点)?(?:范围|覆盖面|覆盖率|比重|比例|占比)")
_PLAN_CUE = re.compile(r"今年|明年|今后|目标|[要将拟]")


def retrospect_ranges(report: Report, review: list[tuple[int, int]],
                      prev_year: int | None) -> list[tuple[int, int]]:
    """Passages outside the review part that report the last year alone.

    A report whose review covers five years often states last year's outcomes
    at the head of the plan part: ``过去一年，我们的各项工作取得了很大成绩。国内
    生产总值增长10.3%……``.  A passage opens with a sentence that begins with
    ``过去一年``, ``一年来`` or the year (``2010年，``) and runs, within the
    paragraph, until a sentence about the plan (今年, 目标, 要 …).  A bare
    ``去年`` does not open one: plan parts use it for carry-over effects
    (``去年价格上涨的翘尾影响``).

    >>> from reportdiff import Report
    >>> r = Report.from_text("一、过去五年回顾\\n五年来GDP年均增长8%。\\n二、今年工作\\n"
    ...     "过去一年，成绩很大。GDP增长9%。今年要稳增长。\\n", check=False)
    >>> [r.text[a:b] for a, b in retrospect_ranges(r, [(0, 17)], 2010)]
    ['过去一年，成绩很大。GDP增长9%。']
    """
    text = report.text
    opener = re.compile(r"(?:过去一年|一年来" + (rf"|{prev_year}年[，,]" if prev_year else "")
                        + r")")
    out: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        if any(a <= para.start() < b for a, b in review):
            continue
        start = end = None
        for m in SENTENCE.finditer(para.group()):
            body = m.group().lstrip(" \u3000")
            a = para.start() + m.start()
            if start is None:
                if opener.match(body) and not _PLAN_CUE.search(body):
                    start, end = a, para.start() + m.end()
                continue
            if _PLAN_CUE.search(body):
                break
            end = para.start() + m.end()
        if start is not None and end is not None:
            out.append((start, end))
    return out


def candidates(report: Report, sents: list[Sentence], synonyms: dict[str, tuple[str, ...]],
                ranges: list[tuple[int, int]]) -> list[Candidate]:
    from .figures import extract_figures
    from .metrics import metric_key

    text = report.text
    out: list[Candidate] = []
    figs = []
    for a, b in ranges:
        figs.extend(extract_figures(report, nspan=(a, b), synonyms=synonyms))
    si = 0
    prev_metric: dict[int, str] = {}
    for f in figs:
        if f.kind == "rank":
            continue
        vs, ve = report.norm.to_norm(*f.value_span)
        while si < len(sents) and sents[si].end <= vs:
            si += 1
        if si >= len(sents) or not sents[si].start <= vs:
            continue
        sent = sents[si]
        cut = max(text.rfind(ch, sent.start, vs) for ch in "，；：")
        end_m = re.search(r"[，；。]", text[ve:sent.end])
        clause_all = text[max(cut + 1, sent.start):ve + (end_m.start() if end_m else 0)]
        if re.search(r"目标|确定的|预期|计划", clause_all):
            continue  # a target restated in the review (没有实现年初确定的……4%左右的目标)
        metric = f.metric
        sub_start = max([sent.start] + [text.rfind(ch, sent.start, vs) + 1 for ch in "，；：、"])
        sub = text[sub_start:vs]
        if metric.endswith("等") and f.kind == "count":
            # 建成双李路、信和路等17条道路: the metric is what was done to the things named
            whole = text[max(cut + 1, sent.start):vs]
            tail = text[ve:sent.end]
            tail = tail[len(f.unit):] if f.unit and tail.startswith(f.unit) else tail
            noun = re.match(r"([\u4e00-\u9fff]{0,4}?)(?=[，；。、]|$)", tail)
            metric = whole + (noun.group(1) if noun else "")
        elif f.kind == "count" and not _VERB_ONLY.sub("", _residual(metric)):
            # 制定或修订了30件行政法规: the words before the number are only verbs; what
            # was done is named after it
            tail = text[ve:sent.end]
            noun = re.match(r"[\u4e00-\u9fff]{0,10}?(?=[，；。、（]|$)", tail)
            metric = metric + (noun.group() if noun else "")
        elif sub.endswith(metric) and re.search(r"\d[^，；、]*(?:以上|以下|以内)",
                                                sub[:len(sub) - len(metric)]):
            metric = sub  # 引进30亿元以上现代服务业项目1个: the qualifier belongs to the metric
        if _ATTRIBUTE.fullmatch(re.sub(r"扩大|缩小|到$|至$", "", _core(metric))):
            # 2343个县开展新型农村社会养老保险试点，……，覆盖面扩大到60%以上: the attribute
            # is the sentence's subject's
            first = re.split(r"[，,：]", text[sent.start:vs], maxsplit=1)[0]
            topic = re.sub(r"^[个万亿]", "",
                           re.sub(r"[\d.]+[^\u4e00-\u9fff]*|（[^）]*）", "", first))
            if len(topic) >= 4 and first != text[sent.start:vs]:
                metric = topic + metric
        if len(_core(metric)) < 2:
            cut = max(text.rfind(ch, sent.start, vs) for ch in "，；：")
            clause = text[max(cut + 1, sent.start):vs]
            if len(_core(clause)) >= 2 and not re.search(r"(?<![A-Za-z])\d", clause):
                metric = clause
        if len(re.sub(r"人均|平均|每年", "", _core(metric))) < 2 and cut > sent.start:
            # 企业退休人员基本养老金连续5年增加，去年又人均提高10%: the subject is the
            # previous clause's
            before = text[max(text.rfind("，", sent.start, cut) + 1, sent.start):cut]
            subject = re.split(r"\d|连续|已经|已", before)[0]
            if len(subject) >= 4:
                metric = subject + metric
        if len(_core(metric)) < 2:
            if sent.start in prev_metric:
                metric = prev_metric[sent.start] + metric
            else:
                clause_end = re.search(r"[，。；、]|$", text[ve:sent.end])
                tail = text[ve:ve + (clause_end.start() if clause_end else 0)]
                metric = re.sub(r"^(?:多|余)?的?", "", tail) + metric
        elif _ELIDED.match(metric) and sent.start in prev_metric:
            # 从2009年的2.8%降到去年的1.5%, 2012年占国内生产总值比例达到4%: the subject
            # is the one of the sentence's previous figure
            subject = prev_metric[sent.start]
            metric = subject + metric
            if base_key(metric_key(subject, synonyms=synonyms)) in synonyms:
                metric = subject
        else:
            prev_metric[sent.start] = re.sub(
                r"(?:(?:从|由).*|增长|上涨|提高|下降|降低|减少|增加|达到|达|累计|五年累计)$", "",
                metric)
        key = figure_key(metric, synonyms)
        out.append(Candidate(f, sent, metric, key, sent.multi_at(vs)))
    return out


#: A head noun a report may add to a canonical name: 城镇新增就业人口, 城镇新增就业人数.
_HEAD_NOUN = re.compile(r"(?:人口|人数|数量|规模)$")


def figure_key(metric: str, synonyms: Mapping[str, tuple[str, ...]]) -> str:
    """Base key of a figure's metric, also when a head noun follows the canonical name.

    >>> from reportdiff.verdicts import AuditOptions
    >>> figure_key("城镇新增就业人口", AuditOptions().merged_synonyms())
    'urban_jobs'
    """
    from .metrics import metric_key

    key = base_key(metric_key(metric, synonyms=synonyms))
    if key not in synonyms and _HEAD_NOUN.search(metric):
        bare = base_key(metric_key(_HEAD_NOUN.sub("", metric), synonyms=synonyms))
        if bare in synonyms:
            return bare
    return key


def promise_key(metric: str, synonyms: Mapping[str, tuple[str, ...]]) -> str:
    """Canonical key of a promise's metric; also when a name ends with 增长 (经济增长).

    >>> from reportdiff.verdicts import AuditOptions
    >>> promise_key("农村居民人均纯收入年均实际增长超过", AuditOptions().merged_synonyms())
    'rural_income'
    """
    from .metrics import metric_key

    key = figure_key(metric, synonyms)
    if key in synonyms:
        return key
    bare = re.sub(r"(?:超过|突破|不低于|不少于|达到|以上)$", "", metric)
    bare = re.sub(r"(?:年均|平均)?(?:实际|名义)?(?:涨幅|增幅|增速|降幅|增长率|增长)$", "", bare)
    if bare != metric:
        key2 = base_key(metric_key(bare, synonyms=synonyms))
        if key2 in synonyms:
            return key2
    best = (0, key)
    for k, names in synonyms.items():
        for n in names:
            if metric.endswith(n) and len(n) > best[0]:
                best = (len(n), k)
    return best[1]


def _core(metric: str) -> str:
    core = _COMPARE.sub("", metric)
    for d in ("增长", "上涨", "提高", "下降", "降低", "减少", "增加", "上升", "回落"):
        core = core.replace(d, "")
    return core


def match(p: Promise, pk: str, c: Candidate, canon: Mapping[str, tuple[str, ...]],
           promised: set[str]) -> tuple[float, bool]:
    """(score, redefined) of a candidate figure for a promise whose base key is ``pk``.

    ``promised`` holds the keys of all of OLD's promises: a redefined metric
    that has a promise of its own is that promise's evidence, not this one's.
    """
    stock = ("总数", "总量", "累计", "总额达", "积累", "余额")
    flow = ("新增", "新建", "新设", "新开工", "安排", "支出", "投入")
    if (any(w in p.metric for w in flow) and any(w in c.metric for w in stock)) or (
            any(w in p.metric for w in stock) and any(w in c.metric for w in flow)):
        return 0.0, False  # a stock against a flow: 高新技术企业总数 is not 新增高新技术企业
    if (p.target is not None and p.target.unit.endswith("元") and "新增" in p.metric
            and not re.search(r"新增|增加|增长|提高", c.metric)):
        # new money is not a budget total: 新增义务教育经费 / 义务教育经费1840亿元
        return 0.0, False
    if pk in canon:
        if c.key == pk:
            return 1.0, False
        if frozenset({pk, c.key}) in REDEFINED and c.key not in promised:
            return 0.9, True
        return 0.0, False
    if _collective(c.metric, p.metric) or _collective(p.metric, c.metric):
        return 0.0, False
    if _other_kind(p.metric, c.metric) or per_unit(p.metric) != per_unit(c.metric):
        return 0.0, False  # 单位国内生产总值二氧化碳排放量 is not 二氧化硫排放量
    tp, tc = _thresholds(p.metric), _thresholds(c.metric)
    if tp and tc and not tp & tc:
        return 0.0, False  # 亿元以上制造业项目 is not 30亿元以上现代服务业项目
    sim = similarity(p.metric, c.metric, one_way=True)
    if c.key in canon:
        # a canonical figure (国内生产总值) only for a promise that is little more than its name
        names = [n for n in canon.get(c.key, ()) if n in p.metric]
        rest = max((len(_residual(p.metric.replace(n, ""))) for n in names), default=99)
        if sim < 0.8 or rest > 4:
            return 0.0, False
    return sim, False


def figure_is_level(report: Report, c: Candidate) -> bool:
    """Is a rate figure a level (a share, ``降到1.5%``, ``扩大到60%``) rather than a change?"""
    if c.fig.from_value is not None or rate_direction(c.metric, c.fig.direction) is None:
        return True
    vs = report.norm.to_norm(*c.fig.value_span)[0]
    return report.text[max(0, vs - 1):vs] in ("到", "至")


#: Words of a flow (new, spent, cut …) or a total: such a figure is no level reached.
_FLOW_OR_TOTAL = re.compile(r"新增|新建|新设|新开工|安排|支出|投入|减少|淘汰|转移|累计|总计|合计|"
                            r"年均|平均|每年")


#: A level reached, before the figure: 提高到, 扩大到全国 (86%的县), 降至.
_REACHED = re.compile(r"[到至](?:全国|全省|全市|全区|全县)?$")


def end_level(report: Report, c: Candidate) -> bool:
    """Is a figure the level reached by the end of a stretch (提高到450元, 扩大到全国86%的县)?

    The figure ends a change (``由……到``) or follows ``到``/``至`` (扩大到, 降到,
    达到), and neither its metric nor its clause names a flow, a total or an
    average (新增, 累计, 年均, 平均每年 …): 五年新增就业达到5100万人 is a total.
    """
    vs = report.norm.to_norm(*c.fig.value_span)[0]
    cut = max(report.text.rfind(ch, c.sent.start, vs) for ch in "，,；：")
    clause = report.text[max(cut + 1, c.sent.start):vs]
    if c.fig.from_value is None and not _REACHED.search(clause):
        return False
    return not _FLOW_OR_TOTAL.search(c.metric) and not _FLOW_OR_TOTAL.search(clause)


def level_target(p: Promise) -> bool:
    """Does a promise name a level to reach (试点扩大到80%以上的县, 标准提高到450元)?

    Not a change (增长7%, 下降3%) and not a flow or a total (新增就业900万人, 安排……
    资金, 累计): only for a level is the end level of a five-year review its outcome.
    """
    if p.target is None or p.target.direction or rate_direction(p.metric, None):
        return False
    return not _FLOW_OR_TOTAL.search(p.metric)


def promise_is_level(p: Promise) -> bool:
    """Is a rate promise a level (城镇化率达到60%) rather than a change (增长7%)?"""
    return (p.target is not None and p.target.direction
            or rate_direction(p.metric, None)) is None


def _other_kind(a: str, b: str) -> bool:
    """Do two names share a head but differ in its modifier (铁路 / 汽车货物周转量)?

    The names end alike (货物周转量, 周转量) and what comes before has no character
    in common: 铁路货物周转量 and 汽车货物周转量, 旅客周转量 and 汽车货物周转量 are
    different things; 改建农村公路 and 新建改建农村公路 are not.

    >>> (_other_kind("铁路货物周转量", "汽车货物周转量"),
    ...  _other_kind("改建农村公路", "新建改建农村公路"))
    (True, False)
    >>> _other_kind("单位国内生产总值二氧化碳排放量", "二氧化硫排放量")
    True
    """
    ra, rb = _residual(a), _residual(b)
    n = 0
    while n < min(len(ra), len(rb)) and ra[-1 - n] == rb[-1 - n]:
        n += 1
    pa, pb = ra[:len(ra) - n], rb[:len(rb) - n]
    if n >= 2 and len(pa) >= 2 and len(pb) >= 2 and not set(pa) & set(pb):
        return True
    # names that differ only in the last character of their modifier are siblings:
    # 二氧化碳排放量 / 二氧化硫排放量, 一级公路 / 二级公路 are different things
    k = min(len(pa), len(pb))
    return n >= 2 and k >= 2 and pa[-k:-1] == pb[-k:-1] and pa[-1] != pb[-1]


#: A metric per unit of output (an intensity): 单位国内生产总值能耗, 万元GDP用水量.
_PER_UNIT = re.compile(r"单位(?:国内|地区)?生产总值|单位GDP|单位增加值|万元(?:国内|地区)?生产总值|"
                       r"万元GDP|万元(?:工业)?增加值|强度")


def per_unit(metric: str) -> bool:
    """Is the metric an intensity (per unit of GDP or value added) rather than a total?

    >>> per_unit("单位国内生产总值用水量下降"), per_unit("用水总量"), per_unit("能耗强度")
    (True, False, True)
    """
    return bool(_PER_UNIT.search(metric))


def _thresholds(metric: str) -> set[str]:
    """Money thresholds inside a metric name.

    ``投资过30亿元项目`` → {"30"}, ``亿元以上项目`` → {"1"}.

    >>> sorted(_thresholds("引进亿元以上制造业项目")), sorted(_thresholds("引进30亿元以上项目"))
    (['1'], ['30'])
    """
    return {m.group(1) or "1" for m in re.finditer(r"(\d+(?:\.\d+)?)?[万亿]+元", metric)}


def _collective(a: str, b: str) -> bool:
    """Does ``a`` name a numbered group (三旧改造, 三农) of which ``b`` names one member?

    A total over several things (三旧改造征收拆迁 96万㎡: 旧城, 旧村, 旧厂) is not the
    outcome of a promise about one of them (旧城改造征收30万㎡).

    >>> _collective("三旧改造征收拆迁面积", "旧城改造征收")
    True
    >>> _collective("三旧改造征收拆迁面积", "三旧改造")
    False
    >>> _collective("新开工建设白沙六路等道路", "道路开工建设")
    False
    """
    m = re.match(r"[两三四五六七八九十]([\u4e00-\u9fff])", _residual(a))
    return bool(m) and m.group(0) not in b and m.group(1) in b


def comparable(unit: str, other: str) -> bool:
    """Units that can be compared: :func:`reportdiff.verdicts.units_comparable`."""
    from .verdicts import units_comparable

    return units_comparable(unit, other)


def mentions(p: Promise, pk: str, sent: str, synonyms: dict[str, tuple[str, ...]],
              canon: Mapping[str, tuple[str, ...]]) -> tuple[float, bool]:
    if pk in canon:
        if any(n in sent for n in synonyms.get(pk, ())):
            return 1.0, False
        for pair in REDEFINED:
            if pk in pair:
                other = next(iter(pair - {pk}))
                if any(n in sent for n in synonyms.get(other, ())) and not any(
                        n in sent for n in synonyms.get(pk, ())):
                    return 0.9, True
        short = min(synonyms.get(pk, ("",)), key=len)[-3:]
        if len(short) == 3 and short in sent:
            return 0.65, False  # 失业率 for 城镇登记失业率: a loose mention
        return 0.0, False
    obj = p.metric
    m = re.search(r"[\u4e00-\u9fff]*[A-Za-z0-9]+[\u4e00-\u9fff]*", obj)
    if m and re.search(r"[A-Za-z]\d|\d[A-Za-z]|[A-Za-z]{2,}", m.group()) and m.group() in sent:
        return 1.0, False  # a code name: P158地块
    if per_unit(obj) and not per_unit(sent):
        return 0.0, False  # a total is no outcome for an intensity
    return similarity(obj, sent), False


#: Verbs of a qualitative promise, dropped to leave its object (出台实施 …规划纲要).
_TASK_VERB = re.compile(r"投入使用|投入运营|适时|全面|基本|确保|力争|争取|加快|推进|实施|"
                        r"出台|建成|建设|"
                        r"竣工|完工|完成|通车|开通|开工|启动|落地|挂牌|上市|供地|交付|开业|"
                        r"封顶|摘牌")


def object_clauses(metric: str, sentence: str) -> tuple[int, int]:
    """The part of ``sentence`` (offsets) whose clauses name a qualitative promise's object.

    A sentence often reports several things, one per clause; the words of
    completion that decide a promise must stand in the clause that names it
    (``粤港澳大湾区规划建设迈出实质性步伐，港珠澳大桥建成通车``: 建成 is the
    bridge's).  The clauses most like the object (the promise without its
    verbs) are kept; the whole sentence when no clause is like it.

    >>> s = "大湾区规划建设迈出实质性步伐，港珠澳大桥建成通车。"
    >>> a, b = object_clauses("出台实施大湾区发展规划纲要", s); s[a:b]
    '大湾区规划建设迈出实质性步伐'
    """
    obj = _TASK_VERB.sub("", metric) or metric
    parts = [(m.start(), m.end()) for m in re.finditer(r"[^，,；;：:]+[，,；;：:]?", sentence)]
    if len(parts) < 2:
        return 0, len(sentence)
    scores = [similarity(obj, sentence[a:b]) for a, b in parts]
    best = max(scores)
    if best < 0.3:
        return 0, len(sentence)
    keep = [ab for ab, sc in zip(parts, scores) if sc >= best - 1e-9 or sc >= 0.6]
    end = keep[-1][1]
    return keep[0][0], end - (sentence[end - 1] in "，,；;：:")


def signed_value(p: Promise, f: Figure) -> float:
    from .metrics import is_decrease

    v = f.value
    if f.low is not None and f.high is not None:
        v = (f.low + f.high) / 2
    down = is_decrease(f.direction) and f.kind in ("growth", "change")
    if p.target and p.target.direction == "up" and down:
        return -v
    if p.target and p.target.direction == "down" and f.direction and not down \
            and f.kind == "growth":
        return -v
    return v
