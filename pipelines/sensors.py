"""A sensor that notices new or changed raw files and runs their arrival days.

The cursor is the newest modification time seen (nanoseconds): a new file, or a file
written again, has a newer time, so only those trigger runs, and a quiet folder costs one
directory walk. The run key names the day and the newest file time, so a day is not run
twice for the same files.
"""

from collections import defaultdict

from dagster import DefaultSensorStatus, RunRequest, SensorEvaluationContext, SensorResult, SkipReason, sensor

from akhbar.ingest import scan
from pipelines.jobs import all_assets_job
from pipelines.resources import raw_root


def changed_days(root: str, cursor: int) -> tuple[dict[str, int], int]:
    """{arrival day: newest mtime} for files newer than `cursor`, and the new cursor."""
    files, refused = scan(root)
    newest: dict[str, int] = defaultdict(int)
    top = cursor
    for f in files:
        if f.mtime_ns > cursor:
            day = str(f.arrival_day)
            newest[day] = max(newest[day], f.mtime_ns)
            top = max(top, f.mtime_ns)
    for r in refused:
        if r.mtime_ns > cursor:
            day = str(r.arrival_day)
            newest[day] = max(newest[day], r.mtime_ns)
            top = max(top, r.mtime_ns)
    return dict(newest), top


@sensor(
    job=all_assets_job,
    minimum_interval_seconds=60,
    default_status=DefaultSensorStatus.RUNNING,
    description="Starts a run for each arrival day that has new or changed files in the raw folder.",
)
def raw_folder_sensor(context: SensorEvaluationContext):
    cursor = int(context.cursor or 0)
    days, top = changed_days(raw_root(), cursor)
    if not days:
        return SkipReason("no new or changed raw files")
    requests = [
        RunRequest(run_key=f"{day}:{mtime}", partition_key=day) for day, mtime in sorted(days.items())
    ]
    return SensorResult(run_requests=requests, cursor=str(top))
