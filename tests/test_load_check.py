"""`looks_like_report`: every real report passes, other texts fail."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BUNDLED
from test_load import ENGLISH, NEWS, STORY

from reportdiff.load.check import MIN_HAN, diagnose, looks_like_report


def test_bundled_report_passes() -> None:
    assert looks_like_report(BUNDLED.read_text(encoding="utf-8"))


def test_every_national_report_passes(corpus_dir: Path) -> None:
    files = sorted((corpus_dir / "national").glob("*.txt"))
    assert len(files) >= 40
    failed = {p.name: diagnose(p.read_text(encoding="utf-8")) for p in files}
    assert {k: v for k, v in failed.items() if v is not None} == {}


@pytest.mark.parametrize("text, reason", [
    ("", "too little Chinese text: 0 Chinese characters"),
    (ENGLISH, "too little Chinese text: 0 Chinese characters"),
    (NEWS, f"too little Chinese text: {sum(0x4e00 <= ord(c) <= 0x9fff for c in NEWS)} "
           f"Chinese characters, {MIN_HAN} needed"),
    (STORY, "too few words of a work report: "),
    # a report's words drowned in numbers: a statistics table, not a report
    ("发展建设经济 " + " ".join(str(i) for i in range(5000)) + "政府工作" * 300,
     "too little Chinese text: "),
])
def test_other_texts_fail(text: str, reason: str) -> None:
    assert not looks_like_report(text)
    assert diagnose(text).startswith(reason)  # type: ignore[union-attr]


def test_a_report_excerpt_of_reasonable_length_passes() -> None:
    # the first ~2,500 characters of the bundled report: long enough to judge
    text = BUNDLED.read_text(encoding="utf-8")[:2500]
    assert looks_like_report(text)


def test_traditional_characters_count() -> None:
    simplified = BUNDLED.read_text(encoding="utf-8")
    trad = simplified
    for s, t in {"发展": "發展", "建设": "建設", "经济": "經濟", "社会": "社會"}.items():
        trad = trad.replace(s, t)
    assert diagnose(trad) is None
