"""Speed and result of the section-pair diff on two real reports (prints, asserts nothing).

Usage::

    python benchmarks/bench_diff.py [OLD_YEAR NEW_YEAR] [--corpus DIR]

Prints, for the national reports of the two years (default 2018 → 2019):

* the baselines of the issue: ``difflib`` over the whole documents, and pure
  Python diff-match-patch over the whole documents with its default 1 s
  timeout (the time limit decides that result);
* reportdiff: align (warm) and diff (warm) with the C++ engine, the number of
  pairs and the unchanged share, at word and character level;
* the same pairs diffed with the pure-Python engine (no time limit);
* jieba segmenting both texts once, the yardstick of the issue.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path


def _best(fn, repeat: int = 7) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("years", nargs="*", type=int, default=[2018, 2019])
    parser.add_argument("--corpus", default=os.environ.get(
        "REPORTDIFF_CORPUS", str(Path(__file__).resolve().parents[2] / "shared" / "corpus")))
    args = parser.parse_args()
    if len(args.years) != 2:
        parser.error("give two years, or none for 2018 2019")
    y0, y1 = args.years

    import reportdiff
    from reportdiff.align import align
    from reportdiff.textdiff import default_engine

    root = Path(args.corpus) / "national"
    old = reportdiff.load(root / f"{y0}.txt")
    new = reportdiff.load(root / f"{y1}.txt")
    print(f"national {y0} → {y1}: {len(old.text)} + {len(new.text)} characters")

    # -- baselines over whole documents ---------------------------------------------
    import difflib

    t, sm = _best(lambda: difflib.SequenceMatcher(None, old.text, new.text, autojunk=True),
                  repeat=1)
    t0 = time.perf_counter()
    ratio = sm.ratio()  # type: ignore[union-attr]
    t += time.perf_counter() - t0
    print(f"  difflib, whole documents:              {t:7.3f} s, ratio {ratio:.1%}")
    import diff_match_patch as dmp_module

    dmp = dmp_module.diff_match_patch()  # default Diff_Timeout = 1.0 s
    t, ops = _best(lambda: dmp.diff_main(old.text, new.text), repeat=1)
    print(f"  pure dmp, whole documents, 1 s limit:  {t:7.3f} s, {len(ops)} operations")  # type: ignore[arg-type]

    # -- reportdiff -------------------------------------------------------------------
    import jieba

    tok = jieba.Tokenizer()
    tok.initialize()
    alignment = align(old, new)
    reportdiff.diff(old, new, alignment=alignment)
    # Interleaved rounds, so that the yardstick and the comparison see the same machine load.
    seg, ali, dif = [], [], []
    for _ in range(7):
        seg.append(_best(lambda: (tok.lcut(old.text), tok.lcut(new.text)), repeat=1)[0])
        t, alignment = _best(lambda: align(old, new), repeat=1)
        ali.append(t)
        dif.append(_best(lambda al=alignment: reportdiff.diff(old, new, alignment=al),
                         repeat=1)[0])
    ratios = sorted((a + d) / s for s, a, d in zip(seg, ali, dif))
    print(f"  jieba segmenting both texts once:      {min(seg):7.3f} s   (the yardstick)")
    print(f"  align (chapter level), warm:           {min(ali):7.3f} s, "
          f"{len(alignment.links)} links {alignment.counts()}")  # type: ignore[union-attr]
    print(f"  align + diff (word) / jieba pass:      median {ratios[len(ratios) // 2]:.0%}, "
          f"range {ratios[0]:.0%}-{ratios[-1]:.0%} over {len(ratios)} interleaved rounds")
    for level in ("word", "char"):
        reportdiff.diff(old, new, alignment=alignment, level=level)
        t_diff, d = _best(lambda lv=level: reportdiff.diff(old, new, alignment=alignment,
                                                           level=lv))
        s = d.summary  # type: ignore[union-attr]
        print(f"  diff, {level:4} level, {default_engine()} engine, warm:   {t_diff:7.3f} s, "
              f"{len(d.pairs)} pairs, unchanged {s.unchanged_share:.1%} "  # type: ignore[union-attr]
              f"(2×{s.equal_chars} / {s.old_chars}+{s.new_chars})")
    t_pure, dp = _best(lambda: reportdiff.diff(old, new, alignment=alignment, engine="pure"),
                       repeat=1)
    print(f"  diff, word level, pure engine:         {t_pure:7.3f} s, "
          f"unchanged {dp.summary.unchanged_share:.1%}")  # type: ignore[union-attr]
    t_pure_c, dpc = _best(lambda: reportdiff.diff(old, new, alignment=alignment, level="char",
                                                  engine="pure"), repeat=1)
    print(f"  diff, char level, pure engine:         {t_pure_c:7.3f} s, "
          f"unchanged {dpc.summary.unchanged_share:.1%}")  # type: ignore[union-attr]


if __name__ == "__main__":
    main()
