"""Arrival-day partitions, shared by every lake asset.

A raw file belongs to the UTC day of its modification time (when it landed in the raw
folder). The nightly run processes yesterday; a backfill re-runs any range of past days in
one run (single-run backfill policy). Days with no raw file and no earlier output are
skipped, so a wide range costs only the days that hold data. Lives with the assets (not in
`pipelines`) because the asset definitions need it.
"""

from __future__ import annotations

import datetime as dt

from dagster import AssetExecutionContext, BackfillPolicy, DailyPartitionsDefinition

from akhbar.ingest.reader import FIRST_ARRIVAL_DAY

ARRIVAL_START = str(FIRST_ARRIVAL_DAY)  # older files count as arriving that day

arrival_days = DailyPartitionsDefinition(start_date=ARRIVAL_START, end_offset=1, timezone="UTC")
single_run = BackfillPolicy.single_run()


def days_of(context: AssetExecutionContext) -> list[dt.date]:
    """The arrival days this run covers (one partition or a range)."""
    key_range = context.partition_key_range
    start = dt.date.fromisoformat(key_range.start)
    end = dt.date.fromisoformat(key_range.end)
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
