"""Derived tables kept on disk between runs, so a process does not rebuild them at every start.

A cache file holds what a loader derives from installed data (wordfreq's word lists, the
gazetteer's tables, langid's model): it lives in `$AKHBAR_CACHE`, else `$XDG_CACHE_HOME/akhbar`,
else `~/.cache/akhbar`, and its name carries a digest of everything the table is made from
(the package's version, a hash of each data file, the loader's format number). A change to any
of them gives another name, so a stale file is never read: the table is rebuilt and written under
the new name. A file that cannot be read (cut short, corrupt, of another layout) counts as absent,
and a cache that cannot be written only means the slow path. Nothing is ever downloaded.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

# What a damaged or foreign cache file raises when unpickled: it is then rebuilt.
_UNREADABLE = (OSError, EOFError, ValueError, TypeError, AttributeError, ImportError, IndexError, KeyError)


def cache_dir() -> Path:
    """Where derived tables are kept between runs."""
    root = os.environ.get("AKHBAR_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "akhbar"
    )
    return Path(root)


def file_digest(path: str | os.PathLike[str]) -> str:
    """A digest of a data file's bytes (what a cached table is derived from)."""
    with open(path, "rb") as f:
        return hashlib.file_digest(f, lambda: hashlib.blake2b(digest_size=16)).hexdigest()


def key_of(parts: Iterable[object]) -> str:
    """A short digest of `parts` (versions, file digests, a format number): the cache file's name."""
    text = "\x1f".join(map(str, parts))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def path_of(name: str, key: str) -> Path:
    return cache_dir() / f"{name}-{key}.pickle"


def load(name: str, key: str, valid: Callable[[object], bool]) -> object | None:
    """The cached object `name` with `key`, or None when there is none or it is unreadable, or
    `valid` refuses it (a file of another layout)."""
    try:
        value = pickle.loads(path_of(name, key).read_bytes())
    except (pickle.UnpicklingError, *_UNREADABLE):
        return None
    try:
        return value if valid(value) else None
    except _UNREADABLE:
        return None


def store(name: str, key: str, value: object) -> None:
    """Write `value` as the cache of `name` with `key`: whole to a temporary file, then renamed, so a
    reader never sees half a file. Any error only means no cache."""
    path = path_of(name, key)
    temporary: str | None = None
    try:
        blob = pickle.dumps(value, protocol=5)
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{name}-", delete=False) as f:
            temporary = f.name
            f.write(blob)
        os.replace(temporary, path)
    except (OSError, pickle.PicklingError):
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def cached(name: str, key: str, build: Callable[[], T], valid: Callable[[object], bool]) -> T:
    """The cached `name` with `key` when there is a valid one, else `build()`, stored for next time."""
    found = load(name, key, valid)
    if found is not None:
        return found  # type: ignore[return-value]
    value = build()
    store(name, key, value)
    return value
