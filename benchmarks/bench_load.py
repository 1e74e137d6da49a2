"""Time loading (decode, chrome, normalise, structure) of one national report and the bundled one.

Cold: a fresh interpreter imports reportdiff and loads the file once (what a
CLI call pays).  Warm: the median of N loads in this process.  Also times the
same report as HTML, DOCX and PDF built from its text.  "size" is characters
for the .txt files and bytes for the built files.

    python benchmarks/bench_load.py [--year 2019] [-n 7]
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "corpus" / "hongshan-2019.txt"
CORPUS = ROOT.parent / "shared" / "corpus"

_COLD = """
import time, sys
t = time.perf_counter()
import reportdiff
t_import = time.perf_counter() - t
t = time.perf_counter()
reportdiff.load(sys.argv[1])
print(f"{t_import:.4f} {time.perf_counter() - t:.4f}")
"""


def cold(path: Path) -> tuple[float, float]:
    out = subprocess.run([sys.executable, "-c", _COLD, str(path)], check=True,
                         capture_output=True, text=True).stdout.split()
    return float(out[0]), float(out[1])


def warm(path: Path, n: int) -> float:
    import reportdiff

    reportdiff.load(path)
    times = []
    for _ in range(n):
        t = time.perf_counter()
        reportdiff.load(path)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def _formats(text: str, tmp: Path) -> dict[str, Path]:
    """The report's paragraphs as HTML, DOCX and PDF files."""
    from xml.sax.saxutils import escape

    paras = [line.strip() for line in text.splitlines() if line.strip()]
    html = tmp / "r.html"
    html.write_text("<html><body>" + "".join(f"<p>{escape(p)}</p>" for p in paras)
                    + "</body></html>", encoding="utf-8")
    import docx

    d = docx.Document()
    for p in paras:
        d.add_paragraph(p)
    docx_path = tmp / "r.docx"
    d.save(docx_path)
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("b", fontName="STSong-Light", fontSize=11, leading=16,
                           wordWrap="CJK", firstLineIndent=22)
    buf = io.BytesIO()
    SimpleDocTemplate(buf).build([Paragraph(escape(p), style) for p in paras])
    pdf = tmp / "r.pdf"
    pdf.write_bytes(buf.getvalue())
    return {"html": html, "docx": docx_path, "pdf": pdf}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, default=2019)
    parser.add_argument("-n", type=int, default=7, help="warm repetitions (median)")
    args = parser.parse_args()
    files = {"bundled hongshan-2019.txt": BUNDLED}
    national = CORPUS / "national" / f"{args.year}.txt"
    if national.is_file():
        files[f"national/{args.year}.txt"] = national
    else:
        print(f"(no corpus at {CORPUS}: national report skipped)")
    print(f"{'file':34} {'size':>7} {'import s':>9} {'cold load s':>11} {'warm load s':>11}")
    for label, path in files.items():
        t_import, t_cold = cold(path)
        chars = len(path.read_text(encoding="utf-8"))
        print(f"{label:34} {chars:7d} {t_import:9.3f} {t_cold:11.3f} {warm(path, args.n):11.4f}")
    with tempfile.TemporaryDirectory() as tmp:
        src = national if national.is_file() else BUNDLED
        for fmt, path in _formats(src.read_text(encoding="utf-8"), Path(tmp)).items():
            print(f"{src.name + ' as ' + fmt:34} {path.stat().st_size:7d} {'':9} "
                  f"{cold(path)[1]:11.3f} {warm(path, args.n):11.4f}")


if __name__ == "__main__":
    main()
