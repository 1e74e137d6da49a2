"""The bundled default report (Hongshan district, 2019), shipped with the package."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["BUNDLED_NAME", "bundled_path"]

#: File name of the bundled report inside the ``corpus/`` folder.
BUNDLED_NAME = "hongshan-2019.txt"


def bundled_path() -> Path:
    """Path of the bundled Hongshan 2019 report (works for editable and wheel installs).

    >>> bundled_path().name
    'hongshan-2019.txt'
    """
    here = Path(__file__).resolve().parent.parent / "corpus" / BUNDLED_NAME
    if here.is_file():
        return here
    return Path(str(resources.files("reportdiff.corpus").joinpath(BUNDLED_NAME)))
