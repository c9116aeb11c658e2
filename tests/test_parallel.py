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


def test_batches_mapped_ahead_come_back_whole_and_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """`map_batches` on the pool sends batch k + 1 before handing over batch k: same results, same order
    as one batch after the other, small and large batches mixed; a serial mapper maps them one by one."""
    monkeypatch.setenv("AKHBAR_COLD_WORKERS", "1")
    sizes = [parallel.SERIAL_BELOW * 2, 3, parallel.SERIAL_BELOW + 7, 0, 1]
    batches, n = [], 0
    for size in sizes:
        batches.append(list(range(n, n + size)))
        n += size
    expected = [[(n * n) for n in batch] for batch in batches]
    drawn = 0

    def consumed():  # the stage's side: batches read one at a time
        nonlocal drawn
        for batch in batches:
            drawn += 1
            yield batch

    got, drawn_when_handed = [], []
    with parallel.document_mapper(2) as mapper:
        for results in parallel.map_batches(mapper, _pid_and_square, consumed()):
            drawn_when_handed.append(drawn)
            got.append([sq for _, sq in results])
    assert got == expected
    assert drawn_when_handed == [2, 3, 4, 5, 5]  # the next batch was already sent
    assert [
        [sq for _, sq in r] for r in parallel.map_batches(parallel.serial_map, _pid_and_square, batches)
    ] == expected
    parallel.release_workers()
