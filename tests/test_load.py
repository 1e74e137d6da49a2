"""Loading .txt files: encodings, the encoding override, every bad input, the `text` command."""

from __future__ import annotations

import codecs
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import BUNDLED
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import reportdiff
from reportdiff.cli import cli
from reportdiff.errors import (
    BrokenDocumentError,
    DecodeError,
    EmptyInputError,
    EncodingGuessWarning,
    InputNotFoundError,
    NotAReportError,
    UnsupportedFormatError,
    UsageError,
)
from reportdiff.load import load_bytes, sniff_format
from reportdiff.load.txt import canonical_encoding, decode_text

BUNDLED_TEXT = BUNDLED.read_text(encoding="utf-8")

#: An English passage (original wording) long enough to pass any length rule.
ENGLISH = ("The harbour town woke slowly that winter. Fishermen mended their nets by the "
           "lanterns, the baker counted loaves, and the children ran along the sea wall "
           "shouting at the gulls. Nobody spoke of the storm that had taken the lighthouse. ") * 30
#: A 200-character Chinese news snippet (not a report).
NEWS = ("本报讯 昨天下午，市气象台发布暴雨黄色预警，预计今晚到明天白天本市大部分地区有大到暴雨，"
        "局部地区伴有雷电和短时大风。交通部门提醒市民出行注意安全，尽量避开低洼路段。"
        "地铁各线路运营正常，部分公交线路临时调整。气象专家表示，这次降雨过程持续时间较长，"
        "累计雨量较大，相关部门已经做好防汛准备工作。")
#: A Chinese story, repeated to pass the length rule: long, Chinese, not a report.
STORY = ("那年冬天雪下得很大，外婆总是早早起来生火，屋里弥漫着柴火和米粥的香味。"
         "我趴在窗台上看院子里的麻雀跳来跳去，它们在雪地上留下一串串细小的脚印。"
         "舅舅从镇上回来，带了一包糖炒栗子，我们围着火炉一边剥栗子一边听他讲路上的见闻。"
         "后来我离开了那个小村庄，可每到下雪的日子，总会想起外婆灶台前忙碌的背影。") * 12


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _quotes(report: reportdiff.Report) -> list[tuple[str, str]]:
    return [(s.id, report.quote(s.span)) for s in report.walk()]


# -- encodings -----------------------------------------------------------------


@pytest.mark.parametrize("encoding, expected", [
    ("gb18030", "gb18030"),
    ("utf-16", "utf-16"),        # Python writes a BOM
    ("utf-8-sig", "utf-8-sig"),
    ("utf-16-be", None),         # with a BOM written by hand below
])
def test_reencoded_report_is_identical(tmp_path: Path, bundled: reportdiff.Report,
                                       encoding: str, expected: str | None) -> None:
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + BUNDLED_TEXT.encode("utf-16-be")
        expected = "utf-16"
    else:
        data = BUNDLED_TEXT.encode(encoding)
    path = _write(tmp_path, "hongshan.txt", data)
    with warnings.catch_warnings():
        warnings.simplefilter("error", EncodingGuessWarning)
        report = reportdiff.load(path)
    assert report.source.encoding == expected
    assert report.source_text == BUNDLED_TEXT
    assert report.text == bundled.text
    assert [s.span for s in report.walk()] == [s.span for s in bundled.walk()]
    assert _quotes(report) == _quotes(bundled)


def test_utf8_source_records_encoding_and_hash(bundled: reportdiff.Report) -> None:
    import hashlib

    assert bundled.source.format == "txt"
    assert bundled.source.encoding == "utf-8"
    assert bundled.source.sha256 == hashlib.sha256(BUNDLED.read_bytes()).hexdigest()
    assert bundled.source.path == str(BUNDLED)


def test_short_gb_text_is_not_taken_for_korean() -> None:
    # charset-normalizer alone guesses CP949 for these 8 bytes
    assert decode_text("各位代表".encode("gbk"), name="x.txt") == ("各位代表", "gb18030")


