"""Evaluate promise extraction and audit verdicts against the hand labels.

Labels: ``benchmarks/labels/audit/OLD-NEW.jsonl`` (one line per promise of
OLD's plan part, spans into the raw corpus files) and
``benchmarks/labels/audit/hongshan-2020.jsonl`` (promises only, no verdicts).

* promise recall: gold promises found by an extracted promise whose span
  overlaps the gold span;
* verdict accuracy: on the found promises, extracted verdict == gold verdict.

Usage::

    python benchmarks/eval_audit.py [--corpus ../shared/corpus] [-v] [--no-align]
                                    [--only 2005-2006 2010-2011 ...]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "benchmarks" / "labels" / "audit"


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def main(argv: list[str] | None = None) -> int:
    import reportdiff
    from reportdiff.verdicts import VERDICTS

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=os.environ.get("REPORTDIFF_CORPUS",
                                                       str(ROOT.parent / "shared" / "corpus")))
    ap.add_argument("-v", "--verbose", action="store_true", help="list every error")
    ap.add_argument("--no-align", action="store_true", help="audit without section alignment")
    ap.add_argument("--only", nargs="+", metavar="STEM",
                    help="label files to evaluate, e.g. 2005-2006 hongshan-2020 (default: all)")
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"corpus not found at {corpus}: pass --corpus", file=sys.stderr)
        return 2
    warnings.simplefilter("ignore")
    cache: dict[str, reportdiff.Report] = {}

    def get(rel: str) -> reportdiff.Report:
        if rel not in cache:
            cache[rel] = reportdiff.load(corpus / rel)
        return cache[rel]

    tot_gold = tot_found = tot_judged = tot_right = 0
    confusion: Counter[tuple[str, str]] = Counter()
    print(f"{'pair':<12}{'gold':>6}{'found':>7}{'recall':>8}{'right':>7}{'accuracy':>10}")
    paths = sorted(LABELS.glob("*.jsonl"))
    if args.only:
        paths = [p for p in paths if p.stem in set(args.only)]
    for path in paths:
        gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip()]
        if not gold:
            continue
        old = get(gold[0]["old_file"])
        has_verdicts = "verdict" in gold[0]
        if has_verdicts:
            new = get(gold[0]["new_file"])
            result = reportdiff.audit(old, new, alignment=not args.no_align)
            items = list(result.items)
            promises = [i.promise for i in items]
        else:
            items = []
            promises = list(old.promises)
        found = right = 0
        for g in gold:
            gspan = tuple(g["old_span"])
            hits = [k for k, p in enumerate(promises) if overlaps(p.span, gspan)]
            if not hits:
                if args.verbose:
                    print(f"  MISSING promise {path.stem}: {g['old_quote']}")
                continue
            found += 1
            if not has_verdicts:
                continue
            # the extracted promise with the most overlap and the closest metric
            k = max(hits, key=lambda k: (min(promises[k].span[1], gspan[1]) -
                                         max(promises[k].span[0], gspan[0]),
                                         -abs(promises[k].span[0] - gspan[0])))
            got = items[k].verdict
            confusion[(g["verdict"], got)] += 1
            if got == g["verdict"]:
                right += 1
            elif args.verbose:
                it = items[k]
                print(f"  WRONG {path.stem} {g['old_quote']}: gold {g['verdict']}, got {got}"
                      f" | {it.rule} | {it.evidence[0].quote[:40] if it.evidence else ''}")
        tot_gold += len(gold)
        tot_found += found
        if has_verdicts:
            tot_judged += found
            tot_right += right
        acc = f"{right / found:.3f}" if has_verdicts and found else "-"
        print(f"{path.stem:<12}{len(gold):>6}{found:>7}{found / len(gold):>8.3f}"
              f"{right if has_verdicts else '-':>7}{acc:>10}")
    print(f"{'overall':<12}{tot_gold:>6}{tot_found:>7}{tot_found / max(tot_gold, 1):>8.3f}"
          f"{tot_right:>7}{tot_right / max(tot_judged, 1):>10.3f}")
    print("\nconfusion (rows gold, columns predicted):")
    short = {v: v[:8] for v in VERDICTS}
    print(f"{'':<14}" + "".join(f"{short[v]:>10}" for v in VERDICTS))
    for g in VERDICTS:
        print(f"{g:<14}" + "".join(f"{confusion[(g, p)]:>10}" for p in VERDICTS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
