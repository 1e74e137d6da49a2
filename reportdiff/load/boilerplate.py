"""Find site chrome: text around a report that is not part of it.

Pages saved from government websites and transcriptions carry lines that the
report never said: a publication line (``发布时间:… 信息来源:… 字体: [ ]``),
breadcrumbs and navigation, an empty ``附件:`` stub, a site footer (版权所有,
ICP备, 公网安备, 网站标识码, 主办单位 …), a Wikisource licence footer
("本作品是中华人民共和国的…属于公有领域" … "Public domain"), and page numbers
of a PDF ("- 12 -").  :func:`chrome_spans` returns their spans so that
:func:`~reportdiff.normalize.normalize` leaves them out of the analysis text,
while ``source_text`` keeps them (spans stay valid).

Rules work on whole lines and on position, never on offsets of known files:

* **licence block**: from a line starting ``本作品是/在/采用/…`` (or a
  ``维基文库`` note, or a ``Public domain`` line) to the end of the text, when
  that tail is short (≤ 1,500 visible characters and ≤ a third of the text)
  and speaks of licences (公有领域, 著作权, Public domain, Creative Commons …);
* **tail**: scanning up from the end (or from the licence block), blank lines,
  footer lines (:data:`TAIL_PATTERNS`) and navigation bars are chrome; up to
  three short lines without a full stop are chrome only when a footer line
  sits above them; the scan stops at the first other line, so the last
  paragraph of the report is never touched;
* **head**: before the first body sentence (a line with 20+ Chinese
  characters and a full stop) and within the first 40 lines, lines matching
  :data:`HEAD_PATTERNS` (publication line, breadcrumbs, document metadata)
  and navigation bars (three or more items of at most 8 characters separated
  by ``|``, ``>`` or wide gaps, no punctuation) are chrome; the title above
  them stays;
* **page numbers** anywhere: a line holding only ``- 12 -``, ``— 12 —`` or
  ``第 3 页 共 9 页``.

A line that holds a full stop and 40+ Chinese characters is never chrome.

>>> text = ("2019年度政府工作报告\\n发布时间:2019-12-25 信息来源:区政府办 字体: [ ]\\n"
...         "各位代表:\\n"
...         "现在,我代表区人民政府,向大会报告工作,请予审议,并请各位政协委员提出意见。\\n"
...         "附件:\\n版权所有:某区人民政府 | 鄂ICP备05009168号\\n")
>>> for s, e in chrome_spans(text):
...     print(repr(text[s:e]))
'发布时间:2019-12-25 信息来源:区政府办 字体: [ ]\\n'
'附件:\\n版权所有:某区人民政府 | 鄂ICP备05009168号\\n'
"""

from __future__ import annotations

import re

__all__ = ["chrome_spans", "merge_spans", "HEAD_PATTERNS", "TAIL_PATTERNS", "LICENCE_WORDS",
           "PAGE_NUMBER"]

#: Head lines that are site chrome (publication line, breadcrumbs, metadata).
HEAD_PATTERNS = re.compile(
    r"发布时间|发布日期|信息来源|^\s*来源\s*[:：]|字体\s*[:：]?\s*[\[【(（]|[【\[]\s*字体|字号\s*[:：]"
    r"|浏览次数|阅读次数|点击(?:数|次数|量)|访问量|^\s*(?:作者|编辑|责任编辑|审核|校对)\s*[:：]"
    r"|打印本页|关闭窗口|分享到|索引号|主题分类|发文机关|发布机构|成文日期|发文字号|公开方式"
    r"|公开时限|生效日期|当前位置|您的位置|您现在的位置|现在的位置|^\s*(?:网站)?首页\s*[>＞»/|]"
    r"|[>＞»]\s*正文\s*$|无障碍|^\s*(?:登录|注册|English)\b|繁体版|简体版|长者模式|^\s*\[?\s*[大中小]\s*[大中小]\s*[大中小]\s*\]?\s*$"
)

#: Tail lines that are site chrome (footer, sharing, attachment stubs).
TAIL_PATTERNS = re.compile(
    r"版权所有|[Cc]opyright|©|ICP[备证]|公网安备|网站标识码|主办单位|承办单位|协办单位"
    r"|^\s*(?:主办|承办|协办)\s*[:：]|联系地址|^\s*地址\s*[:：]|邮编|邮政编码|技术支持|运维"
    r"|联系电话|联系我们|网站地图|站点地图|智能问答|纠错|建议使用|分辨率|浏览器|推荐使用"
    r"|上一篇|下一篇|打印本页|关闭窗口|[【\[]\s*(?:打印|关闭|收藏)\s*[】\]]|扫一扫|分享到"
    r"|责任编辑|网站声明|隐私|免责声明|^\s*附件\s*[:：]?\s*$|本网站|本站|相关(?:链接|阅读|文章|新闻)"
    r"|^\s*(?:Public domain|true|false)\s*$"
)

#: Words that make a tail block a licence footer.
LICENCE_WORDS = re.compile(
    r"公有领域|著作权|版权|[Pp]ublic [Dd]omain|Creative Commons|知识共享|CC[- ]BY|GFDL|GNU"
    r"|维基文库|Wikisource|许可协议"
)

