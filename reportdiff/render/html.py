"""Self-contained HTML reports for audits and diffs.

One file holds everything: inline CSS, inline vanilla JS, the chart as inline
SVG, no font or script from another host.  A Content-Security-Policy meta tag
forbids every network request and allows only the one shipped script (by
its sha256), so even a text that slipped through escaping could not run.
Report text is data: Jinja2 autoescape escapes every string, the templates
never mark report text as safe.

Without JavaScript every row and every section is visible; the script only
adds filters (verdict, section, search) and sorting to the promise ledger.

The same page serves both commands: ``audit`` puts the ledger first, ``diff``
the side-by-side comparison; each shows the other's part when it is given (or
can be computed from the two reports).
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from .common import (
    VERDICTS,
    delta_cells,
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
from .marks import Mark, annotate, moved_texts, segments

__all__ = ["audit_html", "audit_repr_html", "diff_html", "diff_repr_html", "environment"]


def environment() -> Any:
    """The Jinja2 environment of the templates: autoescape on, strict undefined."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("reportdiff.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _asset(name: str) -> str:
    return resources.files("reportdiff.render").joinpath("templates", name).read_text("utf-8")


def _csp(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'")


# -- view model -------------------------------------------------------------------


@dataclass(frozen=True)
class _Side:
    role: str
    title: str
    year: str
    path: str
    sha256: str
    format: str


def _side(data: dict[str, Any], role: str, report: Any) -> _Side:
    side = data.get(role) or {}
    src = source_of(side)
    if not side.get("title") and report is not None and getattr(report, "title", None):
        side = {**side, "title": report.title}
    return _Side(role=role, title=side_name(side, role),
                 year=fmt_number(side.get("year")), path=str(src.get("path") or ""),
                 sha256=str(src.get("sha256") or ""), format=str(src.get("format") or ""))


def _section_title(report: Any, sid: Any) -> str:
    if report is None or sid is None:
        return ""
    try:
        return str(report.section(str(sid)).title or "")
    except (KeyError, AttributeError):
        return ""


def _span(span: Any) -> tuple[int, int] | None:
    if not span or len(span) < 2 or span[0] is None or span[1] is None:
        return None
    return int(span[0]), int(span[1])


def _anchor(role: str, span: tuple[int, int] | None) -> str:
    return f"{role}-{span[0]}-{span[1]}" if span else ""


def _ledger(audit: dict[str, Any], old: Any, new: Any) -> list[dict[str, Any]]:
    rows = []
    for n, item in enumerate(audit.get("promises") or [], start=1):
        p = item.get("promise") or {}
        span = _span(p.get("span"))
        verdict = verdict_style(str(item.get("verdict") or "unclear"))
        evidence = []
        for ev in item.get("evidence") or []:
            es = _span(ev.get("span"))
            evidence.append({"quote": str(ev.get("quote") or ""),
                             "href": "#" + _anchor("new", es) if new is not None and es else "",
                             "span": f"{es[0]}–{es[1]}" if es else ""})
        att = item.get("attainment")
        section = "" if p.get("section") is None else str(p.get("section"))
        rows.append({
            "n": n,
            "id": str(p.get("id") or n),
            "section": section,
            "section_title": _section_title(old, section),
            "quote": str(p.get("quote") or ""),
            "metric": str(p.get("metric") or ""),
            "href": "#" + _anchor("old", span) if old is not None and span else "",
            "span": f"{span[0]}–{span[1]}" if span else "",
            "target": fmt_target(p.get("target")),
            "outcome": fmt_outcome(item.get("outcome")),
            "attainment": fmt_attainment(att),
            "attainment_sort": "" if att is None else f"{float(att):.6f}",
            "verdict": verdict,
            "rule": str(item.get("rule") or ""),
            "confidence": "" if item.get("confidence") is None
            else f"{float(item['confidence']):.2f}",
            "evidence": evidence,
        })
    return rows


def _summary(audit: dict[str, Any]) -> list[dict[str, Any]]:
    counts = dict(audit.get("summary") or {})
    if not counts:
        for item in audit.get("promises") or []:
            v = str(item.get("verdict") or "unclear")
            counts[v] = counts.get(v, 0) + 1
    keys = [v.key for v in VERDICTS] + sorted(k for k in counts if k not in
                                              {v.key for v in VERDICTS})
    return [{"style": verdict_style(k), "count": int(counts.get(k, 0))} for k in keys]


def _figure_quotes(report: Any, span: tuple[int, int] | None) -> list[str]:
    if report is None or span is None:
        return []
    try:
        figures = report.figures
    except ImportError:  # figure extraction not available: fall back to the number pattern
        return []
    out = []
    for fig in figures:
        fs = _span(getattr(fig, "value_span", None) or getattr(fig, "span", None))
        if fs and span[0] <= fs[0] and fs[1] <= span[1]:
            out.append(report.source_text[fs[0]:fs[1]])
    return out


def _pairs(diff: dict[str, Any], old: Any, new: Any) -> list[dict[str, Any]]:
    pairs = diff.get("pairs") or []
    moved = moved_texts(p.get("ops") or [] for p in pairs)
    summary = diff.get("summary") or {}
    moved_ids = {(fmt_ids(m.get("old")), fmt_ids(m.get("new"))) for m in summary.get("moved") or []}
    out = []
    for n, p in enumerate(pairs, start=1):
        ops = p.get("ops") or []
        old_ids = [str(i) for i in p.get("old") or []]
        new_ids = [str(i) for i in p.get("new") or []]
        ospan, nspan = _span(p.get("old_span")), _span(p.get("new_span"))
        oq, nq = _figure_quotes(old, ospan), _figure_quotes(new, nspan)
        is_moved = (p.get("relation") == "moved"
                    or (",".join(old_ids), ",".join(new_ids)) in moved_ids)
        out.append({
            "n": n,
            "old_ids": ", ".join(old_ids),
            "new_ids": ", ".join(new_ids),
            "old_title": str(p.get("old_title") or ""),
            "new_title": str(p.get("new_title") or ""),
            "relation": str(p.get("relation") or ""),
            "score": "" if p.get("score") is None else f"{float(p['score']):.2f}",
            "share": fmt_share(p.get("unchanged_share")),
            "moved": is_moved,
            "old": segments(ops, side="old", moved=moved, quotes=oq) if old_ids else [],
            "new": segments(ops, side="new", moved=moved, quotes=nq) if new_ids else [],
            "old_href": "#" + _anchor("old", ospan) if old is not None and ospan else "",
            "new_href": "#" + _anchor("new", nspan) if new is not None and nspan else "",
        })
    return out


def _deltas(diff: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for n, p in enumerate(diff.get("pairs") or [], start=1):
        for d in p.get("figure_deltas") or []:
            metric, old_v, new_v, change, rel = delta_cells(d)
            comparable = bool(d.get("comparable"))
            out.append({
                "pair": n,
                "section": str(p.get("new_title") or p.get("old_title") or ""),
                "metric": metric,
                "old": old_v,
                "new": new_v,
                "abs": change if comparable else "",
                "rel": rel,
                "comparable": comparable,
                "note": str(d.get("note") or ""),
                "old_quote": str((d.get("old") or {}).get("quote") or "")
                if isinstance(d.get("old"), dict) else "",
                "new_quote": str((d.get("new") or {}).get("quote") or "")
                if isinstance(d.get("new"), dict) else "",
            })
    return out


def _texts(audit: dict[str, Any] | None, diff: dict[str, Any] | None, old: Any,
           new: Any) -> list[dict[str, Any]]:
    """Both source texts with promise, evidence and figure spans marked, and an anchor
    at every span the ledger or the comparison links to."""
    if old is None or new is None:
        return []
    marks: dict[str, list[Mark]] = {"old": [], "new": []}
    for item in (audit or {}).get("promises") or []:
        p = item.get("promise") or {}
        span = _span(p.get("span"))
        if span:
            marks["old"].append(Mark(*span, "promise", _anchor("old", span),
                                     f"promise {p.get('id')}"))
        for ev in item.get("evidence") or []:
            es = _span(ev.get("span"))
            if es:
                marks["new"].append(Mark(*es, "evidence", _anchor("new", es),
                                         f"evidence for {p.get('id')}"))
    for pair in (diff or {}).get("pairs") or []:
        for role in ("old", "new"):
            ps = _span(pair.get(f"{role}_span"))
            if ps:
                marks[role].append(Mark(*ps, "anchor", _anchor(role, ps)))
    out = []
    for role, report in (("old", old), ("new", new)):
        try:
            figures = report.figures
        except ImportError:  # figure extraction not available: texts without figure marks
            figures = ()
        for fig in figures:
            fs = _span(getattr(fig, "value_span", None) or getattr(fig, "span", None))
            if fs:
                marks[role].append(Mark(*fs, "figure", "", str(getattr(fig, "metric", "") or "")))
        out.append({"role": role, "title": str(getattr(report, "title", "") or ""),
                    "runs": annotate(report.source_text, marks[role])})
    return out


def _context(kind: str, *, audit: dict[str, Any] | None, diff: dict[str, Any] | None,
             old: Any, new: Any, chart_engine: str, notes: list[str]) -> dict[str, Any]:
    from .. import __version__
    from .chart import targets_chart_svg

    base = audit if kind == "audit" else diff
    assert base is not None
    sides = [_side(base, "old", old), _side(base, "new", new)]
    title = ("Promise audit" if kind == "audit" else "Changes") + \
        f": {sides[0].title} → {sides[1].title}"
    ledger = _ledger(audit, old, new) if audit is not None else []
    sections = sorted({(r["section"], r["section_title"]) for r in ledger if r["section"]},
                      key=lambda s: _section_key(s[0]))
    chart = ""
    if audit is not None:
        from markupsafe import Markup

        chart = Markup(targets_chart_svg(audit, engine=chart_engine))
    return {
        "kind": kind,
        "title": title,
        "version": __version__,
        "sides": sides,
        "has_audit": audit is not None,
        "has_diff": diff is not None,
        "summary": _summary(audit) if audit is not None else [],
        "total": len(ledger),
        "ledger": ledger,
        "sections": sections,
        "verdicts": VERDICTS,
        "chart": chart,
        "diff_summary": _diff_summary(diff) if diff is not None else None,
        "pairs": _pairs(diff, old, new) if diff is not None else [],
        "deltas": _deltas(diff) if diff is not None else [],
        "texts": _texts(audit, diff, old, new),
        "notes": notes,
    }


def _section_key(sid: str) -> list[tuple[int, int | str]]:
    """Sort key of a section id: ``2.10`` after ``2.9``, text ids after numbers."""
    return [(0, int(x)) if x.isdigit() else (1, x) for x in sid.split(".")]


def _diff_summary(diff: dict[str, Any]) -> dict[str, Any]:
    s = diff.get("summary") or {}
    return {
        "unchanged": fmt_share(s.get("unchanged_share")),
        "new": [fmt_ids(i) for i in s.get("new") or []],
        "dropped": [fmt_ids(i) for i in s.get("dropped") or []],
        "moved": [f"{fmt_ids(m.get('old'))} → {fmt_ids(m.get('new'))}"
                  for m in s.get("moved") or []],
        "most_changed": [f"{fmt_ids(m.get('old'))} → {fmt_ids(m.get('new'))} "
                         f"({fmt_share(m.get('unchanged_share'))} unchanged)"
                         for m in s.get("most_changed") or []],
    }


def _page(context: dict[str, Any]) -> str:
    from markupsafe import Markup

    env = environment()
    # The shipped CSS and JS are ours, not report text: they go in verbatim.  The
    # CSP hash must cover the script exactly as it appears between the tags, so it
    # is computed on the rendered page (the only <script> element, at its end).
    html = env.get_template("report.html.j2").render(
        style=Markup(_asset("report.css")), script=Markup(_asset("report.js")),
        csp=_CSP_PLACEHOLDER, **context)
    start = html.rindex("<script>") + len("<script>")
    script = html[start:html.index("</script>", start)]
    return html.replace(_CSP_PLACEHOLDER, _csp(script), 1)


_CSP_PLACEHOLDER = "reportdiff-csp-placeholder"


def audit_html(audit: dict[str, Any], *, old: Any = None, new: Any = None,
               diff: dict[str, Any] | None = None, chart_engine: str = "auto",
               notes: list[str] | None = None) -> str:
    """The HTML report of an audit dict (ledger first).

    ``old``/``new`` are the two :class:`~reportdiff.report.Report` objects:
    with them the page shows both texts with the promises, evidence and
    figures marked, and the ledger links into them.  ``diff`` (a diff dict)
    adds the side-by-side comparison and the figure-delta table.
    """
    return _page(_context("audit", audit=audit, diff=diff, old=old, new=new,
                          chart_engine=chart_engine, notes=list(notes or [])))


def diff_html(diff: dict[str, Any], *, old: Any = None, new: Any = None,
              audit: dict[str, Any] | None = None, chart_engine: str = "auto",
              notes: list[str] | None = None) -> str:
    """The HTML report of a diff dict (side-by-side comparison first); see :func:`audit_html`."""
    return _page(_context("diff", audit=audit, diff=diff, old=old, new=new,
                          chart_engine=chart_engine, notes=list(notes or [])))


def audit_repr_html(audit: dict[str, Any], *, limit: int = 20) -> str:
    """A compact HTML table for notebooks (``Audit._repr_html_``): summary plus ledger rows."""
    env = environment()
    return env.get_template("repr_audit.html.j2").render(
        summary=[s for s in _summary(audit) if s["count"]], ledger=_ledger(audit, None, None),
        limit=limit, total=len(audit.get("promises") or []))


def diff_repr_html(diff: dict[str, Any], *, limit: int = 20) -> str:
    """A compact HTML table for notebooks (``Diff._repr_html_``): summary plus section pairs."""
    env = environment()
    return env.get_template("repr_diff.html.j2").render(
        summary=_diff_summary(diff), pairs=_pairs(diff, None, None), limit=limit)
