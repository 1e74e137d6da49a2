"""The bundled report is the shared corpus's Hongshan 2019 file, byte for byte."""

from __future__ import annotations

import hashlib

import pytest
from conftest import BUNDLED, corpus_root

from reportdiff.bundled import bundled_path

SHA256 = "2582bec8fa20c826c49a91127a0599ede7db247340b073a19064a5e3d20bd76f"


def test_bundled_bytes_are_pinned() -> None:
    assert hashlib.sha256(BUNDLED.read_bytes()).hexdigest() == SHA256
    assert bundled_path() == BUNDLED


def test_bundled_equals_shared_copy() -> None:
    shared = corpus_root() / "hongshan" / "2019.txt"
    if not shared.is_file():
        pytest.skip("shared corpus absent")
    assert shared.read_bytes() == BUNDLED.read_bytes()
