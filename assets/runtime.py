"""How per-document work is spread over the machine's cores."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from dagster import AssetCheckSeverity, AssetExecutionContext, ConfigurableResource, MaterializeResult

from akhbar.lake.lock import lake_lock
from akhbar.run import pipeline
from akhbar.run.parallel import document_mapper, release_workers
from assets import processed
from assets.checks import check_results, failures_named
from assets.metadata import table_metadata
from assets.partitions import days_of
from assets.resources import LakeResource

# The project's run tags. The akhbar_daily job carries them (pipelines/jobs.py); a run launched
# another way (an asset graph "Materialize" click, which Dagster runs as its implicit asset job)
# gets them from its first step (`tag_run`), so every run that touched the lake says so.
WRITES_LAKE_TAG = "akhbar/writes_lake"
LAUNCHED_BY_TAG = "akhbar/launched_by"  # cli, sensor, nightly, ui
RUN_TAGS = {WRITES_LAKE_TAG: "true", "akhbar/project": "akhbar"}


def tag_run(context: AssetExecutionContext) -> None:
    """Add the project's tags a run lacks (launched from the asset graph, not through the job)."""
    missing = {k: v for k, v in {**RUN_TAGS, LAUNCHED_BY_TAG: "ui"}.items() if k not in context.run.tags}
    if missing:
        context.instance.add_run_tags(context.run.run_id, missing)


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
    tag_run(context)
    run_days = days_of(context)
    days = [d for d in run_days if pipeline.has_output(lake.root, upstream, d)]
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
    results = list(check_results(lake.root, tables, days))
    if last_stage and not any(r.severity == AssetCheckSeverity.ERROR and not r.passed for r in results):
        # every table of these days is written and checked: the ledger marks them done
        with lake_lock(lake.root, purpose=f"dagster run {context.run.run_id}"):
            processed.mark(lake.root, processed.DONE, days=[str(d) for d in run_days])
    for table, rows in totals.items():
        yield MaterializeResult(asset_key=table, metadata=table_metadata(lake.root, table, rows, days))
    yield from results
