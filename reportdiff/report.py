"""The :class:`Report` and its :class:`Section` tree: the result of loading a document.

A report keeps three things: the decoded ``source_text`` (what the user can
open and search), the normalised analysis text with its map back
(:class:`~reportdiff.normalize.Normalized`), and the section tree.  Every span
that reportdiff reports indexes ``source_text``; ``Section.nspan`` is the same
span in the normalised text, for the analysis modules.

Reports are immutable and picklable; the figures and promises are computed on
first access and cached on the instance.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from .normalize import Normalized

if TYPE_CHECKING:  # pragma: no cover
    from .figures import Figures
    from .promises import Promise

__all__ = ["Source", "Section", "Report", "Role", "SECTION_LEVELS"]

Role = Literal["review", "plan", "other"]

#: Names of the section levels, outermost first.
SECTION_LEVELS = {1: "part", 2: "chapter", 3: "topic", 4: "paragraph", 5: "sentence"}


@dataclass(frozen=True)
class Source:
    """Where a report came from.

    Attributes
    ----------
    path : str or None
        The path or URL as given by the user (``None`` for in-memory text).
    sha256 : str
        Hex digest of the raw bytes.
    format : str
        ``"txt"``, ``"html"``, ``"pdf"`` or ``"docx"``.
    encoding : str or None
        The text encoding used (``None`` for PDF/DOCX).
    """

    path: str | None
    sha256: str
    format: str
    encoding: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "sha256": self.sha256, "format": self.format}


@dataclass(frozen=True)
class Section:
    """One node of a report's section tree.

    Attributes
    ----------
    id : str
        Path-like id, unique in the report: ``"2"``, ``"2.3"``, ``"2.3.1"``.
    level : int
        1 part (一、), 2 chapter ((一)/一是/第一，), 3 topic (opened by a lead
        sentence), 4 paragraph, 5 sentence.  A level may be skipped: a part
        without chapters has topics or paragraphs as its children.
    title : str
        The heading or lead sentence ("" for paragraphs and sentences).
    span : tuple of int
        ``(start, end)`` in ``Report.source_text``.
    nspan : tuple of int
        The same span in the normalised text ``Report.text``.
    role : {"review", "plan", "other"}
        ``review`` speaks of outcomes of a past year, ``plan`` of the targets
        and tasks of the coming year.
    year : int or None
        The year the section speaks about (for a five-year review, the last).
    children : tuple of Section
    """

    id: str
    level: int
    title: str
    span: tuple[int, int]
    nspan: tuple[int, int]
    role: Role
    year: int | None
    children: tuple[Section, ...] = ()

    @property
    def kind(self) -> str:
        """The level's name: part, chapter, topic, paragraph or sentence."""
        return SECTION_LEVELS.get(self.level, "section")

    def walk(self) -> Iterator[Section]:
        """This section and all its descendants, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def to_dict(self, *, max_level: int | None = None) -> dict[str, Any]:
        return {
            "id": self.id,
            "level": self.level,
            "title": self.title,
            "span": list(self.span),
            "role": self.role,
            "year": self.year,
            "children": [
                c.to_dict(max_level=max_level)
                for c in self.children
                if max_level is None or c.level <= max_level
            ],
        }


@dataclass(frozen=True, eq=False)
class Report:
    """A loaded report: source text, normalised text, section tree and metadata.

    Build one with :func:`reportdiff.load` (files, URLs) or
    :meth:`Report.from_text` (a string).
    """

    source: Source
    source_text: str
    norm: Normalized = field(repr=False)
    sections: tuple[Section, ...] = field(repr=False)
    year: int | None = None
    issuer: str | None = None
    admin_level: str | None = None
    title: str | None = None

    # -- construction -----------------------------------------------------
    @classmethod
    def from_text(
        cls,
        source_text: str,
        *,
        source: Source | None = None,
        exclude: tuple[tuple[int, int], ...] | None = None,
        check: bool = True,
    ) -> Report:
        """Build a report from decoded text: strip chrome, normalise, parse structure.

        ``exclude`` gives the spans of site chrome; when ``None`` they are
        detected by :func:`reportdiff.load.boilerplate.chrome_spans`.  With
        ``check=True`` a text that does not look like a work report raises
        :class:`~reportdiff.errors.NotAReportError`.
        """
        import hashlib

        from .load.boilerplate import chrome_spans
        from .normalize import normalize
        from .structure import parse_structure

        if source is None:
            digest = hashlib.sha256(source_text.encode("utf-8")).hexdigest()
            source = Source(path=None, sha256=digest, format="txt", encoding="utf-8")
        if exclude is None:
            exclude = tuple(chrome_spans(source_text))
        norm = normalize(source_text, exclude=exclude)
        parsed = parse_structure(norm, path=source.path, check=check)
        return cls(
            source=source,
            source_text=source_text,
            norm=norm,
            sections=parsed.sections,
            year=parsed.year,
            issuer=parsed.issuer,
            admin_level=parsed.admin_level,
            title=parsed.title,
        )

    # -- text access --------------------------------------------------------
    @property
    def text(self) -> str:
        """The normalised body text used for analysis."""
        return self.norm.text

    def quote(self, span: tuple[int, int]) -> str:
        """``source_text[start:end]`` for a source span."""
        return self.source_text[span[0]:span[1]]

    def to_source(self, nstart: int, nend: int) -> tuple[int, int]:
        """Map a span of :attr:`text` to a span of :attr:`source_text`."""
        return self.norm.to_source(nstart, nend)

    def section_text(self, section: Section) -> str:
        """The normalised text of a section."""
        return self.norm.text[section.nspan[0]:section.nspan[1]]

    # -- tree access ----------------------------------------------------------
    def walk(self) -> Iterator[Section]:
        """Every section in document order."""
        for s in self.sections:
            yield from s.walk()

    @cached_property
    def _by_id(self) -> dict[str, Section]:
        return {s.id: s for s in self.walk()}

    def section(self, id: str) -> Section:
        """The section with this id (``KeyError`` if there is none)."""
        return self._by_id[id]

    def section_at(self, nstart: int, *, max_level: int = 4) -> Section | None:
        """The deepest section (at most ``max_level``) whose normalised span holds ``nstart``."""
        found: Section | None = None
        nodes = self.sections
        while nodes:
            nxt: tuple[Section, ...] = ()
            for s in nodes:
                if s.level > max_level:
                    continue
                if s.nspan[0] <= nstart < s.nspan[1]:
                    found = s
                    nxt = s.children
                    break
            nodes = nxt
        return found

    def sections_at_level(self, level: int) -> list[Section]:
        """Sections of exactly this level, in document order."""
        return [s for s in self.walk() if s.level == level]

    def part(self, role: Role) -> list[Section]:
        """Top-level sections with this role."""
        return [s for s in self.sections if s.role == role]

    # -- derived results (computed once, cached on the instance) --------------
    @cached_property
    def figures(self) -> Figures:
        """Every figure of the report (see :mod:`reportdiff.figures`).

        Read on first access; a :class:`~reportdiff.errors.FigureWarning` about
        a figure that cannot be read is issued then, once per report.
        """
        from .figures import report_figures

        return report_figures(self)

    @cached_property
    def promises(self) -> tuple[Promise, ...]:
        """Every promise of the plan part (see :mod:`reportdiff.promises`)."""
        from .promises import extract_promises

        return extract_promises(self)

    def outline(self, *, max_level: int | None = None) -> dict[str, Any]:
        """The outline as the JSON structure of ``reportdiff outline --format json``."""
        return {
            "source": self.source.to_dict(),
            "year": self.year,
            "issuer": self.issuer,
            "level": self.admin_level,
            "sections": [s.to_dict(max_level=max_level) for s in self.sections
                         if max_level is None or s.level <= max_level],
        }

    to_dict = outline

    def __repr__(self) -> str:
        return (f"Report(path={self.source.path!r}, year={self.year}, "
                f"issuer={self.issuer!r}, sections={len(self.sections)})")
