"""The nightly schedule: at 01:30 UTC, process what arrived the day before.

Running by default (under the daemon): the sensor already runs each day as files arrive;
the nightly run is the safety net that re-runs yesterday whole once the day is over
(idempotent: each partition is replaced, nothing is duplicated).

A plain schedule: the arrival-day partitions are dynamic (one per day that had files), so
the schedule adds yesterday's day itself when it is not there yet, and runs it even when no
file arrived (0 rows written). That run is what tells the freshness policies the pipeline is
alive: every asset is materialized at least once a day, and one that is not for 36 hours
turns red.
"""

from __future__ import annotations

import contextlib
import datetime as dt

from dagster import (
    DagsterInvariantViolationError,
    DefaultScheduleStatus,
    RunRequest,
    ScheduleEvaluationContext,
    schedule,
)

from assets.partitions import add_days
from pipelines.jobs import LAUNCHED_BY_TAG, all_assets_job


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
    # dynamic partitions: the day may have had no file; a context built without an instance
    # (unit tests) has nowhere to add it
    with contextlib.suppress(DagsterInvariantViolationError):
        add_days(context.instance, [day])
    return RunRequest(run_key=f"nightly:{day}", partition_key=day, tags={LAUNCHED_BY_TAG: "nightly"})
