"""The Dagster layer for real: definitions load, assets materialize in process on temporary folders."""

import datetime as dt
import os
from pathlib import Path

import duckdb
from dagster import materialize

from akhbar.tables.schema import CONTRACT_TABLES
from assets.partitions import instance_with_days
from pipelines.definitions import defs
from pipelines.resources import resources
from pipelines.runner import RANGE_END, RANGE_START, day_ranges, run_pipeline

TODAY = dt.datetime.now(dt.UTC).date()


RUN_TIME_COLUMNS = {"articles": "ingested_at", "rejected_files": "seen_at"}


def _table(lake: Path, table: str) -> list[tuple]:
    """A table's rows, sorted, without the columns that record when the run happened."""
    glob = f"{lake}/{table}/**/*.parquet"
    exclude = f" exclude ({RUN_TIME_COLUMNS[table]})" if table in RUN_TIME_COLUMNS else ""
    return (
        duckdb.sql(f"select *{exclude} from read_parquet('{glob}', hive_partitioning = true)")
        .order("all")
        .fetchall()
    )


def test_definitions_load_with_every_table_a_job_a_schedule_and_a_sensor() -> None:
    repo = defs.get_repository_def()
    keys = {k.to_user_string() for k in repo.asset_graph.get_all_asset_keys()}
    assert set(CONTRACT_TABLES) <= keys
    assert repo.get_job("akhbar_daily") is not None
    assert {s.name for s in repo.schedule_defs} >= {"nightly"}
    assert {s.name for s in repo.sensor_defs} >= {"raw_folder_sensor"}


def test_materialize_lands_every_contract_table(raw_dir: Path, lake_dir: Path) -> None:
    result = materialize(
        list(defs.assets),
        resources=resources(str(raw_dir), str(lake_dir), processes=1),
        tags={RANGE_START: str(TODAY), RANGE_END: str(TODAY)},
        instance=instance_with_days([str(TODAY)]),
    )
    assert result.success
    for table in CONTRACT_TABLES:
        assert list((lake_dir / table).glob(f"ingest_date={TODAY}/*.parquet")), table
    articles = _table(lake_dir, "articles")
    assert len(articles) == 5
    assert (lake_dir / "warehouse.duckdb").exists() or not any(
        "warehouse" in str(a.keys) for a in defs.assets
    )


def test_same_input_twice_gives_the_same_rows(raw_dir: Path, lake_dir: Path) -> None:
    days = (TODAY, TODAY)
    run_pipeline(str(raw_dir), str(lake_dir), days, processes=1)
    first = {t: _table(lake_dir, t) for t in CONTRACT_TABLES}
    run_pipeline(str(raw_dir), str(lake_dir), days, processes=1)
    second = {t: _table(lake_dir, t) for t in CONTRACT_TABLES}
    assert first == second
    assert len(first["articles"]) == 5


def test_a_file_lands_in_the_partition_of_its_arrival_day(raw_dir: Path, lake_dir: Path) -> None:
    old = raw_dir / "000_bd8bc082fb552f6f.txt"
    past = dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC).timestamp()
    os.utime(old, (past, past))
    summary = run_pipeline(str(raw_dir), str(lake_dir), processes=1)  # the days that hold files
    assert summary.accepted == 5
    assert summary.ranges == [(dt.date(2026, 3, 1), dt.date(2026, 3, 1)), (TODAY, TODAY)]
    days = sorted(p.name for p in (lake_dir / "articles").iterdir())
    assert days == ["ingest_date=2026-03-01", f"ingest_date={TODAY}"]


def test_day_ranges_bridge_short_gaps_only() -> None:
    d = dt.date.fromisoformat
    days = [d("2026-11-20"), d("2019-05-01"), d("2026-11-23"), d("2026-11-10")]
    assert day_ranges(days) == [(d("2019-05-01"), d("2019-05-01")), (d("2026-11-10"), d("2026-11-23"))]
    assert day_ranges([]) == []
