"""How per-document work is spread over the machine's cores."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from dagster import AssetExecutionContext, ConfigurableResource, MaterializeResult

from akhbar.lake.lock import lake_lock
from akhbar.run import pipeline
from akhbar.run.parallel import document_mapper, release_workers
from assets.checks import check_results, failures_named
from assets.metadata import table_metadata
from assets.partitions import days_of
from assets.resources import LakeResource


class WorkersResource(ConfigurableResource):
    """Processes for the per-document stages (normalize, extract); 1 runs in the run's own process."""

    processes: int = 0  # 0: one per CPU core

    @contextmanager
    def mapper(self) -> Iterator:
        with document_mapper(self.processes) as mapper:
            yield mapper


def run_document_stage(
    context: AssetExecutionContext,
    lake: LakeResource,
    workers: WorkersResource,
    layer: str,
    stage: Callable,
    upstream: str,
    tables: list[str],
    last_stage: bool = False,
) -> Iterator:
    """The body of a per-document layer (clean, extract): run `stage(lake_root, day, mapper)` on
    each of the run's days whose `upstream` partition exists, under the lake lock, then yield one
    MaterializeResult per table and the tables' quality checks.

    `last_stage`: no later step of the run uses the worker processes, so they are stopped before
    the checks (see `akhbar.parallel.release_workers`).
    """
    days = [d for d in days_of(context) if pipeline.has_output(lake.root, upstream, d)]
    totals = dict.fromkeys(tables, 0)
    with (
        failures_named(layer, lake.root, context.retry_number) as step,  # names the day and file
        lake_lock(lake.root, purpose=f"dagster run {context.run.run_id}"),  # one writer per lake
        workers.mapper() as mapper,
    ):
        for day in days:
            step.day = day
            report = stage(lake.root, day, mapper)
            context.log.info(f"{day}: {report.rows}, {report.rejected} documents failed")
            for k, v in report.rows.items():
                totals[k] += v
    if last_stage:
        release_workers()
    for table, rows in totals.items():
        yield MaterializeResult(asset_key=table, metadata=table_metadata(lake.root, table, rows, days))
    yield from check_results(lake.root, tables, days)
