import datetime as dt
import shutil
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from akhbar.lake import parquet as lake

DAY = dt.date(2026, 11, 23)
REPO_ROOT = Path(__file__).resolve().parents[1]


def _rows(n: int, prefix: str = "a") -> list[dict]:
    return [
        {"source_path": f"{prefix}{i}.txt", "reason": "empty", "detail": "", "seen_at": None}
        for i in range(n)
    ]


def test_partition_layout_is_hive_and_readable_by_duckdb(tmp_path) -> None:
    root = str(tmp_path)
    assert lake.write_partition(root, "rejected_files", DAY, _rows(3)) == 3
    path = tmp_path / "rejected_files" / f"ingest_date={DAY}" / "part-0.parquet"
    assert path.exists()
    got = duckdb.sql(
        f"select count(*), min(ingest_date) from read_parquet('{tmp_path}/rejected_files/**/*.parquet', hive_partitioning = true)"
    ).fetchall()
    assert got == [(3, DAY)]


def test_rewriting_a_partition_replaces_it_whole(tmp_path) -> None:
    root = str(tmp_path)
    lake.write_partition(root, "rejected_files", DAY, _rows(5))
    lake.write_partition(root, "rejected_files", DAY, _rows(2, "b"))
    rows = [r for b in lake.read_partition(root, "rejected_files", DAY) for r in b.to_pylist()]
    assert [r["source_path"] for r in rows] == ["b0.txt", "b1.txt"]


def test_a_failed_write_leaves_the_old_partition_and_no_temporary_file(tmp_path) -> None:
    root = str(tmp_path)
    lake.write_partition(root, "rejected_files", DAY, _rows(2))

    def broken():
        yield from _rows(3000, "c")
        raise RuntimeError("crash mid-write")

    with pytest.raises(RuntimeError):
        lake.write_partition(root, "rejected_files", DAY, broken())
    assert lake.row_count(root, "rejected_files") == 2
    assert list((tmp_path / "_tmp").iterdir()) == []


def test_uncommitted_writer_is_invisible(tmp_path) -> None:
    root = str(tmp_path)
    writer = lake.PartitionWriter(root, "rejected_files", DAY)
    writer.write_rows(_rows(10))
    assert lake.partitions(root, "rejected_files") == []
    writer.commit()
    assert lake.partitions(root, "rejected_files") == [str(DAY)]
    assert pq.read_table(tmp_path / "rejected_files" / f"ingest_date={DAY}" / "part-0.parquet").num_rows == 10


def test_empty_partition_still_has_the_schema(tmp_path) -> None:
    root = str(tmp_path)
    assert lake.write_partition(root, "events", DAY, []) == 0
    table = pq.read_table(tmp_path / "events" / f"ingest_date={DAY}" / "part-0.parquet")
    assert table.num_rows == 0 and "event_type" in table.column_names


def test_abort_keeps_the_callers_error_when_the_temporary_file_is_gone(tmp_path) -> None:
    root = str(tmp_path)
    with (
        pytest.raises(RuntimeError, match="the real error"),
        lake.PartitionWriter(root, "rejected_files", DAY) as writer,
    ):
        writer.write_rows(_rows(3))
        shutil.rmtree(tmp_path / "_tmp")  # another process cleaned the temporary folder
        raise RuntimeError("the real error")
    assert lake.partitions(root, "rejected_files") == []


def test_writing_the_lake_does_not_import_pandas_and_pandas_still_works(tmp_path) -> None:
    """pyarrow's optional pandas check is answered without importing pandas (`parquet.py`): a lake
    write leaves pandas unimported, and a later call that needs pandas imports it as usual."""
    import subprocess
    import sys

    code = f"""
import sys, datetime as dt
from akhbar.lake import parquet as lake
lake.write_partition({str(tmp_path)!r}, "rejected_files", dt.date(2026, 1, 1),
                     [{{"source_path": "a.txt", "reason": "empty", "detail": "", "seen_at": None}}])
assert "pandas" not in sys.modules, "pandas imported by a lake write"
import pyarrow as pa
frame = pa.table({{"a": [1, None]}}).to_pandas()
assert "pandas" in sys.modules and frame["a"].isna().sum() == 1
import pandas as pd
assert pa.array(pd.Series([1.0, None])).null_count == 1
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_a_whole_run_on_the_samples_does_not_import_pandas(tmp_path) -> None:
    """No stage of a run needs pandas, and none imports it: the warehouse's identity resolution reads
    its integer columns from their buffers and groups with numpy (pyarrow's `to_numpy` and `group_by`
    would import it, 0.2 s of the samples' run)."""
    import subprocess
    import sys

    code = f"""
import sys
from pipelines.cli import main
sys.argv = ["akhbar", "run", "--raw", "data/raw", "--lake", {str(tmp_path / "lake")!r}, "--quiet"]
try:
    main()
except SystemExit as exit_:
    assert not exit_.code, exit_.code
assert "pandas" not in sys.modules, "pandas imported by a run"
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT)
    assert done.returncode == 0, done.stderr
