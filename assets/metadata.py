"""Materialization metadata an operator reads in the Dagster UI: counts, schema, a preview."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
from dagster import MetadataValue, TableColumn, TableSchema

from akhbar.lake import parquet as lake
from akhbar.tables.schema import SCHEMAS

OWNERS = ["team:akhbar-data"]  # who answers for the tables, shown on every asset in the UI
PREVIEW_ROWS = 5
PREVIEW_CHARS = 80


def table_schema(table: str) -> TableSchema:
    """Column names, types and descriptions (the data dictionary's, carried in the Arrow schema)."""
    return TableSchema(
        columns=[
            TableColumn(f.name, str(f.type), description=(f.metadata or {}).get(b"description", b"").decode())
            for f in SCHEMAS[table]
        ]
    )


def preview(lake_root: str, table: str, days: list[dt.date]) -> str:
    """A markdown table of the first rows of the last written partition, long text cut short."""
    for day in reversed(days):
        for batch in lake.read_partition(lake_root, table, day, batch_size=PREVIEW_ROWS):
            return _markdown(pa.Table.from_batches([batch]).slice(0, PREVIEW_ROWS))
    return "_no rows_"


def _markdown(table: pa.Table) -> str:
    columns = [c for c in table.column_names if c != "raw_text"]
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for row in table.select(columns).to_pylist():
        cells = []
        for c in columns:
            text = "" if row[c] is None else str(row[c]).replace("\n", " ").replace("|", "/")
            cells.append(text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def table_metadata(lake_root: str, table: str, rows: int, days: list[dt.date]) -> dict:
    return {
        "dagster/row_count": MetadataValue.int(rows),
        "partitions_written": MetadataValue.text(
            ", ".join(map(str, days)) if len(days) <= 10 else f"{len(days)} days"
        ),
        "preview": MetadataValue.md(preview(lake_root, table, days)),
        "dagster/column_schema": table_schema(table),
        "path": MetadataValue.path(f"{lake_root}/{table}"),
    }
