"""One real pipeline run, timed by stage: what `benchmarks.run` starts in a subprocess.

Runs `pipelines.runner.run_pipeline` (Dagster `materialize` of every asset, exactly as
`akhbar run` does) and writes a JSON report: seconds of the whole run, Dagster step
durations, and a split of each layer's wall time into Parquet reads, Parquet writes and
the per-document work between them. The split comes from timers wrapped around the lake
functions and the stage functions in this process only (the worker processes run the
per-document code untouched); nothing is replaced, only timed.

    python -m benchmarks.pipeline_child --raw DIR --lake DIR --days A:B --report out.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
import time
from collections import defaultdict
from collections.abc import Callable, Iterator

from akhbar.lake import parquet as lake
from akhbar.run import pipeline

_seconds: dict[str, float] = defaultdict(float)
_stage = ["other"]
_marks: list[tuple[str, float, float]] = []  # (stage, tree CPU before, after): to check the CPU split
_TICK = os.sysconf("SC_CLK_TCK")


def tree_cpu() -> float:
    """CPU seconds so far of this process, its live descendants (workers, forkserver) and reaped children.

    Read from /proc: unlike wall time, it does not grow when other work shares the cores.
    """
    parent: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parent[int(entry)] = int(fields[1])
        ticks[int(entry)] = sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
    mine, todo = set(), [os.getpid()]
    while todo:
        pid = todo.pop()
        mine.add(pid)
        todo += [child for child, p in parent.items() if p == pid and child not in mine]
    return sum(ticks.get(pid, 0) for pid in mine) / _TICK


def _timed_stage(name: str, fn: Callable) -> Callable:
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        outer = _stage[0]
        _stage[0] = name
        start, cpu = time.perf_counter(), tree_cpu()
        try:
            return fn(*args, **kwargs)
        finally:
            _seconds[f"{name}.total"] += time.perf_counter() - start
            end_cpu = tree_cpu()
            _seconds[f"{name}.cpu"] += end_cpu - cpu
            _marks.append((name, round(cpu, 2), round(end_cpu, 2)))
            _stage[0] = outer

    return wrapper


def _timed_io(kind: str, fn: Callable) -> Callable:
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            _seconds[f"{_stage[0]}.{kind}"] += time.perf_counter() - start

    return wrapper


def _timed_reader(fn: Callable) -> Callable:
    """Time each batch a partition reader yields (the reading, not what the caller does between)."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs) -> Iterator:
        iterator = iter(fn(*args, **kwargs))
        while True:
            start = time.perf_counter()
            try:
                batch = next(iterator)
            except StopIteration:
                _seconds[f"{_stage[0]}.parquet_read"] += time.perf_counter() - start
                return
            _seconds[f"{_stage[0]}.parquet_read"] += time.perf_counter() - start
            yield batch

    return wrapper


def pool_ingest(processes: int | None) -> None:
    """Read the raw files through the worker pool, as the raw asset does once it passes its mapper.

    `ingest_day` takes a `mapper` (like `clean_day`); until `assets/raw.py` passes
    `workers.mapper()`, this shows what it gains. A mapper the asset passes wins.
    """
    from akhbar.run.parallel import document_mapper

    original = pipeline.ingest_day

    @functools.wraps(original)
    def ingest_day(lake_root, day, arrived, now=None, mapper=None):
        with document_mapper(processes or 0) as pooled:
            return original(lake_root, day, arrived, now, mapper or pooled)

    pipeline.ingest_day = ingest_day


def instrument() -> None:
    """Wrap the stage functions and the lake's read/write calls with timers (this process only)."""
    for name in ("ingest_day", "clean_day", "extract_day"):
        setattr(pipeline, name, _timed_stage(name, getattr(pipeline, name)))
    lake.PartitionWriter.write_rows = _timed_io("parquet_write", lake.PartitionWriter.write_rows)
    lake.PartitionWriter.commit = _timed_io("parquet_write", lake.PartitionWriter.commit)
    lake.read_partition = _timed_reader(lake.read_partition)


def stage_split(seconds: dict[str, float]) -> dict[str, float]:
    """The issue's stages from the raw timers: per-document work is a stage's time minus its I/O."""

    def work(stage: str) -> float:
        return (
            seconds.get(f"{stage}.total", 0.0)
            - seconds.get(f"{stage}.parquet_write", 0.0)
            - seconds.get(f"{stage}.parquet_read", 0.0)
        )

    return {
        "decode_langid": work("ingest_day"),
        "normalization": work("clean_day"),
        "extraction": work("extract_day"),
        "parquet_write": sum(v for k, v in seconds.items() if k.endswith(".parquet_write")),
        "parquet_read": sum(v for k, v in seconds.items() if k.endswith(".parquet_read")),
    }


def step_seconds(instance, run_id: str) -> dict[str, float]:
    """Dagster's own step durations for the run (one step per layer asset, plus the warehouse)."""
    return {
        stat.step_key: (stat.end_time or 0) - (stat.start_time or 0)
        for stat in instance.get_run_step_stats(run_id)
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--raw", required=True)
    parser.add_argument("--lake", required=True)
    parser.add_argument("--days", required=True, help="FROM:TO arrival days")
    parser.add_argument("--processes", type=int, default=None)
    parser.add_argument("--report", required=True, help="JSON file to write")
    parser.add_argument("--pool-ingest", action="store_true", help="read raw files through the worker pool")
    args = parser.parse_args(argv)

    import logging

    os.environ["AKHBAR_QUIET"] = "1"
    logging.getLogger("dagster").setLevel(logging.WARNING)
    from dagster import DagsterInstance

    from pipelines.runner import run_pipeline

    if args.pool_ingest:
        pool_ingest(args.processes)
    instrument()
    first, _, last = args.days.partition(":")
    days = (dt.date.fromisoformat(first), dt.date.fromisoformat(last or first))
    instance = DagsterInstance.ephemeral()
    start, cpu_start = time.perf_counter(), tree_cpu()
    error = None
    try:
        summary = run_pipeline(args.raw, args.lake, days, processes=args.processes, instance=instance)
        rows = summary.rows
    except Exception as exc:  # report it; the parent decides
        error, rows = f"{type(exc).__name__}: {exc}", {}
    seconds = time.perf_counter() - start
    cpu = tree_cpu() - cpu_start
    steps: dict[str, float] = defaultdict(float)
    for run in instance.get_runs():  # `run_pipeline` may start one run per range of days
        for step, step_s in step_seconds(instance, run.run_id).items():
            steps[step] += step_s
    report = {
        "seconds": seconds,
        "cpu": cpu,
        "stage_cpu": {
            "decode_langid": _seconds.get("ingest_day.cpu", 0.0),
            "normalization": _seconds.get("clean_day.cpu", 0.0),
            "extraction": _seconds.get("extract_day.cpu", 0.0),
        },
        "steps": steps,
        "cpu_marks": [("run", round(cpu_start, 2), round(cpu_start + cpu, 2)), *_marks],
        "timers": dict(_seconds),
        "stages": stage_split(_seconds),
        "rows": rows,
        "error": error,
    }
    with open(args.report, "w", encoding="utf-8") as out:
        json.dump(report, out, indent=1)
    return 0 if error is None else 1


if __name__ == "__main__":
    from pipelines.cli import exit_now

    exit_now(main())  # as `akhbar run` ends: no interpreter teardown
