"""Speed of a comparison, and the similarity baselines of unrelated texts.

Usage::

    python benchmarks/bench_compare.py [--corpus ../shared/corpus] [--old 2018 --new 2019]
    python benchmarks/bench_compare.py --baseline

Speed (printed, never asserted): the time of segmenting both reports once
with a fresh plain ``jieba.Tokenizer`` (dictionary load included, and
warm), beside the time of ``align`` and ``align + diff`` of the same pair
with reportdiff's tokenizer warm (its dictionary loaded, texts not yet cut)
and hot (segmentation cached).

Baseline: every measure of :mod:`reportdiff.similarity` for
  * consecutive reports (2017-2018, 2018-2019) and reports decades apart
    (1956, 1979, 2019), whole documents;
  * chapters of reports decades apart (every chapter of 1979-1989 against
    every chapter of 2010-2019): mean, 95th percentile and maximum;
  * the same for chapters of *the same* report that are different chapters.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus"


def _load(corpus: Path, year: int):  # type: ignore[no-untyped-def]
    import reportdiff

    return reportdiff.load(corpus / "national" / f"{year}.txt")


def speed(corpus: Path, old_year: int, new_year: int, repeat: int = 5) -> None:
    import jieba

    import reportdiff
    from reportdiff.tokenize import JiebaTokenizer

    old, new = _load(corpus, old_year), _load(corpus, new_year)
    t = time.perf_counter()
    plain = jieba.Tokenizer()
    plain.initialize()
    plain.lcut(old.text)
    plain.lcut(new.text)
    cold = time.perf_counter() - t
    t = time.perf_counter()
    plain.lcut(old.text)
    plain.lcut(new.text)
    warm = time.perf_counter() - t
    print(f"jieba, segment both texts once: {cold * 1000:8.1f} ms with dictionary load, "
          f"{warm * 1000:8.1f} ms warm  ({len(old.text) + len(new.text)} characters)")

    for backend in ("jieba", "auto"):
        times_a, times_ad = [], []
        for _ in range(repeat):
            tok = JiebaTokenizer(backend=backend)  # type: ignore[arg-type]
            tok.cut("预热")  # dictionary loaded, report texts not cut yet
            t = time.perf_counter()
            al = reportdiff.align(old, new, tokenizer=tok)
            times_a.append(time.perf_counter() - t)
            t = time.perf_counter()
            reportdiff.diff(old, new, alignment=al, tokenizer=tok)
            times_ad.append(time.perf_counter() - t + times_a[-1])
        t = time.perf_counter()
        al = reportdiff.align(old, new, tokenizer=tok)
        reportdiff.diff(old, new, alignment=al, tokenizer=tok)
        hot = time.perf_counter() - t
        print(f"reportdiff ({tok.backend:6}): align {min(times_a) * 1000:8.1f} ms, "
              f"align + diff {min(times_ad) * 1000:8.1f} ms (warm, best of {repeat}); "
              f"align + diff hot {hot * 1000:8.1f} ms")


def baseline(corpus: Path) -> None:
    from reportdiff.align import units
    from reportdiff.similarity import MEASURES, TfidfModel, compare_texts
    from reportdiff.tokenize import default_tokenizer

    tok = default_tokenizer()
    print("whole documents")
    print(f"{'pair':<12}" + "".join(f"{m:>9}" for m in MEASURES))
    for a, b in [(2017, 2018), (2018, 2019), (1979, 2019), (1956, 2019), (1956, 1979)]:
        ra, rb = _load(corpus, a), _load(corpus, b)
        s = compare_texts(ra.text, rb.text, tokenizer=tok)
        print(f"{a}-{b:<7}" + "".join(f"{s[m]:9.3f}" for m in MEASURES))

    def chapters(years: range) -> list[str]:
        out = []
        for y in years:
            f = corpus / "national" / f"{y}.txt"
            if f.exists():
                r = _load(corpus, y)
                out.extend(r.section_text(u) for u in units(r, "chapter")
                           if u.role != "other" and len(r.section_text(u)) > 100)
        return out

    old_ch, new_ch = chapters(range(1979, 1990)), chapters(range(2010, 2020))
    model = TfidfModel(old_ch + new_ch, tokenizer=tok)
    pairs = [(a, b) for a in old_ch[::3] for b in new_ch[::5]]
    _summary(f"chapters 1979-1989 x 2010-2019 ({len(pairs)} pairs)", pairs, model, tok)
    r = _load(corpus, 2019)
    same = [r.section_text(u) for u in units(r, "chapter") if u.role == "plan"]
    pairs = [(a, b) for i, a in enumerate(same) for b in same[i + 1:]]
    _summary(f"different plan chapters of 2019 ({len(pairs)} pairs)", pairs,
             TfidfModel([r.text], tokenizer=tok), tok)


def _summary(title: str, pairs: list[tuple[str, str]], model, tok) -> None:  # type: ignore[no-untyped-def]
    from reportdiff.similarity import MEASURES, compare_texts

    scores = [compare_texts(a, b, tokenizer=tok, model=model) for a, b in pairs]
    print(f"\n{title}")
    print(f"{'':<8}" + "".join(f"{m:>9}" for m in MEASURES))
    for name, fn in [("mean", statistics.fmean),
                     ("p95", lambda v: sorted(v)[int(0.95 * (len(v) - 1))]),
                     ("max", max)]:
        print(f"{name:<8}" + "".join(f"{fn([s[m] for s in scores]):9.3f}" for m in MEASURES))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--old", type=int, default=2018)
    ap.add_argument("--new", type=int, default=2019)
    ap.add_argument("--baseline", action="store_true")
    args = ap.parse_args(argv)
    if not (args.corpus / "national").is_dir():
        print(f"corpus not found at {args.corpus}", file=sys.stderr)
        return 1
    if args.baseline:
        baseline(args.corpus)
    else:
        speed(args.corpus, args.old, args.new)
    return 0


if __name__ == "__main__":
    sys.exit(main())
