"""Shared fixtures: temporary raw folders and lakes, real files only."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "data" / "raw"


@pytest.fixture
def raw_dir(tmp_path: Path) -> Path:
    """A raw folder holding a copy of the sample documents."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for f in sorted(SAMPLES.glob("*.txt")):
        shutil.copy(f, raw / f.name)
    return raw


@pytest.fixture
def lake_dir(tmp_path: Path) -> Path:
    return tmp_path / "lake"
