"""Jobs: the whole pipeline, by arrival day."""

from __future__ import annotations

from dagster import AssetSelection, define_asset_job, in_process_executor

from assets.runtime import LAUNCHED_BY_TAG, RUN_TAGS, WRITES_LAKE_TAG

# The run queue (dagster_home/dagster.yaml) lets one run with WRITES_LAKE_TAG write the lake at a time.
__all__ = ["LAUNCHED_BY_TAG", "RUN_TAGS", "WRITES_LAKE_TAG", "all_assets_job"]

all_assets_job = define_asset_job(
    name="akhbar_daily",
    selection=AssetSelection.all(),
    description="Raw -> clean -> extract -> warehouse for the files that arrived on the partition's day(s).",
    # The layers form a chain (raw -> clean -> extract -> warehouse), so a multiprocess executor
    # would still run one step at a time, paying a Python start and code import per step
    # (about 10 s each, measured). The cores are used inside each step (WorkersResource).
    executor_def=in_process_executor,
    tags={
        **RUN_TAGS,
        # a run whose worker died is started again once, from the failed step (run retries,
        # enabled in dagster.yaml); errors inside a step use the steps' own retry policy
        "dagster/max_retries": "1",
        "dagster/retry_strategy": "FROM_FAILURE",
    },
)
