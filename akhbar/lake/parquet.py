"""The lake: Hive-partitioned Parquet, one file per table and arrival day, written atomically.

Layout: `<root>/<table>/ingest_date=YYYY-MM-DD/part-0.parquet`. A partition is written to a
temporary file under `<root>/_tmp/` and moved into place in one rename, so a reader sees the
old partition or the new one, never half of either, and a crash leaves at most a stray
temporary file (cleaned by the next writer). Re-writing a partition replaces it whole,
which makes every run idempotent. Built on pyarrow's filesystem layer, so the root may be a
local folder or an object-store URI (`s3://bucket/lake`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib.abc
import sys
import threading
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from akhbar.lake.faults import checkpoint
from akhbar.tables.schema import PARTITION_KEY, SCHEMAS


def _convert_lists_without_pandas() -> None:
    """Answer pyarrow's first "is pandas there?" with no, without importing pandas.

    pyarrow's first conversion of a Python list (`Table.from_pylist`) imports pandas only to ask
    whether the list is a pandas object: ~0.2 s of every run's start, for a lake that converts lists
    of plain values. Here that question is asked once, with pandas made unimportable for the
    instant, so pyarrow notes "no pandas" for its optional checks. Nothing else changes: a call
    that needs pandas (`Table.to_pandas`, DuckDB's `.df()`) imports it then (pyarrow retries the
    import whenever pandas is required), and a process that already imported pandas, or runs other
    threads at this import (which could be importing pandas at that instant), is left alone.
    """
    if "pandas" in sys.modules or threading.active_count() > 1:  # another thread might import pandas now
        return
    blocker = _NoPandas()
    sys.meta_path.insert(0, blocker)
    try:
        pa.array([], type=pa.int8())
    finally:
        sys.meta_path.remove(blocker)


class _NoPandas(importlib.abc.MetaPathFinder):
    """A finder that refuses pandas (see `_convert_lists_without_pandas`)."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError(f"{name} is not imported for pyarrow's optional check", name=name)


_convert_lists_without_pandas()

PART_FILE = "part-0.parquet"
TMP_DIR = "_tmp"
BATCH_ROWS = 2000
BATCH_CHARS = 32_000_000  # also flush on text volume: 2000 rows of 10 MB documents must not pile up


def filesystem(root: str) -> tuple[pafs.FileSystem, str]:
    """The pyarrow filesystem and base path for a lake root (local path or URI)."""
    if "://" in root:
        return pafs.FileSystem.from_uri(root)
    import os

    return pafs.LocalFileSystem(), os.path.abspath(root)


def partition_path(base: str, table: str, day: dt.date | str) -> str:
    return f"{base}/{table}/{PARTITION_KEY}={day}"


@dataclass
class PartitionWriter:
    """Stream record batches into one partition; `commit()` makes them visible in one move."""

    root: str
    table: str
    day: dt.date | str
    part: str = "part-0"  # a stage that adds to another stage's table writes its own part file
    rows: int = 0

    def __post_init__(self) -> None:
        self.schema = SCHEMAS[self.table]
        self._fs, self._base = filesystem(self.root)
        self._fs.create_dir(f"{self._base}/{TMP_DIR}", recursive=True)
        # `.tmp`, not `.parquet`: a half-written file never matches a `**/*.parquet` glob
        self._tmp = f"{self._base}/{TMP_DIR}/{self.table}-{self.day}-{self.part}-{uuid.uuid4().hex}.tmp"
        self._writer = pq.ParquetWriter(self._tmp, self.schema, filesystem=self._fs, compression="zstd")

    def write_rows(self, rows: list[dict]) -> None:
        if rows:
            self.write_table(pa.Table.from_pylist(rows, schema=self.schema))

    def write_table(self, table: pa.Table) -> None:
        if table.num_rows:
            self._writer.write_table(table.select(self.schema.names).cast(self.schema))
            self.rows += table.num_rows
            checkpoint("lake.batch")

    def commit(self) -> str:
        """Close the file and move it over the partition's file in one step."""
        self._writer.close()
        target_dir = partition_path(self._base, self.table, self.day)
        self._fs.create_dir(target_dir, recursive=True)
        target = f"{target_dir}/{self.part}.parquet"
        checkpoint("lake.before_commit")
        self._fs.move(self._tmp, target)
        checkpoint("lake.after_commit")
        return target

    def abort(self) -> None:
        """Drop the half-written file; never raise over the error that made the caller abort."""
        try:
            self._writer.close()
        finally:
            with contextlib.suppress(FileNotFoundError):  # already gone (a cleanup removed `_tmp`)
                self._fs.delete_file(self._tmp)

    def __enter__(self) -> PartitionWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()


