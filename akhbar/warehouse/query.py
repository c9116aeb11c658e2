"""Ad-hoc queries on the warehouse (`akhbar sql`), and their rendering as a table, CSV or JSON.

The connection is read-only: a query can never change the warehouse, and several analysts
can read at once. A run swaps in a new warehouse file without waiting for them.
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb

FORMATS = ("table", "csv", "json")
MAX_CELL = 60  # table cells longer than this are cut (evidence sentences, article text)


def query(warehouse_path: str | Path, sql: str) -> tuple[list[str], list[tuple]]:
    """Run one query on the warehouse read-only; column names and rows."""
    with duckdb.connect(str(warehouse_path), read_only=True) as con:
        cursor = con.execute(sql)
        if cursor.description is None:  # a statement that returns nothing (e.g. `set ...`)
            return [], []
        return [d[0] for d in cursor.description], cursor.fetchall()


def _plain(value: Any) -> Any:
    """A JSON-friendly value: dates as ISO strings, decimals as floats, lists and structs kept."""
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, bytes):
        return value.hex()
    return value


def _cell(value: Any, max_width: int | None = MAX_CELL) -> str:
    """A cell on one line, cut to `max_width` characters (None or 0: never cut)."""
    if value is None:
        return ""
    text = str(_plain(value)) if not isinstance(value, str) else value
    text = " ".join(text.split())
    return text if not max_width or len(text) <= max_width else text[: max_width - 1] + "…"


def _width(text: str) -> int:
    """Columns a string takes in a terminal: combining marks take none, wide CJK two."""
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def _table(columns: Sequence[str], rows: Sequence[tuple], max_width: int | None = MAX_CELL) -> str:
    cells = [[_cell(v, max_width) for v in row] for row in rows]
    widths = [max([_width(c)] + [_width(r[i]) for r in cells]) for i, c in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        return " | ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    out = [line(columns), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def render(
    columns: Sequence[str],
    rows: Sequence[tuple],
    fmt: str = "table",
    max_width: int | None = MAX_CELL,
    bom: bool = False,
) -> str:
    """Rows as an aligned text table, CSV (header line, RFC 4180 quoting) or a JSON array of objects.

    `max_width`: table cells longer than this are cut (None or 0: never). `bom`: CSV starts with a
    UTF-8 byte order mark, so spreadsheets (Excel) read Arabic as UTF-8 instead of mojibake.
    """
    if fmt == "table":
        return _table(columns, rows, max_width)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_plain(v) for v in row] for row in rows])
        return ("\ufeff" if bom else "") + buffer.getvalue().rstrip("\n")
    if fmt == "json":
        records = [dict(zip(columns, (_plain(v) for v in row), strict=True)) for row in rows]
        return json.dumps(records, ensure_ascii=False, indent=2)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
