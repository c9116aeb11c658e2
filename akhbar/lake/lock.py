"""One writer at a time per lake: an exclusive `flock` on `<lake>/_lock`.

Why a lock: two runs writing the same partitions would each be atomic per file, but their
layers would interleave (run A's articles over run B's raw documents) and each cleans the
other's temporary files. The second run fails fast with a message naming the holder
("another run holds the lake lock since ... (pid ...)") instead of waiting silently.

Re-entrant within one run: the holder puts a token in the environment (`AKHBAR_LAKE_LOCK`)
and in the lock file. A nested `lake_lock` (the Dagster asset steps inside `akhbar run`, or
any child process it starts) that finds the lock busy but the token matching knows its own
run holds it and goes on. Steps run by Dagster's multiprocess executor without an outer
holder take the lock themselves, one after another.

The kernel drops a `flock` when its process dies, `kill -9` included: a crash never leaves a
stale lock. The holder's details in the file are only for the message. Object-store lakes
(`s3://...`) have no `flock`: there the lock is a no-op and one scheduler must own the lake.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import socket
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from akhbar.lake.parquet import clean_tmp

LOCK_FILE = "_lock"
TOKEN_ENV = "AKHBAR_LAKE_LOCK"


class LakeLocked(RuntimeError):
    """Another run holds the lake; `holder` has its pid, host, start time and command."""

    def __init__(self, lake_root: str, holder: dict) -> None:
        self.holder = holder
        since = holder.get("since", "an unknown time")
        who = f"pid {holder.get('pid', '?')} on {holder.get('host', '?')}"
        what = holder.get("command", "")
        super().__init__(
            f"another run holds the lake lock on {lake_root} since {since} ({who}{': ' + what if what else ''}); "
            "wait for it to finish, or stop it, then run again"
        )


def lock_path(lake_root: str) -> Path:
    return Path(lake_root) / LOCK_FILE


@contextmanager
def lake_lock(lake_root: str, purpose: str = "") -> Iterator[bool]:
    """Hold the lake's write lock for the block; raise `LakeLocked` at once if another run has it.

    Yields True when this call took the lock, False when it ran under its own run's lock
    (re-entrant) or the lake is on an object store. Taking the lock also removes the
    temporary files a crashed run left in `<lake>/_tmp`.
    """
    if "://" in lake_root:
        yield False
        return
    path = lock_path(lake_root)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            token = os.environ.get(TOKEN_ENV)
            if token and holder.get("token") == token:
                yield False  # our own run holds it
                return
            raise LakeLocked(lake_root, holder) from None
        token = uuid.uuid4().hex
        _write_holder(fd, token, purpose)
        # no other writer can be alive now: every temporary file is a crashed run's leftover
        clean_tmp(lake_root, older_than_s=0)
        previous = os.environ.get(TOKEN_ENV)
        os.environ[TOKEN_ENV] = token
        try:
            yield True
        finally:
            if previous is None:
                os.environ.pop(TOKEN_ENV, None)
            else:
                os.environ[TOKEN_ENV] = previous
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def holder(lake_root: str) -> dict | None:
    """Who holds the lake lock now, or None when it is free (for status pages and tests)."""
    path = lock_path(lake_root)
    if not path.exists():
        return None
    fd = os.open(path, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _read_holder(fd)
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


def _write_holder(fd: int, token: str, purpose: str) -> None:
    info = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "since": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "command": purpose or " ".join(Path(sys.argv[0]).name.split() + sys.argv[1:])[:300],
        "token": token,
    }
    os.ftruncate(fd, 0)
    os.pwrite(fd, json.dumps(info).encode(), 0)


def _read_holder(fd: int) -> dict:
    try:
        data = os.pread(fd, 4096, 0)
        found = json.loads(data.decode("utf-8")) if data else {}
        return found if isinstance(found, dict) else {}
    except (OSError, ValueError):
        return {}  # being written right now, or damaged: the message says "?"
