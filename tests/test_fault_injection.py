"""Kill `akhbar run` with SIGKILL at many points, rerun, and compare the lake with a clean run's, row for row.

The kill points are the checkpoints of `akhbar.faults` (`AKHBAR_FAULT_AT=*:<n>`: the n-th
checkpoint of the run, whatever its name): the start of each stage and day, every batch, and
before and after every partition commit, over three arrival days. For each point:

1. the run is killed there (it must die of SIGKILL: the point was reached);
2. the lake must be readable and every Parquet file in it whole: each file equals the same
   file of a clean run (so no partial file and no half-replaced partition is visible);
3. a plain rerun must succeed and leave every table equal to the clean run's, row for row,
   the run-time columns (`ingested_at`, `seen_at`) aside, with no temporary file left.

Half the points start from an empty lake, half from a lake a previous complete run filled
(the rerun-over-existing-partitions case). Speed: a driver process (this file run as a
script) imports everything and does the clean run once, then forks one child per run; each
child is `akhbar run` (`pipelines.cli.main`) in its own process, warm, killed by SIGKILL.
One point is also killed through the installed `akhbar` executable, to prove the real path.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from akhbar.tables.schema import CONTRACT_TABLES

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "data" / "raw"
PYTHON = sys.executable
AKHBAR = str(Path(PYTHON).with_name("akhbar"))
RUN_TIME_COLUMNS = {"ingested_at", "seen_at"}
TABLES = ("raw_documents", *CONTRACT_TABLES)  # every table a run writes
KILL_POINTS = 24  # aimed at; every kind of checkpoint gets its share
DAYS = [dt.datetime(2026, 3, d, 10, tzinfo=dt.UTC).timestamp() for d in (1, 2, 3)]


def make_raw_folder(raw: Path, outside: Path) -> None:
    """Three arrival days of good and bad files: samples, duplicates, junk, a link out of the folder."""
    raw.mkdir(parents=True)
    samples = sorted(SAMPLES.glob("*.txt"), key=lambda p: p.stat().st_size)[:4]  # the short ones: speed
    plan: dict[str, tuple[bytes, float]] = {
        "a/first.txt": (samples[0].read_bytes(), DAYS[0]),
        "a/second.txt": (samples[1].read_bytes(), DAYS[0]),
        "a/empty.txt": (b"", DAYS[0]),
        "a/binary.txt": (bytes(range(256)) * 8, DAYS[0]),
        "b/third.txt": (samples[2].read_bytes(), DAYS[1]),
        "b/first again.txt": (samples[0].read_bytes(), DAYS[1]),  # duplicate of an earlier day
        "b/english.txt": (
            b"The committee met on Tuesday to discuss the annual budget and the new plan.",
            DAYS[1],
        ),
        "c/fourth.txt": (samples[3].read_bytes(), DAYS[2]),
        "c/\u062e\u0627\u0645\u0633.txt": (samples[3].read_bytes(), DAYS[2]),  # duplicate the same day
        "c/short.txt": (b"Bonjour.", DAYS[2]),
    }
    for name, (data, when) in plan.items():
        path = raw / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        os.utime(path, (when, when))
    secret = outside / "secret.txt"
    secret.parent.mkdir(parents=True, exist_ok=True)
    secret.write_text("Ce fichier est hors du dossier brut et ne doit jamais être lu par Akhbar. " * 3)
    link = raw / "c" / "link.txt"
    link.symlink_to(secret)
    os.utime(link, (DAYS[2], DAYS[2]), follow_symlinks=False)


# ---------------------------------------------------------------- lake comparison (driver side)


def lake_files(lake: Path) -> dict[str, list[tuple]]:
    """Every Parquet file of every table -> its rows (run-time columns aside), sorted."""
    import pyarrow.parquet as pq

    out: dict[str, list[tuple]] = {}
    for table in TABLES:
        for path in sorted((lake / table).glob("*/*")):
            rel = path.relative_to(lake).as_posix()
            if path.suffix != ".parquet":
                out[rel] = [("not a parquet file",)]
                continue
            data = pq.read_table(path, use_threads=False)  # no thread pool: the driver forks
            keep = [c for c in data.column_names if c not in RUN_TIME_COLUMNS]
            rows = data.select(keep).to_pylist()
            out[rel] = sorted((tuple(r.values()) for r in rows), key=repr)
    return out


def tables(lake: Path) -> dict[str, list[tuple]]:
    """Each table's rows (with their partition day), files merged, sorted."""
    merged: dict[str, list[tuple]] = {t: [] for t in TABLES}
    for rel, rows in lake_files(lake).items():
        table, day = rel.split("/")[:2]
        merged[table] += [(day, *r) for r in rows]
    return {t: sorted(rows, key=repr) for t, rows in merged.items()}


