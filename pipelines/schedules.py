"""The nightly schedule: at 01:30 UTC, process what arrived the day before.

Running by default (under the daemon): the sensor already runs each day as files arrive;
the nightly run is the safety net that re-runs yesterday whole once the day is over
(idempotent: each partition is replaced, nothing is duplicated).

A plain schedule rather than `build_schedule_from_partitioned_job`: the arrival-day
partitions include today (end offset 1, so the sensor can run files as they land), and a
schedule built from them would run today's barely started partition instead of yesterday's.
"""

from __future__ import annotations

import datetime as dt

from dagster import DefaultScheduleStatus, RunRequest, ScheduleEvaluationContext, schedule

from pipelines.jobs import all_assets_job


def day_before(when: dt.datetime) -> dt.date:
    """The UTC arrival day before the moment `when`."""
    return when.astimezone(dt.UTC).date() - dt.timedelta(days=1)


@schedule(
    job=all_assets_job,
    name="nightly",
    cron_schedule="30 1 * * *",
    execution_timezone="UTC",
    default_status=DefaultScheduleStatus.RUNNING,
    description="Runs yesterday's arrival-day partition every night at 01:30 UTC.",
)
def nightly(context: ScheduleEvaluationContext) -> RunRequest:
    day = str(day_before(context.scheduled_execution_time))
    return RunRequest(run_key=f"nightly:{day}", partition_key=day)
