"""Speed of the audit: warm audit of a national pair beside jieba; cold CLI beside the imports.

Prints (no asserts):

* warm: ``reportdiff.audit(old, new)`` on two loaded reports (promises and
  figures recomputed each run), with and without the section alignment,
  beside ``jieba.lcut`` of both texts;
* cold: wall time of ``reportdiff --help``, ``reportdiff promises FILE`` and
  ``reportdiff audit OLD NEW`` as fresh processes, beside
  ``python -c "import jieba, sklearn.feature_extraction.text"``, and whether
  ``--help`` / ``figures`` import scikit-learn.

Usage::

    python benchmarks/bench_audit.py [--corpus ../shared/corpus] [--pair 2018 2019] [-n 3]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def best_of(n: int, fn) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def cold(cmd: list[str], n: int) -> float:
    def run() -> None:
        subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return best_of(n, run)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=os.environ.get("REPORTDIFF_CORPUS",
                                                       str(ROOT.parent / "shared" / "corpus")))
    ap.add_argument("--pair", nargs=2, type=int, default=[2018, 2019])
    ap.add_argument("-n", type=int, default=3, help="runs per measure (best is printed)")
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    import jieba

    import reportdiff
    from reportdiff.promises import extract_promises

    old_p = Path(args.corpus) / "national" / f"{args.pair[0]}.txt"
    new_p = Path(args.corpus) / "national" / f"{args.pair[1]}.txt"
    old, new = reportdiff.load(old_p), reportdiff.load(new_p)
    jieba.initialize()

    def fresh() -> tuple[reportdiff.Report, reportdiff.Report]:
        return (reportdiff.Report.from_text(old.source_text, source=old.source),
                reportdiff.Report.from_text(new.source_text, source=new.source))

    a, b = fresh()
    reportdiff.audit(a, b)  # warm caches (jieba dictionary, sklearn import)
    print(f"pair {args.pair[0]} -> {args.pair[1]}: {len(old.text)} + {len(new.text)} chars")
    t_prom = best_of(args.n, lambda: extract_promises(fresh()[0]))
    t_parse = best_of(args.n, fresh)
    t_noalign = best_of(args.n, lambda: reportdiff.audit(*fresh(), alignment=False))
    t_align = best_of(args.n, lambda: reportdiff.audit(*fresh()))
    t_jieba = best_of(args.n, lambda: (jieba.lcut(old.text), jieba.lcut(new.text)))
    print(f"  parse both reports (from text)     {t_parse * 1000:8.1f} ms")
    print(f"  promises of OLD (incl. parse)      {t_prom * 1000:8.1f} ms")
    print(f"  audit, no alignment (incl. parse)  {t_noalign * 1000:8.1f} ms")
    print(f"  audit with alignment (incl. parse) {t_align * 1000:8.1f} ms")
    print(f"  jieba.lcut of both texts           {t_jieba * 1000:8.1f} ms")

    py = sys.executable
    cli = [py, "-m", "reportdiff"]
    print("cold processes (best of", args.n, "):")
    rows = [
        ("python -c 'import jieba, sklearn.feature_extraction.text'",
         [py, "-c", "import jieba, sklearn.feature_extraction.text"]),
        ("reportdiff --help", cli + ["--help"]),
        ("reportdiff promises OLD", cli + ["promises", str(old_p)]),
        ("reportdiff audit OLD NEW --no-align", cli + ["audit", str(old_p), str(new_p),
                                                       "--no-align"]),
        ("reportdiff audit OLD NEW", cli + ["audit", str(old_p), str(new_p)]),
    ]
    for label, cmd in rows:
        print(f"  {label:<58}{cold(cmd, args.n) * 1000:8.0f} ms")
    probe = ("import sys, runpy; sys.argv = ['reportdiff'] + sys.argv[1:]\n"
             "try:\n    runpy.run_module('reportdiff', run_name='__main__')\n"
             "except SystemExit:\n    pass\n"
             "print('sklearn' in sys.modules, 'jieba' in sys.modules, file=sys.stderr)")
    for label, extra in (("--help", ["--help"]), ("figures OLD", ["figures", str(old_p)])):
        res = subprocess.run([py, "-c", probe, *extra], capture_output=True, text=True,
                             check=False)
        sk, jb = res.stderr.strip().splitlines()[-1].split()
        print(f"  reportdiff {label:<14} imports sklearn: {sk}, jieba: {jb}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
