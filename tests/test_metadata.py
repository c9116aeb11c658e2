"""What the UI shows of a table: previews over every part file, described columns, the ledger."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest

from akhbar.lake import parquet as lake
from akhbar.tables.schema import SCHEMAS
from assets import processed
from assets.metadata import preview, table_schema
from assets.partitions import key_ranges
from pipelines.sensors import SETTLE_S, raw_folder_sensor

DAY = dt.date(2026, 11, 23)
NOW = dt.datetime(2026, 11, 23, 12, tzinfo=dt.UTC)


def test_the_rejected_files_preview_reads_every_stage_part_and_names_files(tmp_path: Path) -> None:
    root = str(tmp_path)
    lake.write_partition(root, "rejected_files", DAY, [], part="part-raw")  # the raw stage refused none
    rows = [
        {"source_path": "a/broken.txt", "reason": "clean_error", "detail": "ValueError: x", "seen_at": NOW}
    ]
    lake.write_partition(root, "rejected_files", DAY, rows, part="part-clean")
    rows = [{"source_path": "b/odd.txt", "reason": "extract_error", "detail": "KeyError: y", "seen_at": NOW}]
    lake.write_partition(root, "rejected_files", DAY, rows, part="part-extract")
    shown = preview(root, "rejected_files", [DAY])
    assert "_no rows_" not in shown
    assert "a/broken.txt" in shown and "clean_error" in shown
    assert "b/odd.txt" in shown and "extract_error" in shown


def test_every_column_of_every_table_is_described() -> None:
    for table in SCHEMAS:
        columns = table_schema(table).columns
        assert [c.name for c in columns] == SCHEMAS[table].names
        assert all(c.description for c in columns), table


def test_key_ranges_cover_only_wanted_neighbours() -> None:
    keys = ["2026-11-01", "2026-11-02", "2026-11-05", "2026-10-01", "2026-11-06"]  # insertion order
    assert key_ranges(keys, ["2026-11-01", "2026-11-02", "2026-11-06"]) == [
        ("2026-11-01", "2026-11-02"),
        ("2026-11-06", "2026-11-06"),
    ]
    assert key_ranges(keys, ["2026-11-05", "2026-10-01"]) == [("2026-11-05", "2026-10-01")]
    assert key_ranges(keys, []) == []


def test_the_ledger_marks_days_raw_then_done_and_is_only_rewritten_on_change(tmp_path: Path) -> None:
    root = str(tmp_path)
    processed.mark(root, processed.RAW, {"2026-11-01": "abc"})
    assert processed.done(root) == {}  # read but not finished: not done
    processed.mark(root, processed.DONE, days=["2026-11-01"])
    assert processed.done(root) == {"2026-11-01": "abc"}
    ledger = tmp_path / processed.STATE_FILE
    before = ledger.stat().st_mtime_ns, ledger.stat().st_ino
    processed.mark(root, processed.DONE, days=["2026-11-01"])
    assert (ledger.stat().st_mtime_ns, ledger.stat().st_ino) == before


def test_the_sensor_says_when_files_are_still_settling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    monkeypatch.setenv("AKHBAR_RAW", str(raw))
    monkeypatch.setenv("AKHBAR_LAKE", str(tmp_path / "lake"))
    from dagster import SkipReason, build_sensor_context

    path = raw / "copying.txt"
    path.write_text("half a fi", encoding="utf-8")
    now = time.time()
    os.utime(path, (now, now))
    result = raw_folder_sensor(build_sensor_context(cursor=None))
    assert isinstance(result, SkipReason)
    assert f"modified in the last {SETTLE_S:.0f} s, waiting for them to settle" in result.skip_message
