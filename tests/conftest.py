"""Shared fixtures: the bundled report and the reference corpus beside the checkout."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "corpus" / "hongshan-2019.txt"


def corpus_root() -> Path:
    """``../shared/corpus`` beside the checkout, or ``$REPORTDIFF_CORPUS``."""
    env = os.environ.get("REPORTDIFF_CORPUS")
    return Path(env) if env else ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    path = corpus_root()
    if not (path / "national").is_dir():
        pytest.skip(f"reference corpus not found at {path}")
    return path


@pytest.fixture(scope="session")
def national(corpus_dir: Path):
    """``national(year)`` -> the loaded national report of that year (cached)."""
    import reportdiff

    cache: dict[int, reportdiff.Report] = {}

    def get(year: int) -> reportdiff.Report:
        if year not in cache:
            cache[year] = reportdiff.load(corpus_dir / "national" / f"{year}.txt")
        return cache[year]

    return get


@pytest.fixture(scope="session")
def bundled():
    """The bundled Hongshan 2019 report, loaded once."""
    import reportdiff

    return reportdiff.load(BUNDLED)
