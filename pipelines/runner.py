"""Run the `akhbar_daily` job in process through Dagster: what `akhbar run` and the tests call.

The runs are recorded in the Dagster instance of $DAGSTER_HOME when it is set (the UI shows
them, their partitions and checks) under the job's name, with the partition (or range) and the
project's tags; days whose raw files did not change since a complete run are skipped.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from akhbar.lake import parquet as lake_io
from akhbar.lake.lock import LakeLocked, lake_lock
from akhbar.tables.schema import CONTRACT_TABLES
from assets import processed

if TYPE_CHECKING:  # Dagster is imported once there is something to run (see `run_pipeline`)
    from dagster import DagsterInstance

RANGE_START = "dagster/asset_partition_range_start"
RANGE_END = "dagster/asset_partition_range_end"


class RunFailed(RuntimeError):
    """The Dagster run did not succeed; the message names the failing step and error."""


@dataclass
class RunSummary:
    ranges: list[tuple[dt.date, dt.date]]  # the arrival-day ranges that were run
    rows: dict[str, int] = field(default_factory=dict)
    files_read: int = 0
    accepted: int = 0
    rejected: int = 0
    failed: int = 0  # accepted documents a later stage could not process (in rejected_files too)
    unchanged: list[dt.date] = field(default_factory=list)  # skipped: same files as a complete run

    def render(self, seconds: float) -> str:
        width = max(len(t) for t in self.rows)
        skipped = (
            [f"{len(self.unchanged)} arrival day(s) unchanged since their last complete run, skipped "
             "(--force to redo them)"]
            if self.unchanged
            else []
        )  # fmt: skip
        if not self.ranges:
            return "\n".join([*skipped, "nothing new to run", f"done in {seconds:.1f} s"])
        lines = [
            *skipped,
            f"files read {self.files_read}, accepted {self.accepted}, rejected {self.rejected}"
            + (f", failed in processing {self.failed}" if self.failed else ""),
            *(f"  {table:<{width}}  {n:>8} rows" for table, n in self.rows.items()),
            f"done in {seconds:.1f} s",
        ]
        return "\n".join(lines)


MAX_GAP_DAYS = 14  # Dagster logs events for every partition of a range: bridge short gaps only


def day_ranges(days: list[dt.date], max_gap: int = MAX_GAP_DAYS) -> list[tuple[dt.date, dt.date]]:
    """Group sorted arrival days into ranges, joining days less than `max_gap` apart.

    A run covers one contiguous range of partitions, and each partition of it costs event-log
    writes even when empty, so files from 2019 and from today make two small runs, not one
    spanning seven years.
    """
    ranges: list[tuple[dt.date, dt.date]] = []
    for day in sorted(days):
        if ranges and (day - ranges[-1][1]).days <= max_gap:
            ranges[-1] = (ranges[-1][0], day)
        else:
            ranges.append((day, day))
    return ranges


@dataclass
class Plan:
    """What `akhbar run` will do: the days to run, and the days skipped because nothing changed."""

    days: list[dt.date]
    unchanged: list[dt.date]
    warehouse_stale: bool = False


def plan(
    raw: str, lake: str, days: tuple[dt.date, dt.date] | None = None, force: bool = False
) -> tuple[Plan, dict[dt.date, str]]:
    """The arrival days to run: every day with files (or, with `days`, every day of that range
    with files or earlier output), less the days the lake's ledger holds as done with the same
    raw fingerprint (unless `force`). Also the fingerprints, by day."""
    from akhbar.run.pipeline import DayInput, files_by_day, has_output

    by_day = files_by_day(raw)
    if days:
        first, last = days
        span = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
        wanted = [d for d in span if d in by_day or has_output(lake, "raw_documents", d)]
    else:
        wanted = sorted(by_day)
    prints = {d: processed.day_fingerprint(*_files(by_day.get(d, DayInput()))) for d in wanted}
    done = {} if force else processed.done(lake)
    todo = [d for d in wanted if done.get(str(d)) != prints[d]]
    unchanged = [d for d in wanted if d not in todo]
    stale = not todo and _warehouse_stale(lake)
    return Plan(todo, unchanged, stale), prints


def _files(day) -> tuple[list, list]:
    return day.files, day.refused


def _warehouse_stale(lake: str) -> bool:
    """Whether the warehouse misses something the lake has (a run that stopped before it)."""
    from akhbar.warehouse.build import WAREHOUSE_FILE, fingerprint, stored_build

    if "://" in lake or not any((Path(lake) / t).is_dir() for t in CONTRACT_TABLES):
        return False
    stored = stored_build(Path(lake) / WAREHOUSE_FILE)
    return stored is None or stored.get("fingerprint") != fingerprint(lake)


def run_pipeline(
    raw: str,
    lake: str,
    days: tuple[dt.date, dt.date] | None = None,
    processes: int | None = None,
    instance: DagsterInstance | None = None,
    force: bool = False,
) -> RunSummary:
    """Run the `akhbar_daily` job in process for the arrival days that need it (see `plan`),
    one run per range of `day_ranges`, recorded in `instance`: by default the instance of
    $DAGSTER_HOME when it is set (the one the UI shows), else a throw-away one.

    Each day becomes an arrival-day partition of the instance if it is not one yet. A day whose
    files did not change since a complete run is skipped (`force` redoes it); with nothing to
    run, no run starts and no file is written (the warehouse alone is rebuilt if a previous run
    stopped before it)."""
    todo, _ = plan(raw, lake, days, force)
    ranges: list[tuple[dt.date, dt.date]] = []
    if not todo.days and not todo.warehouse_stale:  # nothing to do: not even the lock file is touched
        summary = summarize(lake, [])
        summary.unchanged = todo.unchanged
        return summary
    if todo.days:
        _start_workers(processes)  # they warm up on the other cores while Dagster starts here
    from dagster import DagsterInstance

    from assets.partitions import add_days, key_ranges

    if instance is None:
        instance = DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else DagsterInstance.ephemeral()
    try:  # the lake lock, held for the whole run; the asset steps re-enter it (same token)
        with lake_lock(lake, purpose=f"akhbar run --raw {raw}"):
            if todo.days:
                keys = add_days(instance, [str(d) for d in todo.days])
                for first, last in day_ranges(todo.days):
                    wanted = [str(d) for d in todo.days if first <= d <= last]
                    for lo, hi in key_ranges(keys, wanted):
                        ranges.append((dt.date.fromisoformat(lo), dt.date.fromisoformat(hi)))
                        _execute(raw, lake, (lo, hi), processes, instance)
            elif todo.warehouse_stale:
                _execute(raw, lake, None, processes, instance)
    except LakeLocked as exc:  # another run is writing: say who, change nothing
        raise RunFailed(str(exc)) from exc
    summary = summarize(lake, todo.days)
    summary.ranges = ranges
    summary.unchanged = todo.unchanged
    return summary


def _start_workers(processes: int | None) -> None:
    """Start the run's worker processes now, so that loading the langid model, lexicons and
    gazetteer in them (seconds of CPU) overlaps Dagster's start-up in this process; the stages
    then send every batch to them, however small (`akhbar.run.parallel.document_mapper`)."""
    from akhbar.run.parallel import start_pool
    from pipelines.resources import processes_wanted

    start_pool(processes_wanted() if processes is None else processes)


def _execute(
    raw: str,
    lake: str,
    keys: tuple[str, str] | None,
    processes: int | None,
    instance: DagsterInstance,
) -> None:
    """One run of the akhbar_daily job over the partition keys `keys` (first, last), or of the
    warehouse alone (`keys` None), with the project's tags, in `instance`."""
    from dagster import Definitions

    from assets.warehouse import warehouse_assets
    from pipelines.definitions import defs
    from pipelines.jobs import LAUNCHED_BY_TAG, all_assets_job
    from pipelines.resources import resources

    job = Definitions(
        assets=list(defs.assets or []), jobs=[all_assets_job], resources=resources(raw, lake, processes)
    ).resolve_job_def(all_assets_job.name)
    level = "WARNING" if os.environ.get("AKHBAR_QUIET") else "INFO"
    tags = {LAUNCHED_BY_TAG: "cli"}
    partition_key = None
    selection = None
    if keys is None:
        selection = [k for a in warehouse_assets for k in a.keys]
    elif keys[0] == keys[1]:
        partition_key = keys[0]
    else:
        tags |= {RANGE_START: keys[0], RANGE_END: keys[1]}
    result = job.execute_in_process(
        instance=instance,
        partition_key=partition_key,
        tags=tags,
        asset_selection=selection,
        raise_on_error=False,
        run_config={"loggers": {"console": {"config": {"log_level": level}}}},
    )
    if not result.success:
        raise RunFailed(_failure_message(result))


def _failure_message(result) -> str:
    """The failing step and its root error (past Dagster's own wrappers such as max retries)."""
    for event in result.all_events:
        if event.is_step_failure:
            error = event.step_failure_data.error
            while (
                error is not None
                and error.cause is not None
                and error.message.startswith("Exceeded max_retries")
            ):
                error = error.cause
            return f"step {event.step_key}: {error.message.strip() if error else 'failed'}"
    return "the run did not succeed"


def summarize(lake: str, days: list[dt.date]) -> RunSummary:
    """Rows per contract table for the run's days, read from the Parquet footers (cheap)."""
    summary = RunSummary([], rows=dict.fromkeys(CONTRACT_TABLES, 0))
    for day in days:
        lo = hi = str(day)
        for table in CONTRACT_TABLES:
            summary.rows[table] += lake_io.row_count(lake, table, lo, hi)
        summary.accepted += lake_io.row_count(lake, "raw_documents", lo, hi)
        summary.rejected += lake_io.row_count(lake, "rejected_files", lo, hi, part="part-raw")
    summary.failed = summary.rows["rejected_files"] - summary.rejected
    summary.files_read = summary.accepted + summary.rejected
    return summary
