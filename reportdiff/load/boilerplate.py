"""Site chrome detection (PLACEHOLDER: being replaced by the loading work)."""

from __future__ import annotations

__all__ = ["chrome_spans"]


def chrome_spans(text: str) -> list[tuple[int, int]]:
    return []
