"""Where a small run's seconds go: wall and CPU stamps of `akhbar run`'s main process, stage by stage.

    python -m benchmarks.timeline [--raw data/raw] [--runs 3]
    PYTHONPATH=/tmp/main-base python benchmarks/timeline.py --raw data/raw   # another checkout's code

Runs `akhbar run --raw RAW --lake <fresh> --quiet` in a child process (`pipelines.cli.main`, as the
program runs it) with timers around its steps: when the worker pool is started, when Dagster and the
job are ready, each layer's stage function, the first mapped batch (it waits for the warm workers),
the quality checks, the warehouse build and its data tests, the end of `main`, and the process's
exit. Each stamp shows wall seconds since the process started (interpreter start-up included) and
this process's CPU seconds (workers and forkserver not counted). With several runs, each stamp's
median. Nothing is changed, only timed.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

_T0_ENV = "AKHBAR_TIMELINE_T0"


def _process_start() -> float:
    """This process's start time (epoch seconds), from /proc."""
    with open("/proc/self/stat") as f:
        ticks = int(f.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime") as f:
        uptime = float(f.read().split()[0])
    return time.time() - (uptime - ticks / os.sysconf("SC_CLK_TCK"))


def _child(raw: str, lake: str, out: str) -> None:
    """One timed `akhbar run` in this process; writes [(label, wall, cpu), ...] to `out`."""
    start = _process_start()
    stamps: list[tuple[str, float, float]] = []

    def stamp(label: str) -> None:
        stamps.append((label, round(time.time() - start, 3), round(time.process_time(), 3)))

    def wrap(module: str, name: str, label: str) -> None:
        mod = importlib.import_module(module)
        fn = getattr(mod, name, None)
        if fn is None:  # not in this checkout's code
            return

        def timed(*args, **kwargs):
            stamp(f"{label} start")
            try:
                return fn(*args, **kwargs)
            finally:
                stamp(f"{label} end")

        setattr(mod, name, timed)

    stamp("interpreter ready")
    from pipelines import cli

    stamp("pipelines.cli imported")
    import pipelines.runner as runner

    start_workers = runner._start_workers

    def started(processes: int | None) -> None:
        stamp("worker pool start")
        start_workers(processes)
        _late_wraps(wrap, stamp)  # imports Dagster and the assets, as the run would next

    runner._start_workers = started
    wrap("pipelines.runner", "_execute", "Dagster run (execute)")
    argv = ["run", "--raw", raw, "--lake", lake, "--quiet"]
    try:
        code = cli.main(argv)
    finally:
        stamp("main returned")
        Path(out).write_text(json.dumps(stamps))
    exit_now: Callable[[int], None] | None = getattr(cli, "exit_now", None)
    if exit_now is not None:  # the program's own ending (`akhbar run`), when this checkout has one
        exit_now(code)
    sys.exit(code)


def _late_wraps(wrap: Callable[[str, str, str], None], stamp: Callable[[str], None]) -> None:
    stamp("Dagster import start")
    import assets.runtime  # noqa: F401  (Dagster and the assets)

    stamp("Dagster and assets imported")
    wrap("akhbar.run.pipeline", "ingest_day", "raw layer: ingest_day")
    wrap("akhbar.run.pipeline", "clean_day", "clean layer: clean_day")
    wrap("akhbar.run.pipeline", "extract_day", "extract layer: extract_day")
    wrap("akhbar.run.parallel", "release_workers", "release workers")
    wrap("akhbar.warehouse.build", "update_warehouse", "warehouse build")
    wrap("akhbar.warehouse.build", "run_data_tests", "warehouse data tests")
    import assets.checks
    import assets.raw
    import assets.runtime as runtime

    checks = assets.checks.check_results

    def timed_checks(lake_root, tables, days):  # noqa: ANN001, ANN202
        stamp(f"quality checks {'+'.join(tables)} start")
        yield from checks(lake_root, tables, days)
        stamp(f"quality checks {'+'.join(tables)} end")

    runtime.check_results = assets.raw.check_results = timed_checks  # the names the steps call
    from concurrent.futures import ProcessPoolExecutor

    pool_map = ProcessPoolExecutor.map
    first = {"done": False}

    def timed_map(self, *args, **kwargs):  # noqa: ANN001, ANN202
        results = pool_map(self, *args, **kwargs)

        def collected():  # noqa: ANN202
            yield from results
            if not first["done"]:
                first["done"] = True
                stamp("first batch back from the workers")

        return collected()

    ProcessPoolExecutor.map = timed_map


def _summary(
    runs: list[list[tuple[str, float, float]]], exits: list[float]
) -> list[tuple[str, float, float]]:
    """Each label's median wall and CPU over the runs (labels in the first run's order)."""
    rows = []
    for i, (label, _, _) in enumerate(runs[0]):
        walls = [r[i][1] for r in runs if i < len(r) and r[i][0] == label]
        cpus = [r[i][2] for r in runs if i < len(r) and r[i][0] == label]
        rows.append((label, statistics.median(walls), statistics.median(cpus)))
    rows.append(("process exit (parent's wall)", statistics.median(exits), float("nan")))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--raw", default="data/raw")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=3, metavar=("RAW", "LAKE", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(*args.child)
        return 0
    runs, exits = [], []
    with tempfile.TemporaryDirectory(prefix="akhbar-timeline-") as tmp:
        for i in range(args.runs):
            out = Path(tmp) / f"stamps-{i}.json"
            lake = Path(tmp) / f"lake-{i}"
            begin = time.perf_counter()
            done = subprocess.run(
                [
                    sys.executable,
                    os.path.abspath(__file__),
                    "--child",
                    os.path.abspath(args.raw),
                    str(lake),
                    str(out),
                ],
                capture_output=True,
                text=True,
            )
            exits.append(round(time.perf_counter() - begin, 3))
            if done.returncode != 0:
                print(done.stdout, done.stderr, file=sys.stderr)
                return 1
            runs.append(json.loads(out.read_text()))
    print(
        f"akhbar run on {args.raw}: median of {args.runs} runs (wall since process start / main process CPU)"
    )
    for label, wall, cpu in _summary(runs, exits):
        print(f"  {wall:6.2f} s  cpu {cpu:5.2f}  {label}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
