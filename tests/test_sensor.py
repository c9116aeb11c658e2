"""The raw-folder sensor on a real folder: runs for new or changed files only, with a cursor."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest
from dagster import (
    RunRequest,
    SensorResult,
    SkipReason,
    build_schedule_context,
    build_sensor_context,
    instance_for_test,
)

from assets.partitions import ARRIVAL_START, known_days
from pipelines.definitions import defs
from pipelines.sensors import (
    MAX_SEPARATE_RUNS,
    RANGE_END_TAG,
    RANGE_START_TAG,
    SETTLE_S,
    changed_days,
    raw_folder_sensor,
    read_cursor,
)

HOUR = 3600.0


@pytest.fixture
def raw(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "raw"
    folder.mkdir()
    monkeypatch.setenv("AKHBAR_RAW", str(folder))
    return folder


def _write(folder: Path, name: str, text: str, when: float) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    os.utime(path, (when, when))
    return path


def _day(when: float) -> str:
    return str(dt.datetime.fromtimestamp(when, dt.UTC).date())


def _tick(cursor: str | None) -> SensorResult | SkipReason:
    return raw_folder_sensor(build_sensor_context(cursor=cursor))


def test_a_new_file_starts_a_run_for_its_day_then_nothing_changed_skips(raw: Path) -> None:
    when = time.time() - HOUR
    _write(raw, "a.txt", "عقد حزب التقدم والاشتراكية مؤتمره", when)
    first = _tick(None)
    assert isinstance(first, SensorResult)
    (request,) = first.run_requests
    assert isinstance(request, RunRequest) and request.partition_key == _day(when)
    assert set(read_cursor(first.cursor)) == {_day(when)}

    second = _tick(first.cursor)
    assert isinstance(second, SkipReason)


def test_a_changed_file_starts_a_run_and_the_cursor_advances(raw: Path) -> None:
    when = time.time() - 2 * HOUR
    path = _write(raw, "a.txt", "Le PPS a tenu son congrès", when)
    first = _tick(None)
    os.utime(path, (when + 60, when + 60))  # written again (touched): a new modification time
    second = _tick(first.cursor)
    assert isinstance(second, SensorResult)
    assert [r.partition_key for r in second.run_requests] == [_day(when + 60)]
    assert second.cursor != first.cursor
    assert isinstance(_tick(second.cursor), SkipReason)


def test_only_the_changed_day_runs(raw: Path) -> None:
    now = time.time()
    _write(raw, "old.txt", "un", now - 3 * 24 * HOUR)
    _write(raw, "new.txt", "deux", now - HOUR)
    first = _tick(None)
    assert sorted(r.partition_key for r in first.run_requests) == sorted(
        {_day(now - 3 * 24 * HOUR), _day(now - HOUR)}
    )
    _write(raw, "sub/more.txt", "trois", now - 3 * 24 * HOUR + 5)  # arrives with an old time (cp -p)
    second = _tick(first.cursor)
    assert [r.partition_key for r in second.run_requests] == [_day(now - 3 * 24 * HOUR)]


def test_run_keys_name_the_day_and_its_files(raw: Path) -> None:
    when = time.time() - HOUR
    _write(raw, "a.txt", "un", when)
    (request,) = _tick(None).run_requests
    assert request.run_key.startswith(f"{_day(when)}:")
    assert raw_folder_sensor.job_name == "akhbar_daily"


def test_a_file_still_being_written_waits_for_the_next_tick(raw: Path) -> None:
    now = time.time()
    _write(raw, "copying.txt", "half a fi", now)
    days, cursor = changed_days(str(raw), None, now_ns=int(now * 1e9))
    assert days == [] and read_cursor(cursor) == {}
    later = int((now + SETTLE_S + 1) * 1e9)
    days, cursor = changed_days(str(raw), cursor, now_ns=later)
    assert days == [_day(now)]


def test_emptying_a_day_is_not_a_run(raw: Path) -> None:
    path = _write(raw, "a.txt", "un", time.time() - HOUR)
    first = _tick(None)
    path.unlink()
    second = _tick(first.cursor)
    assert isinstance(second, SensorResult) and not second.run_requests
    assert read_cursor(second.cursor) == {}
    assert isinstance(_tick(second.cursor), SkipReason)


def test_many_days_at_once_are_one_range_run(raw: Path) -> None:
    start = time.time() - 40 * 24 * HOUR
    for i in range(MAX_SEPARATE_RUNS + 2):
        _write(raw, f"{i}.txt", f"document {i}", start + i * 24 * HOUR)
    (request,) = _tick(None).run_requests
    assert request.partition_key is None
    assert request.tags[RANGE_START_TAG] == _day(start)
    assert request.tags[RANGE_END_TAG] == _day(start + (MAX_SEPARATE_RUNS + 1) * 24 * HOUR)


def test_an_unreadable_cursor_means_nothing_seen(raw: Path) -> None:
    _write(raw, "a.txt", "un", time.time() - HOUR)
    assert len(_tick("17123456789").run_requests) == 1  # the former cursor: newest time seen
    assert read_cursor("not json") == {}


def test_the_nightly_schedule_runs_yesterday() -> None:
    repo = defs.get_repository_def()
    schedule = repo.get_schedule_def("nightly")
    at = dt.datetime(2026, 3, 13, 1, 30, tzinfo=dt.UTC)
    with instance_for_test() as instance:  # arrival days are dynamic partitions: the schedule adds its day
        context = build_schedule_context(scheduled_execution_time=at, repository_def=repo, instance=instance)
        data = schedule.evaluate_tick(context)
        assert known_days(instance) == ["2026-03-12"]
    assert [r.partition_key for r in data.run_requests] == ["2026-03-12"]
    assert schedule.cron_schedule == "30 1 * * *" and schedule.execution_timezone == "UTC"


def test_files_dated_before_the_partitions_count_as_arriving_on_the_first_day(raw: Path) -> None:
    _write(raw, "zip-default.txt", "un", dt.datetime(1980, 1, 1, tzinfo=dt.UTC).timestamp())
    _write(raw, "a.txt", "deux", time.time() - HOUR)
    first = _tick(None)
    assert sorted(r.partition_key for r in first.run_requests) == [ARRIVAL_START, _day(time.time() - HOUR)]
    assert isinstance(_tick(first.cursor), SkipReason)