_LICENCE_START = re.compile(
    r"^\s*(?:本作品(?:是|在|采用|以|依据|根据|来自|属于|已|不|的|由|系|为|发布|遵循|使用|受|适用)"
    r"|注\s*[:：]\s*中文维基|Public domain\s*$)"
)
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?)\s*$"
)
_NAV_SEP = re.compile(r"\s*[|｜]\s*|\s{2,}|[\t\u3000]+|\s*[>＞»]\s*")
_HAN = re.compile(r"[\u3400-\u9fff]")
_FULL_STOP = re.compile(r"[。！？!?]")
_VISIBLE = re.compile(r"[^\s\u200b-\u200d\u2060\ufeff]")

_MAX_LICENCE_CHARS = 1500
_HEAD_LINES = 40
_MAX_PENDING = 3


def _lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each line, the end including its ``\\n``."""
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl + 1
        out.append((pos, end))
        pos = end
    return out


def _is_nav(line: str) -> bool:
    """A navigation bar: three or more short items separated by ``|``, ``>``, tabs or wide gaps.

    >>> _is_nav("首页 | 政务公开 | 互动交流 | 办事服务"), _is_nav("一、 2019年 工作回顾")
    (True, False)
    """
    if _FULL_STOP.search(line) or "，" in line or "," in line:
        return False
    items = [x for x in _NAV_SEP.split(line.strip()) if x]
    return len(items) >= 3 and all(len(x) <= 8 for x in items)


def _is_chrome_line(line: str, patterns: re.Pattern[str]) -> bool:
    return not _is_prose(line) and (bool(patterns.search(line)) or _is_nav(line))


def _is_blank(line: str) -> bool:
    return not _VISIBLE.search(line)


def _is_prose(line: str) -> bool:
    """A sentence of the body: never chrome."""
    return bool(_FULL_STOP.search(line)) and len(_HAN.findall(line)) >= 40


def _is_body_sentence(line: str) -> bool:
    return bool(_FULL_STOP.search(line)) and len(_HAN.findall(line)) >= 20


def _licence_start(text: str, lines: list[tuple[int, int]]) -> int | None:
    """Index of the first line of a licence footer that runs to the end, if any."""
    found: int | None = None
    visible = 0
    limit = min(_MAX_LICENCE_CHARS, len(_VISIBLE.findall(text)) // 3)
    prose_below = False
    for i in range(len(lines) - 1, -1, -1):
        s, e = lines[i]
        line = text[s:e]
        visible += len(_VISIBLE.findall(line))
        if visible > limit:
            break
        if _is_prose(line) and not LICENCE_WORDS.search(line):
            # body prose below a weak start ("Public domain", "注：") means that
            # start is not the top of a licence footer; only the licence's own
            # opening sentence ("本作品是…") may sit above prose.
            prose_below = True
        if _LICENCE_START.match(line) and LICENCE_WORDS.search(text, s):
            if not prose_below or line.lstrip().startswith("本作品"):
                found = i
    return found


def merge_spans(*groups: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort and merge overlapping or touching spans.

    >>> merge_spans([(5, 9), (0, 2)], [(2, 4), (8, 12)])
    [(0, 4), (5, 12)]
    """
    out: list[tuple[int, int]] = []
    for s, e in sorted(span for group in groups for span in group):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def chrome_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that are site chrome, sorted and merged.

    Parameters
    ----------
    text : str
        The decoded source text of a report.

    Returns
    -------
    list of (start, end)
        Half-open spans into ``text``; each covers whole lines (with their
        line breaks).
    """
    lines = _lines(text)
    if not lines:
        return []
    chrome = [False] * len(lines)
    line_text = [text[s:e] for s, e in lines]

    end = len(lines)
    lic = _licence_start(text, lines)
    if lic is not None:
        for i in range(lic, end):
            chrome[i] = True
        end = lic

    # tail: scan up from the end of the body
    pending: list[int] = []
    i = end - 1
    while i >= 0:
        line = line_text[i]
        if _is_blank(line):
            pending.append(i)
        elif _is_chrome_line(line, TAIL_PATTERNS):
            for j in pending:
                chrome[j] = True
            pending = []
            chrome[i] = True
        elif (not _FULL_STOP.search(line) and len(line.strip()) <= 30
              and sum(1 for j in pending if not _is_blank(line_text[j])) < _MAX_PENDING):
            pending.append(i)
        else:
            break
        i -= 1
    if i < 0:  # everything was blank or chrome-like: keep the text as it is
        chrome = [False] * len(lines)
        if lic is not None:
            for k in range(lic, len(lines)):
                chrome[k] = True

    # head: before the first body sentence
    for k in range(min(_HEAD_LINES, len(lines))):
        line = line_text[k]
        if chrome[k]:
            break
        if _is_body_sentence(line) and not HEAD_PATTERNS.search(line):
            break
        if _is_chrome_line(line, HEAD_PATTERNS):
            chrome[k] = True

    # page numbers anywhere
    for k, line in enumerate(line_text):
        if PAGE_NUMBER.match(line):
            chrome[k] = True

    spans: list[tuple[int, int]] = []
    for k, (s, e) in enumerate(lines):
        if not chrome[k]:
            continue
        if spans and spans[-1][1] == s:
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    return spans
