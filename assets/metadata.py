"""Materialization metadata an operator reads in the Dagster UI: counts, schema, a preview."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq
from dagster import FreshnessPolicy, MetadataValue, TableColumn, TableSchema

from akhbar.lake import parquet as lake
from akhbar.tables import dictionary
from akhbar.tables.schema import PARTITION_KEY, SCHEMAS

OWNERS = ["team:akhbar-data"]  # who answers for the tables, shown on every asset in the UI

# Every asset is materialized at least once a day: the nightly run (01:30 UTC) runs yesterday's
# partition even when no file arrived (0 rows) and rebuilds the warehouse step. So an asset not
# materialized for 26 h warns (the nightly run is late), and for 36 h fails (a nightly run did
# not happen). Evaluated by the daemon (`freshness: enabled: true` in dagster.yaml).
FRESHNESS = FreshnessPolicy.time_window(
    fail_window=dt.timedelta(hours=36), warn_window=dt.timedelta(hours=26)
)
PREVIEW_ROWS = 5
PREVIEW_CHARS = 80


def table_schema(table: str) -> TableSchema:
    return TableSchema(
        columns=[
            TableColumn(f.name, str(f.type), description=dictionary.column_description(table, f.name) or "")
            for f in SCHEMAS[table]
        ]
    )


def partition_files(lake_root: str, table: str, day: dt.date | str) -> list[str]:
    """Every part file of one partition (rejected_files has one per stage: part-raw, part-clean,
    part-extract), in name order."""
    fs, base = lake.filesystem(lake_root)
    selector = pafs.FileSelector(lake.partition_path(base, table, day), allow_not_found=True)
    return sorted(i.path for i in fs.get_file_info(selector) if i.path.endswith(".parquet"))


def preview(lake_root: str, table: str, days: list[dt.date]) -> str:
    """A markdown table of the first rows of the last written partitions (all their part files),
    long text cut short. rejected_files shows its rows first-come across days: it names files."""
    fs, _ = lake.filesystem(lake_root)
    batches: list[pa.Table] = []
    rows = 0
    for day in reversed(days):
        for path in partition_files(lake_root, table, day):
            with fs.open_input_file(path) as handle:
                part = _first_rows(handle, PREVIEW_ROWS - rows)
            if part.num_rows:
                batches.append(
                    part.append_column(PARTITION_KEY, pa.array([str(day)] * part.num_rows, type=pa.string()))
                )
                rows += part.num_rows
            if rows >= PREVIEW_ROWS:
                return _markdown(pa.concat_tables(batches))
    return _markdown(pa.concat_tables(batches)) if batches else "_no rows_"


def _first_rows(handle: pa.NativeFile, n: int) -> pa.Table:
    """The first `n` rows of a Parquet file: only its first row group is read (`pq.read_table` read
    the whole partition, and imported pyarrow.dataset and pandas with it)."""
    parquet = pq.ParquetFile(handle)
    first = next(parquet.iter_batches(batch_size=n), None) if n > 0 else None
    if first is None:
        return parquet.schema_arrow.empty_table()
    return pa.Table.from_batches([first])


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


def days_text(days: list[dt.date]) -> str:
    return ", ".join(map(str, days)) if len(days) <= 10 else f"{days[0]} .. {days[-1]} ({len(days)} days)"


def table_metadata(lake_root: str, table: str, rows: int, days: list[dt.date]) -> dict:
    return {
        "dagster/row_count": MetadataValue.int(rows),
        "partitions_written": MetadataValue.text(
            days_text(days) if days else "none (no data for the run's days)"
        ),
        "preview": MetadataValue.md(preview(lake_root, table, days)),
        "dagster/column_schema": table_schema(table),
        "path": MetadataValue.path(f"{lake_root}/{table}"),
    }
