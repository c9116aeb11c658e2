"""The one loader for the domain lexicons in `akhbar/lexicons/*.tsv`.

Each file is UTF-8 TSV with a header line; blank lines and lines starting with `#` are
comments, so a linguist can annotate and extend them without reading code.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=64)
def _lines(name: str) -> tuple[str, ...]:
    text = resources.files("akhbar").joinpath("lexicons", name).read_text(encoding="utf-8")
    return tuple(line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))


def read_lexicon(name: str) -> list[dict[str, str]]:
    """Rows as dicts keyed by the header's column names, cells stripped."""
    return [
        {k: (v or "").strip() for k, v in row.items()}
        for row in csv.DictReader(_lines(name), delimiter="\t", quoting=csv.QUOTE_NONE)
    ]


@lru_cache(maxsize=64)
def read_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows as tuples without the header, padded with empty cells to the header's width
    (a linguist's short line never breaks a loader); rows with an empty first cell are skipped."""
    lines = _lines(name)
    if not lines:
        return ()
    width = len(lines[0].split("\t"))
    rows = csv.reader(lines[1:], delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple(
        tuple(cell.strip() for cell in row) + ("",) * (width - len(row))
        for row in rows
        if row and row[0].strip()
    )
