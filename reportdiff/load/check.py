"""Is this text a government work report?  A cheap plausibility check.

A work report (政府工作报告) is a long Chinese text full of the vocabulary of
government work: 工作, 发展, 建设, 经济, 改革, 推进 ….  The check needs three
things, each measured on the text itself (no corpus statistics):

1. at least :data:`MIN_HAN` Chinese characters (a news snippet is too short),
2. Chinese characters make at least :data:`MIN_HAN_SHARE` of the visible
   characters (an English novel, a CSV of numbers fail),
3. at least :data:`MIN_DISTINCT` distinct words of :data:`REPORT_WORDS`, and
   at least :data:`MIN_DENSITY` of their occurrences per 1,000 Chinese
   characters (a novel or a Chinese manual fails).

The thresholds sit well below what every national report 1954–2019 and the
bundled district report reach (see ``docs/loading.md`` for the measured
figures), so a short or plain district report still passes.

>>> looks_like_report("It was the best of times, it was the worst of times. " * 80)
False
>>> diagnose("今天天气很好。" * 5)
'too little Chinese text: 30 Chinese characters, 1000 needed'
"""

from __future__ import annotations

import re

__all__ = [
    "looks_like_report",
    "diagnose",
    "REPORT_WORDS",
    "MIN_HAN",
    "MIN_HAN_SHARE",
    "MIN_DISTINCT",
    "MIN_DENSITY",
]

#: Words every work report uses many times, whatever its year or level.
REPORT_WORDS: tuple[str, ...] = (
    "工作", "发展", "建设", "经济", "政府", "推进", "加强", "改革", "人民", "社会",
    "提高", "实施", "全面", "坚持", "增长", "完善", "促进", "企业", "生产", "管理",
)
#: Traditional-character spellings (older transcriptions, Hong Kong/Taiwan sites).
_TRADITIONAL: dict[str, str] = {
    "發展": "发展", "建設": "建设", "經濟": "经济", "推進": "推进", "加強": "加强",
    "社會": "社会", "實施": "实施", "堅持": "坚持", "增長": "增长", "促進": "促进",
    "企業": "企业", "生產": "生产",
}

MIN_HAN = 1000
MIN_HAN_SHARE = 0.5
MIN_DISTINCT = 12
MIN_DENSITY = 15.0

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_VISIBLE = re.compile(r"[^\s\u200b-\u200d\u2060\ufeff]")
_WORDS = re.compile("|".join((*REPORT_WORDS, *_TRADITIONAL)))


def diagnose(text: str) -> str | None:
    """Why ``text`` does not look like a work report, or ``None`` if it does.

    Parameters
    ----------
    text : str
        The decoded body text (site chrome may be present; it does not matter).

    Returns
    -------
    str or None
        A short reason for an error message, e.g. ``"too little Chinese text:
        30 Chinese characters, 1000 needed"``.
    """
    han = len(_HAN.findall(text))
    if han < MIN_HAN:
        return f"too little Chinese text: {han} Chinese characters, {MIN_HAN} needed"
    visible = len(_VISIBLE.findall(text))
    share = han / visible if visible else 0.0
    if share < MIN_HAN_SHARE:
        return (f"too little Chinese text: {share:.0%} of the characters are Chinese, "
                f"{MIN_HAN_SHARE:.0%} needed")
    found = _WORDS.findall(text)
    distinct = len({_TRADITIONAL.get(w, w) for w in found})
    density = 1000 * len(found) / han
    if distinct < MIN_DISTINCT or density < MIN_DENSITY:
        return (f"too few words of a work report: {distinct} of {len(REPORT_WORDS)} words "
                f"such as 工作, 发展, 建设, {density:.0f} per 1,000 characters")
    return None


def looks_like_report(text: str) -> bool:
    """``True`` if ``text`` plausibly is a government work report.

    See the module docstring for the rules; :func:`diagnose` says why not.

    >>> looks_like_report("")
    False
    """
    return diagnose(text) is None
