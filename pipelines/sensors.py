"""A sensor that notices new or changed raw files and runs their arrival days.

The cursor keeps, per arrival day, a fingerprint of that day's files (path, size and
modification time of each). A day whose fingerprint differs from the cursor's has a new,
changed (written again) or renamed file: it gets a run. Comparing fingerprints rather than
"newer than the newest time seen" also catches files that arrive with an old time (`cp -p`,
`rsync -t`, unpacked archives), which land in the partition of that old day.

- Nothing changed: a SkipReason, and the cursor stays as it is.
- A day a complete run already processed with the same files (`akhbar run` from the command
  line, recorded in the lake's ledger, `assets.processed`) is not run again: the cursor takes
  it as seen.
- A file still being written (modified less than `SETTLE_S` ago) holds its day back until
  the next tick, so a half-copied file does not start a run; the skip reason says so.
- A day whose files were all removed is forgotten, not re-run: emptying the raw folder after
  processing (archiving) must not empty the lake.
- Many days at once (a first start on a full folder, a restored archive): one run over the
  range of those days instead of one run each (the layers are single-run backfills).
- A day not yet known as an arrival-day partition is added (dynamic partitions) in the same
  tick as its run request.

The run key names the day and its fingerprint, so the same files never run twice; the run
queue (dagster_home/dagster.yaml) lets one run write the lake at a time.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from dagster import (
    DagsterInvariantViolationError,
    DefaultSensorStatus,
    RunRequest,
    SensorEvaluationContext,
    SensorResult,
    SkipReason,
    sensor,
)

from akhbar.ingest.reader import scan
from assets import processed
from assets.partitions import ARRIVAL_START, arrival_days, key_ranges, known_days
from pipelines.jobs import LAUNCHED_BY_TAG, all_assets_job
from pipelines.resources import lake_root, raw_root

RANGE_START_TAG = "dagster/asset_partition_range_start"
RANGE_END_TAG = "dagster/asset_partition_range_end"
SETTLE_S = 30.0
MAX_SEPARATE_RUNS = 10


def fingerprints(root: str) -> tuple[dict[str, str], dict[str, int]]:
    """{arrival day: fingerprint of its files} and {arrival day: newest modification time (ns)}."""
    files, refused = scan(root)
    by_day: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
    newest: dict[str, int] = defaultdict(int)
    for f in files:
        by_day[str(f.arrival_day)][0].append(f)
        newest[str(f.arrival_day)] = max(newest[str(f.arrival_day)], f.mtime_ns)
    for r in refused:
        by_day[str(r.arrival_day)][1].append(r)
        newest[str(r.arrival_day)] = max(newest[str(r.arrival_day)], r.mtime_ns)
    # the same digest as the raw step's (the lake's ledger), so the two can be compared
    prints = {
        day: processed.day_fingerprint(day_files, day_refused)
        for day, (day_files, day_refused) in by_day.items()
    }
    return prints, dict(newest)


def _digest(lines: Iterable[str]) -> str:
    return processed.digest(lines)


def read_cursor(cursor: str | None) -> dict[str, str]:
    """The fingerprints seen so far; an empty or unreadable cursor means nothing seen yet."""
    try:
        seen = json.loads(cursor or "{}")
    except json.JSONDecodeError:
        return {}
    return {str(k): str(v) for k, v in seen.items()} if isinstance(seen, dict) else {}


@dataclass
class Scan:
    """What one tick found: days to run, days held back, days already done elsewhere, the new cursor."""

    changed: list[str]
    cursor: str
    settling: list[str] = field(default_factory=list)  # newest file younger than SETTLE_S
    done_elsewhere: list[str] = field(default_factory=list)  # processed by `akhbar run` already


def scan_days(
    root: str, cursor: str | None, now_ns: int | None = None, done: dict[str, str] | None = None
) -> Scan:
    """Compare the raw folder with the cursor (and with `done`, the lake ledger's complete days)."""
    seen = read_cursor(cursor)
    done = done or {}
    prints, newest = fingerprints(root)
    now_ns = time.time_ns() if now_ns is None else now_ns
    settled_before = now_ns - int(SETTLE_S * 1e9)
    result = Scan([], "")
    advanced = dict(seen)
    for day, fingerprint in sorted(prints.items()):
        if seen.get(day) == fingerprint:
            continue
        if done.get(day) == fingerprint:  # a complete run (`akhbar run`) already read these files
            result.done_elsewhere.append(day)
            advanced[day] = fingerprint
            continue
        if newest[day] > settled_before:
            result.settling.append(day)  # still being written: next tick
            continue
        result.changed.append(day)
        advanced[day] = fingerprint
    for day in set(advanced) - set(prints):  # every file of the day removed: forget it, keep the lake
        del advanced[day]
    result.cursor = json.dumps(advanced, sort_keys=True, separators=(",", ":"))
    return result


def changed_days(root: str, cursor: str | None, now_ns: int | None = None) -> tuple[list[str], str]:
    """The arrival days with new or changed files (settled ones only), and the new cursor."""
    found = scan_days(root, cursor, now_ns)
    return found.changed, found.cursor


def outside_partitions(days: list[str], today: dt.date) -> list[str]:
    """Days no arrival-day partition covers: after tomorrow (clock skew). Older files count as
    arriving on ARRIVAL_START, so no day falls before it."""
    last = str(today + dt.timedelta(days=1))
    return [day for day in days if not ARRIVAL_START <= day <= last]


def run_requests(days: list[str], cursor: str, known: list[str] | None = None) -> list[RunRequest]:
    """One run per changed day, or, when there are many, one run per range of neighbouring
    partition keys (`known`: the instance's keys in their order; new days are added at its end)."""
    prints = read_cursor(cursor)
    tags = {LAUNCHED_BY_TAG: "sensor"}
    if len(days) <= MAX_SEPARATE_RUNS:
        return [RunRequest(run_key=f"{day}:{prints[day]}", partition_key=day, tags=tags) for day in days]
    known = list(known or [])
    order = known + sorted(set(days) - set(known))
    requests = []
    for first, last in key_ranges(order, days):
        covered = order[order.index(first) : order.index(last) + 1]
        key = _digest(f"{day}:{prints[day]}" for day in covered)
        if first == last:
            requests.append(RunRequest(run_key=f"{first}:{prints[first]}", partition_key=first, tags=tags))
            continue
        range_tags = {**tags, RANGE_START_TAG: first, RANGE_END_TAG: last}
        requests.append(RunRequest(run_key=f"{first}..{last}:{key}", tags=range_tags))
    return requests


def _known_days(context: SensorEvaluationContext) -> list[str]:
    try:
        return known_days(context.instance)
    except DagsterInvariantViolationError:  # a context built without an instance (unit tests)
        return []


def _skip_reason(found: Scan) -> str:
    parts = []
    if found.settling:
        parts.append(
            f"{len(found.settling)} day(s) with files modified in the last {SETTLE_S:.0f} s, waiting for "
            f"them to settle: {', '.join(found.settling[:10])}"
        )
    if found.done_elsewhere:
        parts.append(
            f"{len(found.done_elsewhere)} day(s) already processed by `akhbar run` with the same files: "
            f"{', '.join(found.done_elsewhere[:10])}"
        )
    return "; ".join(parts) if parts else "no new or changed raw files"


@sensor(
    job=all_assets_job,
    minimum_interval_seconds=60,
    default_status=DefaultSensorStatus.RUNNING,
    description="Starts a run for each arrival day that has new or changed files in the raw folder "
    "(cursor: a fingerprint of each day's files).",
)
def raw_folder_sensor(context: SensorEvaluationContext):
    found = scan_days(raw_root(), context.cursor, done=processed.done(lake_root()))
    days, cursor = found.changed, found.cursor
    outside = outside_partitions(days, dt.datetime.now(dt.UTC).date())
    if outside:  # a run for them could not start; say so once (the cursor remembers them)
        context.log.warning(
            f"files dated outside the arrival-day partitions ({ARRIVAL_START} to tomorrow) are not run: "
            f"{', '.join(outside[:10])}; give them a current modification time (touch) to process them"
        )
        days = [day for day in days if day not in outside]
    if not days:
        reason = SkipReason(_skip_reason(found))
        if cursor != (context.cursor or "{}"):  # days removed or done elsewhere: remember that
            return SensorResult(skip_reason=reason, cursor=cursor)
        return reason
    context.log.info(f"new or changed files on {len(days)} day(s): {', '.join(days[:10])}")
    known = _known_days(context)
    new = sorted(set(days) - set(known))
    return SensorResult(
        run_requests=run_requests(days, cursor, known),
        cursor=cursor,
        dynamic_partitions_requests=[arrival_days.build_add_request(new)] if new else None,
    )