def test_gbk_label_decodes_as_gb18030() -> None:
    # "𠀀" exists in GB18030 only; a GBK label must not lose it
    data = "各位代表𠀀".encode("gb18030")
    assert decode_text(data, name="x.txt", encoding="GBK") == ("各位代表𠀀", "gb18030")
    assert canonical_encoding("gb2312") == "gb18030"
    assert canonical_encoding("UTF8") == "utf-8"


def test_encoding_override(tmp_path: Path, bundled: reportdiff.Report) -> None:
    path = _write(tmp_path, "r.txt", BUNDLED_TEXT.encode("gb18030"))
    report = reportdiff.load(path, encoding="gb18030")
    assert report.source.encoding == "gb18030"
    assert report.text == bundled.text


def test_wrong_encoding_override_is_a_decode_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "r.txt", BUNDLED_TEXT.encode("utf-8"))
    with pytest.raises(DecodeError, match=r"r\.txt: cannot decode as ascii \(invalid byte "
                                          r"0x[0-9a-f]{2} at offset \d+\); pass the right "
                                          r"--encoding or omit it to detect"):
        reportdiff.load(path, encoding="ascii")


def test_unknown_encoding_is_a_usage_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "r.txt", BUNDLED_TEXT.encode("utf-8"))
    with pytest.raises(UsageError, match="unknown encoding 'klingon'"):
        reportdiff.load(path, encoding="klingon")


def test_low_confidence_guess_warns() -> None:
    # Latin-1 bytes that are not UTF-8 and not GB18030: a guess, with a warning
    data = "Café, naïve façade: résumé of the année. ".encode("latin-1") * 5
    with pytest.warns(EncodingGuessWarning, match=r"x\.txt: encoding guessed as"):
        text, enc = decode_text(data, name="x.txt")
    assert enc not in ("utf-8", "gb18030")
    assert "Caf" in text


def test_crlf_line_ends_give_the_same_text(tmp_path: Path, bundled: reportdiff.Report) -> None:
    path = _write(tmp_path, "r.txt", BUNDLED_TEXT.replace("\n", "\r\n").encode("utf-8"))
    report = reportdiff.load(path)
    assert report.text == bundled.text
    ours = {s.id: report.quote(s.span).replace("\r", "") for s in report.walk()}
    theirs = {s.id: bundled.quote(s.span) for s in bundled.walk()}
    assert ours == theirs


def test_html_content_in_a_txt_file_is_read_as_html() -> None:
    assert sniff_format(b"\n<!DOCTYPE html>\n<html><body>x</body></html>", name="a.txt",
                        ext=".txt") == "html"
    assert sniff_format("各位代表".encode(), name="a.txt", ext=".txt") == "txt"


def test_load_bytes_without_a_name_extension() -> None:
    report = load_bytes(BUNDLED_TEXT.encode("gb18030"), name="<memory>")
    assert report.source.path == "<memory>"
    assert report.source.encoding == "gb18030"


# -- bad input -----------------------------------------------------------------

