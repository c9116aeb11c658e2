"""Two runs on one lake: the second fails fast and says who holds the lake; nothing is corrupted."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest
from dagster import materialize

from akhbar.lake.lock import TOKEN_ENV, LakeLocked, holder, lake_lock
from akhbar.tables.schema import CONTRACT_TABLES
from assets.partitions import instance_with_days
from pipelines.definitions import defs
from pipelines.resources import resources
from pipelines.runner import RANGE_END, RANGE_START

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
AKHBAR = str(Path(PYTHON).with_name("akhbar"))
TODAY = dt.datetime.now(dt.UTC).date()

_HOLD = """
import sys, time
from akhbar.lake.lock import lake_lock
with lake_lock(sys.argv[1], purpose="test holder"):
    print("held", flush=True)
    time.sleep(120)
"""


@contextmanager
def held_elsewhere(lake: Path) -> Iterator[subprocess.Popen]:
    """Another process holding the lake lock until the block ends (then killed with SIGKILL)."""
    proc = subprocess.Popen([PYTHON, "-c", _HOLD, str(lake)], stdout=subprocess.PIPE, text=True, cwd=REPO)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        yield proc
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()


def _akhbar_run(raw: Path, lake: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [AKHBAR, "run", "--raw", str(raw), "--lake", str(lake), "--processes", "1", "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )


def _tables(lake: Path) -> dict[str, list[tuple]]:
    skip = {"articles": "ingested_at", "raw_documents": "ingested_at", "rejected_files": "seen_at"}
    out = {}
    for table in CONTRACT_TABLES:
        exclude = f" exclude ({skip[table]})" if table in skip else ""
        glob = f"{lake}/{table}/**/*.parquet"
        out[table] = (
            duckdb.sql(f"select *{exclude} from read_parquet('{glob}', hive_partitioning = true)")
            .order("all")
            .fetchall()
            if list((lake / table).glob("**/*.parquet"))
            else []
        )
    return out


def test_second_run_fails_fast_naming_the_holder_and_writes_nothing(raw_dir: Path, lake_dir: Path) -> None:
    with held_elsewhere(lake_dir) as other:
        started = time.monotonic()
        proc = _akhbar_run(raw_dir, lake_dir)
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 1
        assert "another run holds the lake lock" in err
        assert f"pid {other.pid}" in err and "test holder" in err
        assert time.monotonic() - started < 60  # failed fast, did not wait for the holder
    assert not any((lake_dir / t).exists() for t in CONTRACT_TABLES)


def test_a_killed_holder_leaves_no_stale_lock(tmp_path: Path) -> None:
    with held_elsewhere(tmp_path):
        assert holder(str(tmp_path))["command"] == "test holder"
    assert holder(str(tmp_path)) is None
    with lake_lock(str(tmp_path)) as took:
        assert took


def test_the_lock_is_reentrant_within_its_run_and_exclusive_outside(tmp_path: Path) -> None:
    root = str(tmp_path)
    with lake_lock(root) as outer:
        assert outer and os.environ.get(TOKEN_ENV)
        with lake_lock(root) as inner:  # an asset step inside `akhbar run`
            assert inner is False
        child = subprocess.run(  # a child process of the run (multiprocess executor): inherits the token
            [
                PYTHON,
                "-c",
                f"from akhbar.lake.lock import lake_lock\nwith lake_lock({root!r}) as t: print(t)",
            ],
            capture_output=True,
            text=True,
            cwd=REPO,
        )
        assert child.stdout.strip() == "False"
        stranger = subprocess.run(  # an unrelated process: refused
            [PYTHON, "-c", f"from akhbar.lake.lock import lake_lock\nwith lake_lock({root!r}): pass"],
            capture_output=True,
            text=True,
            cwd=REPO,
            env={k: v for k, v in os.environ.items() if k != TOKEN_ENV},
        )
        assert stranger.returncode != 0 and "LakeLocked" in stranger.stderr
    assert TOKEN_ENV not in os.environ


def test_taking_the_lock_removes_a_crashed_runs_temporary_files(tmp_path: Path) -> None:
    stray = tmp_path / "_tmp" / "articles-2026-01-01-part-0-dead.tmp"
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"PAR1 half a file")
    past = time.time() - 5
    os.utime(stray, (past, past))
    with lake_lock(str(tmp_path)):
        assert not stray.exists()


def test_each_dagster_step_takes_the_lock_itself(raw_dir: Path, lake_dir: Path) -> None:
    """Steps run outside `akhbar run` (Dagster's multiprocess executor, the webserver) are guarded too."""
    with held_elsewhere(lake_dir):
        result = materialize(
            list(defs.assets),
            resources=resources(str(raw_dir), str(lake_dir), processes=1),
            tags={RANGE_START: str(TODAY), RANGE_END: str(TODAY)},
            instance=instance_with_days([str(TODAY)]),
            raise_on_error=False,
        )
    assert not result.success
    failures = [e for e in result.all_events if e.is_step_failure]
    assert failures and "another run holds the lake lock" in failures[0].step_failure_data.error.to_string()
    assert not (lake_dir / "raw_documents").exists()


def test_two_runs_at_once_leave_the_same_lake_as_one_run(raw_dir: Path, tmp_path: Path) -> None:
    reference, shared = tmp_path / "reference", tmp_path / "shared"
    assert _akhbar_run(raw_dir, reference).wait(timeout=300) == 0
    first, second = _akhbar_run(raw_dir, shared), _akhbar_run(raw_dir, shared)
    outcomes = [(p.wait(timeout=300), p.stderr.read()) for p in (first, second)]
    assert any(code == 0 for code, _ in outcomes)
    for code, err in outcomes:  # each one either ran, or said why it did not
        assert code == 0 or (code == 1 and "another run holds the lake lock" in err), err
    assert _tables(shared) == _tables(reference)
    assert list((shared / "_tmp").iterdir()) == []


def test_lake_locked_message_without_holder_details() -> None:
    assert "since an unknown time" in str(LakeLocked("/lake", {}))


@pytest.mark.parametrize("root", ["s3://bucket/lake"])
def test_object_store_lakes_are_not_locked(root: str) -> None:
    with lake_lock(root) as took:
        assert took is False
