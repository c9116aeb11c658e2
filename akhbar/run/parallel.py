"""Per-document work spread over processes: the stages are CPU-bound Python.

One pool of worker processes serves every stage of a run (and every run in the same
process): starting a forkserver worker, importing the stage modules and loading the langid
model, lexicons and gazetteer in it costs seconds, which a fresh pool per stage would pay
three times. Results come back in input order.
"""

from __future__ import annotations

import atexit
import gc
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from multiprocessing import forkserver

CHUNK = 10  # documents per task: at ~0.1 s a document (extraction) a batch's tail stays ~1 s
SERIAL_BELOW = 50  # fewer documents are mapped in process, unless the pool is already up (`start_pool`)

_pools: dict[int, ProcessPoolExecutor] = {}
_lock = threading.Lock()


def serial_map(fn: Callable, rows: list) -> list:
    """Map in this process (the mapper for one process, and for small batches)."""
    return [fn(r) for r in rows]


WARM_ENV = "AKHBAR_WARM_FORKSERVER"
_ONE_THREAD = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
_WARM_TEXTS = (
    (
        "ar",
        "انعقد المؤتمر الإقليمي لحزب التقدم والاشتراكية يوم السبت 12 مارس 2022 بمدينة صفرو بحضور السيد محمد العلمي.",
    ),
    (
        "fr",
        "Le Premier secrétaire de l'USFP a tenu une réunion à Agadir le samedi 12 mars 2022 avec les élus.",
    ),
)


def warm_up() -> None:
    """Load what every worker needs (langid model, stage modules, lexicons, gazetteer) once.

    Runs in the forkserver before it forks any worker, so each worker starts with it in
    memory (shared copy-on-write) instead of spending seconds of CPU loading its own copy.
    Any failure only means a colder start: the workers load lazily as before.
    """
    from akhbar.ingest.language import identify
    from akhbar.run.documents import clean_document, extract_document

    for language, text in _WARM_TEXTS:
        identify(text * 2)
        row = {"article_id": "warm", "source_path": "warm", "language": language, "raw_text": text}
        row |= {"published_date": None, "title": None, "author": None, "encoding": "utf-8"}
        try:
            article, _ = clean_document(row)
            extract_document(article)
        except Exception:  # stages still being written, or a text they refuse: stay cold
            pass


def _start_forkserver() -> None:
    """Start the forkserver warm: it imports this module with WARM_ENV set, which runs `warm_up`.

    Also one BLAS thread per process (langid's numpy): the processes already fill the cores.
    The variables are set only while the server starts, so nothing else in this process sees them.
    """
    saved = {var: os.environ.get(var) for var in (WARM_ENV, *_ONE_THREAD)}
    os.environ[WARM_ENV] = "0" if os.environ.get("AKHBAR_COLD_WORKERS") else "1"  # tests: cold and quick
    for var in _ONE_THREAD:
        os.environ.setdefault(var, "1")
    try:
        multiprocessing.get_context("forkserver").set_forkserver_preload(["__main__", __name__])
        forkserver.ensure_running()
    finally:
        for var, value in saved.items():
            if value is None:
                os.environ.pop(var, None)
            else:
                os.environ[var] = value


def shared_pool(processes: int) -> ProcessPoolExecutor:
    """The process-wide pool with `processes` workers, started (warm) on first use."""
    with _lock:
        pool = _pools.get(processes)
        if pool is None:
            _start_forkserver()
            pool = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("forkserver"))
            _pools[processes] = pool
        return pool


def start_pool(processes: int = 0) -> None:
    """Start the shared pool now (0: one worker per core; nothing with one process).

    Returns at once: the forkserver loads the models and tables on another core while the
    caller goes on (`akhbar run` starts Dagster meanwhile). Once started, the mappers send every
    batch to the pool, however small, so this process never loads them at all.
    """
    n = processes or os.cpu_count() or 1
    if n > 1 and _main_importable():
        shared_pool(n)


def _main_importable() -> bool:
    """Whether worker processes can import this program's main module (the forkserver preloads it):
    not so for code piped into `python -`. Such a program still gets a pool for large batches, as before."""
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    return path is None or os.path.exists(path)


def _discard(processes: int, pool: ProcessPoolExecutor) -> None:
    with _lock:
        if _pools.get(processes) is pool:
            del _pools[processes]
    pool.shutdown(wait=False, cancel_futures=True)


