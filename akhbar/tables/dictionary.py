"""The data dictionary: one description for every table, view, model and column, kept in `dictionary.tsv`.

A row `table, "", text` describes a table; `table, column, text` a column of that table; `*, column, text`
a column wherever it appears with that meaning (a table's own row wins). From here the descriptions go
to the Parquet field metadata (`akhbar.tables.schema`), the Dagster column schemas (`assets.metadata`),
DuckDB `COMMENT ON` for every view and model (`akhbar.warehouse.build`) and `docs/tables.md`
(`python -m akhbar.warehouse.catalog WAREHOUSE > docs/tables.md`).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

ANY_TABLE = "*"


@lru_cache(maxsize=1)
def _entries() -> dict[tuple[str, str], str]:
    text = resources.files("akhbar.tables").joinpath("dictionary.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    return {(r["table"].strip(), r["column"].strip()): r["description"].strip() for r in rows}


def table_description(table: str) -> str | None:
    """What one row of `table` is, or None when the dictionary does not say."""
    return _entries().get((table, ""))


def column_description(table: str, column: str) -> str | None:
    """What `column` of `table` means: the table's own entry, else the shared one, else None."""
    entries = _entries()
    return entries.get((table, column)) or entries.get((ANY_TABLE, column))


def undescribed(tables: dict[str, Iterable[str]]) -> list[str]:
    """`table` and `table.column` names the dictionary has no description for."""
    missing = [t for t in tables if not table_description(t)]
    missing += [f"{t}.{c}" for t, cols in tables.items() for c in cols if not column_description(t, c)]
    return missing


def markdown(tables: dict[str, Iterable[str]]) -> str:
    """`docs/tables.md`: every table and its columns with their descriptions."""
    lines = [
        "# Tables and columns",
        "",
        "Generated from `akhbar/tables/dictionary.tsv` by `python -m akhbar.warehouse.catalog WAREHOUSE > docs/tables.md`",
        "(WAREHOUSE: the `warehouse.duckdb` of any built lake);",
        "a test fails when this file is stale. The same descriptions are in the Parquet field metadata, the",
        "Dagster column schemas and the warehouse (`select * from duckdb_columns()`, column `comment`).",
    ]
    for table, columns in tables.items():
        lines += [
            "",
            f"## `{table}`",
            "",
            table_description(table) or "",
            "",
            "| column | description |",
            "|---|---|",
        ]
        lines += [f"| `{c}` | {column_description(table, c) or ''} |" for c in columns]
    return "\n".join(lines) + "\n"
