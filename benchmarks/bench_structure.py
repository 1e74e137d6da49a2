"""Speed and coverage of the structure parser over the national corpus.

Usage::

    python benchmarks/bench_structure.py [--corpus ../shared/corpus]

Prints, per report, the plan year found, the number of top-level sections, chapters,
topics, paragraphs and sentences, the roles of the parts and any
``StructureWarning``; then the time of ``parse_structure`` alone (the
normalised text is built once beforehand) and the totals.  Nothing is
asserted: the tests in ``tests/test_structure.py`` pin the behaviour.
"""

from __future__ import annotations

import argparse
import time
import warnings
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=HERE.parent.parent / "shared" / "corpus")
    args = parser.parse_args()

    import reportdiff
    from reportdiff.errors import StructureWarning
    from reportdiff.structure import parse_structure

    paths = sorted((args.corpus / "national").glob("*.txt"))
    if not paths:
        raise SystemExit(f"no reports under {args.corpus / 'national'}")
    total = 0.0
    with_year = 0
    for path in paths:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", StructureWarning)
            report = reportdiff.load(path)
            start = time.perf_counter()
            parse_structure(report.norm, path=str(path), check=False)
            total += time.perf_counter() - start
        kinds = Counter(s.kind for s in report.walk())
        roles = "".join(s.role[0] for s in report.sections if s.title or s.role != "other")
        with_year += report.year is not None
        notes = "; ".join(dict.fromkeys(str(w.message).split(": ", 1)[-1][:30] for w in caught
                                        if issubclass(w.category, StructureWarning)))
        print(f"{path.stem}  year={report.year}  top={kinds['part']:2d} "
              f"chapters={kinds['chapter']:3d} topics={kinds['topic']:3d} "
              f"paragraphs={kinds['paragraph']:3d} sentences={kinds['sentence']:4d} "
              f"roles={roles:12s} {notes}")
    print(f"\n{len(paths)} reports, plan year found for {with_year}; "
          f"parse_structure total {total:.3f} s, {1000 * total / len(paths):.1f} ms per report")


if __name__ == "__main__":
    main()