#: name, bytes (None: do not create), error class, message (exact, {p} is the path)
BAD_INPUTS = [
    ("missing.txt", None, InputNotFoundError, "{p}: no such file; check the path"),
    ("empty.txt", b"", EmptyInputError,
     "{p}: the file is empty; pass a file that holds the report text"),
    ("blank.txt", b" \r\n\t\n\xe3\x80\x80\n", EmptyInputError,
     "{p}: the file holds only white space; pass a file that holds the report text"),
    ("fake.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", UnsupportedFormatError,
     "{p}: holds a PDF document, not text (named .txt); rename it to .pdf"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", UnsupportedFormatError,
     "{p}: holds a PNG image, not text (named .txt); pass a .txt, .html, .pdf or .docx file"),
    ("zip.txt", b"PK\x03\x04\x14\x00\x00\x00", UnsupportedFormatError,
     "{p}: holds a ZIP archive (DOCX, XLSX ...), not text (named .txt); "
     "pass a .txt, .html, .pdf or .docx file"),
    ("nul.txt", "各位代表\x00\x00".encode(), UnsupportedFormatError,
     "{p}: holds binary data (NUL bytes), not text; pass a .txt, .html, .pdf or .docx report, "
     "or --encoding utf-16-le for UTF-16 without a byte-order mark"),
    ("table.xlsx", b"PK\x03\x04", UnsupportedFormatError,
     "{p}: unsupported file type '.xlsx'; convert it to .txt, .html, .pdf or .docx"),
    ("photo.jpg", b"\xff\xd8\xff\xe0", UnsupportedFormatError,
     "{p}: unsupported file type '.jpg'; convert it to .txt, .html, .pdf or .docx"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", UnsupportedFormatError,
     "{p}: unsupported file type '.doc' (an old Word file: save it as .docx); "
     "convert it to .txt, .html, .pdf or .docx"),
    ("garbage.txt", bytes(range(0x80, 0x100)) * 4, DecodeError,
     "{p}: cannot decode as UTF-8, GB18030 or UTF-16; pass --encoding"),
    ("broken.pdf", b"%PDF-1.7\n1 0 obj <<", BrokenDocumentError,
     "{p}: cannot read the PDF (PdfminerException: the file is damaged or incomplete); "
     "re-save or re-download it"),
    ("notpdf.pdf", b"hello", BrokenDocumentError,
     "{p}: not a PDF file (no %PDF header); check the file or give it its real extension"),
    ("broken.docx", b"PK\x03\x04 truncated", BrokenDocumentError,
     "{p}: cannot read the DOCX (BadZipFile: the file is damaged or not a Word document); "
     "re-save it as .docx"),
    ("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, BrokenDocumentError,
     "{p}: is encrypted or an old binary .doc file; remove the password and save it as .docx"),
    ("novel.txt", ENGLISH.encode("utf-8"), NotAReportError,
     "{p}: does not look like a government work report (too little Chinese text: "
     "0 Chinese characters, 1000 needed); pass --no-check to analyse it anyway"),
    ("news.txt", NEWS.encode("utf-8"), NotAReportError,
     "{{p}}: does not look like a government work report (too little Chinese text: "
     "{} Chinese characters, 1000 needed); pass --no-check to analyse it anyway"
     .format(sum("\u4e00" <= c <= "\u9fff" for c in NEWS))),
    ("story.txt", STORY.encode("utf-8"), NotAReportError,
     r"{p}: does not look like a government work report (too few words of a work report: "),
]


