"""Markdown export for a newsroom CMS: sources, verdict summary, ledger, changes.

Report text is escaped so that it never becomes markup: Markdown punctuation
gets a backslash, ``<``/``>``/``&`` become entities (most CMS pass inline HTML
through), and table cells lose their line breaks and pipes.
"""

from __future__ import annotations

import re
from typing import Any

from .common import (
    VERDICTS,
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

__all__ = ["audit_markdown", "diff_markdown", "md_escape"]

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")


def md_escape(text: Any) -> str:
    """Escape text for a Markdown table cell or paragraph.

    >>> md_escape("a|b *c* <script>")
    'a\\\\|b \\\\*c\\\\* &lt;script&gt;'
    >>> md_escape("行一\\n行二")
    '行一 行二'
    """
    if text is None:
        return ""
    s = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_SPECIAL.sub(r"\\\1", s)
    return re.sub(r"\s*\n\s*", " ", s).strip()


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
    """An audit dict as Markdown: sources, summary table, the promise ledger."""
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
            evidence,
        ])
    if rows:
        lines += _table(["id", "section", "promise", "target", "outcome", "attainment",
                         "verdict", "evidence"], rows)
    else:
        lines.append("No promises were found in the old report.")
    lines.append("")
    return "\n".join(lines)


def _ops_markdown(ops: list[Any], *, context: int = 24) -> str:
    """Word-level changes: ``~~deleted~~`` and ``**inserted**``, long equal runs cut."""
    parts = []
    last = len(ops) - 1
    for i, op in enumerate(ops):
        kind, text = op[0], str(op[1])
        if kind == "equal":
            if len(text) > 2 * context:
                head = text[:context] if i > 0 else ""
                tail = text[-context:] if i < last else ""
                text = f"{head} … {tail}".strip()
            parts.append(md_escape(text))
        elif kind == "delete" and text.strip():
            parts.append(f"~~{md_escape(text)}~~")
        elif kind == "insert" and text.strip():
            parts.append(f"**{md_escape(text)}**")
    return "".join(parts)


def diff_markdown(diff: dict[str, Any]) -> str:
    """A diff dict as Markdown: sources, summary, section pairs, figure deltas, changes."""
    old, new = diff.get("old") or {}, diff.get("new") or {}
    summary = diff.get("summary") or {}
    pairs = diff.get("pairs") or []
    lines = [f"# Changes: {md_escape(_side_name(old))} → {md_escape(_side_name(new))}", ""]
    lines += ["## Sources", ""] + _sources(diff) + [""]
    lines += ["## Summary", ""]
    lines.append(f"- Unchanged text: {fmt_share(summary.get('unchanged_share'))}")
    for key, label in (("new", "New sections"), ("dropped", "Dropped sections")):
        ids = summary.get(key) or []
        lines.append(f"- {label}: {', '.join(md_escape(fmt_ids(i)) for i in ids) if ids else 'none'}")
    moved = summary.get("moved") or []
    lines.append("- Moved sections: " + (", ".join(
        f"{md_escape(fmt_ids(m.get('old')))} → {md_escape(fmt_ids(m.get('new')))}"
        for m in moved) or "none"))
    most = summary.get("most_changed") or []
    if most:
        lines.append("- Most changed: " + ", ".join(
            f"{md_escape(fmt_ids(m.get('old')))} → {md_escape(fmt_ids(m.get('new')))} "
            f"({fmt_share(m.get('unchanged_share'))} unchanged)" for m in most))
    lines += ["", "## Section pairs", ""]
    rows = []
    for n, p in enumerate(pairs, start=1):
        rows.append([str(n), md_escape(",".join(p.get("old") or [])),
                     md_escape(p.get("old_title") or ""),
                     md_escape(",".join(p.get("new") or [])),
                     md_escape(p.get("new_title") or ""), md_escape(p.get("relation") or ""),
                     fmt_share(p.get("unchanged_share"))])
    if rows:
        lines += _table(["#", "old", "old title", "new", "new title", "relation", "unchanged"],
                        rows)
    else:
        lines.append("No aligned sections.")
    deltas = [(n, d) for n, p in enumerate(pairs, start=1) for d in p.get("figure_deltas") or []]
    lines += ["", "## Figure changes", ""]
    if deltas:
        rows = []
        for n, d in deltas:
            unit = d.get("unit") or ""
            rel = d.get("rel_change")
            old_v, new_v = d.get("old_value"), d.get("new_value")
            rows.append([str(n), md_escape(d.get("metric")),
                         md_escape(f"{fmt_number(old_v)}{unit}" if old_v is not None else "—"),
                         md_escape(f"{fmt_number(new_v)}{unit}" if new_v is not None else "—"),
                         md_escape(fmt_number(d.get("abs_change"))),
                         "" if rel is None else f"{rel * 100:+.1f}%",
                         "yes" if d.get("comparable") else "no",
                         md_escape(d.get("note") or "")])
        lines += _table(["pair", "metric", "old", "new", "change", "relative", "comparable",
                         "note"], rows)
    else:
        lines.append("No comparable figures.")
    changed = [(n, p) for n, p in enumerate(pairs, start=1)
               if any(op[0] != "equal" and str(op[1]).strip() for op in p.get("ops") or [])]
    if changed:
        lines += ["", "## Changes by section", "",
                  "Deleted text is ~~struck through~~, inserted text is **bold**.", ""]
        for n, p in changed:
            title = p.get("new_title") or p.get("old_title") or ""
            lines += [f"### {n}. {md_escape(title)}", "", _ops_markdown(p.get("ops") or []), ""]
    else:
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
