"""Run every asset in process through Dagster: what `akhbar run` and the tests call."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field

from dagster import DagsterInstance, materialize

from akhbar.lake import parquet as lake_io
from akhbar.lake.lock import LakeLocked, lake_lock
from akhbar.tables.schema import CONTRACT_TABLES
from pipelines.resources import resources

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

    def render(self, seconds: float) -> str:
        width = max(len(t) for t in self.rows)
        lines = [
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


def run_pipeline(
    raw: str,
    lake: str,
    days: tuple[dt.date, dt.date] | None = None,
    processes: int | None = None,
    instance: DagsterInstance | None = None,
) -> RunSummary:
    """Materialize all assets in process for the arrival days `days` (inclusive), or by default
    for every day that has files in `raw`, one run per range of `day_ranges`."""
    from akhbar.run.pipeline import files_by_day

    ranges = [days] if days else day_ranges(list(files_by_day(raw)))
    if instance is None and os.environ.get("DAGSTER_HOME"):
        instance = DagsterInstance.get()
    try:  # the lake lock, held for the whole run; the asset steps re-enter it (same token)
        with lake_lock(lake, purpose=f"akhbar run --raw {raw}"):
            for first, last in ranges:
                _materialize(raw, lake, (first, last), processes, instance)
    except LakeLocked as exc:  # another run is writing: say who, change nothing
        raise RunFailed(str(exc)) from exc
    return summarize(lake, ranges)


def _materialize(
    raw: str,
    lake: str,
    days: tuple[dt.date, dt.date],
    processes: int | None,
    instance: DagsterInstance | None,
) -> None:
    from pipelines.definitions import defs

    level = "WARNING" if os.environ.get("AKHBAR_QUIET") else "INFO"
    result = materialize(
        list(defs.assets or []),
        resources=resources(raw, lake, processes),
        tags={RANGE_START: str(days[0]), RANGE_END: str(days[1])},
        instance=instance,
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


def summarize(lake: str, ranges: list[tuple[dt.date, dt.date]]) -> RunSummary:
    """Rows per contract table for the run's days, read from the Parquet footers (cheap)."""
    summary = RunSummary(ranges, rows=dict.fromkeys(CONTRACT_TABLES, 0))
    for first, last in ranges:
        lo, hi = str(first), str(last)
        for table in CONTRACT_TABLES:
            summary.rows[table] += lake_io.row_count(lake, table, lo, hi)
        summary.accepted += lake_io.row_count(lake, "raw_documents", lo, hi)
        summary.rejected += lake_io.row_count(lake, "rejected_files", lo, hi, part="part-raw")
    summary.failed = summary.rows["rejected_files"] - summary.rejected
    summary.files_read = summary.accepted + summary.rejected
    return summary
