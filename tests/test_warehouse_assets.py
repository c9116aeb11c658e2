"""The warehouse as Dagster assets on a tiny real lake: lineage from the SQL, checks pass and fail."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dagster import AssetCheckSeverity, AssetKey, materialize
from test_warehouse import DAY, tiny_lake_rows, write_lake

from akhbar.warehouse.build import data_tests, models
from assets.checks import check_results
from assets.resources import LakeResource
from assets.warehouse import BASE_ASSET, warehouse, warehouse_assets


def _run(lake: Path):
    return materialize(
        warehouse_assets, resources={"lake": LakeResource(root=str(lake))}, raise_on_error=False
    )


def test_one_asset_per_model_with_upstreams_read_from_the_sql() -> None:
    keys = {k.to_user_string() for k in warehouse.keys}
    assert keys == {BASE_ASSET, *models()}
    deps = {k.to_user_string(): {d.to_user_string() for d in v} for k, v in warehouse.asset_deps.items()}
    assert deps["stg_events"] == {"events"}
    assert deps["party_activity_by_month_region"] == {"stg_events", BASE_ASSET}
    assert deps[BASE_ASSET] == {
        "articles",
        "normalization_edits",
        "rejected_files",
        "events",
        "event_participants",
        "mentions",
    }
    assert {c.name for c in warehouse.check_specs} == {t.name for t in data_tests()}
    assert all(warehouse.group_names_by_key[k] == "warehouse" for k in warehouse.keys)


def test_materialize_builds_the_warehouse_and_every_check_passes(tmp_path: Path) -> None:
    lake = write_lake(tmp_path / "lake", tiny_lake_rows())
    result = _run(lake)
    assert result.success
    assert (lake / "warehouse.duckdb").exists()
    rows = {
        m.asset_key.to_user_string(): m.metadata["dagster/row_count"].value
        for m in result.asset_materializations_for_node("warehouse")
        if "dagster/row_count" in m.metadata
    }
    assert rows["stg_events"] == 3
    evaluations = result.get_asset_check_evaluations()
    assert len(evaluations) == len(data_tests())
    assert [e.check_name for e in evaluations if not e.passed] == []


def test_a_planted_bad_row_fails_its_check_with_count_and_sample_and_warns(tmp_path: Path) -> None:
    rows = tiny_lake_rows()
    rows["events"].append({**rows["events"][0], "event_id": "bad", "party": "XYZ"})
    result = _run(write_lake(tmp_path / "lake", rows))
    assert result.success  # SQL data tests warn: key integrity is checked, and blocks, in the lake
    failed = {e.check_name: e for e in result.get_asset_check_evaluations() if not e.passed}
    assert set(failed) == {"accepted_party_codes"}
    evaluation = failed["accepted_party_codes"]
    assert evaluation.asset_key == AssetKey(["stg_events"])
    assert evaluation.severity == AssetCheckSeverity.WARN
    assert evaluation.metadata["failing_rows"].value == 1
    assert "XYZ" in evaluation.metadata["sample"].value


def test_an_event_type_outside_the_vocabulary_is_a_lake_check_now(tmp_path: Path) -> None:
    """The row that used to fail the warehouse's `accepted_event_type` fails the lake's rule, the
    check the extract step yields, and no SQL data test (each rule lives in one place)."""
    rows = tiny_lake_rows()
    rows["events"].append({**rows["events"][0], "event_id": "bad", "event_type": "picnic"})
    lake = write_lake(tmp_path / "lake", rows)
    results = {r.check_name: r for r in check_results(str(lake), ["events"], [dt.date.fromisoformat(DAY)])}
    bad = results["event_type_in_vocabulary"]
    assert not bad.passed and bad.severity == AssetCheckSeverity.WARN
    assert bad.metadata["failing_rows"].value == 1
    assert bad.metadata["sample"].value[0]["event_type"] == "picnic"
    warehouse_run = _run(lake)
    assert warehouse_run.success
    assert [e.check_name for e in warehouse_run.get_asset_check_evaluations() if not e.passed] == []


def _build_metadata(result) -> dict:
    base = next(
        m for m in result.asset_materializations_for_node("warehouse") if m.asset_key.path == [BASE_ASSET]
    )
    return {k: base.metadata[k].value for k in ("rebuilt", "build_reason")}


def test_a_second_run_with_nothing_new_leaves_the_file_alone_and_still_checks(tmp_path: Path) -> None:
    lake = write_lake(tmp_path / "lake", tiny_lake_rows())
    assert _build_metadata(_run(lake)) == {"rebuilt": True, "build_reason": "no warehouse yet"}
    path = lake / "warehouse.duckdb"
    before = (path.stat().st_ino, path.stat().st_mtime_ns)

    again = _run(lake)
    assert again.success
    assert _build_metadata(again) == {
        "rebuilt": False,
        "build_reason": "nothing it reads changed since the last build",
    }
    assert (path.stat().st_ino, path.stat().st_mtime_ns) == before
    rows = {
        m.asset_key.to_user_string(): m.metadata["dagster/row_count"].value
        for m in again.asset_materializations_for_node("warehouse")
        if "dagster/row_count" in m.metadata
    }
    assert rows["stg_events"] == 3
    assert len(again.get_asset_check_evaluations()) == len(data_tests())
    assert all(e.passed for e in again.get_asset_check_evaluations())

    write_lake(lake, tiny_lake_rows(), day="2026-11-24")  # a new arrival day
    rebuilt = _run(lake)
    assert _build_metadata(rebuilt)["rebuilt"] is True
    assert path.stat().st_ino != before[0]
