"""Fault injection for crash tests: kill the process with SIGKILL at a chosen checkpoint.

The pipeline calls `checkpoint(name)` at the points where a crash is interesting (before and
after each partition commit, every batch, the start of each stage and day). Two environment
variables drive it; with neither set a checkpoint is one dictionary lookup:

- `AKHBAR_FAULT_AT=<name>:<n>` kills the process (SIGKILL, like `kill -9`: no `finally`, no
  atexit, no flush) at the n-th time checkpoint `name` is reached; `*:<n>` counts every
  checkpoint whatever its name.
- `AKHBAR_FAULT_TRACE=<file>` appends each checkpoint name reached to `<file>`, one per
  line: how a test learns which kill points a run has.

Counters follow the value of `AKHBAR_FAULT_AT`: a new value starts counting from zero, so a
forked child with its own setting is not confused by its parent's counts.
"""

from __future__ import annotations

import os
import signal

FAULT_ENV = "AKHBAR_FAULT_AT"
TRACE_ENV = "AKHBAR_FAULT_TRACE"

_counts: dict[str, int] = {}
_counted_for: str | None = None


def checkpoint(name: str) -> None:
    """A point where the process may be killed on purpose (tests only; free when unset)."""
    spec = os.environ.get(FAULT_ENV)
    trace = os.environ.get(TRACE_ENV)
    if spec is None and trace is None:
        return
    if trace:
        with open(trace, "a", encoding="utf-8") as handle:
            handle.write(name + "\n")
    if spec:
        _maybe_die(spec, name)


def _maybe_die(spec: str, name: str) -> None:
    global _counted_for
    if spec != _counted_for:
        _counts.clear()
        _counted_for = spec
    target, _, nth = spec.rpartition(":")
    if target not in ("*", name):
        return
    _counts[target] = _counts.get(target, 0) + 1
    if _counts[target] == int(nth):
        os.kill(os.getpid(), signal.SIGKILL)
