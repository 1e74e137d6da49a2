"""Time figure extraction on one national report, warm (the report already loaded).

Usage::

    python benchmarks/bench_figures.py [YEAR] [--corpus ../shared/corpus] [--repeat N]

Prints the number of figures and the best and median time per extraction.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import reportdiff
from reportdiff.figures import extract_figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("year", nargs="?", type=int, default=2019)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args(argv)
    path = args.corpus / "national" / f"{args.year}.txt"
    if not path.is_file():
        print(f"{path} not found: pass --corpus", file=sys.stderr)
        return 2
    report = reportdiff.load(path)
    figs = extract_figures(report)  # warm-up: imports, regex compilation, section index
    times = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        extract_figures(report)
        times.append(time.perf_counter() - t0)
    print(f"national/{args.year}.txt: {len(report.text)} chars, {len(figs)} figures")
    print(f"extract_figures warm: best {min(times) * 1000:.1f} ms, "
          f"median {statistics.median(times) * 1000:.1f} ms over {args.repeat} runs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
