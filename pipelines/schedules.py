"""The nightly schedule: at 01:30 UTC, process what arrived the day before."""

from __future__ import annotations

from dagster import build_schedule_from_partitioned_job

from pipelines.jobs import all_assets_job

nightly = build_schedule_from_partitioned_job(
    all_assets_job,
    name="nightly",
    hour_of_day=1,
    minute_of_hour=30,
    description="Runs yesterday's arrival-day partition every night (UTC).",
)
