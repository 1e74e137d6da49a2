"""Speed and size of every output format on real report pairs (prints, asserts nothing).

Usage::

    python benchmarks/bench_render.py [--corpus ../shared/corpus] [--pairs 2018 2017 ...]

For each national pair Y-1 → Y (default: every consecutive pair 2004 … 2019
present in the corpus) it runs ``reportdiff.audit`` and ``reportdiff.diff``
once, then times ``write_audit`` / ``write_diff`` in every format and prints
the output size.  The HTML page is rendered with both results and both texts.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=HERE.parents[1] / "shared" / "corpus")
    ap.add_argument("--pairs", type=int, nargs="*", help="NEW years (the pair is NEW-1 → NEW)")
    args = ap.parse_args()

    import reportdiff
    from reportdiff.render import write_audit, write_diff

    nat = args.corpus / "national"
    years = args.pairs or [y for y in range(2004, 2020)
                           if (nat / f"{y}.txt").exists() and (nat / f"{y - 1}.txt").exists()]
    print(f"{'pair':<11} {'promises':>8} {'pairs':>5} {'html KB':>8} {'html s':>7} "
          f"{'md KB':>6} {'csv KB':>6} {'json KB':>7} {'sqlite s':>8} {'figures':>7}")
    totals = {"html": 0.0, "sqlite": 0.0}
    with tempfile.TemporaryDirectory() as tmp:
        for y in years:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", reportdiff.ReportDiffWarning)
                old = reportdiff.load(nat / f"{y - 1}.txt")
                new = reportdiff.load(nat / f"{y}.txt")
                audit = reportdiff.audit(old, new)
                diff = reportdiff.diff(old, new)
            t = time.perf_counter()
            html = write_audit(audit, "html", old=old, new=new, diff=diff)
            t_html = time.perf_counter() - t
            md = write_audit(audit, "md") + write_diff(diff, "md")
            csv = write_audit(audit, "csv") + write_diff(diff, "csv", rows="figure")
            js = write_audit(audit, "json") + write_diff(diff, "json")
            t = time.perf_counter()
            write_audit(audit, "sqlite", Path(tmp) / f"{y}.db", old=old, new=new)
            t_sql = time.perf_counter() - t
            totals["html"] += t_html
            totals["sqlite"] += t_sql
            n_fig = len(old.figures) + len(new.figures)

            def kb(s):
                return len(s.encode("utf-8")) / 1024

            print(f"{y - 1}→{y:<6} {len(audit.to_dict()['promises']):>8} {len(diff.pairs):>5} "
                  f"{kb(html):>8.0f} {t_html:>7.2f} {kb(md):>6.0f} {kb(csv):>6.0f} "
                  f"{kb(js):>7.0f} {t_sql:>8.2f} {n_fig:>7}")
    print(f"total: html {totals['html']:.1f} s, sqlite {totals['sqlite']:.1f} s "
          f"over {len(years)} pairs")


if __name__ == "__main__":
    main()
