"""Evaluate :func:`reportdiff.align` against the hand-labelled pairs in ``labels/align``.

Usage::

    python benchmarks/eval_align.py [--corpus ../shared/corpus] [--level chapter] [LABEL.json ...]

Each label file names two corpus files and lists gold links (plan units of the
old report vs plan units of the new one) and gold review links (review items
of the new report vs plan units of the old one), every unit quoted by the
start of its heading.  A quote is resolved to the unit (see
:func:`reportdiff.align.units`) whose normalised text starts with it, after
at most a short heading number (``（一）``, ``一是``), so the labels survive
changes of section ids.

Scoring is over *edges*: a link ``{old: [a], new: [b, c]}`` is the edges
``(a, b)`` and ``(a, c)``.  For links, predicted edges count when they touch
a plan unit of either report (links among review parts are not labelled);
for review links, predicted edges of the labelled review items count.
Precision, recall and F1 are printed per pair, pooled over each round of held-out
pairs (:data:`HELD_OUT`), over the others, and over all pairs; for links also the
share of correct edges whose relation agrees with the label.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
LABELS = HERE / "labels" / "align"
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus"

#: Pairs labelled blind, by round (labels/align/README.md): the first before the options and
#: the method were revised, the second after.  The other pairs are the development pairs.
HELD_OUT = {"held-out 1": ("2009-2010", "2012-2013", "2013-2014"),
            "held-out 2": ("2007-2008", "2010-2011"),
            "held-out 3": ("2004-2005", "2008-2009", "2014-2015"),
            "held-out 4": ("2005-2006", "2006-2007")}

#: How far into a unit its quoted heading may start (room for "（十一）", "一是").
HEADING_SLACK = 6


def resolve(report: Any, quote: str, level: str, *, preamble: bool = False) -> str:
    """The id of the unit at ``level`` whose text starts with ``quote``.

    ``preamble=True`` also admits a part's titled summary topics before its
    first chapter, which are units of review links (``units(..., preamble=True)``).
    """
    from reportdiff.align import units
    from reportdiff.normalize import normalize

    q = normalize(quote).text
    text = report.text
    found = []
    for u in units(report, level, preamble=preamble):  # type: ignore[arg-type]
        s, e = u.nspan
        pos = text.find(q, s, min(e, s + HEADING_SLACK + len(q)))
        if pos != -1 and pos - s <= HEADING_SLACK:
            found.append(u.id)
    if len(found) != 1:
        raise ValueError(f"quote {quote!r} matches {len(found)} units of {report.source.path}")
    return found[0]


def _edges(pairs: list[tuple[list[str], list[str]]]) -> set[tuple[str, str]]:
    return {(a, b) for olds, news in pairs for a in olds for b in news}


def _prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 1.0
    r = tp / ngold if ngold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(label_path: Path, corpus: Path, *, level: str | None = None,
             **options: Any) -> dict[str, Any]:
    """Counts for one label file: true positives, predicted and gold edges."""
    import reportdiff
    from reportdiff.align import align, units

    lab = json.loads(label_path.read_text(encoding="utf-8"))
    lvl = level or lab.get("level", "chapter")
    old = reportdiff.load(corpus / lab["old"])
    new = reportdiff.load(corpus / lab["new"])
    al = align(old, new, level=lvl, **options)

    def ids(rep: Any, quotes: list[str], preamble: bool = False) -> list[str]:
        return [resolve(rep, q, lvl, preamble=preamble) for q in quotes]

    gold_links = [(ids(old, g["old"]), ids(new, g["new"])) for g in lab["links"]]
    gold_rel = {}
    for g, (o, n) in zip(lab["links"], gold_links):
        for a in o:
            for b in n:
                gold_rel[(a, b)] = g["relation"]
    gold = _edges(gold_links)
    plan_old = {u.id for u in units(old, lvl, role="plan")}  # type: ignore[arg-type]
    plan_new = {u.id for u in units(new, lvl, role="plan")}  # type: ignore[arg-type]
    pred_rel = {}
    for lk in al.links:
        for a in lk.old:
            for b in lk.new:
                if a in plan_old or b in plan_new:
                    pred_rel[(a, b)] = lk.relation
    pred = set(pred_rel)
    tp = pred & gold
    rel_ok = sum(1 for e in tp if pred_rel[e] == gold_rel[e])

    gold_rv = _edges([(ids(new, g["review"], True), ids(old, g["plan"]))
                      for g in lab["review_links"]])
    labelled = {r for g in lab["review_links"] for r in ids(new, g["review"], True)}
    pred_rv = _edges([(list(r.review), list(r.plan)) for r in al.review_links
                      if set(r.review) & labelled])
    errors = {
        "missed": sorted(gold - pred), "extra": sorted(pred - gold),
        "review_missed": sorted(gold_rv - pred_rv), "review_extra": sorted(pred_rv - gold_rv),
    }
    return {"pair": label_path.stem, "tp": len(tp), "pred": len(pred), "gold": len(gold),
            "rel_ok": rel_ok, "rtp": len(pred_rv & gold_rv), "rpred": len(pred_rv),
            "rgold": len(gold_rv), "errors": errors}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("labels", nargs="*", type=Path)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--level", default=None)
    ap.add_argument("-v", "--verbose", action="store_true", help="list missed and extra edges")
    args = ap.parse_args(argv)
    files = args.labels or sorted(LABELS.glob("*.json"))
    if not (args.corpus / "national").is_dir():
        print(f"corpus not found at {args.corpus}", file=sys.stderr)
        return 1
    rows = [evaluate(f, args.corpus, level=args.level) for f in files]
    print(f"{'pair':<10} {'links P':>8} {'R':>6} {'F1':>6} {'rel':>5}   "
          f"{'review P':>8} {'R':>6} {'F1':>6}")
    tot = dict.fromkeys(["tp", "pred", "gold", "rel_ok", "rtp", "rpred", "rgold"], 0)
    for r in rows:
        for k in tot:
            tot[k] += r[k]
        _print_row(r["pair"], r)
        if args.verbose:
            for k, v in r["errors"].items():
                if v:
                    print(f"    {k}: {v}")
    held = {p for pairs in HELD_OUT.values() for p in pairs}
    groups = [(name, set(pairs)) for name, pairs in HELD_OUT.items()]
    groups.append(("develop", {r["pair"] for r in rows} - held))
    for name, pairs in groups:
        sub = [r for r in rows if r["pair"] in pairs]
        if sub and len(sub) < len(rows):
            _print_row(name, {k: sum(r[k] for r in sub) for k in tot})
    _print_row("overall", tot)
    return 0


def _print_row(name: str, r: dict[str, Any]) -> None:
    p, rc, f = _prf(r["tp"], r["pred"], r["gold"])
    rp, rr, rf = _prf(r["rtp"], r["rpred"], r["rgold"])
    rel = r["rel_ok"] / r["tp"] if r["tp"] else 0.0
    print(f"{name:<10} {p:8.3f} {rc:6.3f} {f:6.3f} {rel:5.2f}   {rp:8.3f} {rr:6.3f} {rf:6.3f}")


if __name__ == "__main__":
    sys.exit(main())