def write_partition(
    root: str, table: str, day: dt.date | str, rows: Iterable[dict], part: str = "part-0"
) -> int:
    """Replace one partition (or one stage's part of it) with `rows`; return the row count."""
    with PartitionWriter(root, table, day, part) as writer:
        batch: list[dict] = []
        chars = 0
        for row in rows:
            batch.append(row)
            chars += sum(len(v) for v in row.values() if isinstance(v, str))
            if len(batch) >= BATCH_ROWS or chars >= BATCH_CHARS:
                writer.write_rows(batch)
                batch, chars = [], 0
        writer.write_rows(batch)
        return writer.rows


def partition_exists(root: str, table: str, day: dt.date | str) -> bool:
    fs, base = filesystem(root)
    info = fs.get_file_info(f"{partition_path(base, table, day)}/{PART_FILE}")
    return info.type == pafs.FileType.File


def read_partition(
    root: str, table: str, day: dt.date | str, columns: list[str] | None = None, batch_size: int = 500
) -> Iterator[pa.RecordBatch]:
    """Stream a partition's rows in batches; nothing if the partition does not exist."""
    fs, base = filesystem(root)
    path = f"{partition_path(base, table, day)}/{PART_FILE}"
    if fs.get_file_info(path).type != pafs.FileType.File:
        return
    with fs.open_input_file(path) as handle:
        yield from pq.ParquetFile(handle).iter_batches(batch_size=batch_size, columns=columns)


def partitions(root: str, table: str) -> list[str]:
    """The partition values (days) a table has, sorted."""
    fs, base = filesystem(root)
    selector = pafs.FileSelector(f"{base}/{table}", allow_not_found=True)
    prefix = f"{PARTITION_KEY}="
    days = [
        info.base_name[len(prefix) :]
        for info in fs.get_file_info(selector)
        if info.type == pafs.FileType.Directory and info.base_name.startswith(prefix)
    ]
    return sorted(days)


def clean_tmp(root: str, older_than_s: float = 3600.0) -> int:
    """Remove temporary files left by crashed writers (older than `older_than_s`)."""
    fs, base = filesystem(root)
    selector = pafs.FileSelector(f"{base}/{TMP_DIR}", allow_not_found=True)
    now = dt.datetime.now(dt.UTC)
    removed = 0
    for info in fs.get_file_info(selector):
        mtime = info.mtime
        if mtime is not None and mtime.tzinfo is None:
            mtime = mtime.replace(tzinfo=dt.UTC)
        if info.type == pafs.FileType.File and mtime and (now - mtime).total_seconds() > older_than_s:
            fs.delete_file(info.path)
            removed += 1
    return removed


def row_count(root: str, table: str, first_day: str = "", last_day: str = "9999", part: str = "") -> int:
    """Rows of a table over a range of days (of one stage's `part` only, if given), from the Parquet footers."""
    fs, base = filesystem(root)
    total = 0
    for day in partitions(root, table):
        if not first_day <= day <= last_day:
            continue
        for info in fs.get_file_info(pafs.FileSelector(partition_path(base, table, day))):
            if info.path.endswith(f"{part}.parquet" if part else ".parquet"):
                with fs.open_input_file(info.path) as handle:
                    total += pq.ParquetFile(handle).metadata.num_rows
    return total
