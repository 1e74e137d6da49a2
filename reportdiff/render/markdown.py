"""Markdown export for a newsroom CMS: sources, verdict summary, ledger, changes.

Report text is escaped so that it never becomes markup: Markdown punctuation
gets a backslash, ``<``/``>``/``&`` become entities (most CMS pass inline HTML
through), a list or heading marker at the start is escaped, and line breaks
become spaces (so a table cell keeps its row).  The word-level changes of a
diff are written ``~~deleted~~`` and ``**inserted**``, or ``<del>``/``<ins>``
where CommonMark would not read the marks as emphasis (next to CJK
punctuation), with long unchanged stretches cut to a little context.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from .common import (
    CONTEXT,
    VERDICTS,
    as_dict,
    delta_cells,
    elide,
    fmt_attainment,
    fmt_ids,
    fmt_number,
    fmt_outcome,
    fmt_share,
    fmt_target,
    side_name,
    source_of,
    verdict_style,
)

__all__ = ["audit_markdown", "diff_markdown", "md_escape", "ops_markdown"]

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#!|~])")
_MD_LEADING = re.compile(r"^([ \t]*)(?:([-+=])(?=[-+=]*(?:\s|$))|(\d+)([.)])(?=\s|$))",
                         re.MULTILINE)


def _escape(text: str) -> str:
    s = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", s)


def _escape_leading(block: str) -> str:
    """Escape what would start a list or a heading underline at the start of a line."""
    return _MD_LEADING.sub(lambda m: m[1] + (f"\\{m[2]}" if m[2] else f"{m[3]}\\{m[4]}"), block)


def md_escape(text: Any) -> str:
    """Escape text for a Markdown table cell or paragraph; line breaks become spaces.

    >>> md_escape("a|b *c* <script>")
    'a\\\\|b \\\\*c\\\\* &lt;script&gt;'
    >>> md_escape("行一\\n行二")
    '行一 行二'
    >>> md_escape("- 列表"), md_escape("1. 编号"), md_escape("增长+6.5%")
    ('\\\\- 列表', '1\\\\. 编号', '增长+6.5%')
    """
    if text is None:
        return ""
    return _escape_leading(re.sub(r"\s*\n\s*", " ", _escape(str(text))).strip())


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return lines


def _side_name(side: dict[str, Any]) -> str:
    return side_name(side)


def _sources(data: dict[str, Any]) -> list[str]:
    rows = []
    for role in ("old", "new"):
        side = data.get(role) or {}
        src = source_of(side)
        rows.append([role, md_escape(side.get("title") or ""), fmt_number(side.get("year")),
                     md_escape(src.get("path") or ""), f"`{src.get('sha256') or ''}`"])
    return _table(["", "title", "year", "file", "sha256"], rows)


def audit_markdown(audit: dict[str, Any]) -> str:
    """An audit dict as Markdown: sources, summary table, the promise ledger.

    Each ledger row gives the verdict with the rule that decided it and the
    evidence quoted from NEW, so a reader can check the verdict by hand.
    """
    old, new = audit.get("old") or {}, audit.get("new") or {}
    lines = [f"# Promise audit: {md_escape(_side_name(old))} → {md_escape(_side_name(new))}", ""]
    lines += ["## Sources", ""] + _sources(audit) + [""]
    summary = audit.get("summary") or {}
    promises = audit.get("promises") or []
    lines += ["## Verdicts", ""]
    keys = [v.key for v in VERDICTS] + sorted(k for k in summary if k not in
                                              {v.key for v in VERDICTS})
    rows = [[f"{verdict_style(k).icon} {verdict_style(k).label}", str(summary.get(k, 0))]
            for k in keys if summary.get(k)]
    rows.append(["**total**", str(len(promises))])
    lines += _table(["verdict", "promises"], rows) + [""]
    lines += ["## Promise ledger", ""]
    rows = []
    for item in promises:
        p = item.get("promise") or {}
        v = verdict_style(item.get("verdict") or "unclear")
        evidence = " / ".join(f"“{md_escape(e.get('quote'))}”"
                              for e in item.get("evidence") or []) or "—"
        rows.append([
            md_escape(p.get("id")),
            md_escape(p.get("section")),
            f"“{md_escape(p.get('quote'))}”",
            md_escape(fmt_target(p.get("target"))),
            md_escape(fmt_outcome(item.get("outcome"))),
            fmt_attainment(item.get("attainment")),
            f"{v.icon} {v.label}",
            md_escape(item.get("rule")) or "—",
            evidence,
        ])
    if rows:
        lines += _table(["id", "section", "promise", "target", "outcome", "attainment",
                         "verdict", "rule", "evidence"], rows)
    else:
        lines.append("No promises were found in the old report.")
    lines.append("")
    return "\n".join(lines)


def _punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


def _flanks(inner: str, before: str, after: str) -> bool:
    """Would ``~~inner~~`` / ``**inner**`` between ``before`` and ``after`` be emphasis?

    CommonMark's flanking rules: a delimiter run next to punctuation inside
    must have white space or punctuation outside (``增长**，推进**`` is not bold).

    >>> _flanks("推进", "长", "，"), _flanks("，推进", "长", "。"), _flanks("，推进", "", "")
    (True, False, True)
    """
    if not inner or inner[0].isspace() or inner[-1].isspace():
        return False
    left_ok = not _punct(inner[0]) or not before or before.isspace() or _punct(before)
    right_ok = not _punct(inner[-1]) or not after or after.isspace() or _punct(after)
    return left_ok and right_ok


def ops_markdown(ops: Sequence[Sequence[str]], *, context: int | None = CONTEXT) -> str:
    """Word-level changes as Markdown paragraphs (one per line of the report).

    Deleted text is ``~~struck~~``, inserted text ``**bold**``; where the
    marks would not render (punctuation inside, a letter outside, as next to
    CJK punctuation) ``<del>``/``<ins>`` are used.  Unchanged stretches are cut
    to ``context`` characters beside each change (``None`` keeps them whole).

    >>> ops_markdown([("equal", "新建幼儿园"), ("delete", "5"), ("insert", "3"), ("equal", "所")])
    '新建幼儿园~~5~~**3**所'
    >>> ops_markdown([("equal", "增长"), ("insert", "，推进改革")])
    '增长<ins>，推进改革</ins>'
    """
    pieces: list[tuple[str, str]] = []
    for op, text in ops:  # ``**a****b**`` would not be two bold runs: merge neighbours
        if pieces and pieces[-1][0] == op:
            pieces[-1] = (op, pieces[-1][1] + str(text))
        else:
            pieces.append((str(op), str(text)))
    if context is not None:
        pieces = elide(pieces, context=context)
    escaped = [(op, [_escape(line) for line in re.split(r"\n+", text)]) for op, text in pieces]
    out: list[str] = []
    for k, (op, lines) in enumerate(escaped):
        if op == "equal":
            out.append("\n\n".join(lines))
            continue
        mark, tag = ("~~", "del") if op == "delete" else ("**", "ins")
        before = out[-1][-1:] if out and out[-1] else ""
        if k + 1 == len(escaped):
            after = ""
        else:  # a following change opens with its own mark, which is punctuation
            after = escaped[k + 1][1][0][:1] if escaped[k + 1][0] == "equal" else "*"
        wrapped = []
        for i, line in enumerate(lines):
            if not line.strip():
                wrapped.append(line)
                continue
            b = before if i == 0 else ""
            a = after if i == len(lines) - 1 else ""
            wrapped.append(f"{mark}{line}{mark}" if _flanks(line, b, a)
                           else f"<{tag}>{line}</{tag}>")
        out.append("\n\n".join(wrapped))
    text = "".join(out)
    return _escape_leading("\n\n".join(p.strip() for p in text.split("\n\n") if p.strip()))


def _pct(x: Any) -> str:
    return "" if x is None else f"{x * 100:.1f}%"


def _counts(pairs: Sequence[dict[str, Any]]) -> tuple[int, int, int]:
    """Equal, old and new characters over all pairs, line breaks not counted."""
    from ..textdiff import op_counts

    eq = old = new = 0
    for p in pairs:
        c = op_counts([(op[0], op[1]) for op in p.get("ops") or []])
        eq += c["equal"]
        old += c["equal"] + c["delete"]
        new += c["equal"] + c["insert"]
    return eq, old, new


def _changed(pair: dict[str, Any]) -> bool:
    return any(op[0] != "equal" for op in pair.get("ops") or [])


def _pair_title(pair: dict[str, Any]) -> str:
    old, new = pair.get("old_title") or "", pair.get("new_title") or ""
    return f"{old} → {new}" if old and new and old != new else new or old


def _summary(diff: dict[str, Any], pairs: list[dict[str, Any]]) -> list[str]:
    summary = diff.get("summary") or {}
    level = (diff.get("options") or {}).get("level") or "word"
    eq, old, new = _counts(pairs)
    moved = summary.get("moved") or []

    def ids(key: str) -> str:
        return ", ".join(md_escape(fmt_ids(i)) for i in summary.get(key) or []) or "none"

    lines = ["## Summary", "",
             (f"- Unchanged text: {_pct(summary.get('unchanged_share'))} "
             f"(2 × {eq} equal / ({old} + {new}) characters, {md_escape(level)} level)"),
             f"- Pairs: {len(pairs)} compared, {sum(map(_changed, pairs))} changed",
             f"- New sections: {ids('new')}",
             f"- Dropped sections: {ids('dropped')}",
             "- Moved sections: " + (", ".join(
                 f"{md_escape(fmt_ids(m.get('old')))} → {md_escape(fmt_ids(m.get('new')))}"
                 for m in moved) or "none"),
             "",
             ("Unchanged share = 2 × equal characters / (old + new characters), over all "
             "section pairs; line breaks are not counted."), ""]
    most = summary.get("most_changed") or []
    if most:
        number = {(tuple(p.get("old") or []), tuple(p.get("new") or [])): n
                  for n, p in enumerate(pairs, start=1)}
        rows = []
        for m in most:
            key = (tuple(m.get("old") or []), tuple(m.get("new") or []))
            n = number.get(key)
            title = _pair_title(pairs[n - 1]) if n else ""
            rows.append(["" if n is None else str(n), md_escape(fmt_ids(m.get("old"))),
                         md_escape(fmt_ids(m.get("new"))), fmt_share(m.get("unchanged_share")),
                         md_escape(title)])
        lines += ["## Most changed", ""]
        lines += _table(["pair", "old", "new", "unchanged", "title"], rows) + [""]
    return lines


def diff_markdown(diff: Any, *, context: int | None = CONTEXT) -> str:
    """A diff as Markdown: sources, summary, most changed, pairs, figure changes, changes.

    Parameters
    ----------
    diff : Diff or dict
        The result of :func:`reportdiff.diff` or its ``to_dict()``.
    context : int or None
        Characters of unchanged text kept beside each change; ``None`` keeps all.
    """
    diff = as_dict(diff)
    old, new = diff.get("old") or {}, diff.get("new") or {}
    pairs = list(diff.get("pairs") or [])
    lines = [f"# Changes: {md_escape(_side_name(old))} → {md_escape(_side_name(new))}", ""]
    lines += ["## Sources", ""] + _sources(diff) + [""]
    lines += _summary(diff, pairs)
    lines += ["## Section pairs", ""]
    rows = [[str(n), md_escape(fmt_ids(p.get("old") or [])), md_escape(p.get("old_title") or ""),
             md_escape(fmt_ids(p.get("new") or [])), md_escape(p.get("new_title") or ""),
             md_escape(p.get("relation") or ""), fmt_share(p.get("unchanged_share"))]
            for n, p in enumerate(pairs, start=1)]
    if rows:
        lines += _table(["#", "old", "old title", "new", "new title", "relation", "unchanged"],
                        rows)
    else:
        lines.append("No aligned sections.")
    lines += ["", "## Figure changes", ""]
    rows = []
    for n, p in enumerate(pairs, start=1):
        for d in p.get("figure_deltas") or []:
            metric, old_v, new_v, change, rel = delta_cells(d)
            comparable = bool(d.get("comparable"))
            rows.append([str(n), md_escape(metric), md_escape(old_v), md_escape(new_v),
                         md_escape(change) if comparable else "—", rel,
                         "yes" if comparable else "no", md_escape(d.get("note") or "")])
    if rows:
        lines += [("A change between percentages is in percentage points (pp); other changes "
                  "are in the new report's unit."), ""]
        lines += _table(["pair", "metric", "old", "new", "change", "relative", "comparable",
                         "note"], rows)
    else:
        lines.append("No comparable figures.")
    lines.append("")
    changed = [(n, p) for n, p in enumerate(pairs, start=1) if _changed(p)]
    if changed:
        cut = ("" if context is None else
               f" Unchanged text is cut to {context} characters beside each change (…).")
        lines += ["## Changes by section", "",
                  ("Deleted text is ~~struck through~~ (or &lt;del&gt;), inserted text is "
                  f"**bold** (or &lt;ins&gt;).{cut}"), ""]
        for n, p in changed:
            label = f"{fmt_ids(p.get('old')) or '—'} → {fmt_ids(p.get('new')) or '—'}"
            lines += [f"### {n}. {md_escape(_pair_title(p)) or md_escape(label)}", "",
                      (f"Sections {md_escape(label)}, {md_escape(p.get('relation') or '')}, "
                      f"{fmt_share(p.get('unchanged_share'))} unchanged."), "",
                      ops_markdown(p.get("ops") or [], context=context), ""]
    return "\n".join(lines).rstrip("\n") + "\n"
