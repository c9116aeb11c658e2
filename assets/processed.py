"""Which arrival days the lake holds, and for which state of the raw folder: the lake's own ledger.

A day's *fingerprint* is a digest of its raw files (path, size and modification time of each,
plus the paths refused while scanning): the same idea as the raw-folder sensor's cursor, which
uses this very function. `<lake>/_state/processed_days.json` records, per day, the fingerprint
of the files a run read and how far that run got:

- the raw step marks each of its days `raw` with the fingerprint it read, *before* writing
  anything, so a run that dies half-way never leaves a day marked done;
- the extract step (the last lake stage) marks its days `done` once every table is written and
  its blocking checks passed.

`akhbar run` skips a day whose current fingerprint equals its `done` fingerprint (nothing
changed since a complete run; `--force` redoes it), and the sensor does not start a run for
such a day either, so a day processed from the command line is not processed again when the UI
starts. The ledger lives in the lake, not in a Dagster instance, because it describes the lake:
copy or delete a lake and its ledger goes with it.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Iterable
from pathlib import Path

from akhbar.ingest.reader import RawFile, Rejection

STATE_FILE = "_state/processed_days.json"
RAW, DONE = "raw", "done"


def day_fingerprint(files: Iterable[RawFile], refused: Iterable[Rejection]) -> str:
    """A digest of one day's raw files: changes when a file is added, removed, renamed or rewritten."""
    lines = [f"{f.source_path}\0{f.size}\0{f.mtime_ns}" for f in files]
    # a bad link or a stray file is a delivery too: it goes to rejected_files
    lines += [f"{r.source_path}\0{r.reason}\0{r.mtime_ns}" for r in refused]
    return digest(lines)


def digest(lines: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(sorted(lines)).encode("utf-8", "surrogateescape")).hexdigest()[:16]


def _path(lake_root: str) -> Path | None:
    if "://" in lake_root:  # an object-store lake keeps no ledger: every day is re-run
        return None
    return Path(lake_root) / STATE_FILE


def read(lake_root: str) -> dict[str, dict[str, str]]:
    """{day: {"fingerprint": ..., "stage": "raw" | "done"}}; empty if the lake has no ledger."""
    path = _path(lake_root)
    try:
        state = json.loads(path.read_text(encoding="utf-8")) if path else {}
    except (OSError, json.JSONDecodeError):
        return {}
    return state if isinstance(state, dict) else {}


def done(lake_root: str) -> dict[str, str]:
    """{day: fingerprint} of the days a complete run processed."""
    return {
        day: entry.get("fingerprint", "")
        for day, entry in read(lake_root).items()
        if isinstance(entry, dict) and entry.get("stage") == DONE
    }


def mark(lake_root: str, stage: str, prints: dict[str, str] | None = None, days: Iterable[str] = ()) -> None:
    """Mark days `raw` with the fingerprints read (`prints`), or mark `days` (already `raw`) `done`.

    Written to a temporary file and renamed, so a reader sees the old ledger or the new one.
    Callers hold the lake lock. The file is only rewritten when an entry changes.
    """
    path = _path(lake_root)
    if path is None:
        return
    state = read(lake_root)
    before = json.dumps(state, sort_keys=True)
    for day, fingerprint in (prints or {}).items():
        state[day] = {"fingerprint": fingerprint, "stage": stage}
    for day in days:
        if day in state:
            state[day]["stage"] = stage
    text = json.dumps(state, sort_keys=True, indent=1)
    if json.dumps(state, sort_keys=True) == before and path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    tmp.write_text(text + "\n", encoding="utf-8")
    os.replace(tmp, path)