def differences(got: dict, want: dict) -> list[str]:
    return [
        f"{key}: {len(got.get(key, []))} rows, want {len(want.get(key, []))}"
        for key in sorted(set(got) | set(want))
        if got.get(key) != want.get(key)
    ]


# ---------------------------------------------------------------- the driver


def _child_runs(jobs: list[tuple[Path, Path, dict[str, str]]], force: bool = False) -> list[int]:
    """Fork one child per (raw, lake, env), all at once (the machine's cores work in parallel);
    each child runs `akhbar run` (with `--force` if `force`) and exits. Return their raw wait
    statuses, in order."""
    from pipelines import cli

    pids = []
    for raw, lake, env in jobs:
        pid = os.fork()
        if pid == 0:  # pragma: no cover - child
            code = 70
            try:
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, 1)
                os.dup2(devnull, 2)
                os.environ.update(env)
                code = cli.main(
                    ["run", "--raw", str(raw), "--lake", str(lake), "--processes", "1", "--quiet"]
                    + (["--force"] if force else [])
                )
            finally:
                os._exit(code)
        pids.append(pid)
    return [os.waitpid(pid, 0)[1] for pid in pids]


def _child_run(raw: Path, lake: Path, env: dict[str, str]) -> int:
    return _child_runs([(raw, lake, env)])[0]


def _killed(status: int) -> bool:
    return os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


