"""HTML, DOCX, PDF and URL loading, with fixtures built here from the bundled report's text."""

from __future__ import annotations

import http.server
import importlib
import io
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar
from xml.sax.saxutils import escape

import pytest
from conftest import BUNDLED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reportdiff
from reportdiff.errors import BrokenDocumentError, DownloadError, NoTextError
from reportdiff.load.html import decode_html, html_to_lines

BUNDLED_TEXT = BUNDLED.read_text(encoding="utf-8")
LINES = [line.strip() for line in BUNDLED_TEXT.splitlines() if line.strip()]
# The report body of the bundled file: from "各位代表" to the line before "附件:".
BODY = LINES[next(i for i, x in enumerate(LINES) if x.startswith("各位代表")):
             LINES.index("附件:")]
TITLE = LINES[0]

#: Sentences to find in every format: a heading, figures, a quote with 《》 and the last line.
SAMPLES = [
    "一、2019年工作回顾",
    "预计地区生产总值增长8%，位居中心城区第三。",
    "固定资产投资增长11%，社会消费品零售总额增长9.2%，分别位居中心城区第三和第二，投资、"
    "消费双轮驱动效应增强。",
    "出台《促进辖区高校科研院所科技成果就地转化的实施意见》",
    "为决胜全面建成小康社会、加快建设国内一流的大学之城和武汉创新驱动的核心动力区而努力奋斗！",
]


def _paragraphs(report: reportdiff.Report) -> list[str]:
    return report.text.split("\n")


def _check_against_txt(report: reportdiff.Report, bundled: reportdiff.Report) -> None:
    """Same headings and sample sentences as the txt; every section quote is in source_text."""
    assert report.text.startswith(TITLE)
    for sample in SAMPLES:
        assert sample in bundled.text
        assert sample in report.text, sample
    heads = [p for p in _paragraphs(bundled)
             if re.match(r"[一二三四五六七八九十]、|（[一二三四五六七八九十]）", p)]
    assert len(heads) >= 5
    assert [p for p in _paragraphs(report) if p in heads] == heads
    for chrome in ("发布时间", "ICP备", "版权所有", "首页", "当前位置"):
        assert chrome not in report.text
    for sec in report.walk():
        s, e = sec.span
        assert 0 <= s <= e <= len(report.source_text)
        assert report.quote(sec.span) == report.source_text[s:e]
    # a sample sentence maps back to a quote that reads the same in the source
    n = report.text.index(SAMPLES[1])
    quote = report.norm.source_span_text(n, n + len(SAMPLES[1]))
    assert re.sub(r"\s", "", quote).replace(",", "，") == SAMPLES[1]


# -- HTML --------------------------------------------------------------------------


def _html_page(charset: str = "gbk") -> str:
    paras = "\n".join(f"<p>&nbsp;&nbsp;{escape(p)}</p>" for p in BODY)
    return f"""<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{TITLE}_洪山区人民政府</title>
<script>var nav = "首页";</script><style>p {{ text-indent: 2em; }}</style>
</head><body>
<div class="top"><a href="/">首页</a> | <a href="/zwgk">政务公开</a> |
<a>互动交流</a> | <a>办事服务</a></div>
<nav><ul><li>网站首页</li><li>政务公开</li></ul></nav>
<div class="position">当前位置：首页 &gt; 政务公开 &gt; 政府工作报告</div>
<div class="article">
<h1>{TITLE}</h1>
<div class="info">发布时间:2019-12-25 信息来源:洪山区政府办公室 字体: [ 大 中 小 ]</div>
<div class="content">
{paras}
</div>
<div class="fj">附件:</div>
</div>
<footer><p>版权所有:武汉市洪山区人民政府 | 鄂ICP备05009168</p></footer>
<div class="foot">主办单位:武汉市洪山区政府办公室 | 联系地址:武汉市洪山区珞狮路300号</div>
</body></html>
"""


@pytest.fixture(scope="module")
def html_gbk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "report.htm"
    path.write_bytes(_html_page("gbk").encode("gb18030"))
    return path


