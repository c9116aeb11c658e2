"""A sensor that notices new or changed raw files and runs their arrival days.

The cursor keeps, per arrival day, a fingerprint of that day's files (path, size and
modification time of each). A day whose fingerprint differs from the cursor's has a new,
changed (written again) or renamed file: it gets a run. Comparing fingerprints rather than
"newer than the newest time seen" also catches files that arrive with an old time (`cp -p`,
`rsync -t`, unpacked archives), which land in the partition of that old day.

- Nothing changed: a SkipReason, and the cursor stays as it is.
- A file still being written (modified less than `SETTLE_S` ago) holds its day back until
  the next tick, so a half-copied file does not start a run.
- A day whose files were all removed is forgotten, not re-run: emptying the raw folder after
  processing (archiving) must not empty the lake.
- Many days at once (a first start on a full folder, a restored archive): one run over the
  range of those days instead of one run each (the layers are single-run backfills).

The run key names the day and its fingerprint, so the same files never run twice; the run
queue (dagster_home/dagster.yaml) lets one run write the lake at a time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from collections import defaultdict
from collections.abc import Iterable

from dagster import DefaultSensorStatus, RunRequest, SensorEvaluationContext, SensorResult, SkipReason, sensor

from akhbar.ingest.reader import scan
from assets.partitions import ARRIVAL_START
from pipelines.jobs import all_assets_job
from pipelines.resources import raw_root

RANGE_START_TAG = "dagster/asset_partition_range_start"
RANGE_END_TAG = "dagster/asset_partition_range_end"
SETTLE_S = 30.0
MAX_SEPARATE_RUNS = 10


def fingerprints(root: str) -> tuple[dict[str, str], dict[str, int]]:
    """{arrival day: fingerprint of its files} and {arrival day: newest modification time (ns)}."""
    files, refused = scan(root)
    entries: dict[str, list[str]] = defaultdict(list)
    newest: dict[str, int] = defaultdict(int)
    for f in files:
        day = str(f.arrival_day)
        entries[day].append(f"{f.source_path}\0{f.size}\0{f.mtime_ns}")
        newest[day] = max(newest[day], f.mtime_ns)
    for r in refused:  # a bad link or a stray file is a delivery too: it goes to rejected_files
        day = str(r.arrival_day)
        entries[day].append(f"{r.source_path}\0{r.reason}\0{r.mtime_ns}")
        newest[day] = max(newest[day], r.mtime_ns)
    prints = {day: _digest(lines) for day, lines in entries.items()}
    return prints, dict(newest)


def _digest(lines: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(sorted(lines)).encode("utf-8", "surrogateescape")).hexdigest()[:16]


def read_cursor(cursor: str | None) -> dict[str, str]:
    """The fingerprints seen so far; an empty or unreadable cursor means nothing seen yet."""
    try:
        seen = json.loads(cursor or "{}")
    except json.JSONDecodeError:
        return {}
    return {str(k): str(v) for k, v in seen.items()} if isinstance(seen, dict) else {}


def changed_days(root: str, cursor: str | None, now_ns: int | None = None) -> tuple[list[str], str]:
    """The arrival days with new or changed files (settled ones only), and the new cursor."""
    seen = read_cursor(cursor)
    prints, newest = fingerprints(root)
    now_ns = time.time_ns() if now_ns is None else now_ns
    settled_before = now_ns - int(SETTLE_S * 1e9)
    changed: list[str] = []
    advanced = dict(seen)
    for day, fingerprint in sorted(prints.items()):
        if seen.get(day) == fingerprint:
            continue
        if newest[day] > settled_before:
            continue  # still being written: next tick
        changed.append(day)
        advanced[day] = fingerprint
    for day in set(advanced) - set(prints):  # every file of the day removed: forget it, keep the lake
        del advanced[day]
    return changed, json.dumps(advanced, sort_keys=True, separators=(",", ":"))


def outside_partitions(days: list[str], today: dt.date) -> list[str]:
    """Days no arrival-day partition covers: after tomorrow (clock skew). Older files count as
    arriving on ARRIVAL_START, so no day falls before it."""
    last = str(today + dt.timedelta(days=1))
    return [day for day in days if not ARRIVAL_START <= day <= last]


def run_requests(days: list[str], cursor: str) -> list[RunRequest]:
    """One run per changed day, or one run over their range when there are many."""
    prints = read_cursor(cursor)
    if len(days) > MAX_SEPARATE_RUNS:
        key = _digest(f"{day}:{prints[day]}" for day in days)
        tags = {RANGE_START_TAG: days[0], RANGE_END_TAG: days[-1]}
        return [RunRequest(run_key=f"{days[0]}..{days[-1]}:{key}", tags=tags)]
    return [RunRequest(run_key=f"{day}:{prints[day]}", partition_key=day) for day in days]


@sensor(
    job=all_assets_job,
    minimum_interval_seconds=60,
    default_status=DefaultSensorStatus.RUNNING,
    description="Starts a run for each arrival day that has new or changed files in the raw folder "
    "(cursor: a fingerprint of each day's files).",
)
def raw_folder_sensor(context: SensorEvaluationContext):
    days, cursor = changed_days(raw_root(), context.cursor)
    outside = outside_partitions(days, dt.datetime.now(dt.UTC).date())
    if outside:  # a run for them could not start; say so once (the cursor remembers them)
        context.log.warning(
            f"files dated outside the arrival-day partitions ({ARRIVAL_START} to tomorrow) are not run: "
            f"{', '.join(outside[:10])}; give them a current modification time (touch) to process them"
        )
        days = [day for day in days if day not in outside]
    if not days:
        if cursor != (context.cursor or "{}"):  # days removed from the folder: remember that
            return SensorResult(skip_reason=SkipReason("no new or changed raw files"), cursor=cursor)
        return SkipReason("no new or changed raw files")
    context.log.info(f"new or changed files on {len(days)} day(s): {', '.join(days[:10])}")
    return SensorResult(run_requests=run_requests(days, cursor), cursor=cursor)
