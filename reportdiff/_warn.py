"""Issue reportdiff's warnings at the user's call, not inside the library.

:func:`warn` walks up the stack past every frame of the reportdiff package (and
the ``functools`` frame of a cached property), so the warning's file and line
are those of the user's ``reportdiff.load(...)``, ``Report.from_text(...)`` or
``report.figures``, whatever the depth of the call inside the library.
"""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path
from types import FrameType

__all__ = ["warn"]

_PACKAGE = str(Path(__file__).resolve().parent) + os.sep
_PASS_THROUGH = (os.sep + "functools.py",)


def _inside(frame: FrameType) -> bool:
    name = frame.f_code.co_filename
    return name.startswith(_PACKAGE) or name.endswith(_PASS_THROUGH)


def warn(warning: Warning) -> None:
    """Issue ``warning`` at the first frame outside the reportdiff package."""
    level = 2  # stacklevel 2 is the caller of this function
    frame: FrameType | None = sys._getframe(1)
    while frame is not None and _inside(frame) and frame.f_back is not None:
        frame = frame.f_back
        level += 1
    warnings.warn(warning, stacklevel=level)