@pytest.fixture(params=["trafilatura", "lxml"])
def engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with trafilatura (when importable) and with the lxml fallback."""
    html_module = importlib.import_module("reportdiff.load.html")

    if request.param == "lxml":
        monkeypatch.setattr(html_module, "_trafilatura", lambda: None)
    elif html_module._trafilatura() is None:
        pytest.skip("trafilatura cannot be imported here (lxml_html_clean missing?)")
    return request.param


def test_html_with_chrome_and_gbk_meta(html_gbk: Path, bundled: reportdiff.Report,
                                       engine: str) -> None:
    report = reportdiff.load(html_gbk)
    assert report.source.format == "html"
    assert report.source.encoding == "gb18030"
    _check_against_txt(report, bundled)
    assert report.text == bundled.text


def test_html_fallback_walk_gives_the_same_text(html_gbk: Path) -> None:
    html, _ = decode_html(html_gbk.read_bytes(), name="x")
    text = html_to_lines(html, use_trafilatura=False)
    assert text.split("\n\n")[:3] == ["首页 | 政务公开 | 互动交流 | 办事服务",
                                     "当前位置：首页 > 政务公开 > 政府工作报告", TITLE]
    assert "var nav" not in text and "text-indent" not in text


def test_html_sniffed_in_a_txt_file(tmp_path: Path, bundled: reportdiff.Report,
                                    engine: str) -> None:
    path = tmp_path / "saved.txt"
    path.write_bytes(_html_page("utf-8").encode("utf-8"))
    report = reportdiff.load(path)
    assert report.source.format == "html"
    assert report.text == bundled.text


def test_html_meta_charset_short_form() -> None:
    data = '<html><head><meta charset="GB2312"></head><body><p>各位代表：</p></body></html>'
    assert decode_html(data.encode("gb2312"), name="x") == (data, "gb18030")


def test_html_single_byte_declarations_are_not_believed() -> None:
    data = '<html><head><meta charset="iso-8859-1"></head><body><p>各位代表</p></body></html>'
    assert decode_html(data.encode("gbk"), name="x", http_charset="windows-1252") == (
        data, "gb18030")


def test_html_without_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>x</title><script>1</script></head><body> </body></html>",
                    encoding="utf-8")
    with pytest.raises(NoTextError, match=r"blank\.html: the HTML page has no text; save the "
                                          r"page after it has loaded"):
        reportdiff.load(path)


# -- DOCX --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def docx_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import docx

    document = docx.Document()
    document.add_heading(TITLE, level=1)
    for para in BODY:
        if re.match(r"[一二三四五六七八九十]、", para):
            document.add_heading(para, level=2)
        else:
            document.add_paragraph(para)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "指标"
    table.cell(0, 1).text = "2019年"
    table.cell(1, 0).text = "地区生产总值增长"
    table.cell(1, 1).text = "8%"
    section = document.sections[0]
    section.footer.paragraphs[0].text = "洪山区人民政府办公室印发"
    path = tmp_path_factory.mktemp("docx") / "report.docx"
    document.save(path)
    return path


def test_docx(docx_path: Path, bundled: reportdiff.Report) -> None:
    report = reportdiff.load(docx_path)
    assert report.source.format == "docx"
    assert report.source.encoding is None
    _check_against_txt(report, bundled)
    assert "地区生产总值增长\t8%" in report.source_text
    assert "印发" not in report.source_text  # page footers are left out
    assert report.text.startswith(bundled.text)  # then the table


def test_docx_damaged(tmp_path: Path, docx_path: Path) -> None:
    path = tmp_path / "cut.docx"
    path.write_bytes(docx_path.read_bytes()[:2000])
    with pytest.raises(BrokenDocumentError, match=r"cut\.docx: cannot read the DOCX \("):
        reportdiff.load(path)


# -- PDF ---------------------------------------------------------------------------


def _pdf_bytes(paragraphs: list[str], *, indent: float = 22.0, numbers: bool = True) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("body", fontName="STSong-Light", fontSize=11, leading=16,
                           wordWrap="CJK", firstLineIndent=indent)
    title = ParagraphStyle("title", parent=style, fontSize=16, leading=24, firstLineIndent=0)

    def page_number(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        if numbers:  # page furniture: a page number and a running header
            canvas.setFont("STSong-Light", 10)
            canvas.drawCentredString(297, 30, f"- {doc.page} -")
            canvas.drawRightString(520, 805, f"洪山区人民政府 第{doc.page}页")

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, title=TITLE)
    story = [Paragraph(escape(TITLE), title)] + [Paragraph(escape(p), style) for p in paragraphs]
    doc.build(story, onFirstPage=page_number, onLaterPages=page_number)
    return buf.getvalue()


@pytest.fixture(scope="module")
def pdf_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    path.write_bytes(_pdf_bytes(BODY))
    return path


def test_pdf(pdf_path: Path, bundled: reportdiff.Report) -> None:
    report = reportdiff.load(pdf_path)
    assert report.source.format == "pdf"
    _check_against_txt(report, bundled)
    # page furniture stays in the source but not in the analysis text
    assert re.search(r"^- 2 -$", report.source_text, re.MULTILINE)
    assert re.search(r"^洪山区人民政府 第3页$", report.source_text, re.MULTILINE)
    assert "- 2 -" not in report.text and "第3页" not in report.text
    # first-line indents rebuild whole paragraphs, across page breaks too; only
    # the one paragraph with "·" (no glyph in STSong-Light) differs
    ours = set(_paragraphs(report))
    theirs = _paragraphs(bundled)
    missing = [p for p in theirs if p not in ours]
    assert len(missing) <= 1 and all("·" in p for p in missing), missing


def test_pdf_without_indents_keeps_sentences(tmp_path: Path, bundled: reportdiff.Report) -> None:
    path = tmp_path / "flat.pdf"
    path.write_bytes(_pdf_bytes(BODY, indent=0, numbers=False))
    report = reportdiff.load(path)
    _check_against_txt(report, bundled)


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.rect(100, 100, 200, 200, fill=1)  # a drawing, no text: like a scan
    c.showPage()
    c.save()
    path = tmp_path / "scan.pdf"
    path.write_bytes(buf.getvalue())
    with pytest.raises(NoTextError, match=r"scan\.pdf: the PDF has no text layer \(1 pages of "
                                          r"images\?\); run OCR on it first"):
        reportdiff.load(path)


def test_pdf_encrypted(tmp_path: Path) -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    enc = pdfencrypt.StandardEncryption("secret", ownerPassword="owner", strength=128)
    c = canvas.Canvas(buf, encrypt=enc)
    c.drawString(100, 700, "hello")
    c.showPage()
    c.save()
    path = tmp_path / "locked.pdf"
    path.write_bytes(buf.getvalue())
    with pytest.raises(BrokenDocumentError, match=r"locked\.pdf: the PDF is encrypted"):
        reportdiff.load(path)


def test_pdf_truncated(tmp_path: Path, pdf_path: Path) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(pdf_path.read_bytes()[:300])
    with pytest.raises(BrokenDocumentError, match=r"cut\.pdf: cannot read the PDF"):
        reportdiff.load(path)


# -- URL ---------------------------------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    """Serves ``pages`` (path → status, content type, body); set on a subclass per server."""

    pages: ClassVar[dict[str, tuple[int, str, bytes]]]

    def do_GET(self) -> None:
        status, ctype, body = self.pages.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server(pdf_path: Path) -> Iterator[str]:
    gbk = _html_page("gbk").encode("gb18030")
    pages = {
        "/report.htm": (200, "text/html", gbk),
        "/report": (200, "text/html; charset=gbk", gbk),
        "/report.txt": (200, "text/plain", BUNDLED_TEXT.encode("gb18030")),
        # a misconfigured server: ISO-8859-1 declared for GBK bytes
        "/latin1.txt": (200, "text/plain; charset=ISO-8859-1", BUNDLED_TEXT.encode("gb18030")),
        "/download?id=7": (200, "application/octet-stream", pdf_path.read_bytes()),
        "/gone": (410, "text/plain", b"gone"),
    }
    handler = type("Handler", (_Handler,), {"pages": pages})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.parametrize("path, fmt, encoding", [
    ("/report.htm", "html", "gb18030"),
    ("/report", "html", "gb18030"),
    ("/report.txt", "txt", "gb18030"),
    ("/latin1.txt", "txt", "gb18030"),
    ("/download?id=7", "pdf", None),
])
def test_url(server: str, bundled: reportdiff.Report, path: str, fmt: str,
             encoding: str | None) -> None:
    url = server + path
    report = reportdiff.load(url)
    assert report.source.path == url
    assert report.source.format == fmt
    assert report.source.encoding == encoding
    _check_against_txt(report, bundled)


def test_url_http_error(server: str) -> None:
    with pytest.raises(DownloadError, match=r"^http://127\.0\.0\.1:\d+/gone: HTTP 410 Gone; "
                                            r"check the address$"):
        reportdiff.load(server + "/gone")


def test_url_too_large(server: str) -> None:
    with pytest.raises(DownloadError, match=r"/report\.txt: the document is [\d,]+ bytes, over "
                                            r"the 1,000-byte limit; download it yourself"):
        reportdiff.load(server + "/report.txt", max_bytes=1000)


def test_url_connection_refused() -> None:
    import socket

    with socket.socket() as sock:  # a port that nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(DownloadError, match=rf"^http://127\.0\.0\.1:{port}/x: cannot download "
                                            r"\(.+\); check the address and the network$"):
        reportdiff.load(f"http://127.0.0.1:{port}/x", timeout=5)


def test_url_timeout() -> None:
    import socket

    with socket.socket() as sock:  # listens, never answers
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)
        port = sock.getsockname()[1]
        with pytest.raises(DownloadError, match=r"no answer within 0\.2 s; try again later"):
            reportdiff.load(f"http://127.0.0.1:{port}/slow", timeout=0.2)


# -- any text through Report.from_text ------------------------------------------------


@pytest.mark.filterwarnings("ignore::reportdiff.errors.ReportDiffWarning")
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)
       | st.lists(st.sampled_from(["一、", "（二）", "各位代表：", "。", "\n", "\n\n", "\u200b",
                                   "％", "发展", "2019年", "版权所有", "本作品", "Public domain",
                                   "- 3 -", " ", "附件:", "增长6.5%"]),
                  max_size=60).map("".join))
def test_any_text_builds_a_report(text: str) -> None:
    report = reportdiff.Report.from_text(text, check=False)
    assert report.source_text == text
    for sec in report.walk():
        s, e = sec.span
        assert 0 <= s <= e <= len(text)
        assert report.quote(sec.span) == text[s:e]
        assert report.to_source(*sec.nspan) == sec.span


@pytest.mark.filterwarnings("ignore::reportdiff.errors.StructureWarning")
def test_html_table_layout_page_in_the_fallback() -> None:
    rows = "".join(f"<p>{escape(p)}</p>" for p in BODY[:4])
    page = (f"<html><body><table><tr><td><a>首页</a></td><td><a>政务公开</a></td>"
            f"<td>互动交流</td><td>办事服务</td></tr></table>"
            f"<table><tr><td><h1>{TITLE}</h1>{rows}</td></tr>"
            f"<tr><td>指标</td><td>8%</td></tr></table></body></html>")
    text = html_to_lines(page, use_trafilatura=False)
    assert text.split("\n\n") == ["首页\t政务公开\t互动交流\t办事服务", TITLE, *BODY[:4],
                                  "指标\t8%"]
    report = reportdiff.Report.from_text(text, check=False)
    assert report.text.split("\n")[:2] == [TITLE, "各位代表："]


def test_url_errors_in_the_cli(server: str, bundled: reportdiff.Report) -> None:
    from click.testing import CliRunner

    from reportdiff.cli import cli

    result = CliRunner().invoke(cli, ["text", server + "/gone"])
    assert result.exit_code == DownloadError.exit_code == 10
    assert result.stderr == f"reportdiff: error: {server}/gone: HTTP 410 Gone; check the address\n"
    result = CliRunner().invoke(cli, ["text", server + "/report.htm"])
    assert result.exit_code == 0
    assert result.stdout == bundled.text + "\n"
