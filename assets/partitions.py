"""Arrival-day partitions, shared by every lake asset: one partition per day that received files.

A raw file belongs to the UTC day of its modification time (when it landed in the raw
folder). The partitions are *dynamic*: a day exists as a partition only once something adds
it (the raw-folder sensor and `akhbar run` add the days that hold files; the nightly schedule
adds yesterday, empty or not). So the UI's partition bar counts days that had work, never the
hundreds of days on which no file arrived, and a backfill of "missing" partitions never queues
empty days. Dynamic partition keys keep the order they were added in, which is not always the
date order (a file copied in with an old time adds an old day last), so a run over several
days is a range of *neighbouring keys* (`key_ranges`), and a step reads its days from the
run's partition keys, never by counting dates from the range's ends.

Lives with the assets (not in `pipelines`) because the asset definitions need it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from dagster import AssetExecutionContext, BackfillPolicy, DagsterInstance, DynamicPartitionsDefinition

from akhbar.ingest.reader import FIRST_ARRIVAL_DAY

ARRIVAL_START = str(FIRST_ARRIVAL_DAY)  # older files count as arriving that day
PARTITIONS_NAME = "arrival_days"

arrival_days = DynamicPartitionsDefinition(name=PARTITIONS_NAME)
single_run = BackfillPolicy.single_run()


def days_of(context: AssetExecutionContext) -> list[dt.date]:
    """The arrival days this run covers (one partition or a range of keys), in date order."""
    return sorted(dt.date.fromisoformat(key) for key in context.partition_keys)


def known_days(instance: DagsterInstance) -> list[str]:
    """The arrival-day partitions the instance has, in the order they were added."""
    return list(instance.get_dynamic_partitions(PARTITIONS_NAME))


def add_days(instance: DagsterInstance, days: Iterable[str]) -> list[str]:
    """Add the days the instance does not have yet (in date order); return the keys, in key order."""
    known = known_days(instance)
    new = sorted(set(days) - set(known))
    if new:
        instance.add_dynamic_partitions(PARTITIONS_NAME, new)
    return known + new


def key_ranges(keys: list[str], wanted: Iterable[str]) -> list[tuple[str, str]]:
    """Cover the `wanted` keys with ranges of neighbouring keys in `keys` (the partition order),
    so a range run never includes a key that was not wanted."""
    wanted = set(wanted)
    ranges: list[tuple[str, str]] = []
    previous_wanted = False
    for key in keys:
        if key in wanted:
            if previous_wanted:
                ranges[-1] = (ranges[-1][0], key)
            else:
                ranges.append((key, key))
        previous_wanted = key in wanted
    return ranges


def instance_with_days(days: Iterable[str]) -> DagsterInstance:
    """A throw-away instance that knows `days` as arrival-day partitions (for `materialize` in a
    notebook or a test)."""
    instance = DagsterInstance.ephemeral()
    add_days(instance, days)
    return instance