def _make(tmp_path: Path, name: str, data: bytes | None) -> str:
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize("name, data, error, message", BAD_INPUTS,
                         ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_raises(tmp_path: Path, name: str, data: bytes | None, error: type,
                          message: str) -> None:
    import re

    path = _make(tmp_path, name, data)
    with pytest.raises(error, match="^" + re.escape(message.format(p=path))) as info:
        reportdiff.load(path)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("name, data, error, message", BAD_INPUTS,
                         ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_cli(tmp_path: Path, name: str, data: bytes | None, error: type,
                       message: str) -> None:
    path = _make(tmp_path, name, data)
    result = CliRunner().invoke(cli, ["text", path])
    assert result.exit_code == error.exit_code
    assert result.stdout == ""
    expected = f"reportdiff: error: {message.format(p=path)}"
    if name == "story.txt":
        assert result.stderr.startswith(expected)
        assert result.stderr.endswith("; pass --no-check to analyse it anyway\n")
    else:
        assert result.stderr == expected + "\n"
    assert "Traceback" not in result.output


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError,
                       match=r"^.+: is a directory; pass a report file \(\.txt, \.html, "
                             r"\.pdf or \.docx\)$"):
        reportdiff.load(tmp_path)
    result = CliRunner().invoke(cli, ["text", str(tmp_path)])
    assert result.exit_code == 3
    assert result.stderr == (f"reportdiff: error: {tmp_path}: is a directory; pass a report "
                             f"file (.txt, .html, .pdf or .docx)\n")


@pytest.mark.filterwarnings("ignore::reportdiff.errors.StructureWarning")
def test_no_check_lets_a_non_report_through(tmp_path: Path) -> None:
    path = _make(tmp_path, "story.txt", STORY.encode("utf-8"))
    report = reportdiff.load(path, check=False)
    assert "外婆" in report.text
    result = CliRunner().invoke(cli, ["text", path, "--no-check"])
    assert result.exit_code == 0
    assert result.stdout == report.text + "\n"


def test_cli_unknown_encoding(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["text", str(BUNDLED), "--encoding", "klingon"])
    assert result.exit_code == 2
    assert result.stderr == ("reportdiff: error: unknown encoding 'klingon'; use a codec name "
                             "such as utf-8, gb18030 or utf-16\n")


# -- the text command ---------------------------------------------------------------


def test_text_command_prints_the_normalised_body(bundled: reportdiff.Report) -> None:
    result = CliRunner().invoke(cli, ["text", str(BUNDLED)])
    assert result.exit_code == 0, result.output
    assert result.stdout == bundled.text + "\n"
    lines = result.stdout.splitlines()
    assert lines[:2] == ["2019年度政府工作报告", "各位代表："]
    assert lines[-1].startswith("同志们，新时代要有新气象")
    assert "发布时间" not in result.stdout and "ICP备" not in result.stdout


def test_text_command_with_encoding(tmp_path: Path, bundled: reportdiff.Report) -> None:
    path = _write(tmp_path, "r.txt", BUNDLED_TEXT.encode("gb18030"))
    result = CliRunner().invoke(cli, ["text", str(path), "--encoding", "gbk"])
    assert result.exit_code == 0
    assert result.stdout == bundled.text + "\n"


def test_exit_code_table_matches_errors_py() -> None:
    import re

    from reportdiff.errors import EXIT_CODES

    doc = (Path(__file__).resolve().parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")
    rows = dict((name, int(code)) for code, name in
                re.findall(r"^\| (\d+) \| `(\w+)`", doc, flags=re.M))
    assert rows == EXIT_CODES


# -- property tests ------------------------------------------------------------------

_CHINESE = st.text(
    alphabet=st.one_of(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
                       st.sampled_from(list("，。、；：“”《》（）！？\n 0123456789%abcXYZ"))),
    min_size=1, max_size=300)


@settings(max_examples=100, deadline=None)
@given(text=_CHINESE, encoding=st.sampled_from(["gb18030", "utf-8", "utf-8-sig", "utf-16"]))
def test_chinese_text_round_trips_in_every_encoding(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    if encoding == "gb18030" and data != text.encode("utf-8"):
        # strict UTF-8 comes first: GB bytes that happen to be valid UTF-8 (a few
        # characters, e.g. "一" = D2 BB = "һ") are read as UTF-8, by rule
        try:
            data.decode("utf-8")
            assume(False)
        except UnicodeDecodeError:
            pass
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", EncodingGuessWarning)
        decoded, _ = decode_text(data, name="x.txt")
    assert decoded == text


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=300))
def test_any_text_survives_utf8_and_utf16(text: str) -> None:
    for encoding in ("utf-8", "utf-16"):
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:  # lone surrogates
            return
        if encoding == "utf-8" and "\x00" in text:
            continue  # NUL without a BOM is binary data by rule
        if encoding == "utf-16" and text.startswith("\x00"):
            continue  # FF FE 00 00 is the UTF-32 LE byte-order mark
        assert decode_text(data, name="x.txt")[0] == text


def test_text_command_prints_warnings_as_one_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "latin.txt", "Café, naïve façade: résumé. ".encode("latin-1") * 5)
    result = CliRunner().invoke(cli, ["text", str(path), "--no-check"])
    assert result.exit_code == 0
    warning_lines = [x for x in result.stderr.splitlines() if "EncodingGuess" in x
                     or "encoding guessed" in x]
    assert len(warning_lines) == 1
    assert warning_lines[0].startswith(f"reportdiff: warning: {path}: encoding guessed as ")
    assert warning_lines[0].endswith("; check the text or pass --encoding")
    assert "Traceback" not in result.output and "warnings.warn" not in result.stderr
