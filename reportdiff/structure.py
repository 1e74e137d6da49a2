"""Section tree of a work report (PLACEHOLDER: being replaced by the structure work)."""

from __future__ import annotations

from dataclasses import dataclass

from .normalize import Normalized
from .report import Section

__all__ = ["ParsedStructure", "parse_structure"]


@dataclass(frozen=True)
class ParsedStructure:
    sections: tuple[Section, ...]
    year: int | None = None
    issuer: str | None = None
    admin_level: str | None = None
    title: str | None = None


def parse_structure(norm: Normalized, *, path: str | None = None,
                    check: bool = True) -> ParsedStructure:
    text = norm.text
    out = []
    pos = 0
    for i, para in enumerate(text.split("\n")):
        s, e = pos, pos + len(para)
        pos = e + 1
        if not para:
            continue
        out.append(Section(id=str(len(out) + 1), level=4, title="", span=norm.to_source(s, e),
                           nspan=(s, e), role="other", year=None))
    return ParsedStructure(sections=tuple(out))
