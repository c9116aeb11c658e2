"""Data-quality asset checks on the lake tables, run in the same step that wrote the partitions.

Why in the step and not as separate `@asset_check`s: the layers are partitioned multi-assets
run as one step per run (single-run backfill policy). Declaring the checks as `check_specs`
of the multi-asset and yielding their results after the tables are written checks exactly
the partitions this run wrote, with no extra step or partition mapping. The rules themselves
are plain functions in `akhbar.lake.quality`; here they only become specs and results.

Two severities, set on each rule (`quality.Rule.blocking`). The key-integrity rules (`BLOCKING`:
unique, set ids and keys; participants pointing at events; events and mentions pointing at
articles) are ERROR and *blocking*: when one fails, the step fails after writing its tables and
reporting every check, so the run is marked failed and the later layers and the warehouse are
not built on the bad rows. Every other rule is WARN: the run goes on and the rows stay in the
lake for inspection. Either way the check's metadata gives the failing count, the days checked
and a sample of the failing rows. docs/quality.md lists every rule, here and in the SQL tests.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from dagster import (
    AssetCheckResult,
    AssetCheckSeverity,
    AssetCheckSpec,
    Backoff,
    Failure,
    MetadataValue,
    RetryPolicy,
)

from akhbar.lake import quality
from akhbar.lake.lock import LakeLocked

# (table, rule): a failure stops the run (ERROR severity, blocking); every other rule warns.
BLOCKING = {(rule.table, rule.name) for rule in quality.RULES if rule.blocking}


def severity_of(table: str, rule: str) -> AssetCheckSeverity:
    return AssetCheckSeverity.ERROR if (table, rule) in BLOCKING else AssetCheckSeverity.WARN


def check_specs(tables: list[str]) -> list[AssetCheckSpec]:
    """One check spec per quality rule on each of `tables` (for a multi-asset's `check_specs`)."""
    return [
        AssetCheckSpec(
            name=rule.name,
            asset=table,
            description=rule.description
            + (" Blocking: a failure fails the run." if (table, rule.name) in BLOCKING else ""),
            blocking=(table, rule.name) in BLOCKING,
        )
        for table in tables
        for rule in quality.rules_for(table)
    ]


def check_results(lake_root: str, tables: list[str], days: list[dt.date]) -> Iterator[AssetCheckResult]:
    """Evaluate every rule of `tables` on the partitions of `days` (the ones the run wrote)."""
    for outcome in quality.evaluate_tables(lake_root, tables, days):
        yield to_result(outcome, days)


def to_result(outcome: quality.Outcome, days: list[dt.date]) -> AssetCheckResult:
    return AssetCheckResult(
        asset_key=outcome.rule.table,
        check_name=outcome.rule.name,
        passed=outcome.passed,
        severity=severity_of(outcome.rule.table, outcome.rule.name),
        description=outcome.rule.description,
        metadata={
            "failing_rows": MetadataValue.int(outcome.failures),
            "days_checked": MetadataValue.text(_days_text(days)),
            "sample": MetadataValue.json(json.loads(json.dumps(outcome.sample, default=str))),
        },
    )


def _days_text(days: list[dt.date]) -> str:
    if not days:
        return "none (no data in the run's range)"
    return ", ".join(map(str, days)) if len(days) <= 10 else f"{days[0]} .. {days[-1]} ({len(days)} days)"


# --- Failures an operator can act on -----------------------------------------------------------

# Transient trouble (a busy disk, an object store hiccup) gets two more tries, 10 s then 30 s later
# (exponential backoff: delay * (2**n - 1) before try n + 1).
# A layer step is idempotent (each partition is replaced whole), so a retry redoes it safely.
LAYER_RETRY_POLICY = RetryPolicy(max_retries=2, delay=10, backoff=Backoff.EXPONENTIAL)


@dataclass
class StepPosition:
    """Where a layer step is (the arrival day it is processing), for the failure message."""

    day: dt.date | None = None


@contextmanager
def failures_named(layer: str, lake_root: str, retry_number: int = 0) -> Iterator[StepPosition]:
    """Turn an error that stops a layer step into a `Failure` naming the layer, day and file.

    Per-document problems never get here (they become rejected_files rows); what does is a
    step-wide problem: the lake not writable, a disk full, the lake locked by another run. A
    locked lake is not retried (another run is writing: retrying in seconds would not help,
    and the run queue keeps Dagster's own runs from overlapping). On the last try the failure
    is final, so the step's error is this message and not Dagster's "Exceeded max_retries".
    """
    position = StepPosition()
    try:
        yield position
    except LakeLocked as exc:
        raise Failure(str(exc), metadata={"lake": lake_root}, allow_retries=False) from exc
    except Failure:
        raise
    except Exception as exc:
        where = f"on arrival day {position.day}" if position.day else "before any arrival day started"
        path = getattr(exc, "filename", None)
        message = f"{layer} layer failed {where}" + (f", file {path}" if path else "")
        raise Failure(
            f"{message}: {type(exc).__name__}: {exc}",
            allow_retries=retry_number < LAYER_RETRY_POLICY.max_retries,
            metadata={
                "layer": layer,
                "arrival_day": str(position.day),
                "file": str(path) if path else "",
                "lake": lake_root,
            },
        ) from exc