def _choose(names: list[str], wanted: int) -> list[int]:
    """About `wanted` checkpoint numbers (1-based): every kind of checkpoint, each spread over the run."""
    by_name: dict[str, list[int]] = {}
    for number, name in enumerate(names, 1):
        by_name.setdefault(name, []).append(number)
    share = max(1, wanted // len(by_name))
    chosen: set[int] = set()
    for numbers in by_name.values():
        step = max(1, len(numbers) / share)
        chosen |= {numbers[int(i * step)] for i in range(min(share, len(numbers)))}
    return sorted(chosen)


def drive(work: Path) -> dict:
    """Clean run, trace, then kill/check/rerun/compare at each point; a JSON-able report."""
    from akhbar.lake import faults
    from akhbar.run import pipeline
    from pipelines import cli

    pipeline.BATCH = 2  # several batches per day, so batch checkpoints are many
    raw = work / "raw"
    make_raw_folder(raw, work / "outside")
    reference = work / "reference"
    assert cli.main(["run", "--raw", str(raw), "--lake", str(reference), "--processes", "1", "--quiet"]) == 0
    want_files = lake_files(reference)
    want = tables(reference)

    trace = work / "trace.txt"
    assert _child_run(raw, work / "traced", {faults.TRACE_ENV: str(trace)}) == 0
    names = trace.read_text().split()
    points = _choose(names, KILL_POINTS)

    report: dict = {"work": str(work), "checkpoints": len(names), "names": sorted(set(names)), "points": []}
    cores = os.cpu_count() or 1
    for first in range(0, len(points), cores):
        batch = list(enumerate(points))[first : first + cores]
        lakes = [work / f"lake{i}" for i, _ in batch]
        for (i, _), lake in zip(batch, lakes, strict=True):
            if i % 2:
                shutil.copytree(reference, lake)
        # --force: over a full lake (whose ledger holds every day done) a plain run would skip
        # every day; the crash run must rewrite the partitions, as it did before the ledger.
        # The reruns below are plain: they must finish the work on their own.
        statuses = _child_runs(
            [
                (raw, lake, {faults.FAULT_ENV: f"*:{nth}"})
                for (_, nth), lake in zip(batch, lakes, strict=True)
            ],
            force=True,
        )
        after_crash = [lake_files(lake) for lake in lakes]
        reruns = _child_runs([(raw, lake, {}) for lake in lakes])
        for (i, nth), lake, status, crashed, rerun in zip(
            batch, lakes, statuses, after_crash, reruns, strict=True
        ):
            torn = [
                f"{rel}: differs from the clean run's file"
                for rel, rows in crashed.items()
                if rows != want_files.get(rel)
            ]
            report["points"].append(
                {
                    "at": f"*:{nth} ({names[nth - 1]})",
                    "prefilled": bool(i % 2),
                    "killed": _killed(status),
                    "torn_files": torn,
                    "rerun_ok": os.WIFEXITED(rerun) and os.WEXITSTATUS(rerun) == 0,
                    "differences": differences(tables(lake), want),
                    "tmp_left": sorted(p.name for p in (lake / "_tmp").glob("*")),
                }
            )
            shutil.rmtree(lake)
    return report


# ---------------------------------------------------------------- the tests


@pytest.fixture(scope="module")
def sweep(tmp_path_factory: pytest.TempPathFactory) -> dict:
    work = tmp_path_factory.mktemp("faults")
    proc = subprocess.run(
        [PYTHON, __file__, str(work)], capture_output=True, text=True, cwd=REPO, timeout=900
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_the_sweep_covers_at_least_20_points_across_every_stage(sweep: dict) -> None:
    assert len(sweep["points"]) >= 20
    hit = {p["at"].split("(")[1].rstrip(")") for p in sweep["points"]}
    assert {"pipeline.ingest_day", "pipeline.clean_day", "pipeline.extract_day"} <= set(sweep["names"])
    assert {"lake.before_commit", "lake.after_commit", "lake.batch"} <= hit


def test_every_kill_point_really_killed_the_run(sweep: dict) -> None:
    assert [p["at"] for p in sweep["points"] if not p["killed"]] == []


def test_after_a_kill_the_lake_shows_only_whole_files(sweep: dict) -> None:
    assert [(p["at"], p["torn_files"]) for p in sweep["points"] if p["torn_files"]] == []


def test_the_next_run_completes_and_equals_a_clean_run_row_for_row(sweep: dict) -> None:
    bad = [p for p in sweep["points"] if not p["rerun_ok"] or p["differences"] or p["tmp_left"]]
    assert bad == []


def test_killing_the_installed_command_and_rerunning_gives_the_clean_result(
    sweep: dict, tmp_path: Path
) -> None:
    """The real path once: the `akhbar` executable, killed mid-clean-layer on a second arrival day."""
    raw, reference = Path(sweep["work"]) / "raw", Path(sweep["work"]) / "reference"

    def run(lake: Path, fault: str | None = None) -> subprocess.CompletedProcess:
        env = {k: v for k, v in os.environ.items() if not k.startswith("AKHBAR_")}
        if fault:
            env["AKHBAR_FAULT_AT"] = fault
        cmd = [AKHBAR, "run", "--raw", str(raw), "--lake", str(lake), "--processes", "1", "--quiet"]
        return subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, env=env, timeout=300)

    crashed = run(tmp_path / "lake", "pipeline.clean_day:2")
    assert crashed.returncode == -signal.SIGKILL
    assert (tmp_path / "lake" / "raw_documents").exists()
    assert run(tmp_path / "lake").returncode == 0
    assert tables(tmp_path / "lake") == tables(reference)


if __name__ == "__main__":
    print(json.dumps(drive(Path(sys.argv[1]))))
