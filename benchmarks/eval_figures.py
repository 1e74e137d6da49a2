"""Evaluate figure extraction against the hand-labelled set in ``benchmarks/labels/figures``.

Each ``*.jsonl`` label file points into a corpus file (spans into the raw
text as read with ``open(path, encoding="utf-8").read()``):

* a ``region`` line: the part of the file that was labelled completely;
* gold figures ``{"span", "quote", "value", "unit", "kind"}``;
* traps ``{"span", "quote", "trap"}``: numerals that must never be a figure;
* ``ignore`` lines: spans where either answer is defensible (not scored).

A prediction matches a gold figure when their number spans overlap (one to
one, in text order).  Prints precision, recall, unit/value/kind agreement on
the matches and trap hits, per file and overall; ``-v`` lists every miss,
false positive and disagreement.

Usage::

    python benchmarks/eval_figures.py [-v] [--corpus ../shared/corpus] [--labels DIR]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import reportdiff
from reportdiff.figures import Figure, extract_figures


def _overlap(a: tuple[int, int] | list[int], b: tuple[int, int] | list[int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def load_labels(labels_dir: Path) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for path in sorted(labels_dir.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                out[d["file"]].append(d)
    return out


def evaluate_file(corpus: Path, file: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    raw = (corpus / file).read_text(encoding="utf-8")
    report = reportdiff.load(corpus / file)
    if report.source_text != raw:
        report = reportdiff.Report.from_text(raw, check=False)
    for r in rows:
        if "span" in r:
            s, e = r["span"]
            assert raw[s:e] == r["quote"], (file, r)
    regions = [r["region"] for r in rows if "region" in r]
    gold = [r for r in rows if "value" in r]
    traps = [r for r in rows if "trap" in r]
    ignores = [r for r in rows if "ignore" in r]
    preds: list[Figure] = [
        f for f in extract_figures(report)
        if any(_overlap(f.value_span, reg) for reg in regions)
        and not any(_overlap(f.value_span, ig["span"]) for ig in ignores)
    ]
    matched: dict[int, int] = {}  # gold index -> pred index
    used: set[int] = set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            if pi not in used and _overlap(p.value_span, g["span"]):
                matched[gi] = pi
                used.add(pi)
                break
    trap_hits = [(t, p) for t in traps for p in preds if _overlap(p.value_span, t["span"])]
    pairs = [(gold[g], preds[p]) for g, p in matched.items()]
    return {
        "file": file,
        "report": report,
        "gold": gold,
        "preds": preds,
        "tp": len(matched),
        "fp": [p for i, p in enumerate(preds) if i not in used],
        "fn": [g for i, g in enumerate(gold) if i not in matched],
        "unit_ok": sum(g["unit"] == p.unit for g, p in pairs),
        "value_ok": sum(math.isclose(g["value"], p.value, rel_tol=1e-4) for g, p in pairs),
        "kind_ok": sum(g["kind"] == p.kind for g, p in pairs),
        "pairs": pairs,
        "traps": len(traps),
        "trap_hits": trap_hits,
    }


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "n/a"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--labels", type=Path, default=ROOT / "benchmarks" / "labels" / "figures")
    args = ap.parse_args(argv)
    labels = load_labels(args.labels)
    if not args.corpus.is_dir():
        print(f"corpus not found at {args.corpus}: pass --corpus", file=sys.stderr)
        return 2
    results = [evaluate_file(args.corpus, f, rows) for f, rows in sorted(labels.items())]
    header = f"{'file':<22}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'unit':>8}{'value':>8}" \
             f"{'kind':>8}{'traps':>7}{'hits':>6}"
    print(header)
    tot = defaultdict(int)
    for r in results:
        g, p, tp = len(r["gold"]), len(r["preds"]), r["tp"]
        print(f"{r['file']:<22}{g:>6}{p:>6}{_ratio(tp, p):>8}{_ratio(tp, g):>8}"
              f"{_ratio(r['unit_ok'], tp):>8}{_ratio(r['value_ok'], tp):>8}"
              f"{_ratio(r['kind_ok'], tp):>8}{r['traps']:>7}{len(r['trap_hits']):>6}")
        for k in ("tp", "unit_ok", "value_ok", "kind_ok", "traps"):
            tot[k] += r[k]
        tot["gold"] += g
        tot["pred"] += p
        tot["hits"] += len(r["trap_hits"])
    print(f"{'ALL':<22}{tot['gold']:>6}{tot['pred']:>6}{_ratio(tot['tp'], tot['pred']):>8}"
          f"{_ratio(tot['tp'], tot['gold']):>8}{_ratio(tot['unit_ok'], tot['tp']):>8}"
          f"{_ratio(tot['value_ok'], tot['tp']):>8}{_ratio(tot['kind_ok'], tot['tp']):>8}"
          f"{tot['traps']:>7}{tot['hits']:>6}")
    if args.verbose:
        for r in results:
            src = r["report"].source_text

            def ctx(span: Any, src: str = src) -> str:
                s, e = span
                return (src[max(0, s - 12):s] + "【" + src[s:e] + "】" + src[e:e + 8]).replace(
                    "\n", "⏎").replace("\u200b", "")

            print(f"\n== {r['file']}")
            for g in r["fn"]:
                print(f"  MISS  {g['quote']!r} {g['unit']} {g['kind']}  {ctx(g['span'])}")
            for p in r["fp"]:
                print(f"  FP    {p.value_text} {p.unit} {p.kind}  {ctx(p.value_span)}")
            for t, p in r["trap_hits"]:
                print(f"  TRAP  {t['trap']} {t['quote']!r} <- {p.value_text} {p.unit}")
            for g, p in r["pairs"]:
                if g["unit"] != p.unit or not math.isclose(g["value"], p.value, rel_tol=1e-4):
                    print(f"  UNIT  gold {g['value']} {g['unit']!r} pred {p.value} {p.unit!r}"
                          f"  {ctx(g['span'])}")
                elif g["kind"] != p.kind:
                    print(f"  KIND  gold {g['kind']} pred {p.kind}  {ctx(g['span'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
