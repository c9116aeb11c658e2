"""Per-document work spread over processes: the stages are CPU-bound Python."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

CHUNK = 25


def _serial(fn: Callable, rows: list[dict]) -> list:
    return [fn(r) for r in rows]


@contextmanager
def document_mapper(processes: int = 0) -> Iterator[Callable[[Callable, list[dict]], list]]:
    """Yield `map(fn, rows) -> results` (order kept); a process pool when more than one process.

    processes=0 means one per CPU core. Small inputs are mapped in process: starting workers
    costs more than it saves below a few dozen documents.
    """
    n = processes or os.cpu_count() or 1
    if n <= 1:
        yield _serial
        return
    pool: ProcessPoolExecutor | None = None

    def mapped(fn: Callable, rows: list[dict]) -> list:
        nonlocal pool
        if len(rows) < 2 * CHUNK:
            return _serial(fn, rows)
        if pool is None:
            pool = ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("forkserver"))
        return list(pool.map(fn, rows, chunksize=CHUNK))

    try:
        yield mapped
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
