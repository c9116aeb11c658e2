"""Jobs: the whole pipeline, by arrival day."""

from __future__ import annotations

from dagster import AssetSelection, define_asset_job

from assets.partitions import arrival_days

all_assets_job = define_asset_job(
    name="akhbar_daily",
    selection=AssetSelection.all(),
    partitions_def=arrival_days,
    description="Raw -> clean -> extract -> warehouse for the files that arrived on the partition's day(s).",
    tags={"dagster/max_retries": "2", "dagster/retry_strategy": "FROM_FAILURE"},
)
