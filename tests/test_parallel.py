"""The worker pool: results in input order, and `release_workers` gives every process back."""

from __future__ import annotations

import os
from multiprocessing import forkserver

import pytest

from akhbar.run import parallel


def _pid_and_square(n: int) -> tuple[int, int]:
    return os.getpid(), n * n


def _alive(pid: int | None) -> bool:
    if pid is None:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_two_processes_keep_the_order_and_release_gives_them_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AKHBAR_COLD_WORKERS", "1")  # no warm-up: this is about processes, not stages
    rows = list(range(parallel.SERIAL_BELOW * 2))
    with parallel.document_mapper(2) as mapper:
        results = mapper(_pid_and_square, rows)
    assert [sq for _, sq in results] == [n * n for n in rows]
    workers = {pid for pid, _ in results} - {os.getpid()}
    assert workers, "the batch ran in worker processes"
    server = forkserver._forkserver._forkserver_pid

    parallel.release_workers()

    assert parallel._pools == {}
    assert not any(_alive(pid) for pid in workers)
    assert not _alive(server)
    with parallel.document_mapper(2) as mapper:  # a later stage starts them again
        assert [sq for _, sq in mapper(_pid_and_square, rows)] == [n * n for n in rows]
    parallel.release_workers()