@atexit.register
def shutdown_pools() -> None:
    """Stop every worker (also at interpreter exit)."""
    with _lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        pool.shutdown(wait=True, cancel_futures=True)


def release_workers() -> None:
    """Stop the workers and the warm forkserver, giving their memory back (~420 MB PSS at 100k
    documents: the langid model, word frequencies, gazetteer and each worker's caches).

    For when a run's per-document stages are over: its checks and warehouse build then run
    with that memory free. A later stage in this process starts them again, warm (~2 s of CPU).
    """
    shutdown_pools()
    # CPython has no public way to stop the forkserver; `_stop` is what its own tests call.
    # Without it the server stays up: only the workers' memory comes back.
    stop = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)
    if stop is not None:
        stop()


def chunk_size(rows: int, processes: int) -> int:
    """Documents per task: CHUNK, smaller for small batches so every worker gets several tasks.

    pickling a task costs ~0.1 ms, far below one document's work, so small chunks cost
    nothing and keep the workers busy to the end of each batch (the batch is a barrier).
    """
    return max(1, min(CHUNK, rows // (4 * processes)))


class PoolMapper:
    """`mapper(fn, rows) -> results` (order kept) on the shared pool of `processes` workers; small
    inputs in process when no pool is up (see `document_mapper`). `map_ahead` maps batch after batch
    with the next one already submitted, so the workers compute while the caller writes."""

    def __init__(self, processes: int) -> None:
        self.processes = processes

    def __call__(self, fn: Callable, rows: list) -> list:
        return self._submit(fn, rows)()

    def map_ahead(self, fn: Callable, batches: Iterable[list]) -> Iterator[list]:
        """The results of each batch in order, like `self(fn, rows)` for each; batch k + 1 is sent to
        the workers before batch k's results are handed over (pickling the next tasks, reading and
        writing Parquet in this process no longer leave the workers idle at each batch's end)."""
        pending: Callable[[], list] | None = None
        for rows in batches:
            submitted = self._submit(fn, rows)
            if pending is not None:
                yield pending()
            pending = submitted
        if pending is not None:
            yield pending()

    def _submit(self, fn: Callable, rows: list) -> Callable[[], list]:
        """Send `rows` to the workers now (or map them in process, when collected); return a function
        that waits for the results. A pool whose worker died is dropped when it is noticed."""
        n = self.processes
        if len(rows) < SERIAL_BELOW and n not in _pools:
            return lambda: serial_map(fn, rows)
        pool = shared_pool(n)
        try:
            results = pool.map(fn, rows, chunksize=chunk_size(len(rows), n))  # submits every chunk now
        except BrokenProcessPool:
            _discard(n, pool)
            raise

        def collect() -> list:
            try:
                return list(results)
            except BrokenProcessPool:
                _discard(n, pool)
                raise

        return collect


def map_batches(
    mapper: Callable[[Callable, list], list], fn: Callable, batches: Iterable[list]
) -> Iterator[list]:
    """`mapper(fn, rows)` for each batch, in order: ahead by one batch on a pool (`PoolMapper.map_ahead`),
    one after the other for any other mapper (`serial_map`)."""
    ahead = getattr(mapper, "map_ahead", None)
    if ahead is not None:
        yield from ahead(fn, batches)
        return
    for rows in batches:
        yield mapper(fn, rows)


@contextmanager
def document_mapper(processes: int = 0) -> Iterator[Callable[[Callable, list], list]]:
    """Yield `map(fn, rows) -> results` (order kept); the shared process pool when more than one process.

    processes=0 means one per CPU core. Small inputs are mapped in process when no pool is up:
    starting one for a handful of documents costs more than it saves (unless it was started
    early, warming up while the caller did something else: `start_pool`). A pool whose worker died
    (killed, out of memory) is dropped, so the next stage starts a fresh one.
    """
    n = processes or os.cpu_count() or 1
    if n <= 1:
        yield serial_map
        return
    yield PoolMapper(n)


if os.environ.get(WARM_ENV) == "1" and multiprocessing.parent_process() is None:
    warm_up()  # this import is the forkserver's preload (see `_start_forkserver`)
    # The garbage collector writes to every object it scans, which would copy the shared pages
    # into each worker; frozen objects are never scanned, so the warm state stays shared.
    gc.freeze()
